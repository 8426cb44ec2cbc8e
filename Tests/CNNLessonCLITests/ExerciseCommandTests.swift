import Foundation
import Testing

@testable import CNNLessonCLI

/// `cnn-lesson exercise`, `cnn-lesson check` and the exercise half of `verify`, in process.
@Suite struct ExerciseCommandTests {
  /// The starter of 8-1 with `edit` applied, written to a fresh directory; returns its path.
  static func learnerFile(_ edit: (String) -> String = { $0 }) throws -> (URL, String) {
    let directory = try makeTemporaryDirectory()
    let starter = try String(
      contentsOfFile: packageRoot + "/lessons/exercises/8-1/starter.py", encoding: .utf8)
    let path = directory.appendingPathComponent("my_net.py").path
    try edit(starter).write(toFile: path, atomically: true, encoding: .utf8)
    return (directory, path)
  }

  /// The starter with a third convolution after conv2 and `fc` taking `features` inputs.
  static func withThirdConvolution(features: Int, pool: String = "nn.MaxPool2d(2)") -> (String) ->
    String
  {
    { starter in
      starter.replacingOccurrences(
        of: "        # TODO: add at least one more nn.Conv2d layer\n",
        with: "        self.conv3 = nn.Conv2d(20, 40, kernel_size=3, padding=1)\n"
      ).replacingOccurrences(of: "nn.Linear(320, 10)", with: "nn.Linear(\(features), 10)")
        .replacingOccurrences(of: "nn.MaxPool2d(2)", with: pool)
        .replacingOccurrences(
          of: "        # TODO: use your new layer(s) somewhere in here\n",
          with: "        x = F.relu(self.conv3(x))\n")
    }
  }

  @Test func listsExercises() {
    let run = runTool(["exercise", "--list"])
    #expect(run.code == .success)
    #expect(run.stdout.hasPrefix("8-1   Exercise 8-1: a CNN with more layers\n"))
  }

  @Test func writesTheStarterButNeverOverWork() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("mine.py").path
    let first = runTool(["exercise", "8-1", path])
    #expect(first.code == .success)
    #expect(first.stdout.contains("check your work: cnn-lesson check \(path)"))
    try "my work".write(toFile: path, atomically: true, encoding: .utf8)
    let second = runTool(["exercise", "8-1", path])
    #expect(second.code == .usage)
    #expect(second.stderr.contains("already exists; not overwriting it"))
    #expect(second.stderr.contains("add --force"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "my work")
    #expect(runTool(["exercise", "--force", "8-1", path]).code == .success)
    #expect(
      try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# cnn-lesson exercise 8-1"))
  }

  @Test func usageErrors() {
    #expect(runTool(["exercise", "9-9"]).stderr.contains("no exercise '9-9'"))
    #expect(runTool(["exercise"]).code == .usage)
    #expect(runTool(["run", "--list", "x.md"]).code == .usage)
    #expect(runTool(["check"]).code == .usage)
    #expect(runTool(["check", "/nonexistent/my_net.py"]).code == .fileNotFound)
  }

  @Test func fileWithoutItsExerciseLine() throws {
    let (directory, path) = try Self.learnerFile { _ in "import torch\n" }
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["check", path])
    #expect(run.code == .lessonError)
    #expect(run.stderr.contains(":1:1: error: "))
    #expect(run.stderr.contains("does not say which exercise it is\nimport torch\n^"))
  }

  @Test func fileNamingAnExerciseThatDoesNotExist() throws {
    let (directory, path) = try Self.learnerFile { _ in
      "# cnn-lesson exercise 9-99999\nimport torch\n"
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["check", path])
    #expect(run.code == .lessonError)
    #expect(run.stderr.contains(":1:23: error: no exercise '9-99999'"))
    #expect(run.stderr.contains("note: exercises: 8-1"))
  }

  @Test func untouchedStarterFailsWithTheFirstThenTheNextHint() throws {
    let (directory, path) = try Self.learnerFile()
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = runTool(["check", path])
    #expect(first.code == .checkFailed)
    #expect(first.stdout.contains("FAILED   More convolution layers than the lecture's Net (2)"))
    #expect(first.stdout.contains("got 2"))
    #expect(first.stdout.contains("hint 1/2: The lecture's Net has conv1 and conv2."))
    #expect(first.stdout.contains("    conv2 (Conv2d): [2, 10, 12, 12] -> [2, 20, 8, 8]"))
    #expect(first.stdout.contains("skipped  At least 80% after one epoch on 6,000 images"))
    #expect(
      first.stdout.contains(
        "recap: 3 passed, 1 failed, 1 skipped\nfix first: lessons/exercises/8-1/exercise.md:"))
    let second = runTool(["check", path])
    #expect(second.stdout.contains("hint 2/2: Its in_channels must be the out_channels"))
  }

  @Test func solutionPasses() {
    let run = runTool(["check", "lessons/exercises/8-1/solution.py"])
    #expect(run.code == .success)
    #expect(
      run.stdout.contains(
        "ok       More convolution layers than the lecture's Net (2): 3 (needs >= 3)\n"))
    #expect(
      run.stdout.hasSuffix(
        "recap: 4 passed, 0 failed, 1 skipped\n"
          + "every check that could run here passed (1 skipped, see above)\n"))
    try? FileManager.default.removeItem(
      atPath: packageRoot + "/lessons/exercises/8-1/.solution.py.hints")
  }

  @Test func aTypoThatStopsTheModelIsOneErrorAndTheChecksNeedingItAreNotRun() throws {
    let (directory, path) = try Self.learnerFile {
      $0.replacingOccurrences(of: "self.conv2 = nn.Conv2d(", with: "self.conv2 = nn.Conv2D(")
        .replacingOccurrences(
          of: "import torch\n", with: "import torch\nprint('building my net')\n")
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["check", path])
    #expect(run.code == .checkFailed)
    let out = run.stdout
    #expect(out.contains("my_net.py)\n\(path) printed:\n    building my net\nFAILED   More"))
    #expect(out.contains("error: AttributeError: module 'torch.nn' has no attribute 'Conv2D'"))
    #expect(out.contains("note: did you mean 'Conv2d'?"))
    #expect(!out.contains("hint "))
    #expect(!out.contains("NameError"))
    for check in [
      "The output is [N, 10] log-probabilities", "Max pooling, as in the lecture",
      "A small network: 5,000 to 100,000 parameters",
    ] {
      #expect(
        out.contains(
          "not run  \(check): needs 'model', which \"More convolution layers than the lecture's "
            + "Net (2)\" did not define\n"))
    }
    #expect(out.contains("recap: 0 passed, 1 failed, 1 skipped, 3 not run\nfix first: "))
    #expect(
      out.hasSuffix(
        "AttributeError: module 'torch.nn' has no attribute 'Conv2D'; did you mean 'Conv2d'?\n"))
    let hintsFile = directory.appendingPathComponent(".my_net.py.hints").path
    #expect(((try? String(contentsOfFile: hintsFile, encoding: .utf8)) ?? "").isEmpty)
  }

  @Test func wrongFullyConnectedSizeIsDiagnosed() throws {
    let (directory, path) = try Self.learnerFile(Self.withThirdConvolution(features: 320))
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["check", path])
    #expect(run.code == .checkFailed)
    #expect(run.stdout.contains("ok       More convolution layers"))
    #expect(run.stdout.contains("FAILED   The output is [N, 10] log-probabilities"))
    #expect(run.stdout.contains("size mismatch"))
    #expect(
      run.stdout.contains(
        "fc = nn.Linear(320, 10) expects 320 input features, but gets 640 = 40 x 4 x 4"))
    #expect(run.stdout.contains("use nn.Linear(640, 10)"))
  }

  @Test func averagePoolingIsDiagnosed() throws {
    let (directory, path) = try Self.learnerFile(
      Self.withThirdConvolution(features: 640, pool: "nn.AvgPool2d(2)"))
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["check", path])
    #expect(run.code == .checkFailed)
    #expect(run.stdout.contains("FAILED   Max pooling, as in the lecture"))
    #expect(run.stdout.contains("mp: your output equals average pooling of the input"))
  }

  @Test func verifyProvesExercisesBothWays() {
    let run = runTool(["verify", "lessons"])
    #expect(run.code == .success)
    #expect(
      run.stdout.contains(
        "lessons/exercises/8-1: solution passes 4 check(s) (1 skipped); starter fails 1"))
    #expect(
      run.stdout.contains("lessons/exercises/9-1: solution passes 4 check(s); starter fails 2"))
  }

  // MARK: - A teacher's exercises, named by any folder name

  /// A working folder with a one-cell lesson and, per ID, a small exercise whose starter begins
  /// with `header(id)` (none when nil); the caller removes it.
  static func teachersFolder(
    _ ids: [String], header: (String) -> String? = { "# cnn-lesson exercise \($0): double it" }
  ) throws -> URL {
    let directory = try makeTemporaryDirectory()
    let lessons = directory.appendingPathComponent("lessons")
    var files = ["01.md": "# One\n\n```python\nprint(1 + 1)\n```\n\n```output\n2\n```\n"]
    for id in ids {
      files["exercises/\(id)/exercise.md"] =
        "# Exercise \(id): double it\n\n## Doubles 2\n\n```python\nprint(double(2))\n```\n\n"
        + "```output\n4\n```\n\n```hint\nmultiply by 2\n```\n"
      files["exercises/\(id)/starter.py"] =
        (header(id).map { $0 + "\n" } ?? "") + "def double(x):\n    return x  # TODO\n"
      files["exercises/\(id)/solution.py"] = "def double(x):\n    return x * 2\n"
    }
    for (path, text) in files {
      let url = lessons.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return directory
  }

  @Test(arguments: ["8b-1", "conv-arith", "übung_1.2"])
  func aTeachersExerciseIsListedStartedAndCheckedByItsFolderName(id: String) throws {
    let directory = try Self.teachersFolder(["8-1", id])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = { (arguments: [String]) in runTool(arguments, workingDirectory: directory.path) }
    let list = run(["exercise", "--list"])
    #expect(list.code == .success)
    #expect(list.stdout.contains("\(id)  Exercise \(id): double it\n"))
    #expect(run(["exercise", id, "x.py"]).code == .success)
    let path = directory.appendingPathComponent("x.py").path
    #expect(
      try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# cnn-lesson exercise \(id):"))
    let starter = run(["check", "x.py"])
    #expect(starter.code == .checkFailed, "\(starter.stderr)")
    #expect(starter.stdout.contains("running x.py (exercise \(id))"))
    #expect(starter.stdout.contains("hint 1/1: multiply by 2"))
    let solved = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(of: "return x  # TODO", with: "return x * 2")
    try solved.write(toFile: path, atomically: true, encoding: .utf8)
    let check = run(["check", "x.py"])
    #expect(check.code == .success, "\(check.stdout)\(check.stderr)")
    #expect(
      check.stdout.hasSuffix(
        "recap: 1 passed, 0 failed\nthe check passed: well done, exercise \(id) is solved!\n"))
    let byDefault = run(["exercise", id])
    #expect(byDefault.code == .success)
    let file = ExerciseCommand.defaultFile(for: id)
    #expect(byDefault.stdout.hasPrefix("wrote \(file):"))
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path))
  }

  @Test(arguments: ["../8-1", "8-1/", "", ".", "a b", "nul\u{0}"])
  func exerciseIDsWithPathsOrControlCharactersAreUsageErrors(id: String) throws {
    let directory = try Self.teachersFolder(["8-1"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["exercise", id, "x.py"], workingDirectory: directory.path)
    #expect(run.code == .usage)
    #expect(run.stderr.contains("is not an exercise ID: an exercise ID "))
    #expect(run.stderr.contains("note: exercises: 8-1\n"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.py").path))
  }

  @Test func verifyChecksEachStarterAsALearnersCopyThroughItsHeader() throws {
    let directory = try Self.teachersFolder(["8b-1", "conv-arith", "copied", "nohead"]) { id in
      switch id {
      case "nohead": return nil
      case "copied": return "# cnn-lesson exercise 8b-1: double it"
      default: return "# cnn-lesson exercise \(id): double it"
      }
    }
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["verify", "lessons"], workingDirectory: directory.path)
    #expect(run.code == .checkFailed)
    let out = run.stdout
    #expect(out.contains("lessons/exercises/8b-1: solution passes 1 check(s); starter fails 1\n"))
    #expect(
      out.contains("lessons/exercises/conv-arith: solution passes 1 check(s); starter fails 1\n"))
    #expect(
      out.contains(
        "lessons/exercises/nohead/starter.py:1:1: error: the file does not say which exercise it is\n"
          + "def double(x):\n^~~~~~~~~~~~~~\n"
          + "note: 'cnn-lesson check' finds a learner's exercise from this line: begin the starter "
          + "with '# cnn-lesson exercise nohead: double it'\n"))
    #expect(
      out.contains(
        "lessons/exercises/nohead: solution passes 1 check(s); starter not checked\n"
          + "error: a learner's copy of the starter cannot be checked: "
          + "lessons/exercises/nohead/starter.py:1:1: the file does not say which exercise it is\n")
    )
    #expect(
      out.contains(
        "lessons/exercises/copied/starter.py:1:23: error: the starter names exercise '8b-1', "
          + "not its own 'copied'\n"))
    let recap: String = [
      "FAILED lessons/exercises/copied: a learner's copy of the starter cannot be checked: ",
      "lessons/exercises/copied/starter.py:1:23: the starter names exercise '8b-1', not its ",
      "own 'copied'\n",
      "FAILED lessons/exercises/nohead: a learner's copy of the starter cannot be checked: ",
      "lessons/exercises/nohead/starter.py:1:1: the file does not say which exercise it is\n",
    ].joined()
    #expect(out.hasSuffix(recap + "7 passed, 2 failed\n"), "two checks per exercise: \(out)")
  }

  @Test func verifyReportsAnExerciseFolderWhoseNameIsNoID() throws {
    let directory = try Self.teachersFolder(["8b-1", "my ex"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["verify", "lessons"], workingDirectory: directory.path)
    #expect(run.code == .lessonError)
    #expect(
      run.stdout.contains(
        "error: lessons/exercises/my ex: the folder's name is not an exercise ID: "
          + "an exercise ID cannot contain spaces\n"))
    #expect(
      run.stdout.contains("lessons/exercises/8b-1: solution passes 1 check(s); starter fails 1"))
    #expect(
      !runTool(["exercise", "--list"], workingDirectory: directory.path).stdout.contains("my ex"))
  }
}
