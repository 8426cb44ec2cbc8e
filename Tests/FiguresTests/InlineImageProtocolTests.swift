import Testing

@testable import Figures

/// Standard base64 decoded (for checking what the protocols carry).
private func decodeBase64(_ text: String) -> [UInt8] {
  let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  var bytes: [UInt8] = []
  var group = 0
  var bits = 0
  for character in text where character != "=" {
    guard let value = alphabet.firstIndex(of: character) else { continue }
    group = group << 6 | value
    bits += 6
    if bits >= 8 {
      bits -= 8
      bytes.append(UInt8((group >> bits) & 0xFF))
    }
  }
  return bytes
}

@Suite struct InlineImageProtocolTests {
  @Test func theTerminalAnnouncesItsProtocol() {
    #expect(InlineImageProtocol.detect(environment: ["KITTY_WINDOW_ID": "1"]) == .kitty)
    #expect(InlineImageProtocol.detect(environment: ["TERM": "xterm-kitty"]) == .kitty)
    #expect(InlineImageProtocol.detect(environment: ["TERM_PROGRAM": "iTerm.app"]) == .iterm2)
    #expect(InlineImageProtocol.detect(environment: ["LC_TERMINAL": "iTerm2"]) == .iterm2)
    #expect(InlineImageProtocol.detect(environment: ["TERM": "xterm-256color"]) == nil)
    #expect(
      InlineImageProtocol.detect(environment: ["TERM": "xterm-kitty", "TMUX": "/tmp/x"]) == nil,
      "tmux does not pass images through")
    #expect(
      InlineImageProtocol.detect(environment: ["TERM": "xterm", "CNN_LESSON_IMAGES": "kitty"])
        == .kitty)
    #expect(
      InlineImageProtocol.detect(environment: ["KITTY_WINDOW_ID": "1", "CNN_LESSON_IMAGES": "none"])
        == nil)
    #expect(InlineImageProtocol.detect(environment: ["TERM": "foot"]) == .sixel)
    #expect(InlineImageProtocol.detect(environment: ["TERM": "mlterm"]) == .sixel)
    #expect(
      InlineImageProtocol.detect(environment: ["TERM": "xterm-256color", "WT_SESSION": "x"])
        == .sixel)
    #expect(
      InlineImageProtocol.detect(environment: ["TERM": "xterm", "CNN_LESSON_IMAGES": "sixel"])
        == .sixel)
    #expect(InlineImageProtocol.detect(environment: ["TERM": "foot", "TMUX": "/tmp/x"]) == nil)
    #expect(InlineImageProtocol.sixel.escapeSequence(png: [1], columns: 1) == nil)
  }

  @Test func kittyGetsThePNGInChunksOfAtMost4096() throws {
    let png = (0..<10_000).map { UInt8($0 % 251) }
    let sequence = try #require(InlineImageProtocol.kitty.escapeSequence(png: png, columns: 40))
    let chunks = sequence.components(separatedBy: "\u{1B}\\").dropLast()
    #expect(chunks.count == 4, "13,336 base64 bytes")
    #expect(chunks[0].hasPrefix("\u{1B}_Ga=T,f=100,q=2,c=40,m=1;"))
    #expect(chunks[1].hasPrefix("\u{1B}_Gm=1;"))
    #expect(chunks[3].hasPrefix("\u{1B}_Gm=0;"))
    let payload = chunks.map { String($0.split(separator: ";", maxSplits: 1)[1]) }
    #expect(payload.allSatisfy { $0.utf8.count <= 4096 })
    #expect(decodeBase64(payload.joined()) == png)
    let small = InlineImageProtocol.kitty.escapeSequence(png: [1, 2, 3], columns: 10)
    #expect(small == "\u{1B}_Ga=T,f=100,q=2,c=10,m=0;AQID\u{1B}\\")
  }

  @Test func iTerm2GetsThePNGInOneSequence() {
    #expect(
      InlineImageProtocol.iterm2.escapeSequence(png: [1, 2, 3], columns: 30)
        == "\u{1B}]1337;File=inline=1;size=3;width=30;preserveAspectRatio=1:AQID\u{07}")
  }

  @Test func aFigureGoesAsItsRasterAndAnAnimationDoesNot() throws {
    var figure = try Figure(width: 2, height: 1)
    let axes = figure.gca()
    try figure.axes[axes].plot(y: [1, 3, 2])
    let sequence = try #require(figure.inlineImage(.kitty, columns: 20))
    let payload = sequence.components(separatedBy: "\u{1B}\\").dropLast().map {
      String($0.split(separator: ";", maxSplits: 1)[1])
    }.joined()
    let png = decodeBase64(payload)
    #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(Array(png[16..<24]) == [0, 0, 0, 200, 0, 0, 0, 100], "200x100 pixels")
    var animated = try Figure()
    animated.animation = try WindowAnimation(
      .maxPool2d, input: [[1, 2], [3, 4]], kernelSize: .init(2, 2), stride: .init(2, 2))
    #expect(animated.inlineImage(.iterm2, columns: 20) == nil)
  }

  @Test func sixelCarriesEveryPixelInTheColourCube() throws {
    // A 3x8 image: two bands, red and blue columns, a grey and a white pixel.
    let width = 3
    let height = 8
    var rgb = [UInt8](repeating: 255, count: width * height * 3)
    func set(_ x: Int, _ y: Int, _ color: (UInt8, UInt8, UInt8)) {
      rgb[(y * width + x) * 3] = color.0
      rgb[(y * width + x) * 3 + 1] = color.1
      rgb[(y * width + x) * 3 + 2] = color.2
    }
    for y in 0..<height {
      set(0, y, (255, 0, 0))
      set(1, y, (0, 0, 255))
    }
    set(2, 7, (128, 128, 128))
    let sixel = try #require(SixelEncoder.encode(width: width, height: height, rgb: rgb))
    #expect(sixel.hasPrefix("\u{1B}P0;0;0q\"1;1;3;8"))
    #expect(sixel.hasSuffix("-\u{1B}\\"))
    #expect(sixel.contains("#180;2;100;0;0"), "red is register 5*36")
    #expect(sixel.contains("#5;2;0;0;100"), "blue is register 5")
    #expect(sixel.contains("#129;2;60;60;60"), "grey rounds to level 3")
    let decoded = try #require(decodeSixel(sixel, width: width, height: height))
    for y in 0..<height {
      for x in 0..<width {
        let i = (y * width + x) * 3
        #expect(
          decoded[y * width + x]
            == SixelEncoder.register(red: rgb[i], green: rgb[i + 1], blue: rgb[i + 2]),
          "pixel \(x), \(y)")
      }
    }
    #expect(SixelEncoder.encode(width: 2, height: 2, rgb: [0, 0, 0]) == nil, "too few bytes")
    #expect(SixelEncoder.encode(width: Int.max, height: 2, rgb: []) == nil)
  }

  @Test func sixelRunsAreRunLengthEncoded() throws {
    let sixel = try #require(
      SixelEncoder.encode(width: 10, height: 1, rgb: [UInt8](repeating: 0, count: 30)))
    #expect(sixel.hasSuffix("#0!10@-\u{1B}\\"), "ten columns of the top pixel only")
  }

  @Test func aFigureGoesToSixelScaledToTheColumns() throws {
    var figure = try Figure(width: 2, height: 1)
    try figure.axes[figure.gca()].plot(y: [1, 3, 2])
    let sixel = try #require(figure.inlineImage(.sixel, columns: 10))
    #expect(sixel.hasPrefix("\u{1B}P0;0;0q\"1;1;80;40"), "200x100 scaled to 10 columns of 8 pixels")
    let full = try #require(figure.inlineImage(.sixel, columns: 100))
    #expect(full.hasPrefix("\u{1B}P0;0;0q\"1;1;200;100"), "never scaled up")
  }
}

/// The register of each pixel of a sixel image (as a terminal would paint it), or nil when the
/// sequence is not one this encoder writes.
private func decodeSixel(_ sixel: String, width: Int, height: Int) -> [Int]? {
  var pixels = [Int](repeating: -1, count: width * height)
  let characters = Array(sixel.unicodeScalars)
  guard let start = characters.firstIndex(of: "q") else { return nil }
  var index = start + 1
  var x = 0
  var top = 0
  var register = 0
  func number() -> Int {
    var value = 0
    while index < characters.count, let digit = Int(String(characters[index])) {
      value = value * 10 + digit
      index += 1
    }
    return value
  }
  func paint(_ bits: Int) {
    for row in 0..<6 where bits & (1 << row) != 0 && top + row < height && x < width {
      pixels[(top + row) * width + x] = register
    }
    x += 1
  }
  while index < characters.count {
    let character = characters[index]
    switch character {
    case "\"":
      index += 1
      for _ in 0..<4 {
        _ = number()
        if index < characters.count, characters[index] == ";" { index += 1 }
      }
    case "#":
      index += 1
      register = number()
      if index < characters.count, characters[index] == ";" {
        // A colour definition: ;2;r;g;b.
        for _ in 0..<4 {
          index += 1
          _ = number()
        }
      }
    case "$":
      x = 0
      index += 1
    case "-":
      x = 0
      top += 6
      index += 1
    case "!":
      index += 1
      let count = number()
      let bits = Int(characters[index].value) - 63
      for _ in 0..<count { paint(bits) }
      index += 1
    case "\u{1B}":
      return pixels
    default:
      let value = Int(character.value)
      guard (63...126).contains(value) else { return nil }
      paint(value - 63)
      index += 1
    }
  }
  return nil
}
