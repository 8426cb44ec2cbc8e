/// The kinds of expected block, in one table: each kind is one type with its info word, compiled
/// once when the lesson is parsed, that checks what a cell did and says what bless writes.

/// What a cell did, as an expected block judges it.
public struct CellResult: Sendable {
  /// What the cell produced, in order.
  public let outputs: [CellOutput]
  /// The error that stopped it, if any.
  public let error: Diagnostic?

  public init(outputs: [CellOutput], error: Diagnostic?) {
    self.outputs = outputs
    self.error = error
  }

  /// What the cell printed.
  public var text: String { outputs.text }
}

/// One kind of expected block (```` ```output ````, ```` ```error ````...).
///
/// To add a kind: one type conforming to this, in a file of its own, and its entry in
/// `ExpectationKinds.all`. The parser, the run and bless then know it; docs/lessons.md says what
/// it means.
public protocol ExpectationKind: Sendable {
  /// The first word of the info string that selects the kind (`output`).
  static var word: String { get }
  /// The option after the word that selects it (`exact`), or nil for the word alone.
  static var option: String? { get }
  /// Compiles the block once, when the lesson is parsed; throws a located error for a malformed
  /// block (a bad placeholder), so such a lesson is rejected before it runs. `fence` locates
  /// mismatches of an empty block.
  init(compiling text: ExpectedText, fence: SourceSpan) throws(Diagnostic)
  /// The verdict on what the cell did: `.passed`, or `.failed` with the located reason.
  func check(_ result: CellResult) -> Verdict
  /// The block's lines after bless, once its check failed (each kept as written, or written
  /// anew in the author's form), or nil to leave the block as it is.
  func blessed(_ result: CellResult) -> [BlessedLine]?
}

/// The table of expected-block kinds.
public enum ExpectationKinds {
  /// Every kind, in the order docs/lessons.md lists them.
  public static var all: [any ExpectationKind.Type] {
    [
      OutputExpectation.self, ExactOutputExpectation.self, ErrorExpectation.self,
      FigureBlockExpectation.self,
    ]
  }

  /// The info words that start an expected block (`output`, `error`).
  public static var words: [String] {
    all.map { $0.word }.reduce(into: []) { words, word in
      if !words.contains(word) { words.append(word) }
    }
  }

  /// The kinds selected by `word` (several when options tell them apart).
  public static func kinds(for word: String) -> [any ExpectationKind.Type] {
    all.filter { $0.word == word }
  }
}
