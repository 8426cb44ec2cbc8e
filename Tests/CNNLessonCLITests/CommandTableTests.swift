import TensorCore
import Testing

@testable import CNNLessonCLI

/// The command table and what is generated from it: dispatch, `help COMMAND`, the unknown-command
/// error, each command's OPTIONS, and `--version`.
@Suite struct CommandTableTests {
  @Test func everyCommandHasItsHelpAndIsInTheGeneralUsage() {
    let general = runTool(["help"])
    #expect(general.code == .success)
    for command in CommandTable.all {
      let run = runTool(["help", command.name])
      #expect(run.code == .success, "help \(command.name)")
      #expect(run.stdout.hasPrefix("USAGE: cnn-lesson \(command.name)"), "help \(command.name)")
      #expect(runTool([command.name, "--help"]).stdout == run.stdout, "\(command.name) --help")
      #expect(general.stdout.contains("\n  cnn-lesson \(command.name) "), "\(command.name)")
    }
    #expect(CommandTable.names.contains("bench"))
    #expect(Set(CommandTable.names).count == CommandTable.all.count)
  }

  @Test func helpForAnUnknownCommandIsAUsageErrorWithTheClosest() {
    let close = runTool(["help", "verfy"])
    #expect(close.code == .usage)
    #expect(close.stdout.isEmpty)
    #expect(close.stderr.contains("unknown command 'verfy'"))
    #expect(close.stderr.contains("note: did you mean 'verify'?"))
    let far = runTool(["help", "zzzzzzzz"])
    #expect(far.code == .usage)
    #expect(far.stderr.contains("unknown command 'zzzzzzzz'"))
    #expect(!far.stderr.contains("did you mean"))
    #expect(runTool(["help", "run", "verify"]).code == .usage)
    #expect(runTool(["--help", "nope"]).code == .usage)
  }

  /// The unknown-command error, from the parser and from `help`, lists every command in the
  /// table (it once left out `bench`).
  @Test(arguments: [["nope"], ["help", "nope"], ["rnu", "x.md"]])
  func unknownCommandsListEveryCommand(arguments: [String]) throws {
    let run = runTool(arguments)
    #expect(run.code == .usage)
    let note = try #require(
      run.stderr.split(separator: "\n").first { $0.hasPrefix("note: commands: ") })
    let listed = note.dropFirst("note: commands: ".count).split(separator: ", ").map(String.init)
    #expect(Set(listed) == Set(CommandTable.names))
    #expect(listed.contains("bench"))
  }

  /// Every option the parser accepts for a command is in that command's help, and no other:
  /// each option is tried on each command, and the help is read for its usage line.
  @Test func eachCommandsHelpListsExactlyTheOptionsItsParserTakes() throws {
    for command in CommandTable.all {
      let help = command.help()
      for spec in OptionTable.all {
        let name = try #require(spec.names.last)
        let words = [command.name, name] + (spec.value == nil ? [] : ["1"])
        let accepted = (try? Options.parse(words)) != nil
        let listed = [" ", "\n"].contains { help.contains("\n  \(spec.usage)\($0)") }
        #expect(
          accepted == listed, "\(command.name) \(name): accepted \(accepted), listed \(listed)")
      }
    }
    #expect(runTool(["help", "verify"]).stdout.contains("\n  --offline "))
  }

  /// The commands an option names in the table are commands of the command table.
  @Test func optionsNameOnlyRealCommands() {
    for spec in OptionTable.all {
      for command in spec.commands ?? [] {
        #expect(CommandTable.command(named: command) != nil, "\(spec.usage): \(command)")
      }
    }
  }

  @Test(arguments: [["--version"], ["-V"], ["run", "--version"]])
  func versionSaysHowTheBinaryWasBuilt(arguments: [String]) throws {
    let run = runTool(arguments)
    #expect(run.code == .success)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "cnn-lesson \(BuildInfo.version)")
    let parts = BuildInfo.version.split(separator: ".")
    #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
    let built = try #require(lines.dropFirst().first)
    #if DEBUG
      #expect(built.hasPrefix("built: debug, "))
    #else
      #expect(built.hasPrefix("built: release, "))
    #endif
    #if arch(x86_64)
      #expect(built.contains(", x86_64, "))
    #elseif arch(arm64)
      #expect(built.contains(", arm64, "))
    #endif
    #expect(built.contains("AVX2 + FMA") == KernelBuild.fusedMultiplyAdd)
  }
}
