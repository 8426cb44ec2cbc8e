import Testing

@testable import LessonLanguage

@Suite struct FormatSpecTests {
  @Test func parsesEveryPart() throws {
    let spec = try FormatSpec(parsing: "*^+z#012,.3f", typeName: "float")
    #expect(spec.fill == "*")
    #expect(spec.align == "^")
    #expect(spec.sign == "+")
    #expect(spec.coercesNegativeZero)
    #expect(spec.alternate)
    #expect(spec.width == 12)
    #expect(spec.grouping == ",")
    #expect(spec.precision == 3)
    #expect(spec.type == "f")
  }

  @Test func zeroFlagSetsFillAndSignAwareAlignmentForNumbers() throws {
    let number = try FormatSpec(parsing: "06", typeName: "int", defaultType: "d")
    #expect(number.fill == "0" && number.align == "=" && number.width == 6 && number.type == "d")
    let text = try FormatSpec(parsing: "06", typeName: "str", defaultType: "s", defaultAlign: "<")
    #expect(text.fill == "0" && text.align == nil)
    let explicit = try FormatSpec(parsing: "<06", typeName: "int")
    #expect(explicit.fill == "0" && explicit.align == "<")
  }

  @Test func alignmentCharacterCanBeTheFill() throws {
    let spec = try FormatSpec(parsing: "<<5", typeName: "str")
    #expect(spec.fill == "<" && spec.align == "<" && spec.width == 5)
  }

  @Test func emptySpecHasNoParts() throws {
    let spec = try FormatSpec(parsing: "", typeName: "float")
    #expect(spec.width == nil && spec.precision == nil && spec.type == nil && spec.fill == nil)
  }

  @Test func underscoreGroupsHexButCommaDoesNot() throws {
    #expect(try FormatSpec(parsing: "_x", typeName: "int").grouping == "_")
    #expect(throws: FormatError.value("Cannot specify ',' with 'b'.")) {
      try FormatSpec(parsing: ",b", typeName: "int")
    }
    #expect(throws: FormatError.value("Cannot specify ',' with 'n'.")) {
      try FormatSpec(parsing: ",n", typeName: "int")
    }
  }
}
