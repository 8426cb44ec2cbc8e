/// PyTorch's default initialisation of weights and biases.
///
/// `nn.Conv2d` and `nn.Linear` draw their weight with `kaiming_uniform_(a=sqrt(5))`, whose bound
/// works out to `1 / sqrt(fan_in)`, and their bias uniformly within the same bound, where `fan_in` is
/// `in_features` for Linear and `in_channels / groups * kernel_h * kernel_w` for Conv2d.
enum Initialization {
  /// A float tensor of `shape` drawn uniformly from `[-1/sqrt(fanIn), 1/sqrt(fanIn))`.
  static func uniformFanIn(_ shape: [Int], fanIn: Int, generator: Generator) -> Tensor {
    let bound = fanIn > 0 ? 1 / Float(fanIn).squareRoot() : 0
    let values = (0..<elementCount(shape)).map { _ in generator.nextUniform(-bound, bound) }
    return Tensor(shape: shape, floats: values)
  }
}
