import Foundation
import Testing

@testable import NeuralNet

/// The download path against `DataTestHTTPServer` on 127.0.0.1, serving synthetic `.gz` IDX files.
@Suite struct DataDownloadTests {
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

  /// Routes serving every file gzipped under `/<prefix>/`.
  static func routes(_ prefix: String, transform: ([UInt8]) -> [UInt8] = { $0 }) -> [String:
    [UInt8]]
  {
    Dictionary(
      uniqueKeysWithValues: files.map {
        ("/\(prefix)/\($0.name).gz", transform(DataTestSupport.gzipStored($0.bytes)))
      })
  }

  @Test func downloadsIntoTorchvisionLayoutTryingMirrorsInOrder() throws {
    let server = try DataTestHTTPServer(routes: Self.routes("good"))
    defer { server.stop() }
    let root = try DataTestSupport.makeTemporaryDirectory()
    let downloader = DatasetDownloader(
      mirrors: [server.baseURL("missing"), server.baseURL("good")], files: Self.checksums,
      timeout: 10)
    let train = try MNISTDataset(root: root, download: true, defaults: [], downloader: downloader)
    #expect(train.count == 6)
    #expect(train.sourceDirectory == root + "/MNIST/raw")
    let written = try FileManager.default.contentsOfDirectory(atPath: root + "/MNIST/raw").sorted()
    #expect(written == Self.files.map(\.name).sorted())
    #expect(server.requestedPaths.count == 8)
    // Now present: the test split loads without downloading again.
    #expect(try MNISTDataset(root: root, train: false, defaults: []).count == 2)
  }

  @Test func checksumMismatchIsRejected() throws {
    let server = try DataTestHTTPServer(routes: Self.routes("good"))
    defer { server.stop() }
    let root = try DataTestSupport.makeTemporaryDirectory()
    var wrong = Self.checksums
    wrong[0].sha256 = String(repeating: "0", count: 64)
    let downloader = DatasetDownloader(mirrors: [server.baseURL("good")], files: wrong, timeout: 10)
    let error = try #require(throws: DatasetError.self) {
      try MNISTDataset(root: root, download: true, defaults: [], downloader: downloader)
    }
    #expect(error.message == "Error downloading train-images-idx3-ubyte.gz")
    #expect(error.notes.contains { $0.contains("checksum mismatch") })
    #expect(!FileManager.default.fileExists(atPath: root + "/MNIST/raw/train-images-idx3-ubyte"))
  }

  @Test func notFoundAndCorruptMirrorsAreReported() throws {
    let corrupt = Self.routes("corrupt") { bytes in bytes.dropLast(4) + [0, 0, 0, 0] }
    let server = try DataTestHTTPServer(routes: corrupt)
    defer { server.stop() }
    let downloader = DatasetDownloader(
      mirrors: [server.baseURL("missing"), server.baseURL("corrupt")], files: Self.checksums,
      timeout: 10)
    let error = try #require(throws: DatasetError.self) {
      try downloader.download(variant: .mnist, into: try DataTestSupport.makeTemporaryDirectory())
    }
    #expect(error.notes.contains { $0.hasSuffix("missing/train-images-idx3-ubyte.gz: HTTP 404") })
    #expect(
      error.notes.contains {
        $0.contains("corrupt/train-images-idx3-ubyte.gz: not a valid gzip file")
      })
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
