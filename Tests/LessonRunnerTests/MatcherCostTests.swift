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
        == "the expected block is too costly to match: more than 10000 comparisons")
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

extension MatcherCostTests {
  @Test func thirtyThousandInlineElisionsInOneLine() throws {
    let actual = String(repeating: "a ", count: 60_000) + "b"
    let expected = String(repeating: "... a ", count: 30_000) + "b"
    #expect(try match(expected, actual).mismatch == nil)
    #expect(try match(expected + " c", actual).mismatch != nil)
  }

  @Test func aLineTooCostlyToMatchSaysSo() throws {
    let actual = String(repeating: "a ", count: 3_000)
    let expected = "... " + String(repeating: "a ", count: 1_500) + "c"
    let mismatch = try #require(try match(expected, actual).mismatch)
    #expect(mismatch.message == "this line is too costly to match")
    #expect(mismatch.span?.description == "l.md:5:1")
  }
}

extension MatcherCostTests {
  @Test func deepBracketsAndUnclosedTensorsStayLinear() throws {
    // 60,000 nested brackets: deeper than 64 is text, read without deep recursion.
    let deep =
      "tensor(" + String(repeating: "[", count: 60_000) + "1"
      + String(repeating: "]", count: 60_000) + ")"
    #expect(try match(deep, deep).mismatch == nil)
    // A tensor never closed joins every later line into one logical line, in linear time.
    let open = "tensor([" + String(repeating: "\n[1,", count: 30_000)
    #expect(try match(open, "x").mismatch != nil)
    // 20,000 `tensor(1,` with no closing parenthesis.
    let unclosed = String(repeating: "tensor([1], ", count: 20_000)
    #expect(try match(unclosed, unclosed).mismatch == nil)
    // The usual tensors still read as tensors: values within the printed precision match.
    #expect(
      try match(
        "tensor([1.0000, 2.0000], grad_fn=<AddBackward0>)",
        "tensor([1., 2.], grad_fn=<AddBackward0>)"
      ).mismatch == nil)
  }
}
