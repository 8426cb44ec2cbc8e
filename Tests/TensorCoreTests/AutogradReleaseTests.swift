import Testing

@testable import TensorCore

/// A second `backward()` through a graph whose saved tensors were freed raises PyTorch's error;
/// nodes that save nothing, and `retain_graph=True`, allow it (checked against PyTorch 2.15).
@Test func aSecondBackwardThroughSavedTensorsThrows() throws {
  let message = TensorError.autograd(.graphReleased).message
  #expect(
    message.hasPrefix(
      "Trying to backward through the graph a second time (or directly access saved tensors after "
        + "they have already been freed)."))
  let a = floats([2], [1, 2])
  try a.setRequiresGrad()
  let squares = try a.mul(a).sum()
  try squares.backward()
  #expect(a.grad?.floats == [2, 4])
  expectTensorError(message) {
    try squares.backward()
  }
  #expect(a.grad?.floats == [2, 4], "the failed backward adds nothing")

  // AddBackward0 and SumBackward0 save nothing: PyTorch backpropagates again.
  let shifted = try a.add(Tensor(Float(1))).sum()
  try shifted.backward()
  try shifted.backward()
  #expect(a.grad?.floats == [4, 6])

  let kept = try a.mul(a).sum()
  try kept.backward(retainGraph: true)
  try kept.backward()
  #expect(a.grad?.floats == [8, 14])
  expectTensorError(message) {
    try kept.backward()
  }
}
