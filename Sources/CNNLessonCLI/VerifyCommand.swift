import Foundation

/// `cnn-lesson verify [DIR]`: every lesson in DIR, quietly, with a JUnit report on request.
struct VerifyCommand {
  let options: Options
  let stdout: TextSink
  let stderr: TextSink

  func run() throws -> ExitCode {
    let directory = options.operands[0]
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      throw FileNotFound(path: directory)
    }
    let paths =
      isDirectory.boolValue
      ? try FileManager.default.contentsOfDirectory(atPath: directory).filter {
        $0.hasSuffix(".md")
      }.sorted()
        .map { (directory as NSString).appendingPathComponent($0) }
      : [directory]
    guard !paths.isEmpty else {
      throw UsageError("no lessons (*.md) in \(directory)", command: "verify")
    }
    var runner = RunCommand(options: options, stdout: stdout, stderr: stderr)
    runner.showsWarnings = false
    var reports: [LessonReport] = []
    var malformed = false
    for path in paths {
      guard let report = try runner.runLesson(path, reporter: nil) else {
        malformed = true
        continue
      }
      for outcome in report.outcomes where outcome.failure != nil {
        stdout.write(report.rendered(outcome, color: options.color) + "\n")
      }
      if let first = report.outcomes.first(where: { $0.error?.missingRequirement != nil }),
        let error = first.error, let reason = error.missingRequirement?.reason
      {
        let place = error.span.map { "\($0)" } ?? path
        stdout.write("\(place): skipped from here: \(reason)\n")
      }
      stdout.write("\(path): \(report.summaryLine)\n")
      reports.append(report)
    }
    if let junitPath = options.junitPath {
      try JUnitReport(reports: reports).write(toFile: junitPath)
    }
    let exercises =
      isDirectory.boolValue
      ? try ExerciseVerify(options: options, stdout: stdout, stderr: stderr).run(
        lessonDirectory: directory) : (passed: 0, failed: 0)
    let passed = reports.reduce(0) { $0 + $1.passed } + exercises.passed
    let failed = reports.reduce(0) { $0 + $1.failed } + exercises.failed
    let skipped = reports.reduce(0) { $0 + $1.skippedChecks }
    stdout.write(LessonReport.summaryLine(passed: passed, failed: failed, skipped: skipped) + "\n")
    if malformed { return .lessonError }
    return failed > 0 ? .checkFailed : .success
  }
}
