import Testing

@testable import LessonLanguage

/// Signatures print as `inspect.signature` does, and the one binder gives Python's errors.
@Suite struct SignatureTests {
  private static let conv2d = Signature([
    .init("input"), .init("weight"), .init("bias", defaultText: "None"),
    .init("stride", defaultText: "1"), .init("groups", defaultText: "1"),
  ])
  private static let print = Signature([
    .init("values", kind: .variadic), .init("sep", kind: .keywordOnly, defaultText: "' '"),
    .init("kwargs", kind: .keywordVariadic),
  ])
  private static let length = Signature([.init("obj", kind: .positionalOnly)])

  @Test func descriptionsMatchInspectSignature() {
    #expect(Self.conv2d.description == "(input, weight, bias=None, stride=1, groups=1)")
    #expect(Self.print.description == "(*values, sep=' ', **kwargs)")
    #expect(Self.length.description == "(obj, /)")
    let keywordOnly = Signature([.init("a"), .init("b", kind: .keywordOnly, defaultText: "2")])
    #expect(keywordOnly.description == "(a, *, b=2)")
  }

  @Test func bindsPositionalKeywordAndDefaults() throws {
    let slots = try Self.conv2d.bind(
      Arguments([.int(1), .int(2)], keywords: [("groups", .int(4))]), function: "conv2d")
    #expect(slots.count == 5)
    #expect(slots.map { $0 == nil } == [false, false, true, true, false])
    guard case .int(4)? = slots[4] else {
      Issue.record("groups should be 4, got \(String(describing: slots[4]))")
      return
    }
  }

  @Test func collectsStarArgsAndKeywords() throws {
    let slots = try Self.print.bind(
      Arguments([.int(1), .int(2)], keywords: [("sep", .string("-")), ("end", .string("!"))]),
      function: "print")
    guard case .tuple(let values)? = slots[0], case .dict(let extra)? = slots[2] else {
      Issue.record("expected a tuple and a dict, got \(slots)")
      return
    }
    #expect(values.count == 2)
    #expect(extra.keys.count == 1 && extra.keys.first?.stringValue == "end")
  }

  @Test(arguments: [
    (1, [String](), "conv2d() missing 1 required positional argument: 'weight'"),
    (0, [], "conv2d() missing 2 required positional arguments: 'input' and 'weight'"),
    (6, [], "conv2d() takes from 2 to 5 positional arguments but 6 were given"),
    (2, ["input"], "conv2d() got multiple values for argument 'input'"),
    (2, ["grops"], "conv2d() got an unexpected keyword argument 'grops'"),
  ])
  func bindingErrorsArePythons(positional: Int, keywords: [String], message: String) {
    let arguments = Arguments(
      (0..<positional).map { .int($0) }, keywords: keywords.map { ($0, .int(0)) })
    do {
      _ = try Self.conv2d.bind(arguments, function: "conv2d")
      Issue.record("expected a TypeError: \(message)")
    } catch let error as PythonException {
      #expect(error.type == .typeError)
      #expect(error.message == message)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func aMisspelledKeywordSuggestsTheParameter() throws {
    let error = try #require(throws: PythonException.self) {
      try Self.conv2d.bind(
        Arguments([.int(1), .int(2)], keywords: [("grops", .int(3))]), function: "conv2d")
    }
    #expect(error.notes == ["did you mean 'groups'?"])
  }

  @Test func positionalOnlyAndKeywordOnlyRules() {
    let error = #expect(throws: PythonException.self) {
      try Self.length.bind(Arguments([], keywords: [("obj", .int(1))]), function: "len")
    }
    #expect(
      error?.message
        == "len() got some positional-only arguments passed as keyword arguments: 'obj'")
    let keywordOnly = Signature([.init("a"), .init("key", kind: .keywordOnly)])
    let missing = #expect(throws: PythonException.self) {
      try keywordOnly.bind(Arguments([.int(1)]), function: "f")
    }
    #expect(missing?.message == "f() missing 1 required keyword-only argument: 'key'")
    #expect(Signature.englishList(["'a'", "'b'", "'c'"]) == "'a', 'b', and 'c'")
  }

  @Test func invalidSignaturesAreReported() {
    let bad = Signature([.init("a", defaultText: "1"), .init("b"), .init("a")])
    #expect(
      bad.problems == [
        "required parameter 'b' follows one with a default", "duplicate parameter 'a'",
        "required parameter 'a' follows one with a default",
      ])
    let order = Signature([.init("k", kind: .keywordOnly), .init("p")])
    #expect(order.problems == ["parameter 'p' is out of order"])
  }

  /// Lesson functions go through the same binder, so their messages are the builtins'.
  @Test func lessonDefinitionsBindTheSameWay() {
    let result = InterpreterTestSupport.run(
      """
      def f(a, b=2, *rest, key, **extra):
          return a
      f(1)
      """)
    #expect(result.errorText.contains("f() missing 1 required keyword-only argument: 'key'"))
    let ok = InterpreterTestSupport.run(
      """
      def f(a, b=2, *rest, key, **extra):
          print(a, b, rest, key, extra)
      f(1, 3, 4, 5, key=6, z=7)
      """)
    #expect(ok.output == "1 3 (4, 5) 6 {'z': 7}\n")
  }
}
