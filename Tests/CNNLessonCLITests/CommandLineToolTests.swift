import Foundation
import Testing

@testable import CNNLessonCLI

/// The command line's exit codes and texts, run in process.
@Suite struct CommandLineToolTests {
  @Test func helpTeachesTheCommandsAndExitsZero() {
    let run = runTool(["--help"])
    #expect(run.code == .success)
    #expect(run.stdout.contains("cnn-lesson run FILE.md"))
    #expect(run.stdout.contains("EXIT STATUS"))
    #expect(runTool(["help", "verify"]).stdout.contains("--junit FILE"))
    #expect(runTool(["run", "--help"]).stdout.contains("--bless"))
  }

  @Test func noArgumentsIsAUsageError() {
    let run = runTool([])
    #expect(run.code == .usage)
    #expect(run.stdout.contains("USAGE"))
  }

  @Test func unknownCommandsAndOptionsSuggestTheClosest() {
    let command = runTool(["rnu", "lessons/08.md"])
    #expect(command.code == .usage)
    #expect(command.stderr.contains("unknown command 'rnu'"))
    #expect(command.stderr.contains("did you mean 'run'?"))
    let option = runTool(["run", "--sed", "3", "lessons/08.md"])
    #expect(option.code == .usage)
    #expect(option.stderr.contains("did you mean '--seed'?"))
    #expect(runTool(["run"]).code == .usage)
    #expect(runTool(["run", "--seed", "minus", "x.md"]).code == .usage)
    #expect(runTool(["run", "--junit", "x.xml", "lessons/08.md"]).code == .usage)
  }

  @Test func missingFilesExit66() {
    let run = runTool(["run", "lessons/nope.md"])
    #expect(run.code == .fileNotFound)
    #expect(run.stderr.contains("lessons/nope.md"))
    #expect(runTool(["verify", "no-such-dir"]).code == .fileNotFound)
    let directory = runTool(["run", "lessons"])
    #expect(directory.code == .usage)
    #expect(directory.stderr.contains("cnn-lesson verify lessons"))
  }

  @Test func lesson08PassesEveryCheck() {
    let run = runTool(["run", "lessons/08.md"])
    #expect(run.code == .success, "\(run.stdout)\n\(run.stderr)")
    #expect(run.stdout.contains(" passed, 0 failed"))
    #expect(run.stdout.contains("--- lessons/08.md:"))
  }

  @Test func aChangedExpectedNumberFailsAtItsLine() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let original = try String(contentsOfFile: packageRoot + "/lessons/08.md", encoding: .utf8)
    let lines = original.components(separatedBy: "\n")
    let target = try #require(lines.firstIndex(of: "1.7 1.7 1.7"))
    var changed = lines
    changed[target] = "1.9 1.7 1.7"
    let path = directory.appendingPathComponent("08.md").path
    try changed.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let run = runTool(["run", path])
    #expect(run.code == .checkFailed)
    #expect(
      run.stdout.contains(
        "\(path):\(target + 1):1: error: row 1, column 1: expected 1.9 (±0.05), got 1.6667"))
    #expect(run.stdout.contains(" passed, 1 failed"))
  }

  @Test func withoutMNISTTheTrainingCellsAreSkippedWithTheFoldersSearched() throws {
    let empty = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: empty) }
    let run = runTool(["run", "--data", empty.path, "lessons/08.md"])
    #expect(run.code == .success)
    #expect(
      run.stdout.contains(
        "skipped: the MNIST dataset is not on this machine (use --data DIR or CNN_LESSON_DATA)"))
    #expect(run.stdout.contains("note:   \(empty.path)"))
    #expect(run.stdout.hasSuffix(" passed, 0 failed, 5 skipped\n"))
  }

  @Test func scriptsPrintExactlyWhatTheyPrintAndErrorsExit65() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = directory.appendingPathComponent("good.py").path
    try "import torch\nx = torch.ones(2, 3)\nprint(x.sum(), x.shape)\nx\n".write(
      toFile: good, atomically: true, encoding: .utf8)
    let run = runTool(["run", good])
    #expect(run.code == .success)
    #expect(run.stdout == "tensor(6.) torch.Size([2, 3])\n")
    let bad = directory.appendingPathComponent("bad.py").path
    try "import torch\nx = torch.ones(2, 3)\ny = x.view(4, 2)\n".write(
      toFile: bad, atomically: true, encoding: .utf8)
    let failed = runTool(["run", bad])
    #expect(failed.code == .lessonError)
    #expect(failed.stdout.isEmpty)
    #expect(
      failed.stderr.contains(
        "\(bad):3:5: error: RuntimeError: shape '[4, 2]' is invalid for input of size 6"))
    #expect(failed.stderr.contains("y = x.view(4, 2)\n    ^"))
  }

  @Test func malformedLessonsExit65WithALocation() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("broken.md").path
    try "# Broken\n\n```output\n1\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
    let run = runTool(["run", path])
    #expect(run.code == .lessonError)
    #expect(run.stderr.contains("\(path):3:1: error:"))
    #expect(run.stdout.hasSuffix("\n0 passed, 0 failed, 1 error\n"))
  }

  @Test func verifyRunsEveryLessonAndWritesJUnit() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let junit = directory.appendingPathComponent("report.xml").path
    let run = runTool(["verify", "lessons", "--junit", junit])
    #expect(run.code == .success, "\(run.stdout)")
    #expect(run.stdout.contains("lessons/08.md: "))
    #expect(!run.stdout.contains("--- lessons/08.md"), "verify shows only failures")
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.contains("<testsuite name=\"lessons/08.md\""))
  }

  @Test func colourOnlyWhenAskedAndNeverWithNoColor() throws {
    #expect(!runTool(["run", "lessons/08.md"]).stdout.contains("\u{1B}["))
    #expect(runTool(["run", "--color", "lessons/08.md"]).stdout.contains("\u{1B}["))
    #expect(try Options.parse(["run", "--no-color", "x.md"]).color == false)
    #expect(try Options.parse(["run", "x.md"]).color == nil)
  }
}

extension CommandLineToolTests {
  @Test func unknownBenchCasesAreUsageErrorsListingTheCases() {
    let run = runTool(["bench", "net-stpe"])
    #expect(run.code == .usage)
    #expect(run.stderr.contains("unknown benchmark case 'net-stpe'"))
    #expect(run.stderr.contains("net-step, net-infer1"))
    #expect(runTool(["run", "--json", "lessons/08.md"]).code == .usage)
  }

  @Test func benchHelpListsTheCases() {
    let run = runTool(["help", "bench"])
    #expect(run.code == .success)
    #expect(run.stdout.contains("conv-large"))
  }
}

extension CommandLineToolTests {
  /// Writes an uncompressed IDX file: magic (type 0x08 = unsigned byte, rank), big-endian sizes, data.
  private func writeIDX(_ path: String, dimensions: [Int], bytes: [UInt8]) throws {
    var data: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
    for size in dimensions {
      data += [24, 16, 8, 0].map { UInt8((size >> $0) & 0xFF) }
    }
    try Data(data + bytes).write(to: URL(fileURLWithPath: path))
  }

  /// A small MNIST-shaped dataset: `count` 28x28 images whose label is drawn as a bright square in
  /// a label-dependent place, so a network can learn it.
  private func writeSyntheticMNIST(in directory: String, trainCount: Int, testCount: Int) throws {
    for (prefix, count) in [("train", trainCount), ("t10k", testCount)] {
      var images: [UInt8] = []
      var labels: [UInt8] = []
      for i in 0..<count {
        let label = i % 10
        var image = [UInt8](repeating: 0, count: 784)
        for row in 0..<6 {
          for column in 0..<6 { image[(2 + label * 2 + row) * 28 + 4 + column] = 255 }
        }
        images += image
        labels.append(UInt8(label))
      }
      try writeIDX(
        "\(directory)/\(prefix)-images-idx3-ubyte", dimensions: [count, 28, 28], bytes: images)
      try writeIDX("\(directory)/\(prefix)-labels-idx1-ubyte", dimensions: [count], bytes: labels)
    }
  }

  @Test func theCourseScriptRunsAsPrintedAndPrintsTheLecturesLogLines() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try writeSyntheticMNIST(in: directory.path, trainCount: 704, testCount: 100)
    let run = runTool(["run", "--data", directory.path, "lessons/scripts/08_cnn_mnist.py"])
    #expect(run.code == .success, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    // 704 / 64 = 11 batches: batch_idx 0 and 10 are logged.
    #expect(
      lines.first == "Train Epoch: 1 [0/704 (0%)]\tLoss: "
        + (lines.first?.split(separator: " ").last ?? ""))
    #expect(lines.contains { $0.hasPrefix("Train Epoch: 1 [640/704 (91%)]\tLoss: ") })
    #expect(lines.contains { $0.hasPrefix("Test set: Average loss: ") && $0.contains("/100 (") })
    #expect(run.stderr.contains("warning: Variable(...) is deprecated"))
    #expect(run.stderr.contains("size_average and reduce args will be deprecated"))
  }
}

extension CommandLineToolTests {
  /// A lesson whose second cell needs MNIST, which tests do not have.
  static let lessonNeedingMNIST = """
    # Needs data

    ```python
    from torchvision import datasets
    print(1)
    ```

    ```output
    1
    ```

    ```python
    train = datasets.MNIST(root='./data/', train=True)
    print(len(train))
    ```

    ```output
    60000
    ```

    ```python
    print(2)
    ```

    ```output
    2
    ```
    """

  @Test func verifyStrictFailsWhenAChecksDatasetIsMissing() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.lessonNeedingMNIST.write(
      to: directory.appendingPathComponent("data.md"), atomically: true, encoding: .utf8)
    let quiet = runTool(["verify", directory.path])
    #expect(quiet.code == .success, "\(quiet.stdout)")
    #expect(quiet.stdout.contains("data.md:13:9: skipped from here: the MNIST dataset is not on"))
    #expect(quiet.stdout.hasSuffix("1 passed, 0 failed, 2 skipped\n"))
    let junit = directory.appendingPathComponent("report.xml").path
    let strict = runTool([
      "verify", "--strict", directory.path, "--junit", junit,
    ])
    #expect(strict.code == .checkFailed, "\(strict.stdout)")
    #expect(
      strict.stdout.contains(
        "data.md:13:9: error: skipped from here: the MNIST dataset is not on this machine "
          + "(use --data DIR or CNN_LESSON_DATA)"))
    #expect(strict.stdout.hasSuffix("1 passed, 2 failed\n"))
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.contains("tests=\"3\" failures=\"2\""))
    #expect(xml.components(separatedBy: "type=\"unavailable\"").count == 3)
    #expect(runTool(["run", "--strict", "x.md"]).code == .usage)
    #expect(runTool(["help", "verify"]).stdout.contains("--strict"))
  }

  @Test func pathsResolveAgainstTheToolsWorkingDirectory() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "```python\nprint(6 * 7)\n```\n```output\n42\n```\n".write(
      to: directory.appendingPathComponent("answer.md"), atomically: true, encoding: .utf8)
    let run = runTool(["run", "answer.md"], workingDirectory: directory.path)
    #expect(run.code == .success, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("--- answer.md:1 (cell 1)\n    42\nok\n"))
    #expect(runTool(["run", "answer.md"]).code == .fileNotFound, "not in the package root")
  }
}

// MARK: - No silent passes, and a summary a CI reader can act on

extension CommandLineToolTests {
  /// A fresh folder holding `files` (paths relative to it); the caller removes it.
  static func folder(with files: [String: String]) throws -> URL {
    let directory = try makeTemporaryDirectory()
    for (path, text) in files {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return directory
  }

  static let passing = "# A\n```python\nprint(1)\n```\n```output\n1\n```\n"
  static let failing = "# B\n## Sums\n```python\nprint(1)\n```\n```output\n2\n```\n"
  static let typo = "# C\n```python\nprint(1)\n```\n```ouput\n1\n```\n"

  @Test func aLessonWithoutChecksWarnsUnderRunAndIsAnErrorUnderVerify() throws {
    let directory = try Self.folder(with: ["notes.md": "# Notes\n```python\nprint(1)\n```\n"])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["run", "notes.md"], workingDirectory: directory.path)
    #expect(run.code == .success)
    #expect(run.stderr.hasPrefix("notes.md: warning: the lesson has no checks: no expected block"))
    #expect(run.stdout.hasSuffix("ok\n0 passed, 0 failed\n"), "it still runs")
    let verify = runTool(["verify", "notes.md"], workingDirectory: directory.path)
    #expect(verify.code == .lessonError)
    #expect(verify.stderr.hasPrefix("notes.md: error: the lesson has no checks: no expected block"))
    #expect(verify.stderr.contains("note: verify counts a lesson that checks nothing as an error"))
    #expect(
      verify.stdout.hasPrefix(
        "notes.md: 0 passed, 0 failed, 1 error\nERROR notes.md: the lesson has no checks"))
    #expect(verify.stdout.hasSuffix("\n0 passed, 0 failed, 1 error\n"))
  }

  @Test func filesThatAreNeitherLessonsNorScriptsAreUsageErrors() throws {
    let directory = try Self.folder(with: [
      "notebook.ipynb": "{}", "notes.txt": "", "s.py": "print(1)\n", "a.md": Self.passing,
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = { (arguments: [String]) in runTool(arguments, workingDirectory: directory.path) }
    let notebook = run(["run", "a.md", "notebook.ipynb"])
    #expect(notebook.code == .usage)
    #expect(notebook.stdout.isEmpty, "nothing runs")
    #expect(
      notebook.stderr.contains(
        "error: notebook.ipynb is neither a lesson (.md) nor a script (.py)\n"
          + "note: Jupyter notebooks are not supported yet (importing them is planned: "
          + "cnn-lesson issue 13)\nnote: save the notebook's code as a .py script"))
    let text = run(["run", "notes.txt"])
    #expect(text.code == .usage)
    #expect(text.stderr.contains("notes.txt is neither a lesson (.md) nor a script (.py)"))
    #expect(text.stderr.contains("note: a lesson is a Markdown file (.md)"))
    #expect(
      run(["verify", "notebook.ipynb"]).stderr.contains("notebook.ipynb is not a lesson (.md)"))
    let script = run(["verify", "s.py"])
    #expect(script.code == .usage)
    #expect(script.stderr.contains("note: to run the script: cnn-lesson run s.py"))
  }

  @Test func aMalformedLessonIsAnErrorInTheSummaryAndTheJUnitReport() throws {
    let directory = try Self.folder(with: ["t/a.md": Self.passing, "t/c.md": Self.typo])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["run", "t/c.md"], workingDirectory: directory.path)
    #expect(run.code == .lessonError)
    #expect(run.stderr.contains("t/c.md:5:4: error: unknown kind of block 'ouput'"))
    #expect(run.stderr.contains("note: did you mean 'output'?"))
    #expect(
      run.stdout
        == "ERROR t/c.md:5:4: unknown kind of block 'ouput': it would be shown as prose, never "
        + "run or checked\n0 passed, 0 failed, 1 error\n")
    let verify = runTool(["verify", "t", "--junit", "r.xml"], workingDirectory: directory.path)
    #expect(verify.code == .lessonError)
    #expect(verify.stdout.contains("t/a.md: 1 passed, 0 failed ("))
    #expect(verify.stdout.contains("t/c.md: 0 passed, 0 failed, 1 error\n"))
    #expect(verify.stdout.hasSuffix("1 passed, 0 failed, 1 error\n"))
    let xml = try String(
      contentsOf: directory.appendingPathComponent("r.xml"), encoding: .utf8)
    #expect(xml.contains("tests=\"2\" failures=\"0\" errors=\"1\">"))
    #expect(
      xml.contains(
        "<error message=\"unknown kind of block &apos;ouput&apos;: it would be shown as prose, "
          + "never run or checked\" type=\"lesson file\">t/c.md:5:4: error: unknown kind of block"))
  }

  @Test func verifyFindsLessonsInSubFoldersAndExercisesWhereverTheyAre() throws {
    let exercise = "t3/unit/exercises/2-1/"
    let directory = try Self.folder(with: [
      "t3/sub/x.md": Self.passing, "t3/datasets/y.md": Self.typo, "t3/data/y.md": Self.typo,
      "t3/.hidden/y.md": Self.typo,
      exercise + "exercise.md": "# Exercise 2-1: two\n\n## Two\n\n```python\nprint(two())\n```\n\n"
        + "```output\n2\n```\n",
      exercise + "starter.py": "# cnn-lesson exercise 2-1: two\ndef two():\n    return 1\n",
      exercise + "solution.py": "def two():\n    return 2\n",
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["verify", "t3", "--junit", "r.xml"], workingDirectory: directory.path)
    #expect(run.code == .success, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.hasPrefix("t3/sub/x.md: 1 passed, 0 failed ("))
    #expect(
      run.stdout.contains("t3/unit/exercises/2-1: solution passes 1 check(s); starter fails 1\n"))
    #expect(
      run.stdout.hasSuffix("\n3 passed, 0 failed\n"), "the lesson's check and the exercise's two")
    let xml = try String(contentsOf: directory.appendingPathComponent("r.xml"), encoding: .utf8)
    #expect(
      xml.contains("<testsuites name=\"cnn-lesson\" tests=\"3\" failures=\"0\" errors=\"0\">"))
    #expect(
      xml.contains("<testcase name=\"x.md:5\" classname=\"t3/sub/x.md\""),
      "no ## heading: the file and line")
    #expect(
      xml.contains(
        "<testsuite name=\"t3/unit/exercises/2-1\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
          + "    <testcase name=\"solution passes\" classname=\"t3/unit/exercises/2-1\" time=\""))
    #expect(xml.contains("<testcase name=\"starter fails\" classname=\"t3/unit/exercises/2-1\""))
    let empty = runTool(["verify", "t3/sub/.."], workingDirectory: directory.path)
    #expect(empty.code == .success)
    // An exercise's own folder: that exercise alone, proven both ways.
    let exerciseFolder = runTool(["verify", exercise], workingDirectory: directory.path)
    #expect(exerciseFolder.code == .success, "\(exerciseFolder.stdout)\(exerciseFolder.stderr)")
    #expect(
      exerciseFolder.stdout
        == "t3/unit/exercises/2-1: solution passes 1 check(s); starter fails 1\n2 passed, 0 failed\n"
    )
  }

  @Test func runOfSeveralLessonsPrintsALinePerFileThenARecapOfWhatFailed() throws {
    let directory = try Self.folder(with: [
      "a.md": Self.passing, "b.md": Self.failing, "c.md": Self.typo,
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = { (arguments: [String]) in runTool(arguments, workingDirectory: directory.path) }
    let several = run(["run", "a.md", "b.md", "c.md"])
    #expect(several.code == .lessonError)
    #expect(several.stdout.contains("ok\na.md: 1 passed, 0 failed ("))
    #expect(several.stdout.contains("b.md: 0 passed, 1 failed ("))
    #expect(
      several.stdout.hasSuffix(
        "c.md: 0 passed, 0 failed, 1 error\nFAILED b.md:7:1: expected 2, got 1\n"
          + "ERROR c.md:5:4: unknown kind of block 'ouput': it would be shown as prose, never run "
          + "or checked\n1 passed, 1 failed, 1 error\n"))
    let one = run(["run", "a.md"])
    #expect(one.stdout == "--- a.md:2 (cell 1)\n    1\nok\n1 passed, 0 failed\n", "as it was")
    let failed = run(["run", "b.md"])
    #expect(failed.code == .checkFailed)
    #expect(failed.stdout.hasSuffix("\nFAILED b.md:7:1: expected 2, got 1\n0 passed, 1 failed\n"))
    #expect(!failed.stdout.contains("b.md: 0 passed"), "one file: no line per file")
  }

  /// `run script.py -- ARGS`: the script's own command line, argparse's exits as Python's.
  @Test func aScriptGetsTheArgumentsAfterTheDoubleDash() throws {
    let directory = try Self.folder(with: [
      "s.py": "import argparse\nimport sys\np = argparse.ArgumentParser()\n"
        + "p.add_argument('--epochs', type=int, default=14)\nargs = p.parse_args()\n"
        + "print(args.epochs, sys.argv)\n"
    ])
    defer { try? FileManager.default.removeItem(at: directory) }
    let run = runTool(["run", "s.py", "--", "--epochs", "1"], workingDirectory: directory.path)
    #expect(run.code == .success, "\(run.stderr)")
    #expect(run.stdout == "1 ['s.py', '--epochs', '1']\n")
    let wrong = runTool(["run", "s.py", "--", "--epoch", "x"], workingDirectory: directory.path)
    #expect(wrong.code == .scriptUsage)
    #expect(
      wrong.stderr
        == "usage: s.py [-h] [--epochs EPOCHS]\ns.py: error: argument --epochs: invalid int value: 'x'\n"
    )
    let help = runTool(["run", "s.py", "--", "--help"], workingDirectory: directory.path)
    #expect(help.code == .success)
    #expect(help.stdout.hasPrefix("usage: s.py [-h] [--epochs EPOCHS]\n\noptions:\n"))
  }
}
