/// What a `figure` block can say of a window animation.

/// `animation OP [HxW -> HxW][, kernel K][, stride S][, padding P][, dilation D]`: an animation
/// of `OP` (`conv2d`, `max_pool2d`, `avg_pool2d`), with the sizes and options given. What it
/// leaves out is not checked; an option it names must have that value (`padding 0` is the
/// default, so an animation without padding satisfies it).
public struct AnimationClaim: Equatable, Sendable {
  public var operation: WindowAnimation.Operation
  /// The input's size before padding, and the output's, when claimed.
  public var sizes: (input: WindowAnimation.Pair, output: WindowAnimation.Pair)?
  /// Claimed options by name (`kernel`, `stride`, `padding`, `dilation`), written as the
  /// caption writes them (`2`, `3x1`).
  public var options: [(name: String, value: String)]

  public static let optionNames = ["kernel", "stride", "padding", "dilation"]

  public init(
    operation: WindowAnimation.Operation,
    sizes: (input: WindowAnimation.Pair, output: WindowAnimation.Pair)? = nil,
    options: [(name: String, value: String)] = []
  ) {
    self.operation = operation
    self.sizes = sizes
    self.options = options
  }

  /// The claim that describes `animation` fully (its caption).
  public init(describing animation: WindowAnimation) {
    var options = [
      ("kernel", animation.kernelSize.text()), ("stride", animation.stride.text(square: true)),
    ]
    if animation.padding != .init(0, 0) {
      options.append(("padding", animation.padding.text(square: true)))
    }
    if animation.dilation != .init(1, 1) {
      options.append(("dilation", animation.dilation.text(square: true)))
    }
    let input = WindowAnimation.Pair(animation.input.count, animation.input.first?.count ?? 0)
    self.init(
      operation: animation.operation, sizes: (input, animation.outputSize),
      options: options.map { (name: $0.0, value: $0.1) })
  }

  /// Every option's value in `animation`, defaults included, as the caption writes them.
  static func allOptions(of animation: WindowAnimation) -> [String: String] {
    [
      "kernel": animation.kernelSize.text(), "stride": animation.stride.text(square: true),
      "padding": animation.padding.text(square: true),
      "dilation": animation.dilation.text(square: true),
    ]
  }

  /// The claim written out: `animation conv2d 3x3 -> 2x2, kernel 2x2, stride 1`.
  public var text: String {
    var head = "animation " + operation.rawValue
    if let sizes { head += " \(sizes.input.text()) -> \(sizes.output.text())" }
    return ([head] + options.map { "\($0.name) \($0.value)" }).joined(separator: ", ")
  }

  /// Why `animation` does not satisfy the claim; empty when it does.
  public func mismatches(in animation: WindowAnimation) -> [String] {
    let actual = AnimationClaim(describing: animation)
    var holds = animation.operation == operation
    if let sizes, let actualSizes = actual.sizes {
      holds = holds && sizes.input == actualSizes.input && sizes.output == actualSizes.output
    }
    let values = Self.allOptions(of: animation)
    for option in options where values[option.name] != option.value { holds = false }
    return holds ? [] : ["expected \(text), found \(actual.text)"]
  }

  public static func == (lhs: AnimationClaim, rhs: AnimationClaim) -> Bool {
    lhs.operation == rhs.operation && lhs.sizes?.input == rhs.sizes?.input
      && lhs.sizes?.output == rhs.sizes?.output
      && lhs.options.elementsEqual(rhs.options) { $0.name == $1.name && $0.value == $1.value }
  }
}

extension FigureExpectation {
  /// `animation ...`; nil when the line is not an animation claim.
  static func parseAnimation(_ line: String) throws(ClaimSyntaxError) -> FigureClaim? {
    guard line == "animation" || line.hasPrefix("animation ") else { return nil }
    let note =
      "write e.g. 'animation conv2d 5x5 -> 3x3, stride 2, padding 1' (operations: "
      + WindowAnimation.Operation.allCases.map(\.rawValue).joined(separator: ", ") + ")"
    let parts = line.dropFirst("animation".count).split(separator: ",").map { $0.trimmingSpaces }
    let head = (parts.first ?? "").split(separator: " ").map(String.init)
    guard let name = head.first, let operation = WindowAnimation.Operation(rawValue: name) else {
      throw ClaimSyntaxError(message: "cannot read the animation claim '\(line)'", note: note)
    }
    var claim = AnimationClaim(operation: operation)
    if head.count > 1 {
      guard head.count == 4, head[2] == "->", let input = dimensions(Substring(head[1])),
        let output = dimensions(Substring(head[3]))
      else {
        throw ClaimSyntaxError(
          message: "cannot read the sizes '\(head.dropFirst().joined(separator: " "))'",
          note: "write them as 'INPUT -> OUTPUT', e.g. '5x5 -> 3x3'")
      }
      claim.sizes = (.init(input.0, input.1), .init(output.0, output.1))
    }
    for part in parts.dropFirst() {
      let words = part.split(separator: " ").map(String.init)
      guard words.count == 2, AnimationClaim.optionNames.contains(words[0]) else {
        throw ClaimSyntaxError(message: "cannot read '\(part)' in an animation claim", note: note)
      }
      claim.options.append((words[0], words[1]))
    }
    return .animation(claim)
  }
}
