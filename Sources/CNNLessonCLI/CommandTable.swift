/// Every command in one table: its name, its lines in the general help, its own help and what
/// runs it. The parser takes command names from it, the unknown-command error lists them, the
/// general help's USAGE section and `cnn-lesson help COMMAND` are rendered from it, and
/// `CommandLineTool` dispatches through it. A new command is one entry.
struct CommandSpec {
  /// One line of the general help's USAGE section: `run FILE.md...` and what it does.
  struct Synopsis {
    let usage: String
    let summary: String
  }

  /// What a command runs with.
  struct Context {
    let workspace: Workspace
    let stdout: TextSink
    let stderr: TextSink
    var options: Options { workspace.options }
  }

  let name: String
  let synopses: [Synopsis]
  /// The command's help; its OPTIONS section comes from `OptionTable.section(for: name)`.
  let help: () -> String
  let run: (Context) throws -> ExitCode
}

enum CommandTable {
  static var all: [CommandSpec] {
    [
      CommandSpec(
        name: "run",
        synopses: [
          .init(
            usage: "run FILE.md...",
            summary: "run a lesson like a notebook and check every expected output"),
          .init(
            usage: "run 08", summary: "run a built-in lesson by number or name, from any folder"),
          .init(
            usage: "run FILE.py", summary: "run a lesson-language script, printing what it prints"),
        ], help: { HelpText.run },
        run: { context in
          guard !context.options.operands.isEmpty else {
            throw UsageError(
              "'run' needs at least one lesson, e.g. 'cnn-lesson run lessons/08.md' or 'cnn-lesson run 08'",
              command: "run")
          }
          return try RunCommand(
            workspace: context.workspace, stdout: context.stdout, stderr: context.stderr
          ).run()
        }),
      CommandSpec(
        name: "verify",
        synopses: [
          .init(
            usage: "verify [DIR]",
            summary: "check every lesson and exercise in DIR (default: lessons/, else built in)")
        ], help: { HelpText.verify },
        run: { context in
          guard context.options.operands.count <= 1 else {
            throw UsageError("'verify' takes one folder or lesson", command: "verify")
          }
          return try VerifyCommand(
            workspace: context.workspace, stdout: context.stdout, stderr: context.stderr
          ).run()
        }),
      CommandSpec(
        name: "render",
        synopses: [
          .init(
            usage: "render [FILE|DIR]",
            summary: "run lessons and write them as web pages (-o DIR, default site/)")
        ], help: { HelpText.render },
        run: { context in
          try RenderCommand(
            workspace: context.workspace, stdout: context.stdout, stderr: context.stderr
          ).run()
        }),
      CommandSpec(
        name: "lessons",
        synopses: [
          .init(
            usage: "lessons", summary: "list the lessons, exercises and scripts (and their data)")
        ], help: { LessonsCommand.help },
        run: { context in
          try LessonsCommand(workspace: context.workspace, stdout: context.stdout).run()
        }),
      CommandSpec(
        name: "init",
        synopses: [
          .init(
            usage: "init [DIR]",
            summary: "write your own copy of the lessons to edit (./cnn-lessons)")
        ], help: { InitCommand.help },
        run: { context in
          try InitCommand(workspace: context.workspace, stdout: context.stdout).run()
        }),
      CommandSpec(
        name: "bench",
        synopses: [
          .init(
            usage: "bench [CASE...]",
            summary: "measure the kernels and training speed (--json for machines)")
        ], help: { HelpText.bench },
        run: { context in
          try BenchCommand(
            workspace: context.workspace, stdout: context.stdout, stderr: context.stderr
          ).run()
        }),
      CommandSpec(
        name: "exercise",
        synopses: [
          .init(usage: "exercise --list", summary: "list the self-check exercises"),
          .init(
            usage: "exercise ID [FILE]",
            summary: "write exercise ID's starter to FILE (never over your work)"),
        ], help: { ExerciseCommand.help },
        run: { context in
          try ExerciseCommand(workspace: context.workspace, stdout: context.stdout).run()
        }),
      CommandSpec(
        name: "check",
        synopses: [
          .init(usage: "check FILE", summary: "run the checks of your exercise file, with hints")
        ], help: { CheckCommand.help },
        run: { context in
          try CheckCommand(
            workspace: context.workspace, stdout: context.stdout, stderr: context.stderr
          ).run()
        }),
      CommandSpec(
        name: "help",
        synopses: [.init(usage: "help [COMMAND]", summary: "show help for a command")],
        help: { HelpText.help },
        run: { context in
          let operands = context.options.operands
          guard operands.count <= 1 else {
            throw UsageError(
              "'help' takes one command, e.g. 'cnn-lesson help run'", command: "help")
          }
          guard let name = operands.first else {
            context.stdout.write(HelpText.main + "\n")
            return .success
          }
          guard let command = command(named: name) else { throw unknownCommand(name) }
          context.stdout.write(command.help() + "\n")
          return .success
        }),
    ]
  }

  /// Every command's name, in the table's order.
  static var names: [String] { all.map(\.name) }

  /// The command called `name`, if any.
  static func command(named name: String) -> CommandSpec? {
    all.first { $0.name == name }
  }

  /// The usage error for a word that names no command: the closest command when one is close,
  /// and every command.
  static func unknownCommand(_ word: String) -> UsageError {
    UsageError(
      "unknown command '\(word)'",
      notes: didYouMean(word, in: names) + ["commands: " + names.joined(separator: ", ")])
  }

  /// The general help's USAGE lines, `cnn-lesson USAGE` in a column and the summary beside it.
  static var usageSection: String {
    all.flatMap(\.synopses).map { synopsis in
      let usage = "  cnn-lesson " + synopsis.usage
      let column = max(usage.count + 2, 33)
      return usage + String(repeating: " ", count: column - usage.count) + synopsis.summary
    }.joined(separator: "\n")
  }
}
