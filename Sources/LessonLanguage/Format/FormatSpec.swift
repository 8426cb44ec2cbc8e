/// Python's format-spec mini-language, parsed:
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
public struct FormatSpec: Equatable, Sendable {
  /// The padding character; nil when the spec gives none (a space, or `0` with the `0` flag).
  public var fill: Character?
  /// `<`, `>`, `^` or `=`; nil for the value's default (numbers right, strings left).
  public var align: Character?
  /// `+`, `-` or space; nil is `-`.
  public var sign: Character?
  /// `z`: a negative zero after rounding prints as zero.
  public var coercesNegativeZero = false
  /// `#`: alternate form (`0x` prefixes, a kept decimal point).
  public var alternate = false
  /// The minimum field width.
  public var width: Int?
  /// `,` or `_` between groups of digits.
  public var grouping: Character?
  /// Digits after the point (`f`, `e`, `%`), significant digits (`g`), or characters kept (`s`).
  public var precision: Int?
  /// The presentation type (`d`, `f`, `s`, ...); nil when omitted.
  public var type: Character?

  /// Parses `spec` for a value of Python type `typeName`, whose default type and alignment are
  /// `defaultType` and `defaultAlign`, with Python's errors.
  public init(
    parsing spec: String, typeName: String, defaultType: Character? = nil,
    defaultAlign: Character = ">"
  ) throws {
    let chars = Array(spec)
    var pos = 0
    parseAlignment(chars, &pos)
    if pos < chars.count, "+- ".contains(chars[pos]) {
      sign = chars[pos]
      pos += 1
    }
    if pos < chars.count, chars[pos] == "z" {
      coercesNegativeZero = true
      pos += 1
    }
    if pos < chars.count, chars[pos] == "#" {
      alternate = true
      pos += 1
    }
    if fill == nil, pos < chars.count, chars[pos] == "0" {
      fill = "0"
      if align == nil && defaultAlign == ">" { align = "=" }
      pos += 1
    }
    width = try Self.number(chars, &pos)
    try parseGrouping(chars, &pos)
    if pos < chars.count, chars[pos] == "." {
      pos += 1
      guard let digits = try Self.number(chars, &pos) else {
        throw FormatError.value("Format specifier missing precision")
      }
      precision = digits
    }
    guard chars.count - pos <= 1 else {
      throw FormatError.value("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
    }
    type = pos < chars.count ? chars[pos] : defaultType
    try checkGrouping()
  }

  private mutating func parseAlignment(_ chars: [Character], _ pos: inout Int) {
    let alignments: Set<Character> = ["<", ">", "^", "="]
    if chars.count >= 2, alignments.contains(chars[1]) {
      fill = chars[0]
      align = chars[1]
      pos = 2
    } else if let first = chars.first, alignments.contains(first) {
      align = first
      pos = 1
    }
  }

  private mutating func parseGrouping(_ chars: [Character], _ pos: inout Int) throws {
    guard pos < chars.count, chars[pos] == "," || chars[pos] == "_" else { return }
    grouping = chars[pos]
    pos += 1
    if pos < chars.count, chars[pos] == "," || chars[pos] == "_" {
      throw FormatError.value("Cannot specify both ',' and '_'.")
    }
  }

  /// PEP 378 / 515: `,` goes with decimal types only; `_` also with `b`, `o`, `x`, `X`.
  private func checkGrouping() throws {
    guard let grouping else { return }
    let decimal: Set<Character?> = ["d", "e", "f", "g", "E", "G", "%", "F", nil]
    if decimal.contains(type) { return }
    if grouping == "_", let type, "boxX".contains(type) { return }
    throw FormatError.value("Cannot specify '\(grouping)' with '\(type.map { String($0) } ?? "")'.")
  }

  /// A run of decimal digits at `pos`, or nil when there is none.
  private static func number(_ chars: [Character], _ pos: inout Int) throws -> Int? {
    var value: Int?
    while pos < chars.count, let digit = chars[pos].wholeNumberValue, chars[pos].isASCII {
      let (scaled, overflow1) = (value ?? 0).multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = scaled.addingReportingOverflow(digit)
      // Far past any useful width; refuse rather than allocate gigabytes of padding.
      guard !overflow1 && !overflow2 && sum <= maximumFieldSize else {
        throw FormatError.value("Too many decimal digits in format string")
      }
      value = sum
      pos += 1
    }
    return value
  }

  /// The largest width or precision accepted.
  static let maximumFieldSize = 100_000
}
