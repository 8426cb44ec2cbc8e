/// The tool's exit codes (sysexits-style, as command-line users expect).
public enum ExitCode: Int32 {
  /// Every check held.
  case success = 0
  /// A lesson check failed (or a `.py` script raised an error... see `lessonError`).
  case checkFailed = 1
  /// A script's own command line was wrong (argparse's error, as Python exits).
  case scriptUsage = 2
  /// The command line was wrong.
  case usage = 64
  /// Lesson code or a lesson file is malformed, or a script raised an error.
  case lessonError = 65
  /// A named file or directory does not exist.
  case fileNotFound = 66
  /// A file the tool was to write (a JUnit report, a blessed lesson, a saved figure) could not be
  /// written; the file is as it was.
  case cannotWrite = 73
  /// Ctrl-C ended the run (128 + SIGINT, as shells report it); the report was still printed.
  case interrupted = 130

  /// The code for a run that counted `tally`: a malformed lesson file first, then a failed check.
  init(_ tally: Tally) {
    if tally.malformed > 0 {
      self = .lessonError
    } else {
      self = tally.failed > 0 ? .checkFailed : .success
    }
  }
}
