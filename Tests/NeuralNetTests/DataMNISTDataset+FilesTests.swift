import DataIO
import Foundation
import Testing

@testable import NeuralNet

@Suite struct DataMNISTDatasetFilesTests {
  @Test func loadsTorchvisionLayoutGzipped() throws {
    try DataTestSupport.withTemporaryDirectory { root in
      try DataTestSupport.writeSyntheticMNIST(into: root + "/MNIST/raw", count: 5)
      let train = try MNISTDataset(root: root, train: true, transform: ToTensor(), defaults: [])
      #expect(train.count == 5)
      #expect(train.sourceDirectory == root + "/MNIST/raw")
      #expect(train.labels == [0, 1, 2, 3, 4])
      #expect(Array(try train.image(at: 1).prefix(3)) == [7, 8, 9])
      let test = try MNISTDataset(root: root, train: false, defaults: [])
      #expect(test.count == 3)
    }
  }

  @Test func loadsFlatPlainFolderAndSearchDirectories() throws {
    try DataTestSupport.withTemporaryDirectory { flat in
      try DataTestSupport.writeSyntheticMNIST(into: flat, count: 4, gzip: false)
      #expect(try MNISTDataset(root: flat, defaults: []).count == 4)
      let elsewhere = try MNISTDataset(
        variant: .fashionMNIST, root: "/nonexistent", searchDirectories: ["/also-missing", flat],
        defaults: [])
      #expect(elsewhere.sourceDirectory == flat)
      #expect(elsewhere.variant == .fashionMNIST)
    }
  }

  @Test func aFolderWithSHA256SUMSHasItsFilesChecked() throws {
    try DataTestSupport.withTemporaryDirectory { folder in
      try DataTestSupport.writeSyntheticMNIST(into: folder, count: 4)
      let images = folder + "/train-images-idx3-ubyte.gz"
      let labels = folder + "/train-labels-idx1-ubyte.gz"
      let digest = SHA256.hexDigest(try DataTestSupport.readBytes(images))
      let labelDigest = SHA256.hexDigest(try DataTestSupport.readBytes(labels))
      try DataTestSupport.write(
        Array(
          "\(digest)  train-images-idx3-ubyte.gz\n\(labelDigest) *train-labels-idx1-ubyte.gz\n".utf8
        ),
        to: folder + "/SHA256SUMS")
      #expect(try MNISTDataset(root: folder, defaults: []).count == 4, "the listed digests match")
      let wrong = String(repeating: "0", count: 64)
      try DataTestSupport.write(
        Array("\(wrong)  train-images-idx3-ubyte.gz\n".utf8), to: folder + "/SHA256SUMS")
      #expect(
        throws: DatasetError.damagedFile(
          path: images, problem: .checksumMismatch(actual: digest, expected: wrong))
      ) { try MNISTDataset(root: folder, defaults: []) }
      #expect(
        DatasetError.FileProblem.checksumMismatch(actual: digest, expected: wrong).message(
          path: "x")
          == "x is not the file its SHA256SUMS lists: its SHA-256 is \(digest), expected \(wrong)")
    }
  }

  @Test func candidateOrder() {
    let candidates = MNISTDataset.candidateDirectories(
      variant: .fashionMNIST, root: "./data/", searchDirectories: ["/d"], defaults: ["/usr/share/x"]
    )
    #expect(
      candidates == [
        "./data/FashionMNIST/raw", "./data/", "/d/FashionMNIST/raw", "/d", "/usr/share/x",
      ])
    #expect(
      MNISTDataset.defaultDirectories(for: .fashionMNIST, cacheDirectory: "/c")
        == ["/c/FashionMNIST", "/usr/share/datasets/fashion-mnist"])
    #expect(
      MNISTDataset.defaultDirectories(for: .mnist, cacheDirectory: "/home/u/.cache/cnn-lesson")
        == ["/home/u/.cache/cnn-lesson/MNIST"])
    #expect(MNISTDataset.defaultDirectories(for: .mnist, cacheDirectory: nil).isEmpty)
  }

  @Test func missingFilesNameTheDatasetAndEveryPlaceLooked() throws {
    let error = try #require(throws: DatasetError.self) {
      try MNISTDataset(root: "/r", searchDirectories: ["/from-cli"], defaults: ["/default"])
    }
    let search = DatasetSearch(
      variant: .mnist, files: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"],
      folders: ["/r/MNIST/raw", "/r", "/from-cli/MNIST/raw", "/from-cli", "/default"],
      downloadFolder: "/r/MNIST/raw")
    #expect(error == .notFound(search))
    #expect(error.isUnavailable && error.search?.dataset == "MNIST")
    #expect(error.category == .runtime)
    #expect(error.message == "Dataset not found. You can use download=True to download it")
    #expect(error.notes.contains("  /from-cli"))
    // How to hand the files to the program is the command line's to say, not the dataset's.
    #expect(!error.notes.contains { $0.contains("--data") || $0.contains("CNN_LESSON_DATA") })
  }

  @Test func countMismatchBetweenImagesAndLabels() throws {
    try DataTestSupport.withTemporaryDirectory { root in
      try DataTestSupport.writeSyntheticMNIST(into: root, count: 4, gzip: false)
      try DataTestSupport.write(
        DataTestSupport.idx(dims: [3], data: [1, 2, 3]), to: root + "/train-labels-idx1-ubyte")
      #expect(
        throws: DatasetError.splitMismatch(
          images: root + "/train-images-idx3-ubyte", imageCount: 4,
          labels: root + "/train-labels-idx1-ubyte", labelCount: 3)
      ) { try MNISTDataset(root: root, defaults: []) }
    }
  }

  @Test(
    .enabled(
      if: DataTestSupport.realMNISTDirectory != nil, "real MNIST not found (set CNN_LESSON_MNIST)"))
  func realMNIST() throws {
    let directory = try #require(DataTestSupport.realMNISTDirectory)
    let train = try MNISTDataset(root: "/nonexistent", searchDirectories: [directory], defaults: [])
    #expect(train.count == 60_000)
    #expect(train.rows == 28 && train.columns == 28)
    #expect(Array(train.labels.prefix(5)) == [5, 0, 4, 1, 9])
    let test = try MNISTDataset(
      root: "/nonexistent", train: false, searchDirectories: [directory], defaults: [])
    #expect(test.count == 10_000)
    #expect(Array(test.labels.prefix(5)) == [7, 2, 1, 0, 4])
    #expect(try test.image(at: 0).reduce(0) { $0 + Int($1) } == 18_454)
    #expect(test.images.reduce(0) { $0 + Int($1) } == 264_923_200)
    #expect(try train.image(at: 0).reduce(0) { $0 + Int($1) } == 27_525)
    #expect(try train.image(at: -1).reduce(0) { $0 + Int($1) } == 20_920)
  }

  @Test(
    .enabled(
      if: DataTestSupport.realFashionMNISTDirectory != nil,
      "Fashion-MNIST not found (apt-get install dataset-fashion-mnist, or set CNN_LESSON_FASHION_MNIST)"
    ))
  func realFashionMNISTTestSplit() throws {
    let directory = try #require(DataTestSupport.realFashionMNISTDirectory)
    let test = try MNISTDataset(
      variant: .fashionMNIST, root: "/nonexistent", train: false, searchDirectories: [directory],
      defaults: [])
    #expect(test.count == 10_000)
    #expect(Array(test.labels.prefix(5)) == [9, 2, 1, 1, 6])
    #expect(try test.image(at: 0).reduce(0) { $0 + Int($1) } == 33_456)
    #expect(test.classes[9] == "Ankle boot")
    for (name, sha256) in DatasetDownloader.checksums(for: .fashionMNIST)
    where name.contains("labels") {
      let bytes = try Gzip.decompress(try DataTestSupport.readBytes(directory + "/" + name + ".gz"))
      #expect(SHA256.hexDigest(bytes) == sha256)
    }
  }
}
