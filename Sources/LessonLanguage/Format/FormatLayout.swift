/// Padding, alignment and digit grouping shared by every formatted value.

/// A formatted number cut where the padding and the group separators go.
struct NumberParts {
  /// `-`, `+`, a space, or empty.
  var sign: String
  /// `0x`, `0o`, `0b` with the `#` flag; empty otherwise.
  var prefix = ""
  /// The digits before the decimal point, ungrouped (empty for `inf` and `nan`).
  var integerDigits: String
  /// Everything after them: `.25`, `e+01`, `%`, `inf`.
  var rest = ""
}

/// Lays out `parts` by the spec's fill, alignment, width and grouping (groups of `groupSize`).
///
/// With `=` alignment and `0` fill, the zeros become digits and are grouped too, as in Python:
/// `format(1234, '010,')` is `00,001,234`.
func layOut(_ parts: NumberParts, spec: FormatSpec, groupSize: Int = 3) -> String {
  let fill = spec.fill ?? " "
  let align = spec.align ?? ">"
  let leading = parts.sign + parts.prefix
  let width = spec.width ?? 0
  let zeroFilled = fill == "0" && align == "="
  let minimumDigits = zeroFilled ? width - leading.count - parts.rest.count : 0
  let digits = grouped(
    parts.integerDigits, separator: spec.grouping, size: groupSize, minimumWidth: minimumDigits)
  return aligned(
    leading: leading, body: digits + parts.rest, width: width, fill: fill, align: align)
}

/// Pads `leading + body` to `width` with `fill`: left (`<`), right (`>`), centred (`^`, the extra
/// character on the right) or between the sign and the digits (`=`).
func aligned(leading: String, body: String, width: Int, fill: Character, align: Character) -> String
{
  let padCount = max(0, width - leading.count - body.count)
  let pad = { (count: Int) in String(repeating: fill, count: count) }
  switch align {
  case "<": return leading + body + pad(padCount)
  case "^": return pad(padCount / 2) + leading + body + pad(padCount - padCount / 2)
  case "=": return leading + pad(padCount) + body
  default: return pad(padCount) + leading + body
  }
}

/// `digits` with `separator` between groups of `size` from the right, zero-padded on the left to
/// at least `minimumWidth` characters (never starting with a separator).
func grouped(_ digits: String, separator: Character?, size: Int, minimumWidth: Int) -> String {
  var result: [Character] = []
  var inGroup = 0
  func prepend(_ digit: Character) {
    if let separator, inGroup == size {
      result.append(separator)
      inGroup = 0
    }
    result.append(digit)
    inGroup += 1
  }
  for digit in digits.reversed() { prepend(digit) }
  while result.count < minimumWidth { prepend("0") }
  return String(result.reversed())
}
