import Foundation

/// What the command line takes from its process, read here and nowhere else: the working
/// directory, the environment variables and the executable's path. Tests make their own, so
/// nothing changes the process's working directory.
public struct ProcessContext: Sendable {
  /// The working directory, as an absolute path: relative paths on the command line, in variables
  /// and in lesson code resolve against it.
  public var workingDirectory: String
  /// The environment variables (`CNN_LESSON_DATA`, `NO_COLOR`, `HOME`, ...).
  public var environment: [String: String]
  /// The path the program was started by (`.build/debug/cnn-lesson`), to find a checkout's
  /// exercises beside its own build.
  public var executablePath: String

  public init(
    workingDirectory: String, environment: [String: String] = [:], executablePath: String = ""
  ) {
    self.workingDirectory = workingDirectory
    self.environment = environment
    self.executablePath = executablePath
  }

  /// This process's.
  public static func current() -> ProcessContext {
    ProcessContext(
      workingDirectory: FileManager.default.currentDirectoryPath,
      environment: ProcessInfo.processInfo.environment,
      executablePath: CommandLine.arguments.first ?? "")
  }
}
