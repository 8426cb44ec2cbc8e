/// How values print: Python's `str` and `repr`, PyTorch's tensor and module text, `format` specs.

/// The Python type name of a value, as messages show it (`int`, `Tensor`, `Net`).
public func typeName(of value: Value) -> String {
  switch value {
  case .none: return "NoneType"
  case .bool: return "bool"
  case .int: return "int"
  case .float: return "float"
  case .string: return "str"
  case .list: return "list"
  case .tuple: return "tuple"
  case .dict: return "dict"
  case .set: return "set"
  case .tensor: return "Tensor"
  case .size: return "torch.Size"
  case .slice: return "slice"
  case .ellipsis: return "ellipsis"
  case .module(let module): return module.typeName
  case .function: return "function"
  case .boundMethod: return "method"
  case .builtin: return "builtin_function_or_method"
  case .classObject: return "type"
  case .instance(let instance): return instance.classObject.name
  case .namespace: return "module"
  case .object(let object): return object.typeName
  }
}

extension Interpreter {
  /// Python's `str(value)`: what `print` shows.
  public func str(_ value: Value) -> String {
    switch value {
    case .string(let text): return text
    default: return repr(value)
    }
  }

  /// Python's `repr(value)`: what a notebook cell shows for its last expression.
  ///
  /// Lists, dicts and tuples are printed from a work list rather than by recursion, so nesting
  /// of any depth prints without exhausting the stack; a list or dict met again inside itself
  /// shows as `[...]` or `{...}`, as Python prints `l.append(l)`.
  public func repr(_ value: Value) -> String {
    var text = ""
    var open: Set<ObjectIdentifier> = []
    var pending: [ReprStep] = [.value(value)]
    while let step = pending.popLast() {
      switch step {
      case .text(let part):
        text += part
      case .value(let value):
        text += beginRepr(value, into: &pending, open: &open)
      case .items(let items, let next, let close, let id):
        guard next < items.count else {
          text += close
          if let id { open.remove(id) }
          continue
        }
        if next > 0 { text += ", " }
        pending.append(.items(items, next: next + 1, close: close, id: id))
        pending.append(.value(items[next]))
      case .entries(let storage, let next):
        guard next < storage.keys.count else {
          text += "}"
          open.remove(ObjectIdentifier(storage))
          continue
        }
        if next > 0 { text += ", " }
        pending.append(.entries(storage, next: next + 1))
        pending.append(.value(storage.values[next]))
        pending.append(.text(": "))
        pending.append(.value(storage.keys[next]))
      }
    }
    return text
  }

  /// Starts printing `value`: the text of a scalar, or the opening bracket of a container whose
  /// items are then queued on `pending`.
  private func beginRepr(
    _ value: Value, into pending: inout [ReprStep], open: inout Set<ObjectIdentifier>
  ) -> String {
    switch value {
    case .list(let storage):
      let id = ObjectIdentifier(storage)
      guard open.insert(id).inserted else { return "[...]" }
      pending.append(.items(storage.items, next: 0, close: "]", id: id))
      return "["
    case .dict(let storage):
      let id = ObjectIdentifier(storage)
      guard open.insert(id).inserted else { return "{...}" }
      pending.append(.entries(storage, next: 0))
      return "{"
    case .set(let storage):
      let id = ObjectIdentifier(storage)
      guard storage.count > 0 else { return "set()" }
      pending.append(.items(storage.items, next: 0, close: "}", id: id))
      return "{"
    case .tuple(let items):
      pending.append(.items(items, next: 0, close: items.count == 1 ? ",)" : ")", id: nil))
      return "("
    default:
      return scalarRepr(value)
    }
  }

  /// `repr` of everything but lists, dicts and tuples.
  private func scalarRepr(_ value: Value) -> String {
    switch value {
    case .none: return "None"
    case .bool(let v): return v ? "True" : "False"
    case .int(let v): return String(v)
    case .float(let v): return pythonRepr(v)
    case .string(let text): return quoted(text)
    case .list, .dict, .set, .tuple: return repr(value)
    case .tensor(let tensor):
      return tensor.isParameter ? formatParameter(tensor) : tensor.description
    case .size(let dims):
      return "torch.Size([" + dims.map(String.init).joined(separator: ", ") + "])"
    case .slice(let a, let b, let c):
      let parts = [a, b, c].map { $0.map(String.init) ?? "None" }
      return "slice(\(parts.joined(separator: ", ")))"
    case .ellipsis: return "Ellipsis"
    case .module(let module): return module.description
    case .function(let function): return "<function \(function.name)>"
    case .boundMethod(_, let function): return "<bound method \(function.name)>"
    case .builtin(let builtin): return "<built-in function \(builtin.shortName)>"
    case .classObject(let classObject): return "<class '__main__.\(classObject.name)'>"
    case .instance(let instance): return "<__main__.\(instance.classObject.name) object>"
    case .namespace(let name): return "<module '\(name)'>"
    case .object(let object): return object.text
    }
  }

  private func quoted(_ text: String) -> String { pythonStringRepr(text) }

  /// Python's `format(value, spec)`. A one-element tensor formats as its number, as PyTorch's
  /// `Tensor.__format__` does for 0-d tensors (`'{:.6f}'.format(loss)`).
  func format(_ value: Value, spec: String) throws -> String {
    let formatValue: FormatValue
    switch value {
    case .int(let v): formatValue = .int(v)
    case .float(let v): formatValue = .float(v)
    case .bool(let v): formatValue = .bool(v)
    case .string(let v): formatValue = .string(v)
    case .tensor(let tensor) where tensor.rank == 0:
      formatValue =
        tensor.dtype == .float32 ? .float(tensor.value(at: 0)) : .int(Int(tensor.value(at: 0)))
    default:
      guard spec.isEmpty else {
        throw PythonException.type(
          "unsupported format string passed to \(typeName(of: value)).__format__")
      }
      return str(value)
    }
    do {
      return try pythonFormat(formatValue, spec)
    } catch let error as FormatError {
      throw PythonException(error)
    }
  }

  /// `template % arguments` (printf-style), as Python's: `%s`, `%r`, `%d`, `%i`, `%f`, `%e`,
  /// `%g`, `%x`, `%X`, `%o`, `%c` with flags, width and precision, and `%(name)s` with a dict.
  func percentFormat(_ template: String, _ arguments: Value) throws -> String {
    var values: [Value]
    if case .tuple(let items) = arguments { values = items } else { values = [arguments] }
    var mapping: DictStorage?
    if case .dict(let dict) = arguments { mapping = dict }
    var result = ""
    var characters = template[...]
    while let character = characters.popFirst() {
      guard character == "%" else {
        result.append(character)
        continue
      }
      var key: String?
      if characters.first == "(" {
        characters.removeFirst()
        guard let close = characters.firstIndex(of: ")") else {
          throw PythonException.value("incomplete format key")
        }
        key = String(characters[..<close])
        characters = characters[characters.index(after: close)...]
      }
      var spec = ""
      while let next = characters.first, "-+ #0123456789.".contains(next) {
        spec.append(next)
        characters.removeFirst()
      }
      guard let type = characters.popFirst() else {
        throw PythonException.value("incomplete format")
      }
      if type == "%" {
        result += "%"
        continue
      }
      let value: Value
      if let key {
        guard let mapping else { throw PythonException.type("format requires a mapping") }
        guard let found = mapping[.string(key)] else {
          throw PythonException(.keyError, pythonStringRepr(key))
        }
        value = found
      } else {
        guard !values.isEmpty else {
          throw PythonException.type("not enough arguments for format string")
        }
        value = values.removeFirst()
      }
      // printf's `-` is format's `<`; printf right-aligns text that format would left-align.
      let leftAligned = spec.contains("-")
      let flags = spec.filter { $0 != "-" }
      let numberSpec = (leftAligned ? "<" : "") + flags
      let textSpec = (leftAligned ? "<" : ">") + flags.drop(while: { "+ #0".contains($0) })
      switch type {
      case "s": result += try format(.string(str(value)), spec: textSpec)
      case "r": result += try format(.string(repr(value)), spec: textSpec)
      case "c":
        let text: String
        if case .string(let s) = value, s.count == 1 {
          text = s
        } else if let scalar = Unicode.Scalar(UInt32(clamping: max(0, Int(try numberValue(value)))))
        {
          text = String(Character(scalar))
        } else {
          throw PythonException(.overflowError, "%c arg not in range(0x110000)")
        }
        result += try format(.string(text), spec: textSpec)
      case "d", "i", "u":
        result += try format(.int(try integerValue(value)), spec: numberSpec + "d")
      case "f", "e", "g", "F", "E", "G", "x", "X", "o":
        let number: Value =
          "xXo".contains(type) ? .int(try integerValue(value)) : .float(try numberValue(value))
        result += try format(number, spec: numberSpec + String(type))
      default:
        throw PythonException.value("unsupported format character '\(type)'")
      }
    }
    guard mapping != nil || values.isEmpty else {
      throw PythonException.type("not all arguments converted during string formatting")
    }
    return result
  }

  /// A number as `%d` takes it: ints as they are, floats truncated toward zero.
  private func integerValue(_ value: Value) throws -> Int {
    if case .int(let v) = value { return v }
    let number = try numberValue(value)
    guard number.isFinite, abs(number) < 9.2e18 else {
      throw PythonException(
        number.isNaN ? .valueError : .overflowError,
        number.isNaN
          ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
    }
    return Int(number)
  }

  func numberValue(_ value: Value) throws -> Double {
    switch value {
    case .int(let v): return Double(v)
    case .float(let v): return v
    case .bool(let v): return v ? 1 : 0
    case .tensor(let t) where t.count == 1: return t.value(at: 0)
    default: throw PythonException.type("must be real number, not \(typeName(of: value))")
    }
  }
}

/// Python's `repr` of a str: single quotes unless the text holds one and no double quote.
func pythonStringRepr(_ text: String) -> String {
  let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
  var result = String(quote)
  for character in text {
    switch character {
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    case "\t": result += "\\t"
    case "\r": result += "\\r"
    case quote: result += "\\\(quote)"
    default: result.append(character)
    }
  }
  return result + String(quote)
}

/// One step of printing a value (see `Interpreter.repr`).
private enum ReprStep {
  /// Text to print as it is.
  case text(String)
  /// A value to print.
  case value(Value)
  /// The items of a list or tuple from `next` on, then `close`; `id` is the list's, to forget once
  /// it is printed.
  case items([Value], next: Int, close: String, id: ObjectIdentifier?)
  /// The entries of a dict from `next` on, then `}`.
  case entries(DictStorage, next: Int)
}
