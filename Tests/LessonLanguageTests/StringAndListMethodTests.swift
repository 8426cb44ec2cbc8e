import Testing

@testable import LessonLanguage

/// Python's str and list methods (expected values from Python 3.11).
@Suite struct StringAndListMethodTests {
  @Test func behavesAsPythonDoes() {
    let source = """
      print('a b  c '.split(), ' a b c'.split(None, 1), 'a,b,,c'.split(','), 'a,b,c'.split(',', 1), ''.split(), ''.split(','))
      print('a1b2'.split(maxsplit=0), '  x  y  '.split(maxsplit=1))
      print('-'.join(['a', 'b', 'c']), ''.join([]), 'xxhixx'.strip('x'), '  hi  '.lstrip() + '|', '  hi  '.rstrip() + '|', 'abcba'.rstrip('ab'))
      print('aaa'.replace('a', 'b', 2), 'ab'.replace('', '-'), 'ab'.replace('', '-', 2), 'hello'.replace('l', 'L'))
      print('hello'.find('l'), 'hello'.rfind('l'), 'hello'.find('z'), 'hello'.find(''), 'hello'.rfind(''))
      print('model.pt'.endswith(('.pt', '.pth')), 'img.png'.startswith(('a', 'b')), 'abc'.startswith('ab'))
      print('[' + 'ab'.ljust(5) + ']', '[' + 'ab'.rjust(5, '*') + ']', '[' + 'ab'.center(5) + ']', '[' + 'abc'.center(6, '-') + ']', 'abcdef'.center(3))
      print('hello world'.upper(), 'HeLLo'.lower(), 'hello wORLD 3rd'.title(), 'hELLO world'.capitalize())
      print('123'.isdigit(), '12a'.isdigit(), ''.isdigit(), 'abc'.isalpha(), ' \t'.isspace())
      print('banana'.count('an'), 'aaaa'.count('aa'), 'abc'.count(''), '42'.zfill(5), '-42'.zfill(5), 'abc'.zfill(2))
      a = [3, 1, 2]; a.sort(); print(a)
      a.sort(reverse=True); print(a)
      w = ['bb', 'a', 'ccc', 'dd']; w.sort(key=len); print(w)
      w.sort(key=len, reverse=True); print(w)
      p = [(1, 'b'), (0, 'a'), (1, 'a')]; p.sort(key=lambda t: t[0]); print(p)
      a = [1, 2, 3]; a.insert(0, 0); a.insert(-1, 9); a.insert(100, 7); print(a)
      print(a.count(9), [1, 1.0, True].count(1), a.index(9), a.index(7, 2))
      a.remove(9); print(a, a.pop(), a.pop(0), a)
      a.reverse(); print(a)
      b = a.copy(); a.extend(range(2)); print(a, b)
      a.clear(); print(a, len(a))
      print(sorted([3, 1, 2], reverse=True))
      if __name__ == '__main__':
          print('main', __name__)
      """
    #expect(
      InterpreterTestSupport.output(source) == """
        ['a', 'b', 'c'] ['a', 'b c'] ['a', 'b', '', 'c'] ['a', 'b,c'] [] ['']
        ['a1b2'] ['x', 'y  ']
        a-b-c  hi hi  |   hi| abc
        bba -a-b- -a-b heLLo
        2 3 -1 0 5
        True False True
        [ab   ] [***ab] [  ab ] [-abc--] abcdef
        HELLO WORLD hello Hello World 3Rd Hello world
        True False False True True
        2 2 4 00042 -0042 abc
        [1, 2, 3]
        [3, 2, 1]
        ['a', 'bb', 'dd', 'ccc']
        ['ccc', 'bb', 'dd', 'a']
        [(0, 'a'), (1, 'b'), (1, 'a')]
        [0, 1, 2, 9, 3, 7]
        1 3 3 5
        [1, 2, 3] 7 0 [1, 2, 3]
        [3, 2, 1]
        [3, 2, 1, 0, 1] [3, 2, 1]
        [] 0
        [3, 2, 1]
        main __main__

        """)
  }

  static let errors: [(String, String)] = [
    ("[1].remove(2)", "ValueError: list.remove(x): x not in list"),
    ("[1].index(2)", "ValueError: 2 is not in list"),
    ("[].pop()", "IndexError: pop from empty list"),
    ("[1].pop(5)", "IndexError: pop index out of range"),
    ("'a'.ljust(3, 'ab')", "TypeError: The fill character must be exactly one character long"),
    ("'a,b'.split('')", "ValueError: empty separator"),
    ("'a'.startswith(1)", "TypeError: startswith first arg must be str or a tuple of str, not int"),
    ("'-'.join([1])", "TypeError: sequence item 0: expected str instance, int found"),
  ]

  @Test(arguments: errors)
  func raisesWhatPythonRaises(_ source: String, _ expected: String) {
    let result = InterpreterTestSupport.run(source)
    #expect(result.errorText.hasSuffix(expected), "\(result.errorText)")
  }
}
