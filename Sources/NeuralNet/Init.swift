/// `torch.nn.init`: in-place initialisation of a tensor's elements, drawn from a given generator.
///
/// Every function overwrites the elements outside autograd (as PyTorch's run under `no_grad`), so
/// it works on parameters that require grad, and returns the tensor itself. A tensor with no
/// elements is left as it is.
public enum Init {
  /// PyTorch's `_calculate_fan_in_and_fan_out`: for a weight `(out, in, k...)`,
  /// `fanIn = in * prod(k)` and `fanOut = out * prod(k)`. Throws for fewer than 2 dimensions.
  public static func fans(_ shape: [Int]) throws -> (fanIn: Int, fanOut: Int) {
    guard shape.count >= 2 else { throw NeuralNetError.fanOfLowRankTensor }
    // The shape belongs to a tensor that exists, so its products fit (`checkedElementCount`).
    let receptive = shape.dropFirst(2).reduce(1, *)
    return (shape[1] * receptive, shape[0] * receptive)
  }

  /// `calculate_gain(nonlinearity, param)`: 1 for linear, convolutions and sigmoid, 5/3 for tanh,
  /// sqrt(2) for relu, sqrt(2 / (1 + slope^2)) for leaky_relu (slope 0.01 unless given), 3/4 for
  /// selu.
  public static func gain(_ nonlinearity: String, parameter: Double? = nil) throws -> Double {
    switch nonlinearity {
    case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
      "conv_transpose3d", "sigmoid":
      return 1
    case "tanh": return 5.0 / 3
    case "relu": return 2.0.squareRoot()
    case "leaky_relu":
      let slope = parameter ?? 0.01
      return (2 / (1 + slope * slope)).squareRoot()
    case "selu": return 3.0 / 4
    default: throw NeuralNetError.unsupportedNonlinearity(nonlinearity)
    }
  }

  /// `uniform_(tensor, a, b)`: each element drawn from `[a, b)`.
  @discardableResult
  public static func uniform(
    _ tensor: Tensor, _ low: Double = 0, _ high: Double = 1, generator: Generator
  )
    throws -> Tensor
  {
    try requireFloat(tensor, "check_uniform_bounds")
    tensor.updateFloats { values in
      for i in values.indices { values[i] = generator.nextUniform(Float(low), Float(high)) }
    }
    return tensor
  }

  /// `normal_(tensor, mean, std)`: each element drawn from `N(mean, std^2)`.
  @discardableResult
  public static func normal(
    _ tensor: Tensor, mean: Double = 0, std: Double = 1, generator: Generator
  )
    throws -> Tensor
  {
    try requireFloat(tensor, "normal_kernel_cpu")
    tensor.updateFloats { values in
      for i in values.indices { values[i] = Float(mean + std * Double(generator.nextNormal())) }
    }
    return tensor
  }

  /// `constant_(tensor, val)`, `zeros_`, `ones_`: every element set to `value` (truncated toward
  /// zero for an integer tensor, as PyTorch's fill).
  @discardableResult
  public static func constant(_ tensor: Tensor, _ value: Double) -> Tensor {
    if tensor.dtype == .float32 {
      tensor.updateFloats { values in
        for i in values.indices { values[i] = Float(value) }
      }
    } else {
      let filled: Int64 =
        tensor.dtype == .bool
        ? (value != 0 ? 1 : 0) : (value.isFinite && abs(value) < 9.2e18 ? Int64(value) : 0)
      tensor.updateInts { values in
        for i in values.indices { values[i] = filled }
      }
    }
    return tensor
  }

  /// The fan `mode` (`fan_in` or `fan_out`) of `shape`, with PyTorch's errors.
  static func fan(_ shape: [Int], mode: String) throws -> Int {
    guard mode == "fan_in" || mode == "fan_out" else {
      throw NeuralNetError.unsupportedFanMode(mode)
    }
    let (fanIn, fanOut) = try fans(shape)
    return mode == "fan_in" ? fanIn : fanOut
  }

  /// `kaiming_uniform_`: `U(-bound, bound)` with `bound = gain * sqrt(3 / fan)`.
  @discardableResult
  public static func kaimingUniform(
    _ tensor: Tensor, a: Double = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
    generator: Generator
  ) throws -> Tensor {
    // PyTorch returns before computing the fan (with a warning) when there is nothing to fill.
    if tensor.count == 0 { return tensor }
    let bound =
      3.0.squareRoot() * (try kaimingStd(tensor, a: a, mode: mode, nonlinearity: nonlinearity))
    return try uniform(tensor, -bound, bound, generator: generator)
  }

  /// `kaiming_normal_`: `N(0, std^2)` with `std = gain / sqrt(fan)`.
  @discardableResult
  public static func kaimingNormal(
    _ tensor: Tensor, a: Double = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
    generator: Generator
  ) throws -> Tensor {
    // PyTorch returns before computing the fan (with a warning) when there is nothing to fill.
    if tensor.count == 0 { return tensor }
    let std = try kaimingStd(tensor, a: a, mode: mode, nonlinearity: nonlinearity)
    return try normal(tensor, mean: 0, std: std, generator: generator)
  }

  /// Kaiming's `gain / sqrt(fan)`, shared by the uniform and normal forms.
  private static func kaimingStd(
    _ tensor: Tensor, a: Double, mode: String, nonlinearity: String
  ) throws -> Double {
    try gain(nonlinearity, parameter: a) / Double(try fan(tensor.shape, mode: mode)).squareRoot()
  }

  /// `xavier_uniform_`: `U(-a, a)` with `a = gain * sqrt(6 / (fan_in + fan_out))`.
  @discardableResult
  public static func xavierUniform(_ tensor: Tensor, gain: Double = 1, generator: Generator) throws
    -> Tensor
  {
    let (fanIn, fanOut) = try fans(tensor.shape)
    let std = gain * (2 / Double(fanIn + fanOut)).squareRoot()
    let bound = 3.0.squareRoot() * std
    return try uniform(tensor, -bound, bound, generator: generator)
  }

  /// `xavier_normal_`: `N(0, std^2)` with `std = gain * sqrt(2 / (fan_in + fan_out))`.
  @discardableResult
  public static func xavierNormal(_ tensor: Tensor, gain: Double = 1, generator: Generator) throws
    -> Tensor
  {
    let (fanIn, fanOut) = try fans(tensor.shape)
    let std = gain * (2 / Double(fanIn + fanOut)).squareRoot()
    return try normal(tensor, mean: 0, std: std, generator: generator)
  }

  private static func requireFloat(_ tensor: Tensor, _ kernel: String) throws {
    guard tensor.dtype == .float32 else {
      throw TensorError.unsupportedDType(kernel: kernel, dtype: tensor.dtype)
    }
  }
}
