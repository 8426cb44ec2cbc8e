import Synchronization
import Testing

@testable import LessonLanguage

/// Inputs made to break the tool end with Python's behaviour or a located error, never a crash or
/// a hang (issue 9's bombs for the language).
@Suite struct HostileInputTests {
  @Test(arguments: [
    ("x = [1]\nx.append(x)\nprint(x == x, x)", "True [1, [...]]\n"),
    ("y = []\nfor i in range(200000):\n    y = [y]\ny = None\nprint('freed')", "freed\n"),
    ("d = {}\nfor i in range(100000):\n    d = {'k': d}\nd = None\nprint('freed')", "freed\n"),
    ("print(1 ** (10 ** 18), (-1) ** (10 ** 18 + 1), 2 ** 62)", "1 -1 4611686018427387904\n"),
    (
      "print(1 << 62, -1 << 63, 5 >> 100, -5 >> 100)",
      "4611686018427387904 -9223372036854775808 0 -1\n"
    ),
    ("print({} == {}, {'a': [1]} == {'a': [1]}, 2 ** 53 + 1 == 2 ** 53)", "True True False\n"),
    ("d = {i: i for i in range(40000)}\nprint(len(d), d[39999], d.get(3.0))", "40000 39999 3\n"),
  ])
  func behavesAsPython(source: String, output: String) {
    let result = InterpreterTestSupport.run(source)
    #expect(result.error == nil, "\(result.errorText)")
    #expect(result.output == output)
  }

  @Test(arguments: [
    ("print(1 << 100)", "OverflowError: integer result too large for a lesson (64-bit) int"),
    ("print(1 << -1)", "ValueError: negative shift count"),
    (
      "x = " + Array(repeating: "1", count: 100_000).joined(separator: " + "),
      "RecursionError: maximum recursion depth exceeded during compilation"
    ),
    (
      "x = 1\nx" + String(repeating: ".a", count: 100_000),
      "RecursionError: maximum recursion depth exceeded during compilation"
    ),
    (
      "x = [0]\nx" + String(repeating: "[0]", count: 100_000),
      "RecursionError: maximum recursion depth exceeded during compilation"
    ),
    (
      "x = True " + String(repeating: "and x ", count: 100_000),
      "RecursionError: maximum recursion depth exceeded during compilation"
    ),
    (
      "x = 1\nif x == 0:\n    pass\n"
        + (0..<10_000).map { "elif x == \($0):\n    pass\n" }.joined(),
      "RecursionError: maximum recursion depth exceeded during compilation"
    ),
    (
      "a = [1]\na.append(a)\nb = [1]\nb.append(b)\nprint(a == b)",
      "RecursionError: maximum recursion depth exceeded in comparison"
    ),
  ])
  func failsWithALocatedError(source: String, message: String) throws {
    let result = InterpreterTestSupport.run(source)
    let error = try #require(result.error, "expected \(message)")
    #expect(error.message == message)
    let span = try #require(error.span)
    #expect(span.file.line(span.line) != nil)
  }

  /// A clock that moves one millisecond each time it is read: time limits are tested without
  /// waiting, and without asserting on wall time.
  static func steppingClock() -> LessonClock {
    let ticks = Atomic<Int>(0)
    return LessonClock { .milliseconds(ticks.add(1, ordering: .relaxed).newValue) }
  }

  @Test func anEndlessLoopEndsAtTheTimeLimit() throws {
    let environment = LessonEnvironment(clock: Self.steppingClock(), cellTimeLimit: .seconds(2))
    let interpreter = Interpreter(environment: environment, output: { _ in })
    let source = "total = 0\nfor i in range(10 ** 12):\n    total += i\n"
    let file = SourceFile(path: "loop.py", text: source)
    let error = try #require(throws: Diagnostic.self) { try interpreter.run(source, file: file) }
    #expect(error.message == "TimeoutError: the script ran longer than 2 s")
    #expect(error.span?.line == 3)
    let cell = try #require(throws: Diagnostic.self) {
      try interpreter.run(source, file: file, displayLastExpression: true)
    }
    #expect(cell.message == "TimeoutError: the cell ran longer than 2 s")
    #expect(error.exception?.type == .timeoutError)
    // The limit is per run: the next cell starts with the full time again.
    #expect(throws: Never.self) { try interpreter.run("print(total > 0)", file: file) }
  }

  @Test func aComprehensionOverAHugeRangeEndsToo() throws {
    let environment = LessonEnvironment(clock: Self.steppingClock(), cellTimeLimit: .seconds(1))
    let interpreter = Interpreter(environment: environment, output: { _ in })
    let source = "s = sum(i for i in range(10 ** 12))"
    let error = try #require(throws: Diagnostic.self) {
      try interpreter.run(source, file: SourceFile(path: "c.py", text: source))
    }
    #expect(error.message.hasPrefix("TimeoutError"))
  }

  @Test func anInterruptionStopsTheRunningCode() throws {
    let interruption = Interruption()
    let environment = LessonEnvironment(interruption: interruption)
    var printed = 0
    let interpreter = Interpreter(environment: environment, output: { _ in printed += 1 })
    interpreter.output = { _ in
      printed += 1
      if printed == 3 { interruption.request() }
    }
    let source = "for i in range(10 ** 12):\n    print(i)\n"
    let error = try #require(throws: Diagnostic.self) {
      try interpreter.run(source, file: SourceFile(path: "i.py", text: source))
    }
    #expect(error.exception?.type == .keyboardInterrupt)
    #expect(error.message == "KeyboardInterrupt")
    #expect(printed == 3)
  }
}
