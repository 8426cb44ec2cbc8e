import Foundation
import Testing

@testable import LessonLanguage

/// The registry holds each name once, with valid signatures, and the documentation generated from
/// it is the one committed.
@Suite struct BuiltinRegistryTests {
  private let registry = BuiltinRegistry.standard

  @Test func everyNameIsRegisteredOnce() {
    #expect(registry.duplicates.isEmpty, "registered twice: \(registry.duplicates)")
  }

  @Test func aDuplicateIsReported() {
    let entry = BuiltinFunction.function("math.x") { _ in .none }
    let twice = BuiltinRegistry(modules: ["math"], entries: [entry, entry], constants: [:])
    #expect(twice.duplicates == ["math.x"])
  }

  @Test func everySignatureIsOnePythonAccepts() {
    #expect(registry.signatureProblems.isEmpty, "\(registry.signatureProblems)")
  }

  /// A typo in a namespace (`torch.nn.functionl.conv2d`) would make the entry unreachable.
  @Test func everyEntryIsReachable() {
    let classes: Set<String> = [
      "torch.Tensor", "torch.nn.Module", "torch.optim.Optimizer",
      "torch.optim.lr_scheduler.LRScheduler", "argparse.ArgumentParser", "builtins", "builtins.str",
      "builtins.list", "builtins.tuple", "builtins.dict", "builtins.set", "builtins.object",
      "matplotlib.figure.Figure", "matplotlib.axes.Axes", "numpy.ndarray", "torch.nn.ModuleList",
      "torch.nn.ModuleDict",
    ]
    let unreachable = registry.functions.values.filter {
      !registry.modules.contains($0.namespace) && !classes.contains($0.namespace)
    }.map(\.name)
    #expect(unreachable.isEmpty, "not in an importable module or a class: \(unreachable)")
  }

  @Test func everyNamespaceHasARowInTheReadme() {
    let documented = Set(BuiltinRegistry.documentedGroups.flatMap(\.namespaces))
    let missing = Set(registry.functions.values.map(\.namespace)).subtracting(documented)
      .subtracting(["builtins.object"])
    #expect(missing.isEmpty, "namespaces missing from the README table: \(missing.sorted())")
  }

  @Test func signaturesShowDefaultsAsPythonWould() throws {
    let conv2d = try #require(registry.functions["torch.nn.functional.conv2d"])
    #expect(
      conv2d.signature.description
        == "(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)")
    let adam = try #require(registry.functions["torch.optim.Adam"])
    #expect(adam.signature.description.contains("betas=(0.9, 0.999), eps=1e-08"))
    let print = try #require(registry.functions["builtins.print"])
    #expect(print.signature.description == "(*values, sep=' ', end='\\n', file=None, flush=False)")
  }

  /// The README's table and docs/builtins.md are generated from the registry. After adding a
  /// builtin, regenerate them with `CNN_LESSON_UPDATE_DOCS=1 swift test --filter BuiltinRegistryTests`.
  @Test func theReadmeTableAndTheReferenceAreGeneratedFromTheRegistry() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let readmeURL = root.appendingPathComponent("README.md")
    let referenceURL = root.appendingPathComponent("docs/builtins.md")
    let readme = try String(contentsOf: readmeURL, encoding: .utf8)
    let begin = "<!-- builtins table: generated from the registry -->\n"
    let end = "\n<!-- end of builtins table -->"
    let start = try #require(readme.range(of: begin), "README.md lacks the '\(begin)' marker")
    let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
    let table = String(readme[start.upperBound..<stop.lowerBound])
    let reference = (try? String(contentsOf: referenceURL, encoding: .utf8)) ?? ""
    if ProcessInfo.processInfo.environment["CNN_LESSON_UPDATE_DOCS"] == "1" {
      let updated = readme.replacingCharacters(
        in: start.upperBound..<stop.lowerBound, with: registry.subsetTable)
      try updated.write(to: readmeURL, atomically: true, encoding: .utf8)
      try registry.reference.write(to: referenceURL, atomically: true, encoding: .utf8)
      return
    }
    #expect(
      table == registry.subsetTable,
      "README.md's table differs from the registry; regenerate with CNN_LESSON_UPDATE_DOCS=1")
    #expect(
      reference == registry.reference,
      "docs/builtins.md differs from the registry; regenerate with CNN_LESSON_UPDATE_DOCS=1")
  }
}
