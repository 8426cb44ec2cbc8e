import Dispatch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Fetches the four IDX files of MNIST or Fashion-MNIST (`download=True`): each `<name>.gz` from the
/// first mirror that serves it, gunzipped, checked against the known SHA-256 of its decompressed
/// bytes, and written atomically (temporary file, then rename) as `<name>` into torchvision's
/// `root/<Variant>/raw`.
public struct DatasetDownloader: Sendable {
  /// Base URLs, each ending in `/`, tried in order for every file.
  public var mirrors: [String]
  /// Seconds to wait for one file from one mirror.
  public var timeout: Double
  /// The files to fetch and their checksums, instead of `checksums(for:)` (tests serve their own).
  public var files: [(name: String, sha256: String)]?

  /// A downloader with explicit mirrors (tests point it at a local server).
  public init(
    mirrors: [String], files: [(name: String, sha256: String)]? = nil, timeout: Double = 120
  ) {
    self.mirrors = mirrors
    self.files = files
    self.timeout = timeout
  }

  /// A downloader with the usual public mirrors of `variant`.
  public init(variant: MNISTDataset.Variant) {
    self.init(mirrors: Self.standardMirrors(for: variant))
  }

  /// The mirrors torchvision (and TensorFlow, for MNIST) download from.
  public static func standardMirrors(for variant: MNISTDataset.Variant) -> [String] {
    switch variant {
    case .mnist:
      return [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
        "http://yann.lecun.com/exdb/mnist/",
      ]
    case .fashionMNIST:
      return ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"]
    }
  }

  /// The four files of `variant` and the SHA-256 of each decompressed file.
  public static func checksums(for variant: MNISTDataset.Variant) -> [(
    name: String, sha256: String
  )] {
    switch variant {
    case .mnist:
      return [
        (
          "train-images-idx3-ubyte",
          "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
        ),
        (
          "train-labels-idx1-ubyte",
          "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"
        ),
        (
          "t10k-images-idx3-ubyte",
          "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"
        ),
        (
          "t10k-labels-idx1-ubyte",
          "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
        ),
      ]
    case .fashionMNIST:
      return [
        (
          "train-images-idx3-ubyte",
          "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"
        ),
        (
          "train-labels-idx1-ubyte",
          "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"
        ),
        (
          "t10k-images-idx3-ubyte",
          "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"
        ),
        (
          "t10k-labels-idx1-ubyte",
          "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"
        ),
      ]
    }
  }

  /// Downloads every file of `variant` (or `files`) missing from `directory` (created if needed).
  public func download(variant: MNISTDataset.Variant, into directory: String) throws {
    try download(files: files ?? Self.checksums(for: variant), into: directory)
  }

  /// Downloads each `<name>.gz` whose `<name>` is not yet in `directory` and writes `<name>`.
  public func download(files: [(name: String, sha256: String)], into directory: String) throws {
    for file in files where MNISTDataset.existingFile(file.name, in: directory) == nil {
      let bytes = try fetchVerified(file.name, sha256: file.sha256)
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
        try Data(bytes).write(
          to: URL(fileURLWithPath: MNISTDataset.join(directory, file.name)), options: .atomic)
      } catch {
        throw DatasetError(
          "cannot write \(MNISTDataset.join(directory, file.name)): \(error.localizedDescription)",
          notes: ["choose a root folder you can write to"])
      }
    }
  }

  /// The decompressed bytes of `<name>.gz` from the first mirror that serves them intact.
  private func fetchVerified(_ name: String, sha256: String) throws -> [UInt8] {
    var failures: [String] = []
    for mirror in mirrors {
      let address = mirror + name + ".gz"
      do {
        let bytes = try Gzip.decompress(try fetch(address))
        let digest = SHA256.hexDigest(bytes)
        if digest == sha256 { return bytes }
        failures.append("\(address): checksum mismatch (SHA-256 \(digest), expected \(sha256))")
      } catch let error as InflateError {
        failures.append("\(address): not a valid gzip file (\(error.message))")
      } catch let error as DatasetError {
        failures.append("\(address): \(error.message)")
      }
    }
    var error = DatasetError(
      "Error downloading \(name).gz",
      notes: ["tried:"] + failures.map { "  " + $0 }
        + ["without network access, copy the four .gz files into a folder and run with --data DIR"])
    error.isUnavailable = true
    throw error
  }

  /// One HTTP GET, waited for; anything but status 200 with a body throws.
  private func fetch(_ address: String) throws -> [UInt8] {
    guard let url = URL(string: address) else { throw DatasetError("invalid URL") }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }
    let reply = Reply()
    let done = DispatchSemaphore(value: 0)
    let task = session.dataTask(with: url) { data, response, error in
      reply.data = data
      reply.status = (response as? HTTPURLResponse)?.statusCode
      reply.error = error
      done.signal()
    }
    task.resume()
    guard done.wait(timeout: .now() + timeout + 5) == .success else {
      task.cancel()
      throw DatasetError("no answer within \(Int(timeout)) s")
    }
    if let error = reply.error { throw DatasetError(error.localizedDescription) }
    guard reply.status == 200, let data = reply.data else {
      throw DatasetError("HTTP \(reply.status.map(String.init) ?? "error")")
    }
    return [UInt8](data)
  }
}

/// The completion handler's results, handed over to the waiting thread by the semaphore.
private final class Reply: @unchecked Sendable {
  var data: Data?
  var status: Int?
  var error: Error?
}
