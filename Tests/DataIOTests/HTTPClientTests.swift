import Testing

@testable import DataIO

/// GETs against `HTTPTestServer` on 127.0.0.1, and the messages of `DownloadError`.
@Suite struct HTTPClientTests {
  @Test func aServedPathGivesItsBody() throws {
    let server = try HTTPTestServer(routes: ["/files/a.bin": [1, 2, 3]])
    defer { server.stop() }
    let client = HTTPClient(timeout: 10)
    #expect(try client.get(server.baseURL("files") + "a.bin") == [1, 2, 3])
    #expect(server.requestedPaths == ["/files/a.bin"])
  }

  @Test func anotherStatusThrowsIt() throws {
    let server = try HTTPTestServer(routes: [:])
    defer { server.stop() }
    #expect(throws: DownloadError.status(404)) {
      try HTTPClient(timeout: 10).get(server.baseURL("files") + "missing.bin")
    }
  }

  @Test func anAddressThatIsNoURLThrowsBeforeConnecting() {
    #expect(throws: DownloadError.invalidAddress("")) { try HTTPClient(timeout: 1).get("") }
  }

  @Test func aClosedPortIsATransportError() throws {
    // A port that was just free: nothing listens there once the server has stopped.
    let server = try HTTPTestServer(routes: [:])
    let address = server.baseURL("files") + "a.bin"
    server.stop()
    #expect {
      try HTTPClient(timeout: 5).get(address)
    } throws: { error in
      guard case .transport(let description) = error as? DownloadError else { return false }
      return !description.isEmpty
    }
  }

  @Test(arguments: [
    (DownloadError.invalidAddress("x y"), "invalid URL"),
    (.timedOut(seconds: 120), "no answer within 120 s"),
    (.transport("Could not connect to the server."), "Could not connect to the server."),
    (.status(404), "HTTP 404"),
    (.status(nil), "HTTP error"),
  ])
  func messages(_ error: DownloadError, _ expected: String) {
    #expect(error.message == expected)
    #expect(error.description == expected)
  }
}
