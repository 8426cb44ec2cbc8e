import Foundation
import Testing

@testable import CNNLessonCLI

/// What the commands take from the process: made once, from a `ProcessContext` and the options.
@Suite struct WorkspaceTests {
  private func workspace(
    _ arguments: [String] = ["run", "x.md"], environment: [String: String] = [:],
    workingDirectory: String = "/work/course", executable: String = "", isTerminal: Bool = false
  ) throws -> Workspace {
    Workspace(
      options: try Options.parse(arguments),
      context: ProcessContext(
        workingDirectory: workingDirectory, environment: environment, executablePath: executable),
      isTerminal: isTerminal)
  }

  @Test func colourIsDecidedInOnePlace() {
    #expect(Workspace.colorEnabled(flag: nil, environment: [:], isTerminal: true))
    #expect(!Workspace.colorEnabled(flag: nil, environment: [:], isTerminal: false))
    #expect(!Workspace.colorEnabled(flag: nil, environment: ["NO_COLOR": "1"], isTerminal: true))
    #expect(!Workspace.colorEnabled(flag: nil, environment: ["TERM": "dumb"], isTerminal: true))
    #expect(Workspace.colorEnabled(flag: true, environment: ["NO_COLOR": "1"], isTerminal: false))
    #expect(!Workspace.colorEnabled(flag: false, environment: [:], isTerminal: true))
  }

  @Test func theLessonEnvironmentComesFromTheContext() throws {
    let plain = try workspace(environment: ["HOME": "/home/ada", "CNN_LESSON_DATA": "mnist"])
    let environment = plain.lessonEnvironment()
    #expect(environment.workingDirectory == "/work/course")
    #expect(environment.dataDirectories == ["/work/course/mnist"])
    #expect(environment.cacheDirectory == "/home/ada/.cache/cnn-lesson")
    #expect(environment.allowsDownloads)
    let flags = try workspace(
      ["run", "--data", "/data", "--offline", "--seed", "7", "x.md"],
      environment: ["CNN_LESSON_DATA": "ignored", "XDG_CACHE_HOME": "/cache"])
    #expect(flags.lessonEnvironment().dataDirectories == ["/data"])
    #expect(flags.lessonEnvironment().cacheDirectory == "/cache/cnn-lesson")
    #expect(!flags.lessonEnvironment().allowsDownloads)
    #expect(flags.lessonEnvironment().seed == 7)
    let offline = try workspace(environment: ["CNN_LESSON_OFFLINE": "1"])
    #expect(!offline.lessonEnvironment().allowsDownloads)
    #expect(offline.lessonEnvironment().cacheDirectory == nil)
  }

  @Test func theExercisesAreFoundFromTheContext() throws {
    let inCheckout = try workspace(workingDirectory: packageRoot).exerciseCatalog()
    #expect(inCheckout.displayPath == "lessons/exercises")
    #expect(inCheckout.ids().first == "8-1")
    let variable = try workspace(
      environment: ["CNN_LESSON_EXERCISES": "lessons/exercises"], workingDirectory: packageRoot
    ).exerciseCatalog()
    #expect(variable.displayPath == "lessons/exercises")
    #expect(try variable.exercise("8-1")?.starterPath == "lessons/exercises/8-1/starter.py")
    let elsewhere = try workspace(workingDirectory: "/nonexistent").exerciseCatalog()
    #expect(elsewhere.displayPath == "built-in/exercises", "the built-in ones, from any folder")
    #expect(elsewhere.ids() == inCheckout.ids())
  }

  @Test func lessonsRunInTheirOwnFolderAndFindTheShippedData() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let shipped = root.appendingPathComponent("checkout/lessons")
    try FileManager.default.createDirectory(
      at: shipped.appendingPathComponent("datasets/mnist"), withIntermediateDirectories: true)
    func make(_ shippedFolder: String?, _ arguments: [String] = ["run", "x.md"]) throws -> Workspace
    {
      Workspace(
        options: try Options.parse(arguments),
        context: ProcessContext(
          workingDirectory: root.path, environment: ["HOME": "/home/ada"],
          shippedLessonsFolder: shippedFolder),
        isTerminal: false)
    }
    let course = try make(shipped.path)
    let environment = course.lessonEnvironment(folder: root.path + "/course")
    #expect(environment.workingDirectory == root.path + "/course")
    #expect(environment.dataDirectories == [shipped.path + "/datasets/mnist"])
    #expect(
      try make(shipped.path, ["run", "--data", "d", "x.md"]).lessonEnvironment().dataDirectories
        == [root.path + "/d", shipped.path + "/datasets/mnist"], "--data first")
    #expect(try make(nil).lessonEnvironment().dataDirectories.isEmpty, "tests search none")
    #expect(course.builtinLessonFolder == "/home/ada/.cache/cnn-lesson/lessons")
    #expect(throws: UsageError.self) {
      try make(nil, ["run", "--data", "nope", "x.md"]).validate()
    }
  }
}
