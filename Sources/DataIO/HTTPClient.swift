import Dispatch
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Plain HTTP(S) GETs, one at a time and waited for: the transport of `download=True`.
public struct HTTPClient: Sendable {
  /// Seconds to wait for one answer.
  public var timeout: Double

  /// A client that gives up on an answer after `timeout` seconds.
  public init(timeout: Double = 120) {
    self.timeout = timeout
  }

  /// The body of `address` when the server answers 200 with one; throws a `DownloadError` for
  /// anything else (a malformed address, no answer in time, a network error, another status).
  public func get(_ address: String) throws -> [UInt8] {
    guard let url = URL(string: address) else { throw DownloadError.invalidAddress(address) }
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }
    let reply = Reply()
    let done = DispatchSemaphore(value: 0)
    let task = session.dataTask(with: url) { data, response, error in
      reply.data = data
      reply.status = (response as? HTTPURLResponse)?.statusCode
      reply.error = error
      done.signal()
    }
    task.resume()
    guard done.wait(timeout: .now() + timeout + 5) == .success else {
      task.cancel()
      throw DownloadError.timedOut(seconds: timeout)
    }
    if let error = reply.error { throw DownloadError.transport(error.localizedDescription) }
    guard reply.status == 200, let data = reply.data else {
      throw DownloadError.status(reply.status)
    }
    return [UInt8](data)
  }
}

/// Why an HTTP GET brought no body.
public enum DownloadError: Error, Equatable, Sendable {
  /// The text is no URL.
  case invalidAddress(String)
  /// No answer within `seconds`.
  case timedOut(seconds: Double)
  /// The network or the server failed; the system's description.
  case transport(String)
  /// An answer other than 200 with a body; nil when the server sent no status.
  case status(Int?)
}

extension DownloadError: CustomStringConvertible {
  /// What went wrong in a few words (`HTTP 404`).
  public var message: String {
    switch self {
    case .invalidAddress: "invalid URL"
    case .timedOut(let seconds):
      "no answer within \(seconds.isFinite && abs(seconds) < 1e15 ? String(Int(seconds)) : "\(seconds)") s"
    case .transport(let description): description
    case .status(let status): "HTTP \(status.map(String.init) ?? "error")"
    }
  }

  /// The message.
  public var description: String { message }
}

/// The completion handler's results, handed over to the waiting thread by the semaphore.
private final class Reply: @unchecked Sendable {
  var data: Data?
  var status: Int?
  var error: Error?
}
