import Testing

@testable import LessonLanguage

@Suite struct PythonFloatTests {
  @Test(arguments: [
    (0.1, "0.1"),
    (1e-5, "1e-05"),
    (100.0, "100.0"),
    (1e16, "1e+16"),
    (1e15, "1000000000000000.0"),
    (0.0001, "0.0001"),
    (123_456_789.0, "123456789.0"),
    (1.5e300, "1.5e+300"),
    (-0.0, "-0.0"),
    (0.0, "0.0"),
    (1.0 / 3, "0.3333333333333333"),
    (0.1 + 0.2, "0.30000000000000004"),
    (2.5e-7, "2.5e-07"),
    (Double.leastNonzeroMagnitude, "5e-324"),
    (1.7976931348623157e308, "1.7976931348623157e+308"),
    (Double(Float(0.1)), "0.10000000149011612"),
    (-2.5, "-2.5"),
    (.infinity, "inf"),
    (-.infinity, "-inf"),
    (.nan, "nan"),
  ])
  func reprIsShortestRoundTrip(value: Double, expected: String) {
    #expect(pythonRepr(value) == expected)
  }

  @Test(arguments: [
    (2.675, 2, 2.67),
    (1234.5678, 2, 1234.57),
    (0.125, 2, 0.12),
    (0.375, 2, 0.38),
    (1234.5, -2, 1200.0),
    (1250.0, -2, 1200.0),
    (1350.0, -2, 1400.0),
    (5.0, -1, 0.0),
    (6.0, -1, 10.0),
    (15.0, -1, 20.0),
    (25.0, -1, 20.0),
    (0.04, -1, 0.0),
    (-1.005, 2, -1.0),
    (7.0, 400, 7.0),
  ])
  func roundToDigitsIsHalfEvenOnTheExactValue(value: Double, digits: Int, expected: Double) {
    #expect(pythonRound(value, digits: digits) == expected)
  }

  @Test func roundWithoutDigitsGivesAnInt() throws {
    #expect(try pythonRound(0.5) == 0)
    #expect(try pythonRound(1.5) == 2)
    #expect(try pythonRound(2.5) == 2)
    #expect(try pythonRound(-0.5) == 0)
    #expect(try pythonRound(-2.7) == -3)
    #expect(pythonRound(Double.infinity, digits: 2) == .infinity)
    #expect(throws: FormatError.value("cannot convert float NaN to integer")) {
      try pythonRound(Double.nan)
    }
    #expect(throws: FormatError(.overflowError, "cannot convert float infinity to integer")) {
      try pythonRound(-Double.infinity)
    }
  }

  @Test func roundIntegersToTensAndHundreds() {
    #expect(pythonRound(1250, digits: -2) == 1200)
    #expect(pythonRound(1350, digits: -2) == 1400)
    #expect(pythonRound(-1250, digits: -2) == -1200)
    #expect(pythonRound(-1251, digits: -2) == -1300)
    #expect(pythonRound(-15, digits: -1) == -20)
    #expect(pythonRound(7, digits: 2) == 7)
  }

  @Test func parseDoubleReadsCText() {
    #expect(parseDouble("2.5") == 2.5)
    #expect(parseDouble("x") == nil)
  }

  @Test func extremeDigitCountsDoNotTrap() {
    #expect(pythonRound(123, digits: Int.min) == 0)
    #expect(pythonRound(123, digits: Int.max) == 123)
    #expect(pythonRound(1.5, digits: Int.min) == 0)
    #expect(pythonRound(1.5, digits: Int.max) == 1.5)
  }
}
