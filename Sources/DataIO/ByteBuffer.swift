/// A growable byte buffer for the decoder's output, written through a raw pointer so that copying
/// a back-reference is a `memmove` or a fill rather than one bounds-checked append per byte.
///
/// It is a struct passed `inout` (a class's stored properties would pay a dynamic exclusivity
/// check on every byte). The function that creates one owns its memory and calls `deallocate()`,
/// in a `defer`, after taking the bytes out with `bytes(from:)`; copies must not outlive it.
struct ByteBuffer {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  /// The bytes written so far.
  private(set) var count = 0
  /// The most bytes it may hold: a guard against "decompression bombs" exhausting memory.
  let limit: Int
  /// False when the memory belongs to someone else (an array being initialized): never freed or
  /// grown here.
  private let ownsMemory: Bool

  init(capacity: Int, limit: Int) {
    self.limit = limit
    self.capacity = min(max(capacity, 64), max(limit, 64))
    base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    ownsMemory = true
  }

  /// A buffer writing into `storage`, which it never grows: output past `storage.count` bytes
  /// throws `limitExceeded`. Used to decode straight into an array's memory (no second copy).
  init(filling storage: UnsafeMutableBufferPointer<UInt8>) throws {
    guard let address = storage.baseAddress else { throw InflateError.limitExceeded(limit: 0) }
    base = address
    capacity = storage.count
    limit = storage.count
    ownsMemory = false
  }

  /// Frees the memory; the buffer must not be used afterwards.
  func deallocate() {
    if ownsMemory { base.deallocate() }
  }

  /// Makes room for `extra` more bytes, doubling the capacity as needed.
  @inline(__always)
  mutating func reserve(_ extra: Int) throws {
    if count + extra > capacity { try grow(to: count + extra) }
  }

  private mutating func grow(to needed: Int) throws {
    guard needed <= limit, ownsMemory else {
      throw InflateError.limitExceeded(limit: limit)
    }
    var newCapacity = capacity
    while newCapacity < needed { newCapacity = min(newCapacity * 2, limit) }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) throws {
    try reserve(1)
    base[count] = byte
    count += 1
  }

  /// Appends `bytes` (which must not point into this buffer).
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    guard let source = bytes.baseAddress, bytes.count > 0 else { return }
    try reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Appends `length` bytes copied from `distance` bytes back (1 <= distance <= count). When the
  /// distance is shorter than the length the source overlaps what is being written, which repeats
  /// the last `distance` bytes, as DEFLATE specifies.
  @inline(__always)
  mutating func appendMatch(distance: Int, length: Int) throws {
    try reserve(length)
    let destination = base + count
    let source = destination - distance
    if distance >= length {
      destination.update(from: source, count: length)
    } else if distance == 1 {
      destination.update(repeating: source.pointee, count: length)
    } else {
      for i in 0..<length { destination[i] = source[i] }
    }
    count += length
  }

  /// The bytes from `start` to the end, as an array.
  func bytes(from start: Int = 0) -> [UInt8] {
    Array(UnsafeBufferPointer(start: base + start, count: count - start))
  }
}
