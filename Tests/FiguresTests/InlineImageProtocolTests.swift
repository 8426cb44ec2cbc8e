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
  }

  @Test func kittyGetsThePNGInChunksOfAtMost4096() throws {
    let png = (0..<10_000).map { UInt8($0 % 251) }
    let sequence = InlineImageProtocol.kitty.escapeSequence(png: png, columns: 40)
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
}
