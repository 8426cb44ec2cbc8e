import Figures
import Testing

@testable import LessonLanguage

/// `cnn_lesson.animate` through the lesson language: the functions compute what
/// `torch.nn.functional`'s compute, and each shows one animation figure.
@Suite struct BuiltinsAnimateTests {
  static func run(_ code: String) -> PyplotRun {
    BuiltinsPyplotTests.run(
      [
        """
        import torch.nn.functional as F
        from cnn_lesson import animate
        image = torch.arange(1., 10.).view(1, 1, 3, 3)
        x = torch.arange(16.).view(4, 4)

        """ + code
      ])
  }

  @Test func eachFunctionReturnsWhatTorchComputesAndShowsItsAnimation() {
    let run = Self.run(
      """
      out = animate.conv2d(image, torch.ones(1, 1, 2, 2), padding=1)
      print(torch.equal(out, F.conv2d(image, torch.ones(1, 1, 2, 2), padding=1)))
      w = torch.tensor([[1., -1.], [2., 0.5]])
      print(torch.equal(animate.conv2d(image[0, 0], w, stride=(1, 2)),
                        F.conv2d(image, w.view(1, 1, 2, 2), stride=(1, 2))[0, 0]))
      print(torch.equal(animate.max_pool2d(x, 2, padding=1),
                        F.max_pool2d(x.view(1, 1, 4, 4), 2, padding=1)[0, 0]))
      print(torch.equal(animate.avg_pool2d(x, kernel_size=3, stride=1),
                        F.avg_pool2d(x.view(1, 1, 4, 4), 3, stride=1)[0, 0]))
      print(animate.max_pool2d(x, 2, dilation=2).shape)
      """)
    #expect(run.errorText == "no error")
    #expect(run.output == "True\nTrue\nTrue\nTrue\ntorch.Size([1, 1])\n")
    #expect(run.figures.count == 5)
    #expect(
      run.figures.map { $0.animation?.operation.rawValue } == [
        "conv2d", "conv2d", "max_pool2d", "avg_pool2d", "max_pool2d",
      ])
    #expect(run.figures[1].animation?.stride == .init(1, 2))
  }

  @Test func whatCannotBeAnimatedIsALocatedError() {
    #expect(
      Self.run("animate.conv2d(torch.zeros(2, 3, 3), torch.ones(2, 2))").errorText
        == "test.py:8:1: ValueError: animate.conv2d() draws one channel: input must be (H, W), "
        + "(1, H, W) or (1, 1, H, W), got [2, 3, 3]")
    #expect(
      Self.run("animate.avg_pool2d(torch.zeros(28, 28), 2)").errorText
        == "test.py:8:1: ValueError: animate.avg_pool2d() draws at most 16x16 values, input is 28x28"
    )
    #expect(
      Self.run("animate.max_pool2d(x, 2, padding=2)").errorText
        .hasPrefix("test.py:8:1: RuntimeError: pad should be at most half of effective kernel size")
    )
    #expect(
      Self.run("animate.conv2d(image, torch.ones(1, 1, 2, 2), stride=0)").errorText
        == "test.py:8:1: RuntimeError: non-positive stride is not supported")
    #expect(
      Self.run("animate.max_pool2d(x, 2, stride=0)").errorText
        == "test.py:8:1: RuntimeError: stride should be greater than zero, but got dH: 0 dW: 0",
      "F.max_pool2d's own words")
    #expect(
      Self.run("animate.conv2d(image, torch.ones(2, 2), padding='same')").errorText != "no error")
    #expect(Self.run("animate.rotate(image)").errorText.contains("rotate"))
  }
}
