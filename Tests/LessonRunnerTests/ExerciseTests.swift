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
    // The second check's NameError for `y` is the first's again: one mistake, counted once.
    #expect(broken.failed == 1 && broken.notRun == 1 && !broken.succeeded)
    let crashing = try Self.run("raise_here(\n")
    #expect(crashing.fileError != nil && crashing.failed == 1)
  }

  @Test func hintsAdvanceOnEachFailure() throws {
    var hints = HintState()
    let bad = try Self.run("def double(x):\n    return x\n")
    let first = Self.rendered(bad, hints: &hints)
    #expect(first.contains("FAILED   Doubles 2"))
    #expect(first.contains("hint 1/2: first hint"))
    #expect(
      first.hasSuffix(
        "recap: 0 passed, 2 failed\nfix first: mem/exercises/1-1/exercise.md:"
          + "19:1: expected 4, got 2\n"))
    let second = Self.rendered(bad, hints: &hints)
    #expect(second.contains("hint 2/2: second hint"))
    let third = Self.rendered(bad, hints: &hints)
    #expect(third.contains("hint 2/2: second hint"))
    #expect(hints.failures == ["Doubles 2": 3, "Doubles -1": 3])
  }

  /// An exercise whose first check builds `model` and whose later checks use it.
  static let modelMarkdown = """
    # Exercise 2-1: a model

    ## Builds the model

    ```python
    model = build()
    print(isinstance(model, nn.Conv2d))
    ```

    ```output
    True
    ```

    ```hint
    hint about building
    ```

    ## Uses the model

    ```python
    print(model.weight.shape)
    ```

    ```output
    torch.Size([1, 1, 1, 1])
    ```

    ```hint
    hint about using
    ```

    ## Needs a helper

    ```python
    print(helper())
    ```

    ```output
    1
    ```

    ```hint
    write helper()
    ```

    ## Builds it again

    ```python
    again = build()
    print(again.weight.shape)
    ```

    ```output
    torch.Size([1, 1, 1, 1])
    ```

    ```hint
    hint about building again
    ```
    """

  static func runModelExercise(_ code: String) throws -> ExerciseResult {
    let source = MemorySource(
      name: "mem",
      files: [
        "exercises/2-1/exercise.md": modelMarkdown,
        "exercises/2-1/starter.py": "# cnn-lesson exercise 2-1\n",
        "exercises/2-1/solution.py": "",
      ])
    return ExerciseRunner.run(
      try #require(try ExerciseCatalog(source: source).exercise("2-1")),
      file: SourceFile(path: "mine.py", text: code),
      executor: InterpreterExecutor(environment: LessonEnvironment()))
  }

  @Test func aTypoThatStopsTheModelIsReportedOnceAndWhatNeedsItIsNotRun() throws {
    let typo = "import torch.nn as nn\ndef build():\n    return nn.Conv2D(1, 1, 1)\n"
    let result = try Self.runModelExercise(typo)
    #expect(result.checks.map(\.verdict.word) == ["FAILED", "not run", "FAILED", "not run"])
    #expect(
      result.checks.map(\.dependency) == [
        nil, CheckDependency(cause: "Builds the model", reason: .undefinedName("model")), nil,
        CheckDependency(cause: "Builds the model", reason: .sameError),
      ])
    #expect(result.failed == 2 && result.notRun == 2 && result.passed == 0)
    var hints = HintState()
    let text = Self.rendered(result, hints: &hints)
    #expect(
      text.contains("mine.py:3:12: error: AttributeError: module 'torch.nn' has no attribute"))
    #expect(
      text.contains(
        "not run  Uses the model: needs 'model', which \"Builds the model\" did not define\n"))
    #expect(text.contains("not run  Builds it again: the same error as \"Builds the model\"\n"))
    // The typo's "did you mean" is its fix; only the helper's failure spends a hint.
    #expect(hints.failures == ["Needs a helper": 1])
    #expect(text.contains("    hint 1/1: write helper()\n"))
    #expect(!text.contains("hint about"))
    #expect(
      text.hasSuffix(
        "recap: 0 passed, 2 failed, 2 not run\n"
          + "fix first: mine.py:3:12: AttributeError: module 'torch.nn' has no attribute 'Conv2D'; "
          + "did you mean 'Conv2d'?\n"))
  }

  @Test func aFileThatDoesNotRunMarksEveryCheckNotRunAndSpendsNoHint() throws {
    for code in ["import torch.nn as nn\nlayer = nn.Conv2D(1, 1, 1)\n", "def build(:\n"] {
      let result = try Self.runModelExercise(code)
      #expect(result.fileError != nil)
      #expect(result.checks.allSatisfy { $0.dependency?.reason == .fileFailed })
      #expect(result.failed == 1 && result.notRun == 4)
      var hints = HintState()
      let text = Self.rendered(result, hints: &hints)
      #expect(hints.failures.isEmpty)
      #expect(text.contains("FAILED: your file did not run\n    mine.py:"))
      #expect(text.contains("not run  Uses the model: your file stopped before the checks\n"))
      #expect(text.contains("recap: 0 passed, 1 failed, 4 not run\nfix first: mine.py:"))
    }
  }

  @Test func aNameTheLearnerNeverDefinedIsAFailureOfItsOwn() throws {
    let result = try Self.runModelExercise(
      "import torch.nn as nn\ndef build():\n    return nn.Conv2d(1, 1, 1)\n")
    #expect(result.checks.map(\.verdict.word) == ["ok", "ok", "FAILED", "ok"])
    #expect(result.checks[2].dependency == nil)
    #expect(
      DependencyTracker.undefinedName(try #require(result.checks[2].outcome?.error)) == "helper")
  }

  @Test func anErrorTheCheckExpectsIsNoFailureThatLaterChecksFollowFrom() throws {
    let markdown =
      "# E\n\n## Raises as expected\n\n```python\nmodel = broken()\n```\n\n"
      + "```error\nZeroDivisionError\n```\n\n## Uses it\n\n```python\nprint(model)\n```\n\n"
      + "```output\n1\n```\n"
    let source = MemorySource(
      files: [
        "exercises/4-1/exercise.md": markdown, "exercises/4-1/starter.py": "",
        "exercises/4-1/solution.py": "",
      ])
    let result = ExerciseRunner.run(
      try #require(try ExerciseCatalog(source: source).exercise("4-1")),
      file: SourceFile(path: "mine.py", text: "def broken():\n    return 1 / 0\n"),
      executor: InterpreterExecutor(environment: LessonEnvironment()))
    #expect(result.checks.map(\.verdict.word) == ["ok", "FAILED"])
    #expect(result.failed == 1 && result.notRun == 0)
  }

  @Test func whatTheLearnersFilePrintsIsShownUnderItsName() throws {
    var hints = HintState()
    let result = try Self.run("print('ready')\nprint('set', 2)\ndef double(x):\n    return 2 * x\n")
    #expect(result.fileOutput == "ready\nset 2\n")
    let text = Self.rendered(result, hints: &hints)
    #expect(
      text.hasPrefix(
        "Exercise 1-1: double it (mine.py)\nmine.py printed:\n    ready\n    set 2\nok"))
    let quiet = Self.rendered(try Self.run("def double(x):\n    return 2 * x\n"), hints: &hints)
    #expect(!quiet.contains("printed:"))
  }

  @Test func aPassingCheckShowsTheNumbersItsBandsAndPlaceholdersAccepted() throws {
    let markdown = """
      # E

      ## Accuracy

      ```python
      print('accuracy: {}/1000'.format(875))
      print('mean', 0.52, 'words', 3)
      ```

      ```output
      accuracy: {int >= 800}/1000
      mean 0.5 +- 0.05 words {int}
      ```

      ## Elided

      ```python
      print('loss', 0.1)
      print('done')
      ```

      ```output
      loss {float < 0.2}
      ...
      ```
      """
    let source = MemorySource(
      files: [
        "exercises/3-1/exercise.md": markdown, "exercises/3-1/starter.py": "",
        "exercises/3-1/solution.py": "",
      ])
    let result = ExerciseRunner.run(
      try #require(try ExerciseCatalog(source: source).exercise("3-1")),
      file: SourceFile(path: "mine.py", text: ""),
      executor: InterpreterExecutor(environment: LessonEnvironment()))
    #expect(result.passed == 2)
    #expect(
      result.checks[0].accepted == [
        AcceptedValue(value: "875", requirement: ">= 800"),
        AcceptedValue(value: "0.52", requirement: "0.5 +- 0.05"),
        AcceptedValue(value: "3", requirement: "any int"),
      ])
    // With a `...` line it is not plain which printed line a value is on: none shown.
    #expect(result.checks[1].accepted.isEmpty)
    var hints = HintState()
    let text = Self.rendered(result, hints: &hints)
    #expect(
      text.contains(
        "ok       Accuracy: 875 (needs >= 800), 0.52 (needs 0.5 +- 0.05), 3 (needs any int)\n"))
    #expect(text.contains("ok       Elided\n"))
    #expect(
      text.hasSuffix(
        "recap: 2 passed, 0 failed\nall 2 checks passed: well done, exercise 3-1 is solved!\n"))
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
