import DataIO

/// The one place where `DatasetError`'s cases become text and a Python exception class.
extension DatasetError: PyTorchError {
  /// The message, torchvision's or PyTorch's wording where they have one.
  public var message: String {
    switch self {
    case .notFound: "Dataset not found. You can use download=True to download it"
    case .downloadFailed(let file, _, _): "Error downloading \(file).gz"
    case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
    case .rootOutside(let root, let resolved, _):
      "root='\(root)' is outside the lesson's folder: it resolves to \(resolved)"
    case .damagedFile(let path, let problem): problem.message(path: path)
    case .splitMismatch(let images, let imageCount, let labels, let labelCount):
      "\(images) holds \(imageCount) images but \(labels) holds \(labelCount) labels"
    case .imageBytes(let bytes, let labels, let rows, let columns):
      "\(bytes) image bytes do not make \(labels) images of \(rows) x \(columns) pixels"
    case .indexOutOfRange(let index, let count):
      "index \(index) is out of bounds for dimension 0 with size \(count)"
    case .transform(let problem): problem.message
    case .untransformedBatch:
      "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found "
        + "<class 'PIL.Image.Image'>"
    case .invalidBatchSize(let size):
      "batch_size should be a positive integer value, but got batch_size=\(size)"
    case .shuffleWithoutGenerator: "DataLoader(shuffle=True) needs a random generator"
    }
  }

  /// Where the program looked, what it tried, what is wrong, in plain words.
  public var notes: [String] {
    switch self {
    case .notFound(let search):
      var notes =
        search.lookedFor + ["pass download=True to fetch them into \(search.downloadFolder)"]
      if search.variant == .fashionMNIST {
        notes.append(
          "on Debian or Ubuntu, `apt-get install dataset-fashion-mnist` puts them in "
            + "/usr/share/datasets/fashion-mnist")
      }
      return notes
    case .downloadFailed(_, let attempts, let search):
      return search.lookedFor + ["tried:"] + attempts.map { "  " + $0.text }
    case .cannotWrite: return ["choose a root folder you can write to"]
    case .rootOutside(_, _, let allowed):
      return ["a dataset root must be inside one of: " + allowed.joined(separator: ", ")]
        + ["use a folder next to the lesson, such as root='./data/'"]
    case .damagedFile(_, let problem): return problem.notes
    case .splitMismatch:
      return ["the two files should come from the same split of the same dataset"]
        + FileProblem.damagedNotes
    case .transform(let problem): return problem.notes
    case .untransformedBatch:
      return [
        "without transforms.ToTensor() the dataset hands out images; pass transform=transforms.ToTensor()"
      ]
    case .imageBytes, .indexOutOfRange, .invalidBatchSize, .shuffleWithoutGenerator: return []
    }
  }

  /// The Python exception class torchvision or PyTorch raises.
  public var category: TensorError.Category {
    switch self {
    case .indexOutOfRange: .index
    case .untransformedBatch, .transform(.toTensorTwice), .transform(.normalizeBeforeToTensor):
      .type
    case .transform(.zeroStd), .invalidBatchSize, .shuffleWithoutGenerator, .rootOutside: .value
    default: .runtime
    }
  }

  /// The message alone (the lesson layer adds the exception name and notes).
  public var description: String { message }
}

extension DatasetSearch {
  /// `looked for <images>[.gz] and <labels>[.gz] in:`, then each folder on a line of its own.
  var lookedFor: [String] {
    let names = files.map { $0 + "[.gz]" }
    let list =
      names.count <= 2
      ? names.joined(separator: " and ")
      : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    return ["looked for \(list) in:"] + folders.map { "  " + $0 }
  }
}

extension DownloadAttempt {
  /// `<address>: <what went wrong>`.
  var text: String {
    switch failure {
    case .transfer(let error): "\(address): \(error.message)"
    case .invalidGzip(let error): "\(address): not a valid gzip file (\(error.message))"
    case .notIDX(let problem): problem.message(path: address)
    case .checksumMismatch(let actual, let expected):
      "\(address): checksum mismatch (SHA-256 \(actual), expected \(expected))"
    }
  }
}

extension DatasetError.FileProblem {
  /// What to do about a file that is not what it should be.
  static let damagedNotes = [
    "the file is damaged or is not an MNIST file; delete it and download it again (download=True), "
      + "or use a folder holding the original files"
  ]

  func message(path: String) -> String {
    switch self {
    case .unreadable(let reason):
      return "cannot read \(path): \(reason)"
    case .invalidGzip(let error):
      return "\(path) is not a valid gzip file: \(error.message)"
    case .badMagic(let magic, let rank):
      let hex = magic.prefix(4).map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }
      let expected = rank == 1 ? "0x00000801" : rank == 3 ? "0x00000803" : "0x000008nn"
      return "\(path) is not an IDX file of \(Self.kind(rank)): its magic number is "
        + "0x\(hex.joined()), expected \(expected)"
    case .wrongRank(let found, let expected):
      return "\(path) holds a \(found)-dimensional array, expected \(expected) dimensions "
        + "(\(Self.kind(expected)))"
    case .truncatedHeader:
      return "\(path) is truncated: its header is incomplete"
    case .wrongLength(let dimensions, let bytes):
      let expected = Self.byteCount(dimensions)
      let shape = Self.shapeText(dimensions)
      return "\(path) is \(bytes < expected ? "truncated" : "longer than its header says"): the "
        + "header promises \(shape) = \(expected) bytes of data but the file holds \(bytes)"
    case .longerThanHeader(let dimensions):
      return "\(path) is longer than its header says: the header promises "
        + "\(Self.shapeText(dimensions)) = \(Self.byteCount(dimensions)) bytes of data but the "
        + "file decompresses to more (decoding stopped there)"
    case .implausibleSize(let dimensions):
      return "\(path) has an implausible header: it promises \(Self.shapeText(dimensions)) = "
        + "\(Self.byteCount(dimensions)) bytes of data, more than the file can hold"
    case .checksumMismatch(let actual, let expected):
      return "\(path) is not the file its SHA256SUMS lists: its SHA-256 is \(actual), expected "
        + expected
    }
  }

  var notes: [String] {
    switch self {
    case .unreadable: ["check that the file exists and that you may read it"]
    case .checksumMismatch:
      [
        "the copy is damaged or was changed; restore it (in a checkout: git checkout -- the "
          + "file), or use a folder holding the original files with --data DIR"
      ]
    case .wrongRank(_, let expected):
      [
        "is this the \(expected == 1 ? "labels" : "images") file? its name may be swapped with "
          + "another"
      ]
    case .invalidGzip, .badMagic, .truncatedHeader, .wrongLength, .longerThanHeader,
      .implausibleSize:
      Self.damagedNotes
    }
  }

  /// What an IDX file of `rank` dimensions holds in MNIST.
  private static func kind(_ rank: Int?) -> String {
    rank == 1 ? "labels" : rank == 3 ? "images" : "an array"
  }

  /// `60000 x 28 x 28`.
  static func shapeText(_ dimensions: [Int]) -> String {
    dimensions.map(String.init).joined(separator: " x ")
  }

  /// The number of data bytes `dimensions` promise (`Int.max` when that overflows).
  static func byteCount(_ dimensions: [Int]) -> Int {
    dimensions.reduce(1) { product, size in
      let (result, overflow) = product.multipliedReportingOverflow(by: size)
      return overflow ? Int.max : result
    }
  }
}

extension DatasetError.TransformProblem {
  var message: String {
    switch self {
    case .toTensorTwice: "pic should be PIL Image or ndarray. Got <class 'torch.Tensor'>"
    case .normalizeBeforeToTensor: "img should be Tensor Image. Got <class 'PIL.Image.Image'>"
    case .zeroStd:
      "std evaluated to zero after conversion to torch.float32, leading to division by zero."
    case .normalizeShape(let shape, let values):
      "output with shape \(shapeText(shape)) doesn't match the broadcast shape "
        + shapeText([values] + shape.dropFirst())
    }
  }

  var notes: [String] {
    switch self {
    case .toTensorTwice: ["transforms.ToTensor() appears twice; the second one receives a tensor"]
    case .normalizeBeforeToTensor:
      ["put transforms.ToTensor() before transforms.Normalize(...) in Compose([...])"]
    case .zeroStd: []
    case .normalizeShape(let shape, _):
      [
        "Normalize needs one mean and one std per channel; these images have "
          + "\(shape.first ?? 0) channel(s)"
      ]
    }
  }
}
