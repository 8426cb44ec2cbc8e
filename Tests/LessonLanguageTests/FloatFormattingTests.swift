import Testing

@testable import LessonLanguage

@Suite struct FloatFormattingTests {
  @Test(arguments: [
    (0.00001234, "g", "1.234e-05"),
    (123_456_789.0, "g", "1.23457e+08"),
    (100_000.0, "g", "100000"),
    (1e6, "g", "1e+06"),
    (0.0001, "g", "0.0001"),
    (1.0, "#g", "1.00000"),
    (1e5, "#g", "100000."),
    (1e-10, "G", "1E-10"),
    (0.5, ".0g", "0.5"),
    (123.456, ".3", "1.23e+02"),
    (12.3456, ".3", "12.3"),
    (1.0, ".3", "1.0"),
    (100.0, ".3", "1e+02"),
    (.infinity, "f", "inf"),
    (.infinity, "F", "INF"),
    (-.infinity, "", "-inf"),
    (.nan, "+.2f", "+nan"),
    (.nan, "E", "NAN"),
    (1.0, "#.0f", "1."),
    (1.0, "#.0e", "1.e+00"),
    (2.0 / 3, "10.4%", "  66.6667%"),
  ])
  func floatTypes(value: Double, spec: String, expected: String) throws {
    #expect(try formatFloat(value, spec: FormatSpec(parsing: spec, typeName: "float")) == expected)
  }

  @Test func roundedDigitsGiveThePointPosition() {
    #expect(roundedDigits(123.456, significant: 3) == ("123", 3))
    #expect(roundedDigits(0.000996, significant: 2) == ("10", -2))
  }

  @Test func decimalTextPlacesThePoint() {
    let plain = { (digits: String, point: Int) in
      decimalText(
        digits: digits, point: point, useExponent: false, alternate: false, addDotZero: true)
    }
    #expect(plain("12", 0) == "0.12")
    #expect(plain("12", -2) == "0.0012")
    #expect(plain("12", 1) == "1.2")
    #expect(plain("12", 4) == "1200.0")
    #expect(
      decimalText(digits: "12", point: 101, useExponent: true, alternate: false, addDotZero: true)
        == "1.2e+100")
  }

  @Test func signTextFollowsTheSpec() throws {
    #expect(signText(negative: true, spec: try FormatSpec(parsing: "+", typeName: "float")) == "-")
    #expect(signText(negative: false, spec: try FormatSpec(parsing: " ", typeName: "float")) == " ")
    #expect(signText(negative: false, spec: try FormatSpec(parsing: "", typeName: "float")) == "")
  }
}
