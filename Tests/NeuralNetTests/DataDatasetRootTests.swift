import Testing

@testable import NeuralNet

/// A dataset root stays inside the lesson's folder (or the cache), whatever `..` it holds.
@Suite struct DataDatasetRootTests {
  @Test(arguments: [
    ("./data/", "/home/l/lessons/data"), ("data/../x", "/home/l/lessons/x"),
    ("../../../x", "/x"), ("/a//b/./c/", "/a/b/c"), ("/..", "/"),
  ])
  func normalizesLexically(path: String, expected: String) {
    #expect(DatasetRoot.normalized(path, currentDirectory: "/home/l/lessons") == expected)
  }

  @Test func insideMeansTheFolderOrBelowIt() {
    let lessons = "/home/l/lessons"
    #expect(DatasetRoot.isInside("/home/l/lessons/data", lessons))
    #expect(DatasetRoot.isInside("/home/l/lessons", lessons))
    #expect(!DatasetRoot.isInside("/home/l/lessons-other/data", lessons))
    #expect(!DatasetRoot.isInside("/home/l/lessons/data/../../x", lessons))
  }

  @Test func aRootAboveTheLessonIsRefusedWithWhereItMayGo() throws {
    let error = try #require(throws: DatasetError.self) {
      try DatasetRoot.check(
        root: "../../../x", resolved: "/home/l/lessons/../../../x",
        allowed: ["/home/l/lessons", "/home/l/.cache/cnn-lesson"])
    }
    #expect(
      error
        == .rootOutside(
          root: "../../../x", resolved: "/x",
          allowed: ["/home/l/lessons", "/home/l/.cache/cnn-lesson"]))
    #expect(error.message == "root='../../../x' is outside the lesson's folder: it resolves to /x")
    #expect(error.notes.last == "use a folder next to the lesson, such as root='./data/'")
    #expect(error.category == .value)
    try DatasetRoot.check(
      root: "./data/", resolved: "/home/l/lessons/./data/", allowed: ["/home/l/lessons"])
  }

  @Test func aDownloadOutsideTheWritableFoldersFetchesNothing() throws {
    try DataTestSupport.withTemporaryDirectory { directory in
      let downloader = DatasetDownloader(mirrors: ["mem://"]) { _ in
        Issue.record("nothing may be fetched")
        return []
      }
      let error = try #require(throws: DatasetError.self) {
        try MNISTDataset(
          root: directory + "/lesson/../outside", download: true, downloader: downloader,
          writableFolders: [directory + "/lesson"])
      }
      guard case .rootOutside = error else {
        Issue.record("expected rootOutside, got \(error)")
        return
      }
    }
  }
}
