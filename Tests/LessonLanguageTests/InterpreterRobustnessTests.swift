import Foundation
import Testing

@testable import LessonLanguage

/// User input must never crash the tool: truncated cells, mutated programs, deep recursion and
/// huge sizes all end in a `Diagnostic` (these tests pass by not crashing the test process).
@Suite struct InterpreterRobustnessTests {
  /// The code cells of `lessons/08.md`, in order.
  static func lessonCells() throws -> [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let text = try String(contentsOf: root.appendingPathComponent("lessons/08.md"), encoding: .utf8)
    var cells: [String] = []
    var current: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line == "```python" {
        current = []
      } else if let lines = current, line == "```" {
        cells.append(lines.joined(separator: "\n"))
        current = nil
      } else {
        current?.append(line)
      }
    }
    return cells
  }

  /// Runs `source` in `interpreter`; any failure must be a `Diagnostic` (the only error `run`
  /// can throw), so reaching the end is the test.
  static func survive(_ source: String, in interpreter: Interpreter) -> Diagnostic? {
    let file = SourceFile(path: "fuzz.py", text: source)
    do {
      try interpreter.run(source, file: file)
      return nil
    } catch {
      expectWellFormed(error, in: file)
      return error
    }
  }

  /// A diagnostic a user can act on: it points at a line of a file (this one, or the one that
  /// defined the function that failed) and a column on it, says what is wrong, and names the
  /// Python exception for runtime errors.
  static func expectWellFormed(
    _ diagnostic: Diagnostic, in file: SourceFile,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard let span = diagnostic.span else {
      Issue.record("no location: \(diagnostic)", sourceLocation: sourceLocation)
      return
    }
    let line = span.file.line(span.line)
    #expect(span.file.path == file.path, "\(diagnostic)", sourceLocation: sourceLocation)
    #expect(line != nil, "line \(span.line) is not in the file", sourceLocation: sourceLocation)
    #expect(
      span.column >= 1 && span.column <= (line?.count ?? 0) + 1,
      "column \(span.column): \(diagnostic)",
      sourceLocation: sourceLocation)
    #expect(!diagnostic.message.isEmpty, sourceLocation: sourceLocation)
    #expect(
      !diagnostic.message.contains("Swift.") && !diagnostic.message.contains("Error Domain"),
      "raw Swift error text: \(diagnostic.message)", sourceLocation: sourceLocation)
    if let exception = diagnostic.exception {
      #expect(
        diagnostic.message.hasPrefix(exception.type.name), "\(diagnostic.message)",
        sourceLocation: sourceLocation)
    }
  }

  @Test func everyPrefixOfTheLessonCellsRunsOrFailsCleanly() throws {
    let cells = try Self.lessonCells()
    try #require(cells.count > 10)
    // Smaller images keep the many runs of the network cheap; the code paths are the same.
    let shrunk = cells.map {
      $0.replacingOccurrences(of: "torch.randn(64, 1, 28, 28)", with: "torch.randn(2, 1, 28, 28)")
    }
    let interpreter = Interpreter(output: { _ in })
    var failures = 0
    for cell in shrunk {
      let characters = Array(cell)
      // Every prefix that ends between two tokens or inside one: cut after each character.
      for end in stride(from: 0, to: characters.count, by: 1)
      where end % 3 == 0 || !characters[end].isLetter {
        if Self.survive(String(characters[..<end]), in: interpreter) != nil { failures += 1 }
      }
      _ = Self.survive(cell, in: interpreter)  // then the whole cell, so later cells see its names
    }
    // Most prefixes cut a statement short: they must fail (with well-formed diagnostics).
    #expect(failures > 100)
  }

  @Test func mutatedProgramsNeverCrash() throws {
    let sources =
      try Self.lessonCells().filter { !$0.contains("randn(64") }
      + (InterpreterTests.functions + InterpreterTests.classes + InterpreterTests.containers).map(
        \.source)
      + BuiltinsTorchTests.modules.map { BuiltinsTorchTests.prelude + $0.source }
    var generator = MutationRandom(seed: 8)
    var diagnostics = 0
    for round in 0..<300 {
      let tokens = Self.tokens(of: sources[round % sources.count])
      let mutated = Self.mutate(tokens, using: &generator).joined()
      let interpreter = Interpreter(output: { _ in })
      if Self.survive(BuiltinsTorchTests.prelude + mutated, in: interpreter) != nil {
        diagnostics += 1
      }
    }
    #expect(diagnostics > 0)
  }

  /// Splits source into rough tokens (names, numbers, strings, single symbols, whitespace runs)
  /// whose concatenation is the source.
  static func tokens(of source: String) -> [String] {
    var tokens: [String] = []
    var current = ""
    var kind = 0  // 1 word, 2 space, 0 symbol
    for character in source {
      let next =
        character.isLetter || character.isNumber || character == "_"
        ? 1 : (character == " " ? 2 : 0)
      if next == kind && next != 0 {
        current.append(character)
      } else {
        if !current.isEmpty { tokens.append(current) }
        current = String(character)
        kind = next
      }
    }
    if !current.isEmpty { tokens.append(current) }
    return tokens
  }

  /// Deletes, duplicates or swaps one to three non-space tokens.
  static func mutate(_ tokens: [String], using generator: inout MutationRandom) -> [String] {
    var result = tokens
    for _ in 0...(generator.next(below: 3)) {
      let candidates = result.indices.filter { !result[$0].allSatisfy { $0 == " " } }
      guard
        let index = candidates.isEmpty ? nil : candidates[generator.next(below: candidates.count)]
      else {
        break
      }
      switch generator.next(below: 3) {
      case 0: result.remove(at: index)
      case 1: result.insert(result[index], at: index)
      default:
        let other = candidates[generator.next(below: candidates.count)]
        result.swapAt(index, other)
      }
    }
    return result
  }

  @Test func deeplyNestedExpressionsAreStopped() {
    let long = "x = " + Array(repeating: "1", count: 20000).joined(separator: " + ")
    let result = InterpreterTestSupport.run(long)
    #expect(
      result.error?.message == "RecursionError: maximum recursion depth exceeded during compilation"
    )
    #expect(
      InterpreterTestSupport.output(
        "x = " + Array(repeating: "1", count: 500).joined(separator: "+") + "\nprint(x)") == "500\n"
    )
  }

  /// Runs `source` on a new thread with a stack of `stackSize` bytes; returns its output and error.
  static func runOnThread(_ source: String, stackSize: Int) async -> LessonRunResult {
    await withCheckedContinuation { (continuation: CheckedContinuation<LessonRunResult, Never>) in
      let thread = Thread { continuation.resume(returning: InterpreterTestSupport.run(source)) }
      thread.stackSize = stackSize
      thread.start()
    }
  }

  @Test func deepRecursionStopsOnASmallThreadStack() async {
    // 512 KiB, like many secondary threads: too small for the 100 calls the frame limit allows.
    let result = await Self.runOnThread(
      "def f(n):\n    return f(n + 1) + 1\nf(0)", stackSize: 512 * 1024)
    #expect(result.error?.message == "RecursionError: maximum recursion depth exceeded")
    #expect(result.error?.notes.first?.contains("nests calls or expressions too deeply") == true)
  }

  @Test func theCallLimitFitsAMainThreadStack() async {
    // On an 8 MiB stack (the main thread's), 99 nested lesson calls with a few nested expressions
    // each run in a debug build (about 40 KiB of stack per call), and the 101st call hits the
    // frame limit before the stack guard.
    let deep = "def f(n):\n    return 0 if n == 0 else 1 + (1 * f(n - 1))\nprint(f(99))"
    #expect(await Self.runOnThread(deep, stackSize: 8 << 20).output == "99\n")
    let tooDeep = await Self.runOnThread(
      deep.replacingOccurrences(of: "99", with: "100"), stackSize: 8 << 20)
    #expect(tooDeep.error?.notes.first == "lessons allow 100 nested calls; use a loop instead")
  }

  @Test func hugeRangesAndOverflowingStepsDoNotTrap() {
    let source =
      "print(list(range(-9223372036854775807, 9223372036854775807, 4611686018427387904)))\nprint(len(range(0, 10 ** 18)))"
    #expect(
      InterpreterTestSupport.output(source)
        == "[-9223372036854775807, -4611686018427387903, 1, 4611686018427387905]\n1000000000000000000\n"
    )
  }
}

/// A small deterministic generator for the mutation test (SplitMix64).
struct MutationRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next(below bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}
