// swift-tools-version:6.0
// cnn-lesson: executable lecture notes for convolutional networks.
// Layers depend one way: CNNLessonCLI -> LessonRunner -> LessonLanguage -> NeuralNet -> TensorCore.
import PackageDescription

let package = Package(
  name: "cnn-lesson",
  products: [
    .executable(name: "cnn-lesson", targets: ["cnn-lesson"]),
    .library(name: "TensorCore", targets: ["TensorCore"]),
    .library(name: "Benchmarks", targets: ["Benchmarks"]),
  ],
  targets: [
    .target(name: "TensorCore"),
    .target(name: "NeuralNet", dependencies: ["TensorCore"]),
    .target(name: "Benchmarks", dependencies: ["NeuralNet"]),
    .target(name: "LessonLanguage", dependencies: ["NeuralNet", "TensorCore"]),
    .target(name: "LessonRunner", dependencies: ["LessonLanguage"]),
    .target(name: "CNNLessonCLI", dependencies: ["LessonRunner"]),
    .executableTarget(name: "cnn-lesson", dependencies: ["CNNLessonCLI"]),
    .testTarget(name: "TensorCoreTests", dependencies: ["TensorCore"]),
    .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet"]),
    .testTarget(name: "LessonLanguageTests", dependencies: ["LessonLanguage"]),
    .testTarget(name: "LessonRunnerTests", dependencies: ["LessonRunner"]),
    .testTarget(name: "CNNLessonCLITests", dependencies: ["CNNLessonCLI"]),
  ]
)
