import DataIO

/// `cnn-lesson render [FILE.md | DIR]... [-o DIR]`: runs the lessons and writes each as a web page,
/// with an index page when there are several.
struct RenderCommand {
  let workspace: Workspace
  let stdout: TextSink
  let stderr: TextSink

  static let defaultOutput = "site"

  func run() throws -> ExitCode {
    let options = workspace.options
    let policy: SkipPolicy = options.strict ? .strict : .lenient
    let lessons = try lessonsToRender(options.operands.isEmpty ? ["lessons"] : options.operands)
    let output = options.outputDirectory ?? Self.defaultOutput
    try checkPageNames(lessons.map { $0.source.displayPath($0.path) }, output: output)

    var runner = RunCommand(workspace: workspace, stdout: stdout, stderr: stderr)
    runner.showsWarnings = false
    let verify = VerifyCommand(workspace: workspace, stdout: stdout, stderr: stderr)
    var report = RunReport()
    for (source, path) in lessons {
      let reporter =
        stdout.isTerminal
        ? LiveReporter(sink: stdout, style: workspace.style, explanations: workspace.explanations)
        : nil
      if stdout.isTerminal { stdout.write("running \(source.displayPath(path))\n") }
      switch try runner.runLesson(path, in: source, reporter: reporter, showsCells: false) {
      case .ran(let lesson):
        reporter?.clearProgress()
        verify.show(lesson, policy: policy)
        report.lessons.append(lesson)
      case .malformed(let malformed):
        report.malformed.append(malformed)
      }
      if report.wasInterrupted { break }
    }

    let site = HTMLSiteRenderer(
      pageRenderer: HTMLPageRenderer(explanations: workspace.explanations, policy: policy))
    let pages = site.pages(for: report)
    if !pages.isEmpty {
      do { try AtomicFile.createFolders(workspace.files.location(of: output)) } catch {
        throw CannotWrite(message: "cannot create \(output): \(error.reason)")
      }
    }
    for page in pages {
      let path = joinPath(output, page.name)
      try workspace.files.write(page.html, to: path)
      stdout.write("wrote \(path)\n")
    }
    let tally = report.tally(policy)
    stdout.write(tally.summaryLine + (report.wasInterrupted ? " (interrupted)" : "") + "\n")
    return report.wasInterrupted ? .interrupted : ExitCode(tally)
  }

  /// Each lesson named on the command line, and every lesson (`*.md`) in each folder named, with
  /// the source to read it from.
  private func lessonsToRender(_ operands: [String]) throws -> [(
    source: FolderSource, path: String
  )] {
    var lessons: [(source: FolderSource, path: String)] = []
    for operand in operands {
      switch workspace.files.entry(at: operand) {
      case nil:
        throw FileNotFound(path: operand)
      case .folder?:
        let folder = workspace.files.folder(operand)
        let paths = folder.lessonPaths()
        guard !paths.isEmpty else {
          throw UsageError("no lessons (*.md) in \(operand)", command: "render")
        }
        lessons += paths.map { (folder, $0) }
      case .file?:
        guard operand.hasSuffix(".md") else {
          throw UsageError(
            "render makes pages of Markdown lessons (.md), not \(operand)",
            notes: ["to run a script: cnn-lesson run \(operand)"], command: "render")
        }
        lessons.append((workspace.files, operand))
      }
    }
    return lessons
  }

  /// Refuses two lessons that would be written to the same page (`a/08.md` and `b/08.md`).
  private func checkPageNames(_ paths: [String], output: String) throws {
    var seen: [String: String] = [:]
    for path in paths {
      let name = HTMLSiteRenderer.pageName(for: path)
      if let other = seen[name] {
        throw UsageError(
          "\(other) and \(path) would both be written to \(joinPath(output, name))",
          notes: ["render them one at a time, each with its own -o DIR"], command: "render")
      }
      seen[name] = path
    }
  }
}
