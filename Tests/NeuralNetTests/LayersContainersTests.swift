import Testing

@testable import NeuralNet

/// `nn.ModuleList`, `nn.ModuleDict`, `nn.Identity`, adaptive pooling, `nn.Dropout2d` and
/// `nn.MSELoss`, printed as PyTorch 2.15 prints them.
@Suite struct LayersContainersTests {
  @Test func moduleListRegistersAndPrintsRepeatsOnce() throws {
    let generator = Generator(seed: 1)
    let list = ModuleList([
      try Linear(inFeatures: 2, outFeatures: 2, generator: generator),
      try Linear(inFeatures: 2, outFeatures: 2, generator: generator), ReLU(),
    ])
    list.append(Identity())
    #expect(list.namedChildren.map(\.name) == ["0", "1", "2", "3"])
    #expect(list.namedParameters().map(\.name) == ["0.weight", "0.bias", "1.weight", "1.bias"])
    #expect(
      list.description == """
        ModuleList(
          (0-1): 2 x Linear(in_features=2, out_features=2, bias=True)
          (2): ReLU()
          (3): Identity()
        )
        """)
    #expect(ModuleList().description == "ModuleList()")
    #expect(throws: NeuralNetError.missingForward(module: "ModuleList")) {
      try list.forward(Tensor(Float(1)))
    }
  }

  @Test func moduleDictKeepsInsertionOrder() throws {
    let dict = ModuleDict([("b", ReLU()), ("a", Identity())])
    #expect(dict.keys == ["b", "a"])
    #expect(dict.description == "ModuleDict(\n  (b): ReLU()\n  (a): Identity()\n)")
  }

  @Test func identityDropout2dAndPoolingModules() throws {
    let x = Tensor(shape: [1, 2, 3, 4], floats: (0..<24).map(Float.init))
    #expect(try Identity()(x) === x)
    let pool = AdaptiveAvgPool2d(outputSize: .single(1))
    #expect(pool.description == "AdaptiveAvgPool2d(output_size=1)")
    #expect(try pool(x).floats == [5.5, 17.5])
    let maxPool = AdaptiveMaxPool2d(outputSize: .pair(nil, 2))
    #expect(maxPool.description == "AdaptiveMaxPool2d(output_size=(None, 2))")
    #expect(try maxPool(x).shape == [1, 2, 3, 2])
    let dropout = try Dropout2d(p: 0.2, generator: Generator(seed: 2))
    #expect(dropout.description == "Dropout2d(p=0.2, inplace=False)")
    dropout.eval()
    #expect(try dropout(x) === x)
    #expect(MSELoss().description == "MSELoss()")
    #expect(
      try MSELoss(reduction: .sum)(
        Tensor(shape: [2], floats: [1, 2]), Tensor(shape: [2], floats: [0, 0])
      )
      .floats == [5])
  }
}
