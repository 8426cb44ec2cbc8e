import Testing

@testable import TensorCore

/// Expects `body` to throw a `TensorError` whose message is exactly `message`.
func expectTensorError(
  _ message: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any
) {
  do {
    _ = try body()
    Issue.record("expected error: \(message)", sourceLocation: sourceLocation)
  } catch let error as TensorError {
    #expect(error.message == message, sourceLocation: sourceLocation)
  } catch {
    Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
  }
}

/// A float32 tensor from literal values.
func floats(_ shape: [Int], _ values: [Float]) -> Tensor {
  Tensor(shape: shape, floats: values)
}

/// An int64 tensor from literal values.
func longs(_ shape: [Int], _ values: [Int64]) -> Tensor {
  Tensor(shape: shape, ints: values)
}
