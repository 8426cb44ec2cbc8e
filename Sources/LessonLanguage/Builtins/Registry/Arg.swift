/// A typed parameter of a builtin: its entry in the signature and how a passed value becomes the
/// Swift value the builtin's body receives.
///
/// A builtin lists its `Arg`s once; the binder matches the call to them by Python's rules and hands
/// the body one converted value per `Arg`, in order, so a parameter's name is written once and
/// cannot drift from what the body reads:
///
/// ```swift
/// .function("torch.nn.functional.linear", .tensor("input"), .tensor("weight"),
///           .optionalTensor("bias")) { _, input, weight, bias in ... }
/// ```
public struct Arg<T>: Sendable {
  /// The parameter as the signature shows it.
  public let parameter: Signature.Parameter
  /// The value for the body, from the argument passed (nil: none was) and the call's context.
  let convert: @Sendable (Value?, ArgumentContext) throws -> T

  init(
    _ parameter: Signature.Parameter,
    convert: @escaping @Sendable (Value?, ArgumentContext) throws -> T
  ) {
    self.parameter = parameter
    self.convert = convert
  }

  /// The same parameter, passed by keyword only (after `*` in the signature).
  public var keywordOnly: Arg<T> {
    Arg(
      Signature.Parameter(parameter.name, kind: .keywordOnly, defaultText: parameter.defaultText),
      convert: convert)
  }

  /// The same parameter, passed by position only (before `/` in the signature).
  public var positionalOnly: Arg<T> {
    Arg(
      Signature.Parameter(
        parameter.name, kind: .positionalOnly, defaultText: parameter.defaultText),
      convert: convert)
  }

  /// A required parameter (the binder guarantees an argument was passed).
  static func required(
    _ name: String, _ convert: @escaping @Sendable (Value, ArgumentContext) throws -> T
  ) -> Arg<T> {
    Arg(Signature.Parameter(name)) { value, context in
      try convert(value ?? .none, context)
    }
  }

  /// A parameter with a default, shown in the signature as `text`: not passed, or passed as
  /// `None`, gives `defaultValue`.
  static func withDefault(
    _ name: String, _ defaultValue: T, text: String,
    _ convert: @escaping @Sendable (Value, ArgumentContext) throws -> T
  ) -> Arg<T> where T: Sendable {
    Arg(Signature.Parameter(name, defaultText: text)) { value, context in
      switch value {
      case nil, .none?: defaultValue
      case let value?: try convert(value, context)
      }
    }
  }
}

extension Arg {
  /// A parameter whose default is `None`: nil when not passed or passed as `None`.
  static func optional<Wrapped>(
    _ name: String, _ convert: @escaping @Sendable (Value, ArgumentContext) throws -> Wrapped
  ) -> Arg<Wrapped?> where T == Wrapped? {
    Arg<Wrapped?>(Signature.Parameter(name, defaultText: "None")) { value, context in
      switch value {
      case nil, .none?: nil
      case let value?: try convert(value, context)
      }
    }
  }
}

/// What a conversion may need: the callable's name for messages, and the interpreter (to iterate a
/// value, or to call one).
public struct ArgumentContext {
  /// The short name Python shows (`conv2d`).
  public let function: String
  public let interpreter: Interpreter

  /// `conv2d(): argument 'stride' must be an int or a pair of ints, not str`
  func wrongType(_ name: String, expected: String, _ value: Value) -> PythonException {
    .type("\(function)(): argument '\(name)' must be \(expected), not \(typeName(of: value))")
  }
}
