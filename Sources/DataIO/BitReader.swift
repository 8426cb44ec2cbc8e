/// Reads a DEFLATE stream's bits least-significant first (RFC 1951 section 3.1.1), keeping up to 64
/// of them in a buffer so a Huffman code, its extra bits and a distance decode after one refill.
///
/// The caller keeps `bytes` alive for the reader's lifetime (it works inside
/// `withUnsafeBufferPointer`). Taking more bits than the input holds throws `truncated`; the reader
/// never looks past `bytes.count`.
struct BitReader {
  private let bytes: UnsafeBufferPointer<UInt8>
  /// The next byte of `bytes` to load into `buffer`.
  private var position: Int
  /// Unconsumed bits; bit 0 is the next one in the stream.
  private(set) var buffer: UInt64 = 0
  /// How many bits of `buffer` are valid.
  private(set) var bitCount = 0

  init(bytes: UnsafeBufferPointer<UInt8>, position: Int) {
    self.bytes = bytes
    self.position = position
  }

  /// The offset of the first byte not yet consumed (the buffered whole bytes are given back).
  var bytePosition: Int { position - bitCount / 8 }

  /// Loads bytes until the buffer holds at least 56 bits or the input ends.
  @inline(__always)
  mutating func refill() {
    if bitCount >= 56 { return }
    if position + 8 <= bytes.count, let base = bytes.baseAddress {
      // Load 8 bytes at once and keep the whole bytes that fit above the valid bits.
      let word = UInt64(
        littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
      buffer |= word << UInt64(bitCount)
      position += (63 - bitCount) >> 3
      bitCount |= 56
    } else {
      while bitCount <= 56 && position < bytes.count {
        buffer |= UInt64(bytes[position]) << UInt64(bitCount)
        position += 1
        bitCount += 8
      }
    }
  }

  /// Consumes `count` bits that `refill` has already buffered (the caller checked `bitCount`).
  @inline(__always)
  mutating func drop(_ count: Int) {
    buffer >>= UInt64(count)
    bitCount -= count
  }

  /// The next `count` (0...32) bits as an integer, first bit lowest.
  @inline(__always)
  mutating func take(_ count: Int) throws -> Int {
    if count > bitCount {
      refill()
      guard count <= bitCount else { throw InflateError.truncated }
    }
    let value = Int(buffer & ((1 << UInt64(count)) &- 1))
    drop(count)
    return value
  }

  /// Drops the bits up to the next byte boundary (before a stored block and after the last block).
  mutating func alignToByte() {
    drop(bitCount % 8)
  }

  /// Moves to byte `offset` with an empty buffer; the caller has aligned to a byte boundary.
  mutating func seek(to offset: Int) {
    position = offset
    buffer = 0
    bitCount = 0
  }
}
