import DataIO
import Foundation
import Testing

@testable import NeuralNet

/// The download path with files served from memory (the HTTP transport has its own tests in
/// DataIOTests): mirrors in order, checksums, the torchvision layout, and the errors.
@Suite struct DataDatasetDownloaderTests {
  /// The four synthetic MNIST files: name -> decompressed bytes.
  static let files: [(name: String, bytes: [UInt8])] = {
    let train = DataTestSupport.syntheticSplit(count: 6)
    let test = DataTestSupport.syntheticSplit(count: 2)
    return [
      ("train-images-idx3-ubyte", train.images), ("train-labels-idx1-ubyte", train.labels),
      ("t10k-images-idx3-ubyte", test.images), ("t10k-labels-idx1-ubyte", test.labels),
    ]
  }()

  static let checksums = files.map { (name: $0.name, sha256: SHA256.hexDigest($0.bytes)) }

  /// Serves every file gzipped under `mem://<prefix>/` (`transform` may damage it), records the
  /// addresses asked for, and answers anything else with HTTP 404.
  final class Mirror: @unchecked Sendable {
    private let bodies: [String: [UInt8]]
    private let lock = NSLock()
    private var asked: [String] = []

    init(_ prefixes: [String: ([UInt8]) -> [UInt8]]) {
      var bodies: [String: [UInt8]] = [:]
      for (prefix, transform) in prefixes {
        for file in DataDatasetDownloaderTests.files {
          bodies["mem://\(prefix)/\(file.name).gz"] = transform(
            DataTestSupport.gzipStored(file.bytes))
        }
      }
      self.bodies = bodies
    }

    var requested: [String] { lock.withLock { asked } }

    func fetch(_ address: String) throws -> [UInt8] {
      lock.withLock { asked.append(address) }
      guard let body = bodies[address] else { throw DownloadError.status(404) }
      return body
    }

    func downloader(_ prefixes: [String], files: [(name: String, sha256: String)])
      -> DatasetDownloader
    {
      DatasetDownloader(mirrors: prefixes.map { "mem://\($0)/" }, files: files) {
        try self.fetch($0)
      }
    }
  }

  @Test func downloadsIntoTorchvisionLayoutTryingMirrorsInOrder() throws {
    let mirror = Mirror(["good": { $0 }])
    try DataTestSupport.withTemporaryDirectory { root in
      let downloader = mirror.downloader(["missing", "good"], files: Self.checksums)
      let train = try MNISTDataset(root: root, download: true, defaults: [], downloader: downloader)
      #expect(train.count == 6)
      #expect(train.sourceDirectory == root + "/MNIST/raw")
      let written = try FileManager.default.contentsOfDirectory(atPath: root + "/MNIST/raw")
      #expect(written.sorted() == Self.files.map(\.name).sorted())
      #expect(mirror.requested.count == 8)
      #expect(mirror.requested.first == "mem://missing/train-images-idx3-ubyte.gz")
      // Now present: the test split loads without downloading again.
      #expect(try MNISTDataset(root: root, train: false, defaults: []).count == 2)
    }
  }

  @Test func checksumMismatchIsRejectedAndNamesTheSearch() throws {
    let mirror = Mirror(["good": { $0 }])
    try DataTestSupport.withTemporaryDirectory { root in
      var wrong = Self.checksums
      wrong[0].sha256 = String(repeating: "0", count: 64)
      let downloader = mirror.downloader(["good"], files: wrong)
      let error = try #require(throws: DatasetError.self) {
        try MNISTDataset(root: root, download: true, defaults: [], downloader: downloader)
      }
      let raw = root + "/MNIST/raw"
      let attempt = DownloadAttempt(
        address: "mem://good/train-images-idx3-ubyte.gz",
        failure: .checksumMismatch(actual: Self.checksums[0].sha256, expected: wrong[0].sha256))
      let search = DatasetSearch(
        variant: .mnist, files: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"],
        folders: [raw, root], downloadFolder: raw)
      #expect(
        error
          == .downloadFailed(file: "train-images-idx3-ubyte", attempts: [attempt], search: search))
      #expect(error.isUnavailable)
      #expect(error.message == "Error downloading train-images-idx3-ubyte.gz")
      #expect(!FileManager.default.fileExists(atPath: raw + "/train-images-idx3-ubyte"))
    }
  }

  @Test func notFoundAndCorruptMirrorsAreReported() throws {
    let mirror = Mirror(["corrupt": { bytes in bytes.dropLast(4) + [0, 0, 0, 0] }])
    let downloader = mirror.downloader(["missing", "corrupt"], files: Self.checksums)
    let error = try DataTestSupport.withTemporaryDirectory { directory in
      try #require(throws: DatasetError.self) {
        try downloader.download(variant: .mnist, into: directory)
      }
    }
    guard case .downloadFailed("train-images-idx3-ubyte", let attempts, let search) = error else {
      Issue.record("expected a failed download, got \(error)")
      return
    }
    #expect(search.files == Self.files.map(\.name) && search.dataset == "MNIST")
    #expect(attempts.map(\.address).allSatisfy { $0.hasSuffix("/train-images-idx3-ubyte.gz") })
    #expect(attempts.first?.failure == .transfer(.status(404)))
    guard case .invalidGzip(.checksumMismatch(.length, _, _))? = attempts.last?.failure else {
      Issue.record("expected the corrupt mirror's length check to fail: \(attempts)")
      return
    }
    #expect(error.notes.contains("  mem://missing/train-images-idx3-ubyte.gz: HTTP 404"))
    #expect(
      error.notes.contains {
        $0.hasPrefix("  mem://corrupt/train-images-idx3-ubyte.gz: not a valid gzip file")
      })
  }

  @Test func anUnwritableFolderIsReported() throws {
    let mirror = Mirror(["good": { $0 }])
    let downloader = mirror.downloader(["good"], files: Self.checksums)
    try DataTestSupport.withTemporaryDirectory { directory in
      // A file where the folder should be: creating the folder fails.
      try DataTestSupport.write([1], to: directory + "/raw")
      let error = try #require(throws: DatasetError.self) {
        try downloader.download(variant: .mnist, into: directory + "/raw")
      }
      guard case .cannotWrite(let path, let reason) = error else {
        Issue.record("expected a write error, got \(error)")
        return
      }
      #expect(path == directory + "/raw/train-images-idx3-ubyte" && !reason.isEmpty)
      #expect(error.notes == ["choose a root folder you can write to"])
    }
  }

  @Test func standardTablesCoverBothVariants() {
    for variant in MNISTDataset.Variant.allCases {
      #expect(DatasetDownloader.checksums(for: variant).count == 4)
      #expect(!DatasetDownloader.standardMirrors(for: variant).isEmpty)
    }
  }

  @Test(
    .enabled(
      if: DataTestSupport.realMNISTDirectory != nil, "real MNIST not found (set CNN_LESSON_MNIST)"))
  func knownChecksumsMatchTheRealLabelFiles() throws {
    let directory = try #require(DataTestSupport.realMNISTDirectory)
    for (name, sha256) in DatasetDownloader.checksums(for: .mnist) where name.contains("labels") {
      let bytes = try Gzip.decompress(try DataTestSupport.readBytes(directory + "/" + name + ".gz"))
      #expect(SHA256.hexDigest(bytes) == sha256)
    }
  }
}
