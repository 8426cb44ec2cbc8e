import Testing

@testable import LessonLanguage

@Suite struct ParserStatementsTests {
  static let lectureProgram = """
    class Net(nn.Module):
        def __init__(self):
            super(Net, self).__init__()
            self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
            self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
            self.mp = nn.MaxPool2d(2)
            self.fc = nn.Linear(320, 10)

        def forward(self, x):
            in_size = x.size(0)
            x = F.relu(self.mp(self.conv1(x)))
            x = F.relu(self.mp(self.conv2(x)))
            x = x.view(in_size, -1)  # flatten the tensor
            x = self.fc(x)
            return F.log_softmax(x)

    def train(epoch):
        model.train()
        for batch_idx, (data, target) in enumerate(train_loader):
            data, target = Variable(data), Variable(target)
            optimizer.zero_grad()
            output = model(data)
            loss = F.nll_loss(output, target)
            loss.backward()
            optimizer.step()
            if batch_idx % 10 == 0:
                print('Train Epoch: {} [{}/{} ({:.0f}%)]\\tLoss: {:.6f}'.format(
                    epoch, batch_idx * len(data), len(train_loader.dataset),
                    100. * batch_idx / len(train_loader), loss.data[0]))

    """

  @Test func lectureNetAndTrainLoop() throws {
    let file = ParserTestSupport.file(Self.lectureProgram, firstLine: 20)
    let program = try Parser.parse(Self.lectureProgram, file: file, firstLine: 20)
    #expect(program.count == 2)
    let expected = """
      (class Net ((. nn Module)) \
      (def __init__ (self) \
      (call (. (call super Net self) __init__)) \
      (= (. self conv1) (call (. nn Conv2d) 1 10 (= kernel_size 5))) \
      (= (. self conv2) (call (. nn Conv2d) 10 20 (= kernel_size 5))) \
      (= (. self mp) (call (. nn MaxPool2d) 2)) \
      (= (. self fc) (call (. nn Linear) 320 10))) \
      (def forward (self x) \
      (= in_size (call (. x size) 0)) \
      (= x (call (. F relu) (call (. self mp) (call (. self conv1) x)))) \
      (= x (call (. F relu) (call (. self mp) (call (. self conv2) x)))) \
      (= x (call (. x view) in_size (- 1))) \
      (= x (call (. self fc) x)) \
      (return (call (. F log_softmax) x))))
      (def train (epoch) \
      (call (. model train)) \
      (for (tuple batch_idx (tuple data target)) (call enumerate train_loader) (block \
      (= (tuple data target) (tuple (call Variable data) (call Variable target))) \
      (call (. optimizer zero_grad)) \
      (= output (call model data)) \
      (= loss (call (. F nll_loss) output target)) \
      (call (. loss backward)) \
      (call (. optimizer step)) \
      (if (compare (% batch_idx 10) == 0) (block \
      (call print (call (. "Train Epoch: {} [{}/{} ({:.0f}%)]\\tLoss: {:.6f}" format) \
      epoch (* batch_idx (call len data)) (call len (. train_loader dataset)) \
      (/ (* 100.0 batch_idx) (call len train_loader)) (index (. loss data) 0))))))))
      """
    #expect(Statement.sExpression(program) == expected)
  }

  @Test func lectureSpansPointIntoTheLesson() throws {
    let file = ParserTestSupport.file(Self.lectureProgram, firstLine: 20)
    let program = try Parser.parse(Self.lectureProgram, file: file, firstLine: 20)
    guard case .classDefinition(let net) = try #require(program.first).kind,
      case .functionDefinition(let forward) = try #require(net.body.last).kind,
      case .assign(_, let value) = forward.body[4].kind
    else {
      Issue.record("unexpected tree")
      return
    }
    #expect("\(net.nameSpan)" == "lesson.md:20:7")
    #expect("\(forward.nameSpan)" == "lesson.md:28:9")
    // `x = self.fc(x)` on line 33: the call is underlined from `self` to `)`.
    #expect("\(value.span)" == "lesson.md:33:13" && value.span.length == 10)
    let rendered = Diagnostic("size mismatch", at: value.span).description
    #expect(rendered.hasSuffix("        x = self.fc(x)\n            ^~~~~~~~~~"))
  }

  @Test(arguments: [
    ("a = b = 1", "(= a b 1)"),
    ("a, b = b, a", "(= (tuple a b) (tuple b a))"),
    ("[a, *rest] = xs", "(= (list a (* rest)) xs)"),
    ("x[0] += 1", "(+= (index x 0) 1)"),
    ("x //= 2; y **= 3; z @= w", "(//= x 2)\n(**= y 3)\n(@= z w)"),
    ("n: int = 3", "(: n int 3)"),
    (
      "def f(a, b=2, *args, c, d=4, **kw) -> int: return a",
      "(def f (a (= b 2) (* args) c (= d 4) (** kw)) (-> int) (return a))"
    ),
    ("def f(*, key): pass", "(def f (* key) (pass))"),
    ("def f(x: int = 1): pass", "(def f ((= (: x int) 1)) (pass))"),
    (
      "if a:\n    x\nelif b:\n    y\nelse:\n    z",
      "(if a (block x) (block (if b (block y) (block z))))"
    ),
    (
      "for i in range(3):\n    continue\nelse:\n    pass",
      "(for i (call range 3) (block (continue)) (block (pass)))"
    ),
    (
      "while n < 3:\n    n += 1\n    break\nelse:\n    pass",
      "(while (compare n < 3) (block (+= n 1) (break)) (block (pass)))"
    ),
    (
      "try:\n    f()\nexcept (KeyError, IndexError) as e:\n    g(e)\nexcept:\n    raise\nelse:\n    h()\nfinally:\n    k()",
      "(try (block (call f)) (except (tuple KeyError IndexError) as e (block (call g e))) (except (block (raise))) (else (block (call h))) (finally (block (call k))))"
    ),
    (
      "for i in range(3):\n    if i:\n        break",
      "(for i (call range 3) (block (if i (block (break)))))"
    ),
    ("with torch.no_grad():\n    pass", "(with (call (. torch no_grad)) (block (pass)))"),
    (
      "with open(p) as f, g as (a, b):\n    pass",
      "(with (as (call open p) f) (as g (tuple a b)) (block (pass)))"
    ),
    ("import torch.nn.functional as F, os", "(import (as torch.nn.functional F) os)"),
    (
      "from torch.autograd import Variable as V, grad", "(from torch.autograd (as Variable V) grad)"
    ),
    ("from __future__ import print_function", "(from __future__ print_function)"),
    ("from . import (a, b,)", "(from . a b)"),
    ("from x import *", "(from x *)"),
    ("assert x > 0, 'positive'", "(assert (compare x > 0) \"positive\")"),
    ("del a, b[0]", "(del a (index b 0))"),
    ("global count", "(global count)"),
    ("raise ValueError('bad') from e", "(raise (call ValueError \"bad\") (from e))"),
    ("class A:\n    '''Doc.'''\n    x = 1", "(class A () \"Doc.\" (= x 1))"),
    ("x = 1 \\\n  + 2", "(= x (+ 1 2))"),
    ("x = [1,\n  2]  # comment\n\n# only a comment\ny = 3", "(= x (list 1 2))\n(= y 3)"),
    ("if x:\n\tpass", "(if x (block (pass)))"),
    ("if x: y = 1; z = 2", "(if x (block (= y 1) (= z 2)))"),
    ("match = 1\nmatch(x)", "(= match 1)\n(call match x)"),
    ("print(1)", "(call print 1)"),
  ])
  func statements(source: String, expected: String) {
    #expect(ParserTestSupport.parsed(source) == expected)
  }

  @Test func emptyAndCommentOnlyProgramsHaveNoStatements() {
    #expect(ParserTestSupport.parsed("") == "")
    #expect(ParserTestSupport.parsed("\n# nothing\n   \n") == "")
  }

  @Test func statementSpanCoversItsFirstLine() throws {
    let source = "if True:\n    total = compute(1,\n                    2)"
    let program = try Parser.parse(source, file: ParserTestSupport.file(source), firstLine: 1)
    guard case .if(_, let body, _) = try #require(program.first).kind else {
      Issue.record("not an if")
      return
    }
    let assignment = try #require(body.first)
    #expect("\(assignment.span)" == "lesson.md:2:5")
    #expect(assignment.span.length == 18)
  }
}
