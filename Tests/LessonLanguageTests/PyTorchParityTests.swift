import Testing

@testable import LessonLanguage

/// Cases where the tool differed from PyTorch 2.15 and Python 3.11 (issue 14, part 1); each
/// expected text is what they print for the same code.
@Suite struct PyTorchParityTests {
  static let prelude = "import torch\nimport torch.nn.functional as F\n"

  static let cases: [OutputCase] = [
    // The backward nodes of the reflected forms (`number OP tensor`) and clone.
    OutputCase(
      "a = torch.tensor([1., 2.], requires_grad=True)\nprint(1 - a, 2 / a)\nprint(a.clone(), 2 ** a)\nprint(torch.pow(2, a), a - 1, a / 2)",
      """
      tensor([ 0., -1.], grad_fn=<RsubBackward1>) tensor([2., 1.], grad_fn=<MulBackward0>)
      tensor([1., 2.], grad_fn=<CloneBackward0>) tensor([2., 4.], grad_fn=<PowBackward2>)
      tensor([2., 4.], grad_fn=<PowBackward2>) tensor([0., 1.], grad_fn=<SubBackward0>) tensor([0.5000, 1.0000], grad_fn=<DivBackward0>)

      """),
    // Their gradients: d/da 2**a = 2**a ln 2; d/da (1 - a) + 2 / a = -1 - 2 / a**2.
    OutputCase(
      "a = torch.tensor([1., 2.], requires_grad=True)\n(2 ** a).sum().backward()\nprint(a.grad)\na.grad = None\n(1 - a).sum().backward()\n(2 / a).sum().backward()\nprint(a.grad)",
      "tensor([1.3863, 2.7726])\ntensor([-3.0000, -1.5000])\n"),
    // A node that saves nothing may be backpropagated twice; retain_graph=True keeps the rest.
    OutputCase(
      "a = torch.tensor([1., 2.], requires_grad=True)\nt = (a + 1).sum()\nt.backward()\nt.backward()\nprint(a.grad)\na.grad = None\nu = (a * a).sum()\nu.backward(retain_graph=True)\nu.backward()\nprint(a.grad)",
      "tensor([2., 2.])\ntensor([4., 8.])\n"),
    // Identity and equality of dtypes, builtins and types.
    OutputCase(
      "x = torch.ones(2)\nprint(x.dtype == torch.float32, x.dtype is torch.float32, torch.float == torch.float32, torch.long is torch.int64)\nprint(F.relu is F.relu, int is int, type(3) == int, type(3) is int, type(x) == torch.Tensor, x.view == x.view, x.view is x.view)\nprint(type(3.5), type(x), type([]).__name__, type(x).__name__, type(3) == float)",
      "True True True True\nTrue True True True True True False\n<class 'float'> <class 'torch.Tensor'> list Tensor False\n"
    ),
    // max and min compare with the operators, so tensors take part.
    OutputCase(
      "best = 0\nacc = torch.tensor(0.5)\nprint(max(best, acc), max(acc, best), min([3, 1, 2], key=lambda v: -v))",
      "tensor(0.5000) tensor(0.5000) 3\n"),
    // printf-style formatting.
    OutputCase(
      "print('%5s|%-5s|%X %x %#x %o|%c%c|%05.1f|%+d' % ('ab', 'cd', 255, 255, 255, 8, 65, 'z', 2.25, 3))\nprint('%(name)s is %(n)d, %%' % {'name': 'a', 'n': 3})",
      "   ab|cd   |FF ff 0xff 10|Az|002.2|+3\na is 3, %\n"),
    // any, all, map and filter (lazy; map over several iterables stops at the shortest).
    OutputCase(
      "print(any([0, 1]), all([1, 0]), all([]), any([]), list(map(lambda v: v * 2, [1, 2])), list(filter(lambda v: v > 1, [1, 2, 3])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(filter(None, [0, 1, '', 'a'])))\nprint(any(torch.tensor([0, 1])), sum(map(len, ['ab', 'c'])))",
      "True False True False [2, 4] [2, 3] [11, 22] [1, 'a']\nTrue 3\n"),
    // zip of nothing, slice assignment and deletion on lists.
    OutputCase(
      "print(list(zip()))\nl = [0, 1, 2, 3, 4, 5]\nl[1:3] = []\nl[10:] = [9]\nprint(l)\nl[::2] = ['a', 'b', 'c']\nprint(l)\ndel l[::2]\nl[:0] = (7, 8)\nl[-1:] = 'xy'\nprint(l)",
      "[]\n[0, 3, 4, 5, 9]\n['a', 3, 'b', 5, 'c']\n[7, 8, 3, 'x', 'y']\n"),
  ]

  @Test(arguments: cases)
  func printsWhatPyTorchPrints(_ example: OutputCase) {
    #expect(InterpreterTestSupport.output(Self.prelude + example.source) == example.expected)
  }

  static let errors: [(String, String)] = [
    (
      "a = torch.tensor([1., 2.], requires_grad=True)\ns = (a * a).sum()\ns.backward()\ns.backward()",
      "test.py:6:1: RuntimeError: Trying to backward through the graph a second time"
    ),
    (
      "l = [1, 2, 3]\nl[::2] = [1]",
      "test.py:4:1: ValueError: attempt to assign sequence of size 1 to extended slice of size 2"
    ),
    ("print('%(x)s' % {'y': 1})", "test.py:3:7: KeyError: 'x'"),
    (
      "print('%d' % float('inf'))",
      "test.py:3:7: OverflowError: cannot convert float infinity to integer"
    ),
    (
      "torch.pow('a', torch.ones(1))",
      "test.py:3:1: TypeError: pow() received an invalid combination of arguments - got (str, Tensor)"
    ),
  ]

  @Test(arguments: errors)
  func raisesWhatPyTorchRaises(_ source: String, _ expected: String) {
    let result = InterpreterTestSupport.run(Self.prelude + source)
    #expect(result.errorText.hasPrefix(expected), "\(result.errorText)")
  }
}

/// `while`, `try` / `except` / `else` / `finally` and `raise`, as Python runs them (the expected
/// text is Python 3.11's and PyTorch 2.15's for the same code).
@Suite struct ExceptionHandlingTests {
  static let program = """
    import torch
    i = 0
    while i < 3:
        i += 1
    else:
        print('done', i)
    try:
        torch.zeros(2, 3) + torch.zeros(4, 3)
    except RuntimeError as e:
        print('caught:', e)
        print(type(e).__name__, isinstance(e, RuntimeError), e.args[0][:20])
    try:
        [1][5]
    except (KeyError, LookupError):
        print('lookup')
    finally:
        print('finally')
    def f():
        try:
            return 1
        finally:
            print('cleanup')
    print(f())
    try:
        raise ValueError('bad', 2)
    except Exception as e:
        print(repr(str(e)), e.args)
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise
    except ArithmeticError as e:
        print('outer', e)
    try:
        pass
    except ValueError:
        print('no')
    else:
        print('else ran')
    n = 0
    while True:
        n += 1
        if n > 5:
            break
    print(n)
    try:
        int('x')
    except ValueError as err:
        print(err)
    print(str(KeyError('k')), 'err' in dir() if False else 'unbound after except')
    """

  @Test func runsAsPythonDoes() {
    #expect(
      InterpreterTestSupport.output(Self.program) == """
        done 3
        caught: The size of tensor a (2) must match the size of tensor b (4) at non-singleton dimension 0
        RuntimeError True The size of tensor a
        lookup
        finally
        cleanup
        1
        "('bad', 2)" ('bad', 2)
        outer division by zero
        else ran
        6
        invalid literal for int() with base 10: 'x'
        'k' unbound after except

        """)
  }

  @Test func uncaughtAndMisusedExceptionsAreLocated() {
    let cases = [
      ("raise KeyError('k')", "test.py:1:1: KeyError: 'k'"),
      ("raise ValueError", "test.py:1:1: ValueError"),
      ("raise 3", "test.py:1:7: TypeError: exceptions must derive from BaseException"),
      ("raise", "test.py:1:1: RuntimeError: No active exception to reraise"),
      (
        "try:\n    1 / 0\nexcept 3:\n    pass",
        "test.py:3:8: TypeError: catching classes that do not inherit from BaseException is not allowed"
      ),
      (
        "try:\n    [][0]\nexcept KeyError:\n    pass",
        "test.py:2:5: IndexError: list index out of range"
      ),
      (
        "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    pass\nprint(e)",
        "test.py:5:7: NameError: name 'e' is not defined"
      ),
    ]
    for (source, expected) in cases {
      let result = InterpreterTestSupport.run(source)
      #expect(result.errorText.hasPrefix(expected), "\(source): \(result.errorText)")
    }
  }

  /// A builtin's own loop over a huge range ends at the time limit too.
  @Test func allOverAHugeRangeEndsAtTheTimeLimit() {
    var environment = LessonEnvironment()
    environment.cellTimeLimit = .milliseconds(200)
    let interpreter = Interpreter(environment: environment, output: { _ in })
    var result = LessonRunResult()
    InterpreterTestSupport.run("all(range(1, 10**15))", in: interpreter, into: &result)
    #expect(result.errorText.contains("TimeoutError"))
  }

  /// The time limit ends a loop that catches everything: `except:` cannot catch it.
  @Test func aBareExceptCannotOutliveTheTimeLimit() {
    let source = "n = 0\nwhile True:\n    try:\n        n += 1\n    except:\n        pass\n"
    var environment = LessonEnvironment()
    environment.cellTimeLimit = .milliseconds(200)
    let interpreter = Interpreter(environment: environment, output: { _ in })
    var result = LessonRunResult()
    InterpreterTestSupport.run(source, in: interpreter, into: &result)
    #expect(result.errorText.contains("TimeoutError: the script ran longer than 0.2 s"))
  }
}

/// Optimizers, schedulers and devices of the official MNIST example, as PyTorch 2.15 prints them.
@Suite struct TrainingBuiltinsTests {
  @Test func schedulersParamGroupsAndDevices() {
    let source = """
      import torch
      import torch.nn as nn
      import torch.optim as optim
      from torch.optim.lr_scheduler import StepLR
      p = [nn.Parameter(torch.ones(2))]
      print(optim.Adadelta(p))
      o = optim.SGD(p, lr=0.1)
      s = StepLR(o, step_size=1, gamma=0.7)
      print(type(s).__name__)
      for i in range(3):
          o.step()
          s.step()
          print(o.param_groups[0]['lr'], s.get_last_lr())
      for g in o.param_groups:
          g['lr'] = 0.5
      print(o.param_groups[0]['lr'])
      use_accel = not False and torch.accelerator.is_available()
      device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
      model = nn.Linear(2, 1).to(device)
      print(device, device.type, torch.device('cuda:1'), torch.__version__[:2], torch.ones(1).to(device))
      """
    #expect(
      InterpreterTestSupport.output(source) == """
        Adadelta (
        Parameter Group 0
            capturable: False
            differentiable: False
            eps: 1e-06
            foreach: None
            lr: 1.0
            maximize: False
            rho: 0.9
            weight_decay: 0
        )
        StepLR
        0.06999999999999999 [0.06999999999999999]
        0.048999999999999995 [0.048999999999999995]
        0.0343 [0.0343]
        0.5
        cpu cpu cuda:1 2. tensor([1.])

        """)
    let moved = InterpreterTestSupport.run(
      "import torch.nn as nn\nimport torch\nnn.Linear(1, 1).to(torch.device('cuda'))")
    #expect(
      moved.errorText.hasPrefix("test.py:3:1: AssertionError: Torch not compiled with CUDA enabled")
    )
    let bad = InterpreterTestSupport.run("import torch\ntorch.device('gpu')")
    #expect(bad.errorText.hasPrefix("test.py:2:1: RuntimeError: Expected one of cpu, cuda"))
  }

  @Test func moduleTreesAndFreezing() {
    let source = """
      import torch.nn as nn
      m = nn.Sequential(nn.Linear(2, 2), nn.Sequential(nn.ReLU()))
      print([n for n, _ in m.named_modules()], [n for n, _ in m.named_children()])
      print([n for n, _ in m.named_modules(prefix='net')])
      print(m.requires_grad_(False) is m, [p.requires_grad for p in m.parameters()])
      """
    #expect(
      InterpreterTestSupport.output(source) == """
        ['', '0', '1', '1.0'] ['0', '1']
        ['net', 'net.0', 'net.1', 'net.1.0']
        True [False, False]

        """)
  }
}
