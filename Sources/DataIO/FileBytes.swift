#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be read, in plain words (never a Foundation error domain).
public struct FileReadError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The path as the caller gave it.
  public var path: String
  /// What went wrong, in plain words (`permission denied`, `no such file`, `is a folder`).
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot read \(path): \(reason)" }
}

/// Reads whole files into arrays, regular files only, with one allocation of the file's size.
public enum FileBytes {
  /// The bytes of the regular file at `path`. A folder, device, FIFO or socket is refused (a FIFO
  /// is opened without blocking, so no writer is waited for); so is a file larger than `limit`.
  public static func read(_ path: String, limit: Int = Gzip.defaultLimit) throws(FileReadError)
    -> [UInt8]
  {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw FileReadError(path: path, reason: SystemReason.words(for: errno))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw FileReadError(path: path, reason: SystemReason.words(for: errno))
    }
    let type = info.st_mode & S_IFMT
    guard type == S_IFREG else {
      throw FileReadError(path: path, reason: "is " + SystemReason.kind(ofFileType: type))
    }
    let size = Int(info.st_size)
    guard size <= limit else {
      throw FileReadError(path: path, reason: "larger than the limit of \(limit) bytes")
    }
    return try readAll(descriptor, size: size, path: path)
  }

  /// Reads up to `size` bytes (a file that shrinks meanwhile gives what it holds).
  private static func readAll(_ descriptor: Int32, size: Int, path: String) throws(FileReadError)
    -> [UInt8]
  {
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, count in
      count = 0
      while count < size {
        let got = Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, size - count)
        if got < 0 && errno == EINTR { continue }
        if got < 0 { failure = errno }
        if got <= 0 { break }
        count += got
      }
    }
    guard failure == 0 else {
      throw FileReadError(path: path, reason: SystemReason.words(for: failure))
    }
    return bytes
  }
}

/// The system's error codes in the plain words cnn-lesson prints, in one place: every message
/// about a file the tool cannot read or write says its reason through here.
public enum SystemReason {
  /// Plain words for the error code `code` (an `errno` value). `creating` says the path names a
  /// file to be created, so a missing path means a missing folder.
  public static func words(for code: Int32, creating: Bool = false) -> String {
    switch code {
    case EACCES, EPERM: "permission denied"
    case ENOENT: creating ? "no such folder" : "no such file or folder"
    case ENOTDIR: "a part of the path is not a folder"
    case EISDIR: "is a folder"
    case EROFS: "the file system is read-only"
    case ENOSPC: "no space left on the device"
    case EDQUOT: "the disk quota is exceeded"
    case ENAMETOOLONG: "the name is too long"
    case ELOOP: "too many symbolic links"
    case ENXIO, ENODEV: "is a device"
    case EIO: "an input/output error"
    case ETXTBSY: "the file is busy"
    case EMFILE, ENFILE: "too many open files"
    default: String(cString: strerror(code)).lowercased()
    }
  }

  /// What a file of type `type` (`st_mode & S_IFMT`) is, with its article (`a folder`).
  public static func kind(ofFileType type: mode_t) -> String {
    switch type {
    case S_IFREG: "a regular file"
    case S_IFDIR: "a folder"
    case S_IFCHR, S_IFBLK: "a device"
    case S_IFIFO: "a FIFO"
    case S_IFSOCK: "a socket"
    default: "a special file"
    }
  }
}
