import Testing

@testable import LessonLanguage

@Suite struct ParserTests {
  /// Malformed snippets (starting on line 5 of `lesson.md`) and the error each must raise.
  static let malformed: [(String, String)] = [
    ("x = (1 + 2", "lesson.md:5:5: '(' was never closed"),
    ("foo(1,\n    2", "lesson.md:5:4: '(' was never closed"),
    (
      "x = [1, 2)", "lesson.md:5:10: closing parenthesis ')' does not match opening parenthesis '['"
    ),
    ("x = 1)", "lesson.md:5:6: unmatched ')'"),
    ("if x\n    y = 1", "lesson.md:5:5: expected ':'"),
    ("def f()\n    pass", "lesson.md:5:8: expected ':'"),
    ("  x = 1", "lesson.md:5:3: unexpected indent"),
    ("x = 1\n    y = 2", "lesson.md:6:5: unexpected indent"),
    ("if x:\ny = 1", "lesson.md:6:1: expected an indented block after 'if' statement on line 5"),
    ("def f():\n", "lesson.md:6:1: expected an indented block after function definition on line 5"),
    (
      "for i in r:\n    if i:\n    pass",
      "lesson.md:7:5: expected an indented block after 'if' statement on line 6"
    ),
    (
      "if a:\n        x\n    y",
      "lesson.md:7:5: unindent does not match any outer indentation level"
    ),
    ("if a:\n        x\n\ty", "lesson.md:7:2: inconsistent use of tabs and spaces in indentation"),
    ("s = 'abc", "lesson.md:5:5: unterminated string literal (detected at line 5)"),
    (
      "s = '''abc\n\nx",
      "lesson.md:5:5: unterminated triple-quoted string literal (detected at line 7)"
    ),
    ("x = 1abc", "lesson.md:5:5: invalid decimal literal"),
    ("x = 0xZ", "lesson.md:5:5: invalid hexadecimal literal"),
    (
      "x = 012",
      "lesson.md:5:5: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
    ),
    ("x = 1__0", "lesson.md:5:5: invalid decimal literal"),
    ("x = 3j", "lesson.md:5:5: complex literals are not supported in lessons"),
    ("x = 99999999999999999999", "lesson.md:5:5: integer literal is too large"),
    ("x = a $ b", "lesson.md:5:7: invalid syntax"),
    ("x = a → b", "lesson.md:5:7: invalid character '→' (U+2192)"),
    ("x = 1 \\ 2", "lesson.md:5:7: unexpected character after line continuation character"),
    ("x = ", "lesson.md:5:5: invalid syntax"),
    ("x = 1 2", "lesson.md:5:7: invalid syntax"),
    ("f(a b)", "lesson.md:5:5: invalid syntax. Perhaps you forgot a comma?"),
    (
      "f() = 1",
      "lesson.md:5:1: cannot assign to function call here. Maybe you meant '==' instead of '='?"
    ),
    ("1 = x", "lesson.md:5:1: cannot assign to literal here. Maybe you meant '==' instead of '='?"),
    ("a + 1 += 2", "lesson.md:5:1: 'expression' is an illegal expression for augmented assignment"),
    ("for f() in x:\n    pass", "lesson.md:5:5: cannot assign to function call"),
    ("f(x=1, 2)", "lesson.md:5:8: positional argument follows keyword argument"),
    ("f(x=1, x=2)", "lesson.md:5:8: keyword argument repeated: x"),
    (
      "f(a == 1 = 2)",
      "lesson.md:5:3: expression cannot contain assignment, perhaps you meant \"==\"?"
    ),
    ("f(x for x in y, 1)", "lesson.md:5:3: Generator expression must be parenthesized"),
    (
      "def f(a=1, b):\n    pass",
      "lesson.md:5:12: parameter without a default follows parameter with a default"
    ),
    ("def f(a, a):\n    pass", "lesson.md:5:10: duplicate argument 'a' in function definition"),
    ("return 1", "lesson.md:5:1: 'return' outside function"),
    ("break", "lesson.md:5:1: 'break' outside loop"),
    ("def f():\n    continue", "lesson.md:6:5: 'continue' not properly in loop"),
    ("try:\n    x\nx = 1", "lesson.md:7:1: expected 'except' or 'finally' block"),
    (
      "try:\n    x\nexcept:\n    pass\nexcept E:\n    pass",
      "lesson.md:7:1: default 'except:' must be last"
    ),
    ("except E:\n    pass", "lesson.md:5:1: invalid syntax: 'except' without a 'try' before it"),
    ("while x:\n    pass\nbreak", "lesson.md:7:1: 'break' outside loop"),
    ("@decorator\ndef f():\n    pass", "lesson.md:5:1: decorators are not supported in lessons"),
    ("async def f():\n    pass", "lesson.md:5:1: 'async' is not supported in lessons"),
    ("def f():\n    yield 1", "lesson.md:6:5: 'yield' is not supported in lessons"),
    ("def f():\n    nonlocal x", "lesson.md:6:5: 'nonlocal' is not supported in lessons"),
    (
      "if (n := 10) > 5:\n    pass",
      "lesson.md:5:7: assignment expressions (':=') are not supported in lessons"
    ),
    (
      "match x:\n    case 1:\n        pass",
      "lesson.md:5:1: 'match' statements are not supported in lessons; use 'if'/'elif'"
    ),
    (
      "print 'hello'",
      "lesson.md:5:1: Missing parentheses in call to 'print'. Did you mean print(...)?"
    ),
    ("x = f'{}'", "lesson.md:5:7: f-string: empty expression not allowed"),
    ("x = f'{a'", "lesson.md:5:7: f-string: expecting '}'"),
    ("x = f'a}'", "lesson.md:5:8: f-string: single '}' is not allowed"),
    (
      "x = f'{a!x}'",
      "lesson.md:5:10: f-string: invalid conversion character: expected 's', 'r', or 'a'"
    ),
    ("x = f'{a b}'", "lesson.md:5:10: f-string: invalid syntax"),
    ("x = b'raw'", "lesson.md:5:5: bytes literals are not supported in lessons"),
    ("from __future__ import braces", "lesson.md:5:24: future feature braces is not defined"),
    ("x = a if b", "lesson.md:5:11: expected 'else' after 'if' expression"),
    ("a, *b, *c = d", "lesson.md:5:8: multiple starred expressions in assignment"),
    ("True = 1", "lesson.md:5:1: cannot assign to True"),
    ("del f()", "lesson.md:5:5: cannot delete function call"),
    ("x = '\\x4'", "lesson.md:5:6: (unicode error) truncated or invalid \\x escape"),
    ("else:\n    pass", "lesson.md:5:1: invalid syntax"),
  ]

  @Test func malformedSnippetsGiveLocatedPythonErrors() {
    for (source, expected) in Self.malformed {
      #expect(ParserTestSupport.failure(source, firstLine: 5) == expected, "source: \(source)")
    }
  }

  @Test func errorsCarryPlainWordNotes() throws {
    let source = "@decorator\ndef f():\n    pass"
    let file = ParserTestSupport.file(source)
    #expect {
      try Parser.parse(source, file: file, firstLine: 1)
    } throws: { error in
      guard let diagnostic = error as? Diagnostic else { return false }
      return diagnostic.description == """
        lesson.md:1:1: error: decorators are not supported in lessons
        @decorator
        ^
        note: call the decorator yourself after the definition: f = decorator(f)
        """
    }
  }

  @Test func deepNestingThrowsInsteadOfOverflowingTheStack() {
    let parentheses = String(repeating: "(", count: 99) + "x" + String(repeating: ")", count: 99)
    #expect(ParserTestSupport.failure("y = " + parentheses) == "no error")
    let tooDeep = String(repeating: "(", count: 5000) + "x" + String(repeating: ")", count: 5000)
    #expect(ParserTestSupport.failure(tooDeep).hasSuffix("expression is too deeply nested"))
    #expect(
      ParserTestSupport.failure(String(repeating: "-", count: 5000) + "x")
        .hasSuffix("expression is too deeply nested"))
    #expect(
      ParserTestSupport.failure(String(repeating: "not ", count: 5000) + "x")
        .hasSuffix("expression is too deeply nested"))
    let blocks = (0..<150).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()
    #expect(ParserTestSupport.failure(blocks).hasSuffix("too many levels of indentation"))
    #expect(
      ParserTestSupport.failure("f'{a:{b:{c}}}'").hasSuffix(
        "f-string: expressions nested too deeply"))
  }

  @Test func everyPrefixOfTheLectureParsesOrThrowsADiagnostic() {
    let characters = Array(ParserStatementsTests.lectureProgram)
    for end in 0...characters.count {
      let source = String(characters[0..<end])
      expectNoCrash(source)
    }
  }

  @Test func randomInputsParseOrThrowADiagnostic() {
    var generator = SplitMix(seed: 42)
    let alphabet = Array(
      "ab1_ .,:;()[]{}'\"\\#=+-*/%@<>!~&|^\n\n    \tfor if in def class return é→")
    let fragments = [
      "def ", "class ", "for ", " in ", "if ", "else:", "lambda ", "f'{", "'''", "**", "\n    ",
      "yield",
    ]
    for _ in 0..<3000 {
      var source = ""
      for _ in 0..<Int(generator.next() % 40) {
        if generator.next() % 4 == 0 {
          source += fragments[Int(generator.next() % UInt64(fragments.count))]
        } else {
          source.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
        }
      }
      expectNoCrash(source)
    }
  }

  private func expectNoCrash(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      _ = try Parser.parse(source, file: ParserTestSupport.file(source), firstLine: 1)
    } catch is Diagnostic {
      return
    } catch {
      Issue.record(
        "non-diagnostic error for \(source.debugDescription)", sourceLocation: sourceLocation)
    }
  }
}

/// A small deterministic generator for the random-input test.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
