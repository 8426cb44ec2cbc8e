import Testing

@testable import LessonRunner

/// The matcher and the lexer on hostile blocks: no recursion that grows with the block, no
/// quadratic scans, and a located message when a block would cost too much to match.
@Suite struct MatcherCostTests {
  func match(_ expected: String, _ actual: String, limit: Int = OutputMatcher.maximumComparisons)
    throws -> CheckResult
  {
    let text = ExpectedText(expected, path: "l.md", firstLine: 5)
    let pattern = try OutputPattern(compiling: text)
    return OutputMatcher(pattern: pattern, actual: actual, fallback: nil, comparisonLimit: limit)
      .run()
  }

  @Test func tenThousandElisionsMatchWithoutDeepRecursion() throws {
    let actual = String(repeating: "A\n", count: 20_000) + "B\n"
    let expected = String(repeating: "...\nA\n", count: 10_000) + "B"
    #expect(try match(expected, actual).mismatch == nil)
    let failing = try #require(try match(expected + "\nC", actual).mismatch)
    #expect(failing.message.contains("C"))
  }

  @Test func repeatBacksOffWithoutRevisitingStates() throws {
    let actual = String(repeating: "A\n", count: 30_000)
    let mismatch = try #require(try match("{repeat}\nA\n...\nB", actual).mismatch)
    #expect(mismatch.message == "output ended early: expected \"B\"")
    #expect(try match("{repeat}\nA\n...\nA", actual).mismatch == nil)
  }

  @Test func aBlockTooCostlyToMatchSaysSoAtItsFirstLine() throws {
    let actual = String(repeating: "A\n", count: 400)
    let expected = "...\n" + String(repeating: "A\n", count: 200) + "C"
    let mismatch = try #require(try match(expected, actual, limit: 10_000).mismatch)
    #expect(mismatch.span?.description == "l.md:5:1")
    #expect(
      mismatch.message
        == "the expected block is too costly to match: more than 10000 line comparisons")
    // Under the real limit the same block is an ordinary mismatch.
    #expect(try match(expected, actual).mismatch?.message.contains("C") == true)
  }

  @Test(arguments: ["{", "{}", "{int", "{{{{}"])
  func manyBracesLexInLinearTime(unit: String) throws {
    // 60,000 braces: each `{` looks at most `Placeholder.maximumLength` characters ahead.
    let line = String(repeating: unit, count: 60_000 / unit.count)
    #expect(try match(line, "x").mismatch != nil)
    #expect(try match(line, line).mismatch == nil)
  }
}
