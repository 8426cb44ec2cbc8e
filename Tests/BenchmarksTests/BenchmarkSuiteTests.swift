import NeuralNet
import Testing

@testable import Benchmarks

/// The suite's public entry: case names, errors, the report formats, and a plugged-in epoch source
/// (small enough for a debug build).
@Suite struct BenchmarkSuiteTests {
  /// Two batches of two random images, then the end of the epoch.
  static func tinySource() -> EpochSource {
    EpochSource(label: "tiny") {
      let generator = Generator(seed: 7)
      var left = 2
      return {
        guard left > 0 else { return nil }
        left -= 1
        return try syntheticBatch(size: 2, generator: generator)
      }
    }
  }

  @Test func unknownCaseThrowsBeforeRunningAnything() {
    var lines: [String] = []
    let error = #expect(throws: BenchmarkError.self) {
      try BenchmarkSuite.run(cases: ["mnist-epoch", "net"], json: false) { lines.append($0) }
    }
    #expect(error?.message == "unknown benchmark case 'net'")
    #expect(error?.notes.first?.hasPrefix("known cases: net-step, net-infer1") == true)
    #expect(lines.isEmpty)
  }

  @Test func epochWithAPluggedInSourceAsText() throws {
    var lines: [String] = []
    try BenchmarkSuite.run(cases: ["mnist-epoch"], json: false, epochSource: Self.tinySource()) {
      lines.append($0)
    }
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("peak assumption: "))
    #expect(lines[1].hasPrefix("case") && lines[1].contains("GFLOP/s"))
    #expect(lines[2].hasPrefix("mnist-epoch") && lines[2].hasSuffix("tiny, 2 steps"))
  }

  @Test func epochAsJSON() throws {
    var lines: [String] = []
    try BenchmarkSuite.run(cases: ["mnist-epoch"], json: true, epochSource: Self.tinySource()) {
      lines.append($0)
    }
    #expect(lines.count == 1)
    let text = try #require(lines.first)
    #expect(text.hasPrefix("{\"peak\": \"") && text.hasSuffix("]}"))
    #expect(
      text.contains("\"name\": \"mnist-epoch\"") && text.contains("\"note\": \"tiny, 2 steps\""))
  }

  @Test func rowFormats() {
    let row = BenchmarkResult(
      name: "x", medianMilliseconds: 2, samplesPerSecond: 32000, gflops: 80, percentOfPeak: 34.19,
      peakResidentMegabytes: nil, note: "a \"b\"")
    #expect(row.textLine.contains("2.000 ms") && row.textLine.contains("32000 samples/s"))
    #expect(row.jsonObject.contains("\"percent_of_peak\": 34.19"))
    #expect(
      row.jsonObject.contains("\"peak_rss_mb\": null") && row.jsonObject.contains("a \\\"b\\\""))
  }

  @Test func stepFlopsCountTheLectureNet() {
    // Per image: conv1 2*10*576*25 twice, conv2 2*20*64*250 and fc 2*320*10 three times each.
    let perImage: Double = 2 * 288_000 + 3 * 640_000 + 3 * 6_400
    #expect(LectureNet.stepFlops(batch: 1) == perImage)
  }
}
