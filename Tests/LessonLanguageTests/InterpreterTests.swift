import Testing

@testable import LessonLanguage

/// What one run of lesson code did: its printed output, its warnings, and its error if it failed.
struct LessonRunResult {
  var output = ""
  var warnings: [String] = []
  var error: Diagnostic?

  /// The error as `file:line:col: message` plus its notes, one per line, or "no error".
  var errorText: String {
    guard let error else { return "no error" }
    let location = error.span.map { "\($0): " } ?? ""
    return ([location + error.message] + error.notes.map { "note: " + $0 }).joined(separator: "\n")
  }
}

/// Helpers shared by the interpreter and builtin tests.
enum InterpreterTestSupport {
  /// Runs `source` (a file `test.py`) in a fresh interpreter, capturing everything it prints.
  static func run(_ source: String, displayLastExpression: Bool = false, seed: UInt64 = 0)
    -> LessonRunResult
  {
    final class Capture {
      var output = ""
      var warnings: [String] = []
    }
    let capture = Capture()
    let interpreter = Interpreter(seed: seed, output: { capture.output += $0 })
    interpreter.warning = { capture.warnings.append($0) }
    var result = LessonRunResult()
    run(source, in: interpreter, displayLastExpression: displayLastExpression, into: &result)
    result.output = capture.output
    result.warnings = capture.warnings
    return result
  }

  /// Runs `source` in `interpreter` (which keeps its globals across calls, like notebook cells).
  static func run(
    _ source: String, in interpreter: Interpreter, displayLastExpression: Bool = false,
    into result: inout LessonRunResult
  ) {
    do {
      try interpreter.run(
        source, file: SourceFile(path: "test.py", text: source),
        displayLastExpression: displayLastExpression)
    } catch {
      result.error = error
    }
  }

  /// The output of `source`, recording an issue if it fails.
  static func output(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String
  {
    let result = run(source)
    if let error = result.error {
      Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
    }
    return result.output
  }
}

/// A snippet and the text it must print.
struct OutputCase: Sendable, CustomTestStringConvertible {
  let source: String
  let expected: String
  init(_ source: String, _ expected: String) {
    self.source = source
    self.expected = expected
  }
  var testDescription: String { source.split(separator: "\n").first.map(String.init) ?? "" }
}

// MARK: - Python semantics

@Suite struct InterpreterTests {
  static let arithmetic: [OutputCase] = [
    OutputCase("print(7 // 2, -7 // 2, 7 // -2, 7 % 3, -7 % 3, 7 % -3)", "3 -4 -4 1 2 -2\n"),
    OutputCase("print(7.5 // 2, -7.5 // 2, -7.5 % 2, 7 / 2, 6 / 3)", "3.0 -4.0 0.5 3.5 2.0\n"),
    OutputCase(
      "print(2 ** 10, 2 ** -1, 2 ** 0.5, (-2) ** 3, -2 ** 2)", "1024 0.5 1.4142135623730951 -8 -4\n"
    ),
    OutputCase("print(1 + 2.0, True + 1, 3 * 'ab', [0] * 3, -(-3))", "3.0 2 ababab [0, 0, 0] 3\n"),
    OutputCase(
      "print(0.1 + 0.2, 1 / 3, 1e-05, 1e16, 1e20, 100.0)",
      "0.30000000000000004 0.3333333333333333 1e-05 1e+16 1e+20 100.0\n"),
    OutputCase(
      "print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, 2 != 2, 'a' < 'b', (1, 2) < (1, 3))",
      "True False True False True True\n"),
    OutputCase("print(0 and 1 / 0, 1 or 1 / 0, not 0, [] or 'x', 2 and 3)", "0 1 True x 3\n"),
    OutputCase(
      "print(None is None, [] is [], 1 in [1, 2], 'b' not in 'abc', 3 if [] else 4)",
      "True False True False 4\n"),
  ]

  static let strings: [OutputCase] = [
    OutputCase(
      "s = 'hello'\nprint(s[1:3], s[-1], s[::-1], len(s), s.upper(), 'll' in s)",
      "el o olleh 5 HELLO True\n"),
    OutputCase(
      "x = 3.14159\ns = 'hi'\nprint(f'{x:.2f}|{s!r}|{s:>4}|{42:05d}|{x}')",
      "3.14|'hi'|  hi|00042|3.14159\n"),
    OutputCase("print('{} and {:.1f} and {name}'.format(1, 2.25, name='n'))", "1 and 2.2 and n\n"),
    OutputCase("print('{:,} {:>6} {:<4}|'.format(1234567, 'ab', 'c'))", "1,234,567     ab c   |\n"),
    OutputCase(
      "print('%d items, %.3f, %s, %5.1f%%' % (3, 1.5, 'ok', 99.5))", "3 items, 1.500, ok,  99.5%\n"),
    OutputCase(
      "print('-'.join(['a', 'b']), 'a,b'.split(','), ' x '.strip(), 'ab'.replace('b', 'c'))",
      "a-b ['a', 'b'] x ac\n"),
    OutputCase(
      "print(repr('it\\'s'), str(1.0), str(None), repr([1, 'a']))", "\"it's\" 1.0 None [1, 'a']\n"),
  ]

  static let containers: [OutputCase] = [
    OutputCase(
      "l = [1, 2, 3]\nl += [4]\nl.append(5)\nprint(l, l[-2], l[1:-1], l[::2], l[::-1])",
      "[1, 2, 3, 4, 5] 4 [2, 3, 4] [1, 3, 5] [5, 4, 3, 2, 1]\n"),
    OutputCase(
      "l = [1, 2, 3]\nm = l\nm += [4]\nprint(l, [i * i for i in l if i % 2])",
      "[1, 2, 3, 4] [1, 9]\n"),
    OutputCase(
      "a, b = (1, 2)\na, b = b, a\nprint(a, b, (1,), (), [x for x in range(3) for _ in range(x)])",
      "2 1 (1,) () [1, 2, 2]\n"),
    OutputCase(
      "for i, (a, b) in enumerate(zip([1, 2], ['x', 'y'])):\n    print(i, a, b)", "0 1 x\n1 2 y\n"),
    OutputCase("first, *rest = [1, 2, 3]\nprint(first, rest)", "1 [2, 3]\n"),
    OutputCase(
      "d = {'a': 1, 'b': 2}\nd['c'] = 3\nprint(d, d['b'], list(d.keys()), d.get('z', 0), len(d), 'a' in d)",
      "{'a': 1, 'b': 2, 'c': 3} 2 ['a', 'b', 'c'] 0 3 True\n"),
    OutputCase(
      "d = {'a': 1}\nfor k, v in d.items():\n    print(k, v)\nprint({i: i * i for i in range(3)})",
      "a 1\n{0: 0, 1: 1, 2: 4}\n"),
    OutputCase("l = [1]\nl.append(l)\nprint(l)", "[1, [...]]\n"),
  ]

  static let builtins: [OutputCase] = [
    OutputCase(
      "print(list(range(3)), list(range(1, 4)), list(range(10, 0, -3)), list(range(0)), len(range(1, 10, 2)))",
      "[0, 1, 2] [1, 2, 3] [10, 7, 4, 1] [] 5\n"),
    OutputCase("for i, c in enumerate('ab', start=1):\n    print(i, c)", "1 a\n2 b\n"),
    OutputCase(
      "print(list(zip([1, 2, 3], 'ab')), sum(i for i in range(5)), sum([0.5, 1]))",
      "[(1, 'a'), (2, 'b')] 10 1.5\n"),
    OutputCase(
      "print(min(3, 1, 2), max([4, 9, 2]), min('b', 'a'), abs(-3), abs(-2.5))", "1 9 a 3 2.5\n"),
    OutputCase(
      "print(round(0.5), round(1.5), round(2.5), round(-0.5), round(0.125, 2), round(1.23456, 3), round(7, -1))",
      "0 2 2 0 0.12 1.235 10\n"),
    OutputCase(
      "print(int(3.9), int(-3.9), int('42'), int(True), float('1.5'), float(2), float('-inf'))",
      "3 -3 42 1 1.5 2.0 -inf\n"),
    OutputCase(
      "print(isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, float)), isinstance('a', list))",
      "True True True False\n"),
    OutputCase(
      "print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted(['b', 'a']), list(reversed([1, 2])))",
      "[1, 2, 3] [3, 2, 1] ['a', 'b'] [2, 1]\n"),
    OutputCase(
      "print(bool([]), bool(2), str(12), len({'a': 1}), tuple([1, 2]), type(1))",
      "False True 12 1 (1, 2) <class 'int'>\n"),
  ]

  static let functions: [OutputCase] = [
    OutputCase(
      "def f(a, b=2, *args, c=5, **kw):\n    return a, b, args, c, kw\nprint(f(1))\nprint(f(1, 3, 4, 5, c=6, z=7))\nprint(f(b=1, a=0))",
      "(1, 2, (), 5, {})\n(1, 3, (4, 5), 6, {'z': 7})\n(0, 1, (), 5, {})\n"),
    OutputCase(
      "def outer():\n    n = 10\n    def inner(k):\n        return n + k\n    return inner\nprint(outer()(5))",
      "15\n"),
    OutputCase(
      "def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nprint(fact(20))",
      "2432902008176640000\n"),
    OutputCase(
      "count = 0\ndef bump():\n    global count\n    count += 1\nbump()\nbump()\nprint(count)",
      "2\n"),
    OutputCase(
      "sq = lambda x, y=1: x * x + y\nprint(sq(3), sq(3, y=0), sorted([3, -4], key=lambda v: v * v))",
      "10 9 [3, -4]\n"),
    OutputCase(
      "def f(*args, **kwargs):\n    return len(args), kwargs\nprint(f(*[1, 2], **{'a': 3}))",
      "(2, {'a': 3})\n"),
    OutputCase("def doc():\n    \"\"\"Docstring.\"\"\"\n    return 1\nprint(doc())", "1\n"),
  ]

  static let classes: [OutputCase] = [
    OutputCase(
      """
      class A:
          kind = 'a'
          def __init__(self, v):
              self.v = v
          def get(self):
              return self.v
      class B(A):
          def __init__(self, v, w):
              super().__init__(v)
              self.w = w
          def get(self):
              return super().get() + self.w
      b = B(1, 2)
      print(b.get(), b.kind, B.kind, isinstance(b, A), isinstance(b, B), isinstance(A(0), B))
      """, "3 a a True True False\n"),
    OutputCase(
      "class C(object):\n    def __init__(self):\n        self.items = []\nc = C()\nc.items.append(1)\nc.x = 2\nprint(c.items, c.x)",
      "[1] 2\n"),
    OutputCase("class C:\n    pass\nprint(C(), C)", "<__main__.C object> <class '__main__.C'>\n"),
  ]

  static let statements: [OutputCase] = [
    OutputCase(
      "for i in range(5):\n    if i == 1:\n        continue\n    if i == 3:\n        break\n    print(i)\nelse:\n    print('no')",
      "0\n2\n"),
    OutputCase("for i in range(2):\n    pass\nelse:\n    print('else ran')", "else ran\n"),
    OutputCase(
      "x = 5\nif x < 3:\n    print('a')\nelif x < 6:\n    print('b')\nelse:\n    print('c')", "b\n"),
    OutputCase("x = 1\nassert x == 1, 'fine'\ndel x\nx = 'again'\nprint(x)", "again\n"),
    OutputCase("l = [1, 2, 3]\ndel l[0]\nd = {'a': 1}\ndel d['a']\nprint(l, d)", "[2, 3] {}\n"),
    OutputCase(
      "import torch\nx = torch.ones(2, requires_grad=True)\nwith torch.no_grad():\n    y = x * 2\nprint(y.requires_grad, (x * 2).requires_grad)",
      "False True\n"),
    OutputCase("a = b = 3\na += 1\nprint(a, b)", "4 3\n"),
  ]

  @Test(arguments: arithmetic + strings + containers)
  func valuesAndContainers(_ example: OutputCase) {
    #expect(InterpreterTestSupport.output(example.source) == example.expected)
  }

  @Test(arguments: builtins + functions)
  func builtinsAndFunctions(_ example: OutputCase) {
    #expect(InterpreterTestSupport.output(example.source) == example.expected)
  }

  @Test(arguments: classes + statements)
  func classesAndStatements(_ example: OutputCase) {
    #expect(InterpreterTestSupport.output(example.source) == example.expected)
  }

  @Test func lastBareExpressionIsDisplayedAsRepr() {
    #expect(InterpreterTestSupport.run("x = 'a'\nx", displayLastExpression: true).output == "'a'\n")
    #expect(
      InterpreterTestSupport.run("[1, 2.5]", displayLastExpression: true).output == "[1, 2.5]\n")
    #expect(InterpreterTestSupport.run("None", displayLastExpression: true).output == "")
    #expect(InterpreterTestSupport.run("print(1)", displayLastExpression: true).output == "1\n")
    #expect(InterpreterTestSupport.run("x = 'a'\nx").output == "")
  }

  @Test func globalsPersistAcrossCells() {
    final class Printed { var text = "" }
    let printed = Printed()
    let interpreter = Interpreter(output: { printed.text += $0 })
    var result = LessonRunResult()
    InterpreterTestSupport.run("def f(x):\n    return x + 1\nn = 1", in: interpreter, into: &result)
    InterpreterTestSupport.run("print(f(n))", in: interpreter, into: &result)
    #expect(result.error == nil)
    #expect(printed.text == "2\n")
  }
}
