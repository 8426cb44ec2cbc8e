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
}
