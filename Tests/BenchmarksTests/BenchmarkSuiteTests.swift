import NeuralNet
import Testing

@testable import Benchmarks

/// The suite's public entry: case names, errors, the report formats, and a plugged-in epoch source
/// (small enough for a debug build).
@Suite struct BenchmarkSuiteTests {
  /// Two cores with AVX2 and FMA, as the command line would describe this machine.
  static let machine = MachinePeak(cores: 2, hasFMA: true)

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
    #expect(throws: BenchmarkError.unknownCase("net", known: BenchmarkSuite.caseNames)) {
      try BenchmarkSuite.run(cases: ["mnist-epoch", "net"], json: false, machine: Self.machine) {
        lines.append($0)
      }
    }
    #expect(lines.isEmpty)
    #expect(throws: BenchmarkError.unknownCase("x", known: BenchmarkSuite.caseNames)) {
      try BenchmarkSuite.measure("x", machine: Self.machine)
    }
  }

  @Test func unknownCaseMessage() {
    let error = BenchmarkError.unknownCase("net", known: ["net-step", "net-infer1"])
    #expect(error.message == "unknown benchmark case 'net'" && error.description == error.message)
    #expect(error.notes == ["known cases: net-step, net-infer1"])
  }

  @Test func machinePeakFromTheFactsTheCommandLineReads() {
    #expect(Self.machine.description == "2 cores x 117.0 GFLOP/s fp32 = 234 GFLOP/s")
    let haswell = "processor\t: 0\nflags\t\t: fpu sse2 avx2 fma bmi2\nbugs\t\t: none\n"
    #expect(MachinePeak(cores: 2, cpuInfo: haswell) == Self.machine)
    let old = MachinePeak(cores: 4, cpuInfo: "flags\t\t: fpu sse2 avx\n")
    #expect(old.gflopsPerCore == 117 / 4 && old.gflops == 117)
    #expect(MachinePeak(cores: 0, cpuInfo: "").cores == 1)
  }

  @Test func epochWithAPluggedInSourceAsText() throws {
    var lines: [String] = []
    try BenchmarkSuite.run(
      cases: ["mnist-epoch"], json: false, machine: Self.machine, epochSource: Self.tinySource()
    ) { lines.append($0) }
    #expect(lines.count == 3)
    #expect(lines[0] == "peak assumption: 2 cores x 117.0 GFLOP/s fp32 = 234 GFLOP/s")
    #expect(lines[1].hasPrefix("case") && lines[1].contains("GFLOP/s"))
    #expect(lines[2].hasPrefix("mnist-epoch") && lines[2].hasSuffix("tiny, 2 steps"))
  }

  @Test func epochAsJSON() throws {
    var lines: [String] = []
    try BenchmarkSuite.run(
      cases: ["mnist-epoch"], json: true, machine: Self.machine, epochSource: Self.tinySource()
    ) { lines.append($0) }
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
