#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#elseif canImport(Darwin)
  @_exported import Darwin
#endif

/// Formats one number with a C format string such as `%.4f` or `%.4e` (no Foundation needed).
public func formatC(_ format: String, _ value: Double) -> String {
  var buffer = [CChar](repeating: 0, count: 64)
  let written = withVaList([value]) { args in
    buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, format, args) }
  }
  if written >= 64 {
    buffer = [CChar](repeating: 0, count: Int(written) + 1)
    _ = withVaList([value]) { args in
      buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, args) }
    }
  }
  return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
