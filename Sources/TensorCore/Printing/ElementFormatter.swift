/// How tensors are printed: PyTorch's `PRINT_OPTS` (`torch.set_printoptions`), with its defaults.
public struct PrintOptions: Sendable, Equatable {
  /// Digits after the decimal point (fixed) or of the mantissa (scientific).
  public var precision: Int = 4
  /// Tensors with more elements than this are summarized with `...`.
  public var threshold: Int = 1000
  /// Items kept at the start and end of each summarized dimension.
  public var edgeItems: Int = 3
  /// Characters per line before a row of elements wraps.
  public var lineWidth: Int = 80
  /// Forces scientific notation on (true) or off (false); nil lets the values decide.
  public var sciMode: Bool? = nil

  /// PyTorch's defaults: precision 4, threshold 1000, edgeitems 3, linewidth 80, sci_mode None.
  public init() {}
}

/// Formats the elements of one tensor to a common width, as PyTorch's `_Formatter` does.
///
/// The formatter looks at the elements that will be shown (nonzero finite ones, for floats) and picks:
/// - int mode, when every such float is a whole number: `12.` (a trailing dot marks a float);
/// - scientific mode, when max/min of their magnitudes exceeds 1000, the max exceeds 1e8 or the min
///   is below 1e-4: `1.2346e+00`;
/// - otherwise fixed notation with `precision` decimals: `1.6667`.
/// Every element is then right-aligned to the widest nonzero finite one (zeros, `nan` and `inf`
/// do not widen the column).
struct ElementFormatter {
  let dtype: DType
  let precision: Int
  private(set) var intMode = true
  private(set) var sciMode = false
  /// The column width every formatted element is padded to.
  private(set) var width = 1

  /// A formatter for float32 `values` (the elements that will be printed).
  init(floats values: [Float], options: PrintOptions) {
    dtype = .float32
    precision = max(0, options.precision)
    let shown = values.lazy.map(Double.init).filter { $0.isFinite && $0 != 0 }
    guard let first = shown.first else { return }
    var smallest = abs(first)
    var largest = abs(first)
    for value in shown {
      smallest = min(smallest, abs(value))
      largest = max(largest, abs(value))
      if value != value.rounded(.up) { intMode = false }
    }
    sciMode = options.sciMode ?? (largest / smallest > 1000 || largest > 1e8 || smallest < 1e-4)
    for value in shown {
      let text: String
      if sciMode {
        text = pythonFloatText(value, style: "e", precision: precision)
      } else if intMode {
        text = pythonFloatText(value, style: "f", precision: 0) + "."
      } else {
        text = pythonFloatText(value, style: "f", precision: precision)
      }
      width = max(width, text.count)
    }
  }

  /// A formatter for int64 or bool `values` (the elements that will be printed).
  init(ints values: [Int64], dtype: DType) {
    self.dtype = dtype
    precision = 0
    for value in values {
      width = max(width, Self.integerText(value, dtype: dtype).count)
    }
  }

  /// One float element, right-aligned to `width`.
  func format(float value: Float) -> String {
    let number = Double(value)
    let text: String
    if sciMode {
      text = pythonFloatText(number, style: "e", precision: precision)
    } else if intMode {
      text = pythonFloatText(number, style: "f", precision: 0) + (number.isFinite ? "." : "")
    } else {
      text = pythonFloatText(number, style: "f", precision: precision)
    }
    return padded(text)
  }

  /// One int64 or bool element, right-aligned to `width`.
  func format(int value: Int64) -> String {
    padded(Self.integerText(value, dtype: dtype))
  }

  /// Element `index` of the row-major buffer of `tensor`, right-aligned to `width`.
  func format(_ tensor: Tensor, at index: Int) -> String {
    tensor.dtype == .float32 ? format(float: tensor.floats[index]) : format(int: tensor.ints[index])
  }

  private func padded(_ text: String) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  private static func integerText(_ value: Int64, dtype: DType) -> String {
    dtype == .bool ? (value != 0 ? "True" : "False") : String(value)
  }
}

/// Python's `format(value, ".{precision}{style}")` for `style` `f` or `e`: C's correctly rounded
/// output, except that non-finite values read `nan`, `inf`, `-inf` (C may write `-nan`).
func pythonFloatText(_ value: Double, style: Character, precision: Int) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  return formatC("%.\(precision)\(style)", value)
}
