/// Tokens produced by the `Lexer` and consumed by the `Parser`.

/// A token: its kind, its source text and where it is.
struct Token: Sendable {
  /// What the token is.
  enum Kind: Sendable, Equatable {
    /// An identifier or a keyword (the parser tells them apart by `text`).
    case name
    /// An integer literal and its value.
    case int(Int)
    /// A float literal and its value.
    case float(Double)
    /// A string literal (of any prefix), decoded by the lexer.
    case string
    /// An operator or delimiter; `text` is its spelling (`**=`, `(`, `->`).
    case op
    /// The end of a logical line.
    case newline
    /// The start of a more indented block.
    case indent
    /// The end of an indented block.
    case dedent
    /// The end of the input.
    case end
  }

  var kind: Kind
  /// The token's text as written (empty for `newline`, `indent`, `dedent`, `end`).
  var text: String
  /// Where the token is. For `indent`/`dedent` it is the first character of the line.
  var span: SourceSpan
  /// The decoded contents, for `.string` tokens only.
  var literal: StringLiteral?

  /// True for the keyword or operator spelled `spelling`.
  func `is`(_ spelling: String) -> Bool {
    (kind == .op || kind == .name) && text == spelling
  }

  /// True for an identifier that is not a keyword.
  var isIdentifier: Bool { kind == .name && !pythonKeywords.contains(text) }
}

/// A decoded string literal.
struct StringLiteral: Sendable {
  /// Plain text, or the pieces of an f-string.
  enum Contents: Sendable {
    /// A plain string with escapes decoded.
    case text(String)
    /// An f-string: literal text and raw replacement fields, in order.
    case formatted([RawFStringPiece])
  }

  var contents: Contents
  /// True for `b'...'` literals (rejected by the parser).
  var isBytes: Bool
}

/// A piece of an f-string before its fields are parsed.
enum RawFStringPiece: Sendable {
  /// Decoded literal text.
  case literal(String)
  /// A replacement field, kept as source characters for the parser.
  case field(RawFStringField)
}

/// The source of one f-string replacement field `{expression!c:spec}`.
struct RawFStringField: Sendable {
  /// The characters of the expression (without `=`, `!c`, `:spec`).
  var expression: [Character]
  /// Where the expression's first character is.
  var expressionLine: Int
  var expressionColumn: Int
  /// The text of a self-documenting field `{x = }` (`"x = "`), else nil.
  var debugText: String?
  /// The conversion character after `!`.
  var conversion: Character?
  /// The pieces of the format spec after `:`.
  var formatSpec: [RawFStringPiece]?
  /// The field, from `{` to `}`.
  var span: SourceSpan
}

/// Python's hard keywords: names that can never be identifiers.
let pythonKeywords: Set<String> = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
  "yield",
]

/// Operators and delimiters, longest first so the lexer can match greedily.
let pythonOperators: [String] = [
  "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "+=",
  "-=", "*=", "/=", "%=", "@=", "&=", "|=", "^=", ":=", "+", "-", "*", "/", "%", "@", "&", "|",
  "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
]
