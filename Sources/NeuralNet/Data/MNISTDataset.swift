/// A dataset of 8-bit grayscale images with integer labels, as torchvision's `datasets.MNIST` and
/// `datasets.FashionMNIST` load them from the four IDX files.
///
/// Images stay bytes (`images`, 47 MB for MNIST's 60,000 training images, not 188 MB of floats);
/// `batch(indices:transform:)` builds the float tensor of a batch on the fly. Loading from disk and
/// downloading are in `MNISTDataset+Files.swift` and `Download.swift`.
public final class MNISTDataset: BatchDataset, CustomStringConvertible {
  /// Which dataset: the two share file names, sizes and layout.
  public enum Variant: String, Sendable, CaseIterable {
    case mnist = "MNIST"
    case fashionMNIST = "FashionMNIST"

    /// torchvision's `classes` list.
    public var classes: [String] {
      switch self {
      case .mnist:
        return [
          "0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six",
          "7 - seven",
          "8 - eight", "9 - nine",
        ]
      case .fashionMNIST:
        return [
          "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
          "Bag",
          "Ankle boot",
        ]
      }
    }
  }

  /// MNIST or Fashion-MNIST.
  public let variant: Variant
  /// The training split (`train=True`) or the test split.
  public let isTrain: Bool
  /// The `root` argument as given (shown by `description`).
  public let root: String
  /// Where the files were read from (a folder), or nil for a dataset built in memory.
  public let sourceDirectory: String?
  /// The images, `count * rows * columns` bytes, row-major `(N, rows, columns)`.
  public let images: [UInt8]
  /// The labels, one per image.
  public let labels: [Int64]
  /// Image height (28 for both variants).
  public let rows: Int
  /// Image width (28 for both variants).
  public let columns: Int
  /// The transform applied to each image (`transform=`); nil hands out raw images.
  public var transform: (any ImageTransform)?

  /// A dataset over images already in memory. `images.count` must be `labels.count * rows * columns`.
  public init(
    variant: Variant = .mnist, train: Bool = true, images: [UInt8], labels: [Int64], rows: Int = 28,
    columns: Int = 28, transform: (any ImageTransform)? = nil, root: String = "",
    sourceDirectory: String? = nil
  ) throws {
    let (pixels, overflow) = rows.multipliedReportingOverflow(by: columns)
    guard rows > 0, columns > 0, !overflow, images.count / pixels == labels.count,
      images.count % pixels == 0
    else {
      throw DatasetError.imageBytes(
        bytes: images.count, labels: labels.count, rows: rows, columns: columns)
    }
    self.variant = variant
    self.isTrain = train
    self.images = images
    self.labels = labels
    self.rows = rows
    self.columns = columns
    self.transform = transform
    self.root = root
    self.sourceDirectory = sourceDirectory
  }

  /// The number of images (`len(dataset)`).
  public var count: Int { labels.count }

  /// torchvision's `classes`.
  public var classes: [String] { variant.classes }

  // MARK: - Items

  /// Wraps a Python index (negative counts from the end) and checks it, with PyTorch's IndexError.
  public func checkedIndex(_ index: Int) throws -> Int {
    let wrapped = index < 0 ? index + count : index
    guard wrapped >= 0 && wrapped < count else {
      throw DatasetError.indexOutOfRange(index: index, count: count)
    }
    return wrapped
  }

  /// The bytes of image `index`, row-major `(rows, columns)`.
  public func image(at index: Int) throws -> ArraySlice<UInt8> {
    let start = try checkedIndex(index) * rows * columns
    return images[start..<start + rows * columns]
  }

  /// `dataset[index]`: the transformed image `(1, rows, columns)` and its label. Throws a
  /// `TypeError` when the transform does not end in a tensor (torchvision would return a PIL image).
  public func item(at index: Int) throws -> (image: Tensor, label: Int64) {
    let wrapped = try checkedIndex(index)
    let (data, _) = try batch(indices: [wrapped], transform: transform)
    return (Tensor(shape: [1, rows, columns], floats: data.floats), labels[wrapped])
  }

  /// `dataset[index]`, the same as `item(at:)`.
  public subscript(index: Int) -> (image: Tensor, label: Int64) {
    get throws { try item(at: index) }
  }

  /// The next batch of `DataLoader`: `batch(indices:transform:)` with this dataset's transform.
  public func batch(indices: [Int]) throws -> (data: Tensor, target: Tensor) {
    try batch(indices: indices, transform: transform)
  }

  /// The images at `indices` through `transform` as one float32 tensor `(B, 1, rows, columns)`,
  /// and their labels as int64 `(B)` (`default_collate` of the items).
  public func batch(indices: [Int], transform: (any ImageTransform)?) throws -> (
    data: Tensor, target: Tensor
  ) {
    guard let transform, transform.producesTensor else {
      throw DatasetError.untransformedBatch
    }
    let table = try transform.pixelTable(channels: 1, rows: rows, columns: columns)[0]
    let checked = try indices.map { try checkedIndex($0) }
    let floats = Self.gatherPixels(
      images, at: checked, pixelsPerImage: rows * columns, table: table)
    let targets = checked.map { labels[$0] }
    return (
      Tensor(shape: [checked.count, 1, rows, columns], floats: floats),
      Tensor(shape: [checked.count], ints: targets)
    )
  }

  /// The batch kernel: B = indices.count images of P = rows * columns bytes each, looked up in
  /// `table` (256 floats, the whole transform) into one (B, P) float buffer.
  static func gatherPixels(
    _ images: [UInt8], at indices: [Int], pixelsPerImage: Int, table: [Float]
  ) -> [Float] {
    let pixels = pixelsPerImage
    return [Float](unsafeUninitializedCapacity: indices.count * pixels) { output, initialized in
      images.withUnsafeBufferPointer { source in
        table.withUnsafeBufferPointer { lookup in
          for (b, index) in indices.enumerated() {
            let from = index * pixels  // first byte of image `index`
            let to = b * pixels  // first float of row b of the batch
            for p in 0..<pixels { output[to + p] = lookup[Int(source[from + p])] }
          }
        }
      }
      initialized = indices.count * pixels
    }
  }

  // MARK: - Whole-dataset tensors

  /// `dataset.data`: every image as an int64 tensor `(N, rows, columns)` holding 0...255 (there is no
  /// uint8 dtype). For MNIST's training split this is 376 MB: build it once and keep it.
  public func dataTensor() -> Tensor {
    Tensor(shape: [count, rows, columns], ints: images.map { Int64($0) })
  }

  /// `dataset.targets`: the labels as an int64 tensor `(N)`.
  public func targetsTensor() -> Tensor {
    Tensor(shape: [count], ints: labels)
  }

  /// torchvision's repr (`Dataset MNIST`, the number of datapoints, root, split, transform).
  public var description: String {
    var lines = [
      "Dataset \(variant.rawValue)", "    Number of datapoints: \(count)",
      "    Root location: \(root)",
      "    Split: \(isTrain ? "Train" : "Test")",
    ]
    if let transform {
      let head = "Transform: "
      let transformLines = transform.description.split(
        separator: "\n", omittingEmptySubsequences: false)
      lines.append("    StandardTransform")
      lines.append(head + (transformLines.first ?? ""))
      lines += transformLines.dropFirst().map { String(repeating: " ", count: head.count) + $0 }
    }
    return lines.joined(separator: "\n")
  }
}
