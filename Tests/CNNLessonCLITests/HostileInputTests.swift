import Foundation
import Testing

@testable import CNNLessonCLI

/// Issue 9's bombs: programs a hostile (or unlucky) student might run. Each must end with a
/// located error of the right class (or run correctly), through the real command line, under the
/// limits a user would give (`--timeout`, `--max-memory 1GiB`), never with a crash.
@Suite struct HostileInputTests {
  /// One bomb: the script, the exception classes it may end with (empty: it must succeed) and
  /// the line the error must point at.
  struct Bomb: CustomTestStringConvertible, Sendable {
    let name: String
    let code: String
    let classes: [String]
    /// The line the error points at; 0 for any line.
    var line = 0
    var stdout: String?

    var testDescription: String { name }
  }

  /// What an allocation too large for the machine raises: PyTorch's `RuntimeError`
  /// (DefaultCPUAllocator) for one tensor past the per-tensor limit, `MemoryError` past the budget.
  static let allocation = ["RuntimeError", "MemoryError"]

  static let prelude = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"

  static func long(_ term: String, _ separator: String, _ count: Int) -> String {
    Array(repeating: term, count: count).joined(separator: separator)
  }

  static let bombs: [Bomb] = [
    Bomb(
      name: "Linear(2**62, 4)", code: "l = nn.Linear(2**62, 4)\nprint(l.weight[0, :10])",
      classes: ["MemoryError", "RuntimeError"], line: 4),
    Bomb(
      name: "Conv2d kernel 2**62", code: "nn.Conv2d(1, 1, kernel_size=2**62)",
      classes: ["MemoryError", "RuntimeError", "OverflowError"], line: 4),
    Bomb(
      name: "Conv2d(192, 10**9, 1)", code: "nn.Conv2d(192, 10**9, 1)", classes: allocation,
      line: 4),
    Bomb(
      name: "Linear(10**6, 10**6)", code: "nn.Linear(10**6, 10**6)", classes: allocation,
      line: 4),
    Bomb(name: "arange(10**12)", code: "torch.arange(10**12)", classes: allocation, line: 4),
    Bomb(
      name: "randperm(10**10)", code: "torch.randperm(10**10)", classes: allocation, line: 4),
    Bomb(
      name: "1e5 x 1e5 matmul",
      code: "a = torch.zeros(100000, 1)\nb = torch.zeros(1, 100000)\nc = a @ b",
      classes: allocation, line: 6),
    Bomb(
      name: "conv2d padding 10**9",
      code:
        "x = torch.zeros(1, 1, 4, 4)\nw = torch.zeros(1, 1, 2, 2)\nF.conv2d(x, w, padding=10**9)",
      classes: allocation, line: 6),
    Bomb(
      name: "conv2d dilation 2**62",
      code:
        "x = torch.zeros(1, 1, 4, 4)\nw = torch.zeros(1, 1, 2, 2)\nF.conv2d(x, w, dilation=2**62)",
      classes: ["RuntimeError"], line: 6),
    Bomb(
      name: "cat doubling",
      code: "x = torch.ones(1024)\nfor i in range(100):\n    x = torch.cat([x, x])",
      classes: ["MemoryError"], line: 6),
    Bomb(
      name: "string doubling", code: "s = 'ab'\nfor i in range(100):\n    s = s + s",
      classes: ["MemoryError"], line: 6),
    Bomb(
      name: "list doubling", code: "l = [1]\nfor i in range(100):\n    l = l * 2",
      classes: ["MemoryError"], line: 6),
    Bomb(
      name: "comprehension over range(10**9)", code: "x = [i for i in range(10**9)]",
      classes: ["MemoryError", "TimeoutError"], line: 4),
    Bomb(
      name: "tolist of 2**27", code: "x = torch.zeros(2**27).tolist()",
      classes: ["MemoryError"], line: 4),
    Bomb(
      name: "forty tensors of 2**28",
      code: "xs = []\nfor i in range(40):\n    xs.append(torch.zeros(2**28))",
      classes: ["MemoryError"], line: 6),
    Bomb(
      name: "1+1+... 100k terms", code: "x = " + long("1", "+", 100_000),
      classes: ["RecursionError"], line: 4),
    Bomb(
      name: "x.a.a... 100k", code: "x = 1\ny = x" + String(repeating: ".a", count: 100_000),
      classes: ["RecursionError"], line: 5),
    Bomb(
      name: "x[0][0]... 100k", code: "x = [0]\ny = x" + String(repeating: "[0]", count: 100_000),
      classes: ["RecursionError"], line: 5),
    Bomb(
      name: "and/or 100k", code: "x = " + long("True", " and ", 50_000) + " or False",
      classes: ["RecursionError"], line: 4),
    Bomb(
      name: "10k elifs",
      code: "x = 3\nif x == 0:\n    pass\n"
        + (1..<10_000).map { "elif x == \($0):\n    pass\n" }.joined(),
      classes: ["RecursionError"]),
    Bomb(
      name: "list nested 100k deep, printed",
      code: "x = []\nfor i in range(100000):\n    x = [x]\nprint(len(repr(x)))",
      classes: [], stdout: "200002\n"),
    Bomb(
      name: "cyclic list", code: "x = [1]\nx.append(x)\nprint(x == x, x)", classes: [],
      stdout: "True [1, [...]]\n"),
    Bomb(
      name: "30k-step autograd chain",
      code: """
        w = torch.ones(1, requires_grad=True)
        total = torch.zeros(1)
        for i in range(30000):
            total = total + w * 2
        total.backward()
        print(w.grad)
        del total
        """, classes: [], stdout: "tensor([60000.])\n"),
    Bomb(
      name: "loop of 10**12", code: "for i in range(10**12):\n    pass",
      classes: ["TimeoutError"], line: 5),
    Bomb(
      name: "dict literal of 40k keys",
      code: "d = {" + (0..<40_000).map { "\($0): \($0)" }.joined(separator: ", ")
        + "}\nprint(len(d))",
      classes: [], stdout: "40000\n"),
    Bomb(
      name: "call with 30k keyword arguments",
      code: "d = dict(" + (0..<30_000).map { "a\($0)=\($0)" }.joined(separator: ", ")
        + ")\nprint(len(d))", classes: [], stdout: "30000\n"),
    Bomb(name: "1 << 100", code: "x = 1 << 100", classes: ["OverflowError"], line: 4),
  ]

  @Test(arguments: bombs)
  func endsWithALocatedErrorOrRuns(_ bomb: Bomb) throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try (Self.prelude + bomb.code + "\n").write(
      to: directory.appendingPathComponent("bomb.py"), atomically: true, encoding: .utf8)
    let run = runTool(
      ["run", "--timeout", "2", "--max-memory", "1GiB", "bomb.py"],
      workingDirectory: directory.path)
    if bomb.classes.isEmpty {
      #expect(run.code == .success, "\(run.stderr)")
      if let stdout = bomb.stdout { #expect(run.stdout == stdout) }
      return
    }
    #expect(run.code == .lessonError)
    let firstLine = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
    let place = bomb.line == 0 ? "bomb.py:" : "bomb.py:\(bomb.line):"
    let located = bomb.classes.contains {
      firstLine.hasPrefix(place) && firstLine.contains("error: \($0)")
    }
    #expect(located, "\(run.stderr.prefix(600))")
    #expect(run.stderr.contains("^"), "no caret: \(run.stderr.prefix(600))")
  }
}
