/// Plain-word explanations drawn from a traced forward pass: the shape after each layer with its
/// output-size arithmetic, and the common mistakes a check can name (a pooling stride, average
/// instead of max pooling, a fully connected layer sized for another network, a filter larger than
/// what is left of the image).

extension ShapeTrace {
  /// One line per layer call: `conv1 (Conv2d): [2, 1, 28, 28] -> [2, 10, 24, 24]`, with the
  /// output-size arithmetic for convolutions and pools (`(28 + 2x0 - 5) / 1 + 1 = 24`).
  public var shapeLines: [String] {
    calls.filter { $0.depth > 0 }.map { call in
      let indent = String(repeating: "  ", count: call.depth - 1)
      let output = call.outputShape.map(shapeText) ?? "error"
      var line =
        "\(indent)\(call.path) (\(call.typeName)): \(shapeText(call.inputShape)) -> \(output)"
      if let arithmetic = Self.sizeArithmetic(call) { line += "   " + arithmetic }
      return line
    }
  }

  /// Explanations of likely mistakes, most specific first; empty when nothing looks wrong.
  public var findings: [String] {
    var notes: [String] = []
    let leaves = calls.filter { $0.depth > 0 && !($0.module is ScriptModule) }
    for call in leaves {
      if let note = Self.poolStrideFinding(call) { notes.append(note) }
      if let note = Self.averagePoolingFinding(call) { notes.append(note) }
    }
    for (previous, next) in zip(leaves, leaves.dropFirst()) {
      if let note = Self.functionalAveragePoolingFinding(previous, next) { notes.append(note) }
    }
    if let failing = failingCall {
      if let note = linearFinding(failing) { notes.append(note) }
      if let note = Self.tooSmallFinding(failing) { notes.append(note) }
    }
    return notes
  }

  // MARK: - Output-size arithmetic

  /// The window geometry of a convolution or pooling layer, or nil for other layers.
  static func window(_ module: Module) -> (
    kind: String, kernel: Size2D, stride: Size2D, padding: Size2D?, dilation: Size2D
  )? {
    switch module {
    case let conv as Conv2d:
      let padding: Size2D? =
        switch conv.padding {
        case .explicit(let size): size
        case .valid: Size2D(0)
        case .same: nil
        }
      return ("Conv2d", conv.kernelSize, conv.stride, padding, conv.dilation)
    case let pool as MaxPool2d:
      return (
        "MaxPool2d", pool.kernelSize.size, pool.stride.size, pool.padding.size, pool.dilation.size
      )
    case let pool as AvgPool2d:
      return ("AvgPool2d", pool.kernelSize.size, pool.stride.size, pool.padding.size, Size2D(1))
    default:
      return nil
    }
  }

  /// `(W + 2P - K) / S + 1` along the height, written out: `(24 + 2x0 - 2) / 2 + 1 = 12`.
  static func sizeArithmetic(_ call: LayerCall) -> String? {
    guard let geometry = window(call.module), call.inputShape.count >= 3 else { return nil }
    let size = call.inputShape[call.inputShape.count - 2]
    guard let padding = geometry.padding else { return "(padding='same' keeps \(size))" }
    let (k, d) = (geometry.kernel.height, geometry.dilation.height)
    let kernelText = d == 1 ? "\(k)" : "\(d)x(\(k) - 1) - 1"
    let result = outputSize(
      size, kernel: geometry.kernel.height, stride: geometry.stride.height,
      padding: padding.height, dilation: geometry.dilation.height)
    return
      "(\(size) + 2x\(padding.height) - \(kernelText)) / \(geometry.stride.height) + 1 = \(result)"
  }

  /// PyTorch's output size of a window layer along one dimension (floor mode), 0 when the
  /// window does not fit.
  static func outputSize(_ size: Int, kernel: Int, stride: Int, padding: Int, dilation: Int = 1)
    -> Int
  {
    max(
      0,
      Window2D.outputSize(
        input: size, kernel: kernel, stride: stride, padding: padding, dilation: dilation))
  }

  // MARK: - Mistakes

  /// A pool whose stride is not its kernel size: "on 24x24 maps, MaxPool2d(2) gives 12x12 ...".
  static func poolStrideFinding(_ call: LayerCall) -> String? {
    guard let geometry = window(call.module), geometry.kind != "Conv2d",
      geometry.stride != geometry.kernel, let output = call.outputShape, output.count >= 2,
      call.inputShape.count >= 2
    else { return nil }
    let height = call.inputShape[call.inputShape.count - 2]
    let width = call.inputShape[call.inputShape.count - 1]
    let k = geometry.kernel
    let usual = (
      outputSize(
        height, kernel: k.height, stride: k.height, padding: geometry.padding?.height ?? 0),
      outputSize(width, kernel: k.width, stride: k.width, padding: geometry.padding?.width ?? 0)
    )
    let kernelText = k.height == k.width ? "\(k.height)" : "(\(k.height), \(k.width))"
    let stride = geometry.stride
    let strideText =
      stride.height == stride.width ? "\(stride.height)" : "(\(stride.height), \(stride.width))"
    return "\(call.path): on \(height)x\(width) maps, \(geometry.kind)(\(kernelText)) gives "
      + "\(usual.0)x\(usual.1) with the default stride (the kernel size); you got "
      + "\(output[output.count - 2])x\(output[output.count - 1]), which stride=\(strideText) gives"
  }

  /// An `nn.AvgPool2d` layer: its output is average pooling of its input.
  static func averagePoolingFinding(_ call: LayerCall) -> String? {
    guard call.module is AvgPool2d, !call.isRepeat else { return nil }
    return "\(call.path): your output equals average pooling of the input (nn.AvgPool2d); "
      + "the lecture's Net keeps the largest value of each window with nn.MaxPool2d(2)"
  }

  /// Average pooling done with `F.avg_pool2d` between two layers: the next layer's input equals
  /// average pooling (maybe followed by ReLU) of the previous layer's output, and max pooling
  /// would give something else.
  static func functionalAveragePoolingFinding(_ previous: LayerCall, _ next: LayerCall) -> String? {
    guard let source = previous.output, source.rank == 4, next.input.rank == 4,
      source.shape[0] == next.input.shape[0], source.shape[1] == next.input.shape[1],
      next.input.shape[2] < source.shape[2]
    else { return nil }
    let factor = source.shape[2] / max(1, next.input.shape[2])
    guard factor >= 2 else { return nil }
    func matches(_ pooled: Tensor?) -> Bool {
      guard let pooled else { return false }
      if Self.approximatelyEqual(pooled, next.input) { return true }
      return (try? Functional.relu(pooled)).map { Self.approximatelyEqual($0, next.input) } ?? false
    }
    let size = Size2D(factor)
    let average = try? Functional.avgPool2d(source, kernelSize: size)
    let maximum = try? Functional.maxPool2d(source, kernelSize: size)
    guard matches(average), !matches(maximum) else { return nil }
    return "the input of \(next.path) equals average pooling of the output of \(previous.path) "
      + "(F.avg_pool2d(x, \(factor))); the lecture's Net uses max pooling: F.max_pool2d(x, \(factor)) "
      + "or nn.MaxPool2d(\(factor))"
  }

  /// A linear layer given the wrong number of features: what its input is made of.
  func linearFinding(_ call: LayerCall) -> String? {
    guard let linear = call.module as? Linear, let features = call.inputShape.last,
      features != linear.inFeatures
    else { return nil }
    let source = calls.last { call in
      guard let shape = call.outputShape, shape.count == 4 else { return false }
      return shape.dropFirst().reduce(1, *) == features
    }
    var note =
      "\(call.path) = nn.Linear(\(linear.inFeatures), \(linear.outFeatures)) expects "
      + "\(linear.inFeatures) input features, but gets \(features)"
    if let source, let shape = source.outputShape {
      note +=
        " = " + shape.dropFirst().map(String.init).joined(separator: " x ")
        + " (the output of \(source.path), \(shapeText(shape)), flattened)"
    }
    return note + "; use nn.Linear(\(features), \(linear.outFeatures))"
  }

  /// A convolution or pool whose window is larger than what is left of the image.
  static func tooSmallFinding(_ call: LayerCall) -> String? {
    guard let geometry = window(call.module), let padding = geometry.padding,
      call.inputShape.count >= 3
    else { return nil }
    let size = call.inputShape[call.inputShape.count - 2]
    let extent = geometry.dilation.height * (geometry.kernel.height - 1) + 1
    guard size + 2 * padding.height < extent else { return nil }
    return "\(call.path): a \(extent)x\(extent) window does not fit in the \(size)x\(size) "
      + "maps that reach it; use a smaller kernel_size, add padding, or pool less before it"
  }

  /// True when the tensors have one shape and their values differ by at most 1e-4 (relative).
  static func approximatelyEqual(_ a: Tensor, _ b: Tensor) -> Bool {
    guard a.shape == b.shape, a.dtype == .float32, b.dtype == .float32 else { return false }
    return zip(a.floats, b.floats).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) }
  }
}
