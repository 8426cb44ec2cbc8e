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
    let directory = try DataTestSupport.makeTemporaryDirectory()
    try DataTestSupport.write(DataTestSupport.gzipStored(labels), to: directory + "/labels.gz")
    let file = try IDXFile(contentsOf: directory + "/labels.gz", rank: 1)
    #expect(file.dimensions == [3])
    #expect(file.bytes == [5, 0, 4])
  }

  @Test func wrongMagicNamesTheFile() {
    #expect(
      throws: DatasetError(
        "data/a is not an IDX file of images: its magic number is 0x89504e47, expected 0x00000803",
        notes: IDXFile.damagedNotes)
    ) {
      try IDXFile(data: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], name: "data/a", rank: 3)
    }
  }

  @Test func rankMismatchSuggestsSwappedFiles() throws {
    let error = try #require(throws: DatasetError.self) {
      try IDXFile(data: labels, name: "f", rank: 3)
    }
    #expect(error.message == "f holds a 1-dimensional array, expected 3 dimensions (images)")
  }

  @Test func truncatedOrOverlongData() {
    #expect(
      throws: DatasetError(
        "f is truncated: the header promises 3 = 3 bytes of data but the file holds 2",
        notes: IDXFile.damagedNotes)
    ) { try IDXFile(data: labels.dropLast(), name: "f", rank: 1) }
    #expect(throws: DatasetError.self) { try IDXFile(data: labels + [1], name: "f", rank: 1) }
    #expect(throws: DatasetError.self) {
      try IDXFile(data: [0, 0, 8, 3, 0, 0], name: "f", rank: 3)
    }
  }

  @Test func hugeDimensionsDoNotOverflow() {
    let header: [UInt8] = [0, 0, 8, 3] + [UInt8](repeating: 0xFF, count: 12)
    #expect(throws: DatasetError.self) { try IDXFile(data: header, name: "f", rank: 3) }
  }

  @Test func corruptGzipSaysWhatToDo() throws {
    var gz = DataTestSupport.gzipStored(labels)
    gz[gz.count - 6] ^= 0xFF
    let error = try #require(throws: DatasetError.self) {
      try IDXFile(data: gz, name: "f.gz", rank: 1)
    }
    #expect(error.message == "f.gz is not a valid gzip file: incorrect data check (CRC-32)")
    #expect(error.notes == IDXFile.damagedNotes)
  }
}
