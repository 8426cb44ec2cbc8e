import Testing

@testable import LessonLanguage

/// The layers of issue 14 through the lesson language, printed as PyTorch 2.15 prints them.
@Suite struct BuiltinsTorchLayersTests {
  static func output(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String
  {
    BuiltinsTorchTests.output(source, sourceLocation: sourceLocation)
  }

  static let batchNorm: [OutputCase] = [
    OutputCase(
      """
      bn = nn.BatchNorm2d(2)
      print(bn)
      x = torch.tensor([[[[1., 2.]], [[3., 5.]]], [[[0., 4.]], [[-1., 2.]]]])
      y = bn(x)
      print(y)
      print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
      print([n for n, _ in bn.named_parameters()], [n for n, _ in bn.named_buffers()])
      print(bn.momentum, bn.eps, bn.num_features, bn.affine, bn.track_running_stats)
      y.sum().backward()
      print(bn.bias.grad)
      bn.eval()
      print(bn(x)[0])
      """,
      """
      BatchNorm2d(2, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True)
      tensor([[[[-0.5071,  0.1690]],

               [[ 0.3464,  1.2702]]],


              [[[-1.1832,  1.5213]],

               [[-1.5011, -0.1155]]]], grad_fn=<NativeBatchNormBackward0>)
      tensor([0.1750, 0.2250]) tensor([1.1917, 1.5250]) tensor(1)
      ['weight', 'bias'] ['running_mean', 'running_var', 'num_batches_tracked']
      0.1 1e-05 2 True True
      tensor([4., 4.])
      tensor([[[0.7557, 1.6718]],

              [[2.2471, 3.8667]]], grad_fn=<SelectBackward0>)

      """),
    OutputCase(
      """
      print(nn.BatchNorm1d(3, momentum=None))
      print(F.batch_norm(torch.tensor([[1., 2.], [3., 7.]]), None, None, training=True))
      print(nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2)))
      m = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2))
      print(len(list(m.buffers())), [n for n, _ in m.named_buffers()])
      """,
      """
      BatchNorm1d(3, eps=1e-05, momentum=None, affine=True, bias=True, track_running_stats=True)
      tensor([[-1.0000, -1.0000],
              [ 1.0000,  1.0000]])
      Sequential(
        (0): Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1))
        (1): BatchNorm2d(2, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True)
      )
      3 ['1.running_mean', '1.running_var', '1.num_batches_tracked']

      """),
    OutputCase(
      """
      try:
          nn.BatchNorm2d(2)(torch.zeros(2, 2))
      except ValueError as e:
          print(e)
      try:
          nn.BatchNorm1d(2)(torch.zeros(1, 2))
      except ValueError as e:
          print(e)
      print(nn.BatchNorm2d(2, affine=False).weight)
      """,
      """
      expected 4D input (got 2D input)
      Expected more than 1 value per channel when training, got input size torch.Size([1, 2])
      None

      """),
  ]

  @Test(arguments: batchNorm)
  func batchNormLayers(_ example: OutputCase) {
    #expect(Self.output(example.source) == example.expected)
  }
  static let poolingContainersAndLosses: [OutputCase] = [
    OutputCase(
      """
      x = torch.arange(24.).reshape(1, 2, 3, 4)
      print(F.adaptive_avg_pool2d(x, (2, 3)))
      print(F.adaptive_max_pool2d(x, 2, return_indices=True))
      print(nn.AdaptiveAvgPool2d((None, 2))(x).shape, nn.AdaptiveAvgPool2d(1)(x).flatten())
      print(nn.AdaptiveAvgPool2d((2, 3)), nn.AdaptiveMaxPool2d(1), nn.AdaptiveAvgPool2d((2, None)))
      x.requires_grad_()
      F.adaptive_avg_pool2d(x, (2, 3)).sum().backward()
      print(x.grad[0, 0])
      try:
          F.adaptive_avg_pool2d(torch.zeros(3, 4), 2)
      except RuntimeError as e:
          print(e)
      """,
      """
      tensor([[[[ 2.5000,  3.5000,  4.5000],
                [ 6.5000,  7.5000,  8.5000]],

               [[14.5000, 15.5000, 16.5000],
                [18.5000, 19.5000, 20.5000]]]])
      (tensor([[[[ 5.,  7.],
                [ 9., 11.]],

               [[17., 19.],
                [21., 23.]]]]), tensor([[[[ 5,  7],
                [ 9, 11]],

               [[ 5,  7],
                [ 9, 11]]]]))
      torch.Size([1, 2, 3, 2]) tensor([ 5.5000, 17.5000])
      AdaptiveAvgPool2d(output_size=(2, 3)) AdaptiveMaxPool2d(output_size=1) AdaptiveAvgPool2d(output_size=(2, None))
      tensor([[0.2500, 0.5000, 0.5000, 0.2500],
              [0.5000, 1.0000, 1.0000, 0.5000],
              [0.2500, 0.5000, 0.5000, 0.2500]])
      adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [3, 4]

      """),
    OutputCase(
      """
      ml = nn.ModuleList([nn.Linear(2, 2), nn.ReLU()])
      print(ml)
      print(len(ml), ml[0], ml[-1])
      print(ml[0:1])
      ml.append(nn.Identity())
      print([type(m).__name__ for m in ml])
      md = nn.ModuleDict({'a': nn.ReLU(), 'b': nn.Linear(1, 1)})
      print(md)
      print(md['a'], len(md), list(md), list(md.keys()), 'a' in md)
      md['c'] = nn.Identity()
      print([k for k, v in md.items()])
      class N(nn.Module):
          def __init__(self):
              super().__init__()
              self.layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(2)])
              self.d = nn.ModuleDict({'x': nn.Linear(2, 1)})
          def forward(self, x):
              for layer in self.layers:
                  x = layer(x)
              return self.d['x'](x)
      n = N()
      print(n)
      print([name for name, _ in n.named_parameters()], n(torch.ones(3, 2)).shape)
      try:
          ml[5]
      except IndexError as e:
          print(e)
      try:
          md['z']
      except KeyError as e:
          print(e)
      """,
      """
      ModuleList(
        (0): Linear(in_features=2, out_features=2, bias=True)
        (1): ReLU()
      )
      2 Linear(in_features=2, out_features=2, bias=True) ReLU()
      ModuleList(
        (0): Linear(in_features=2, out_features=2, bias=True)
      )
      ['Linear', 'ReLU', 'Identity']
      ModuleDict(
        (a): ReLU()
        (b): Linear(in_features=1, out_features=1, bias=True)
      )
      ReLU() 2 ['a', 'b'] ['a', 'b'] True
      ['a', 'b', 'c']
      N(
        (layers): ModuleList(
          (0-1): 2 x Linear(in_features=2, out_features=2, bias=True)
        )
        (d): ModuleDict(
          (x): Linear(in_features=2, out_features=1, bias=True)
        )
      )
      ['layers.0.weight', 'layers.0.bias', 'layers.1.weight', 'layers.1.bias', 'd.x.weight', 'd.x.bias'] torch.Size([3, 1])
      index 5 is out of range
      'z'

      """),
    OutputCase(
      """
      a = torch.tensor([[1., 2.], [3., 5.]], requires_grad=True)
      b = torch.tensor([[0., 2.5], [1., 1.]])
      loss = F.mse_loss(a, b)
      print(loss, F.mse_loss(a, b, reduction='sum'), F.mse_loss(a, b, reduction='none'))
      loss.backward()
      print(a.grad)
      print(nn.MSELoss(), nn.MSELoss(reduction='sum')(a, b), nn.Dropout2d(0.2), nn.Identity())
      x = torch.ones(2, 3)
      print(nn.Identity(3, k=4)(x) is x)
      d = nn.Dropout2d()
      d.eval()
      print(d(torch.ones(1, 2, 2, 2)).sum())
      """,
      """
      tensor(5.3125, grad_fn=<MseLossBackward0>) tensor(21.2500, grad_fn=<MseLossBackward0>) tensor([[ 1.0000,  0.2500],
              [ 4.0000, 16.0000]], grad_fn=<MseLossBackward0>)
      tensor([[ 0.5000, -0.2500],
              [ 1.0000,  2.0000]])
      MSELoss() tensor(21.2500, grad_fn=<MseLossBackward0>) Dropout2d(p=0.2, inplace=False) Identity()
      True
      tensor(8.)

      """),
  ]

  @Test(arguments: poolingContainersAndLosses)
  func poolingContainersAndLossesRunAsInPyTorch(_ example: OutputCase) {
    #expect(Self.output(example.source) == example.expected)
  }
  static let initializers: [OutputCase] = [
    OutputCase(
      """
      w = nn.Linear(3, 2).weight
      r = nn.init.zeros_(w)
      print(r is w, r)
      print(nn.init.constant_(torch.zeros(2), 0.3), nn.init.ones_(torch.zeros(2, dtype=torch.long)))
      print(nn.init.calculate_gain('relu'), nn.init.calculate_gain('tanh'), nn.init.calculate_gain('conv2d'), nn.init.calculate_gain('leaky_relu', 0.2))
      conv = nn.Conv2d(8, 16, 3)
      nn.init.kaiming_normal_(conv.weight, mode='fan_out', nonlinearity='relu')
      nn.init.xavier_uniform_(conv.weight)
      print(conv.weight.abs().max().item() <= (6 / (72 + 144)) ** 0.5, conv.weight.requires_grad, conv.weight.grad_fn)
      u = nn.init.uniform_(torch.zeros(1000), -2, -1)
      print(bool((u >= -2).all()), bool((u < -1).all()))
      try:
          nn.init.xavier_uniform_(torch.zeros(3))
      except ValueError as e:
          print(e)
      try:
          nn.init.kaiming_uniform_(torch.zeros(3, 3), mode='fan')
      except ValueError as e:
          print(e)
      try:
          nn.init.kaiming_uniform_(torch.zeros(3, 3), nonlinearity='swish')
      except ValueError as e:
          print(e)
      """,
      """
      True Parameter containing:
      tensor([[0., 0., 0.],
              [0., 0., 0.]], requires_grad=True)
      tensor([0.3000, 0.3000]) tensor([1, 1])
      1.4142135623730951 1.6666666666666667 1 1.3867504905630728
      True True None
      True True
      Fan in and fan out can not be computed for tensor with fewer than 2 dimensions
      Mode fan not supported, please use one of ['fan_in', 'fan_out']
      Unsupported nonlinearity swish

      """)
  ]

  @Test(arguments: initializers)
  func initializersRunAsInPyTorch(_ example: OutputCase) {
    #expect(Self.output(example.source) == example.expected)
  }
  static let tensorOps: [OutputCase] = [
    OutputCase(
      """
      x = torch.tensor([[3., 1., 2.], [0., 5., 4.]], requires_grad=True)
      print(torch.sort(x))
      print(x.sort(dim=0, descending=True).indices)
      print(torch.topk(x, 2))
      values, indices = x.topk(1, dim=0, largest=False)
      print(values, indices)
      try:
          x.topk(4)
      except RuntimeError as e:
          print(e)
      print(torch.sort(torch.tensor([2, float('nan'), 1.])))
      print(torch.sort(torch.tensor([3, 1, 2]), descending=True).values)
      """,
      """
      torch.return_types.sort(
      values=tensor([[1., 2., 3.],
              [0., 4., 5.]], grad_fn=<SortBackward0>),
      indices=tensor([[1, 2, 0],
              [0, 2, 1]]))
      tensor([[0, 1, 1],
              [1, 0, 0]])
      torch.return_types.topk(
      values=tensor([[3., 2.],
              [5., 4.]], grad_fn=<TopkBackward0>),
      indices=tensor([[0, 2],
              [1, 2]]))
      tensor([[0., 1., 2.]], grad_fn=<TopkBackward0>) tensor([[1, 0, 0]])
      selected index k out of range
      torch.return_types.sort(
      values=tensor([1., 2., nan]),
      indices=tensor([2, 0, 1]))
      tensor([3, 2, 1])

      """),
    OutputCase(
      """
      x = torch.tensor([[1., 2., 4.], [3., 5., 9.]], requires_grad=True)
      print(x.var(), x.std(), x.var(1), x.std(0, keepdim=True))
      print(x.var(1, correction=0), x.var(unbiased=False), torch.var(x, dim=1, unbiased=False))
      print(torch.where(x > 2, x, torch.zeros(1)), torch.where(torch.tensor([True, False]), 1., 0.))
      print(torch.flip(torch.arange(6).reshape(2, 3), [0, 1]), x.flip(1), x.flip(0, 1).shape)
      print(torch.linspace(0, 1, 5), torch.linspace(-1, 1, steps=4), torch.linspace(3, 3, 1), torch.linspace(0, 1, 0))
      print(torch.allclose(torch.tensor([1., 2.]), torch.tensor([1., 2.000001])), torch.isclose(torch.tensor([1., float('nan')]), torch.tensor([1.1, float('nan')]), equal_nan=True))
      try:
          x.add_(1)
      except RuntimeError as e:
          print(e)
      y = torch.arange(3)
      try:
          y.add_(1.5)
      except RuntimeError as e:
          print(e)
      z = torch.ones(3)
      z.add_(2)
      print(z)
      z.mul_(torch.tensor([1., 2., 3.]))
      print(z)
      z.sub_(1, alpha=2)
      print(z)
      z.div_(2)
      print(z)
      print(z.clamp_(1, 2), z.fill_(7), y.fill_(2.7), y.add_(2), y.mul_(3))
      with torch.no_grad():
          x.mul_(2)
      print(x)
      """,
      """
      tensor(8., grad_fn=<VarBackward0>) tensor(2.8284, grad_fn=<StdBackward0>) tensor([2.3333, 9.3333], grad_fn=<VarBackward0>) tensor([[1.4142, 2.1213, 3.5355]], grad_fn=<StdBackward0>)
      tensor([1.5556, 6.2222], grad_fn=<VarBackward0>) tensor(6.6667, grad_fn=<VarBackward0>) tensor([1.5556, 6.2222], grad_fn=<VarBackward0>)
      tensor([[0., 0., 4.],
              [3., 5., 9.]], grad_fn=<WhereBackward0>) tensor([1., 0.])
      tensor([[5, 4, 3],
              [2, 1, 0]]) tensor([[4., 2., 1.],
              [9., 5., 3.]], grad_fn=<FlipBackward0>) torch.Size([2, 3])
      tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000]) tensor([-1.0000, -0.3333,  0.3333,  1.0000]) tensor([3.]) tensor([])
      True tensor([False,  True])
      a leaf Variable that requires grad is being used in an in-place operation.
      result type Float can't be cast to the desired output type Long
      tensor([3., 3., 3.])
      tensor([3., 6., 9.])
      tensor([1., 4., 7.])
      tensor([0.5000, 2.0000, 3.5000])
      tensor([7., 7., 7.]) tensor([7., 7., 7.]) tensor([12, 12, 12]) tensor([12, 12, 12]) tensor([12, 12, 12])
      tensor([[ 2.,  4.,  8.],
              [ 6., 10., 18.]], requires_grad=True)

      """),
  ]

  @Test(arguments: tensorOps)
  func tensorOpsRunAsInPyTorch(_ example: OutputCase) {
    #expect(Self.output(example.source) == example.expected)
  }

  @Test func numpyIsRefusedInWords() {
    let source = """
      for f in [lambda: torch.ones(2).numpy(), lambda: torch.from_numpy(None)]:
          try:
              f()
          except Exception as e:
              print(type(e).__name__, e)
      """
    #expect(
      Self.output(source)
        == "NotImplementedError x.numpy(): there is no numpy in lessons\nNotImplementedError torch.from_numpy: there is no numpy in lessons\n"
    )
  }
}
