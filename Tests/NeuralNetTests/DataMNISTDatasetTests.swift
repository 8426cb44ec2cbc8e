import Foundation
import Testing

@testable import NeuralNet

@Suite struct DataMNISTDatasetTests {
  /// Two 2x3 images [[0..5], [10..15]] with labels 7 and 3.
  func tiny(transform: (any ImageTransform)? = ToTensor()) throws -> MNISTDataset {
    try MNISTDataset(
      images: [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 255], labels: [7, 3], rows: 2, columns: 3,
      transform: transform, root: "./data/")
  }

  @Test func batchGathersAndTransformsInOnePass() throws {
    let (data, target) = try tiny().batch(indices: [1, 0, 1], transform: ToTensor())
    #expect(data.shape == [3, 1, 2, 3])
    #expect(data.dtype == .float32)
    #expect(Array(data.floats[0..<6]) == [10, 11, 12, 13, 14, 255].map { Float($0) / 255 })
    #expect(Array(data.floats[6..<12]) == [0, 1, 2, 3, 4, 5].map { Float($0) / 255 })
    #expect(target.shape == [3])
    #expect(target.dtype == .int64)
    #expect(target.ints == [3, 7, 3])
  }

  @Test func itemAndNegativeIndex() throws {
    let dataset = try tiny(transform: Compose([ToTensor(), Normalize(mean: [0.5], std: [0.5])]))
    let (image, label) = try dataset.item(at: -1)
    #expect(image.shape == [1, 2, 3])
    #expect(label == 3)
    #expect(image.floats[5] == 1)
    #expect(Array(try dataset.image(at: 0)) == [0, 1, 2, 3, 4, 5])
    #expect(try dataset[0].label == 7)
  }

  @Test func outOfRangeIndexIsPyTorchsIndexError() throws {
    #expect(throws: DatasetError.indexOutOfRange(index: 2, count: 2)) { try tiny().item(at: 2) }
    #expect(throws: DatasetError.indexOutOfRange(index: -3, count: 2)) {
      try tiny().batch(indices: [0, -3])
    }
  }

  @Test func batchWithoutToTensorIsCollateTypeError() throws {
    #expect(throws: DatasetError.untransformedBatch) {
      try tiny(transform: nil).batch(indices: [0])
    }
  }

  @Test func wholeDatasetTensors() throws {
    let dataset = try tiny()
    #expect(dataset.dataTensor().shape == [2, 2, 3])
    #expect(dataset.dataTensor().ints.last == 255)
    #expect(dataset.targetsTensor().ints == [7, 3])
    #expect(dataset.classes.count == 10)
  }

  @Test func reprMatchesTorchvision() throws {
    let dataset = try tiny(
      transform: Compose([ToTensor(), Normalize(mean: [0.1307], std: [0.3081])]))
    #expect(
      dataset.description == """
        Dataset MNIST
            Number of datapoints: 2
            Root location: ./data/
            Split: Train
            StandardTransform
        Transform: Compose(
                       ToTensor()
                       Normalize(mean=(0.1307,), std=(0.3081,))
                   )
        """)
    #expect(try tiny(transform: nil).description.hasSuffix("Split: Train"))
  }

  @Test func inMemorySizesMustAgree() {
    #expect(throws: DatasetError.imageBytes(bytes: 3, labels: 1, rows: 2, columns: 2)) {
      try MNISTDataset(images: [1, 2, 3], labels: [1], rows: 2, columns: 2)
    }
  }
}
