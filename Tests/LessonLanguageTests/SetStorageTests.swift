import Testing

@testable import LessonLanguage

/// Python's sets: unique hashable items, printing, operators and methods (expected values from Python 3.11).
@Suite struct SetStorageTests {
  @Test func behavesAsPythonDoes() {
    let source = """
      s = {1, 2, 2}; print(len(s), s)
      print(set(), set([1, 3, 1]), {(1, 2)}, repr({'a'}), {True, 1, 1.0})
      print({1} | {2, 3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
      print({x % 3 for x in range(6)}, {1, 2} == {2, 1}, bool(set()), sorted({3, 1, 2}))
      s = set(); s.add(1); s.add(1); s.add('a'); s.discard(5); s.discard(1); print(s, 'a' in s, 1 in s)
      s = {1, 2}; t = s.copy(); t.add(3); print(s, t, s.union([4], (5,)), t.intersection({1, 3}), t.difference([1]))
      s.update([7, 8], {9}); print(s, len(s), {1}.issubset([1, 2]), {1, 2}.issuperset([2]))
      s.clear(); print(s)
      for x in {4, 5}: print(x)
      print(isinstance({1}, set), type({1}).__name__, str({1.5, 'x'}))
      """
    #expect(
      InterpreterTestSupport.output(source) == """
        2 {1, 2}
        set() {1, 3} {(1, 2)} {'a'} {True}
        {1, 2, 3} {2} {1} {1, 3}
        {0, 1, 2} True False [1, 2, 3]
        {'a'} True False
        {1, 2} {1, 2, 3} {1, 2, 4, 5} {1, 3} {2, 3}
        {1, 2, 7, 8, 9} 5 True True
        set()
        4
        5
        True set {1.5, 'x'}

        """)
  }

  static let errors: [(String, String)] = [
    ("{[1]}", "TypeError: unhashable type: 'list'"),
    ("{1, (2, [3])}", "TypeError: unhashable type: 'list'"),
    ("s = {1}; s.remove(9)", "KeyError: 9"),
    ("set().pop()", "KeyError: 'pop from an empty set'"),
    ("{1} + {2}", "TypeError: unsupported operand type(s) for +: 'set' and 'set'"),
    ("s = {1}; s.add({2})", "TypeError: unhashable type: 'set'"),
  ]

  @Test(arguments: errors)
  func raisesWhatPythonRaises(_ source: String, _ expected: String) {
    let result = InterpreterTestSupport.run(source)
    #expect(result.errorText.hasSuffix(expected), "\(result.errorText)")
  }
}
