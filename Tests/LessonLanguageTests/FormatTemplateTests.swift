import Testing

@testable import LessonLanguage

@Suite struct FormatTemplateTests {
  /// `template.format(*positional, **keywords)` with `!r` quoting strings.
  func format(
    _ template: String, _ positional: [FormatValue], _ keywords: [String: FormatValue] = [:]
  ) throws -> String {
    try pythonFormatTemplate(template, positionalCount: positional.count) { field in
      let value: FormatValue
      switch field.argument {
      case .index(let index): value = positional[index]
      case .keyword(let name):
        guard let found = keywords[name] else { throw FormatError(.keyError, "'\(name)'") }
        value = found
      }
      if field.conversion == "r", case .string(let text) = value {
        return try pythonFormat(.string("'\(text)'"), field.spec)
      }
      return try pythonFormat(value, field.spec)
    }
  }

  @Test func trainingLogLine() throws {
    let line = try format(
      "Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}",
      [.int(1), .int(640), .int(60000), .float(1.0666), .float(2.300123)])
    #expect(line == "Train Epoch: 1 [640/60000 (1%)]\tLoss: 2.300123")
  }

  @Test func manualNumberingKeywordsAndEscapes() throws {
    #expect(try format("{0}{1:>4}{0}", [.string("a"), .int(7)]) == "a   7a")
    #expect(
      try format("{name}: {acc:.2%}", [], ["name": .string("test"), "acc": .float(0.9876)])
        == "test: 98.76%")
    #expect(try format("{{x}} {}", [.int(1)]) == "{x} 1")
    #expect(try format("{!r:>5}", [.string("a")]) == "  'a'")
    #expect(try format("", []) == "")
  }

  @Test func nestedFieldsInTheSpec() throws {
    #expect(try format("{:{}}|", [.string("ab"), .int(5)]) == "ab   |")
    #expect(
      try format("{:{w}.{p}f}", [.float(3.14159)], ["w": .int(7), "p": .int(2)]) == "   3.14")
  }

  @Test func accessorsAreParsed() throws {
    var fields: [FormatField] = []
    _ = try pythonFormatTemplate("{0.shape[1]}{x[key]}", positionalCount: 1) { field in
      fields.append(field)
      return ""
    }
    #expect(
      fields == [
        FormatField(argument: .index(0), accessors: [.attribute("shape"), .index(1)]),
        FormatField(argument: .keyword("x"), accessors: [.key("key")]),
      ])
  }

  @Test(arguments: [
    ("{0} {}", "cannot switch from manual field specification to automatic field numbering"),
    ("{} {1}", "cannot switch from automatic field numbering to manual field specification"),
    ("a } b", "Single '}' encountered in format string"),
    ("a {", "Single '{' encountered in format string"),
    ("{0", "expected '}' before end of string"),
    ("{!x}", "Unknown conversion specifier x"),
    ("{!rr}", "expected ':' after conversion specifier"),
    ("{!}", "end of string while looking for conversion specifier"),
    ("{0.}", "Empty attribute in format string"),
    ("{0[1}", "Missing ']' in format string"),
    ("{0[1]x}", "Only '.' or '[' may follow ']' in format field specifier"),
    ("{:{:{}}}", "Max string recursion exceeded"),
  ])
  func malformedTemplatesThrowPythonsMessage(template: String, message: String) {
    #expect(throws: FormatError.value(message)) {
      try format(template, [.int(1), .int(2), .int(3)])
    }
  }

  @Test func missingArgumentsAreIndexAndKeyErrors() {
    #expect(
      throws: FormatError(.indexError, "Replacement index 2 out of range for positional args tuple")
    ) { try format("{} {} {}", [.int(1), .int(2)]) }
    #expect(throws: FormatError(.keyError, "'name'")) { try format("{name}", []) }
  }
}
