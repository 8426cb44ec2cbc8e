/// torchvision's image transforms for 8-bit grayscale datasets: `ToTensor`, `Normalize`, `Compose`.
///
/// A transform is a list of steps applied to a uint8 image `(rows, columns)`. `ToTensor` turns it
/// into a float32 tensor `(1, rows, columns)` holding `x / 255`; `Normalize` then computes
/// `(x - mean[c]) / std[c]` per channel. Both run in float32 in that order, as torchvision does, so
/// results match it bit for bit. Because the input has only 256 possible values, a pipeline is
/// compiled into a 256-entry lookup table per channel (`pixelTable`), applied in one pass by
/// `MNISTDataset.batch`.
public protocol ImageTransform: CustomStringConvertible, Sendable {
  /// The steps, in the order they apply.
  var steps: [TransformStep] { get }
}

/// One step of an image transform.
public enum TransformStep: Sendable, Equatable {
  /// `transforms.ToTensor()`: uint8 image -> float32 tensor `x / 255`.
  case toTensor
  /// `transforms.Normalize(mean, std)`: `(x - mean[c]) / std[c]`, one value per channel or one for all.
  case normalize(mean: [Float], std: [Float])
}

/// `transforms.ToTensor()`.
public struct ToTensor: ImageTransform {
  /// The transform; it has no options.
  public init() {}
  /// One step: `.toTensor`.
  public var steps: [TransformStep] { [.toTensor] }
  /// torchvision's repr: `ToTensor()`.
  public var description: String { "ToTensor()" }
}

/// `transforms.Normalize(mean, std)`: per-channel standardisation of a float tensor image.
public struct Normalize: ImageTransform {
  /// The per-channel means (one value applies to every channel).
  public let mean: [Float]
  /// The per-channel standard deviations.
  public let std: [Float]

  /// `Normalize(mean, std)`; values are checked against the image when the transform is applied.
  public init(mean: [Float], std: [Float]) {
    self.mean = mean
    self.std = std
  }

  /// One step: `.normalize(mean:std:)`.
  public var steps: [TransformStep] { [.normalize(mean: mean, std: std)] }

  /// torchvision's repr with tuples: `Normalize(mean=(0.1307,), std=(0.3081,))`.
  public var description: String {
    func tuple(_ values: [Float]) -> String {
      "(" + values.map { "\($0)" }.joined(separator: ", ") + (values.count == 1 ? ",)" : ")")
    }
    return "Normalize(mean=\(tuple(mean)), std=\(tuple(std)))"
  }
}

/// `transforms.Compose([t1, t2, ...])`: the transforms one after another.
public struct Compose: ImageTransform {
  /// The composed transforms, in order.
  public let transforms: [any ImageTransform]

  /// `Compose(transforms)`; an empty list leaves images unchanged.
  public init(_ transforms: [any ImageTransform]) {
    self.transforms = transforms
  }

  /// The steps of every transform, in order.
  public var steps: [TransformStep] { transforms.flatMap(\.steps) }

  /// torchvision's repr: one transform per line, indented by four spaces.
  public var description: String {
    let body = transforms.map { "\n    " + $0.description.replacingNewlines(with: "\n    ") }
      .joined()
    return "Compose(" + body + "\n)"
  }
}

extension String {
  fileprivate func replacingNewlines(with replacement: String) -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

// MARK: - Compiling a pipeline

extension ImageTransform {
  /// True when the steps end with a tensor (they contain `ToTensor`); otherwise items stay images,
  /// which torchvision would hand out as PIL images.
  public var producesTensor: Bool { steps.contains(.toTensor) }

  /// The output value of every input byte, per channel: `table[c][x]` for channel `c`, pixel `x`.
  /// Throws torchvision's errors: a step applied to the wrong kind of input (`TypeError`), a zero
  /// standard deviation (`ValueError`), or means that do not broadcast over the channels.
  public func pixelTable(channels: Int, rows: Int, columns: Int) throws -> [[Float]] {
    var isTensor = false
    var table = [[Float]](repeating: (0..<256).map { Float($0) }, count: channels)
    for step in steps {
      switch step {
      case .toTensor:
        guard !isTensor else {
          throw DatasetError.transform(.toTensorTwice)
        }
        isTensor = true
        table = table.map { channel in channel.map { $0 / 255 } }
      case .normalize(let mean, let std):
        guard isTensor else {
          throw DatasetError.transform(.normalizeBeforeToTensor)
        }
        table = try normalized(table, mean: mean, std: std, shape: [channels, rows, columns])
      }
    }
    return table
  }

  private func normalized(_ table: [[Float]], mean: [Float], std: [Float], shape: [Int]) throws
    -> [[Float]]
  {
    if std.contains(0) {
      throw DatasetError.transform(.zeroStd)
    }
    let channels = shape[0]
    for values in [mean, std] where values.count != 1 && values.count != channels {
      throw DatasetError.transform(.normalizeShape(shape: shape, values: values.count))
    }
    return table.enumerated().map { channel, values in
      let m = mean.count == 1 ? mean[0] : mean[channel]
      let s = std.count == 1 ? std[0] : std[channel]
      return values.map { ($0 - m) / s }
    }
  }
}
