import DataIO

/// Fetches the four IDX files of MNIST or Fashion-MNIST (`download=True`): each `<name>.gz` from the
/// first mirror that serves it, gunzipped, checked against the known SHA-256 of its decompressed
/// bytes, and written atomically (temporary file, then rename) as `<name>` into torchvision's
/// `root/<Variant>/raw`.
public struct DatasetDownloader: Sendable {
  /// Base URLs, each ending in `/`, tried in order for every file.
  public var mirrors: [String]
  /// The files to fetch and their checksums, instead of `checksums(for:)` (tests serve their own).
  public var files: [(name: String, sha256: String)]?
  /// Fetches the body of one URL, throwing a `DownloadError` (an `HTTPClient` by default; tests
  /// serve files from memory).
  public var fetch: @Sendable (String) throws -> [UInt8]

  /// A downloader with explicit mirrors, fetching over HTTP with `timeout` seconds per file.
  public init(
    mirrors: [String], files: [(name: String, sha256: String)]? = nil, timeout: Double = 120
  ) {
    let client = HTTPClient(timeout: timeout)
    self.init(mirrors: mirrors, files: files) { try client.get($0) }
  }

  /// A downloader with explicit mirrors that fetches each URL with `fetch`.
  public init(
    mirrors: [String], files: [(name: String, sha256: String)]? = nil,
    fetch: @escaping @Sendable (String) throws -> [UInt8]
  ) {
    self.mirrors = mirrors
    self.files = files
    self.fetch = fetch
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
  /// When a file cannot be fetched, the error names the dataset and `directory` as the search.
  public func download(variant: MNISTDataset.Variant, into directory: String) throws {
    let files = files ?? Self.checksums(for: variant)
    let search = DatasetSearch(
      variant: variant, files: files.map(\.name), folders: [directory], downloadFolder: directory)
    for file in files where MNISTDataset.existingFile(file.name, in: directory) == nil {
      let bytes = try fetchVerified(file.name, sha256: file.sha256, search: search)
      let path = MNISTDataset.join(directory, file.name)
      do {
        try AtomicFile.createFolders(directory)
        try AtomicFile.write(bytes, to: path)
      } catch {
        throw DatasetError.cannotWrite(path: path, reason: error.reason)
      }
    }
  }

  /// The decompressed bytes of `<name>.gz` from the first mirror that serves them intact.
  private func fetchVerified(_ name: String, sha256: String, search: DatasetSearch) throws
    -> [UInt8]
  {
    var attempts: [DownloadAttempt] = []
    for mirror in mirrors {
      let address = mirror + name + ".gz"
      do {
        // Bounded by the size the IDX header announces (a forged file stops there).
        let bytes = try IDXFile.gunzip(try fetch(address), name: address, rank: nil)
        let digest = SHA256.hexDigest(bytes)
        if digest == sha256 { return bytes }
        attempts.append(
          DownloadAttempt(
            address: address, failure: .checksumMismatch(actual: digest, expected: sha256)))
      } catch let error as InflateError {
        attempts.append(DownloadAttempt(address: address, failure: .invalidGzip(error)))
      } catch DatasetError.damagedFile(_, .invalidGzip(let error)) {
        attempts.append(DownloadAttempt(address: address, failure: .invalidGzip(error)))
      } catch DatasetError.damagedFile(_, let problem) {
        attempts.append(DownloadAttempt(address: address, failure: .notIDX(problem)))
      } catch let error as DownloadError {
        attempts.append(DownloadAttempt(address: address, failure: .transfer(error)))
      }
    }
    throw DatasetError.downloadFailed(file: name, attempts: attempts, search: search)
  }
}
