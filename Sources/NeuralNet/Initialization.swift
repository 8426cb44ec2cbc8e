/// PyTorch's default initialisation of weights and biases.
///
/// `nn.Conv2d` and `nn.Linear` draw their weight with `kaiming_uniform_(a=sqrt(5))`, whose bound
/// works out to `1 / sqrt(fan_in)`, and their bias uniformly within the same bound, where `fan_in` is
/// the product of the weight's sizes after the first: `in_features` for Linear and
/// `in_channels / groups * kernel_h * kernel_w` for Conv2d.
enum Initialization {
  /// A weight of `shape` (`(out, ...)`) drawn uniformly from `[-1/sqrt(fanIn), 1/sqrt(fanIn))`,
  /// and its `fanIn`. Throws PyTorch's errors for a negative size or more elements than a tensor
  /// may have.
  static func weight(_ shape: [Int], generator: Generator) throws -> (weight: Tensor, fanIn: Int) {
    try Tensor.checkSizes(shape)
    let fanIn = elementCount(Array(shape.dropFirst()))
    return (uniform(shape, fanIn: fanIn, generator: generator), fanIn)
  }

  /// A bias of `count` values drawn within the weight's bound.
  static func bias(_ count: Int, fanIn: Int, generator: Generator) throws -> Tensor {
    try Tensor.checkSizes([count])
    return uniform([count], fanIn: fanIn, generator: generator)
  }

  /// `shape` (checked) filled uniformly from `[-1/sqrt(fanIn), 1/sqrt(fanIn))`.
  private static func uniform(_ shape: [Int], fanIn: Int, generator: Generator) -> Tensor {
    let bound = fanIn > 0 ? 1 / Float(fanIn).squareRoot() : 0
    let values = (0..<elementCount(shape)).map { _ in generator.nextUniform(-bound, bound) }
    return Tensor(shape: shape, floats: values)
  }
}
