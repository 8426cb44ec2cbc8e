/// The one place where `TensorError`'s cases become text: PyTorch's message, the notes that explain
/// it, and the Python exception class PyTorch raises.

extension TensorError {
  /// The message in PyTorch's words, e.g. `size mismatch, m1: [64 x 320], m2: [100 x 10]`.
  public var message: String {
    switch self {
    case .dimensionOutOfRange(let dim, let rank):
      let effective = max(rank, 1)
      return
        "Dimension out of range (expected to be in range of [\(-effective), \(effective - 1)], "
        + "but got \(dim))"
    case .indexOutOfBounds(let index, let dim, let size):
      return "index \(index) is out of bounds for dimension \(dim) with size \(size)"
    case .broadcastMismatch(let lhs, let rhs, let dim):
      let rank = max(lhs.count, rhs.count)
      let (a, b) = (alignedSize(lhs, dim, rank: rank), alignedSize(rhs, dim, rank: rank))
      return "The size of tensor a (\(a)) must match the size of tensor b (\(b)) at non-singleton "
        + "dimension \(dim)"
    case .allocationTooLarge(let elements, _, _):
      return "DefaultCPUAllocator: not enough memory: you tried to allocate "
        + "\(byteCountText(elements: elements)) bytes"
    case .unsupportedDType(let kernel, let dtype):
      return "\"\(kernel)\" not implemented for '\(dtype.scalarTypeName)'"
    case .memory(let error): return error.message
    case .invalidIndex(let problem): return problem.message
    case .matmul(let problem): return problem.message
    case .linear(let problem): return problem.message
    case .invalidShape(let problem): return problem.message
    case .unsupportedOperation(let problem): return problem.message
    case .reduction(let problem): return problem.message
    case .invalidArgument(let problem): return problem.message
    case .autograd(let problem): return problem.message
    case .convolution(let problem): return problem.message
    case .pooling(let problem): return problem.message
    case .loss(let problem): return problem.message
    case .normalization(let problem): return problem.message
    }
  }

  /// Explanations and hints in plain words, one per line; often empty.
  public var notes: [String] {
    switch self {
    case .indexOutOfBounds(_, _, let size):
      return ["valid indices are \(-size)...\(size &- 1)"]
    case .broadcastMismatch(let lhs, let rhs, _):
      return ["broadcasting aligns \(shapeText(lhs)) and \(shapeText(rhs)) at their last dimension"]
    case .allocationTooLarge(_, let limit, let shape):
      return ["at most \(limit) elements fit in one tensor; \(shapeText(shape)) asks for more"]
    case .memory(let error): return error.notes
    case .unsupportedDType(let kernel, _):
      return ["\(kernel) works on floating-point tensors; convert the input with .float() first"]
    case .dimensionOutOfRange, .invalidIndex: return []
    case .matmul(let problem): return problem.notes
    case .linear(let problem): return problem.notes
    case .invalidShape(let problem): return problem.notes
    case .unsupportedOperation(let problem): return problem.notes
    case .reduction(let problem): return problem.notes
    case .invalidArgument(let problem): return problem.notes
    case .autograd(let problem): return problem.notes
    case .convolution(let problem): return problem.notes
    case .pooling(let problem): return problem.notes
    case .loss(let problem): return problem.notes
    case .normalization(let problem): return problem.notes
    }
  }
}

// MARK: - Indexing and matrix products

extension TensorError.IndexProblem {
  var message: String {
    switch self {
    case .tooManyIndices(let rank): "too many indices for tensor of dimension \(rank)"
    case .multipleEllipses: "an index can only have a single ellipsis ('...')"
    case .indexDType: "tensors used as indices must be long, int, byte or bool tensors"
    case .maskShape(let mask, let maskDim, let shape, let dim):
      "The shape of the mask \(shapeText(mask)) at index \(maskDim) does not match the shape of the "
        + "indexed tensor \(shapeText(shape)) at index \(dim)"
    case .indicesDoNotBroadcast(let shapes):
      "shape mismatch: indexing tensors could not be broadcast together with shapes "
        + shapes.map(shapeText).joined(separator: ", ")
    case .valueDoesNotBroadcast(let value, let target):
      "shape mismatch: value tensor of shape \(shapeText(value)) cannot be broadcast to indexing "
        + "result of shape \(shapeText(target))"
    case .zeroStep: "slice step cannot be zero"
    case .negativeStep: "step must be greater than zero"
    }
  }
}

extension TensorError.MatmulProblem {
  var message: String {
    switch self {
    case .scalarOperand(let lhs, let rhs):
      return "both arguments to matmul need to be at least 1D, but they are \(lhs)D and \(rhs)D"
    case .dtypeMismatch(let lhs, let rhs):
      return "expected m1 and m2 to have the same dtype, but got: \(lhs.cName) != \(rhs.cName)"
    case .boolOperands:
      return "\"addmm_impl_cpu_\" not implemented for 'Bool'"
    case .shapeMismatch(let lhs, let rhs):
      return Self.mismatchMessage(lhs, rhs)
    }
  }

  /// PyTorch's message for inner sizes that do not agree, by the kind of product.
  private static func mismatchMessage(_ a: [Int], _ b: [Int]) -> String {
    let (aLast, bFirst) = (sizeAt(a, a.count - 1), sizeAt(b, 0))
    switch (a.count, b.count) {
    case (1, 1):
      return "inconsistent tensor size, expected tensor [\(aLast)] and src [\(bFirst)] to have the "
        + "same number of elements, but got \(aLast) and \(bFirst) elements respectively"
    case (2, 1):
      return
        "size mismatch, got input (\(sizeAt(a, 0))), mat (\(sizeAt(a, 0))x\(aLast)), vec (\(bFirst))"
    case (_, 1), (_, 2):
      // The first operand as rows of its last size (a vector is one row).
      let rows = product(a.dropLast())
      let n = b.count == 1 ? 1 : sizeAt(b, 1)
      return "mat1 and mat2 shapes cannot be multiplied (\(rows)x\(aLast) and \(bFirst)x\(n))"
    default:
      let batch = product(b.dropLast(2))
      return "Expected size for first two dimensions of batch2 tensor to be: [\(batch), \(aLast)] "
        + "but got: [\(batch), \(sizeAt(b, b.count - 2))]."
    }
  }

  var notes: [String] {
    guard case .shapeMismatch(let lhs, let rhs) = self, lhs.count != 1 || rhs.count != 1 else {
      return []
    }
    return [
      "matmul needs the last size of the first operand to equal the first of the last two of the second"
    ]
  }
}

extension TensorError.LinearProblem {
  var message: String {
    switch self {
    case .weightRank(let weight):
      return "linear: expected weight to be 2-D, but got weight of size \(shapeText(weight))"
    case .scalarInput:
      return "both arguments to linear need to be at least 1D, but they are 0D and 2D"
    case .shapeMismatch(let input, let weight):
      let (rows, features) = (product(input.dropLast()), sizeAt(input, input.count - 1))
      return
        "size mismatch, m1: [\(rows) x \(features)], m2: [\(sizeAt(weight, 1)) x \(sizeAt(weight, 0))]"
    case .dtypeMismatch(let input, let parameter):
      return "mat1 and mat2 must have the same dtype, but got \(input.scalarTypeName) and "
        + "\(parameter.scalarTypeName)"
    case .biasShape(let outFeatures, let bias, let inputRank):
      return "The size of tensor a (\(outFeatures)) must match the size of tensor b "
        + "(\(bias.last ?? 1)) at non-singleton dimension \(inputRank - 1)"
    }
  }

  var notes: [String] {
    switch self {
    case .weightRank: return ["a linear layer's weight has shape (out_features, in_features)"]
    case .scalarInput: return []
    case .shapeMismatch(let input, let weight):
      let (rows, features) = (product(input.dropLast()), sizeAt(input, input.count - 1))
      let (inFeatures, outFeatures) = (sizeAt(weight, 1), sizeAt(weight, 0))
      return [
        "mat1 and mat2 shapes cannot be multiplied (\(rows)x\(features) and \(inFeatures)x\(outFeatures))",
        "the layer expects \(inFeatures) input features, but the input has \(features)",
      ]
    case .dtypeMismatch(let input, let parameter):
      return ["the input is \(input) but the layer's parameters are \(parameter)"]
    case .biasShape(let outFeatures, _, _):
      return ["the bias needs one value per output feature: shape [\(outFeatures)]"]
    }
  }
}

// MARK: - Shapes, operations, reductions, arguments, autograd

extension TensorError.ShapeProblem {
  var message: String {
    switch self {
    case .invalidDimension(let size): "invalid shape dimension \(size)"
    case .multipleInferred: "only one dimension can be inferred"
    case .ambiguousInferred(let requested):
      "cannot reshape tensor of 0 elements into shape \(shapeText(requested)) because the "
        + "unspecified dimension size -1 can be any value and is ambiguous"
    case .reshapeSize(let requested, let shape):
      "shape '\(shapeText(requested))' is invalid for input of size \(product(shape))"
    case .flattenOrder: "flatten() has invalid args: start_dim cannot come after end_dim"
    case .permuteLength(let rank, let dims):
      "permute(sparse_coo): number of dimensions in the tensor input does not match the length "
        + "of the desired ordering of dimensions i.e. input.dim() = \(rank) is not equal to "
        + "len(dims) = \(dims)"
    case .duplicatePermuteDims: "permute(): duplicate dims are not allowed."
    case .transposeRank(let rank): "t() expects a tensor with <= 2 dimensions, but self is \(rank)D"
    case .expandRank(let shape, let size, let dtype):
      "expand(\(dtype.tensorTypeName){\(shapeText(shape))}, size=\(shapeText(size))): the number "
        + "of sizes provided (\(size.count)) must be greater or equal to the number of dimensions "
        + "in the tensor (\(shape.count))"
    case .expandSize(let shape, let target, let dim):
      "The expanded size of the tensor (\(sizeAt(target, dim))) must match the existing "
        + "size (\(alignedSize(shape, dim, rank: target.count))) at non-singleton dimension \(dim).  "
        + "Target sizes: \(shapeText(target)).  Tensor sizes: \(shapeText(shape))"
    case .catEmpty: "torch.cat(): expected a non-empty list of Tensors"
    case .catZeroDimensional(let position):
      "zero-dimensional tensor (at position \(position)) cannot be concatenated"
    case .catRank(let expected, let got):
      "Tensors must have same number of dimensions: got \(expected) and \(got)"
    case .catSizes(let dim, let expected, let got, let tensor):
      "Sizes of tensors must match except in dimension \(dim). Expected size \(expected) but got "
        + "size \(got) for tensor number \(tensor) in the list."
    case .stackEmpty: "stack expects a non-empty TensorList"
    case .stackSizes(let first, let other, let entry):
      "stack expects each tensor to be equal size, but got \(shapeText(first)) at entry 0 and "
        + "\(shapeText(other)) at entry \(entry)"
    case .negativeDimension(let size, let shape):
      "Trying to create tensor with negative dimension \(size): \(shapeText(shape))"
    case .elementCountOverflow: "numel: integer multiplication overflow"
    }
  }

  var notes: [String] {
    guard case .reshapeSize(_, let shape) = self else { return [] }
    return ["\(shapeText(shape)) has \(product(shape)) elements; the new shape must hold as many"]
  }
}

extension TensorError.OperationProblem {
  var message: String {
    switch self {
    case .boolNegation:
      "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert "
        + "a mask, use the `~` or `logical_not()` operator instead."
    case .boolSubtraction:
      "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
        + "`logical_xor()` operator instead."
    case .negativeIntegerPower: "Integers to negative integer powers are not allowed."
    case .integerDivisionByZero: "ZeroDivisionError"
    case .itemOfNonScalar(let shape):
      "a Tensor with \(product(shape)) elements cannot be converted to Scalar"
    case .whereCondition(let dtype):
      "where expected condition to be a boolean tensor, but got a tensor with dtype \(dtype.scalarTypeName)"
    }
  }

  var notes: [String] {
    guard case .itemOfNonScalar(let shape) = self else { return [] }
    return [
      "item() needs a tensor with exactly one element; this one has shape \(shapeText(shape))"
    ]
  }
}

extension TensorError.ReductionProblem {
  var message: String {
    switch self {
    case .duplicateDim(let dim): "dim \(dim) appears multiple times in the list of dims"
    case .meanDType(let dtype):
      "mean(): could not infer output dtype. Input dtype must be either a floating point or "
        + "complex dtype. Got: \(dtype.scalarTypeName)"
    case .emptyWithoutDim(let op):
      "\(op)(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
        + "reduction dim with the 'dim' argument."
    case .emptyIndexWithoutDim(let op):
      "\(op)(): Expected reduction dim to be specified for input.numel() == 0."
    case .emptyDim(let op, let dim): "\(op)(): Expected reduction dim \(dim) to have non-zero size."
    }
  }

  var notes: [String] {
    guard case .meanDType = self else { return [] }
    return ["convert first, e.g. x.float().mean()"]
  }
}

extension TensorError.ArgumentProblem {
  var message: String {
    switch self {
    case .zeroStep: "step must be nonzero"
    case .nonFiniteRange(let start, let end): "unsupported range: \(start) -> \(end)"
    case .stepSign: "upper bound and larger bound inconsistent with step sign"
    case .rangeTooLong: "invalid size, possible overflow?"
    case .negativePermutationLength(let n): "n must be non-negative, got\(n)"
    case .clampWithoutBounds: "torch.clamp: At least one of 'min' or 'max' must not be None"
    case .dropoutProbability(let p): "dropout probability has to be between 0 and 1, but got \(p)"
    case .dropout2dRank(let shape):
      "dropout2d: expected a 3-D or 4-D input, but got input of size \(shapeText(shape))"
    case .floatAlpha:
      "For integral input tensors, argument alpha must not be a floating point number."
    case .negativeSteps: "number of steps must be non-negative"
    case .topkOutOfRange: "selected index k out of range"
    }
  }

  var notes: [String] {
    switch self {
    case .stepSign(let start, let end, let step):
      ["arange(\(start), \(end), step=\(step)) would walk away from its end"]
    case .dropoutProbability:
      ["p is the probability of zeroing an element, so it must lie in [0, 1]"]
    case .dropout2dRank: ["dropout2d drops whole channels of (N, C, H, W) images"]
    default: []
    }
  }
}

extension TensorError.AutogradProblem {
  var message: String {
    switch self {
    case .nonFloatRequiresGrad: "only Tensors of floating point dtype can require gradients"
    case .nonLeafRequiresGradFlag:
      "you can only change requires_grad flags of leaf variables. If you want to use a computed "
        + "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach()."
    case .noGradFn: "element 0 of tensors does not require grad and does not have a grad_fn"
    case .nonScalarOutput: "grad can be implicitly created only for scalar outputs"
    case .gradientShape(let gradient, let output):
      "Mismatch in shape: grad_output[0] has a shape of \(shapeText(gradient)) and output[0] has a "
        + "shape of \(shapeText(output))."
    case .leafInPlace: "a leaf Variable that requires grad is being used in an in-place operation."
    case .graphReleased:
      "Trying to backward through the graph a second time (or directly access saved tensors after "
        + "they have already been freed). Saved intermediate values of the graph are freed when you "
        + "call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward "
        + "through the graph a second time or if you need to access saved tensors after calling "
        + "backward."
    }
  }

  var notes: [String] {
    switch self {
    case .leafInPlace: ["wrap the assignment in `with torch.no_grad():`"]
    case .graphReleased:
      [
        "a loss summed over iterations keeps every iteration's graph: add loss.item(), a number, "
          + "instead"
      ]
    default: []
    }
  }
}

// MARK: - Convolution, pooling, losses

extension TensorError.ConvolutionProblem {
  var message: String {
    switch self {
    case .inputRank(let input):
      return "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
        + shapeText(input)
    case .nonPositiveGroups: return "non-positive groups is not supported"
    case .weightRank(let weight, let input):
      return "Expected \(weight.count)-dimensional input for \(weight.count)-dimensional weight "
        + "\(shapeText(weight)), but got 4-dimensional input of size \(shapeText(input)) instead"
    case .tooFewFilters(let groups, let weight):
      return "Given groups=\(groups), expected weight to be at least \(groups) at dimension 0, but "
        + "got weight of size \(shapeText(weight)) instead"
    case .filtersNotDivisible(let groups, let weight):
      return "Given groups=\(groups), expected weight to be divisible by \(groups) at dimension 0, "
        + "but got weight of size [\(shapeText(weight))] instead"
    case .channelMismatch(let groups, let weight, let input):
      return "Given groups=\(groups), weight of size \(shapeText(weight)), expected "
        + "input\(shapeText(input)) to have \(sizeAt(weight, 1) &* groups) channels, but got "
        + "\(sizeAt(input, 1)) channels instead"
    case .biasShape(let weight, let bias):
      return "Given weight of size \(shapeText(weight)), expected bias to be 1-dimensional with "
        + "\(sizeAt(weight, 0)) elements, but got bias of size \(shapeText(bias)) instead"
    case .emptyPlanes(let weight, let input):
      return "conv2d: expected non-empty weight and input planes, but got weight of size "
        + "\(shapeText(weight)) and input of size \(shapeText(input))"
    case .sameWithStride: return "padding='same' is not supported for strided convolutions"
    case .nonPositiveStride: return "non-positive stride is not supported"
    case .negativePadding: return "negative padding is not supported"
    case .nonPositiveDilation: return "dilation should be greater than zero"
    case .kernelTooLarge(let padded, let kernel):
      return "Calculated padded input size per channel: (\(padded.height) x \(padded.width)). "
        + "Kernel size: (\(kernel.height) x \(kernel.width)). Kernel size can't be greater than "
        + "actual input size"
    case .dtypeMismatch(let input, let parameter):
      return "expected scalar type \(input.scalarTypeName) but found \(parameter.scalarTypeName)"
    }
  }

  var notes: [String] {
    switch self {
    case .weightRank:
      ["a conv2d weight has shape (out_channels, in_channels / groups, kernel_h, kernel_w)"]
    case .filtersNotDivisible(let groups, let weight):
      ["the \(sizeAt(weight, 0)) output channels must split evenly into \(groups) groups"]
    case .channelMismatch(let groups, let weight, let input):
      [
        "the weight expects \(sizeAt(weight, 1) &* groups) input channels, the input has "
          + "\(sizeAt(input, 1))"
      ]
    case .emptyPlanes: ["only the batch dimension of a conv2d input may be 0"]
    case .sameWithStride: ["use stride=1 with padding='same', or give the padding as numbers"]
    case .kernelTooLarge(let padded, let kernel):
      [
        "the \(kernel.height)x\(kernel.width) kernel does not fit in the "
          + "\(padded.height)x\(padded.width) padded input; add padding or use a smaller kernel"
      ]
    case .dtypeMismatch(let input, let parameter):
      ["the input is \(input) but the layer's parameters are \(parameter)"]
    default: []
    }
  }
}

extension TensorError.PoolingProblem {
  var message: String {
    switch self {
    case .inputShape(let shape):
      "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:"
        + shapeText(shape)
    case .nonPositiveKernel(let kernel):
      "kernel size should be greater than zero, but got kH: \(kernel.height) kW: \(kernel.width)"
    case .nonPositiveStride(let stride):
      "stride should be greater than zero, but got dH: \(stride.height) dW: \(stride.width)"
    case .nonPositiveDilation(let dilation):
      "dilation should be greater than zero, but got dilationH: \(dilation.height) "
        + "dilationW: \(dilation.width)"
    case .negativePadding(let padding): "pad must be non-negative, but got pad: \(padding)"
    case .paddingTooLarge(let padding, let kernel, let dilation):
      "pad should be at most half of effective kernel size, but got pad=\(padding), "
        + "kernel_size=\(kernel) and dilation=\(dilation)"
    case .outputTooSmall(let channels, let input, let output, _):
      "Given input size: (\(channels)x\(input.height)x\(input.width)). Calculated output size: "
        + "(\(channels)x\(output.height)x\(output.width)). Output size is too small"
    case .zeroDivisor: "divisor must be not zero"
    case .adaptiveInputRank(let op, let shape):
      // PyTorch's two kernels word it differently: a colon after "got" for max pooling only.
      "\(op)(): Expected 3D or 4D tensor, but got\(op == "adaptive_max_pool2d" ? ":" : "") "
        + shapeText(shape)
    case .negativeAdaptiveSize(let height, let width):
      "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but "
        + "received {\(height), \(width)}"
    case .adaptiveEmptyDimension(let shape, let dim):
      "adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but "
        + "input has sizes \(shapeText(shape)) with dimension \(dim) being empty"
    }
  }

  var notes: [String] {
    switch self {
    case .inputShape: ["pooling takes (C, H, W) or (N, C, H, W) images"]
    case .paddingTooLarge(let padding, let kernel, let dilation):
      [
        "padding \(padding) would let a window lie entirely in the padding; use at most "
          + "\(((kernel &- 1) &* dilation &+ 1) / 2)"
      ]
    case .outputTooSmall(_, let input, _, let kernel):
      [
        "a \(kernel.height)x\(kernel.width) window does not fit in a \(input.height)x\(input.width) "
          + "image; use a smaller kernel, more padding, or a larger input"
      ]
    case .zeroDivisor: ["divisor_override must be a non-zero count"]
    case .adaptiveInputRank: ["adaptive pooling takes (C, H, W) or (N, C, H, W) images"]
    default: []
    }
  }
}

extension TensorError.LossProblem {
  var message: String {
    switch self {
    case .targetOutOfBounds(let target, _): "Target \(target) is out of bounds."
    case .inputRank: "input tensor should be 1D or 2D"
    case .targetRank: "0D or 1D target tensor expected, multi-target not supported"
    case .batchSizeMismatch(let input, let target):
      "Expected input batch_size (\(input)) to match target batch_size (\(target))."
    case .targetDType(let dtype): "expected scalar type Long but found \(dtype.scalarTypeName)"
    }
  }

  var notes: [String] {
    switch self {
    case .targetOutOfBounds(_, let classes):
      ["class indices must be in 0..<\(classes) for an input with \(classes) classes"]
    case .inputRank:
      ["give (N, C) scores or log-probabilities; (N, C, d1, ...) inputs are not supported"]
    case .targetRank: []
    case .batchSizeMismatch(let input, let target):
      ["there must be one target class per input row: \(input) rows, \(target) targets"]
    case .targetDType: ["targets are class indices: make them int64, e.g. with .long()"]
    }
  }
}

// MARK: - Helpers

/// `shape[index]`, or 0 when the shape has no such dimension (the message still renders).
private func sizeAt(_ shape: [Int], _ index: Int) -> Int {
  shape.indices.contains(index) ? shape[index] : 0
}

/// The size of `shape` at dimension `dim` of a broadcast of rank `rank` (1 where it is missing).
private func alignedSize(_ shape: [Int], _ dim: Int, rank: Int) -> Int {
  let lead = rank - shape.count
  return dim < lead ? 1 : sizeAt(shape, dim - lead)
}

/// The number of elements of `sizes`, wrapping instead of trapping (only for messages).
private func product<S: Sequence<Int>>(_ sizes: S) -> Int {
  sizes.reduce(1, &*)
}

/// `4 * elements` in decimal, exact for every `Int` (the product may not fit in one).
private func byteCountText(elements: Int) -> String {
  let (tens, ones) = elements.quotientAndRemainder(dividingBy: 10)
  let high = 4 * tens + (4 * ones) / 10
  return (high == 0 ? "" : String(high)) + String((4 * ones) % 10)
}

extension TensorError.NormalizationProblem {
  var message: String {
    switch self {
    case .parameterSize(let name, let expected, let got):
      "\(name) should contain \(expected) elements not \(got)"
    case .missingRunningMean: "running_mean must be defined in evaluation mode"
    case .singleValuePerChannel(let shape):
      "Expected more than 1 value per channel when training, got input size torch.Size(\(shapeText(shape)))"
    case .inputRank(let expected, let rank): "expected \(expected) input (got \(rank)D input)"
    }
  }

  var notes: [String] {
    switch self {
    case .parameterSize(let name, let expected, _):
      ["the input has \(expected) channels (dimension 1), one \(name) value each"]
    case .singleValuePerChannel:
      [
        "the variance of a single value is undefined: train with a batch of 2 or more, or call eval()"
      ]
    case .missingRunningMean, .inputRank: []
    }
  }
}
