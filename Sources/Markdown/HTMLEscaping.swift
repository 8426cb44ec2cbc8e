/// Text and URLs made safe for HTML: the only way anything from the Markdown reaches the page.

public enum HTMLEscaping {
  /// `text` for an HTML text node or a quoted attribute value: `& < > " '` as character
  /// references, and control characters other than tab, line feed and carriage return, and
  /// noncharacters (which HTML forbids), as U+FFFD, so nothing escaped can become markup. The
  /// one escaping of a rendered page (its prose here, everything else through `HTMLText`).
  public static func text(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        let value = scalar.value
        let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
        let isNonCharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
        result.unicodeScalars.append(isControl || isNonCharacter ? "\u{FFFD}" : scalar)
      }
    }
    return result
  }

  /// The schemes a link or image may use; a URL without a scheme is relative, and allowed.
  static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

  /// `url` ready for an `href` or `src` attribute, or nil when it is not safe to link to: any
  /// scheme but http, https and mailto (`javascript:`, `data:`, `vbscript:`, `file:`, in any case
  /// and with spaces or control characters hidden in it). Characters an attribute should not
  /// hold raw (spaces, controls, non-ASCII, quotes, angle brackets) are percent-encoded, then the
  /// result is escaped.
  static func url(_ url: String) -> String? {
    // The scheme is what comes before the first ':' when no '/', '?' or '#' comes first;
    // browsers ignore whitespace and control characters inside it, so it is judged without them.
    var scheme = ""
    var hasScheme = false
    for scalar in url.unicodeScalars {
      if scalar == ":" {
        hasScheme = true
        break
      }
      if scalar == "/" || scalar == "?" || scalar == "#" { break }
      if scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
      scheme.unicodeScalars.append(scalar)
    }
    if hasScheme && !allowedSchemes.contains(scheme.lowercased()) { return nil }
    var encoded = ""
    for byte in url.utf8 {
      let isSafe =
        (byte > 0x20 && byte < 0x7F) && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "<")
        && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "`")
        && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "{") && byte != UInt8(ascii: "}")
        && byte != UInt8(ascii: "|") && byte != UInt8(ascii: "^")
      if isSafe {
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let digits = Array("0123456789ABCDEF")
        encoded += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
      }
    }
    return text(encoded)
  }

  /// The named character references lessons use (HTML's full list is over 2,000; an unknown one
  /// is shown as written).
  static let entities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
    "copy": "©", "reg": "®", "trade": "™", "mdash": "—", "ndash": "–", "hellip": "…",
    "times": "×", "divide": "÷", "middot": "·", "deg": "°", "plusmn": "±", "le": "≤", "ge": "≥",
    "ne": "≠", "asymp": "≈", "rarr": "→", "larr": "←", "harr": "↔", "uarr": "↑", "darr": "↓",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "eta": "η",
    "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "Sigma": "Σ", "tau": "τ",
    "phi": "φ", "omega": "ω", "infin": "∞", "sum": "∑", "prod": "∏", "radic": "√",
    "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
    "sup2": "²", "sup3": "³", "frac12": "½", "frac14": "¼", "bull": "•", "sect": "§",
  ]

  /// The character a reference stands for (`amp`, `#123`, `#x1F`), or nil when it is not one.
  /// Code point 0, surrogates and values past U+10FFFF become U+FFFD, as in CommonMark.
  static func entity(_ name: Substring) -> String? {
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let isHex = digits.hasPrefix("x") || digits.hasPrefix("X")
      let number = isHex ? digits.dropFirst() : digits
      guard !number.isEmpty, number.count <= (isHex ? 6 : 7),
        let value = UInt32(number, radix: isHex ? 16 : 10)
      else { return nil }
      guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
      return String(Character(scalar))
    }
    return entities[String(name)]
  }
}
