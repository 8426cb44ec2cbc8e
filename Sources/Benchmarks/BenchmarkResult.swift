/// One measured row of the benchmark report, and its text and JSON forms.

/// What a benchmark row measured: the median time of one repetition and what it achieved.
public struct BenchmarkResult: Sendable, Equatable {
  /// The case name, with a part after a space for cases that report several rows
  /// (`conv-lecture conv2 backward`).
  public var name: String
  /// The median wall time of one repetition, in milliseconds.
  public var medianMilliseconds: Double
  /// Samples (images) processed per second, for cases that process samples.
  public var samplesPerSecond: Double?
  /// Achieved GFLOP/s, for cases whose arithmetic is counted.
  public var gflops: Double?
  /// `gflops` as a percentage of the machine peak (see `MachinePeak`).
  public var percentOfPeak: Double?
  /// The process's peak resident set size so far, in MB (`VmHWM`); nil where unavailable.
  public var peakResidentMegabytes: Double?
  /// A remark such as `synthetic` for data that is not the real data set.
  public var note: String

  /// One line of the text table.
  var textLine: String {
    let rate = samplesPerSecond.map { format($0, digits: 0) + " samples/s" } ?? ""
    let flops = gflops.map { format($0, digits: 1) + " GFLOP/s" } ?? ""
    let peak = percentOfPeak.map { format($0, digits: 1) + "%" } ?? ""
    let memory = peakResidentMegabytes.map { format($0, digits: 0) + " MB" } ?? ""
    return [
      pad(name, 28), pad(format(medianMilliseconds, digits: 3) + " ms", 13, right: true),
      pad(rate, 18, right: true), pad(flops, 15, right: true), pad(peak, 7, right: true),
      pad(memory, 8, right: true), note.isEmpty ? "" : "  " + note,
    ].joined(separator: " ")
  }

  /// The row as a JSON object (keys in a fixed order; absent measurements are `null`).
  var jsonObject: String {
    func number(_ value: Double?, _ digits: Int) -> String {
      value.map { format($0, digits: digits) } ?? "null"
    }
    return "{\"name\": \(jsonString(name)), \"median_ms\": \(number(medianMilliseconds, 4)), "
      + "\"samples_per_s\": \(number(samplesPerSecond, 1)), \"gflops\": \(number(gflops, 2)), "
      + "\"percent_of_peak\": \(number(percentOfPeak, 2)), "
      + "\"peak_rss_mb\": \(number(peakResidentMegabytes, 1)), \"note\": \(jsonString(note))}"
  }
}

/// The header line matching `BenchmarkResult.textLine`.
let textHeader = [
  pad("case", 28), pad("median", 13, right: true), pad("throughput", 18, right: true),
  pad("GFLOP/s", 15, right: true), pad("peak", 7, right: true), pad("RSS", 8, right: true),
].joined(separator: " ")

/// `text` padded with spaces to `width` (on the left when `right`).
func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
  let fill = String(repeating: " ", count: max(0, width - text.count))
  return right ? fill + text : text + fill
}

/// A JSON string literal.
func jsonString(_ text: String) -> String {
  var escaped = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": escaped += "\\\""
    case "\\": escaped += "\\\\"
    case "\n": escaped += "\\n"
    default:
      if scalar.value < 0x20 {
        escaped +=
          "\\u"
          + pad(String(scalar.value, radix: 16), 4, right: true)
          .replacingOccurrences(of: " ", with: "0")
      } else {
        escaped.unicodeScalars.append(scalar)
      }
    }
  }
  return "\"" + escaped + "\""
}
