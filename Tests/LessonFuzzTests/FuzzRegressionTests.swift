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
}
