/// An error raised by a tensor operation, as a case that carries its numbers: a shape that does not
/// fit, an index out of range, an argument PyTorch would reject.
///
/// Each case is rendered in one place (`TensorError+Message.swift`): `message` in PyTorch's wording,
/// `notes` explaining the cause in plain words (the lesson runner prints them as `note:` lines), and
/// `category`, the Python exception class PyTorch raises for it.
public enum TensorError: Error, Equatable, Sendable {
  /// `dim` is not a dimension of a tensor of rank `rank` (a scalar accepts -1 and 0).
  case dimensionOutOfRange(dim: Int, rank: Int)
  /// `index` is outside `-size..<size` along dimension `dim`.
  case indexOutOfBounds(index: Int, dim: Int, size: Int)
  /// A subscript that is not valid for the tensor (other than an index out of bounds).
  case invalidIndex(IndexProblem)
  /// Two shapes that do not broadcast: aligned at their last dimension, their sizes at dimension
  /// `dim` of the result differ and neither is 1.
  case broadcastMismatch(lhs: [Int], rhs: [Int], dim: Int)
  /// `matmul` (`@`, `mm`, `mv`, `dot`) operands that do not fit.
  case matmul(MatmulProblem)
  /// `linear` operands (input, weight, bias) that do not fit.
  case linear(LinearProblem)
  /// A shape that a reshape, view, permutation, expansion, concatenation or factory rejects.
  case invalidShape(ShapeProblem)
  /// A tensor of `shape` would have `elements` elements, more than the `limit` one tensor may have.
  case allocationTooLarge(elements: Int, limit: Int, shape: [Int])
  /// A new tensor whose bytes would take the lesson's values over the memory budget in force
  /// (`MemoryBudget`); raised before anything is allocated.
  case memory(MemoryBudgetError)
  /// The kernel `kernel` (PyTorch's name) has no implementation for `dtype`: it needs floats.
  case unsupportedDType(kernel: String, dtype: DType)
  /// An operation the dtypes or the values do not allow (negating a bool, `item()` of many values).
  case unsupportedOperation(OperationProblem)
  /// A reduction (`sum`, `mean`, `max`, `argmax`) that cannot be computed as asked.
  case reduction(ReductionProblem)
  /// An argument outside its valid range (a zero `arange` step, a dropout probability above 1).
  case invalidArgument(ArgumentProblem)
  /// `batch_norm` arguments that do not fit the input.
  public enum NormalizationProblem: Equatable, Sendable {
    /// A running statistic, weight or bias whose element count is not the input's channel count.
    case parameterSize(name: String, expected: Int, got: Int)
    /// `batch_norm` in evaluation mode without running statistics.
    case missingRunningMean
    /// Training on a batch with one value per channel, whose variance is undefined.
    case singleValuePerChannel(shape: [Int])
    /// A `BatchNorm1d` / `BatchNorm2d` input of the wrong rank (`expected` is `4D`, `2D or 3D`).
    case inputRank(expected: String, rank: Int)
  }

  /// A gradient that cannot be computed or recorded.
  case autograd(AutogradProblem)
  /// `conv2d` arguments that do not fit together.
  case convolution(ConvolutionProblem)
  /// `max_pool2d` / `avg_pool2d` arguments that do not fit together.
  case pooling(PoolingProblem)
  /// `nll_loss` / `cross_entropy` inputs and targets that do not fit.
  case loss(LossProblem)
  /// Batch normalisation arguments that do not fit the input.
  case normalization(NormalizationProblem)

  /// The Python exception class PyTorch raises, as lesson code sees it.
  public enum Category: String, Sendable, CaseIterable {
    /// `RuntimeError`, PyTorch's class for most failed checks.
    case runtime = "RuntimeError"
    /// `IndexError`: an index or dimension out of range.
    case index = "IndexError"
    /// `ValueError`: an argument with a wrong value.
    case value = "ValueError"
    /// `TypeError`: an argument of a wrong type.
    case type = "TypeError"
    /// `MemoryError`: more memory than the lesson may use.
    case memory = "MemoryError"
    /// `NotImplementedError`: something a subclass must provide.
    case notImplemented = "NotImplementedError"
  }

  /// A subscript `x[...]` that does not fit the tensor.
  public enum IndexProblem: Equatable, Sendable {
    /// More indices than the tensor of rank `rank` has dimensions.
    case tooManyIndices(rank: Int)
    /// Two `...` in one subscript.
    case multipleEllipses
    /// A tensor of `dtype` (float) used as an index.
    case indexDType(DType)
    /// A boolean mask whose size at its dimension `maskDim` differs from the tensor's at `dim`.
    case maskShape(mask: [Int], maskDim: Int, shape: [Int], dim: Int)
    /// Index tensors whose shapes do not broadcast together.
    case indicesDoNotBroadcast([[Int]])
    /// An assigned value of shape `value` that does not broadcast to the indexed result `target`.
    case valueDoesNotBroadcast(value: [Int], target: [Int])
    /// A slice with step 0.
    case zeroStep
    /// A slice with a negative step (PyTorch has no reversed views).
    case negativeStep
  }

  /// `matmul` operands that do not fit.
  public enum MatmulProblem: Equatable, Sendable {
    /// An operand of rank 0.
    case scalarOperand(lhsRank: Int, rhsRank: Int)
    /// Operands of different dtypes.
    case dtypeMismatch(DType, DType)
    /// Two bool operands (PyTorch has no bool matrix product).
    case boolOperands
    /// The last size of `lhs` differs from the contracted size of `rhs`.
    case shapeMismatch(lhs: [Int], rhs: [Int])
  }

  /// `linear(input, weight, bias)` operands that do not fit.
  public enum LinearProblem: Equatable, Sendable {
    /// A weight that is not `(out_features, in_features)`.
    case weightRank(weight: [Int])
    /// A 0-d input.
    case scalarInput
    /// An input whose last size is not the weight's `in_features`.
    case shapeMismatch(input: [Int], weight: [Int])
    /// A weight or bias whose dtype differs from the input's.
    case dtypeMismatch(input: DType, parameter: DType)
    /// A bias that is not `(out_features)`.
    case biasShape(outFeatures: Int, bias: [Int], inputRank: Int)
  }

  /// A shape that a movement op or a factory rejects.
  public enum ShapeProblem: Equatable, Sendable {
    /// A negative size other than -1 in a reshape.
    case invalidDimension(Int)
    /// Two or more -1 sizes in a reshape.
    case multipleInferred
    /// A -1 size in a reshape of an empty tensor, which any size would satisfy.
    case ambiguousInferred(requested: [Int])
    /// A reshape of a tensor of `shape` to `requested`, which holds another number of elements.
    case reshapeSize(requested: [Int], shape: [Int])
    /// `flatten(start_dim, end_dim)` with `start_dim` after `end_dim`.
    case flattenOrder
    /// `permute(dims)` with `dims` dims for a tensor of rank `rank`.
    case permuteLength(rank: Int, dims: Int)
    /// `permute(dims)` naming a dimension twice.
    case duplicatePermuteDims
    /// `t()` of a tensor of rank above 2.
    case transposeRank(Int)
    /// `expand(size)` with fewer sizes than the tensor of `shape` has dimensions.
    case expandRank(shape: [Int], size: [Int], dtype: DType)
    /// `expand(size)` whose size at `dim` cannot be reached from the tensor's.
    case expandSize(shape: [Int], size: [Int], dim: Int)
    /// `cat([])`.
    case catEmpty
    /// `cat` of a 0-d tensor at `position`.
    case catZeroDimensional(position: Int)
    /// `cat` of tensors with `expected` and `got` dimensions.
    case catRank(expected: Int, got: Int)
    /// `cat` of tensor number `tensor` whose size at a dimension other than `dim` differs.
    case catSizes(dim: Int, expected: Int, got: Int, tensor: Int)
    /// `stack([])`.
    case stackEmpty
    /// `stack` of entry `entry`, shaped `other`, unlike entry 0, shaped `first`.
    case stackSizes(first: [Int], other: [Int], entry: Int)
    /// A factory size `size` below 0 in `shape`.
    case negativeDimension(size: Int, shape: [Int])
    /// A shape whose element count overflows a 64-bit integer.
    case elementCountOverflow(shape: [Int])
  }

  /// An operation the dtypes or the values do not allow.
  public enum OperationProblem: Equatable, Sendable {
    /// `-x` of a bool tensor.
    case boolNegation
    /// `a - b` of two bool tensors.
    case boolSubtraction
    /// An integer tensor raised to a negative integer power.
    case negativeIntegerPower
    /// Integer `//` or `%` by zero.
    case integerDivisionByZero
    /// `item()` of a tensor of `shape` that does not hold exactly one element.
    case itemOfNonScalar(shape: [Int])
    /// `torch.where` with a condition that is not bool.
    case whereCondition(DType)
  }

  /// A reduction that cannot be computed as asked.
  public enum ReductionProblem: Equatable, Sendable {
    /// A dimension listed twice.
    case duplicateDim(Int)
    /// `mean()` of an integer or bool tensor.
    case meanDType(DType)
    /// `max()` / `min()` of an empty tensor without `dim`.
    case emptyWithoutDim(op: String)
    /// `argmax()` / `argmin()` of an empty tensor without `dim`.
    case emptyIndexWithoutDim(op: String)
    /// A reduction along `dim`, whose size is 0.
    case emptyDim(op: String, dim: Int)
  }

  /// An argument outside its valid range.
  public enum ArgumentProblem: Equatable, Sendable {
    /// `arange` with step 0.
    case zeroStep
    /// `arange` with an infinite or NaN bound.
    case nonFiniteRange(start: Double, end: Double)
    /// `arange` whose step walks away from its end.
    case stepSign(start: Double, end: Double, step: Double)
    /// `arange` with more elements than fit in an integer.
    case rangeTooLong
    /// `randperm(n)` with `n` below 0.
    case negativePermutationLength(Int)
    /// `clamp()` without `min` and `max`.
    case clampWithoutBounds
    /// A dropout probability outside `[0, 1]`.
    case dropoutProbability(Double)
    /// `dropout2d` of an input that is not 3-D or 4-D.
    case dropout2dRank(shape: [Int])
    /// A fractional `alpha` for `add` / `sub` of integer tensors.
    case floatAlpha
    /// `linspace` with a negative number of steps.
    case negativeSteps
    /// `topk` with `k` outside `0...size`.
    case topkOutOfRange
  }

  /// A gradient that cannot be computed or recorded.
  public enum AutogradProblem: Equatable, Sendable {
    /// `requires_grad_()` on a tensor of `dtype` (not floating point).
    case nonFloatRequiresGrad(DType)
    /// `requires_grad_(False)` on a tensor computed from others.
    case nonLeafRequiresGradFlag
    /// `backward()` of a tensor that does not require grad.
    case noGradFn
    /// `backward()` without a gradient of a tensor of `shape` with more than one element.
    case nonScalarOutput(shape: [Int])
    /// `backward(gradient)` with a gradient shaped `gradient` for an output shaped `output`.
    case gradientShape(gradient: [Int], output: [Int])
    /// An in-place write into a leaf tensor that requires grad.
    case leafInPlace
    /// A second `backward()` through nodes whose saved tensors the first one freed.
    case graphReleased
  }

  /// `conv2d` arguments that do not fit together. Input shapes are given batched,
  /// `(N, C, H, W)`, as PyTorch's messages give them.
  public enum ConvolutionProblem: Equatable, Sendable {
    /// An input that is neither 3-D nor 4-D.
    case inputRank(input: [Int])
    /// `groups` below 1.
    case nonPositiveGroups(Int)
    /// A weight that is not 4-D.
    case weightRank(weight: [Int], input: [Int])
    /// Fewer filters than groups.
    case tooFewFilters(groups: Int, weight: [Int])
    /// Filters that do not split evenly into the groups.
    case filtersNotDivisible(groups: Int, weight: [Int])
    /// An input whose channels are not the weight's `in_channels / groups` times `groups`.
    case channelMismatch(groups: Int, weight: [Int], input: [Int])
    /// A bias that is not `(out_channels)`.
    case biasShape(weight: [Int], bias: [Int])
    /// A weight or input plane with no elements.
    case emptyPlanes(weight: [Int], input: [Int])
    /// `padding='same'` with a stride other than 1.
    case sameWithStride
    /// A stride below 1.
    case nonPositiveStride(Size2D)
    /// A negative padding.
    case negativePadding(Size2D)
    /// A dilation below 1.
    case nonPositiveDilation(Size2D)
    /// An effective (dilated) kernel larger than the padded input plane.
    case kernelTooLarge(padded: Size2D, kernel: Size2D)
    /// A weight or bias whose dtype differs from the input's.
    case dtypeMismatch(input: DType, parameter: DType)
  }

  /// `max_pool2d` / `avg_pool2d` arguments that do not fit together.
  public enum PoolingProblem: Equatable, Sendable {
    /// An input that is not `(C, H, W)` or `(N, C, H, W)` with non-empty planes.
    case inputShape([Int])
    /// A kernel size below 1.
    case nonPositiveKernel(Size2D)
    /// A stride below 1.
    case nonPositiveStride(Size2D)
    /// A dilation below 1.
    case nonPositiveDilation(Size2D)
    /// A negative padding.
    case negativePadding(Int)
    /// A padding above half the effective kernel size, so a window could lie in the padding.
    case paddingTooLarge(padding: Int, kernel: Int, dilation: Int)
    /// A window larger than the padded input: the output would be empty.
    case outputTooSmall(channels: Int, input: Size2D, output: Size2D, kernel: Size2D)
    /// `divisor_override=0`.
    case zeroDivisor
    /// An adaptive pooling input that is not 3-D or 4-D (`op` prefixes the message).
    case adaptiveInputRank(op: String, shape: [Int])
    /// A negative adaptive output size.
    case negativeAdaptiveSize(height: Int, width: Int)
    /// `adaptive_max_pool2d` of an input with an empty non-batch dimension `dim`.
    case adaptiveEmptyDimension(shape: [Int], dim: Int)
  }

  /// `nll_loss` / `cross_entropy` inputs and targets that do not fit.
  public enum LossProblem: Equatable, Sendable {
    /// A class index `target` outside `0..<classes`.
    case targetOutOfBounds(target: Int, classes: Int)
    /// An input that is neither `(C)` nor `(N, C)`.
    case inputRank(input: [Int])
    /// A target that is neither 0-d nor 1-d.
    case targetRank(target: [Int])
    /// `input` rows and `target` entries that differ in number.
    case batchSizeMismatch(input: Int, target: Int)
    /// A target of `dtype` (not int64).
    case targetDType(DType)
  }
}

extension TensorError: CustomStringConvertible {
  /// The message alone (the lesson layer adds the exception class and the notes).
  public var description: String { message }
}
