import Testing

@testable import TensorCore

/// The memory budget: requests over it throw before allocating, tensors give their bytes back,
/// and long autograd chains free without recursion.
@Suite struct MemoryBudgetTests {
  @Test func aTensorOverTheBudgetThrowsMemoryErrorBeforeAllocating() throws {
    let budget = MemoryBudget(limit: 1 << 20)
    try MemoryBudget.$current.withValue(budget) {
      #expect(throws: TensorError.self) { try Tensor.zeros([1 << 20]) }
      do {
        _ = try Tensor.zeros([1 << 20])
      } catch let error as TensorError {
        #expect(error.category == .memory)
        #expect(error.message.contains("the limit is 1 MiB"))
      }
      let small = try Tensor.zeros([1000])
      #expect(budget.used == 4000)
      _ = small
    }
    #expect(budget.used == 0)
  }

  @Test func freedTensorsReturnTheirBytes() throws {
    let budget = MemoryBudget(limit: 1 << 20)
    try MemoryBudget.$current.withValue(budget) {
      for _ in 0..<1000 {
        let x = try Tensor.ones([10_000])
        _ = try x.add(x)
      }
      let a = try Tensor.zeros([100, 1])
      let b = try Tensor.zeros([1, 100_000])
      #expect(throws: TensorError.self) { try a.matmul(b) }
    }
    #expect(budget.used == 0)
    #expect(budget.peakUsed > 0 && budget.peakUsed < 1 << 20)
  }

  @Test func theMessageSaysWhatWasAskedFor() {
    let error = MemoryBudgetError(
      what: "torch.cat", requestedBytes: 16 << 30, elements: 4_294_967_296, usedBytes: 0,
      limitBytes: 4 << 30)
    #expect(
      error.message
        == "torch.cat would make 4,294,967,296 elements (16 GiB); the limit is 4 GiB")
    #expect(MemoryBudgetError.byteText(1536 * 1024) == "1.5 MiB")
    #expect(MemoryBudgetError.byteText(100) == "100 bytes")
  }

  @Test func theDefaultIsAQuarterOfMemoryAtMost4GiBAndATenthOfTheAddressSpace() {
    #expect(MemoryBudget.defaultLimit(physicalMemory: 8 << 30, addressSpaceLimit: nil) == 2 << 30)
    #expect(MemoryBudget.defaultLimit(physicalMemory: 64 << 30, addressSpaceLimit: nil) == 4 << 30)
    #expect(
      MemoryBudget.defaultLimit(physicalMemory: 64 << 30, addressSpaceLimit: 10 << 30) == 1 << 30)
  }

  /// `total = total + w * 2`, 200,000 times: the graph is 400,000 nodes deep, far more than
  /// nested deinits could free on a thread's stack.
  @Test func aLongAutogradChainFreesWithoutRecursion() throws {
    let w = try Tensor.ones([1])
    try w.setRequiresGrad()
    let two = Tensor(Float(2))
    var total = try Tensor.zeros([1])
    for _ in 0..<200_000 {
      total = try total.add(try w.mul(two))
    }
    try total.backward()
    #expect(w.grad?.floats == [400_000])
    total = try Tensor.zeros([1])
    #expect(total.gradFn == nil)
  }
}
