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
      throw Diagnostic(
        PythonException(.importError, "relative imports are not supported in lessons"), at: span)
    }
    try requireModule(module, span: span)
    for imported in names {
      guard imported.name != "*" else {
        let example = builtins.memberNames(of: .namespace(module)).sorted().first ?? "name"
        throw Diagnostic(
          PythonException(
            .importError, "'from \(module) import *' is not supported in lessons",
            notes: ["import the names you use, e.g. 'from \(module) import \(example)'"]),
          at: imported.span)
      }
      guard let value = builtins.member(module, imported.name) else {
        throw Diagnostic(
          PythonException(
            .importError, "cannot import name '\(imported.name)' from '\(module)'",
            notes: didYouMean(imported.name, in: builtins.memberNames(of: .namespace(module)))
              + builtins.supportedNote(module)),
          at: imported.span)
      }
      try assign(value, toName: imported.alias ?? imported.name, in: scope)
    }
  }

  private func requireModule(_ name: String, span: SourceSpan) throws {
    guard builtins.modules.contains(name) else {
      let importable = builtins.modules.sorted()
      throw Diagnostic(
        PythonException(
          .moduleNotFoundError, "No module named '\(name)'",
          notes: ["lessons can import: " + importable.joined(separator: ", ")]),
        at: span)
    }
  }
}
