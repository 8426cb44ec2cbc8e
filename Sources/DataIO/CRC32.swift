/// The CRC-32 of gzip, zip and PNG (reflected polynomial 0xEDB88320), computed eight bytes at a time
/// ("slicing by 8") so checking 47 MB of MNIST images costs a few tens of milliseconds.
public enum CRC32 {
  /// `table[k * 256 + b]`: the CRC of byte `b` followed by `k` zero bytes (k < 8); the first 256
  /// entries are the classic byte-at-a-time table.
  private static let table: [UInt32] = {
    var first = [UInt32](repeating: 0, count: 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
      first[byte] = crc
    }
    var tables = [first]
    for k in 1..<8 {
      tables.append(
        (0..<256).map { byte in
          let previous = tables[k - 1][byte]
          return (previous >> 8) ^ first[Int(previous & 0xFF)]
        })
    }
    return tables.flatMap { $0 }
  }()

  /// The checksum of `bytes`, continuing from `crc` (the checksum of the bytes before them).
  public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>, continuing crc: UInt32 = 0)
    -> UInt32
  {
    table.withUnsafeBufferPointer { table in
      var crc = ~crc
      var index = 0
      while index + 8 <= bytes.count {
        let low =
          crc
          ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
            | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
        crc =
          table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int(low >> 8 & 0xFF)]
          ^ table[5 * 256 + Int(low >> 16 & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
          ^ table[3 * 256 + Int(bytes[index + 4])] ^ table[2 * 256 + Int(bytes[index + 5])]
          ^ table[256 + Int(bytes[index + 6])] ^ table[Int(bytes[index + 7])]
        index += 8
      }
      while index < bytes.count {
        crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
        index += 1
      }
      return ~crc
    }
  }

  /// The checksum of `bytes`.
  public static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { checksum($0) }
  }
}
