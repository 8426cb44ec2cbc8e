// MARK: - Imports

extension Interpreter {
  /// `import torch`, `import torch.nn as nn`, `import torch.nn.functional as F`.
  func importModule(_ imported: ImportedName, in scope: Scope) throws {
    try requireModule(imported.name, span: imported.span)
    if let alias = imported.alias {
      try assign(.namespace(imported.name), toName: alias, in: scope)
    } else {
      let top = String(imported.name.split(separator: ".")[0])
      try assign(.namespace(top), toName: top, in: scope)
    }
  }

  /// `from torchvision import datasets, transforms`, `from torch.autograd import Variable`.
  func importNames(
    from module: String, names: [ImportedName], level: Int, span: SourceSpan, in scope: Scope
  ) throws {
    guard level == 0 else {
      throw Diagnostic("ImportError: relative imports are not supported in lessons", at: span)
    }
    try requireModule(module, span: span)
    for imported in names {
      guard imported.name != "*" else {
        throw Diagnostic(
          "ImportError: 'from \(module) import *' is not supported in lessons", at: imported.span,
          notes: [
            "import the names you use, e.g. 'from \(module) import \(BuiltinTable.memberNames(of: .namespace(module)).sorted().first ?? "name")'"
          ])
      }
      guard let value = BuiltinTable.member(module, imported.name) else {
        throw Diagnostic(
          "ImportError: cannot import name '\(imported.name)' from '\(module)'", at: imported.span,
          notes: didYouMean(imported.name, in: BuiltinTable.memberNames(of: .namespace(module)))
            + BuiltinTable.supportedNote(module))
      }
      try assign(value, toName: imported.alias ?? imported.name, in: scope)
    }
  }

  private func requireModule(_ name: String, span: SourceSpan) throws {
    guard BuiltinTable.namespaces.contains(name) else {
      throw Diagnostic(
        "ModuleNotFoundError: No module named '\(name)'", at: span,
        notes: [
          "lessons can import: "
            + BuiltinTable.namespaces.subtracting(["argparse"]).sorted().joined(separator: ", ")
        ])
    }
  }
}
