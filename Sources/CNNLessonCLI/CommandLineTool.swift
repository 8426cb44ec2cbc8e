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
      if options.version {
        stdout.write(BuildInfo.text + "\n")
        return .success
      }
      guard let name = options.command, let command = CommandTable.command(named: name) else {
        // No command: the general help, a usage error unless it was asked for.
        stdout.write(HelpText.main + "\n")
        return options.help ? .success : .usage
      }
      if options.help {
        stdout.write(command.help() + "\n")
        return .success
      }
      let workspace = Workspace(options: options, context: context, isTerminal: stdout.isTerminal)
      try workspace.validate()
      return try command.run(
        CommandSpec.Context(workspace: workspace, stdout: stdout, stderr: stderr))
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
