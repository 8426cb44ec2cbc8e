#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be written, in plain words (never a Foundation error domain).
public enum FileWriteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The path names a device, a FIFO, a socket or a folder: never replaced.
  case notARegularFile(path: String, kind: String)
  /// A folder was to be created at `path`, where something else (`kind`) is.
  case notARegularFolder(path: String, kind: String)
  /// The file exists and may not be written.
  case readOnly(path: String)
  /// The folder does not exist or cannot hold a new file; `reason` is the system's words.
  case cannotCreate(path: String, reason: String)
  /// Writing or renaming failed part-way (the original file is untouched).
  case writeFailed(path: String, reason: String)

  /// What went wrong without the path, in plain words (`is a device, not a regular file`).
  public var reason: String {
    switch self {
    case .notARegularFile(_, let kind): "is \(kind), not a regular file"
    case .notARegularFolder(_, let kind): "is \(kind), not a folder"
    case .readOnly: "the file is read-only"
    case .cannotCreate(_, let reason), .writeFailed(_, let reason): reason
    }
  }

  public var description: String {
    switch self {
    case .notARegularFile(let path, let kind):
      "\(path) is \(kind), not a regular file; cnn-lesson writes only regular files"
    case .notARegularFolder(let path, let kind): "\(path) is \(kind), not a folder"
    case .readOnly(let path): "\(path) is read-only"
    case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
    case .writeFailed(let path, let reason): "cannot write \(path): \(reason)"
    }
  }
}

/// Writes files the way a tool that edits users' files must: all or nothing, to regular files only.
///
/// - The bytes go to a temporary file beside the target, which then replaces it in one `rename`, so
///   a crash or a kill leaves the old file or the new one, never half of one; the temporary file is
///   removed on every error.
/// - An existing target keeps its permission bits; a symbolic link keeps being a link (the file it
///   points to is replaced).
/// - A device (`/dev/full`, `/dev/null`), FIFO, socket or folder is refused, never replaced; a
///   read-only file is refused.
public enum AtomicFile {
  /// Writes `bytes` to `path` (see the type's rules).
  public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
    let target = resolveLinks(path)
    let mode = try existingMode(of: target, shownAs: path)
    let temporary = temporaryPath(beside: target)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
    guard descriptor >= 0 else {
      throw .cannotCreate(path: path, reason: systemReason(creating: true))
    }
    var finished = false
    defer {
      if !finished { unlink(temporary) }
    }
    do {
      try writeAll(bytes, to: descriptor, path: path)
      if let mode { fchmod(descriptor, mode) }
    } catch {
      close(descriptor)
      throw error
    }
    guard close(descriptor) == 0 else { throw .writeFailed(path: path, reason: systemReason()) }
    guard rename(temporary, target) == 0 else {
      throw .writeFailed(path: path, reason: systemReason())
    }
    finished = true
  }

  /// Writes `text` as UTF-8.
  public static func write(_ text: String, to path: String) throws(FileWriteError) {
    try write(Array(text.utf8), to: path)
  }

  /// Creates the folder `path` and any missing parents (`mkdir -p`); an existing folder is fine,
  /// anything else in the way is refused in plain words.
  public static func createFolders(_ path: String) throws(FileWriteError) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix == "/" ? "" : "/") + component
      var info = stat()
      if stat(prefix, &info) == 0 {
        let type = info.st_mode & S_IFMT
        guard type == S_IFDIR else {
          throw .notARegularFolder(path: prefix, kind: SystemReason.kind(ofFileType: type))
        }
        continue
      }
      guard mkdir(prefix, 0o777) == 0 || errno == EEXIST else {
        throw .cannotCreate(path: prefix, reason: systemReason(creating: true))
      }
    }
  }

  /// The permission bits of the file at `target`, nil when there is none; throws for what must
  /// not be replaced.
  private static func existingMode(of target: String, shownAs path: String) throws(FileWriteError)
    -> mode_t?
  {
    var info = stat()
    guard stat(target, &info) == 0 else { return nil }
    let type = info.st_mode & S_IFMT
    guard type == S_IFREG else {
      throw .notARegularFile(path: path, kind: SystemReason.kind(ofFileType: type))
    }
    // A file without its owner's write bit is read-only even to root, who may write anything.
    guard info.st_mode & S_IWUSR != 0, access(target, W_OK) == 0 else {
      throw .readOnly(path: path)
    }
    return info.st_mode & 0o7777
  }

  /// The file a chain of symbolic links ends at (relative links resolve against their folder);
  /// the path itself when it is not a link. At most 40 links are followed, as the kernel does.
  static func resolveLinks(_ path: String) -> String {
    var current = path
    for _ in 0..<40 {
      var buffer = [CChar](repeating: 0, count: 4097)
      let count = readlink(current, &buffer, 4096)
      guard count > 0 else { return current }
      let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : folder(of: current) + link
    }
    return current
  }

  private static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[...slash])
  }

  private static func temporaryPath(beside target: String) -> String {
    let name = target.split(separator: "/").last.map(String.init) ?? "file"
    let random = UInt64.random(in: 0...UInt64.max)
    return folder(of: target) + ".\(name).cnn-lesson-\(String(random, radix: 36))"
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String)
    throws(FileWriteError)
  {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { raw in
        Glibc.write(descriptor, raw.baseAddress, raw.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw .writeFailed(path: path, reason: systemReason())
      }
      offset += written
    }
    guard fsync(descriptor) == 0 || errno == EINVAL else {
      throw .writeFailed(path: path, reason: systemReason())
    }
  }

  /// Plain words for the last error (`no space left on the device`).
  private static func systemReason(creating: Bool = false) -> String {
    SystemReason.words(for: errno, creating: creating)
  }
}
