import CStackBounds

/// Keeps deep recursion in lesson code (a recursive function, a 5,000-term `1 + 1 + ...`) from
/// overflowing the Swift stack: the tree-walking interpreter recurses once per nested expression
/// and call, and a debug build spends several kilobytes of stack per level.
///
/// The guard reads the current thread's stack bounds once per `Interpreter.run` and reports a
/// `RecursionError` when less than a safety margin is left, whatever thread runs the lesson.
struct StackGuard {
  /// The lowest stack address the interpreter may reach (the stack grows down).
  let limit: UInt

  /// Bytes kept free below the limit for the Swift code that runs between two checks
  /// (builtins, tensor kernels, printing).
  static let margin: UInt = 256 * 1024

  /// The guard for the calling thread, or one that never trips if the bounds are unknown.
  init() {
    limit = StackGuard.currentThreadLimit() ?? 0
  }

  private static func currentThreadLimit() -> UInt? {
    var base: UnsafeMutableRawPointer?
    var size = 0
    guard cnn_current_stack_bounds(&base, &size) == 0, let base else { return nil }
    // Keep the larger of the margin and an eighth of the stack (a 512 KiB secondary thread).
    return UInt(bitPattern: base) + max(margin, UInt(size) / 8)
  }

  /// Throws `RecursionError` when the stack is nearly used up.
  @inline(never)
  func check() throws {
    var marker: UInt8 = 0
    let address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    guard address > limit else {
      throw PythonException(
        .recursionError, "maximum recursion depth exceeded",
        notes: [
          "the program nests calls or expressions too deeply; use a loop or split the expression"
        ])
    }
  }
}
