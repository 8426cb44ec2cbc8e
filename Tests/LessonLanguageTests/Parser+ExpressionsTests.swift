import Testing

@testable import LessonLanguage

@Suite struct ParserExpressionsTests {
  @Test(arguments: [
    ("1 + 2 * 3", "(+ 1 (* 2 3))"),
    ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
    ("a - b - c", "(- (- a b) c)"),
    ("-2 ** 2", "(- (** 2 2))"),
    ("2 ** -1", "(** 2 (- 1))"),
    ("2 ** 3 ** 2", "(** 2 (** 3 2))"),
    ("a @ b // c % d / e", "(/ (% (// (@ a b) c) d) e)"),
    ("a | b ^ c & d << 1 >> 2", "(| a (^ b (& c (>> (<< d 1) 2))))"),
    ("~x", "(~ x)"),
    ("not a and b or c", "(or (and (not a) b) c)"),
    ("0 < x < 5", "(compare 0 < x < 5)"),
    ("a in b", "(compare a in b)"),
    ("a not in b", "(compare a not in b)"),
    ("a is not None", "(compare a is not None)"),
    ("a is b == c != d <= e >= f", "(compare a is b == c != d <= e >= f)"),
    ("a if c else b", "(if c a b)"),
    ("lambda x, y=1: x + y", "(lambda (x (= y 1)) (+ x y))"),
    ("lambda: 0", "(lambda () 0)"),
  ])
  func operatorPrecedence(source: String, expected: String) {
    #expect(ParserTestSupport.expression(source) == expected)
  }

  @Test(arguments: [
    ("x", "x"),
    ("1_000", "1000"),
    ("0xff", "255"),
    ("0o17", "15"),
    ("0b101", "5"),
    ("1.", "1.0"),
    (".5", "0.5"),
    ("1e-3", "0.001"),
    ("1.5E+2", "150.0"),
    ("True", "True"),
    ("None", "None"),
    ("...", "..."),
    ("'a' \"b\"", "\"ab\""),
    ("'tab\\there'", "\"tab\\there\""),
    ("r'a\\n'", "\"a\\\\n\""),
    ("'''x\ny'''", "\"x\\ny\""),
    ("'\\x41\\u00e9\\101'", "\"AéA\""),
    ("[]", "(list)"),
    ("[1, 2,]", "(list 1 2)"),
    ("()", "(tuple)"),
    ("(1,)", "(tuple 1)"),
    ("1, 2", "(tuple 1 2)"),
    ("{}", "(dict)"),
    ("{'a': 1, **d}", "(dict (\"a\" 1) (** d))"),
    ("{1, 2}", "(set 1 2)"),
    ("[*a, b]", "(list (* a) b)"),
  ])
  func atoms(source: String, expected: String) {
    #expect(ParserTestSupport.expression(source) == expected)
  }

  @Test(arguments: [
    ("x.view(in_size, -1)", "(call (. x view) in_size (- 1))"),
    ("nn.Conv2d(1, 10, kernel_size=5)", "(call (. nn Conv2d) 1 10 (= kernel_size 5))"),
    ("f(*args, **kwargs)", "(call f (* args) (** kwargs))"),
    ("f(a)(b)[0].c", "(. (index (call (call f a) b) 0) c)"),
    ("x[:, 1]", "(index x (tuple (slice _ _ _) 1))"),
    ("x[1:3, ::2]", "(index x (tuple (slice 1 3 _) (slice _ _ 2)))"),
    ("x[..., None]", "(index x (tuple ... None))"),
    ("x[::-1]", "(index x (slice _ _ (- 1)))"),
    ("x[a:]", "(index x (slice a _ _))"),
    ("x[1, 2,]", "(index x (tuple 1 2))"),
    ("sum(x for x in xs)", "(call sum (genexp x (for x xs)))"),
  ])
  func trailers(source: String, expected: String) {
    #expect(ParserTestSupport.expression(source) == expected)
  }

  @Test(arguments: [
    (
      "[x * 2 for x in xs if x if x > 1]",
      "(listcomp (* x 2) (for x xs (if x) (if (compare x > 1))))"
    ),
    ("[(a, b) for a in r for b, c in s]", "(listcomp (tuple a b) (for a r) (for (tuple b c) s))"),
    ("(x for x in y)", "(genexp x (for x y))"),
    ("{k: v for k, v in d.items()}", "(dictcomp k v (for (tuple k v) (call (. d items))))"),
    ("{x for x in y}", "(setcomp x (for x y))"),
  ])
  func comprehensions(source: String, expected: String) {
    #expect(ParserTestSupport.expression(source) == expected)
  }

  @Test(arguments: [
    ("f'{x}'", "(f (format x))"),
    ("f'a {x!r:>10} b'", "(f \"a \" (format x !r (spec \">10\")) \" b\")"),
    ("f'{x:{w}.2f}'", "(f (format x (spec (format w) \".2f\")))"),
    ("f'{{}} {a[\"k\"]}'", "(f \"{} \" (format (index a \"k\")))"),
    ("f'{x=}'", "(f \"x=\" (format x !r))"),
    ("'a' f'{b}' 'c'", "(f \"a\" (format b) \"c\")"),
    ("f'{a + b:.1f}%'", "(f (format (+ a b) (spec \".1f\")) \"%\")"),
    ("f'{a != b}'", "(f (format (compare a != b)))"),
  ])
  func fStrings(source: String, expected: String) {
    #expect(ParserTestSupport.expression(source) == expected)
  }

  @Test func fStringFieldSpansPointIntoTheFile() throws {
    let source = "y = 1\nprint(f'loss {loss.item():.4f}')"
    let file = ParserTestSupport.file(source, firstLine: 10)
    let statements = try Parser.parse(source, file: file, firstLine: 10)
    let statement = try #require(statements.last)
    guard case .expression(let call) = statement.kind, case .call(_, let arguments) = call.kind,
      case .positional(let string) = try #require(arguments.first).kind,
      case .formattedString(let parts) = string.kind,
      case .value(let value) = try #require(parts.last)
    else {
      Issue.record("unexpected tree: \(statement.sExpression)")
      return
    }
    #expect("\(value.expression.span)" == "lesson.md:11:15")
    #expect(value.expression.span.length == 11)
    #expect("\(value.span)" == "lesson.md:11:14")
    #expect(value.span.length == 17)
  }

  @Test func spansCoverTheWholeExpression() throws {
    let file = ParserTestSupport.file("self.fc(x) + b")
    let expression = try Parser.parseExpression("self.fc(x) + b", file: file, firstLine: 1)
    #expect(expression.span.column == 1 && expression.span.length == 14)
    guard case .binary(_, let call, _) = expression.kind else {
      Issue.record("not a binary expression")
      return
    }
    #expect(call.span.column == 1 && call.span.length == 10)
  }
}
