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
  static func source(
    starter: String = "# cnn-lesson exercise 1-1: double it\ndef double(x):\n    return x\n"
  ) -> MemorySource {
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

  /// Verifies exercise 1-1 of `source` as `cnn-lesson verify` does.
  static func verify(in source: MemorySource, makeExecutor: () -> CellExecutor) throws
    -> ExerciseVerification
  {
    try ExerciseVerification.verify(
      try exercise(in: source), in: ExerciseCatalog(source: source), makeExecutor: makeExecutor)
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

  @Test func learnerFileNamesAnyFolderNameAsItsExercise() {
    let cases: [(line: String, id: String, column: Int)] = [
      ("# cnn-lesson exercise 8b-1: a teacher's exercise", "8b-1", 23),
      ("# cnn-lesson exercise conv-arith", "conv-arith", 23),
      ("#   cnn-lesson exercise  übung_1.2\tetc", "übung_1.2", 26),
    ]
    for (line, id, column) in cases {
      let reference = ExerciseCatalog.exerciseReference(
        in: SourceFile(path: "a.py", text: line + "\nimport torch\n"))
      #expect(reference?.id == id, "\(line)")
      #expect(reference?.span.description == "a.py:1:\(column)", "\(line)")
      #expect(reference?.span.length == id.count, "\(line)")
    }
    #expect(
      ExerciseCatalog.exerciseReference(
        in: SourceFile(path: "a.py", text: "# cnn-lesson exercise : no id\n")) == nil)
  }

  @Test func exerciseIDsAreFolderNamesWithoutPathsOrControlCharacters() {
    for id in [
      "8-1", "8b-1", "conv-arith", "übung_1.2", "a..b", String(repeating: "x", count: 100),
    ] {
      #expect(ExerciseCatalog.problem(withID: id) == nil, "\(id)")
    }
    let invalid = [
      "", ".", "..", ".hidden", "a/b", "a\\b", "a:b", "my ex", "tab\there", "bell\u{7}",
      "zero\u{200B}width", String(repeating: "x", count: 101),
    ]
    for id in invalid {
      #expect(ExerciseCatalog.problem(withID: id) != nil, "\(id.debugDescription)")
    }
  }

  /// A catalog of exercises `ids`, each a copy of exercise 1-1 whose starter names `header(id)`.
  static func catalog(
    _ ids: [String], header: (String) -> String? = { "# cnn-lesson exercise \($0): x" }
  ) -> ExerciseCatalog {
    var files: [String: String] = [:]
    for id in ids {
      files["exercises/\(id)/exercise.md"] = markdown
      files["exercises/\(id)/starter.py"] =
        (header(id).map { $0 + "\n" } ?? "") + "def double(x):\n    return x\n"
      files["exercises/\(id)/solution.py"] = "def double(x):\n    return x * 2\n"
    }
    return ExerciseCatalog(source: MemorySource(name: "lessons", files: files))
  }

  @Test func catalogListsAnyFolderNameInLectureOrderAndRejectsTheRest() throws {
    let catalog = Self.catalog(["conv-arith", "10-1", "9-1", "8b-1", "8-1", "my ex", ".x"])
    #expect(catalog.ids() == ["8-1", "8b-1", "9-1", "10-1", "conv-arith"])
    #expect(catalog.rejectedFolders().map(\.name) == [".x", "my ex"])
    #expect(try catalog.exercise("8b-1")?.id == "8b-1")
    #expect(try catalog.exercise("my ex") == nil)
    #expect(try catalog.exercise("../exercises/8-1") == nil)
  }

  @Test func aLearnersFileFindsItsExerciseByAnyID() throws {
    let catalog = Self.catalog(["8-1", "8b-1", "conv-arith"])
    for id in ["8b-1", "conv-arith"] {
      let file = SourceFile(path: "x.py", text: "# cnn-lesson exercise \(id): x\nimport torch\n")
      #expect(try catalog.exercise(namedIn: file).id == id)
    }
    let unknown = #expect(throws: ExerciseLookupError.self) {
      try catalog.exercise(namedIn: SourceFile(path: "x.py", text: "# cnn-lesson exercise 8c-1\n"))
    }
    guard case .learnerFile(let notThere)? = unknown else {
      Issue.record(
        "expected a located error in the learner's file, got \(String(describing: unknown))")
      return
    }
    #expect(notThere.message == "no exercise '8c-1'")
    #expect(notThere.span?.description == "x.py:1:23")
    #expect(notThere.notes.last == "exercises: 8-1, 8b-1, conv-arith")
    let headerless = #expect(throws: ExerciseLookupError.self) {
      try catalog.exercise(namedIn: SourceFile(path: "x.py", text: "import torch\n"))
    }
    guard case .learnerFile(let unnamed)? = headerless else {
      Issue.record(
        "expected a located error in the learner's file, got \(String(describing: headerless))")
      return
    }
    #expect(unnamed.message == "the file does not say which exercise it is")
    #expect(unnamed.span?.description == "x.py:1:1")
  }

  @Test func aStarterWithoutItsHeaderFailsVerificationWhereTheHeaderBelongs() throws {
    let makeExecutor = { InterpreterExecutor(environment: LessonEnvironment()) }
    let catalog = Self.catalog(["8b-1"]) { _ in nil }
    let exercise = try #require(try catalog.exercise("8b-1"))
    let verification = try ExerciseVerification.verify(
      exercise, in: catalog, makeExecutor: makeExecutor)
    #expect(!verification.succeeded)
    #expect(verification.starter == nil)
    let problem = try #require(verification.starterProblem)
    #expect(problem.span?.description == "lessons/exercises/8b-1/starter.py:1:1")
    #expect(
      verification.problems == [
        "a learner's copy of the starter cannot be checked: "
          + "lessons/exercises/8b-1/starter.py:1:1: the file does not say which exercise it is"
      ])
  }

  @Test func aStarterNamingAnotherExerciseFailsVerification() throws {
    let makeExecutor = { InterpreterExecutor(environment: LessonEnvironment()) }
    let catalog = Self.catalog(["8-1", "8b-1"]) { _ in "# cnn-lesson exercise 8-1: copied" }
    let verification = try ExerciseVerification.verify(
      try #require(try catalog.exercise("8b-1")), in: catalog, makeExecutor: makeExecutor)
    #expect(!verification.succeeded)
    #expect(
      verification.starterProblem?.message == "the starter names exercise '8-1', not its own '8b-1'"
    )
    #expect(
      verification.starterProblem?.span?.description == "lessons/exercises/8b-1/starter.py:1:23")
    let own = try ExerciseVerification.verify(
      try #require(try catalog.exercise("8-1")), in: catalog, makeExecutor: makeExecutor)
    #expect(own.succeeded)
    #expect(own.starter?.failed == 2)
  }

  @Test func verificationNeedsBothWays() throws {
    let makeExecutor = { InterpreterExecutor(environment: LessonEnvironment()) }
    let verified = try Self.verify(in: Self.source(), makeExecutor: makeExecutor)
    #expect(verified.succeeded)
    #expect(verified.starter?.path == "mem/exercises/1-1/starter.py")
    let solved = Self.source(
      starter: "# cnn-lesson exercise 1-1\ndef double(x):\n    return x * 2\n")
    let vacuous = try Self.verify(in: solved, makeExecutor: makeExecutor)
    #expect(vacuous.problems.count == 1)
    #expect(vacuous.problems.first?.contains("vacuous") == true)
    let missing = MemorySource(files: ["exercises/1-1/exercise.md": Self.markdown])
    #expect(throws: SourceError.notFound("exercises/1-1/solution.py")) {
      try Self.verify(in: missing, makeExecutor: makeExecutor)
    }
  }

  @Test func strictVerificationDoesNotAllowSkippedChecks() throws {
    let markdown =
      "# E\n\n## Runs\n\n```python\nrun()\n```\n\n```output\nran\n```\n\n"
      + "## Loads\n\n```python\nload()\n```\n\n```output\n60000\n```\n"
    let source = MemorySource(
      files: [
        "exercises/2-1/exercise.md": markdown,
        "exercises/2-1/starter.py": "# cnn-lesson exercise 2-1\nload()",
        "exercises/2-1/solution.py": "solve()",
      ])
    let exercise = try #require(try ExerciseCatalog(source: source).exercise("2-1"))
    let verification = try ExerciseVerification.verify(
      exercise, in: ExerciseCatalog(source: source), makeExecutor: { MissingDataExecutor() })
    #expect(verification.solution.tally == Tally(passed: 1, skipped: 1))
    #expect(
      verification.starter?.checks.allSatisfy { $0.verdict.missingRequirement != nil } == true)
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
