/// A function, class or method the tool provides to lesson code under its PyTorch or Python
/// name, with its signature.

/// One entry of the builtin registry: the qualified name (`torch.nn.functional.conv2d`,
/// `torch.Tensor.view`, `builtins.print`), the signature, and the body.
///
/// Entries are made with `function(_:_:body:)`, whose typed `Arg`s are both the signature and the
/// values the body receives. Immutable and `Sendable`: the registry is a plain `let`.
public final class BuiltinFunction: Sendable {
  /// The qualified name, as Python would spell it.
  public let name: String
  /// The parameters, as `inspect.signature` would show them.
  public let signature: Signature
  private let run: @Sendable (Interpreter, [Value?]) throws -> Value

  init(
    name: String, signature: Signature,
    run: @escaping @Sendable (Interpreter, [Value?]) throws -> Value
  ) {
    self.name = name
    self.signature = signature
    self.run = run
  }

  /// The name Python shows in messages (`conv2d`, `view`, `print`).
  public var shortName: String {
    String(name.split(separator: ".").last ?? Substring(name))
  }

  /// The namespace or class the entry belongs to (`torch.nn.functional`, `torch.Tensor`).
  public var namespace: String {
    String(name.split(separator: ".").dropLast().joined(separator: "."))
  }

  /// Binds `arguments` to the signature (Python's rules and errors) and runs the body.
  public func call(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
    try run(interpreter, try signature.bind(arguments, function: shortName))
  }

  /// This entry under `name` without its first parameter, which `receiver` supplies at each
  /// call: pyplot's `plt.plot(...)` is the current axes' `plot(...)`.
  func withImplicitReceiver(
    named name: String, _ receiver: @escaping @Sendable (Interpreter) throws -> Value
  ) -> BuiltinFunction {
    let run = self.run
    return BuiltinFunction(
      name: name, signature: Signature(Array(signature.parameters.dropFirst()))
    ) { interpreter, slots in
      try run(interpreter, [try receiver(interpreter)] + slots)
    }
  }

  /// An entry whose body receives one converted value per `Arg`, in order.
  public static func function<each T>(
    _ name: String, _ arguments: repeat Arg<each T>,
    body: @escaping @Sendable (Interpreter, repeat each T) throws -> Value
  ) -> BuiltinFunction {
    var parameters: [Signature.Parameter] = []
    repeat parameters.append((each arguments).parameter)
    let shortName = String(name.split(separator: ".").last ?? Substring(name))
    return BuiltinFunction(name: name, signature: Signature(parameters)) { interpreter, slots in
      let context = ArgumentContext(function: shortName, interpreter: interpreter)
      let cursor = SlotCursor(slots)
      return try body(interpreter, repeat try cursor.next(each arguments, context))
    }
  }
}

/// Walks the bound slots in parameter order while a body's arguments are converted.
private final class SlotCursor {
  private let slots: [Value?]
  private var index = 0

  init(_ slots: [Value?]) { self.slots = slots }

  func next<T>(_ argument: Arg<T>, _ context: ArgumentContext) throws -> T {
    defer { index += 1 }
    return try argument.convert(slots.indices.contains(index) ? slots[index] : nil, context)
  }
}

/// A builtin as a value: the entry, and for a method the receiver it was looked up on, passed as
/// the first positional argument (`self`).
public struct Builtin {
  public let function: BuiltinFunction
  public let receiver: Value?

  public init(_ function: BuiltinFunction, receiver: Value? = nil) {
    self.function = function
    self.receiver = receiver
  }

  /// The qualified name (`torch.zeros`, `torch.Tensor.view`).
  public var name: String { function.name }

  /// The short name Python shows in messages (`view` for `torch.Tensor.view`).
  public var shortName: String { function.shortName }

  /// Calls the builtin, with the receiver (if any) as the first argument.
  public func call(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
    var arguments = arguments
    if let receiver { arguments.positional.insert(receiver, at: 0) }
    return try function.call(interpreter, arguments)
  }
}
