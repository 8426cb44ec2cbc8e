import Foundation
import Testing

@testable import LessonRunner

/// The exercise format, hint state, running a learner's file, and verification both ways.
@Suite struct ExerciseTests {
  static let markdown = """
    # Exercise 1-1: double it

    Write `double(x)`.

    ```exercise
    model: Net()
    input: 2, 3
    ```

    ## Checks

    ### Doubles 2

    ```python
    print(double(2))
    ```

    ```output
    4
    ```

    ```hint
    first hint
    ```

    ```hint
    second hint
    ```

    ### Doubles -1

    ```python
    print(double(-1))
    ```

    ```output
    -2
    ```
    """

  /// The exercise as a source holds it, with a starter and a solution.
  static func source(starter: String = "def double(x):\n    return x\n") -> MemorySource {
    MemorySource(
      name: "mem",
      files: [
        "exercises/1-1/exercise.md": markdown, "exercises/1-1/starter.py": starter,
        "exercises/1-1/solution.py": "def double(x):\n    return x * 2\n",
      ])
  }

  static func exercise(in source: MemorySource = source()) throws -> Exercise {
    try #require(try ExerciseCatalog(source: source).exercise("1-1"))
  }

  static func run(_ code: String) throws -> ExerciseResult {
    ExerciseRunner.run(
      try exercise(), file: SourceFile(path: "mine.py", text: code),
      executor: InterpreterExecutor(environment: LessonEnvironment()))
  }

  static func rendered(_ result: ExerciseResult, hints: inout HintState) -> String {
    TerminalStyle(color: false).render(ExerciseTextRenderer().render(result, hints: &hints))
  }

  @Test func parsesChecksHintsAndDiagnosis() throws {
    let exercise = try Self.exercise()
    #expect(exercise.title == "Exercise 1-1: double it")
    #expect(exercise.lesson.file.path == "mem/exercises/1-1/exercise.md")
    #expect(exercise.starterPath == "mem/exercises/1-1/starter.py")
    #expect(exercise.checks.map(\.name) == ["Doubles 2", "Doubles -1"])
    #expect(exercise.checks[0].hints == ["first hint", "second hint"])
    #expect(exercise.checks[1].hints.isEmpty)
    #expect(exercise.diagnosis?.model == "Net()")
    #expect(exercise.diagnosis?.inputShape == [2, 3])
  }

  @Test func malformedDiagnosisBlockIsLocated() {
    let text = "# E\n\n```exercise\nmodel: Net()\ninput: none\n```\n"
    #expect(throws: Diagnostic.self) {
      try ExerciseParser.parse(
        SourceFile(path: "e.md", text: text), id: "x", source: MemorySource(files: [:]), folder: "x"
      )
    }
  }

  @Test func passingAndFailingFiles() throws {
    let good = try Self.run("def double(x):\n    return 2 * x\n")
    #expect(good.passed == 2 && good.failed == 0 && good.succeeded)
    let bad = try Self.run("def double(x):\n    return x + 2\n")
    #expect(bad.passed == 1 && bad.failed == 1)
    let broken = try Self.run("def double(x):\n    return y\n")
    #expect(broken.failed == 2 && !broken.succeeded)
    let crashing = try Self.run("raise_here(\n")
    #expect(crashing.fileError != nil && crashing.failed == 1)
  }

  @Test func hintsAdvanceOnEachFailure() throws {
    var hints = HintState()
    let bad = try Self.run("def double(x):\n    return x\n")
    let first = Self.rendered(bad, hints: &hints)
    #expect(first.contains("FAILED   Doubles 2"))
    #expect(first.contains("hint 1/2: first hint"))
    #expect(first.contains("0 passed, 2 failed"))
    let second = Self.rendered(bad, hints: &hints)
    #expect(second.contains("hint 2/2: second hint"))
    let third = Self.rendered(bad, hints: &hints)
    #expect(third.contains("hint 2/2: second hint"))
    #expect(hints.failures == ["Doubles 2": 3, "Doubles -1": 3])
  }

  @Test func hintStateIsKeptBesideTheFile() {
    #expect(HintState.path(for: "work/my_net.py") == "work/.my_net.py.hints")
    #expect(HintState.path(for: "/a/b.py") == "/a/.b.py.hints")
    #expect(HintState.path(for: "my_net.py") == ".my_net.py.hints")
    var state = HintState()
    #expect(state.recordFailure("a check", hintCount: 2) == 0)
    #expect(state.recordFailure("b", hintCount: 1) == 0)
    #expect(state.text == "1\ta check\n1\tb\n")
    var loaded = HintState(parsing: state.text + "garbage\n0\tzero\n")
    #expect(loaded == state)
    #expect(loaded.recordFailure("a check", hintCount: 2) == 1)
    #expect(loaded.recordFailure("no hints", hintCount: 0) == nil)
  }

  @Test func learnerFileNamesItsExercise() {
    let file = SourceFile(path: "a.py", text: "\n# cnn-lesson exercise 8-1: x\nimport torch")
    let reference = ExerciseCatalog.exerciseReference(in: file)
    #expect(reference?.id == "8-1")
    #expect(reference?.span.description == "a.py:2:23")
    #expect(
      ExerciseCatalog.exerciseReference(in: SourceFile(path: "a.py", text: "import torch\n"))
        == nil)
  }

  @Test func verificationNeedsBothWays() throws {
    let makeExecutor = { InterpreterExecutor(environment: LessonEnvironment()) }
    let verified = try ExerciseVerification.verify(
      try Self.exercise(), makeExecutor: makeExecutor)
    #expect(verified.succeeded)
    #expect(verified.starter.path == "mem/exercises/1-1/starter.py")
    let solved = Self.source(starter: "def double(x):\n    return x * 2\n")
    let vacuous = try ExerciseVerification.verify(
      try Self.exercise(in: solved), makeExecutor: makeExecutor)
    #expect(vacuous.problems.count == 1)
    #expect(vacuous.problems.first?.contains("vacuous") == true)
    let missing = MemorySource(files: ["exercises/1-1/exercise.md": Self.markdown])
    #expect(throws: SourceError.notFound("exercises/1-1/solution.py")) {
      try ExerciseVerification.verify(try Self.exercise(in: missing), makeExecutor: makeExecutor)
    }
  }

  @Test func strictVerificationDoesNotAllowSkippedChecks() throws {
    let markdown =
      "# E\n\n## Runs\n\n```python\nrun()\n```\n\n```output\nran\n```\n\n"
      + "## Loads\n\n```python\nload()\n```\n\n```output\n60000\n```\n"
    let source = MemorySource(
      files: [
        "exercises/2-1/exercise.md": markdown, "exercises/2-1/starter.py": "load()",
        "exercises/2-1/solution.py": "solve()",
      ])
    let exercise = try #require(try ExerciseCatalog(source: source).exercise("2-1"))
    let verification = try ExerciseVerification.verify(
      exercise, makeExecutor: { MissingDataExecutor() })
    #expect(verification.solution.tally == Tally(passed: 1, skipped: 1))
    #expect(verification.starter.checks.allSatisfy { $0.verdict.missingRequirement != nil })
    #expect(!verification.problems.contains { $0.contains("skips") })
    #expect(
      verification.problems(.strict).contains(
        "the solution exercises/2-1/solution.py skips 1 check(s) that cannot run here"))
    #expect(!verification.succeeded(.strict))
  }

  @Test func catalogListsTheRealExercises() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let catalog = ExerciseCatalog(
      source: FolderSource(
        root: root.appendingPathComponent("lessons").path, displayRoot: "lessons"))
    #expect(catalog.ids().first == "8-1")
    let exercise = try #require(try catalog.exercise("8-1"))
    #expect(exercise.checks.count == 5)
    #expect(exercise.checks.allSatisfy { !$0.hints.isEmpty })
    #expect(try catalog.exercise("99-9") == nil)
    #expect(catalog.displayPath(of: "8-1") == "lessons/exercises/8-1")
    #expect(exercise.solutionPath == "lessons/exercises/8-1/solution.py")
  }
}

/// A hints file holding anything (Int.max, garbage) never makes counting crash.
@Suite struct HintStateHostileTests {
  @Test func hugeCountsAreClampedAndGarbageIgnored() {
    var state = HintState(parsing: "9223372036854775807\tshape\nxx\tgarbage\n-3\tneg\n\t\n")
    #expect(state.failures == ["shape": HintState.maximumCount])
    #expect(state.recordFailure("shape", hintCount: 3) == 2)
    #expect(state.failures["shape"] == HintState.maximumCount)
  }
}
