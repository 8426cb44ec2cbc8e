/// A dataset that `DataLoader` can batch: a size, and a collated batch for any list of indices.
public protocol BatchDataset: AnyObject {
  /// The number of samples (`len(dataset)`).
  var count: Int { get }
  /// The samples at `indices` collated into `(data, target)` tensors whose first dimension is
  /// `indices.count`.
  func batch(indices: [Int]) throws -> (data: Tensor, target: Tensor)
}

/// `torch.utils.data.DataLoader(dataset, batch_size=, shuffle=, drop_last=)`: the dataset in
/// batches, in order or in a new random order each epoch (a permutation drawn from `generator`
/// when an epoch starts, as PyTorch's `RandomSampler` does). Batches are built lazily, one per
/// `next()`.
public final class DataLoader {
  /// The batched dataset (`loader.dataset`).
  public let dataset: any BatchDataset
  /// Samples per batch; the last batch may be smaller unless `dropLast`.
  public let batchSize: Int
  /// Whether each epoch visits the samples in a fresh random order.
  public let shuffle: Bool
  /// Whether a final batch smaller than `batchSize` is left out.
  public let dropLast: Bool
  private let generator: Generator?

  /// Throws PyTorch's `ValueError` for a batch size below 1; `shuffle` needs a `generator`.
  public init(
    dataset: any BatchDataset, batchSize: Int = 1, shuffle: Bool = false, dropLast: Bool = false,
    generator: Generator? = nil
  ) throws {
    guard batchSize >= 1 else {
      throw DatasetError.invalidBatchSize(batchSize)
    }
    guard !shuffle || generator != nil else {
      throw DatasetError.shuffleWithoutGenerator
    }
    self.dataset = dataset
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.dropLast = dropLast
    self.generator = generator
  }

  /// The number of batches per epoch (`len(loader)`): `ceil(n / batchSize)`, or `floor` with
  /// `dropLast`.
  public var count: Int {
    dropLast ? dataset.count / batchSize : (dataset.count + batchSize - 1) / batchSize
  }

  /// Starts an epoch (`iter(loader)`); shuffling draws the epoch's permutation now.
  public func makeEpoch() -> Epoch {
    let n = dataset.count
    let order = shuffle ? (generator?.permutation(n) ?? Array(0..<n)) : Array(0..<n)
    return Epoch(loader: self, order: order)
  }

  /// One pass over the dataset.
  public final class Epoch {
    private let loader: DataLoader
    /// The sample indices of this epoch, in visiting order.
    public let order: [Int]
    /// How many batches `next()` has returned.
    public private(set) var batchesReturned = 0

    init(loader: DataLoader, order: [Int]) {
      self.loader = loader
      self.order = order
    }

    /// The next batch `(data, target)`, or nil at the end of the epoch.
    public func next() throws -> (data: Tensor, target: Tensor)? {
      guard batchesReturned < loader.count else { return nil }
      let start = batchesReturned * loader.batchSize
      let end = min(start + loader.batchSize, order.count)
      batchesReturned += 1
      return try loader.dataset.batch(indices: Array(order[start..<end]))
    }
  }
}
