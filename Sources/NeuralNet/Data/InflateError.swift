/// Why DEFLATE (RFC 1951) or gzip (RFC 1952) data could not be decoded: the stream ends early, a
/// header field or Huffman code is invalid, or a checksum does not match.
///
/// The message says what is wrong in the stream (`invalid distance too far back`); callers that know
/// the file name add it and say what to do (`IDXFile` does).
public struct InflateError: Error, Equatable, CustomStringConvertible, Sendable {
  /// What is wrong, in zlib's words where zlib has some (`invalid block type`).
  public var message: String

  /// An error with zlib-style `message`.
  public init(_ message: String) {
    self.message = message
  }

  /// The message.
  public var description: String { message }

  static let truncated = InflateError("unexpected end of compressed data")
}
