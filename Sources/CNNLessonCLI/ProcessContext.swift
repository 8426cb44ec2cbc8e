import BuiltinLessons
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
  /// The machine's physical memory in bytes (for the default memory budget).
  public var physicalMemory: UInt64
  /// The process's address-space limit (`ulimit -v`) in bytes; nil for none.
  public var addressSpaceLimit: UInt64?
  /// Set by the Ctrl-C handler, seen by the running lesson code; nil when nothing handles Ctrl-C.
  public var interruption: Interruption?
  /// The `lessons/` folder of the checkout the tool was built from, whose `datasets/` (the
  /// shipped MNIST) are searched, with a lesson folder's own `datasets/`; nil to search neither
  /// (tests, which must not train in a debug build).
  public var shippedLessonsFolder: String?

  public init(
    workingDirectory: String, environment: [String: String] = [:], executablePath: String = "",
    physicalMemory: UInt64 = 8 << 30, addressSpaceLimit: UInt64? = nil,
    interruption: Interruption? = nil, shippedLessonsFolder: String? = nil
  ) {
    self.shippedLessonsFolder = shippedLessonsFolder
    self.workingDirectory = workingDirectory
    self.environment = environment
    self.executablePath = executablePath
    self.physicalMemory = physicalMemory
    self.addressSpaceLimit = addressSpaceLimit
    self.interruption = interruption
  }

  /// This process's, with `interruption` for its Ctrl-C handler.
  public static func current(interruption: Interruption? = nil) -> ProcessContext {
    ProcessContext(
      workingDirectory: FileManager.default.currentDirectoryPath,
      environment: ProcessInfo.processInfo.environment,
      executablePath: CommandLine.arguments.first ?? "",
      physicalMemory: ProcessInfo.processInfo.physicalMemory,
      addressSpaceLimit: Self.addressSpaceLimit(), interruption: interruption,
      shippedLessonsFolder: BuiltinLessons.buildFolder)
  }

  /// `getrlimit(RLIMIT_AS)`'s soft limit; nil when unlimited or unknown.
  private static func addressSpaceLimit() -> UInt64? {
    var limit = rlimit()
    #if os(Linux)
      let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
    #else
      let resource = RLIMIT_AS
    #endif
    // RLIM_INFINITY is all ones.
    guard getrlimit(resource, &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
    return UInt64(limit.rlim_cur)
  }
}
