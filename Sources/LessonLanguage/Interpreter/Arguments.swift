/// The arguments of a call as passed: positional values and keyword values in order. The binder
/// (`Signature.bind`) matches them to a callable's parameters.
public struct Arguments {
  public var positional: [Value]
  public var keywords: [(name: String, value: Value)]

  public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
    self.positional = positional
    self.keywords = keywords
  }
}
