/// The one error type that reaches users: a problem at a place in a file, rendered like a
/// compiler's.

/// A problem in user input: where it is, what is wrong, and notes that say why or what to do.
///
/// Rendered as
/// ```
/// lessons/08.md:42:5: error: RuntimeError: size mismatch, m1: [64 x 320], m2: [100 x 10]
///     x = self.fc(x)
///         ^~~~~~~~~~
/// note: fc expects 100 input features, but the input has 320 = 20 x 4 x 4
/// ```
public struct Diagnostic: Error, CustomStringConvertible, Sendable {
  /// How serious a diagnostic is: an error stops what it is about; a warning only says so.
  public enum Severity: Sendable, Equatable {
    case error
    case warning
  }

  public var span: SourceSpan?
  /// The file the problem is about as a whole (`lessons/x.md: warning: ...`), when no span
  /// locates it.
  public var path: String?
  /// `error:` or `warning:`.
  public var severity: Severity = .error
  /// The headline (`RuntimeError: size mismatch, ...`, `invalid syntax`).
  public var message: String
  public var notes: [String]
  /// The Python exception lesson code raised, when that is what this diagnostic reports.
  public var exception: PythonException?
  /// Whether this is a failure, or says that something the code needs is missing here.
  public var disposition: Disposition = .failure

  /// A diagnostic with a message of its own (syntax errors, malformed lessons, mismatches).
  public init(_ message: String, at span: SourceSpan?, notes: [String] = []) {
    self.message = message
    self.span = span
    self.notes = notes
  }

  /// A diagnostic about the file at `path` as a whole: rendered `path: error: message`.
  public init(_ message: String, inFile path: String, notes: [String] = []) {
    self.init(message, at: nil, notes: notes)
    self.path = path
  }

  /// The diagnostic for an exception raised at `span`: `TypeError: message`, with its notes.
  public init(_ exception: PythonException, at span: SourceSpan?) {
    self.init(exception.description, at: span, notes: exception.notes)
    self.exception = exception
    if let requirement = exception.requirement { disposition = .unavailable(requirement) }
  }

  /// The requirement that is missing, when the diagnostic means "cannot run here".
  public var missingRequirement: Requirement? {
    if case .unavailable(let requirement) = disposition { return requirement }
    return nil
  }

  /// Whether Ctrl-C raised it (`KeyboardInterrupt`): the run should end, not go on.
  public var isInterruption: Bool { exception?.type == .keyboardInterrupt }

  /// Where it is, as `file:line:column`, or the file's path, or nil when it is nowhere in a file.
  public var location: String? { span.map { "\($0)" } ?? path }

  /// The plain compiler-style text.
  public var description: String { styled.plain }

  /// The compiler-style text with roles: location, message, quoted line with a caret, then notes.
  public var styled: StyledText {
    var text = StyledText()
    if let location { text.append("\(location): ", .emphasis) }
    switch severity {
    case .error: text.append("error:", .failure)
    case .warning: text.append("warning:", .caution)
    }
    text.append(" ")
    text.append(message, .emphasis)
    if let span, let line = span.file.line(span.line) {
      let caretColumn = min(max(span.column, 1), line.count + 1)
      let width = max(1, min(span.length, line.count - caretColumn + 1))
      let indent = String(line.prefix(caretColumn - 1).map { $0 == "\t" ? "\t" : " " })
      text.append("\n\(line)\n\(indent)")
      text.append("^" + String(repeating: "~", count: width - 1), .success)
    }
    for note in notes {
      text.append("\n")
      text.append("note:", .emphasis)
      text.append(" \(note)")
    }
    return text
  }
}
