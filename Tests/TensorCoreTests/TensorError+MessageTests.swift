import Testing

@testable import TensorCore

/// Every case of `TensorError` rendered: PyTorch's message, the notes, and PyTorch's exception class.
@Suite struct TensorErrorMessageTests {
  typealias Case = (
    error: TensorError, message: String, notes: [String], category: TensorError.Category
  )

  static let indexing: [Case] = [
    (
      .dimensionOutOfRange(dim: 4, rank: 4),
      "Dimension out of range (expected to be in range of [-4, 3], but got 4)", [], .index
    ),
    (
      .dimensionOutOfRange(dim: 1, rank: 0),
      "Dimension out of range (expected to be in range of [-1, 0], but got 1)", [], .index
    ),
    (
      .indexOutOfBounds(index: 5, dim: 0, size: 3),
      "index 5 is out of bounds for dimension 0 with size 3", ["valid indices are -3...2"], .index
    ),
    (
      .invalidIndex(.tooManyIndices(rank: 2)), "too many indices for tensor of dimension 2", [],
      .index
    ),
    (
      .invalidIndex(.multipleEllipses), "an index can only have a single ellipsis ('...')", [],
      .index
    ),
    (
      .invalidIndex(.indexDType(.float32)),
      "tensors used as indices must be long, int, byte or bool tensors", [], .index
    ),
    (
      .invalidIndex(.maskShape(mask: [3], maskDim: 0, shape: [2, 3], dim: 0)),
      "The shape of the mask [3] at index 0 does not match the shape of the indexed tensor [2, 3] at index 0",
      [], .index
    ),
    (
      .invalidIndex(.indicesDoNotBroadcast([[2], [3]])),
      "shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]", [],
      .index
    ),
    (
      .invalidIndex(.valueDoesNotBroadcast(value: [3], target: [2])),
      "shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2]",
      [], .runtime
    ),
    (.invalidIndex(.zeroStep), "slice step cannot be zero", [], .value),
    (.invalidIndex(.negativeStep), "step must be greater than zero", [], .value),
  ]

  static let products: [Case] = [
    (
      .broadcastMismatch(lhs: [2, 3], rhs: [4], dim: 1),
      "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
      ["broadcasting aligns [2, 3] and [4] at their last dimension"], .runtime
    ),
    (
      .matmul(.scalarOperand(lhsRank: 0, rhsRank: 2)),
      "both arguments to matmul need to be at least 1D, but they are 0D and 2D", [], .runtime
    ),
    (
      .matmul(.dtypeMismatch(.float32, .int64)),
      "expected m1 and m2 to have the same dtype, but got: float != long int", [], .runtime
    ),
    (.matmul(.boolOperands), "\"addmm_impl_cpu_\" not implemented for 'Bool'", [], .runtime),
    (
      .matmul(.shapeMismatch(lhs: [2], rhs: [3])),
      "inconsistent tensor size, expected tensor [2] and src [3] to have the same number of elements, but got 2 and 3 elements respectively",
      [], .runtime
    ),
    (
      .matmul(.shapeMismatch(lhs: [2, 2], rhs: [3])),
      "size mismatch, got input (2), mat (2x2), vec (3)", [matmulNote], .runtime
    ),
    (
      .matmul(.shapeMismatch(lhs: [4, 16, 320], rhs: [100, 10])),
      "mat1 and mat2 shapes cannot be multiplied (64x320 and 100x10)", [matmulNote], .runtime
    ),
    (
      .matmul(.shapeMismatch(lhs: [3], rhs: [4, 2])),
      "mat1 and mat2 shapes cannot be multiplied (1x3 and 4x2)", [matmulNote], .runtime
    ),
    (
      .matmul(.shapeMismatch(lhs: [2, 3, 4], rhs: [2, 5, 6])),
      "Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5].",
      [matmulNote], .runtime
    ),
    (
      .linear(.weightRank(weight: [3])),
      "linear: expected weight to be 2-D, but got weight of size [3]",
      ["a linear layer's weight has shape (out_features, in_features)"], .runtime
    ),
    (
      .linear(.scalarInput),
      "both arguments to linear need to be at least 1D, but they are 0D and 2D",
      [], .runtime
    ),
    (
      .linear(.shapeMismatch(input: [64, 320], weight: [10, 100])),
      "size mismatch, m1: [64 x 320], m2: [100 x 10]",
      [
        "mat1 and mat2 shapes cannot be multiplied (64x320 and 100x10)",
        "the layer expects 100 input features, but the input has 320",
      ], .runtime
    ),
    (
      .linear(.dtypeMismatch(input: .int64, parameter: .float32)),
      "mat1 and mat2 must have the same dtype, but got Long and Float",
      ["the input is torch.int64 but the layer's parameters are torch.float32"], .runtime
    ),
    (
      .linear(.biasShape(outFeatures: 2, bias: [3], inputRank: 2)),
      "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1",
      ["the bias needs one value per output feature: shape [2]"], .runtime
    ),
  ]

  static let shapes: [Case] = [
    (.invalidShape(.invalidDimension(-3)), "invalid shape dimension -3", [], .runtime),
    (.invalidShape(.multipleInferred), "only one dimension can be inferred", [], .runtime),
    (
      .invalidShape(.ambiguousInferred(requested: [0, -1])),
      "cannot reshape tensor of 0 elements into shape [0, -1] because the unspecified dimension size -1 can be any value and is ambiguous",
      [], .runtime
    ),
    (
      .invalidShape(.reshapeSize(requested: [4], shape: [2, 3])),
      "shape '[4]' is invalid for input of size 6",
      ["[2, 3] has 6 elements; the new shape must hold as many"], .runtime
    ),
    (
      .invalidShape(.flattenOrder),
      "flatten() has invalid args: start_dim cannot come after end_dim",
      [], .runtime
    ),
    (
      .invalidShape(.permuteLength(rank: 3, dims: 2)),
      "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2",
      [], .runtime
    ),
    (
      .invalidShape(.duplicatePermuteDims), "permute(): duplicate dims are not allowed.", [],
      .runtime
    ),
    (
      .invalidShape(.transposeRank(3)), "t() expects a tensor with <= 2 dimensions, but self is 3D",
      [], .runtime
    ),
    (
      .invalidShape(.expandRank(shape: [2, 3], size: [3], dtype: .int64)),
      "expand(torch.LongTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (2)",
      [], .runtime
    ),
    (
      .invalidShape(.expandSize(shape: [2, 1], size: [4, 3, 5], dim: 1)),
      "The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 1.  Target sizes: [4, 3, 5].  Tensor sizes: [2, 1]",
      [], .runtime
    ),
    (
      .invalidShape(.expandSize(shape: [2], size: [-2, 2], dim: 0)),
      "The expanded size of the tensor (-2) must match the existing size (1) at non-singleton dimension 0.  Target sizes: [-2, 2].  Tensor sizes: [2]",
      [], .runtime
    ),
    (.invalidShape(.catEmpty), "torch.cat(): expected a non-empty list of Tensors", [], .runtime),
    (
      .invalidShape(.catZeroDimensional(position: 1)),
      "zero-dimensional tensor (at position 1) cannot be concatenated", [], .runtime
    ),
    (
      .invalidShape(.catRank(expected: 2, got: 3)),
      "Tensors must have same number of dimensions: got 2 and 3", [], .runtime
    ),
    (
      .invalidShape(.catSizes(dim: 0, expected: 3, got: 4, tensor: 1)),
      "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list.",
      [], .runtime
    ),
    (.invalidShape(.stackEmpty), "stack expects a non-empty TensorList", [], .runtime),
    (
      .invalidShape(.stackSizes(first: [2], other: [3], entry: 1)),
      "stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1", [],
      .runtime
    ),
    (
      .invalidShape(.negativeDimension(size: -1, shape: [2, -1])),
      "Trying to create tensor with negative dimension -1: [2, -1]", [], .runtime
    ),
    (
      .invalidShape(.elementCountOverflow(shape: [1 << 62, 8])),
      "numel: integer multiplication overflow", [], .runtime
    ),
    (
      .allocationTooLarge(elements: 1 << 30, limit: 1 << 28, shape: [1 << 15, 1 << 15]),
      "DefaultCPUAllocator: not enough memory: you tried to allocate 4294967296 bytes",
      ["at most 268435456 elements fit in one tensor; [32768, 32768] asks for more"], .runtime
    ),
    (
      // 4 * Int.max does not fit in an Int; the message still gives it exactly.
      .allocationTooLarge(elements: Int.max, limit: 1 << 28, shape: [Int.max]),
      "DefaultCPUAllocator: not enough memory: you tried to allocate 36893488147419103228 bytes",
      ["at most 268435456 elements fit in one tensor; [9223372036854775807] asks for more"],
      .runtime
    ),
  ]

  static let operations: [Case] = [
    (
      .unsupportedDType(kernel: "max_pool2d", dtype: .int64),
      "\"max_pool2d\" not implemented for 'Long'",
      ["max_pool2d works on floating-point tensors; convert the input with .float() first"],
      .runtime
    ),
    (
      .unsupportedOperation(.boolNegation),
      "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.",
      [], .runtime
    ),
    (
      .unsupportedOperation(.boolSubtraction),
      "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.",
      [], .runtime
    ),
    (
      .unsupportedOperation(.negativeIntegerPower),
      "Integers to negative integer powers are not allowed.", [], .runtime
    ),
    (.unsupportedOperation(.integerDivisionByZero), "ZeroDivisionError", [], .runtime),
    (
      .unsupportedOperation(.itemOfNonScalar(shape: [2, 3])),
      "a Tensor with 6 elements cannot be converted to Scalar",
      ["item() needs a tensor with exactly one element; this one has shape [2, 3]"], .runtime
    ),
    (
      .reduction(.duplicateDim(0)), "dim 0 appears multiple times in the list of dims", [], .runtime
    ),
    (
      .reduction(.meanDType(.bool)),
      "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Bool",
      ["convert first, e.g. x.float().mean()"], .runtime
    ),
    (
      .reduction(.emptyWithoutDim(op: "max")),
      "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.",
      [], .runtime
    ),
    (
      .reduction(.emptyIndexWithoutDim(op: "argmax")),
      "argmax(): Expected reduction dim to be specified for input.numel() == 0.", [], .runtime
    ),
    (
      .reduction(.emptyDim(op: "max", dim: 0)),
      "max(): Expected reduction dim 0 to have non-zero size.", [], .index
    ),
  ]

  static let arguments: [Case] = [
    (.invalidArgument(.zeroStep), "step must be nonzero", [], .runtime),
    (
      .invalidArgument(.nonFiniteRange(start: 0, end: .infinity)), "unsupported range: 0.0 -> inf",
      [], .runtime
    ),
    (
      .invalidArgument(.stepSign(start: 0, end: 5, step: -1)),
      "upper bound and larger bound inconsistent with step sign",
      ["arange(0.0, 5.0, step=-1.0) would walk away from its end"], .runtime
    ),
    (.invalidArgument(.rangeTooLong), "invalid size, possible overflow?", [], .runtime),
    (
      .invalidArgument(.negativePermutationLength(-1)), "n must be non-negative, got-1", [],
      .runtime
    ),
    (
      .invalidArgument(.clampWithoutBounds),
      "torch.clamp: At least one of 'min' or 'max' must not be None", [], .runtime
    ),
    (
      .invalidArgument(.dropoutProbability(1.5)),
      "dropout probability has to be between 0 and 1, but got 1.5",
      ["p is the probability of zeroing an element, so it must lie in [0, 1]"], .value
    ),
    (
      .invalidArgument(.dropout2dRank(shape: [2, 3])),
      "dropout2d: expected a 3-D or 4-D input, but got input of size [2, 3]",
      ["dropout2d drops whole channels of (N, C, H, W) images"], .runtime
    ),
    (
      .invalidArgument(.floatAlpha),
      "For integral input tensors, argument alpha must not be a floating point number.", [],
      .runtime
    ),
    (
      .autograd(.nonFloatRequiresGrad(.int64)),
      "only Tensors of floating point dtype can require gradients", [], .runtime
    ),
    (
      .autograd(.nonLeafRequiresGradFlag),
      "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
      [], .runtime
    ),
    (
      .autograd(.noGradFn),
      "element 0 of tensors does not require grad and does not have a grad_fn",
      [], .runtime
    ),
    (
      .autograd(.nonScalarOutput(shape: [2])),
      "grad can be implicitly created only for scalar outputs",
      [], .runtime
    ),
    (
      .autograd(.gradientShape(gradient: [3], output: [2])),
      "Mismatch in shape: grad_output[0] has a shape of [3] and output[0] has a shape of [2].", [],
      .runtime
    ),
    (
      .autograd(.leafInPlace),
      "a leaf Variable that requires grad is being used in an in-place operation.",
      ["wrap the assignment in `with torch.no_grad():`"], .runtime
    ),
  ]

  static let convolutions: [Case] = [
    (
      .convolution(.inputRank(input: [4, 5])),
      "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [4, 5]", [],
      .runtime
    ),
    (.convolution(.nonPositiveGroups(0)), "non-positive groups is not supported", [], .runtime),
    (
      .convolution(.weightRank(weight: [2, 4, 3], input: [1, 4, 5, 5])),
      "Expected 3-dimensional input for 3-dimensional weight [2, 4, 3], but got 4-dimensional input of size [1, 4, 5, 5] instead",
      ["a conv2d weight has shape (out_channels, in_channels / groups, kernel_h, kernel_w)"],
      .runtime
    ),
    (
      .convolution(.tooFewFilters(groups: 3, weight: [2, 4, 3, 3])),
      "Given groups=3, expected weight to be at least 3 at dimension 0, but got weight of size [2, 4, 3, 3] instead",
      [], .runtime
    ),
    (
      .convolution(.filtersNotDivisible(groups: 2, weight: [3, 2, 3, 3])),
      "Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[3, 2, 3, 3]] instead",
      ["the 3 output channels must split evenly into 2 groups"], .runtime
    ),
    (
      .convolution(.channelMismatch(groups: 1, weight: [4, 2, 3, 3], input: [1, 3, 5, 5])),
      "Given groups=1, weight of size [4, 2, 3, 3], expected input[1, 3, 5, 5] to have 2 channels, but got 3 channels instead",
      ["the weight expects 2 input channels, the input has 3"], .runtime
    ),
    (
      .convolution(.biasShape(weight: [2, 4, 3, 3], bias: [3])),
      "Given weight of size [2, 4, 3, 3], expected bias to be 1-dimensional with 2 elements, but got bias of size [3] instead",
      [], .runtime
    ),
    (
      .convolution(.emptyPlanes(weight: [2, 4, 3, 0], input: [1, 4, 5, 5])),
      "conv2d: expected non-empty weight and input planes, but got weight of size [2, 4, 3, 0] and input of size [1, 4, 5, 5]",
      ["only the batch dimension of a conv2d input may be 0"], .runtime
    ),
    (
      .convolution(.sameWithStride), "padding='same' is not supported for strided convolutions",
      ["use stride=1 with padding='same', or give the padding as numbers"], .runtime
    ),
    (
      .convolution(.nonPositiveStride(Size2D(0))), "non-positive stride is not supported", [],
      .runtime
    ),
    (
      .convolution(.negativePadding(Size2D(-1))), "negative padding is not supported", [], .runtime
    ),
    (
      .convolution(.nonPositiveDilation(Size2D(0))), "dilation should be greater than zero", [],
      .runtime
    ),
    (
      .convolution(.kernelTooLarge(padded: Size2D(5), kernel: Size2D(7))),
      "Calculated padded input size per channel: (5 x 5). Kernel size: (7 x 7). Kernel size can't be greater than actual input size",
      ["the 7x7 kernel does not fit in the 5x5 padded input; add padding or use a smaller kernel"],
      .runtime
    ),
    (
      .convolution(.dtypeMismatch(input: .float32, parameter: .int64)),
      "expected scalar type Float but found Long",
      ["the input is torch.float32 but the layer's parameters are torch.int64"], .runtime
    ),
  ]

  static let pooling: [Case] = [
    (
      .pooling(.inputShape([4, 4])),
      "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[4, 4]",
      ["pooling takes (C, H, W) or (N, C, H, W) images"], .runtime
    ),
    (
      .pooling(.nonPositiveKernel(Size2D(0, 2))),
      "kernel size should be greater than zero, but got kH: 0 kW: 2", [], .runtime
    ),
    (
      .pooling(.nonPositiveStride(Size2D(0))),
      "stride should be greater than zero, but got dH: 0 dW: 0", [], .runtime
    ),
    (
      .pooling(.nonPositiveDilation(Size2D(1, 0))),
      "dilation should be greater than zero, but got dilationH: 1 dilationW: 0", [], .runtime
    ),
    (.pooling(.negativePadding(-1)), "pad must be non-negative, but got pad: -1", [], .runtime),
    (
      .pooling(.paddingTooLarge(padding: 2, kernel: 3, dilation: 1)),
      "pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1",
      ["padding 2 would let a window lie entirely in the padding; use at most 1"], .runtime
    ),
    (
      .pooling(
        .outputTooSmall(channels: 1, input: Size2D(2), output: Size2D(0), kernel: Size2D(3))),
      "Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small",
      [
        "a 3x3 window does not fit in a 2x2 image; use a smaller kernel, more padding, or a larger input"
      ], .runtime
    ),
    (
      .pooling(.zeroDivisor), "divisor must be not zero",
      ["divisor_override must be a non-zero count"],
      .runtime
    ),
    (
      .loss(.targetOutOfBounds(target: 5, classes: 3)), "Target 5 is out of bounds.",
      ["class indices must be in 0..<3 for an input with 3 classes"], .index
    ),
    (
      .loss(.inputRank(input: [2, 3, 4])), "input tensor should be 1D or 2D",
      ["give (N, C) scores or log-probabilities; (N, C, d1, ...) inputs are not supported"],
      .runtime
    ),
    (
      .loss(.targetRank(target: [2, 2])),
      "0D or 1D target tensor expected, multi-target not supported", [], .runtime
    ),
    (
      .loss(.batchSizeMismatch(input: 3, target: 2)),
      "Expected input batch_size (3) to match target batch_size (2).",
      ["there must be one target class per input row: 3 rows, 2 targets"], .value
    ),
    (
      .loss(.targetDType(.float32)), "expected scalar type Long but found Float",
      ["targets are class indices: make them int64, e.g. with .long()"], .runtime
    ),
  ]

  static let matmulNote =
    "matmul needs the last size of the first operand to equal the first of the last two of the second"

  @Test(arguments: indexing + products + shapes + operations + arguments + convolutions + pooling)
  func rendered(_ example: Case) {
    #expect(example.error.message == example.message)
    #expect(example.error.description == example.message)
    #expect(example.error.notes == example.notes)
    #expect(example.error.category == example.category)
  }

  @Test func categoriesAreNamedAfterPythonsClasses() {
    #expect(
      TensorError.Category.allCases.map(\.rawValue) == [
        "RuntimeError", "IndexError", "ValueError", "TypeError", "MemoryError",
        "NotImplementedError",
      ])
  }
}
