/// The lessons, exercises and scripts built into the tool (the package's `lessons/` folder at
/// build time, embedded by the `EmbedLessons` plugin).

/// The built-in files, by path under `lessons/` (`08.md`, `exercises/8-1/starter.py`,
/// `scripts/08_cnn_mnist.py`), as text.
public enum BuiltinLessons {
  /// Every built-in file's text, by path.
  public static let files: [String: String] = {
    var files: [String: String] = [:]
    for (path, base64) in encodedFiles {
      guard let bytes = decodeBase64(base64) else { continue }
      files[path] = String(decoding: bytes, as: UTF8.self)
    }
    return files
  }()

  /// The `lessons/` folder of the checkout the tool was built from, where the shipped datasets
  /// are (`datasets/mnist`); it may since have moved.
  public static let buildFolder: String = String(
    decoding: decodeBase64(encodedBuildFolder) ?? [], as: UTF8.self)

  /// Standard base64 (with `=` padding) to bytes; nil for anything else.
  static func decodeBase64(_ text: String) -> [UInt8]? {
    var values = [UInt8](repeating: 255, count: 256)
    for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8
      .enumerated()
    {
      values[Int(byte)] = UInt8(index)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count / 4 * 3)
    var group: UInt32 = 0
    var bits = 0
    var padding = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "=") {
        padding += 1
        continue
      }
      let value = values[Int(byte)]
      guard value != 255, padding == 0 else { return nil }
      group = group << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        bytes.append(UInt8(truncatingIfNeeded: group >> UInt32(bits)))
      }
    }
    return padding <= 2 ? bytes : nil
  }
}
