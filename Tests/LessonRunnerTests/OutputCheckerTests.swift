import Testing

@testable import LessonRunner

/// Checks `expected` (as lines 10... of `lessons/x.md`) against `actual` as a block of `kind`
/// would: the printed output, or for an error block the text of an error whose message is
/// `actual`. A block that does not compile fails with its located error.
private func check(
  _ expected: String, _ actual: String, kind: any ExpectationKind.Type = OutputExpectation.self
) -> CheckResult {
  let text = ExpectedText(expected, path: "lessons/x.md", firstLine: 10)
  let fence = SourceSpan(file: text.file, line: 9, column: 1)
  let compiled: any ExpectationKind
  do {
    compiled = try kind.init(compiling: text, fence: fence)
  } catch {
    return .failed(Mismatch(span: error.span, message: error.message, notes: error.notes))
  }
  let isError = kind is ErrorExpectation.Type
  let result = CellResult(
    outputs: isError ? [] : [.text(actual)], error: isError ? Diagnostic(actual, at: nil) : nil)
  switch compiled.check(result) {
  case .passed: return .passed
  case .failed(.mismatch(let mismatch)): return .failed(mismatch)
  case let other: return .failed(Mismatch(span: nil, message: "not a mismatch: \(other)"))
  }
}

/// Pairs that must match.
private let passing: [(String, String)] = [
  ("1.7", "1.6667"),
  ("6", "6."),
  ("6", "6.0000"),
  ("6.", "6"),
  ("1.2346e-03", "0.00123456"),
  ("loss: 0.25", "loss:   0.2500001"),
  ("a\tb", "a   b   "),
  ("x\n\n\ny", "x\ny\n"),
  (
    "tensor([[12., 16.],\n        [24., 28.]])",
    "tensor([[12.0000, 16.0000],\n [24.0000, 28.0000]])"
  ),
  ("6 8\n3 4", "tensor([[[[6., 8.],\n          [3., 4.]]]])"),
  ("tensor([[6., 8.],\n        [3., 4.]])", "6 8\n3 4"),
  (
    "1 2\n3 4\n\n5 6\n7 8\n\n9 10\n11 12",
    "tensor([[[[ 1.,  2.],\n          [ 3.,  4.]],\n\n         [[ 5.,  6.],\n          [ 7.,  8.]],\n\n         [[ 9., 10.],\n          [11., 12.]]]])"
  ),
  ("tensor(6.)", "tensor(6.0000)"),
  ("tensor([1., 2.], requires_grad=True)", "tensor([1.0000, 2.0000], requires_grad=True)"),
  ("y = tensor([3., 4.], grad_fn=<AddBackward0>)", "y = tensor([3., 4.], grad_fn=<AddBackward0>)"),
  ("Accuracy: 98 +- 1", "Accuracy: 97.5"),
  ("98% +- 1", "98.9%"),
  ("98 ± 1", "99"),
  ("step {int}: loss {float}", "step 12: loss 0.5"),
  ("{int >= 9800}/10000", "9812/10000"),
  ("{float <= 0.2}", "0.1999"),
  ("{number 97..99}", "98.4"),
  ("model: {word}", "model: Net"),
  ("Epoch 1 {text}", "Epoch 1 finished in 3.2s"),
  ("start\n...\nend", "start\nend"),
  ("start\n...\nend", "start\na\nb\nend"),
  ("loss ... done", "loss 0.3 0.2 0.1 done"),
  ("{repeat 3}\nstep {int}\nend", "step 1\nstep 2\nstep 3\nend"),
  ("{repeat 2..4}\nstep {int}", "step 1\nstep 2\nstep 3"),
  ("{repeat}\nstep {int}\nend", "step 1\nend"),
  ("torch.Size([1, 3, 2, 2])", "torch.Size([1, 3, 2, 2])"),
  ("{'a': 1}", "{'a': 1}"),
  ("nan inf -inf", "nan inf -inf"),
  ("", ""),
]

@Test(arguments: passing)
func matchingPairsPass(expected: String, actual: String) {
  let result = check(expected, actual)
  #expect(result.isPassed, "\(result.mismatch?.description ?? "")")
}

/// Pairs that must fail: expected, actual, line and column of the report, part of the message.
private let failing: [(String, String, Int, Int, String)] = [
  ("1.9", "1.6667", 10, 1, "expected 1.9 (±0.05), got 1.6667"),
  ("mean: 1.7 and 1.9", "mean: 1.6667 and 1.6667", 10, 15, "expected 1.9 (±0.05), got 1.6667"),
  ("6", "6.5", 10, 1, "expected 6, got 6.5"),
  ("6", "7", 10, 1, "expected 6, got 7"),
  ("cat", "dog", 10, 1, "expected \"cat\", got \"dog\""),
  ("a\nb", "a\nc", 11, 1, "expected \"b\", got \"c\""),
  (
    "6 8\n3 4", "tensor([[[[6., 8.],\n          [3., 5.]]]])", 11, 3,
    "row 2, column 2: expected 4, got 5."
  ),
  (
    "6 8 1\n3 4 1\n2 2 2", "tensor([[[[6., 8.],\n          [3., 4.]]]])", 10, 1,
    "expected a 3x3 grid, got a tensor of shape [1, 1, 2, 2]"
  ),
  (
    "1 2\n3 4\n\n5 6\n7 8\n\n9 10\n11 12",
    "tensor([[[[ 1.,  2.],\n          [ 3.,  4.]],\n\n         [[ 5.,  6.],\n          [ 7.,  9.]],\n\n         [[ 9., 10.],\n          [11., 12.]]]])",
    14, 3, "grid 2, row 2, column 2: expected 8, got 9."
  ),
  (
    "tensor([[1., 2.],\n        [3., 4.]])", "tensor([[1., 2.],\n        [3., 4.5]])", 11, 14,
    "element [1, 1]: expected 4., got 4.5"
  ),
  (
    "tensor([1., 2.])", "tensor([1., 2., 3.])", 10, 1,
    "expected a tensor of shape [2], got a tensor of shape [3]"
  ),
  (
    "tensor([1., 2.])", "tensor([1., 2.], requires_grad=True)", 10, 1,
    "expected nothing after the values"
  ),
  ("98 +- 1", "96.5", 10, 1, "expected a number in [97, 99]"),
  ("{int >= 9800}", "9700", 10, 1, "expected {int >= 9800}, got 9700"),
  ("{int}", "3.5", 10, 1, "expected {int}, got 3.5"),
  ("{float}", "3", 10, 1, "expected {float}, got 3"),
  ("{repeat 3}\nstep {int}\nend", "step 1\nstep 2\nend", 11, 1, "this line must repeat 3 times"),
  ("start\n...\nend", "start\na\nb", 12, 1, "output ended early"),
  ("a", "a\nb", 10, 2, "unexpected extra output: \"b\""),
  ("a b", "a b c", 10, 4, "unexpected \"c\" at the end of the line"),
  ("a b c", "a b", 10, 5, "expected \"c\", got the end of the line"),
]

@Test(arguments: failing)
func mismatchedPairsFailAtTheExpectedValue(
  expected: String, actual: String, line: Int, column: Int, message: String
) throws {
  let mismatch = try #require(check(expected, actual).mismatch)
  #expect(mismatch.span?.line == line)
  #expect(mismatch.span?.column == column)
  let text = ([mismatch.message] + mismatch.notes).joined(separator: "\n")
  #expect(text.contains(message), "\(text)")
}

@Test func mismatchRendersTheExpectedLineWithACaret() throws {
  let mismatch = try #require(check("mean: 1.9", "mean: 1.6667").mismatch)
  #expect(
    mismatch.description == """
      lessons/x.md:10:7: error: expected 1.9 (±0.05), got 1.6667
      mean: 1.9
            ^~~
      note: expected: mean: 1.9
      note:      got: mean: 1.6667
      """)
}

@Test func trainingLogWithRepeatAndPlaceholders() {
  var lines = (1...93).map { "Train Epoch: 1 [\($0 * 640)/60000 (\($0)%)]\tLoss: 0.\($0)" }
  lines.append("Train Epoch: 1 [59520/60000 (99%)]\tLoss: 0.1234")
  let expected = """
    {repeat 93}
    Train Epoch: 1 [{int}/60000 ({int}%)]\tLoss: {float}
    Train Epoch: 1 [59520/60000 (99%)]\tLoss: {float}
    """
  #expect(check(expected, lines.joined(separator: "\n")).isPassed)
  #expect(!check(expected, lines.dropFirst().joined(separator: "\n")).isPassed)
}

@Test func exactModeComparesText() throws {
  #expect(check("a  b\nc", "a  b   \nc\n", kind: ExactOutputExpectation.self).isPassed)
  let mismatch = try #require(check("a  b", "a b", kind: ExactOutputExpectation.self).mismatch)
  #expect(mismatch.span?.column == 3)
  #expect(
    check("6", "6.", kind: ExactOutputExpectation.self).mismatch?.message
      == "output differs at column 2")
  #expect(
    check("a", "a\nb", kind: ExactOutputExpectation.self).mismatch?.message
      == "unexpected extra output: \"b\"")
}

@Test func errorModeMatchesAContiguousPart() {
  let error = Diagnostic(
    "size mismatch, m1: [64 x 320], m2: [100 x 10]", at: nil,
    notes: ["fc expects 100 input features, but the input has 320"])
  let text = ErrorExpectation.text(of: error)
  #expect(
    text
      == "size mismatch, m1: [64 x 320], m2: [100 x 10]\nnote: fc expects 100 input features, but the input has 320"
  )
  let kind = ErrorExpectation.self
  #expect(check("size mismatch", text, kind: kind).isPassed)
  #expect(check("m1: [64 x 320], m2: [100 x ...]", text, kind: kind).isPassed)
  #expect(check("fc expects 100 input features", text, kind: kind).isPassed)
  #expect(check("size mismatch ...\nnote: fc expects {int}", text, kind: kind).isPassed)
  #expect(!check("shape mismatch", text, kind: kind).isPassed)
}

@Test func malformedPlaceholderIsReportedWhereItIsWritten() throws {
  let mismatch = try #require(check("x\nvalue {int >= abc}", "x\nvalue 3").mismatch)
  #expect(mismatch.span?.line == 11)
  #expect(mismatch.span?.column == 7)
  #expect(mismatch.message.contains("cannot read the bound"))
}

/// Odd inputs on either side: the checker answers, it never traps.
private let oddInputs = [
  "", "{", "{int", "{int >", "{repeat}", "{repeat 1..}", "tensor(", "tensor([1., [2.]])",
  "tensor([[1.], [2., 3.]])", "tensor([1.,\n\n", "...", "... ...", "+-", "± 1", "-", "1e", "-inf",
  "6 8\n\n3", "6 8\n3", "\t\t", "tensor([])", "tensor(6.)", "{text} {word}", "```", "\u{1B}[0m",
]

@Test(arguments: oddInputs)
func oddInputsNeverTrap(input: String) {
  for other in oddInputs {
    for kind in ExpectationKinds.all {
      _ = check(input, other, kind: kind)
      _ = check(other, input, kind: kind)
    }
  }
}

@Test func gridMismatchNamesTheElementAndQuotesBothSides() throws {
  let mismatch = try #require(
    check("6 8\n3 4", "tensor([[[[6., 8.],\n          [3.5, 4.]]]])").mismatch)
  #expect(
    mismatch.description == """
      lessons/x.md:11:1: error: row 2, column 1: expected 3, got 3.5
      3 4
      ^
      note: expected: 3 4
      note:      got: [3.5, 4.]]]])
      """)
}
