/// Python source as highlighted, escaped HTML, for the code cells of a rendered page.

/// Colours Python code the way notebook pages do: keywords, strings, comments, numbers,
/// decorators, the names after `def` and `class`, and built-in names, each as a
/// `<span class="...">` the page's style sheet colours.
///
/// It reads any text, valid Python or not, in one pass, and never fails: what it does not
/// recognise is plain, escaped text. It is a colouring, not a parser: the interpreter's lexer
/// judges the code.
enum PythonHighlighter {
  /// The kinds of token that get a colour, named by their CSS class.
  enum Kind: String {
    case keyword = "kw"
    case string = "str"
    case comment = "com"
    case number = "num"
    case decorator = "dec"
    case definition = "def"
    case builtin = "bi"
  }

  static let keywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
  ]

  static let builtins: Set<String> = [
    "abs", "all", "any", "bool", "dict", "enumerate", "float", "int", "isinstance", "len", "list",
    "map", "max", "min", "print", "range", "reversed", "round", "self", "set", "sorted", "str",
    "sum", "super", "tuple", "type", "zip",
  ]

  /// `code` as HTML: escaped text with coloured spans; line breaks kept as they are.
  static func html(_ code: String) -> String {
    let characters = Array(code.unicodeScalars)
    var result = ""
    var index = 0
    var previousWord = ""
    while index < characters.count {
      let character = characters[index]
      if character == "#" {
        let end = characters[index...].firstIndex(of: "\n") ?? characters.count
        result += span(.comment, characters[index..<end])
        index = end
      } else if let end = stringEnd(characters, from: index) {
        result += span(.string, characters[index..<end])
        index = end
      } else if isDigit(character)
        || (character == "." && index + 1 < characters.count && isDigit(characters[index + 1]))
      {
        let end = numberEnd(characters, from: index)
        result += span(.number, characters[index..<end])
        index = end
      } else if isWordStart(character) {
        var end = index + 1
        while end < characters.count && isWordPart(characters[end]) { end += 1 }
        let word = String(String.UnicodeScalarView(characters[index..<end]))
        let kind: Kind? =
          if previousWord == "def" || previousWord == "class" {
            .definition
          } else if keywords.contains(word) {
            .keyword
          } else if builtins.contains(word) && !isAttribute(characters, before: index) {
            .builtin
          } else {
            nil
          }
        result += kind.map { span($0, characters[index..<end]) } ?? HTMLText.escape(word)
        previousWord = word
        index = end
        continue
      } else if character == "@" && isLineStart(characters, before: index) {
        var end = index + 1
        while end < characters.count && (isWordPart(characters[end]) || characters[end] == ".") {
          end += 1
        }
        result += span(.decorator, characters[index..<end])
        index = end
      } else {
        result += HTMLText.escape(String(character))
        index += 1
      }
      if character != " " && character != "\t" { previousWord = "" }
    }
    return result
  }

  /// `<span class="kind">text</span>`, the text escaped.
  private static func span(_ kind: Kind, _ text: ArraySlice<Unicode.Scalar>) -> String {
    "<span class=\"\(kind.rawValue)\">"
      + HTMLText.escape(String(String.UnicodeScalarView(text))) + "</span>"
  }

  /// The end of the string literal starting at `start` (with its prefix: `r`, `b`, `f`, `rb`...),
  /// or nil when none starts there. An unclosed string runs to the end of its line (or of the code,
  /// for a triple-quoted one).
  private static func stringEnd(_ characters: [Unicode.Scalar], from start: Int) -> Int? {
    var quoteIndex = start
    while quoteIndex < characters.count && quoteIndex - start < 2
      && "rRbBfFuU".unicodeScalars.contains(characters[quoteIndex])
    {
      quoteIndex += 1
    }
    guard quoteIndex < characters.count,
      characters[quoteIndex] == "\"" || characters[quoteIndex] == "'"
    else { return nil }
    // A prefix must start a word: `xr'a'` is not a string prefix.
    if quoteIndex > start, start > 0, isWordPart(characters[start - 1]) { return nil }
    let quote = characters[quoteIndex]
    let isTriple =
      quoteIndex + 2 < characters.count && characters[quoteIndex + 1] == quote
      && characters[quoteIndex + 2] == quote
    var index = quoteIndex + (isTriple ? 3 : 1)
    while index < characters.count {
      let character = characters[index]
      // A backslash always takes the next character with it, in raw strings too
      // (`r'\''` is one string).
      if character == "\\" {
        index += 2
        continue
      }
      if character == "\n" && !isTriple { return index }
      if character == quote {
        if !isTriple { return index + 1 }
        if index + 2 < characters.count && characters[index + 1] == quote
          && characters[index + 2] == quote
        {
          return index + 3
        }
      }
      index += 1
    }
    return characters.count
  }

  /// The end of the number starting at `start`: digits, `_`, a point, an exponent, a `j`, and the
  /// letters of `0x` / `0o` / `0b` literals.
  private static func numberEnd(_ characters: [Unicode.Scalar], from start: Int) -> Int {
    var index = start
    while index < characters.count {
      let character = characters[index]
      let isExponentSign =
        (character == "+" || character == "-") && index > start
        && (characters[index - 1] == "e" || characters[index - 1] == "E")
        && !isHexLiteral(characters, from: start)
      guard isWordPart(character) || character == "." || isExponentSign else { break }
      index += 1
    }
    return index
  }

  private static func isHexLiteral(_ characters: [Unicode.Scalar], from start: Int) -> Bool {
    start + 1 < characters.count && characters[start] == "0"
      && (characters[start + 1] == "x" || characters[start + 1] == "X")
  }

  /// Whether the name at `index` follows a `.` (`x.sum` is a method, not the built-in `sum`).
  private static func isAttribute(_ characters: [Unicode.Scalar], before index: Int) -> Bool {
    var position = index - 1
    while position >= 0 && characters[position] == " " { position -= 1 }
    return position >= 0 && characters[position] == "."
  }

  /// Whether only spaces stand between the start of the line and `index`.
  private static func isLineStart(_ characters: [Unicode.Scalar], before index: Int) -> Bool {
    var position = index - 1
    while position >= 0 && (characters[position] == " " || characters[position] == "\t") {
      position -= 1
    }
    return position < 0 || characters[position] == "\n"
  }

  private static func isDigit(_ character: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(character)
  }

  private static func isWordStart(_ character: Unicode.Scalar) -> Bool {
    character == "_" || character.properties.isAlphabetic
  }

  private static func isWordPart(_ character: Unicode.Scalar) -> Bool {
    isWordStart(character) || isDigit(character)
  }
}
