import DataIO

/// An error loading, downloading, indexing or batching a dataset, as a case with its data.
///
/// `message` is torchvision's or PyTorch's wording where they have one (`Dataset not found. You can
/// use download=True to download it`), `notes` say in plain words where the program looked and
/// what went wrong, and `category` is the Python exception a PyTorch user would see. Advice on how
/// to provide a missing dataset to the program (a command-line option) is not here: the command
/// line gives it, from the dataset's name and the folders searched.
public enum DatasetError: Error, Equatable, Sendable {
  /// The split's files are in none of the folders searched.
  case notFound(DatasetSearch)
  /// `download=True`, and no mirror served `file` (without `.gz`) intact.
  case downloadFailed(file: String, attempts: [DownloadAttempt], search: DatasetSearch)
  /// A downloaded file could not be written to `path`; `reason` is in plain words.
  case cannotWrite(path: String, reason: String)
  /// `root` (as the lesson wrote it) resolves to `resolved`, outside every folder in `allowed`
  /// (the lesson's folder, the cache, the `--data` folders).
  case rootOutside(root: String, resolved: String, allowed: [String])
  /// A dataset file that exists but is not what it should be.
  case damagedFile(path: String, problem: FileProblem)
  /// The image and label files of one split hold different numbers of items.
  case splitMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
  /// `bytes` image bytes that do not make `labels` images of `rows` x `columns`.
  case imageBytes(bytes: Int, labels: Int, rows: Int, columns: Int)
  /// An item index outside a dataset of `count` items.
  case indexOutOfRange(index: Int, count: Int)
  /// A transform pipeline that torchvision would reject.
  case transform(TransformProblem)
  /// A batch of images that are not tensors (the dataset has no `ToTensor()`).
  case untransformedBatch
  /// `DataLoader(batch_size=)` below 1.
  case invalidBatchSize(Int)
  /// `DataLoader(shuffle=True)` without a random generator.
  case shuffleWithoutGenerator

  /// What is wrong with a dataset file.
  public enum FileProblem: Equatable, Sendable {
    /// It exists but cannot be read, for `reason` (in plain words).
    case unreadable(String)
    /// It starts like gzip but does not decode.
    case invalidGzip(InflateError)
    /// Its first four bytes `magic` are not an IDX header of unsigned bytes (of rank `rank`).
    case badMagic(magic: [UInt8], rank: Int?)
    /// It holds an array of `found` dimensions where `expected` were asked for.
    case wrongRank(found: Int, expected: Int)
    /// It ends inside its header.
    case truncatedHeader
    /// Its header promises `dimensions` but `bytes` bytes of data follow.
    case wrongLength(dimensions: [Int], bytes: Int)
    /// It is gzipped and decompresses to more than the `dimensions` its header promises
    /// (decoding stopped there).
    case longerThanHeader(dimensions: [Int])
    /// Its header promises `dimensions` of more bytes than any file read here may hold (4 GiB),
    /// or than its compressed size can produce.
    case implausibleSize(dimensions: [Int])
    /// Its SHA-256 is `actual`, not the `expected` that the `SHA256SUMS` file beside it lists.
    case checksumMismatch(actual: String, expected: String)
  }

  /// A transform pipeline that torchvision would reject.
  public enum TransformProblem: Equatable, Sendable {
    /// `ToTensor()` applied to a tensor (it appears twice).
    case toTensorTwice
    /// `Normalize` applied before `ToTensor()`.
    case normalizeBeforeToTensor
    /// A standard deviation of 0.
    case zeroStd
    /// `values` means or stds for images of `shape` (neither 1 nor one per channel).
    case normalizeShape(shape: [Int], values: Int)
  }

  /// True when the data is not on this machine and could not be downloaded: not a mistake in the
  /// lesson, so a runner may skip what needs it.
  public var isUnavailable: Bool {
    switch self {
    case .notFound, .downloadFailed: true
    default: false
    }
  }

  /// Where the files were looked for, when the error means the data is not on this machine.
  public var search: DatasetSearch? {
    switch self {
    case .notFound(let search), .downloadFailed(_, _, let search): search
    default: nil
    }
  }
}

/// Where a dataset's files were looked for: which dataset, which files, and every folder searched.
public struct DatasetSearch: Equatable, Sendable {
  /// MNIST or Fashion-MNIST.
  public var variant: MNISTDataset.Variant
  /// The files looked for, without `.gz` (each may be stored plain or gzipped).
  public var files: [String]
  /// Every folder searched, in order.
  public var folders: [String]
  /// Where `download=True` writes the files.
  public var downloadFolder: String

  /// A search of `folders` for `files` of `variant`.
  public init(
    variant: MNISTDataset.Variant, files: [String], folders: [String], downloadFolder: String
  ) {
    self.variant = variant
    self.files = files
    self.folders = folders
    self.downloadFolder = downloadFolder
  }

  /// The dataset's name, torchvision's class name (`MNIST`, `FashionMNIST`).
  public var dataset: String { variant.rawValue }
}

/// One try to fetch a file from one mirror, and why it brought nothing usable.
public struct DownloadAttempt: Equatable, Sendable {
  /// The URL tried.
  public var address: String
  /// What went wrong.
  public var failure: Failure

  /// Why a mirror's file was not used.
  public enum Failure: Equatable, Sendable {
    /// The transfer failed (no answer, a status other than 200).
    case transfer(DownloadError)
    /// The body is not valid gzip.
    case invalidGzip(InflateError)
    /// The body decompresses but is not the IDX file it should be.
    case notIDX(DatasetError.FileProblem)
    /// The decompressed bytes have SHA-256 `actual`, not the known `expected`.
    case checksumMismatch(actual: String, expected: String)
  }

  /// An attempt at `address` that failed with `failure`.
  public init(address: String, failure: Failure) {
    self.address = address
    self.failure = failure
  }
}
