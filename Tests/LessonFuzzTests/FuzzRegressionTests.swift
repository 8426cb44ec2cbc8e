import Foundation
import LessonFuzz
import Testing

/// Every input that ever crashed the tool (`Regressions/`, one file each, named after what it
/// found), and the lessons the fuzzer is seeded from, replayed through the fuzzing target: each
/// must end normally.
@Suite struct FuzzRegressionTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  static var inputs: [String] {
    let folder = root.appendingPathComponent("Regressions").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
  }

  @Test func theRegressionFolderHoldsInputs() {
    #expect(!Self.inputs.isEmpty)
  }

  @Test(arguments: inputs)
  func replays(_ path: String) throws {
    let data = try #require(FileManager.default.contents(atPath: path))
    data.withUnsafeBytes { FuzzTarget.run($0) }
  }

  /// A lesson that draws every kind of figure, so the target's figure renderings run too.
  @Test func figuresGoThroughEveryRendering() {
    let lesson = """
      ```python
      import matplotlib.pyplot as plt
      import torch
      fig, axes = plt.subplots(2, 2)
      axes[0, 0].imshow(torch.rand(5, 7), cmap='RdBu')
      axes[0, 1].plot([3, float('nan'), 1], 'o-')
      axes[1, 0].bar(['a', 'b'], [1, -2])
      axes[1, 1].hist([1, 1, 2, float('inf')], bins=3)
      plt.colorbar()
      ```
      ```figure
      2x2 panels
      ```
      """
    Array(lesson.utf8).withUnsafeBytes { FuzzTarget.run($0) }
  }
}
