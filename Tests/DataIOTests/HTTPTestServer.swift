import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 for the HTTP client tests: serves fixed bodies by path,
/// 404 for anything else, one request per connection. It listens on a free port, answers from a
/// background thread, and stops itself after `lifetime` seconds if `stop()` is not called first.
final class HTTPTestServer: @unchecked Sendable {
  let port: UInt16
  private let listener: Int32
  private let routes: [String: [UInt8]]
  private let lock = NSLock()
  private var stopping = false
  private var paths: [String] = []
  private let finished = DispatchSemaphore(value: 0)

  /// The request paths received so far, in order.
  var requestedPaths: [String] { lock.withLock { paths } }

  init(routes: [String: [UInt8]], lifetime: Double = 30) throws {
    self.routes = routes
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ServerError("socket() failed") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    guard bound else {
      close(fd)
      throw ServerError("cannot listen on 127.0.0.1")
    }
    listener = fd
    port = UInt16(bigEndian: address.sin_port)
    let deadline = Date().addingTimeInterval(lifetime)
    Thread { [self] in
      serve(until: deadline)
      finished.signal()
    }.start()
  }

  /// `http://127.0.0.1:<port>/<prefix>/`
  func baseURL(_ prefix: String) -> String { "http://127.0.0.1:\(port)/\(prefix)/" }

  /// Stops accepting and waits for the serving thread to end.
  func stop() {
    lock.withLock { stopping = true }
    finished.wait()
    close(listener)
  }

  private func serve(until deadline: Date) {
    while !lock.withLock({ stopping }) && Date() < deadline {
      var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 50) > 0 else { continue }
      let client = accept(listener, nil, nil)
      guard client >= 0 else { continue }
      answer(client)
      close(client)
    }
  }

  /// Reads the request head (bounded, 2 s receive timeout) and writes the response.
  private func answer(_ client: Int32) {
    var timeout = timeval(tv_sec: 2, tv_usec: 0)
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var request: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while request.count < 65_536 && !String(decoding: request, as: UTF8.self).contains("\r\n\r\n") {
      let received = recv(client, &chunk, chunk.count, 0)
      guard received > 0 else { break }
      request += chunk[0..<received]
    }
    let requestLine = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
    let parts = requestLine.split(separator: " ")
    let path = parts.count >= 2 ? String(parts[1]) : ""
    lock.withLock { paths.append(path) }
    let body = routes[path]
    let status = body == nil ? "404 Not Found" : "200 OK"
    let content = body ?? Array("not found".utf8)
    let head = "HTTP/1.1 \(status)\r\nContent-Length: \(content.count)\r\nConnection: close\r\n\r\n"
    sendAll(client, Array(head.utf8) + content)
  }

  private func sendAll(_ client: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes {
        send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard sent > 0 else { return }
      offset += sent
    }
  }

  struct ServerError: Error {
    let message: String
    init(_ message: String) { self.message = message }
  }
}
