import Benchmarks
import Foundation

/// `cnn-lesson bench [CASE...] [--json]`: the kernel and training benchmarks, with `mnist-epoch`
/// on the real MNIST training set when it can be found (normalised as the PyTorch reference
/// script does), else on synthetic batches, which the report says.
struct BenchCommand {
  let workspace: Workspace
  let stdout: TextSink
  let stderr: TextSink

  func run() throws -> ExitCode {
    let options = workspace.options
    let unknown = options.operands.filter { !BenchmarkSuite.caseNames.contains($0) }
    guard unknown.isEmpty else {
      throw UsageError(
        "unknown benchmark case '\(unknown[0])'",
        notes: ["cases: " + BenchmarkSuite.caseNames.joined(separator: ", ")], command: "bench")
    }
    let wantsEpoch = options.operands.isEmpty || options.operands.contains("mnist-epoch")
    let source = wantsEpoch ? mnistEpochSource() : .synthetic()
    let machine = MachinePeak(
      cores: ProcessInfo.processInfo.activeProcessorCount,
      cpuInfo: (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "")
    try BenchmarkSuite.run(
      cases: options.operands, json: options.json, machine: machine, epochSource: source
    ) {
      stdout.write($0 + "\n")
    }
    return .success
  }

  /// Batches of 64 from MNIST's training images, shuffled, normalised with mean 0.1307 and
  /// std 0.3081; synthetic batches (with a note on stderr) when the data is not found.
  private func mnistEpochSource() -> EpochSource {
    do {
      let dataset = try MNISTDataset(
        root: workspace.files.location(of: "data/"), train: true,
        transform: Compose([ToTensor(), Normalize(mean: [0.1307], std: [0.3081])]),
        searchDirectories: workspace.dataDirectories(
          lessonFolder: workspace.context.workingDirectory))
      let loader = try DataLoader(
        dataset: dataset, batchSize: 64, shuffle: true, generator: Generator(seed: 1))
      return EpochSource(label: "MNIST") {
        let epoch = loader.makeEpoch()
        return { try epoch.next().map { (images: $0.data, labels: $0.target) } }
      }
    } catch {
      stderr.write(
        "cnn-lesson bench: MNIST not found (use --data DIR); mnist-epoch runs on synthetic batches\n"
      )
      return .synthetic()
    }
  }
}
