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

  static func exercise() throws -> Exercise {
    try ExerciseParser.parse(
      SourceFile(path: "ex/exercise.md", text: markdown), id: "1-1", starterPath: "s.py",
      solutionPath: "t.py")
  }

  static func run(_ code: String) throws -> ExerciseResult {
    ExerciseRunner.run(
      try exercise(), file: SourceFile(path: "mine.py", text: code),
      interpreter: Interpreter(output: { _ in }))
  }

  @Test func parsesChecksHintsAndDiagnosis() throws {
    let exercise = try Self.exercise()
    #expect(exercise.title == "Exercise 1-1: double it")
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
        SourceFile(path: "e.md", text: text), id: "x", starterPath: "", solutionPath: "")
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
    let first = ExerciseReport.rendered(bad, hints: &hints)
    #expect(first.contains("FAILED   Doubles 2"))
    #expect(first.contains("hint 1/2: first hint"))
    #expect(first.contains("0 passed, 2 failed"))
    let second = ExerciseReport.rendered(bad, hints: &hints)
    #expect(second.contains("hint 2/2: second hint"))
    let third = ExerciseReport.rendered(bad, hints: &hints)
    #expect(third.contains("hint 2/2: second hint"))
    #expect(hints.failures == ["Doubles 2": 3, "Doubles -1": 3])
  }

  @Test func hintStateIsSavedBesideTheFile() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cnn-lesson-hints-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("my_net.py").path
    #expect(HintState.path(for: file) == directory.appendingPathComponent(".my_net.py.hints").path)
    var state = HintState.load(for: file)
    #expect(state.recordFailure("a check", hintCount: 2) == 0)
    state.save(for: file)
    var loaded = HintState.load(for: file)
    #expect(loaded == state)
    #expect(loaded.recordFailure("a check", hintCount: 2) == 1)
    #expect(loaded.recordFailure("no hints", hintCount: 0) == nil)
  }

  @Test func learnerFileNamesItsExercise() {
    #expect(
      ExerciseCatalog.exerciseID(inLearnerFile: "# cnn-lesson exercise 8-1: x\nimport torch")
        == "8-1")
    #expect(ExerciseCatalog.exerciseID(inLearnerFile: "import torch\n") == nil)
  }

  @Test func verificationNeedsBothWays() throws {
    let exercise = try Self.exercise()
    let files = [
      "s.py": "def double(x):\n    return x\n", "t.py": "def double(x):\n    return x * 2\n",
    ]
    let verified = try ExerciseVerification.verify(
      exercise, read: { files[$0] ?? "" }, makeInterpreter: { Interpreter(output: { _ in }) })
    #expect(verified.succeeded)
    let vacuous = try ExerciseVerification.verify(
      exercise, read: { _ in files["t.py"] ?? "" },
      makeInterpreter: { Interpreter(output: { _ in }) })
    #expect(vacuous.problems.count == 1)
    #expect(vacuous.problems.first?.contains("vacuous") == true)
  }

  @Test func catalogListsTheRealExercises() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let catalog = ExerciseCatalog(directory: root.appendingPathComponent("lessons/exercises").path)
    #expect(catalog.ids().first == "8-1")
    let exercise = try #require(try catalog.exercise("8-1"))
    #expect(exercise.checks.count == 5)
    #expect(exercise.checks.allSatisfy { !$0.hints.isEmpty })
    #expect(try catalog.exercise("99-9") == nil)
  }
}
