import DataIO
import Foundation

/// Debian's `chromium`, run headless to load a rendered page: its DOM after loading, or a
/// screenshot. Nil when it is not installed (the tests that need it say they are skipped).
struct HeadlessChromium {
  let executable: String

  /// The first `chromium` (or `chromium-browser`, `google-chrome`) found in `/usr/bin` or on
  /// `PATH`.
  static let installed: HeadlessChromium? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
    let folders = ["/usr/bin"] + path.split(separator: ":").map(String.init)
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name)
      {
        return HeadlessChromium(executable: folder + "/" + name)
      }
    }
    return nil
  }()

  /// The serialised DOM of `page` after it loaded, in a window `width` pixels wide, in dark mode
  /// when `dark`.
  func dumpDOM(_ page: URL, width: Int = 1000, dark: Bool = false) throws -> String {
    let output = try run(
      ["--window-size=\(width),900", "--dump-dom"] + (dark ? ["--force-dark-mode"] : []) + [
        page.absoluteString
      ])
    return String(decoding: output, as: UTF8.self)
  }

  /// A PNG screenshot of `page`, `width` by `height` pixels.
  func screenshot(_ page: URL, to file: URL, width: Int, height: Int, dark: Bool = false) throws
    -> [UInt8]
  {
    _ = try run(
      ["--window-size=\(width),\(height)", "--screenshot=\(file.path)"]
        + (dark ? ["--force-dark-mode"] : []) + [page.absoluteString])
    return Array(try Data(contentsOf: file))
  }

  /// Runs Chromium headless with `arguments` and returns its standard output; gives up after
  /// 90 seconds.
  private func run(_ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cnn-lesson-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        // The probe pages read the frames they hold, which file:// pages may not by default.
        "--allow-file-access-from-files",
        "--user-data-dir=\(profile.path)",
      ] + arguments
    // Standard output goes to a file, so a large DOM never fills a pipe nobody reads yet.
    let outputFile = profile.appendingPathExtension("out")
    FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: outputFile) }
    let output = try FileHandle(forWritingTo: outputFile)
    defer { try? output.close() }
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = ContinuousClock.now + .seconds(90)
    while process.isRunning {
      guard ContinuousClock.now < deadline else {
        process.terminate()
        throw ChromiumError.timedOut
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return try Data(contentsOf: outputFile)
  }

  enum ChromiumError: Error {
    case timedOut
  }
}

/// A decoded 8-bit RGB or RGBA PNG (what Chromium's screenshots are), for looking at pixels.
struct DecodedPNG {
  let width: Int
  let height: Int
  /// Row-major RGB triples.
  let rgb: [UInt8]

  enum DecodeError: Error {
    case malformed(String)
  }

  init(_ png: [UInt8]) throws {
    guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
      throw DecodeError.malformed("no PNG signature")
    }
    var offset = 8
    var header: [UInt8] = []
    var stream: [UInt8] = []
    while offset + 12 <= png.count {
      let length = png[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
      guard offset + 12 + length <= png.count else { throw DecodeError.malformed("short chunk") }
      let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
      let body = Array(png[(offset + 8)..<(offset + 8 + length)])
      if type == "IHDR" { header = body }
      if type == "IDAT" { stream += body }
      offset += 12 + length
    }
    guard header.count == 13, stream.count > 6 else { throw DecodeError.malformed("no image") }
    let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
    let height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
    let channels: Int
    switch (header[8], header[9], header[12]) {
    case (8, 2, 0): channels = 3
    case (8, 6, 0): channels = 4
    default: throw DecodeError.malformed("not 8-bit RGB or RGBA, or interlaced")
    }
    let raw = try Inflate.decompress(Array(stream.dropFirst(2).dropLast(4)))
    let stride = width * channels
    guard raw.count == (stride + 1) * height else { throw DecodeError.malformed("size") }
    var previous = [UInt8](repeating: 0, count: stride)
    var rgb: [UInt8] = []
    rgb.reserveCapacity(width * height * 3)
    for row in 0..<height {
      let start = row * (stride + 1)
      let filter = raw[start]
      var line = Array(raw[(start + 1)..<(start + 1 + stride)])
      for index in 0..<stride {
        let left = index >= channels ? Int(line[index - channels]) : 0
        let up = Int(previous[index])
        let upLeft = index >= channels ? Int(previous[index - channels]) : 0
        let predictor: Int
        switch filter {
        case 0: predictor = 0
        case 1: predictor = left
        case 2: predictor = up
        case 3: predictor = (left + up) / 2
        case 4:
          let estimate = left + up - upLeft
          let (a, b, c) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
          predictor = a <= b && a <= c ? left : (b <= c ? up : upLeft)
        default: throw DecodeError.malformed("filter \(filter)")
        }
        line[index] = UInt8(truncatingIfNeeded: Int(line[index]) + predictor)
      }
      for pixel in 0..<width {
        rgb += line[(pixel * channels)..<(pixel * channels + 3)]
      }
      previous = line
    }
    self.width = width
    self.height = height
    self.rgb = rgb
  }

  /// The colour at column `x`, row `y`.
  func pixel(_ x: Int, _ y: Int) -> [UInt8] {
    let start = (y * width + x) * 3
    return Array(rgb[start..<(start + 3)])
  }

  /// Whether some pixel is within `tolerance` of `color` in each channel.
  func contains(_ color: [UInt8], tolerance: Int = 8) -> Bool {
    stride(from: 0, to: rgb.count, by: 3).contains { start in
      (0..<3).allSatisfy { abs(Int(rgb[start + $0]) - Int(color[$0])) <= tolerance }
    }
  }
}
