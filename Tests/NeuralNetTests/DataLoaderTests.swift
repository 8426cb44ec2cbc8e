import Testing

@testable import NeuralNet

@Suite struct DataLoaderTests {
  /// `n` 1x1 images whose pixel and label are both the sample's index.
  func dataset(_ n: Int) throws -> MNISTDataset {
    try MNISTDataset(
      images: (0..<n).map { UInt8($0) }, labels: (0..<n).map { Int64($0) }, rows: 1, columns: 1,
      transform: ToTensor())
  }

  func targets(_ loader: DataLoader) throws -> [[Int64]] {
    let epoch = loader.makeEpoch()
    var batches: [[Int64]] = []
    while let (data, target) = try epoch.next() {
      #expect(data.shape == [target.count, 1, 1, 1])
      batches.append(target.ints)
    }
    return batches
  }

  @Test func inOrderWithSmallLastBatch() throws {
    let loader = try DataLoader(dataset: try dataset(7), batchSize: 3)
    #expect(loader.count == 3)
    #expect(try targets(loader) == [[0, 1, 2], [3, 4, 5], [6]])
  }

  @Test func dropLast() throws {
    let loader = try DataLoader(dataset: try dataset(7), batchSize: 3, dropLast: true)
    #expect(loader.count == 2)
    #expect(try targets(loader) == [[0, 1, 2], [3, 4, 5]])
  }

  @Test func mnistSizedCounts() throws {
    let sixty = try DataLoader(
      dataset: try MNISTDataset(
        images: [UInt8](repeating: 0, count: 60_000), labels: [Int64](repeating: 0, count: 60_000),
        rows: 1, columns: 1), batchSize: 64)
    #expect(sixty.count == 938)
    #expect(sixty.dataset.count == 60_000)
    let dropped = try DataLoader(dataset: sixty.dataset, batchSize: 64, dropLast: true)
    #expect(dropped.count == 937)
  }

  @Test func shufflingDrawsANewPermutationEachEpoch() throws {
    let generator = Generator(seed: 1)
    let loader = try DataLoader(
      dataset: try dataset(10), batchSize: 4, shuffle: true, generator: generator)
    let first = try targets(loader)
    let second = try targets(loader)
    #expect(first.map(\.count) == [4, 4, 2])
    #expect(first.flatMap { $0 }.sorted() == (0..<10).map { Int64($0) })
    #expect(first != second)
    // The order is the generator's permutation, drawn when the epoch starts.
    let replay = Generator(seed: 1)
    #expect(first.flatMap { $0 } == replay.permutation(10).map { Int64($0) })
  }

  @Test func invalidArguments() throws {
    #expect(throws: DatasetError.invalidBatchSize(0)) {
      try DataLoader(dataset: try dataset(3), batchSize: 0)
    }
    #expect(throws: DatasetError.shuffleWithoutGenerator) {
      try DataLoader(dataset: try dataset(3), shuffle: true)
    }
  }

  @Test func emptyDatasetHasNoBatches() throws {
    let loader = try DataLoader(dataset: try dataset(0), batchSize: 2)
    #expect(loader.count == 0)
    #expect(try targets(loader) == [])
  }
}
