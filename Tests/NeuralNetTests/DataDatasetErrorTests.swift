import DataIO
import Testing

@testable import NeuralNet

/// Every case's message, notes and Python class; the not-found cases carry the dataset's name and
/// the folders searched, and no command-line advice.
@Suite struct DataDatasetErrorTests {
  static let search = DatasetSearch(
    variant: .mnist, files: ["a", "b"], folders: ["/x", "/y"], downloadFolder: "/x/MNIST/raw")

  @Test func notFound() {
    let error = DatasetError.notFound(Self.search)
    #expect(error.message == "Dataset not found. You can use download=True to download it")
    #expect(
      error.notes == [
        "looked for a[.gz] and b[.gz] in:", "  /x", "  /y",
        "pass download=True to fetch them into /x/MNIST/raw",
      ])
    #expect(error.category == .runtime && error.isUnavailable && error.search == Self.search)
    var fashion = Self.search
    fashion.variant = .fashionMNIST
    let fashionError = DatasetError.notFound(fashion)
    #expect(fashion.dataset == "FashionMNIST")
    #expect(fashionError.notes.last?.contains("apt-get install dataset-fashion-mnist") == true)
  }

  @Test func downloadFailed() {
    let attempts = [
      DownloadAttempt(address: "http://a/f.gz", failure: .transfer(.status(404))),
      DownloadAttempt(address: "http://b/f.gz", failure: .invalidGzip(.truncated)),
      DownloadAttempt(
        address: "http://c/f.gz", failure: .checksumMismatch(actual: "1", expected: "2")),
    ]
    var search = Self.search
    search.files = ["a", "b", "c", "d"]
    let error = DatasetError.downloadFailed(file: "f", attempts: attempts, search: search)
    #expect(error.message == "Error downloading f.gz")
    #expect(
      error.notes == [
        "looked for a[.gz], b[.gz], c[.gz] and d[.gz] in:", "  /x", "  /y", "tried:",
        "  http://a/f.gz: HTTP 404",
        "  http://b/f.gz: not a valid gzip file (unexpected end of compressed data)",
        "  http://c/f.gz: checksum mismatch (SHA-256 1, expected 2)",
      ])
    #expect(error.category == .runtime && error.isUnavailable && error.search == search)
  }

  @Test(arguments: [
    (
      DatasetError.FileProblem.unreadable("permission denied"), "cannot read /f: permission denied",
      ["check that the file exists and that you may read it"] as [String]?
    ),
    (
      .invalidGzip(.truncated), "/f is not a valid gzip file: unexpected end of compressed data",
      nil
    ),
    (
      .badMagic(magic: [0x89, 0x50, 0x4E, 0x47], rank: 3),
      "/f is not an IDX file of images: its magic number is 0x89504e47, expected 0x00000803", nil
    ),
    (
      .badMagic(magic: [0, 0], rank: nil),
      "/f is not an IDX file of an array: its magic number is 0x0000, expected 0x000008nn", nil
    ),
    (
      .wrongRank(found: 1, expected: 3),
      "/f holds a 1-dimensional array, expected 3 dimensions (images)",
      ["is this the images file? its name may be swapped with another"]
    ),
    (.truncatedHeader, "/f is truncated: its header is incomplete", nil),
    (
      .wrongLength(dimensions: [3], bytes: 2),
      "/f is truncated: the header promises 3 = 3 bytes of data but the file holds 2", nil
    ),
    (
      .wrongLength(dimensions: [2, 2], bytes: 5),
      "/f is longer than its header says: the header promises 2 x 2 = 4 bytes of data but the file holds 5",
      nil
    ),
  ])
  func damagedFiles(_ problem: DatasetError.FileProblem, _ message: String, _ notes: [String]?) {
    let error = DatasetError.damagedFile(path: "/f", problem: problem)
    #expect(error.message == message)
    #expect(error.notes == notes ?? DatasetError.FileProblem.damagedNotes)
    #expect(error.category == .runtime && !error.isUnavailable)
    #expect(!error.notes.contains { $0.contains("--data") })
  }

  @Test(arguments: [
    (
      DatasetError.cannotWrite(path: "/r/f", reason: "denied"), "cannot write /r/f: denied",
      ["choose a root folder you can write to"], TensorError.Category.runtime
    ),
    (
      .splitMismatch(images: "/i", imageCount: 4, labels: "/l", labelCount: 3),
      "/i holds 4 images but /l holds 3 labels",
      ["the two files should come from the same split of the same dataset"]
        + DatasetError.FileProblem.damagedNotes, .runtime
    ),
    (
      .imageBytes(bytes: 3, labels: 1, rows: 2, columns: 2),
      "3 image bytes do not make 1 images of 2 x 2 pixels", [], .runtime
    ),
    (
      .indexOutOfRange(index: 2, count: 2), "index 2 is out of bounds for dimension 0 with size 2",
      [], .index
    ),
    (
      .untransformedBatch,
      "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found <class 'PIL.Image.Image'>",
      [
        "without transforms.ToTensor() the dataset hands out images; pass transform=transforms.ToTensor()"
      ], .type
    ),
    (
      .invalidBatchSize(0), "batch_size should be a positive integer value, but got batch_size=0",
      [], .value
    ),
    (.shuffleWithoutGenerator, "DataLoader(shuffle=True) needs a random generator", [], .value),
    (
      .transform(.toTensorTwice), "pic should be PIL Image or ndarray. Got <class 'torch.Tensor'>",
      ["transforms.ToTensor() appears twice; the second one receives a tensor"], .type
    ),
    (
      .transform(.normalizeBeforeToTensor),
      "img should be Tensor Image. Got <class 'PIL.Image.Image'>",
      ["put transforms.ToTensor() before transforms.Normalize(...) in Compose([...])"], .type
    ),
    (
      .transform(.zeroStd),
      "std evaluated to zero after conversion to torch.float32, leading to division by zero.", [],
      .value
    ),
    (
      .transform(.normalizeShape(shape: [1, 28, 28], values: 3)),
      "output with shape [1, 28, 28] doesn't match the broadcast shape [3, 28, 28]",
      ["Normalize needs one mean and one std per channel; these images have 1 channel(s)"],
      .runtime
    ),
  ])
  func otherCases(
    _ error: DatasetError, _ message: String, _ notes: [String], _ category: TensorError.Category
  ) {
    #expect(error.message == message && error.description == message)
    #expect(error.notes == notes)
    #expect(error.category == category)
    #expect(!error.isUnavailable && error.search == nil)
  }
}
