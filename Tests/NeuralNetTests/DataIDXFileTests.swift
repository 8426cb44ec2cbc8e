import DataIO
import Testing

@testable import NeuralNet

@Suite struct DataIDXFileTests {
  let labels = DataTestSupport.idx(dims: [3], data: [5, 0, 4])

  @Test func readsPlainAndGzipped() throws {
    let split = DataTestSupport.syntheticSplit(count: 2, rows: 3, columns: 2)
    for bytes in [split.images, DataTestSupport.gzipStored(split.images)] {
      let file = try IDXFile(data: bytes, name: "x", rank: 3)
      #expect(file.dimensions == [2, 3, 2])
      #expect(file.bytes == [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12])
    }
  }

  @Test func readsFromDisk() throws {
    try DataTestSupport.withTemporaryDirectory { directory in
      try DataTestSupport.write(DataTestSupport.gzipStored(labels), to: directory + "/labels.gz")
      let file = try IDXFile(contentsOf: directory + "/labels.gz", rank: 1)
      #expect(file.dimensions == [3])
      #expect(file.bytes == [5, 0, 4])
      #expect(
        throws: DatasetError.damagedFile(
          path: directory + "/none", problem: .unreadable("no such file or folder"))
      ) {
        try IDXFile(contentsOf: directory + "/none", rank: 1)
      }
      #expect(
        throws: DatasetError.damagedFile(path: directory, problem: .unreadable("is a folder"))
      ) {
        try IDXFile(contentsOf: directory, rank: 1)
      }
    }
  }

  @Test func wrongMagicNamesTheFile() {
    #expect(
      throws: DatasetError.damagedFile(
        path: "data/a", problem: .badMagic(magic: [0x89, 0x50, 0x4E, 0x47], rank: 3))
    ) {
      try IDXFile(data: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], name: "data/a", rank: 3)
    }
  }

  @Test func rankMismatchSuggestsSwappedFiles() throws {
    #expect(throws: DatasetError.damagedFile(path: "f", problem: .wrongRank(found: 1, expected: 3)))
    {
      try IDXFile(data: labels, name: "f", rank: 3)
    }
  }

  @Test func truncatedOrOverlongData() {
    #expect(
      throws: DatasetError.damagedFile(path: "f", problem: .wrongLength(dimensions: [3], bytes: 2))
    ) { try IDXFile(data: labels.dropLast(), name: "f", rank: 1) }
    #expect(
      throws: DatasetError.damagedFile(path: "f", problem: .wrongLength(dimensions: [3], bytes: 4))
    ) { try IDXFile(data: labels + [1], name: "f", rank: 1) }
    #expect(throws: DatasetError.damagedFile(path: "f", problem: .truncatedHeader)) {
      try IDXFile(data: [0, 0, 8, 3, 0, 0], name: "f", rank: 3)
    }
  }

  @Test func hugeDimensionsDoNotOverflow() {
    let header: [UInt8] = [0, 0, 8, 3] + [UInt8](repeating: 0xFF, count: 12)
    let huge = [Int](repeating: 0xFFFF_FFFF, count: 3)
    #expect(
      throws: DatasetError.damagedFile(path: "f", problem: .wrongLength(dimensions: huge, bytes: 0))
    ) { try IDXFile(data: header, name: "f", rank: 3) }
  }

  @Test func corruptGzipSaysWhatToDo() throws {
    var gz = DataTestSupport.gzipStored(labels)
    gz[gz.count - 6] ^= 0xFF
    let error = try #require(throws: DatasetError.self) {
      try IDXFile(data: gz, name: "f.gz", rank: 1)
    }
    guard case .damagedFile("f.gz", .invalidGzip(.checksumMismatch(.data, _, _))) = error else {
      Issue.record("expected a CRC-32 mismatch in f.gz, got \(error)")
      return
    }
  }

  @Test func gzippedDataLongerThanItsHeaderStopsThere() throws {
    // The header promises 2 images of 3 x 2; the data holds 50,000 more bytes.
    let header = DataTestSupport.idx(dims: [2, 3, 2], data: [])
    let gz = DataTestSupport.gzipStored(header + [UInt8](repeating: 7, count: 50_012))
    let error = try #require(throws: DatasetError.self) {
      try IDXFile(data: gz, name: "f.gz", rank: 3)
    }
    #expect(error == .damagedFile(path: "f.gz", problem: .longerThanHeader(dimensions: [2, 3, 2])))
    #expect(
      error.message
        == "f.gz is longer than its header says: the header promises 2 x 3 x 2 = 12 bytes of "
        + "data but the file decompresses to more (decoding stopped there)")
    #expect(error.notes == DatasetError.FileProblem.damagedNotes)
  }

  @Test func gzippedHeaderPromisingMoreThanTheFileCanHoldIsRefused() throws {
    let huge = [60_000, 65_535, 65_535]
    let gz = DataTestSupport.gzipStored(DataTestSupport.idx(dims: huge, data: [1, 2, 3]))
    #expect(
      throws: DatasetError.damagedFile(path: "f.gz", problem: .implausibleSize(dimensions: huge))
    ) {
      try IDXFile(data: gz, name: "f.gz", rank: 3)
    }
    // Under 4 GiB but beyond what 30-odd compressed bytes can hold: refused before allocating.
    let big = [1000, 1000, 1000]
    #expect(
      throws: DatasetError.damagedFile(path: "g.gz", problem: .implausibleSize(dimensions: big))
    ) {
      try IDXFile(
        data: DataTestSupport.gzipStored(DataTestSupport.idx(dims: big, data: [])), name: "g.gz",
        rank: 3)
    }
  }

  @Test func gzippedTruncatedDataIsReportedWithItsLength() {
    let gz = DataTestSupport.gzipStored(DataTestSupport.idx(dims: [4], data: [1, 2]))
    #expect(
      throws: DatasetError.damagedFile(path: "f", problem: .wrongLength(dimensions: [4], bytes: 2))
    ) { try IDXFile(data: gz, name: "f", rank: 1) }
  }
}
