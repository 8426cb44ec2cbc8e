/// The performance benchmarks of the tensor core on the lecture's workloads
/// (`cnn-lesson bench [CASE...] [--json]`).
import NeuralNet

/// A benchmark request the suite cannot run.
public enum BenchmarkError: Error, Equatable, Sendable {
  /// A case name that is not one of `known` (the suite's `caseNames`).
  case unknownCase(String, known: [String])
}

extension BenchmarkError: CustomStringConvertible {
  /// What went wrong, e.g. `unknown benchmark case 'net'`.
  public var message: String {
    switch self {
    case .unknownCase(let name, _): "unknown benchmark case '\(name)'"
    }
  }

  /// Hints, one per line (the list of known cases).
  public var notes: [String] {
    switch self {
    case .unknownCase(_, let known): ["known cases: " + known.joined(separator: ", ")]
    }
  }

  /// The message.
  public var description: String { message }
}

/// Where `mnist-epoch` gets its batches.
///
/// `makeEpoch` is called once and returns a function that yields the epoch's batches in order,
/// images `(N, 1, 28, 28)` float32 and labels `(N)` int64, then nil. `label` names the data in the
/// report (`synthetic`, `MNIST`).
public struct EpochSource {
  /// Names the data in the report's note column.
  public var label: String
  /// Starts an epoch: returns the function that yields its batches, then nil.
  public var makeEpoch: () throws -> () throws -> (images: Tensor, labels: Tensor)?

  public init(
    label: String, makeEpoch: @escaping () throws -> () throws -> (images: Tensor, labels: Tensor)?
  ) {
    self.label = label
    self.makeEpoch = makeEpoch
  }

  /// 938 random batches (937 of 64, one of 32: MNIST's 60000 training images), cycled from a pool
  /// of 8 so making data costs nothing measurable.
  public static func synthetic(seed: UInt64 = 1) -> EpochSource {
    EpochSource(label: "synthetic") {
      let generator = Generator(seed: seed)
      let pool = try (0..<8).map { _ in try syntheticBatch(size: 64, generator: generator) }
      let last = try syntheticBatch(size: 32, generator: generator)
      var step = 0
      return {
        defer { step += 1 }
        if step < 937 { return pool[step % pool.count] }
        return step == 937 ? last : nil
      }
    }
  }
}

/// Runs the benchmark cases and reports them as a table or as JSON.
public enum BenchmarkSuite {
  /// The case names, in the order `run(cases: [])` runs them.
  public static let caseNames = [
    "net-step", "net-infer1", "conv-lecture", "conv-large", "mnist-epoch",
  ]

  /// Runs `cases` (every case when empty) on `machine`, `mnist-epoch` on the batches of
  /// `epochSource`, and writes the report through `output`, one line per call: a table with a
  /// header, or with `json` a single JSON object `{"peak": ..., "results": [...]}`.
  ///
  /// Throws `BenchmarkError` for an unknown case name (before running anything) and rethrows
  /// tensor errors.
  public static func run(
    cases: [String], json: Bool, machine peak: MachinePeak, epochSource: EpochSource = .synthetic(),
    output: (String) -> Void
  ) throws {
    let names = cases.isEmpty ? caseNames : cases
    for name in names where !caseNames.contains(name) {
      throw BenchmarkError.unknownCase(name, known: caseNames)
    }
    if !json {
      output("peak assumption: \(peak.description)")
      output(textHeader)
    }
    var results: [BenchmarkResult] = []
    for name in names {
      for result in try measure(name, machine: peak, epochSource: epochSource) {
        results.append(result)
        if !json { output(result.textLine) }
      }
    }
    if json {
      output(
        "{\"peak\": \(jsonString(peak.description)), \"results\": ["
          + results.map(\.jsonObject).joined(separator: ", ") + "]}")
    }
  }

  /// Runs one case by name on `machine` and returns its rows.
  public static func measure(
    _ name: String, machine peak: MachinePeak, epochSource: EpochSource = .synthetic()
  ) throws -> [BenchmarkResult] {
    let cases = BenchmarkCases(peak: peak)
    switch name {
    case "net-step": return [try cases.netStep()]
    case "net-infer1": return [try cases.netInferOne()]
    case "conv-lecture": return try cases.convLecture()
    case "conv-large": return [try cases.convLarge()]
    case "mnist-epoch": return [try cases.mnistEpoch(epochSource)]
    default:
      throw BenchmarkError.unknownCase(name, known: caseNames)
    }
  }
}
