import Testing

@testable import DataIO

@Suite struct CRC32Tests {
  @Test func checkValue() {
    // The standard check value of CRC-32/ISO-HDLC.
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([]) == 0)
  }

  @Test func slicingMatchesBytewiseAcrossLengths() {
    let text = Array(InflateTests.foxText.utf8)
    #expect(CRC32.checksum(text) == 0x384E_D037)  // zlib.crc32 of the same text
    // Continuing over two halves gives the checksum of the whole, at every split.
    for split in [0, 1, 7, 8, 9, 100, text.count] {
      let first = text[..<split].withUnsafeBufferPointer { CRC32.checksum($0) }
      let whole = text[split...].withUnsafeBufferPointer { CRC32.checksum($0, continuing: first) }
      #expect(whole == 0x384E_D037)
    }
  }
}
