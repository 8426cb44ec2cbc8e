import Testing

@testable import LessonRunner

@Test func memorySourceImpliesFoldersFromPaths() throws {
  let source = MemorySource(files: ["a/b/c.md": "x", "a/d.md": "y", "e.md": "z"])
  #expect(source.entry(at: "a") == .folder)
  #expect(source.entry(at: "a/b") == .folder)
  #expect(source.entry(at: "a/d.md") == .file)
  #expect(source.entry(at: "a/b/c") == nil)
  #expect(source.entry(at: "") == .folder)
  #expect(source.names(in: "") == ["a", "e.md"])
  #expect(source.names(in: "a") == ["b", "d.md"])
  #expect(source.names(in: "nope").isEmpty)
  #expect(try source.text(at: "a/d.md") == "y")
  #expect(throws: SourceError.notFound("a/x.md")) { try source.read("a/x.md") }
}
