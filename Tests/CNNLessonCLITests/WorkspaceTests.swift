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
    let environment = plain.lessonEnvironment
    #expect(environment.workingDirectory == "/work/course")
    #expect(environment.dataDirectories == ["/work/course/mnist"])
    #expect(environment.cacheDirectory == "/home/ada/.cache/cnn-lesson")
    #expect(environment.allowsDownloads)
    let flags = try workspace(
      ["run", "--data", "/data", "--offline", "--seed", "7", "x.md"],
      environment: ["CNN_LESSON_DATA": "ignored", "XDG_CACHE_HOME": "/cache"])
    #expect(flags.lessonEnvironment.dataDirectories == ["/data"])
    #expect(flags.lessonEnvironment.cacheDirectory == "/cache/cnn-lesson")
    #expect(!flags.lessonEnvironment.allowsDownloads)
    #expect(flags.lessonEnvironment.seed == 7)
    let offline = try workspace(environment: ["CNN_LESSON_OFFLINE": "1"])
    #expect(!offline.lessonEnvironment.allowsDownloads)
    #expect(offline.lessonEnvironment.cacheDirectory == nil)
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
    let besideTheBuild = try workspace(
      workingDirectory: "/nonexistent", executable: packageRoot + "/.build/debug/cnn-lesson"
    ).exerciseCatalog()
    #expect(besideTheBuild.displayPath == packageRoot + "/lessons/exercises")
    #expect(throws: UsageError.self) {
      try workspace(workingDirectory: "/nonexistent").exerciseCatalog()
    }
  }
}
