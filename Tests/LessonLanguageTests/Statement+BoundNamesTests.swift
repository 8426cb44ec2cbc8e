import Testing

@testable import LessonLanguage

/// The names a block binds in its own scope, from the syntax tree.
@Suite struct StatementBoundNamesTests {
  static func names(_ source: String) throws -> [String] {
    Statement.boundNames(
      try Parser.parse(source, file: ParserTestSupport.file(source), firstLine: 1))
  }

  @Test func assignmentsImportsDefinitionsAndLoopTargets() throws {
    let source = """
      import torch.nn as nn
      import torch.optim
      from torchvision import datasets, transforms as T
      model = Net()
      a, (b, *rest) = 1, (2, 3)
      x = y = 0
      total += 1
      self.weight = 2
      table[0] = 3
      def train(epoch):
          inner = 1
      class Net(nn.Module):
          field = 2
      for batch_idx, (data, target) in enumerate(loader):
          loss = 1
      with torch.no_grad() as guard:
          if correct:
              accuracy = 1
          else:
              missed = 1
      model = Net()
      """
    #expect(
      try Self.names(source) == [
        "nn", "torch", "datasets", "T", "model", "a", "b", "rest", "x", "y", "total", "train",
        "Net", "batch_idx", "data", "target", "loss", "guard", "accuracy", "missed",
      ])
  }

  @Test func expressionsAndControlFlowBindNothing() throws {
    #expect(try Self.names("print(model)\nassert model\ndel model\nfrom m import *\n") == [])
  }
}
