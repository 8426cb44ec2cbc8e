/// `cnn_lesson.animate`: convolution and pooling "in action", drawn from the lesson's own
/// tensors (`from cnn_lesson import animate; animate.conv2d(image, kernel, stride=2)`).

import Figures

extension BuiltinTable {
  /// `animate.conv2d`, `animate.max_pool2d`, `animate.avg_pool2d`: the arguments of the
  /// `torch.nn.functional` functions of the same names, for one channel (`(H, W)`, `(1, H, W)`
  /// or `(1, 1, H, W)`). Each computes through that function (so its errors are PyTorch's and
  /// its result is the function's, in the input's shape), then makes a new figure holding the
  /// animation, shown at `plt.show()` or the end of the cell like any figure.
  static let animations: [BuiltinFunction] = [
    .function(
      "cnn_lesson.animate.conv2d", .tensor("input"), .tensor("weight"),
      .size2D("stride", default: 1), .size2D("padding", default: 0),
      .size2D("dilation", default: 1)
    ) { interpreter, input, weight, stride, padding, dilation in
      let channel = try oneChannel(input, name: "input", function: "conv2d")
      let kernel = try oneChannel(weight, name: "weight", function: "conv2d")
      let output = try Functional.conv2d(
        channel, weight: kernel, stride: stride, padding: .explicit(padding), dilation: dilation)
      let weights = rows(of: kernel)
      let animation = try WindowAnimation(
        .conv2d, input: rows(of: channel), kernel: weights,
        kernelSize: .init(weights.count, weights.first?.count ?? 0), stride: pair(stride),
        padding: pair(padding), dilation: pair(dilation))
      return try show(animation, output: output, shapedLike: input, interpreter)
    },
    .function(
      "cnn_lesson.animate.max_pool2d", .tensor("input"), .size2D("kernel_size"),
      .optionalValue("stride"), .size2D("padding", default: 0), .size2D("dilation", default: 1)
    ) { interpreter, input, kernel, strideValue, padding, dilation in
      let stride = try strideValue.map {
        try size2D($0, "stride", ArgumentContext(function: "max_pool2d", interpreter: interpreter))
      }
      let channel = try oneChannel(input, name: "input", function: "max_pool2d")
      let output = try Functional.maxPool2d(
        channel, kernelSize: kernel, stride: stride, padding: padding, dilation: dilation)
      let animation = try WindowAnimation(
        .maxPool2d, input: rows(of: channel), kernelSize: pair(kernel),
        stride: pair(stride ?? kernel), padding: pair(padding), dilation: pair(dilation))
      return try show(animation, output: output, shapedLike: input, interpreter)
    },
    .function(
      "cnn_lesson.animate.avg_pool2d", .tensor("input"), .size2D("kernel_size"),
      .optionalValue("stride"), .size2D("padding", default: 0)
    ) { interpreter, input, kernel, strideValue, padding in
      let stride = try strideValue.map {
        try size2D($0, "stride", ArgumentContext(function: "avg_pool2d", interpreter: interpreter))
      }
      let channel = try oneChannel(input, name: "input", function: "avg_pool2d")
      let output = try Functional.avgPool2d(
        channel, kernelSize: kernel, stride: stride, padding: padding)
      let animation = try WindowAnimation(
        .avgPool2d, input: rows(of: channel), kernelSize: pair(kernel),
        stride: pair(stride ?? kernel), padding: pair(padding))
      return try show(animation, output: output, shapedLike: input, interpreter)
    },
  ]

  private static func pair(_ size: Size2D) -> WindowAnimation.Pair {
    WindowAnimation.Pair(size.height, size.width)
  }

  /// Puts the animation in a new figure of its own and returns the function's output with the
  /// input's leading dimensions: `(OH, OW)` for an `(H, W)` input, `(1, 1, OH, OW)` for
  /// `(1, 1, H, W)`.
  private static func show(
    _ animation: WindowAnimation, output: Tensor, shapedLike input: Tensor,
    _ interpreter: Interpreter
  ) throws -> Value {
    let figure = try interpreter.pyplot.figure(size: nil, dpi: nil)
    figure.figure.animation = animation
    let size = animation.outputSize
    return .tensor(try output.reshaped(input.shape.dropLast(2) + [size.height, size.width]))
  }

  /// One channel of `tensor` as a `(1, 1, H, W)` tensor: `tensor` is `(H, W)`, `(1, H, W)` or
  /// `(1, 1, H, W)`, at most `WindowAnimation.maximumSide` a side; anything else is a
  /// `ValueError` that says what to pass.
  private static func oneChannel(_ tensor: Tensor, name: String, function: String) throws
    -> Tensor
  {
    var shape = tensor.shape
    while shape.count > 2 && shape.first == 1 { shape.removeFirst() }
    guard shape.count == 2 else {
      throw PythonException.value(
        "animate.\(function)() draws one channel: \(name) must be (H, W), (1, H, W) or "
          + "(1, 1, H, W), got \(tensor.shape)",
        notes: ["pick one channel, e.g. \(name)[0, 0]"])
    }
    let side = WindowAnimation.maximumSide
    guard shape[0] <= side, shape[1] <= side else {
      throw PythonException.value(
        "animate.\(function)() draws at most \(side)x\(side) values, \(name) is "
          + "\(shape[0])x\(shape[1])",
        notes: ["animate a corner, e.g. \(name)[:6, :6]"])
    }
    return try tensor.reshaped([1, 1, shape[0], shape[1]])
  }

  /// The rows of a `(1, 1, H, W)` tensor's values.
  private static func rows(of tensor: Tensor) -> [[Double]] {
    let width = tensor.shape.last ?? 0
    let values = tensor.floatValues.map(Double.init)
    guard width > 0 else { return [] }
    return stride(from: 0, to: values.count, by: width).map {
      Array(values[$0..<min($0 + width, values.count)])
    }
  }
}
