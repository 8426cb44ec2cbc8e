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
  let edges = (0...bins).map { first + (last - first) * Double($0) / Double(bins) }
  var counts = [Int](repeating: 0, count: bins)
  for value in values where value >= first && value <= last {
    var index = min(Int((value - first) / (last - first) * Double(bins)), bins - 1)
    // As NumPy does, correct the computed bin against the edges themselves.
    if index > 0 && value < edges[index] { index -= 1 }
    if index < bins - 1 && value >= edges[index + 1] { index += 1 }
    counts[index] += 1
  }
  return (edges, counts)
}
