import Testing

@testable import LessonRunner

/// Expected number as printed, and the tolerance it implies.
private let tolerances: [(String, Double)] = [
  ("1.7", 0.05),
  ("0.25", 0.005),
  ("1.2346e-03", 1e-5),  // the float32 floor is larger than half a unit (5e-08)
  ("1.2346e+03", 0.05),
  ("1e5", 5e4),
  ("6", 6e-5),
  ("6.", 6e-5),
  ("98000", 0.49),
  ("0.000001", 1e-5),
  ("123.4", 0.05),
]

@Test(arguments: tolerances)
func toleranceIsHalfAUnitOfTheLastDigit(text: String, tolerance: Double) throws {
  let number = try #require(PrintedNumber(text))
  #expect(abs(number.tolerance - tolerance) <= tolerance * 1e-9)
}

@Test func wholeNumbersMustBeEqual() throws {
  let six = try #require(PrintedNumber("6"))
  #expect(six.accepts(6.0))
  #expect(!six.accepts(6.001))
  let big = try #require(PrintedNumber("100000"))
  #expect(!big.accepts(100_001))
  #expect(six.describedWithTolerance == "6")
}

@Test func nanAndInfinityMatchOnlyThemselves() throws {
  let nan = try #require(PrintedNumber("nan"))
  #expect(nan.accepts(.nan))
  #expect(!nan.accepts(0))
  let inf = try #require(PrintedNumber("-inf"))
  #expect(inf.accepts(-.infinity))
  #expect(!inf.accepts(.infinity))
}

@Test func lexerSplitsWordsNumbersAndPunctuation() throws {
  let tokens = try OutputLexer.tokens("x-1 = -2.5e-3, conv1 [-1]", line: 0, isExpected: false)
  #expect(tokens.map(\.text) == ["x", "-", "1", "=", "-2.5e-3", ",", "conv1", "[", "-1", "]"])
  #expect(tokens.map(\.column) == [0, 1, 2, 4, 6, 13, 15, 21, 22, 24])
}

@Test func expectedSideReadsBandsPlaceholdersAndElision() throws {
  let tokens = try OutputLexer.tokens("98% +- 1 ... {int} {x}", line: 0, isExpected: true)
  #expect(tokens.map(\.text) == ["98", "%", "...", "{int}", "{", "x", "}"])
  guard case .band(_, let radius) = tokens[0].kind else {
    Issue.record("expected a band")
    return
  }
  #expect(radius == 1)
  #expect(tokens[2].isElide)
}
