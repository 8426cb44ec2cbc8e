/// A `SHA256SUMS` file, as `sha256sum` writes it and `sha256sum -c` checks it.

/// The SHA-256 digests a `SHA256SUMS` file lists, by file name: one `<64 hex digits>  <name>`
/// per line (` *<name>` for binary mode too). Other lines are ignored.
public struct SHA256Sums: Sendable, Equatable {
  /// Lowercase hex digests, by file name.
  public var digests: [String: String]

  /// The largest `SHA256SUMS` read; a larger one is not a list of a few files.
  public static let maximumSize = 1 << 20

  public init(digests: [String: String]) {
    self.digests = digests
  }

  /// Parses the text of a `SHA256SUMS` file.
  public init(text: String) {
    var digests: [String: String] = [:]
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      let digest = line.prefix(64)
      guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit }) else { continue }
      var name = line.dropFirst(64)
      guard name.first == " " else { continue }
      name = name.dropFirst()
      if name.first == " " || name.first == "*" { name = name.dropFirst() }
      guard !name.isEmpty else { continue }
      digests[String(name)] = digest.lowercased()
    }
    self.digests = digests
  }

  /// The `SHA256SUMS` in the folder of the file at `path`, or nil when there is none (or it
  /// cannot be read, or is larger than `maximumSize`).
  public static func beside(_ path: String) -> SHA256Sums? {
    let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    let list = (folder.isEmpty && !path.hasPrefix("/") ? "" : folder + "/") + "SHA256SUMS"
    guard let bytes = try? FileBytes.read(list, limit: maximumSize) else { return nil }
    return SHA256Sums(text: String(decoding: bytes, as: UTF8.self))
  }
}
