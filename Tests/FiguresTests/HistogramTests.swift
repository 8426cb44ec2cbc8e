import Testing

@testable import Figures

@Suite struct HistogramTests {
  @Test func edgesAndCountsAreNumPys() throws {
    let (edges, counts) = try histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    #expect(edges.count == 11 && edges.first == 0 && edges.last == 10)
    #expect(counts == [1, 1, 1, 1, 1, 1, 1, 1, 1, 2])
  }

  @Test func aSingleValueSpansOne() throws {
    let (edges, counts) = try histogram([3, 3], bins: 2)
    #expect(edges == [2.5, 3, 3.5] && counts == [0, 2])
  }

  @Test func errors() {
    #expect(throws: FigureError(.valueError, "`bins` must be positive, when an integer")) {
      _ = try histogram([1], bins: 0)
    }
    #expect(throws: FigureError.self) { _ = try histogram([1, .nan]) }
  }

  @Test func aRangeWiderThanDoublesLargestStillCounts() throws {
    let (edges, counts) = try histogram([1e308, -1e308, 0], bins: 2, range: -1e308...1e308)
    #expect(edges == [-1e308, 0, 1e308])
    #expect(counts == [1, 2])
    let autodetected = try histogram([1e308, -1e308], bins: 3)
    #expect(autodetected.counts == [1, 0, 1])
  }
}
