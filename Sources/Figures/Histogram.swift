/// NumPy's `histogram`: `bins` equal-width bins over `range` (default: the data's min and
/// max; a single value `v` gives `v - 0.5 ... v + 0.5`; no values give `0 ... 1`).
///
/// Values outside the range are not counted; the last bin includes its right edge. Throws
/// NumPy's errors for `bins < 1` and for a non-finite autodetected range.
public func histogram(
  _ values: [Double], bins: Int = 10, range: ClosedRange<Double>? = nil
) throws(FigureError) -> (edges: [Double], counts: [Int]) {
  guard bins >= 1 else {
    throw FigureError(.valueError, "`bins` must be positive, when an integer")
  }
  var first = range?.lowerBound ?? values.min() ?? 0
  var last = range?.upperBound ?? values.max() ?? 1
  if range == nil, values.contains(where: { !$0.isFinite }) {
    first = values.contains(where: \.isNaN) ? .nan : first
    last = first.isNaN ? .nan : .infinity
  }
  guard first.isFinite, last.isFinite else {
    throw FigureError(
      .valueError,
      "autodetected range of [\(formatNumber(first)), \(formatNumber(last))] is not finite",
      note: "remove NaN and infinite values before hist, or pass range=(low, high)")
  }
  if first == last {
    first -= 0.5
    last += 0.5
  }
  // A span past Double's largest (`range=(-1e308, 1e308)`) is worked with in halves.
  let spanIsFinite = (last - first).isFinite
  let edges = (0...bins).map { step -> Double in
    let fraction = Double(step) / Double(bins)
    return spanIsFinite
      ? first + (last - first) * fraction : first * (1 - fraction) + last * fraction
  }
  var counts = [Int](repeating: 0, count: bins)
  for value in values where value >= first && value <= last {
    let fraction =
      spanIsFinite
      ? (value - first) / (last - first) : (value / 2 - first / 2) / (last / 2 - first / 2)
    guard fraction.isFinite else { continue }
    var index = min(max(Int(fraction * Double(bins)), 0), bins - 1)
    // As NumPy does, correct the computed bin against the edges themselves.
    if index > 0 && value < edges[index] { index -= 1 }
    if index < bins - 1 && value >= edges[index + 1] { index += 1 }
    counts[index] += 1
  }
  return (edges, counts)
}
