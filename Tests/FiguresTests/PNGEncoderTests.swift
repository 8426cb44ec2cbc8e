import DataIO
import Testing

@testable import Figures

@Suite struct PNGEncoderTests {
  /// The IDAT payload of a PNG with one IDAT chunk, checking each chunk's CRC.
  func idat(_ png: [UInt8]) throws -> [UInt8] {
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var offset = 8
    var payload: [UInt8] = []
    while offset + 12 <= png.count {
      let length = png[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
      let typed = Array(png[(offset + 4)..<(offset + 8 + length)])
      let crc = png[(offset + 8 + length)..<(offset + 12 + length)].reduce(UInt32(0)) {
        $0 << 8 | UInt32($1)
      }
      #expect(crc == CRC32.checksum(typed))
      if typed.prefix(4).elementsEqual("IDAT".utf8) { payload = Array(typed.dropFirst(4)) }
      offset += 12 + length
    }
    #expect(offset == png.count)
    return payload
  }

  /// Inflates a zlib stream and checks its header and Adler-32.
  func unzlib(_ stream: [UInt8]) throws -> [UInt8] {
    #expect(stream.count >= 6 && (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0)
    let data = try Inflate.decompress(Array(stream.dropFirst(2).dropLast(4)))
    let adler = stream.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    #expect(adler == PNGEncoder.adler32(data))
    return data
  }

  @Test(arguments: [PNGEncoder.Compression.stored, .fixedHuffman])
  func roundTrip(compression: PNGEncoder.Compression) throws {
    let width = 37
    let height = 23
    let rgb: [UInt8] = (0..<(width * height * 3)).map { (index: Int) -> UInt8 in
      let shade: Int = (index / 3 % 7) * 30 + index % 3
      return UInt8(shade)
    }
    let png = try PNGEncoder.encode(
      width: width, height: height, rgb: rgb, compression: compression)
    let raw = try unzlib(try idat(png))
    #expect(raw.count == (width * 3 + 1) * height)
    var pixels: [UInt8] = []
    let stride = width * 3 + 1
    for row in 0..<height {
      let start: Int = row * stride
      #expect(raw[start] == 0)
      pixels += raw[(start + 1)..<(start + stride)]
    }
    #expect(pixels == rgb)
  }

  @Test func longRunsAndLargeInputs() throws {
    let data = [UInt8](repeating: 7, count: 70_000) + (0..<5000).map { UInt8($0 % 251) }
    #expect(try unzlib(PNGEncoder.zlib(data, compression: .fixedHuffman)) == data)
    #expect(try unzlib(PNGEncoder.zlib(data, compression: .stored)) == data)
    #expect(PNGEncoder.zlib(data, compression: .fixedHuffman).count < 10_000)
  }

  @Test func adler32OfWikipedia() {
    #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
  }

  @Test func sizeMustMatch() {
    #expect(throws: FigureError.self) {
      _ = try PNGEncoder.encode(width: 2, height: 2, rgb: [0, 0, 0])
    }
  }

  @Test func sizesThatOverflowOrDoNotFitTheHeaderThrow() {
    for (width, height) in [(Int.max, 2), (1 << 40, 1 << 40), (1 << 33, 1), (-1, 3), (0, 1)] {
      #expect(throws: FigureError.self) {
        _ = try PNGEncoder.encode(width: width, height: height, rgb: [])
      }
    }
  }
}
