import Testing

@testable import TensorCore

private func floatTensor(_ values: [Float], _ shape: [Int]? = nil) -> Tensor {
  Tensor(shape: shape ?? [values.count], floats: values)
}

@Suite struct TensorDescriptionTests {
  @Test(
    arguments: [
      ([1.5, 2.25, 100], "tensor([  1.5000,   2.2500, 100.0000])"),
      ([1e-5, 1], "tensor([1.0000e-05, 1.0000e+00])"),
      ([0.1, 1000], "tensor([1.0000e-01, 1.0000e+03])"),
      ([1.23456, 1e-5], "tensor([1.2346e+00, 1.0000e-05])"),
      ([-1e-5, 1], "tensor([-1.0000e-05,  1.0000e+00])"),
      ([1, 1000], "tensor([   1., 1000.])"),
      ([1, 2000], "tensor([1.0000e+00, 2.0000e+03])"),
      ([1e9, 1], "tensor([1.0000e+09, 1.0000e+00])"),
      ([1.0 / 3, 5.0 / 3], "tensor([0.3333, 1.6667])"),
      ([-1.5, 2.25], "tensor([-1.5000,  2.2500])"),
      ([0, 0, 0], "tensor([0., 0., 0.])"),
      ([.nan, 1, .infinity], "tensor([nan, 1., inf])"),
      ([-.infinity, 0.5], "tensor([  -inf, 0.5000])"),
      ([-0.0, 1], "tensor([-0., 1.])"),
      ([-0.0, 1.5], "tensor([-0.0000, 1.5000])"),
    ] as [([Float], String)])
  func floatVectorsPrintLikePyTorch(values: [Float], expected: String) {
    #expect(floatTensor(values).description == expected)
  }

  @Test func integerAndBoolVectorsAreAligned() {
    #expect(Tensor(shape: [3], ints: [1, -2, 300]).description == "tensor([  1,  -2, 300])")
    #expect(Tensor(shape: [2], ints: [1, 0], dtype: .bool).description == "tensor([ True, False])")
  }

  @Test func scalarsPrintWithoutBrackets() {
    #expect(Tensor(Float(3.5)).description == "tensor(3.5000)")
    #expect(Tensor(Float(6)).description == "tensor(6.)")
    #expect(Tensor(Int64(6)).description == "tensor(6)")
    #expect(Tensor(Int64(-12)).description == "tensor(-12)")
    #expect(Tensor(true).description == "tensor(True)")
    #expect(Tensor(Float(1e-5)).description == "tensor(1.0000e-05)")
    #expect(Tensor(Float(1e10)).description == "tensor(1.0000e+10)")
    #expect(Tensor(Float.nan).description == "tensor(nan)")
    #expect(Tensor(-Float.infinity).description == "tensor(-inf)")
    #expect(Tensor(Float(0)).description == "tensor(0.)")
  }

  @Test func emptyTensorsShowTheirShapeAndDtype() {
    #expect(floatTensor([]).description == "tensor([])")
    #expect(floatTensor([], [0, 3]).description == "tensor([], size=(0, 3))")
    #expect(Tensor(shape: [0], ints: []).description == "tensor([], dtype=torch.int64)")
    #expect(
      Tensor(shape: [0], ints: [], dtype: .bool).description == "tensor([], dtype=torch.bool)")
    #expect(
      Tensor(shape: [2, 0], ints: []).description == "tensor([], size=(2, 0), dtype=torch.int64)")
  }

  @Test func matricesIndentUnderTheOpeningBracket() {
    #expect(
      floatTensor([12, 16, 24, 28], [2, 2]).description
        == "tensor([[12., 16.],\n        [24., 28.]])")
    #expect(
      floatTensor((1...9).map(Float.init), [3, 3]).description
        == "tensor([[1., 2., 3.],\n        [4., 5., 6.],\n        [7., 8., 9.]])")
    #expect(
      floatTensor([0, 0, 0, 0], [2, 2]).description == "tensor([[0., 0.],\n        [0., 0.]])")
  }

  @Test func blocksOfThreeOrMoreDimensionsAreSeparatedByBlankLines() {
    let cube = floatTensor((0..<8).map(Float.init), [2, 2, 2])
    #expect(
      cube.description
        == "tensor([[[0., 1.],\n         [2., 3.]],\n\n        [[4., 5.],\n         [6., 7.]]])")
    let four = floatTensor((0..<8).map(Float.init), [2, 1, 2, 2])
    #expect(
      four.description
        == "tensor([[[[0., 1.],\n          [2., 3.]]],\n\n\n        [[[4., 5.],\n          [6., 7.]]]])"
    )
  }

  @Test func longRowsWrapAtEightyColumns() {
    let expected = """
      tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
              14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,
              28., 29.])
      """
    #expect(floatTensor((0..<30).map(Float.init)).description == expected)
  }

  @Test func rowsOfAMatrixWrapUnderTheirOwnBracket() {
    let expected = """
      tensor([[ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
               14., 15., 16., 17., 18., 19.],
              [20., 21., 22., 23., 24., 25., 26., 27., 28., 29., 30., 31., 32., 33.,
               34., 35., 36., 37., 38., 39.]])
      """
    #expect(floatTensor((0..<40).map(Float.init), [2, 20]).description == expected)
  }

  @Test func summarizedBlocksKeepTheBlankLines() {
    var options = PrintOptions()
    options.threshold = 5
    let tensor = Tensor(shape: [7, 1, 1], ints: (0..<7).map(Int64.init))
    let expected =
      "tensor([[[0]],\n\n        [[1]],\n\n        [[2]],\n\n        ...,\n\n        [[4]],\n\n"
      + "        [[5]],\n\n        [[6]]])"
    #expect(formatTensor(tensor, options: options) == expected)
  }

  @Test func largeVectorsAreSummarizedWithEdgeItems() {
    let tensor = Tensor(shape: [2000], ints: (0..<2000).map(Int64.init))
    #expect(tensor.description == "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])")
  }

  @Test func largeMatricesAreSummarizedInBothDimensions() {
    let tensor = Tensor(shape: [100, 100], ints: (0..<10_000).map(Int64.init))
    let expected = """
      tensor([[   0,    1,    2,  ...,   97,   98,   99],
              [ 100,  101,  102,  ...,  197,  198,  199],
              [ 200,  201,  202,  ...,  297,  298,  299],
              ...,
              [9700, 9701, 9702,  ..., 9797, 9798, 9799],
              [9800, 9801, 9802,  ..., 9897, 9898, 9899],
              [9900, 9901, 9902,  ..., 9997, 9998, 9999]])
      """
    #expect(tensor.description == expected)
  }

  @Test func hiddenElementsDoNotWidenTheColumns() {
    var values = [Float](repeating: 1, count: 1001)
    values[500] = 12345.5
    #expect(floatTensor(values).description == "tensor([1., 1., 1.,  ..., 1., 1., 1.])")
  }

  @Test func gradSuffixes() throws {
    let leaf = floatTensor([1, 2])
    try leaf.setRequiresGrad()
    #expect(leaf.description == "tensor([1., 2.], requires_grad=True)")
    let loss = Tensor.result(
      shape: [], floats: [2.3026], name: "NllLossBackward0", inputs: [leaf],
      backward: { _ in [nil] })
    #expect(loss.description == "tensor(2.3026, grad_fn=<NllLossBackward0>)")
  }

  @Test func suffixWrapsWhenTheLastLineIsFull() throws {
    let leaf = floatTensor((0..<14).map(Float.init))
    try leaf.setRequiresGrad()
    let expected = """
      tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.],
             requires_grad=True)
      """
    #expect(leaf.description == expected)
  }

  @Test func parametersAndReturnTypesKeepTheTensorIndentation() throws {
    let weight = floatTensor([1, 2, 3, 4], [2, 2])
    try weight.setRequiresGrad()
    #expect(
      formatParameter(weight)
        == "Parameter containing:\ntensor([[1., 2.],\n        [3., 4.]], requires_grad=True)")
    let values = floatTensor([3, 4])
    let indices = Tensor(shape: [2], ints: [1, 1])
    #expect(
      formatReturnTypes(name: "max", fields: [("values", values), ("indices", indices)])
        == "torch.return_types.max(\nvalues=tensor([3., 4.]),\nindices=tensor([1, 1]))")
  }

  @Test func customPrefixSetsTheIndentation() {
    let matrix = floatTensor([1, 2, 3, 4], [2, 2])
    #expect(formatTensor(matrix, prefix: "x(") == "x([[1., 2.],\n   [3., 4.]])")
    #expect(formatTensorData(matrix, indent: 0) == "[[1., 2.],\n [3., 4.]]")
  }

  @Test func printOptionsChangePrecisionAndThreshold() {
    var options = PrintOptions()
    options.precision = 2
    #expect(formatTensor(floatTensor([1.12345]), options: options) == "tensor([1.12])")
    options.threshold = 5
    let tensor = Tensor(shape: [10], ints: (0..<10).map(Int64.init))
    #expect(formatTensor(tensor, options: options) == "tensor([0, 1, 2,  ..., 7, 8, 9])")
  }
}
