import Testing

@testable import DataIO

/// Every case's message, in zlib's words where zlib has them.
@Suite struct InflateErrorTests {
  @Test(arguments: [
    (InflateError.truncated, "unexpected end of compressed data"),
    (.invalidDeflate(.invalidBlockType), "invalid block type"),
    (.invalidDeflate(.storedLengths), "invalid stored block lengths"),
    (.invalidDeflate(.lengthCode), "invalid literal/length code"),
    (.invalidDeflate(.distanceCode), "invalid distance code"),
    (.invalidDeflate(.distanceTooFarBack), "invalid distance too far back"),
    (.invalidDeflate(.tooManySymbols), "too many length or distance symbols"),
    (.invalidDeflate(.missingEndOfBlock), "invalid code -- missing end-of-block"),
    (.invalidDeflate(.invalidRepeat), "invalid bit length repeat"),
    (.invalidDeflate(.oversubscribed), "invalid code lengths set (over-subscribed)"),
    (.invalidDeflate(.invalidCode), "invalid Huffman code"),
    (.invalidGzip(.notGzip), "not in gzip format (no 1f 8b magic number)"),
    (.invalidGzip(.unknownMethod(7)), "unknown compression method"),
    (.invalidGzip(.unknownFlags(0x20)), "unknown header flags set"),
    (.invalidGzip(.trailingGarbage), "trailing garbage after the last gzip member"),
    (.checksumMismatch(.header, stored: 1, computed: 2), "header crc mismatch"),
    (.checksumMismatch(.data, stored: 1, computed: 2), "incorrect data check (CRC-32)"),
    (.checksumMismatch(.length, stored: 1, computed: 2), "incorrect length check (ISIZE)"),
    (.trailingBytes(count: 3), "3 bytes after the DEFLATE stream"),
    (.limitExceeded(limit: 100), "decompressed data exceeds the limit of 100 bytes"),
  ])
  func message(_ error: InflateError, _ expected: String) {
    #expect(error.message == expected)
    #expect(error.description == expected)
  }
}
