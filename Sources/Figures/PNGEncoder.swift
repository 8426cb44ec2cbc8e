import DataIO

/// A small PNG encoder: 8-bit RGB, no filtering, zlib-wrapped DEFLATE in fixed-Huffman blocks
/// (greedy LZ77 matches over a 32 KiB window) or stored blocks, CRC-32 per chunk, Adler-32 for
/// the zlib stream.
public enum PNGEncoder {
  /// How the image data are compressed.
  public enum Compression: Sendable {
    /// Uncompressed stored blocks.
    case stored
    /// Fixed-Huffman blocks with LZ77 matches.
    case fixedHuffman
  }

  /// The PNG file for a `width` x `height` image of row-major RGB bytes (`rgb.count` must be
  /// `width * height * 3`).
  public static func encode(
    width: Int, height: Int, rgb: [UInt8], compression: Compression = .fixedHuffman
  ) throws(FigureError) -> [UInt8] {
    let (rowBytes, rowOverflow) = width.multipliedReportingOverflow(by: 3)
    let (byteCount, countOverflow) = rowBytes.multipliedReportingOverflow(by: height)
    guard width > 0, height > 0, let width32 = UInt32(exactly: width),
      let height32 = UInt32(exactly: height), !rowOverflow, !countOverflow,
      rgb.count == byteCount
    else {
      throw FigureError(
        .valueError,
        "a \(width)x\(height) RGB image needs \(width)x\(height)x3 bytes, not \(rgb.count)")
    }
    var raw: [UInt8] = []
    raw.reserveCapacity(byteCount + height)
    for row in 0..<height {
      raw.append(0)  // filter type None
      raw += rgb[(row * rowBytes)..<((row + 1) * rowBytes)]
    }
    var header: [UInt8] = []
    header += bigEndian(width32)
    header += bigEndian(height32)
    // Bit depth 8, colour type RGB, deflate, no filter method, no interlace.
    header += [8, 2, 0, 0, 0]
    var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    file += chunk("IHDR", header)
    file += chunk("IDAT", zlib(raw, compression: compression))
    file += chunk("IEND", [])
    return file
  }

  /// A zlib stream (RFC 1950) of `data`.
  public static func zlib(_ data: [UInt8], compression: Compression) -> [UInt8] {
    let body = compression == .stored ? storedBlocks(data) : fixedHuffman(data)
    return [0x78, 0x01] + body + bigEndian(adler32(data))
  }

  /// Adler-32 (RFC 1950).
  public static func adler32(_ data: [UInt8]) -> UInt32 {
    var a: UInt32 = 1
    var b: UInt32 = 0
    for byte in data {
      a = (a + UInt32(byte)) % 65521
      b = (b + a) % 65521
    }
    return b << 16 | a
  }

  static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let typed = Array(type.utf8) + data
    return bigEndian(UInt32(data.count)) + typed + bigEndian(CRC32.checksum(typed))
  }

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
  }

  static func storedBlocks(_ data: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var start = 0
    repeat {
      let end = min(start + 65535, data.count)
      let length = UInt16(end - start)
      out.append(end == data.count ? 1 : 0)
      out += [UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8(~length >> 8)]
      out += data[start..<end]
      start = end
    } while start < data.count
    return out
  }
}
