/// What lesson code may learn about the machine it runs on, made once by the command line and
/// passed down, so no layer below it reads the process's environment, home or working directory.
public struct LessonEnvironment: Sendable {
  /// Where relative paths in lesson code resolve (`root='./data/'`): the lesson file's folder.
  public var workingDirectory: String
  /// Extra folders searched for datasets after the `root` a lesson gives (`--data`,
  /// `CNN_LESSON_DATA`).
  public var dataDirectories: [String]
  /// The tool's cache (`~/.cache/cnn-lesson`), searched for datasets last; nil for none.
  public var cacheDirectory: String?
  /// Whether `download=True` may fetch datasets from the network (off for tests and `--offline`).
  public var allowsDownloads: Bool
  /// The generator's initial seed (`--seed`); `torch.manual_seed` reseeds it.
  public var seed: UInt64
  /// The clock cells and timeouts are measured with.
  public var clock: LessonClock
  /// How long one cell (or a whole script) may run before a `TimeoutError`; nil for no limit.
  public var cellTimeLimit: Duration?
  /// Set from outside (Ctrl-C) to stop the running code with a `KeyboardInterrupt`.
  public var interruption: Interruption?
  /// `sys.argv`: the script and the arguments given after `--` (`cnn-lesson run main.py --
  /// --epochs 1`); `['']` in lesson cells, as in a notebook.
  public var argv: [String] = [""]
  /// The most bytes the lesson's values (tensors, lists, strings, dicts) may hold at once
  /// (`--max-memory`, `CNN_LESSON_MAX_MEMORY`); nil for no budget.
  public var memoryLimit: Int?

  public init(
    workingDirectory: String = ".", dataDirectories: [String] = [], cacheDirectory: String? = nil,
    allowsDownloads: Bool = false, seed: UInt64 = 0, clock: LessonClock = .continuous,
    cellTimeLimit: Duration? = nil, interruption: Interruption? = nil,
    memoryLimit: Int? = nil
  ) {
    self.memoryLimit = memoryLimit
    self.cellTimeLimit = cellTimeLimit
    self.interruption = interruption
    self.workingDirectory = workingDirectory
    self.dataDirectories = dataDirectories
    self.cacheDirectory = cacheDirectory
    self.allowsDownloads = allowsDownloads
    self.seed = seed
    self.clock = clock
  }

  /// `path` as lesson code means it: absolute paths as they are, others inside the working
  /// directory.
  public func resolve(_ path: String) -> String {
    if path.hasPrefix("/") || workingDirectory == "." || workingDirectory.isEmpty { return path }
    let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
    return base + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
  }
}

/// A monotonic clock: the time elapsed since some fixed origin. Tests pass a clock they move.
public struct LessonClock: Sendable {
  /// The time since the clock's origin.
  public let now: @Sendable () -> Duration

  public init(now: @escaping @Sendable () -> Duration) {
    self.now = now
  }

  /// The system's monotonic clock.
  public static let continuous: LessonClock = {
    let clock = ContinuousClock()
    let origin = clock.now
    return LessonClock { clock.now - origin }
  }()
}
