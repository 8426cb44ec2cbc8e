import Testing

@testable import LessonLanguage

/// `summary(model, input_size)` and the shape diagnoses behind it.
@Suite struct SummaryTests {
  static let imports = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"

  /// The lecture's Net with `fc` taking `features` inputs, pooling as `pool` and first-stage
  /// pooling as `firstPool` (a call on `x` after conv1).
  static func net(
    features: Int = 320, pool: String = "nn.MaxPool2d(2)", firstPool: String = "self.mp(x)"
  )
    -> String
  {
    imports + """
      class Net(nn.Module):
          def __init__(self):
              super(Net, self).__init__()
              self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
              self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
              self.mp = \(pool)
              self.fc = nn.Linear(\(features), 10)

          def forward(self, x):
              in_size = x.size(0)
              x = self.conv1(x)
              x = F.relu(\(firstPool))
              x = F.relu(self.mp(self.conv2(x)))
              x = x.view(in_size, -1)
              x = self.fc(x)
              return F.log_softmax(x, dim=1)

      """
  }

  @Test func tableOfTheLecturesNet() {
    let result = InterpreterTestSupport.run(Self.net() + "print(summary(Net(), (64, 1, 28, 28)))")
    #expect(result.error == nil)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.contains("Net                                       [64, 10]                 --"))
    #expect(
      lines.contains("├─Conv2d (conv1)                          [64, 10, 24, 24]         260"))
    #expect(
      lines.contains("├─Conv2d (conv2)                          [64, 20, 8, 8]           5,020"))
    #expect(lines.contains("├─MaxPool2d (mp)                          [64, 20, 4, 4]           --"))
    #expect(
      lines.contains("├─Linear (fc)                             [64, 10]                 3,210"))
    #expect(lines.contains("Total params: 8,490"))
    #expect(lines.contains("Non-trainable params: 0"))
  }

  @Test func summaryLeavesTheRandomNumbersAlone() {
    let plain = InterpreterTestSupport.run(
      Self.imports + "layer = nn.Linear(3, 2)\nprint(torch.rand(2))")
    let after = InterpreterTestSupport.run(
      Self.imports + "layer = nn.Linear(3, 2)\ns = summary(layer, (1, 3))\nprint(torch.rand(2))")
    #expect(plain.output == after.output)
  }

  @Test func attributesAndNestedModules() {
    let source =
      Self.imports
      + "s = summary(nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU()), input_size=(1, 1, 5, 5))\n"
      + "print(s.total_params, s.trainable_params)\nprint(s)"
    let result = InterpreterTestSupport.run(source)
    #expect(result.output.hasPrefix("20 20\n"))
    #expect(
      result.output.contains(
        "├─Conv2d (0)                              [1, 2, 3, 3]             20"))
  }

  @Test func wrongFullyConnectedSizeIsExplained() {
    let result = InterpreterTestSupport.run(
      Self.net(features: 100) + "summary(Net(), (2, 1, 28, 28))")
    #expect(result.error?.message.hasPrefix("RuntimeError: size mismatch") == true)
    #expect(
      result.errorText.contains(
        "conv2 (Conv2d): [2, 10, 12, 12] -> [2, 20, 8, 8]   (12 + 2x0 - 5) / 1 + 1 = 8"))
    #expect(
      result.errorText.contains(
        "fc = nn.Linear(100, 10) expects 100 input features, but gets 320 = 20 x 4 x 4 (the output of mp, [2, 20, 4, 4], flattened); use nn.Linear(320, 10)"
      ))
  }

  @Test func poolStrideIsNamed() {
    let result = InterpreterTestSupport.run(
      Self.net(pool: "nn.MaxPool2d(2, stride=1)") + "summary(Net(), (2, 1, 28, 28))")
    #expect(
      result.errorText.contains(
        "mp: on 24x24 maps, MaxPool2d(2) gives 12x12 with the default stride (the kernel size); you got 23x23, which stride=1 gives"
      ))
  }

  @Test func averagePoolingIsRecognised() {
    let module = InterpreterTestSupport.run(
      Self.net(pool: "nn.AvgPool2d(2)") + "summary(Net(), (2, 1, 28, 28))\nmodel = Net()\n"
        + "print(model(torch.randn(2, 1, 28, 28)).shape)")
    #expect(module.error == nil)
    let functional = InterpreterTestSupport.run(
      Self.net(features: 90, firstPool: "F.avg_pool2d(x, 2)") + "summary(Net(), (2, 1, 28, 28))")
    #expect(
      functional.errorText.contains(
        "the input of conv2 equals average pooling of the output of conv1 (F.avg_pool2d(x, 2))"))
    let maxPooled = InterpreterTestSupport.run(
      Self.net(features: 90, firstPool: "F.max_pool2d(x, 2)") + "summary(Net(), (2, 1, 28, 28))")
    #expect(!maxPooled.errorText.contains("average pooling"))
  }

  @Test func aWindowLargerThanTheMapsIsNamed() {
    let source =
      Self.imports
      + "summary(nn.Sequential(nn.MaxPool2d(4), nn.Conv2d(1, 2, 5)), (1, 1, 8, 8))"
    let result = InterpreterTestSupport.run(source)
    #expect(result.error != nil)
    #expect(
      result.errorText.contains(
        "1: a 5x5 window does not fit in the 2x2 maps that reach it"))
  }

  @Test func badArgumentsAreErrorsNotCrashes() {
    for call in [
      "summary(3, (1, 2))", "summary(nn.Linear(2, 2))", "summary(nn.Linear(2, 2), (0, 2))",
      "summary(nn.Linear(2, 2), (100000, 100000, 100))",
    ] {
      #expect(InterpreterTestSupport.run(Self.imports + call).error != nil, "\(call)")
    }
  }

  @Test func outputSizeArithmetic() {
    #expect(ShapeTrace.outputSize(28, kernel: 5, stride: 1, padding: 0) == 24)
    #expect(ShapeTrace.outputSize(24, kernel: 2, stride: 2, padding: 0) == 12)
    #expect(ShapeTrace.outputSize(7, kernel: 3, stride: 2, padding: 0) == 3)
    #expect(ShapeTrace.outputSize(28, kernel: 5, stride: 1, padding: 2) == 28)
    #expect(ShapeTrace.outputSize(4, kernel: 5, stride: 1, padding: 0) == 0)
    #expect(ShapeTrace.outputSize(10, kernel: 3, stride: 1, padding: 0, dilation: 2) == 6)
  }

  @Test func modelIsRestoredAfterTracing() {
    let result = InterpreterTestSupport.run(
      Self.net() + "model = Net()\ns = summary(model, (1, 1, 28, 28))\nprint(model.conv1)\n"
        + "print(type(model.conv1))")
    #expect(result.output == "Conv2d(1, 10, kernel_size=(5, 5), stride=(1, 1))\n<class 'Conv2d'>\n")
  }
}
