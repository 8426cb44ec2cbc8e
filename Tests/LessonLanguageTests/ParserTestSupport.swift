import Testing

@testable import LessonLanguage

/// Helpers shared by the parser tests.
enum ParserTestSupport {
  /// A file named `lesson.md` holding `source` from line `firstLine` on.
  static func file(_ source: String, firstLine: Int = 1) -> SourceFile {
    SourceFile(
      path: "lesson.md",
      text: String(repeating: "\n", count: firstLine - 1) + source)
  }

  /// The S-expressions of the statements of `source`, one per line.
  static func parsed(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String
  {
    do {
      return Statement.sExpression(try Parser.parse(source, file: file(source), firstLine: 1))
    } catch {
      Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
      return ""
    }
  }

  /// The S-expression of the single expression `source`.
  static func expression(_ source: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> String
  {
    do {
      return try Parser.parseExpression(source, file: file(source), firstLine: 1).sExpression
    } catch {
      Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
      return ""
    }
  }

  /// `lesson.md:line:column: message` for the error `source` raises, or "no error".
  static func failure(_ source: String, firstLine: Int = 1) -> String {
    do {
      _ = try Parser.parse(source, file: file(source, firstLine: firstLine), firstLine: firstLine)
      return "no error"
    } catch let diagnostic as Diagnostic {
      return "\(diagnostic.span.map(\.description) ?? "?"): \(diagnostic.message)"
    } catch {
      return "unexpected error type: \(error)"
    }
  }
}
