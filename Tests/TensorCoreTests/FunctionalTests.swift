import Testing

@testable import TensorCore

@Suite struct FunctionalTests {
  @Test func scalarTypeNames() {
    #expect(DType.float32.scalarTypeName == "Float")
    #expect(DType.int64.scalarTypeName == "Long")
    #expect(DType.bool.scalarTypeName == "Bool")
  }

  @Test func requireFloatNamesTheKernel() throws {
    try Functional.requireFloat(Tensor(Float(1)), "max_pool2d")
    #expect(
      performing: { try Functional.requireFloat(Tensor(Int64(1)), "max_pool2d") },
      throws: {
        ($0 as? TensorError)?.message == "\"max_pool2d\" not implemented for 'Long'"
      })
  }
}
