/// The gzip container (RFC 1952): one or more members, each a header, a DEFLATE stream, and a
/// trailer holding the CRC-32 and the length (mod 2^32) of the member's decompressed bytes.
public enum Gzip {
  /// The default output limit, 4 GiB: far above any dataset file here, below a forged bomb.
  public static let defaultLimit = 1 << 32

  /// True when `bytes` starts with gzip's magic number 1f 8b.
  public static func hasMagic(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// Decompresses every member of `data` and concatenates their contents. Throws an `InflateError`
  /// for a bad header, a malformed DEFLATE stream, a CRC-32 or length mismatch, or bytes after the
  /// last member that are not another member, or output beyond `limit` bytes.
  public static func decompress(_ data: [UInt8], limit: Int = defaultLimit) throws -> [UInt8] {
    guard hasMagic(data) else { throw InflateError.invalidGzip(.notGzip) }
    var output = ByteBuffer(capacity: initialCapacity(data), limit: limit)
    defer { output.deallocate() }
    try decodeMembers(data, into: &output)
    return output.bytes()
  }

  /// Decompresses `data` when its size is announced (an IDX header says how many bytes follow):
  /// the output is written straight into an array of `expectedSize` bytes, and decoding stops
  /// with `limitExceeded` as soon as it would pass that size, so memory stays at the announced
  /// data. Fewer bytes than announced are returned as they are (the caller says "truncated").
  /// A size no DEFLATE stream of `data.count` bytes can reach (its best ratio is 1032:1) is
  /// refused before anything is allocated.
  public static func decompress(_ data: [UInt8], expectedSize: Int) throws -> [UInt8] {
    guard hasMagic(data) else { throw InflateError.invalidGzip(.notGzip) }
    let (reachable, overflow) = data.count.multipliedReportingOverflow(by: 1032)
    guard expectedSize >= 0, overflow || expectedSize <= reachable else {
      throw InflateError.limitExceeded(limit: overflow ? Int.max : reachable)
    }
    return try [UInt8](unsafeUninitializedCapacity: max(expectedSize, 1)) { storage, count in
      count = 0
      var output = try ByteBuffer(
        filling: UnsafeMutableBufferPointer(rebasing: storage[..<expectedSize]))
      try decodeMembers(data, into: &output)
      count = output.count
    }
  }

  /// The first `count` bytes of the decompressed data (all of it when shorter), decoding only
  /// about as far as needed: how a reader looks at a header before it knows the file's size.
  /// The members' checksums are checked only when decoding reaches their end.
  public static func prefix(_ data: [UInt8], count: Int) throws -> [UInt8] {
    guard hasMagic(data) else { throw InflateError.invalidGzip(.notGzip) }
    // One append adds at most 65,535 bytes (a stored block), so when this limit stops decoding
    // at least `count` bytes are there.
    let limit = count + 65_535
    var output = ByteBuffer(capacity: limit, limit: limit)
    defer { output.deallocate() }
    do {
      try decodeMembers(data, into: &output)
    } catch InflateError.limitExceeded {
      // Far enough.
    }
    return Array(output.bytes().prefix(count))
  }

  /// Decodes every member of `data` into `output`.
  private static func decodeMembers(_ data: [UInt8], into output: inout ByteBuffer) throws {
    try data.withUnsafeBufferPointer { bytes in
      var offset = 0
      while offset < bytes.count {
        guard offset + 2 <= bytes.count && bytes[offset] == 0x1F && bytes[offset + 1] == 0x8B else {
          throw InflateError.invalidGzip(.trailingGarbage)
        }
        offset = try decodeMember(bytes, at: offset, into: &output)
      }
    }
  }

  /// The last member's ISIZE (the whole output for the usual single member), bounded by DEFLATE's
  /// best ratio (1032:1) and by 1 GiB so a forged trailer cannot reserve gigabytes up front.
  private static func initialCapacity(_ data: [UInt8]) -> Int {
    guard data.count >= 18 else { return 64 }
    let size = Int(readLittleEndian32(data, at: data.count - 4))
    return min(size, data.count * 1032, 1 << 30)
  }

  /// Decodes the member at `start`, checks its trailer, and returns the offset after it.
  private static func decodeMember(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout ByteBuffer
  ) throws -> Int {
    let streamStart = try skipHeader(bytes, at: start)
    let outputStart = output.count
    let end = try Inflate.decodeStream(bytes, from: streamStart, into: &output)
    guard end + 8 <= bytes.count else { throw InflateError.truncated }
    let storedCRC = readLittleEndian32(bytes, at: end)
    let storedSize = readLittleEndian32(bytes, at: end + 4)
    let member = UnsafeBufferPointer(
      start: output.base + outputStart, count: output.count - outputStart)
    let computedCRC = CRC32.checksum(member)
    guard computedCRC == storedCRC else {
      throw InflateError.checksumMismatch(.data, stored: storedCRC, computed: computedCRC)
    }
    let computedSize = UInt32(truncatingIfNeeded: member.count)
    guard computedSize == storedSize else {
      throw InflateError.checksumMismatch(.length, stored: storedSize, computed: computedSize)
    }
    return end + 8
  }

  /// Reads a member header (ID1 ID2 CM FLG MTIME XFL OS, then the optional FEXTRA, FNAME,
  /// FCOMMENT and FHCRC fields) and returns the offset of the DEFLATE stream.
  private static func skipHeader(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) throws -> Int {
    guard start + 10 <= bytes.count else { throw InflateError.truncated }
    guard bytes[start + 2] == 8 else {
      throw InflateError.invalidGzip(.unknownMethod(bytes[start + 2]))
    }
    let flags = bytes[start + 3]
    guard flags & 0xE0 == 0 else { throw InflateError.invalidGzip(.unknownFlags(flags)) }
    var offset = start + 10
    if flags & 0x04 != 0 {  // FEXTRA: a 2-byte length, then that many bytes
      guard offset + 2 <= bytes.count else { throw InflateError.truncated }
      offset += 2 + (Int(bytes[offset]) | Int(bytes[offset + 1]) << 8)
    }
    for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
      while offset < bytes.count && bytes[offset] != 0 { offset += 1 }
      offset += 1
    }
    if flags & 0x02 != 0 {  // FHCRC: the low 16 bits of the header's CRC-32
      guard offset + 2 <= bytes.count else { throw InflateError.truncated }
      let header = UnsafeBufferPointer(rebasing: bytes[start..<offset])
      let stored = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
      let computed = UInt16(truncatingIfNeeded: CRC32.checksum(header))
      guard computed == stored else {
        throw InflateError.checksumMismatch(
          .header, stored: UInt32(stored), computed: UInt32(computed))
      }
      offset += 2
    }
    guard offset < bytes.count else { throw InflateError.truncated }
    return offset
  }

  private static func readLittleEndian32<C: RandomAccessCollection>(_ bytes: C, at offset: Int)
    -> UInt32
  where C.Element == UInt8, C.Index == Int {
    (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
  }
}
