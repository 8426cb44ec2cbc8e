// swift-tools-version:6.0
// cnn-lesson: executable lecture notes for convolutional networks.
// Layers depend one way: CNNLessonCLI -> LessonRunner -> LessonLanguage -> NeuralNet -> TensorCore;
// NeuralNet reads its dataset files through DataIO (gzip, SHA-256, HTTP; depends on nothing here),
// and the CLI also uses Benchmarks (-> NeuralNet) for `cnn-lesson bench`.
import PackageDescription

#if canImport(Foundation)
  import Foundation
#endif

/// Compiler settings for TensorCore's kernels.
///
/// - Release: no dynamic exclusivity checks (the kernels work through unsafe pointers, and the
///   checks on class properties cost time in hot loops); debug builds keep them, so the tests
///   catch overlapping accesses.
/// - Release keeps Swift's overflow and bounds checks (plain `-O`, no `-Ounchecked`): sizes a
///   lesson chooses reach this code, and a missed check must trap, never read or write outside a
///   buffer. Every size is validated (and throws) before a kernel runs. The checks cost about 25%
///   on the lecture's training step (`cnn-lesson bench`); moving the hot loops onto unsafe
///   pointers over the ranges their validated geometry guarantees is what wins it back.
/// - Release, when the machine building the package has AVX2 and FMA (read from /proc/cpuinfo):
///   code for Haswell (AVX2 + FMA: Intel since 2013, AMD since Zen 1), and `TENSORCORE_FMA` fuses
///   the micro-kernels' multiply-adds. A binary built there needs such a CPU to run. Without them,
///   or with `CNN_LESSON_PORTABLE=1` in the environment, the code is generic x86-64.
func tensorCoreSettings() -> [SwiftSetting] {
  var settings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
  ]
  #if canImport(Foundation) && arch(x86_64) && os(Linux)
    let portable = ProcessInfo.processInfo.environment["CNN_LESSON_PORTABLE"] == "1"
    let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let flags = Set(
      cpuInfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ") ?? [])
    if !portable && flags.contains("avx2") && flags.contains("fma") {
      settings += [
        .unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release)),
        .define("TENSORCORE_FMA", .when(configuration: .release)),
      ]
    }
  #endif
  return settings
}

let package = Package(
  name: "cnn-lesson",
  products: [
    .executable(name: "cnn-lesson", targets: ["cnn-lesson"]),
    .library(name: "TensorCore", targets: ["TensorCore"]),
  ],
  targets: [
    .target(name: "TensorCore", swiftSettings: tensorCoreSettings()),
    .target(name: "DataIO"),
    .target(name: "Figures", dependencies: ["DataIO"]),
    .target(name: "Markdown"),
    .target(name: "NeuralNet", dependencies: ["TensorCore", "DataIO"]),
    .target(name: "CStackBounds"),
    .target(
      name: "LessonLanguage",
      dependencies: ["NeuralNet", "TensorCore", "Figures", "DataIO", "CStackBounds"]),
    .target(name: "LessonRunner", dependencies: ["LessonLanguage", "Figures", "Markdown"]),
    .target(name: "Benchmarks", dependencies: ["NeuralNet"]),
    // The lessons/ folder built into the tool: the EmbedLessons plugin runs embed-lessons.
    .executableTarget(name: "embed-lessons"),
    .plugin(name: "EmbedLessons", capability: .buildTool(), dependencies: ["embed-lessons"]),
    .target(name: "BuiltinLessons", plugins: ["EmbedLessons"]),
    .target(name: "CNNLessonCLI", dependencies: ["LessonRunner", "Benchmarks", "BuiltinLessons"]),
    .executableTarget(name: "cnn-lesson", dependencies: ["CNNLessonCLI"]),
    // The fuzzing target (docs/fuzzing.md): a reproducer in normal builds, libFuzzer's target
    // when built with `-sanitize=fuzzer` and `-DFUZZING`.
    .target(name: "LessonFuzz", dependencies: ["LessonRunner", "Figures"]),
    .executableTarget(name: "cnn-lesson-fuzz", dependencies: ["LessonFuzz"]),
    .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore"]),
    .testTarget(name: "DataIOTests", dependencies: ["DataIO"]),
    .testTarget(name: "FiguresTests", dependencies: ["Figures"]),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
    .testTarget(
      name: "NeuralNetTests", dependencies: ["NeuralNet", "DataIO"], exclude: ["Reference"]),
    .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks"]),
    .testTarget(name: "LessonLanguageTests", dependencies: ["LessonLanguage", "Figures"]),
    .testTarget(name: "LessonRunnerTests", dependencies: ["LessonRunner", "Figures"]),
    .testTarget(
      name: "CNNLessonCLITests", dependencies: ["CNNLessonCLI", "DataIO", "BuiltinLessons"]),
    .testTarget(
      name: "LessonFuzzTests", dependencies: ["LessonFuzz"],
      exclude: ["Regressions", "lesson.dict"]),
  ]
)
