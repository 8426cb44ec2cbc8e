import Testing

@testable import LessonLanguage

/// Python values made to exhaust memory, recurse without bound or leave 64 bits end with a
/// located Python exception or Python's output (issue 9).
@Suite struct HostileValuesTests {
  /// Runs `source` with a 16 MiB budget for its values.
  static func run(_ source: String) -> LessonRunResult {
    var printed = ""
    let environment = LessonEnvironment(memoryLimit: 16 << 20)
    let interpreter = Interpreter(environment: environment, output: { printed += $0 })
    var result = LessonRunResult()
    InterpreterTestSupport.run(source, in: interpreter, into: &result)
    result.output = printed
    return result
  }

  @Test(arguments: [
    ("s = 'ab'\nfor i in range(100):\n    s = s + s", ExceptionType.memoryError),
    ("x = [0]\nfor i in range(100):\n    x = x * 2", .memoryError),
    ("x = [1]\nfor i in range(100):\n    x = x + x", .memoryError),
    ("t = (1,)\nfor i in range(100):\n    t = t + t", .memoryError),
    ("y = list(range(10 ** 10))", .memoryError),
    ("y = [*range(10 ** 10)]", .memoryError),
    ("s = 'x' * 10 ** 6\nt = ', '.join([s] * 20)", .memoryError),
    ("y = [1] * 10 ** 9", .memoryError),
    ("print(2 ** 64)", .overflowError),
    ("print(10 ** 19)", .overflowError),
    ("print(abs(-9223372036854775807 - 1))", .overflowError),
    ("x = 2 ** 62\nprint(x + x)", .overflowError),
    ("print((-9223372036854775807 - 1) // -1)", .overflowError),
    ("print(int(1e30))", .overflowError),
    ("print(int(float('inf')))", .overflowError),
    ("print(int(float('nan')))", .valueError),
    ("print(round(1e300))", .overflowError),
    ("print(round(9223372036854775807, -1))", .overflowError),
    ("m = -9223372036854775807 - 1\nprint(len(range(m, 9223372036854775807)))", .overflowError),
    ("a = [1]\na.append(a)\nb = [1]\nb.append(b)\nprint(a < b)", .recursionError),
  ])
  func failsWithALocatedException(source: String, type: ExceptionType) throws {
    let result = Self.run(source)
    let error = try #require(result.error, "expected \(type.name)")
    #expect(error.message.hasPrefix(type.name), "\(result.errorText)")
    let span = try #require(error.span)
    #expect(span.line >= 1 && span.column >= 1)
  }

  @Test(arguments: [
    ("x = [1]\nx.append(x)\nprint(x, x == x, len(x), x in x)", "[1, [...]] True 2 True\n"),
    ("d = {}\nd['a'] = d\nprint(d)", "{'a': {...}}\n"),
    ("print((1,), (), [(1, 2)])", "(1,) () [(1, 2)]\n"),
    ("print((-9223372036854775807 - 1) % -1, 2 ** 53 + 1 > 2 ** 53)", "0 True\n"),
    ("x = [1]\nx.append(x)\nprint(x < x, x <= x)", "False True\n"),
    ("y = []\nfor i in range(100000):\n    y = [y]\nprint(len(repr(y)))", "200002\n"),
  ])
  func behavesAsPython(source: String, output: String) {
    let result = Self.run(source)
    #expect(result.error == nil, "\(result.errorText)")
    #expect(result.output == output)
  }

  @Test func listsAndDictsChargeTheBudgetWhileTheyLive() throws {
    let interpreter = Interpreter(
      environment: LessonEnvironment(memoryLimit: 64 << 20), output: { _ in })
    let budget = try #require(interpreter.memoryBudget)
    let source = "x = [0] * 100000\nd = {i: i for i in range(1000)}"
    try interpreter.run(source, file: SourceFile(path: "m.py", text: source))
    #expect(budget.used >= 100_000 * ValueMemory.bytesPerItem)
    try interpreter.run("x = None\nd = None", file: SourceFile(path: "m.py", text: "x = None"))
    #expect(budget.used < 1000 * ValueMemory.bytesPerItem)
  }

  @Test func aRequestOverTheBudgetSaysWhatItAskedFor() throws {
    let result = Self.run("y = [1] * 10 ** 9")
    let error = try #require(result.error)
    #expect(
      error.message
        == "MemoryError: a list would make 1,000,000,000 elements (29.8 GiB); the limit is 16 MiB (32 bytes already in use)"
    )
  }
}

extension HostileValuesTests {
  /// Deleting keys one by one, interleaved with `len`, truthiness and membership, keeps order
  /// and counts right (removed entries are compacted lazily).
  @Test func dictDeletionsKeepOrderAndCount() {
    let source = """
      d = {i: i * i for i in range(20000)}
      for i in range(0, 20000, 2):
          del d[i]
      print(len(d), bool(d), 4 in d, 5 in d, list(d)[:3], d[7])
      d[4] = 0
      print(list(d.items())[-2:], len(d))
      for k in list(d):
          del d[k]
      print(d, len(d))
      """
    let result = Self.run(source)
    #expect(result.error == nil)
    #expect(
      result.output
        == "10000 True False True [1, 3, 5] 49\n[(19999, 399960001), (4, 0)] 10001\n{} 0\n")
  }
}
