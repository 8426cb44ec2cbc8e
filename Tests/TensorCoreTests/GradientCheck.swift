import Testing

@testable import TensorCore

/// Checks an op's analytic gradients against central finite differences.
///
/// The scalar checked is `L = sum(f(inputs) * w)` for fixed pseudo-random weights `w`, so every
/// element of the output sends a different gradient back. Each float input that requires grad is
/// perturbed element by element by `±epsilon`; `L` is accumulated in Double. The analytic gradient
/// must match within `tolerance` (absolute, plus the same relative to the gradient's size).
func expectGradientsMatch(
  _ inputs: [Tensor], epsilon: Double = 1e-2, tolerance: Double = 2e-3,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ f: ([Tensor]) throws -> Tensor
) throws {
  for input in inputs where input.dtype == .float32 { try input.setRequiresGrad(true) }
  let output = try f(inputs)
  let weightGenerator = Generator(seed: 99)
  let weights = (0..<output.count).map { _ in weightGenerator.nextUniform(-1, 1) }
  func loss() throws -> Double {
    let values = try GradMode.withoutGrad { try f(inputs) }.floatValues
    return zip(values, weights).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
  }
  for input in inputs { input.grad = nil }
  try output.backward(gradient: Tensor(shape: output.shape, floats: weights))
  for (which, input) in inputs.enumerated() where input.requiresGrad {
    let analytic = try #require(
      input.grad, "input \(which) got no grad", sourceLocation: sourceLocation)
    for i in 0..<input.count {
      let original = input.floats[i]
      input.updateFloats { $0[i] = original + Float(epsilon) }
      let plus = try loss()
      input.updateFloats { $0[i] = original - Float(epsilon) }
      let minus = try loss()
      input.updateFloats { $0[i] = original }
      let numeric = (plus - minus) / (2 * epsilon)
      let got = Double(analytic.floats[i])
      let scale = max(1, abs(numeric))
      #expect(
        abs(got - numeric) <= tolerance * scale,
        "input \(which) element \(i): analytic \(got) vs numeric \(numeric)",
        sourceLocation: sourceLocation)
    }
  }
}

/// A float tensor of `shape` with reproducible values in [-1, 1).
func sampleTensor(_ shape: [Int], seed: UInt64 = 1) -> Tensor {
  let generator = Generator(seed: seed)
  return Tensor(
    shape: shape, floats: (0..<elementCount(shape)).map { _ in generator.nextUniform(-1, 1) })
}

/// Expects two float buffers to agree element-wise within `tolerance`.
func expectClose(
  _ got: [Float], _ expected: [Float], tolerance: Float = 1e-5,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(
    got.count == expected.count, "count \(got.count) vs \(expected.count)",
    sourceLocation: sourceLocation)
  for (i, (g, e)) in zip(got, expected).enumerated() where abs(g - e) > tolerance * max(1, abs(e)) {
    Issue.record("element \(i): got \(g), expected \(e)", sourceLocation: sourceLocation)
    return
  }
}
