import Testing

@testable import NeuralNet

@Suite struct DataTransformsTests {
  @Test func toTensorDividesBy255InFloat32() throws {
    let table = try ToTensor().pixelTable(channels: 1, rows: 28, columns: 28)
    #expect(table.count == 1)
    #expect(table[0][0] == 0)
    #expect(table[0][255] == 1)
    #expect(table[0][51] == Float(51) / Float(255))
  }

  @Test func normalizeAfterToTensorMatchesTorchvisionOrder() throws {
    let transform = Compose([ToTensor(), Normalize(mean: [0.1307], std: [0.3081])])
    let table = try transform.pixelTable(channels: 1, rows: 28, columns: 28)[0]
    for x in [0, 1, 128, 255] {
      let expected = (Float(x) / 255 - Float(0.1307)) / Float(0.3081)
      #expect(table[x] == expected)
    }
    // torchvision: (0 - 0.1307) / 0.3081 and (1 - 0.1307) / 0.3081 in float32.
    #expect(abs(table[0] - -0.42421296) < 1e-6)
    #expect(abs(table[255] - 2.8214867) < 1e-6)
  }

  @Test func reprMatchesTorchvision() {
    let transform = Compose([ToTensor(), Normalize(mean: [0.1307], std: [0.3081])])
    #expect(
      transform.description
        == "Compose(\n    ToTensor()\n    Normalize(mean=(0.1307,), std=(0.3081,))\n)")
    #expect(
      Normalize(mean: [0.5, 0.5], std: [1, 2]).description
        == "Normalize(mean=(0.5, 0.5), std=(1.0, 2.0))")
  }

  @Test func stepsInTheWrongOrderRaiseTypeErrors() throws {
    let normalizeFirst = Compose([Normalize(mean: [0.5], std: [0.5]), ToTensor()])
    #expect(throws: DatasetError.transform(.normalizeBeforeToTensor)) {
      try normalizeFirst.pixelTable(channels: 1, rows: 28, columns: 28)
    }
    #expect(throws: DatasetError.transform(.toTensorTwice)) {
      try Compose([ToTensor(), ToTensor()]).pixelTable(channels: 1, rows: 28, columns: 28)
    }
    #expect(!Compose([]).producesTensor)
  }

  @Test func badMeanCountAndZeroStd() throws {
    let threeMeans = Compose([ToTensor(), Normalize(mean: [0.5, 0.5, 0.5], std: [0.5])])
    #expect(throws: DatasetError.transform(.normalizeShape(shape: [1, 28, 28], values: 3))) {
      try threeMeans.pixelTable(channels: 1, rows: 28, columns: 28)
    }
    #expect(throws: DatasetError.transform(.zeroStd)) {
      try Compose([ToTensor(), Normalize(mean: [0], std: [0])]).pixelTable(
        channels: 1, rows: 2, columns: 2)
    }
  }

  @Test func perChannelValues() throws {
    let table = try Compose([ToTensor(), Normalize(mean: [0, 1], std: [1, 2])])
      .pixelTable(channels: 2, rows: 1, columns: 1)
    #expect(table[0][255] == 1)
    #expect(table[1][255] == 0)
    #expect(table[1][0] == -0.5)
  }
}
