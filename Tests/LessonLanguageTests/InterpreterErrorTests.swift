import Testing

@testable import LessonLanguage

/// A snippet that must fail: where (`test.py:line:column`), the message, and text one note holds.
struct ErrorCase: Sendable, CustomTestStringConvertible {
  let source: String
  let location: String
  let message: String
  let note: String?

  init(_ source: String, _ location: String, _ message: String, note: String? = nil) {
    self.source = source
    self.location = location
    self.message = message
    self.note = note
  }

  var testDescription: String { message }
}

/// Errors come out as `Diagnostic`s located at the expression that raised them, with Python's or
/// PyTorch's wording and notes that say what to do.
@Suite struct InterpreterErrorTests {
  static let t = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"

  static let names: [ErrorCase] = [
    ErrorCase("print(undefined_name)", "1:7", "NameError: name 'undefined_name' is not defined"),
    ErrorCase(
      "value = 1\nprint(valeu)", "2:7", "NameError: name 'valeu' is not defined",
      note: "did you mean 'value'?"),
    ErrorCase(
      "x = torch.ones(2)", "1:5", "NameError: name 'torch' is not defined", note: "'import torch'"),
    ErrorCase(
      "F.relu(1)", "1:1", "NameError: name 'F' is not defined",
      note: "'import torch.nn.functional as F'"),
    ErrorCase("del y", "1:5", "NameError: name 'y' is not defined"),
    ErrorCase(
      t + "torch.zeroes(2)", "4:1", "AttributeError: module 'torch' has no attribute 'zeroes'",
      note: "did you mean 'zeros'?"),
    ErrorCase(
      t + "nn.Conv3d(1, 2, 3)", "4:1",
      "AttributeError: module 'torch.nn' has no attribute 'Conv3d'",
      note: "lessons support torch.nn.{"),
    ErrorCase(
      t + "torch.ones(2).shapee", "4:1",
      "AttributeError: 'Tensor' object has no attribute 'shapee'", note: "did you mean 'shape'?"),
    ErrorCase("[1].foo()", "1:1", "AttributeError: 'list' object has no attribute 'foo'"),
    ErrorCase(
      "import numpy as np", "1:8", "ModuleNotFoundError: No module named 'numpy'",
      note:
        "lessons can import: __future__, argparse, cnn_lesson, cnn_lesson.animate, math, matplotlib"
    ),
    ErrorCase(
      "from torchvision import models", "1:25",
      "ImportError: cannot import name 'models' from 'torchvision'",
      note: "torchvision.{datasets, transforms, utils}"),
  ]

  static let calls: [ErrorCase] = [
    ErrorCase(
      t + "torch.zeros(2, dtyp=torch.float32)", "4:1",
      "TypeError: zeros() got an unexpected keyword argument 'dtyp'", note: "did you mean 'dtype'?"),
    ErrorCase(
      t + "nn.Linear(3)", "4:1",
      "TypeError: Linear() missing 1 required positional argument: 'out_features'"),
    ErrorCase(
      t + "nn.Conv2d(1, 10, kernel_size='5')", "4:1",
      "TypeError: Conv2d(): argument 'kernel_size' must be an int or a pair of ints, not str"),
    ErrorCase(
      t + "nn.Linear(1, 2, 3, 4)", "4:1",
      "TypeError: Linear() takes from 2 to 3 positional arguments but 4 were given"),
    ErrorCase(
      "def k(a, b): return a\nk(1)", "2:1",
      "TypeError: k() missing 1 required positional argument: 'b'"),
    ErrorCase(
      "def k(a, b): return a\nk(1, 2, c=3)", "2:1",
      "TypeError: k() got an unexpected keyword argument 'c'"),
    ErrorCase(
      "def k(a): return a\nk(1, 2)", "2:1",
      "TypeError: k() takes 1 positional argument but 2 were given"),
    ErrorCase(
      "def k(a, b=1): return a\nk(1, 2, 3)", "2:1",
      "TypeError: k() takes from 1 to 2 positional arguments but 3 were given"),
    ErrorCase(
      "def k(a): return a\nk(1, a=2)", "2:1", "TypeError: k() got multiple values for argument 'a'"),
    ErrorCase("x = 3\nx()", "2:1", "TypeError: 'int' object is not callable"),
    ErrorCase("'a' + 1", "1:1", "TypeError: unsupported operand type(s) for +: 'str' and 'int'"),
    ErrorCase("len(5)", "1:1", "TypeError: object of type 'int' has no len()"),
    ErrorCase("for i in 5:\n    pass", "1:10", "TypeError: 'int' object is not iterable"),
    ErrorCase("d = {}\nd[[1]] = 2", "2:1", "TypeError: unhashable type: 'list'"),
  ]

  static let values: [ErrorCase] = [
    ErrorCase("a, b = [1, 2, 3]", "1:1", "ValueError: too many values to unpack (expected 2)"),
    ErrorCase(
      "a, b, c = (1, 2)", "1:1", "ValueError: not enough values to unpack (expected 3, got 2)"),
    ErrorCase(
      "a, *b, c = [1]", "1:1",
      "ValueError: not enough values to unpack (expected at least 2, got 1)"),
    ErrorCase("print(1 / 0)", "1:7", "ZeroDivisionError: division by zero"),
    ErrorCase("print(5 % 0)", "1:7", "ZeroDivisionError: integer division or modulo by zero"),
    ErrorCase("print(1.5 // 0.0)", "1:7", "ZeroDivisionError: float floor division by zero"),
    ErrorCase("[1, 2][5]", "1:1", "IndexError: list index out of range"),
    ErrorCase("(1, 2)[-3]", "1:1", "IndexError: tuple index out of range"),
    ErrorCase("{'a': 1}['b']", "1:1", "KeyError: 'b'"),
    ErrorCase(
      "x = 2 ** 62 * 4", "1:5", "OverflowError: integer result too large for a lesson (64-bit) int"),
    ErrorCase("x = -(-9223372036854775807 - 1)", "1:5", "OverflowError"),
    ErrorCase("x = (-9223372036854775807 - 1) // -1", "1:5", "OverflowError"),
    ErrorCase("int('abc')", "1:1", "ValueError: invalid literal for int() with base 10: 'abc'"),
    ErrorCase(
      "import math\nmath.floor(float('inf'))", "2:1",
      "OverflowError: cannot convert float infinity to integer"),
    ErrorCase("assert 1 == 2, 'nope'", "1:1", "AssertionError: nope"),
    ErrorCase(
      "x = [1] * 10000000000", "1:5",
      "MemoryError: a list would make 10,000,000,000 elements (298 GiB); the limit is 1 GiB"),
    ErrorCase(
      "x = list(range(10 ** 18))", "1:5",
      "MemoryError: list(range) would make 1,000,000,000,000,000,000 elements (8 EiB); the limit is 1 GiB"
    ),
  ]

  static let tensors: [ErrorCase] = [
    ErrorCase(
      t + "F.conv2d(torch.ones(1, 2, 5, 5), torch.ones(3, 1, 2, 2))", "4:1",
      "RuntimeError: Given groups=1, weight of size [3, 1, 2, 2], expected input[1, 2, 5, 5] to have 1 channels, but got 2 channels instead"
    ),
    ErrorCase(
      t + "nn.Linear(3, 2)(torch.ones(4, 5))", "4:1",
      "RuntimeError: size mismatch, m1: [4 x 5], m2: [3 x 2]",
      note: "the layer expects 3 input features"),
    ErrorCase(
      t + "torch.ones(2, 3).view(4)", "4:1",
      "RuntimeError: shape '[4]' is invalid for input of size 6"),
    ErrorCase(
      t + "torch.cat([torch.ones(2, 3), torch.ones(2, 4)])", "4:1",
      "RuntimeError: Sizes of tensors must match except in dimension 0"),
    ErrorCase(
      t + "torch.tensor([[1, 2], [3]])", "4:1",
      "ValueError: expected sequence of length 2 at dim 1 (got 1)"),
    ErrorCase(
      t + "if torch.ones(3):\n    pass", "4:4",
      "RuntimeError: Boolean value of Tensor with more than one value is ambiguous",
      note: "(x > 0).all()"),
    ErrorCase(
      t + "torch.ones(2).cuda()", "4:1", "AssertionError: Torch not compiled with CUDA enabled",
      note: "lessons run on the CPU"),
    ErrorCase(
      t + "torch.ones(2, 3)[2]", "4:1",
      "IndexError: index 2 is out of bounds for dimension 0 with size 2"),
    ErrorCase(t + "torch.tensor(3).data[1]", "4:1", "IndexError: invalid index of a 0-dim tensor"),
    ErrorCase(
      t + "torch.ones(2).max(3)", "4:1",
      "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 3)"),
    ErrorCase(
      t + "torch.zeros(100000, 100000, 100000)", "4:1",
      "RuntimeError: DefaultCPUAllocator: not enough memory"),
    ErrorCase(
      t + "torch.ones(2).item()", "4:1",
      "RuntimeError: a Tensor with 2 elements cannot be converted to Scalar"),
    // The tensor core's and the layers' errors keep PyTorch's exception classes.
    ErrorCase(
      t + "F.nll_loss(torch.zeros(2, 3), torch.tensor([0, 5]))", "4:1",
      "IndexError: Target 5 is out of bounds."),
    ErrorCase(
      t + "F.cross_entropy(torch.zeros(3, 5), torch.tensor([1, 2]))", "4:1",
      "ValueError: Expected input batch_size (3) to match target batch_size (2)."),
    ErrorCase(
      t + "nn.Dropout(1.5)", "4:1",
      "ValueError: dropout probability has to be between 0 and 1, but got 1.5"),
    ErrorCase(
      t + "torch.optim.SGD(nn.Linear(2, 2).parameters(), lr=-1)", "4:1",
      "ValueError: Invalid learning rate: -1.0"),
    ErrorCase(
      t + "nn.Conv2d(3, 4, 3, groups=2)", "4:1",
      "ValueError: in_channels must be divisible by groups"),
  ]

  static let modules: [ErrorCase] = [
    ErrorCase(
      t
        + "class Net(nn.Module):\n    def __init__(self):\n        self.fc = nn.Linear(2, 2)\nNet()",
      "6:9", "AttributeError: cannot assign module before Module.__init__() call",
      note: "call 'super().__init__()' first"),
    ErrorCase(
      t
        + "class M(nn.Module):\n    def __init__(self):\n        super().__init__()\nM()(torch.ones(1))",
      "7:1", "NotImplementedError: Module [M] is missing the required \"forward\" function"),
    ErrorCase(
      t
        + "class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.me = self\nM()",
      "7:9", "RecursionError: cannot assign 'me': M would contain itself"),
    ErrorCase(
      "def f(n):\n    return f(n + 1)\nf(0)", "2:12",
      "RecursionError: maximum recursion depth exceeded", note: "in f(), called from test.py:3:1"),
    ErrorCase("print(super())", "1:7", "RuntimeError: super(): no arguments"),
  ]

  @Test(arguments: names + calls)
  func namesAndCalls(_ example: ErrorCase) {
    check(example)
  }

  @Test(arguments: values + tensors + modules)
  func valuesTensorsAndModules(_ example: ErrorCase) {
    check(example)
  }

  private func check(_ example: ErrorCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let result = InterpreterTestSupport.run(example.source)
    guard let error = result.error else {
      Issue.record(
        "no error; printed \(result.output.debugDescription)", sourceLocation: sourceLocation)
      return
    }
    #expect(
      error.span?.description == "test.py:" + example.location, sourceLocation: sourceLocation)
    #expect(
      error.message.hasPrefix(example.message), "\(error.message)", sourceLocation: sourceLocation)
    if let note = example.note {
      #expect(
        error.notes.contains { $0.contains(note) }, "\(error.notes)", sourceLocation: sourceLocation
      )
    }
  }

  @Test func aMissingDatasetIsAnUnavailableRequirementNamingItAndTheFoldersSearched() throws {
    let result = InterpreterTestSupport.run(
      "from torchvision import datasets\ndatasets.FashionMNIST('/nonexistent', train=False)")
    let error = try #require(result.error)
    #expect(
      error.message == "RuntimeError: Dataset not found. You can use download=True to download it")
    guard case .dataset(let name, let searched)? = error.missingRequirement else {
      Issue.record("expected a missing dataset, got \(error.disposition)")
      return
    }
    #expect(name == "FashionMNIST")
    #expect(Array(searched.prefix(2)) == ["/nonexistent/FashionMNIST/raw", "/nonexistent"])
    #expect(error.notes.contains("  /nonexistent/FashionMNIST/raw"))
  }

  @Test func errorInsideAFunctionPointsAtTheInnermostLineWithCalledFromNotes() {
    let source = "def g(x):\n    return x + 'a'\ndef h():\n    return g(1)\nh()"
    let result = InterpreterTestSupport.run(source)
    #expect(
      result.errorText == """
        test.py:2:12: TypeError: unsupported operand type(s) for +: 'int' and 'str'
        note: in g(), called from test.py:4:12
        note: in h(), called from test.py:5:1
        """)
    #expect(result.error?.description.contains("    return x + 'a'\n           ^~~~~~~") == true)
  }

  @Test func repeatedCalledFromNotesAreFolded() {
    let source = "def f(n):\n    if n == 0:\n        return 1 / 0\n    return f(n - 1)\nf(5)"
    #expect(
      InterpreterTestSupport.run(source).errorText == """
        test.py:3:16: ZeroDivisionError: division by zero
        note: in f(), called from test.py:4:12
        note: [previous note repeated 4 more times]
        note: in f(), called from test.py:5:1
        """)
  }

  @Test func errorsOfCellsLaterInAFileKeepTheirLineNumbers() throws {
    let interpreter = Interpreter(output: { _ in })
    let file = SourceFile(
      path: "lesson.md", text: String(repeating: "\n", count: 41) + "x = undefined")
    do {
      try interpreter.run("x = undefined", file: file, firstLine: 42)
      Issue.record("no error")
    } catch {
      #expect(error.span?.line == 42)
    }
  }
}
