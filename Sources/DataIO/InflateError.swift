/// Why DEFLATE (RFC 1951) or gzip (RFC 1952) data could not be decoded: the stream ends early, a
/// header field or Huffman code is invalid, a checksum does not match, or the output would pass
/// its limit.
///
/// `message` says what is wrong in the stream in zlib's words (`invalid distance too far back`);
/// callers that know the file name add it and say what to do (`IDXFile` does).
public enum InflateError: Error, Equatable, Sendable {
  /// The data ends before the stream, a header or a trailer does.
  case truncated
  /// A DEFLATE block that breaks the format.
  case invalidDeflate(DeflateProblem)
  /// A gzip container that breaks the format.
  case invalidGzip(GzipProblem)
  /// A stored checksum or length that differs from the one of the decoded bytes.
  case checksumMismatch(Checksum, stored: UInt32, computed: UInt32)
  /// `count` bytes after the end of a raw DEFLATE stream.
  case trailingBytes(count: Int)
  /// The output would be larger than `limit` bytes (a decompression bomb, or a wrong file).
  case limitExceeded(limit: Int)

  /// A DEFLATE block that breaks the format.
  public enum DeflateProblem: Equatable, Sendable {
    /// Block type 3, which does not exist.
    case invalidBlockType
    /// A stored block whose length and its complement disagree.
    case storedLengths
    /// A literal/length symbol above 285.
    case lengthCode
    /// A distance symbol above 29.
    case distanceCode
    /// A back-reference before the start of the stream.
    case distanceTooFarBack
    /// More literal/length or distance codes than DEFLATE has.
    case tooManySymbols
    /// A dynamic block whose code has no end-of-block symbol.
    case missingEndOfBlock
    /// A code-length repeat with nothing to repeat, or past the end of the lengths.
    case invalidRepeat
    /// Code lengths that define more codes than fit (over-subscribed).
    case oversubscribed
    /// Bits that are no code of the block's Huffman table.
    case invalidCode
  }

  /// A gzip container that breaks the format.
  public enum GzipProblem: Equatable, Sendable {
    /// Data that does not start with 1f 8b.
    case notGzip
    /// A compression method other than 8 (DEFLATE).
    case unknownMethod(UInt8)
    /// Reserved header flags set.
    case unknownFlags(UInt8)
    /// Bytes after the last member that are not another member.
    case trailingGarbage
  }

  /// The checks a gzip member stores.
  public enum Checksum: Equatable, Sendable {
    /// The low 16 bits of the header's CRC-32 (FHCRC).
    case header
    /// The CRC-32 of the decoded bytes.
    case data
    /// The number of decoded bytes, mod 2^32 (ISIZE).
    case length
  }
}

extension InflateError: CustomStringConvertible {
  /// What is wrong, in zlib's words where zlib has some (`invalid block type`).
  public var message: String {
    switch self {
    case .truncated: "unexpected end of compressed data"
    case .invalidDeflate(let problem): problem.message
    case .invalidGzip(.notGzip): "not in gzip format (no 1f 8b magic number)"
    case .invalidGzip(.unknownMethod): "unknown compression method"
    case .invalidGzip(.unknownFlags): "unknown header flags set"
    case .invalidGzip(.trailingGarbage): "trailing garbage after the last gzip member"
    case .checksumMismatch(.header, _, _): "header crc mismatch"
    case .checksumMismatch(.data, _, _): "incorrect data check (CRC-32)"
    case .checksumMismatch(.length, _, _): "incorrect length check (ISIZE)"
    case .trailingBytes(let count): "\(count) bytes after the DEFLATE stream"
    case .limitExceeded(let limit): "decompressed data exceeds the limit of \(limit) bytes"
    }
  }

  /// The message.
  public var description: String { message }
}

extension InflateError.DeflateProblem {
  var message: String {
    switch self {
    case .invalidBlockType: "invalid block type"
    case .storedLengths: "invalid stored block lengths"
    case .lengthCode: "invalid literal/length code"
    case .distanceCode: "invalid distance code"
    case .distanceTooFarBack: "invalid distance too far back"
    case .tooManySymbols: "too many length or distance symbols"
    case .missingEndOfBlock: "invalid code -- missing end-of-block"
    case .invalidRepeat: "invalid bit length repeat"
    case .oversubscribed: "invalid code lengths set (over-subscribed)"
    case .invalidCode: "invalid Huffman code"
    }
  }
}
