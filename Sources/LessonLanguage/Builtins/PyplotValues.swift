/// What pyplot's drawing calls take: arrays of numbers (tensors, or lists nested as NumPy
/// would read them), `plot`'s positional groups and format strings, and colours.

import Figures

/// One line `plot` draws.
struct PlotLine {
  var x: [Double]?
  var y: [Double]
  var label: String?
  var marker: String?
  var color: RGBColor?
}

extension Interpreter {
  /// The numbers of a tensor, a number, or a list, tuple or other iterable (`range`) nested at
  /// most 3 deep, with their shape and whether they are integers (matplotlib reads integer RGB
  /// in 0...255).
  func plotArray(_ value: Value, function: String, depth: Int = 0) throws -> (
    values: [Double], shape: [Int], integral: Bool
  ) {
    switch value {
    case .tensor(let tensor):
      return (tensor.floatValues.map(Double.init), tensor.shape, tensor.dtype != .float32)
    case .int(let v): return ([Double(v)], [], true)
    case .bool(let v): return ([v ? 1 : 0], [], true)
    case .float(let v): return ([v], [], false)
    case .list, .tuple, .size, .object(is IterableObject):
      guard depth < 3 else {
        throw PythonException.value(
          "\(function)() takes arrays of at most 3 dimensions from nested lists",
          notes: ["pass a tensor"])
      }
      var values: [Double] = []
      var inner: [Int]?
      var integral = true
      let items = try iterateAll(value)
      for item in items {
        let part = try plotArray(item, function: function, depth: depth + 1)
        guard inner == nil || inner == part.shape else {
          throw PythonException.value(
            "setting an array element with a sequence. The requested array has an "
              + "inhomogeneous shape after \(depth + 1) dimensions.")
        }
        inner = part.shape
        values += part.values
        integral = integral && part.integral
      }
      return (values, [items.count] + (inner ?? []), integral)
    default:
      throw PythonException.type(
        "\(function)(): expected a tensor or a list of numbers, not \(typeName(of: value))")
    }
  }

  /// A 1-D array of numbers (a `(N, 1)` column counts as one), for `plot`, `scatter`, `bar`
  /// and `hist`.
  func plotSequence(_ value: Value, function: String) throws -> [Double] {
    let array = try plotArray(value, function: function)
    switch array.shape.count {
    case 0, 1: return array.values
    case 2 where array.shape[1] == 1: return array.values
    default:
      throw PythonException.value(
        "\(function)() of a \(array.shape.count)-D array is not supported in lessons",
        notes: ["pass 1-D values, e.g. x.flatten() or one row x[i]"])
    }
  }

  /// `plot`'s arguments as matplotlib reads them: groups of `[x], y, [fmt]`, and the keywords
  /// `label`, `marker`, `color` (or `c`) and the line's look (`linestyle`, `linewidth`, ...),
  /// which change nothing here.
  func plotLines(_ arguments: [Value], keywords: [(name: String, value: Value)]) throws
    -> [PlotLine]
  {
    var lines: [PlotLine] = []
    var index = 0
    while index < arguments.count {
      guard !arguments[index].isString else {
        throw PythonException.value("plot() format string must follow the data it applies to")
      }
      let first = arguments[index]
      index += 1
      var second: Value?
      if index < arguments.count, !arguments[index].isString {
        second = arguments[index]
        index += 1
      }
      var line = PlotLine(x: nil, y: [])
      if index < arguments.count, case .string(let format) = arguments[index] {
        (line.marker, line.color) = try parseFormat(format)
        index += 1
      }
      line.y = try plotSequence(second ?? first, function: "plot")
      line.x = try second.map { _ in try plotSequence(first, function: "plot") }
      lines.append(line)
    }
    for (name, value) in keywords {
      switch name {
      case "label":
        let text = try stringValue(value, keyword: name)
        for index in lines.indices { lines[index].label = text }
      case "marker":
        let marker = try stringValue(value, keyword: name)
        for index in lines.indices { lines[index].marker = marker }
      case "color", "c":
        let colour = try plotColor(try stringValue(value, keyword: name))
        for index in lines.indices { lines[index].color = colour }
      case "linestyle", "ls", "linewidth", "lw", "markersize", "ms", "alpha", "zorder":
        break
      default:
        throw PythonException.attribute(
          "Line2D.set() got an unexpected keyword argument '\(name)'")
      }
    }
    return lines
  }

  private func stringValue(_ value: Value, keyword: String) throws -> String {
    guard case .string(let text) = value else {
      throw PythonException.type("plot(): '\(keyword)' must be a str, not \(typeName(of: value))")
    }
    return text
  }
}

/// A `plot` format string such as `'o-'`, `'r--'`, `'bx'`: its marker and colour (the line
/// style changes nothing here). Throws matplotlib's error for a character it does not know.
func parseFormat(_ format: String) throws -> (marker: String?, color: RGBColor?) {
  var marker: String?
  var color: RGBColor?
  var rest = Substring(format)
  while let character = rest.first {
    if rest.hasPrefix("--") || rest.hasPrefix("-.") {
      rest = rest.dropFirst(2)
    } else if character == "-" || character == ":" {
      rest = rest.dropFirst()
    } else if "bgrcmykw".contains(character) {
      color = RGBColor.named(String(character))
      rest = rest.dropFirst()
    } else if ".,ox+s^v<>*DdphH|_12348PX".contains(character) {
      marker = String(character)
      rest = rest.dropFirst()
    } else {
      throw PythonException.value(
        "\(pythonStringRepr(format)) is not a valid format string (unrecognized character "
          + "\(pythonStringRepr(String(character))))")
    }
  }
  return (marker, color)
}

/// matplotlib's colour for a name (`'red'`, `'r'`, `'C1'`, `'#1f77b4'`), nil for none.
func plotColor(_ name: String?) throws -> RGBColor? {
  guard let name else { return nil }
  guard let color = RGBColor.named(name) else {
    throw PythonException.value(
      "\(pythonStringRepr(name)) is not a valid color value.",
      notes: ["use a name such as 'red', a letter such as 'r', 'C0'...'C9' or '#rrggbb'"])
  }
  return color
}

extension Value {
  fileprivate var isString: Bool {
    if case .string = self { return true }
    return false
  }
}
