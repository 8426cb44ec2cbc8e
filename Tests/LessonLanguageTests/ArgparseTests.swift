import Testing

@testable import LessonLanguage

/// `argparse` and `sys.argv` as Python 3.11 runs them: every expected text is python3's for the
/// same script and arguments.
@Suite struct ArgparseTests {
  static let script = """
    import argparse
    import sys
    parser = argparse.ArgumentParser(description='PyTorch MNIST Example')
    parser.add_argument('--batch-size', type=int, default=64, metavar='N',
                        help='input batch size for training (default: 64)')
    parser.add_argument('--lr', type=float, default=1.0, metavar='LR',
                        help='learning rate (default: 1.0)')
    parser.add_argument('--no-accel', action='store_true',
                        help='disables accelerator')
    parser.add_argument('--save-model', action='store_true',
                        help='For Saving the current Model')
    parser.add_argument('--name', default='x', help='a name, %(default)s by default')
    args = parser.parse_args()
    print(args)
    print(args.batch_size, args.lr, args.no_accel, sys.argv[1:])
    """

  /// Runs the script as `ap.py ARGUMENTS`; its output, and the SystemExit it ended with.
  static func run(_ arguments: [String]) -> (output: String, exit: PythonException?) {
    var environment = LessonEnvironment()
    environment.argv = ["ap.py"] + arguments
    var output = ""
    let interpreter = Interpreter(environment: environment, output: { output += $0 })
    var result = LessonRunResult()
    InterpreterTestSupport.run(script, in: interpreter, into: &result)
    return (output, result.error?.exception)
  }

  @Test(arguments: [
    (
      [String](),
      "Namespace(batch_size=64, lr=1.0, no_accel=False, save_model=False, name='x')\n64 1.0 False []\n"
    ),
    (
      ["--batch-size", "8", "--lr=0.5", "--no-accel"],
      "Namespace(batch_size=8, lr=0.5, no_accel=True, save_model=False, name='x')\n"
        + "8 0.5 True ['--batch-size', '8', '--lr=0.5', '--no-accel']\n"
    ),
    (
      ["--batch", "3"],
      "Namespace(batch_size=3, lr=1.0, no_accel=False, save_model=False, name='x')\n"
        + "3 1.0 False ['--batch', '3']\n"
    ),
  ])
  func parsesAsPythonDoes(arguments: [String], expected: String) {
    let run = Self.run(arguments)
    #expect(run.exit == nil)
    #expect(run.output == expected)
  }

  static let usage = """
    usage: ap.py [-h] [--batch-size N] [--lr LR] [--no-accel] [--save-model]
                 [--name NAME]

    """

  @Test(arguments: [
    (["--epochs", "1"], "unrecognized arguments: --epochs 1"),
    (["--lr", "x"], "argument --lr: invalid float value: 'x'"),
    (["--batch-size"], "argument --batch-size: expected one argument"),
    (["--no-accel=1"], "argument --no-accel: ignored explicit argument '1'"),
  ])
  func errorsExitWithStatus2AndTheUsage(arguments: [String], message: String) {
    let run = Self.run(arguments)
    #expect(run.exit?.type == .systemExit)
    #expect(run.exit?.exitStatus == 2)
    #expect(run.exit?.exitText == Self.usage + "ap.py: error: \(message)\n")
  }

  @Test func helpPrintsPythonsLayoutAndExits0() {
    let run = Self.run(["-h"])
    #expect(run.exit?.exitStatus == 0)
    #expect(
      run.output == Self.usage + """

        PyTorch MNIST Example

        options:
          -h, --help      show this help message and exit
          --batch-size N  input batch size for training (default: 64)
          --lr LR         learning rate (default: 1.0)
          --no-accel      disables accelerator
          --save-model    For Saving the current Model
          --name NAME     a name, x by default

        """)
  }

  @Test func sysExitEndsWithItsStatus() {
    var environment = LessonEnvironment()
    environment.argv = ["s.py"]
    let interpreter = Interpreter(environment: environment, output: { _ in })
    var result = LessonRunResult()
    InterpreterTestSupport.run("import sys\nsys.exit(3)", in: interpreter, into: &result)
    #expect(result.error?.exception?.type == .systemExit)
    #expect(result.error?.exception?.exitStatus == 3)
    #expect(InterpreterTestSupport.output("import sys\nprint(sys.argv)") == "['']\n")
  }
}
