import Foundation

/// Where the command line writes: the real stdout/stderr, or a string buffer in tests.
public protocol TextSink: AnyObject {
  func write(_ text: String)
  /// Whether this is an interactive terminal (colour and progress only then).
  var isTerminal: Bool { get }
}

/// A file descriptor (1 or 2), written unbuffered so cell output streams as it is printed.
public final class FileDescriptorSink: TextSink, @unchecked Sendable {
  private let handle: FileHandle
  public let isTerminal: Bool

  public init(descriptor: Int32) {
    handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
    isTerminal = isatty(descriptor) == 1
  }

  public func write(_ text: String) {
    handle.write(Data(text.utf8))
  }

  public static let standardOutput = FileDescriptorSink(descriptor: 1)
  public static let standardError = FileDescriptorSink(descriptor: 2)
}

/// Collects everything written, for in-process tests.
public final class StringSink: TextSink {
  public private(set) var text = ""
  public let isTerminal: Bool

  public init(isTerminal: Bool = false) { self.isTerminal = isTerminal }

  public func write(_ text: String) { self.text += text }
}
