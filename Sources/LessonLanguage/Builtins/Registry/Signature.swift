/// The parameter list of a callable, as Python's `inspect.signature` shows it:
/// `(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)`.
///
/// Builtins declare theirs with typed arguments (`Arg`); lesson `def`s get theirs from the syntax
/// tree. Both are bound by the one binder, `bind(_:function:)`, with Python's error messages.
public struct Signature: Sendable, Equatable, CustomStringConvertible {
  /// One parameter: its name, how it may be passed, and its default.
  public struct Parameter: Sendable, Equatable {
    /// How an argument reaches the parameter (Python's `inspect.Parameter.kind`).
    public enum Kind: Sendable, Equatable {
      /// Before `/`: by position only.
      case positionalOnly
      /// By position or by keyword.
      case positionalOrKeyword
      /// `*args`: the remaining positional arguments, as a tuple.
      case variadic
      /// After `*` or `*args`: by keyword only.
      case keywordOnly
      /// `**kwargs`: the remaining keyword arguments, as a dict.
      case keywordVariadic
    }

    public let name: String
    public let kind: Kind
    /// The default as Python source (`None`, `1`, `'mean'`); nil when the parameter is required.
    /// `*args` and `**kwargs` have none and are never required.
    public let defaultText: String?

    public init(_ name: String, kind: Kind = .positionalOrKeyword, defaultText: String? = nil) {
      self.name = name
      self.kind = kind
      self.defaultText = defaultText
    }

    /// Whether a call must pass it.
    public var isRequired: Bool {
      defaultText == nil && kind != .variadic && kind != .keywordVariadic
    }

    /// Whether it takes positional arguments one by one.
    var isPositional: Bool { kind == .positionalOnly || kind == .positionalOrKeyword }

    /// Whether a keyword argument can name it.
    var acceptsKeyword: Bool { kind == .positionalOrKeyword || kind == .keywordOnly }
  }

  /// The parameters in order: positional ones, `*args`, keyword-only ones, `**kwargs`.
  public let parameters: [Parameter]

  public init(_ parameters: [Parameter]) {
    self.parameters = parameters
  }

  /// `(input, weight, bias=None, *, dtype=None)`, as `inspect.signature` prints it.
  public var description: String {
    var parts: [String] = []
    var starShown = false
    for (index, parameter) in parameters.enumerated() {
      switch parameter.kind {
      case .variadic:
        parts.append("*" + parameter.name)
        starShown = true
      case .keywordVariadic:
        parts.append("**" + parameter.name)
      case .keywordOnly:
        if !starShown {
          parts.append("*")
          starShown = true
        }
        parts.append(Self.text(of: parameter))
      case .positionalOnly, .positionalOrKeyword:
        parts.append(Self.text(of: parameter))
      }
      let next = parameters.indices.contains(index + 1) ? parameters[index + 1].kind : nil
      if parameter.kind == .positionalOnly && next != .positionalOnly { parts.append("/") }
    }
    return "(" + parts.joined(separator: ", ") + ")"
  }

  private static func text(of parameter: Parameter) -> String {
    parameter.defaultText.map { "\(parameter.name)=\($0)" } ?? parameter.name
  }

  /// The problems that make this signature one Python would refuse (a duplicate name, a required
  /// positional parameter after one with a default, two `*args`); empty when it is valid. The
  /// registry's test checks every builtin's.
  public var problems: [String] {
    var problems: [String] = []
    var seen: Set<String> = []
    var sawDefault = false
    var lastKind = 0
    for parameter in parameters {
      if !seen.insert(parameter.name).inserted {
        problems.append("duplicate parameter '\(parameter.name)'")
      }
      let order: Int =
        switch parameter.kind {
        case .positionalOnly: 0
        case .positionalOrKeyword: 1
        case .variadic: 2
        case .keywordOnly: 3
        case .keywordVariadic: 4
        }
      if order < lastKind || (order == lastKind && (order == 2 || order == 4)) {
        problems.append("parameter '\(parameter.name)' is out of order")
      }
      lastKind = order
      if parameter.isPositional {
        if parameter.defaultText != nil {
          sawDefault = true
        } else if sawDefault {
          problems.append("required parameter '\(parameter.name)' follows one with a default")
        }
      }
    }
    return problems
  }
}
