/// Timing, machine peak and memory readings shared by the benchmark cases.
import Foundation

/// Runs `body` `warmup` times untimed, then `repetitions` times, and returns the median wall time
/// in milliseconds.
func medianMilliseconds(warmup: Int, repetitions: Int, _ body: () throws -> Void) rethrows
  -> Double
{
  for _ in 0..<warmup { try body() }
  let clock = ContinuousClock()
  var samples: [Double] = []
  for _ in 0..<max(repetitions, 1) {
    let elapsed = try clock.measure(body)
    samples.append(milliseconds(elapsed))
  }
  samples.sort()
  let middle = samples.count / 2
  return samples.count % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2
}

/// A `Duration` in milliseconds.
func milliseconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) * 1e3 + Double(attoseconds) * 1e-15
}

/// The fp32 peak the "% of peak" column is measured against, from facts about the machine that
/// the caller (the command line) reads: the number of cores and the CPU's feature flags.
///
/// Assumption: each core retires two 8-lane fused multiply-adds per cycle (32 flop/cycle) at
/// about 3.66 GHz, i.e. 117 GFLOP/s per core, when the CPU has AVX2 and FMA (the figure for this
/// AMD EPYC); a quarter of that without them (4-lane SSE, separate multiply and add).
public struct MachinePeak: Sendable, Equatable, CustomStringConvertible {
  /// The cores the benchmarks may use.
  public let cores: Int
  /// The assumed fp32 peak of one core.
  public let gflopsPerCore: Double

  /// The peak of `cores` cores of a CPU with (`hasFMA`) or without AVX2 and FMA.
  public init(cores: Int, hasFMA: Bool) {
    self.cores = max(cores, 1)
    self.gflopsPerCore = hasFMA ? 117 : 117 / 4
  }

  /// The peak of `cores` cores of the CPU described by `cpuInfo`, the text of Linux's
  /// `/proc/cpuinfo` (its first `flags` line; no FMA assumed when there is none).
  public init(cores: Int, cpuInfo: String) {
    let flagsLine = cpuInfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
    let flags = Set(flagsLine.split(separator: " ").map(String.init))
    self.init(cores: cores, hasFMA: flags.contains("fma") && flags.contains("avx2"))
  }

  /// The machine's peak, `cores * gflopsPerCore`.
  public var gflops: Double { Double(cores) * gflopsPerCore }

  /// `2 cores x 117.0 GFLOP/s fp32 = 234 GFLOP/s`.
  public var description: String {
    "\(cores) cores x \(format(gflopsPerCore, digits: 1)) GFLOP/s fp32 = "
      + "\(format(gflops, digits: 0)) GFLOP/s"
  }
}

/// The process's peak resident set size in MB (`VmHWM` in `/proc/self/status`); nil elsewhere.
func peakResidentMegabytes() -> Double? {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return nil
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let fields = line.split(separator: " ", omittingEmptySubsequences: true)
    if fields.count >= 2, let kilobytes = Double(fields[1]) { return kilobytes / 1024 }
  }
  return nil
}

/// `value` with `digits` decimals.
func format(_ value: Double, digits: Int) -> String {
  String(format: "%.\(digits)f", value)
}
