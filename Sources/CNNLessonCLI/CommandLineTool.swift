import DataIO

/// The `cnn-lesson` command line: parses arguments, runs the command, returns the exit code.
///
/// Everything it prints goes through the two injected sinks, and everything it takes from the
/// process comes in its `ProcessContext`, so tests run it in process, side by side.
public struct CommandLineTool {
  let arguments: [String]
  let context: ProcessContext
  let stdout: TextSink
  let stderr: TextSink

  /// - Parameter arguments: the command-line words after the program name.
  public init(
    arguments: [String], context: ProcessContext = .current(),
    stdout: TextSink = FileDescriptorSink.standardOutput,
    stderr: TextSink = FileDescriptorSink.standardError
  ) {
    self.arguments = arguments
    self.context = context
    self.stdout = stdout
    self.stderr = stderr
  }

  /// Runs the command; every error becomes a message on stderr and its exit code.
  public func run() -> ExitCode {
    do {
      let options = try Options.parse(arguments)
      if options.help || options.command == nil {
        stdout.write(helpText(for: options.command ?? options.operands.first) + "\n")
        return options.command == nil && !options.help && options.operands.isEmpty
          ? .usage : .success
      }
      let workspace = Workspace(options: options, context: context, isTerminal: stdout.isTerminal)
      try workspace.validate()
      return try dispatch(workspace)
    } catch let error as UsageError {
      stderr.write("cnn-lesson: error: \(error.message)\n")
      for note in error.notes { stderr.write("note: \(note)\n") }
      stderr.write("Run 'cnn-lesson help\(error.command.map { " " + $0 } ?? "")' for usage.\n")
      return .usage
    } catch let error as FileNotFound {
      stderr.write("cnn-lesson: error: no such file or directory: \(error.path)\n")
      for note in error.notes { stderr.write("note: \(note)\n") }
      return .fileNotFound
    } catch SourceError.notFound(let path) {
      stderr.write("cnn-lesson: error: no such file or directory: \(path)\n")
      return .fileNotFound
    } catch let error as CannotWrite {
      stderr.write("cnn-lesson: error: \(error.message)\n")
      for note in error.notes { stderr.write("note: \(note)\n") }
      return .cannotWrite
    } catch let error as FileWriteError {
      stderr.write("cnn-lesson: error: \(error)\n")
      return .cannotWrite
    } catch {
      stderr.write("cnn-lesson: error: \(error)\n")
      return .lessonError
    }
  }

  /// Runs the command the options name.
  private func dispatch(_ workspace: Workspace) throws -> ExitCode {
    let options = workspace.options
    switch options.command {
    case "run":
      guard !options.operands.isEmpty else {
        throw UsageError(
          "'run' needs at least one file, e.g. 'cnn-lesson run lessons/08.md'", command: "run")
      }
      return try RunCommand(workspace: workspace, stdout: stdout, stderr: stderr).run()
    case "verify":
      guard options.operands.count <= 1 else {
        throw UsageError("'verify' takes one directory", command: "verify")
      }
      return try VerifyCommand(workspace: workspace, stdout: stdout, stderr: stderr).run()
    case "render":
      return try RenderCommand(workspace: workspace, stdout: stdout, stderr: stderr).run()
    case "bench":
      return try BenchCommand(workspace: workspace, stdout: stdout, stderr: stderr).run()
    case "exercise":
      return try ExerciseCommand(workspace: workspace, stdout: stdout).run()
    case "check":
      return try CheckCommand(workspace: workspace, stdout: stdout, stderr: stderr).run()
    case "lessons":
      return try LessonsCommand(workspace: workspace, stdout: stdout).run()
    case "init":
      return try InitCommand(workspace: workspace, stdout: stdout).run()
    case "help":
      stdout.write(helpText(for: options.operands.first) + "\n")
      return .success
    default:
      return .usage
    }
  }

  private func helpText(for command: String?) -> String {
    switch command {
    case "run": return HelpText.run
    case "verify": return HelpText.verify
    case "render": return HelpText.render
    case "bench": return HelpText.bench
    case "exercise": return ExerciseCommand.help
    case "check": return CheckCommand.help
    case "lessons": return LessonsCommand.help
    case "init": return InitCommand.help
    default: return HelpText.main
    }
  }
}

/// A command-line mistake: exit 64 with a hint.
struct UsageError: Error {
  let message: String
  var notes: [String] = []
  var command: String?

  init(_ message: String, notes: [String] = [], command: String? = nil) {
    self.message = message
    self.notes = notes
    self.command = command
  }
}

/// A file the tool was asked to write and could not (or would not: it is not UTF-8, or it changed
/// during the run): exit 73, the file untouched.
struct CannotWrite: Error {
  let message: String
  var notes: [String] = []
}

/// A file or directory named on the command line that does not exist: exit 66.
struct FileNotFound: Error {
  let path: String
  var notes: [String] = []
}
