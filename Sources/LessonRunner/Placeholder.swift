/// Typed placeholders in expected output: `{int}`, `{float <= 0.2}`, `{number 97..99}`, `{word}`,
/// `{text}`.

/// A problem in expected text, located by column in its line; the pattern compiler adds the file.
struct PatternError: Error {
  let column: Int
  let length: Int
  let message: String
  let notes: [String]
}

/// A typed placeholder that stands for one actual token (or, for `{text}`, any text).
struct Placeholder: Sendable {
  /// What the placeholder matches.
  enum Kind: String, Sendable, CaseIterable {
    /// A number written without a decimal point or exponent.
    case int
    /// A number written with a decimal point or exponent (or `nan`, `inf`).
    case float
    /// Any number.
    case number
    /// One word (letters, digits, `_`).
    case word
    /// Any text up to the end of the line (like `...` inside a line).
    case text
  }

  let kind: Kind
  /// Inclusive or exclusive bounds on a number's value.
  var lower: (value: Double, inclusive: Bool)?
  var upper: (value: Double, inclusive: Bool)?
  /// As written, `{int >= 9800}`.
  let text: String

  /// True when `number` has the kind's form and lies within the bounds.
  func accepts(_ number: PrintedNumber) -> Bool {
    switch kind {
    case .int: guard number.isInteger else { return false }
    case .float: guard !number.isInteger else { return false }
    case .number: break
    case .word, .text: return false
    }
    if let lower, !(lower.inclusive ? number.value >= lower.value : number.value > lower.value) {
      return false
    }
    if let upper, !(upper.inclusive ? number.value <= upper.value : number.value < upper.value) {
      return false
    }
    return true
  }

  /// The most characters a placeholder spans, braces included (`{float >= -0.000001}` is 20).
  /// Longer brace groups are text, so the lexer looks at most this far from each `{` and a line
  /// of many braces lexes in linear time.
  static let maximumLength = 64

  /// Parses the placeholder starting at `start` (a `{`), returning it and the characters it spans;
  /// nil when the braces do not hold a placeholder (`{'a': 1}` is ordinary text).
  static func parse(_ chars: [Character], at start: Int) throws(PatternError) -> (Placeholder, Int)?
  {
    // Within reach, the first `}`, unless another `{` comes first: a placeholder holds no braces.
    let window = chars[(start + 1)..<min(chars.count, start + maximumLength)]
    guard let close = window.firstIndex(where: { $0 == "}" || $0 == "{" }), chars[close] == "}"
    else { return nil }
    let inside = String(chars[(start + 1)..<close])
    let words = inside.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard let name = words.first, let kind = Kind(rawValue: name) else {
      if let name = words.first, name == "repeat" {
        throw PatternError(
          column: start, length: close - start + 1, message: "{repeat} must be alone on its line",
          notes: ["write `{repeat N}` on a line of its own, above the line it repeats"])
      }
      return nil
    }
    let text = String(chars[start...close])
    var placeholder = Placeholder(kind: kind, text: text)
    let bound = words.dropFirst().joined(separator: " ")
    if !bound.isEmpty {
      let fail = PatternError(
        column: start, length: close - start + 1,
        message: "cannot read the bound '\(bound)' of \(text)",
        notes: [
          kind == .word || kind == .text
            ? "{\(name)} takes no bound"
            : "write a bound as `>= 9800`, `<= 0.2`, `> 0`, `< 1` or `97..99`"
        ])
      guard kind != .word, kind != .text, placeholder.readBound(bound) else { throw fail }
    }
    return (placeholder, close - start + 1)
  }

  /// Reads `>= x`, `<= x`, `> x`, `< x` or `a..b`; false when malformed.
  private mutating func readBound(_ bound: String) -> Bool {
    let compact = bound.filter { $0 != " " }
    for (op, isLower, inclusive) in [
      (">=", true, true), ("<=", false, true), (">", true, false), ("<", false, false),
    ] where compact.hasPrefix(op) {
      guard let value = Double(compact.dropFirst(op.count)) else { return false }
      if isLower { lower = (value, inclusive) } else { upper = (value, inclusive) }
      return true
    }
    guard let dots = compact.firstRange(of: "..") else { return false }
    guard let low = Double(compact[..<dots.lowerBound]),
      let high = Double(compact[dots.upperBound...])
    else { return false }
    lower = (low, true)
    upper = (high, true)
    return low <= high
  }
}
