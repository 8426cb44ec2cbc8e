import Foundation
import LessonFuzz

#if FUZZING
  /// libFuzzer's driver (the package manager names the program's entry point itself, so the
  /// driver is started from `main` rather than linked as libFuzzer's own `main`).
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// libFuzzer's per-input entry point (its own `main`, if linked, calls this).
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
  }

  @main
  struct Fuzzer {
    static func main() {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(
        runFuzzerDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
  }
#else
  /// The reproducer: `cnn-lesson-fuzz FILE...` runs each file as one fuzzing input, so a crash
  /// the fuzzer saved replays in a normal (or sanitized) build.
  @main
  struct Reproducer {
    static func main() {
      let paths = CommandLine.arguments.dropFirst()
      guard !paths.isEmpty else {
        FileHandle.standardError.write(
          Data(
            """
            usage: cnn-lesson-fuzz FILE...   (replays fuzzing inputs; see docs/fuzzing.md)

            """.utf8))
        exit(64)
      }
      for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cnn-lesson-fuzz: cannot read \(path)\n".utf8))
          exit(66)
        }
        data.withUnsafeBytes { FuzzTarget.run($0) }
        print("\(path): ran")
      }
    }
  }
#endif
