import Testing

@testable import LessonLanguage

/// PyTorch semantics through the lesson language: tensors, autograd, modules, optimizers, losses
/// and the 0.3-era idioms of old lectures. Expected values are PyTorch's, or worked out by hand.
@Suite struct BuiltinsTorchTests {
  static let prelude = """
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    import torch.optim as optim
    from torch.autograd import Variable

    """

  static func output(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String
  {
    InterpreterTestSupport.output(prelude + source, sourceLocation: sourceLocation)
  }

  static let tensors: [OutputCase] = [
    OutputCase(
      "print(torch.tensor([1, 2]).dtype, torch.tensor([1., 2]).dtype, torch.tensor([True]).dtype)",
      "torch.int64 torch.float32 torch.bool\n"),
    OutputCase(
      "print(torch.tensor(3), torch.tensor(2.5), torch.tensor([[1, 2], [3, 4]]).shape)",
      "tensor(3) tensor(2.5000) torch.Size([2, 2])\n"),
    OutputCase(
      "print(torch.zeros(2, dtype=torch.long), torch.ones((2,)), torch.full((2,), 1.5), torch.full((1,), 7))",
      "tensor([0, 0]) tensor([1., 1.]) tensor([1.5000, 1.5000]) tensor([7])\n"),
    OutputCase(
      "print(torch.arange(4), torch.arange(1, 7, 2), torch.arange(0, 1, 0.25))",
      "tensor([0, 1, 2, 3]) tensor([1, 3, 5]) tensor([0.0000, 0.2500, 0.5000, 0.7500])\n"),
    OutputCase(
      "print(torch.rand(2, 3).shape, torch.randn((4,)).shape, torch.zeros_like(torch.ones(2)))",
      "torch.Size([2, 3]) torch.Size([4]) tensor([0., 0.])\n"),
    OutputCase(
      "torch.manual_seed(1)\na = torch.rand(3)\ntorch.manual_seed(1)\nprint((a == torch.rand(3)).all(), torch.equal(a, a))",
      "tensor(True) True\n"),
    OutputCase(
      "x = torch.arange(6).view(2, 3)\nprint(x.view(-1), x[1], x[:, 1], x[-1, -1], x[0, 1:])",
      "tensor([0, 1, 2, 3, 4, 5]) tensor([3, 4, 5]) tensor([1, 4]) tensor(5) tensor([1, 2])\n"),
    OutputCase(
      "x = torch.arange(6).view(2, 3)\nx[0, 0] = 10\nx[1] = 0\nprint(x.tolist(), x[x > 1].tolist())",
      "[[10, 1, 2], [0, 0, 0]] [10, 2]\n"),
    OutputCase(
      "x = torch.ones(2, 3)\nprint(x[..., None].shape, x[None].shape, x[:, [0, 2]].shape, x.unsqueeze(0).shape)",
      "torch.Size([2, 3, 1]) torch.Size([1, 2, 3]) torch.Size([2, 2]) torch.Size([1, 2, 3])\n"),
    OutputCase(
      "x = torch.tensor([[1., 2.], [3., 4.]])\nprint(x.sum(1), x.mean(), x.argmax(1), x.size(1), x.size(), x.numel(), x.dim())",
      "tensor([3., 7.]) tensor(2.5000) tensor([1, 1]) 2 torch.Size([2, 2]) 4 2\n"),
    OutputCase(
      "x = torch.tensor([[1., 2.], [3., 4.]])\nprint((x @ x).tolist(), (x * 2 - 1).tolist(), x.t().tolist())",
      "[[7.0, 10.0], [15.0, 22.0]] [[1.0, 3.0], [5.0, 7.0]] [[1.0, 3.0], [2.0, 4.0]]\n"),
    OutputCase(
      "print(torch.tensor(2.5) + 1, 1 - torch.tensor([1, 2]), torch.tensor([1, 2]) / 2)",
      "tensor(3.5000) tensor([ 0, -1]) tensor([0.5000, 1.0000])\n"),
    OutputCase(
      "x = torch.tensor([[1., 2.], [3., 4.]])\nprint(x[0, 1].item(), x.sum().item(), torch.tensor(3).item(), x.tolist())",
      "2.0 10.0 3 [[1.0, 2.0], [3.0, 4.0]]\n"),
  ]

  static let maxAndGrad: [OutputCase] = [
    OutputCase(
      "v = torch.tensor([[1., 5., 2.], [7., 0., 3.]])\nprint(v.max(1))",
      "torch.return_types.max(\nvalues=tensor([5., 7.]),\nindices=tensor([1, 0]))\n"),
    OutputCase(
      "v = torch.tensor([[1., 5., 2.], [7., 0., 3.]])\nvalues, indices = v.max(1)\nprint(values, indices, v.max(1)[1], v.max(1).values, v.max())",
      "tensor([5., 7.]) tensor([1, 0]) tensor([1, 0]) tensor([5., 7.]) tensor(7.)\n"),
    OutputCase(
      "v = torch.tensor([[1., 5.], [7., 0.]])\npred = v.max(1, keepdim=True)[1]\nprint(pred.shape, pred.eq(torch.tensor([[1], [1]])).sum().item())",
      "torch.Size([2, 1]) 1\n"),
    OutputCase(
      "w = torch.tensor([1., 2.], requires_grad=True)\nloss = (w * w).sum()\nloss.backward()\nprint(w.grad, loss, w.requires_grad, w.is_leaf, loss.is_leaf)",
      "tensor([2., 4.]) tensor(5., grad_fn=<SumBackward0>) True True False\n"),
    OutputCase(
      "w = torch.ones(2, requires_grad=True)\n(w * 3).sum().backward()\n(w * 3).sum().backward()\nprint(w.grad)\nw.grad.zero_()\nprint(w.grad)",
      "tensor([6., 6.])\ntensor([0., 0.])\n"),
    OutputCase(
      "x = torch.ones(1, requires_grad=True)\nwith torch.no_grad():\n    y = x * 2\nprint(y.requires_grad, y.grad_fn, x.detach().requires_grad)",
      "False None False\n"),
  ]

  static let modules: [OutputCase] = [
    OutputCase(
      """
      class Lin(nn.Module):
          def __init__(self):
              super(Lin, self).__init__()
              self.w = nn.Parameter(torch.tensor([[1., 2.]]))
              self.fc = nn.Linear(2, 1)
              self.scale = 3
          def forward(self, x):
              return self.fc(x) + x.mm(self.w.t()) * self.scale
      model = Lin()
      print([name for name, p in model.named_parameters()], model.scale)
      print(model)
      print(model.training, model.eval().training, model.train().training)
      seq = nn.Sequential(model, nn.ReLU())
      print(seq(torch.ones(4, 2)).shape, len(list(seq.parameters())))
      print(seq)
      """,
      """
      ['w', 'fc.weight', 'fc.bias'] 3
      Lin(
        (fc): Linear(in_features=2, out_features=1, bias=True)
      )
      True False True
      torch.Size([4, 1]) 3
      Sequential(
        (0): Lin(
          (fc): Linear(in_features=2, out_features=1, bias=True)
        )
        (1): ReLU()
      )

      """),
    OutputCase(
      "print(nn.Conv2d(1, 10, kernel_size=5), nn.MaxPool2d(2), nn.Linear(320, 10))",
      "Conv2d(1, 10, kernel_size=(5, 5), stride=(1, 1)) MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False) Linear(in_features=320, out_features=10, bias=True)\n"
    ),
    OutputCase(
      "print(nn.Parameter(torch.ones(2)))",
      "Parameter containing:\ntensor([1., 1.], requires_grad=True)\n"),
    OutputCase(
      "conv = nn.Conv2d(3, 6, 5)\nprint(conv.weight.shape, conv.bias.shape, conv(torch.ones(1, 3, 32, 32)).shape)",
      "torch.Size([6, 3, 5, 5]) torch.Size([6]) torch.Size([1, 6, 28, 28])\n"),
  ]

  @Test(arguments: tensors)
  func tensorBasics(_ example: OutputCase) {
    #expect(Self.output(example.source) == example.expected)
  }

  @Test(arguments: maxAndGrad + modules)
  func autogradAndModules(_ example: OutputCase) {
    #expect(Self.output(example.source) == example.expected)
  }

  /// One SGD step by hand: loss = p . x, so grad = x and p' = p - lr * x = [1, -1] - 0.1 * [2, 3].
  @Test func sgdStepMatchesHandComputation() {
    let source = """
      class One(nn.Module):
          def __init__(self):
              super().__init__()
              self.p = nn.Parameter(torch.tensor([1., -1.]))
          def forward(self, x):
              return (self.p * x).sum()
      model = One()
      optimizer = optim.SGD(model.parameters(), lr=0.1)
      optimizer.zero_grad()
      loss = model(torch.tensor([2., 3.]))
      loss.backward()
      optimizer.step()
      print(model.p.tolist(), loss.item())
      """
    let printed = Self.output(source)
    #expect(printed == "[0.800000011920929, -1.2999999523162842] -1.0\n")
  }

  /// mean of -log softmax: log(1 + e^-1 + e^-2) = 0.4076 and log 3 = 1.0986, so 0.7531.
  @Test func crossEntropyLossModule() {
    let source = """
      criterion = nn.CrossEntropyLoss()
      print(criterion(torch.tensor([[1., 2., 3.], [1., 1., 1.]]), torch.tensor([2, 0])))
      print(nn.CrossEntropyLoss(reduction='sum')(torch.tensor([[0., 0.]]), torch.tensor([1])))
      """
    #expect(Self.output(source) == "tensor(0.7531)\ntensor(0.6931)\n")
  }

  @Test func legacyIdiomsWorkAndWarnOnce() {
    let source = """
      x = Variable(torch.ones(1, 2), requires_grad=True)
      y = F.log_softmax(torch.tensor([[0., 0.]]))
      loss = F.nll_loss(y, torch.tensor([0]), size_average=False)
      print(loss.data[0])
      print(loss.data[0], F.log_softmax(torch.zeros(1, 2)).shape)
      old = nn.NLLLoss(size_average=False)
      print(old(y, torch.tensor([1])))
      """
    let result = InterpreterTestSupport.run(Self.prelude + source)
    #expect(result.error == nil)
    #expect(
      result.output == "0.6931471824645996\n0.6931471824645996 torch.Size([1, 2])\ntensor(0.6931)\n"
    )
    #expect(result.warnings.count == 4)
    let expected = [
      "test.py:6:5: warning: Variable(...) is deprecated",
      "test.py:7:5: warning: Implicit dimension choice for log_softmax",
      "test.py:8:8: warning: size_average and reduce args will be deprecated, please use reduction='sum'",
      "test.py:9:7: warning: invalid index of a 0-dim tensor",
    ]
    for (warning, prefix) in zip(result.warnings, expected) {
      #expect(warning.hasPrefix(prefix))
    }
    #expect(!result.output.contains("warning"))
  }

  @Test func sizeAverageOnLossModuleWarns() {
    let result = InterpreterTestSupport.run(
      Self.prelude
        + "c = nn.CrossEntropyLoss(size_average=False)\nprint(c(torch.zeros(2, 2), torch.tensor([0, 1])))"
    )
    #expect(result.output == "tensor(1.3863)\n")
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.contains("reduction='sum'") == true)
  }

  @Test func allAndAnyAlongADimension() {
    let source =
      "x = torch.tensor([[1, 0], [1, 1]])\nprint(x.all(), x.any(), x.all(1), torch.any(x == 0, dim=0))"
    #expect(
      Self.output(source)
        == "tensor(False) tensor(True) tensor([False,  True]) tensor([False,  True])\n")
  }
}
