/// The registry as documentation: the README's table of the supported subset and the reference
/// page of signatures (`docs/builtins.md`), generated so that they cannot drift from the code
/// (a test compares the committed files with these).
extension BuiltinRegistry {
  /// The rows of the README's table: a title and the namespaces whose members it lists.
  static let documentedGroups: [(title: String, namespaces: [String])] = [
    ("`torch`", ["torch"]),
    ("tensor methods", ["torch.Tensor"]),
    ("`torch.nn`", ["torch.nn"]),
    ("module methods", ["torch.nn.Module"]),
    ("`ModuleList` and `ModuleDict` methods", ["torch.nn.ModuleList", "torch.nn.ModuleDict"]),
    ("`torch.nn.functional`", ["torch.nn.functional"]),
    ("`torch.nn.init`", ["torch.nn.init"]),
    ("`torch.optim`", ["torch.optim", "torch.optim.Optimizer"]),
    ("`argparse`, `sys`", ["argparse", "argparse.ArgumentParser", "sys"]),
    (
      "`torch.optim.lr_scheduler`",
      ["torch.optim.lr_scheduler", "torch.optim.lr_scheduler.LRScheduler"]
    ),
    ("`torch.autograd`", ["torch.autograd"]),
    (
      "`torch.cuda`, `torch.accelerator`, `torch.backends.mps`",
      ["torch.cuda", "torch.accelerator", "torch.backends.mps"]
    ),
    ("`torch.utils.data`", ["torch.utils.data"]),
    ("`torchvision.datasets`", ["torchvision.datasets"]),
    ("`torchvision.transforms`", ["torchvision.transforms"]),
    ("`torchvision.utils`", ["torchvision.utils"]),
    ("`matplotlib.pyplot`", ["matplotlib.pyplot"]),
    (
      "figure, axes and axes-array methods",
      ["matplotlib.figure.Figure", "matplotlib.axes.Axes", "numpy.ndarray"]
    ),
    ("`torchinfo`", ["torchinfo"]),
    ("`cnn_lesson.animate`", ["cnn_lesson.animate"]),
    ("`math`", ["math"]),
    ("Python builtins", ["builtins"]),
    ("`str` methods", ["builtins.str"]),
    (
      "`list`, `tuple`, `dict`, `set` methods",
      ["builtins.list", "builtins.tuple", "builtins.dict", "builtins.set"]
    ),
  ]

  /// The README's table: one row per group, the names in alphabetical order.
  public var subsetTable: String {
    var lines = ["| Namespace | Supported |", "|-----------|-----------|"]
    for group in Self.documentedGroups {
      // Methods of several classes in one row keep their class (`list.append`).
      let qualified =
        group.namespaces.count > 1
        && (group.namespaces[0].hasPrefix("builtins.")
          || group.namespaces[0].hasPrefix("matplotlib."))
      let names = group.namespaces.flatMap { memberNames(in: $0, qualified: qualified) }
      lines.append(
        "| \(group.title) | " + Set(names).sorted().map { "`\($0)`" }.joined(separator: ", ")
          + " |")
    }
    return lines.joined(separator: "\n")
  }

  /// The functions and constants directly in `namespace` (`list.append` when `qualified`).
  private func memberNames(in namespace: String, qualified: Bool) -> [String] {
    let prefix = qualified ? Self.last(namespace) + "." : ""
    let constantNames = constants.keys.filter { Self.parent(of: $0) == namespace }.map {
      String($0.dropFirst(namespace.count + 1))
    }
    return (directMembers(of: namespace).map(\.shortName) + constantNames).map { prefix + $0 }
  }

  /// `docs/builtins.md`: every entry with its signature, by namespace.
  public var reference: String {
    var lines = [
      "# Builtins of the lesson language",
      "",
      "Every function, class and method lesson code can call, with its signature as Python's",
      "`inspect.signature` shows it. Generated from the registry",
      "(`Sources/LessonLanguage/Builtins`); a test keeps this page equal to it.",
    ]
    for namespace in Set(functions.values.map(\.namespace)).sorted() {
      lines += ["", "## `\(namespace)`", ""]
      for entry in directMembers(of: namespace) {
        lines.append("- `\(entry.shortName)\(entry.signature)`")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The entries directly in `namespace`, by name.
  private func directMembers(of namespace: String) -> [BuiltinFunction] {
    functions.values.filter { $0.namespace == namespace }.sorted { $0.name < $1.name }
  }

  private static func parent(of name: String) -> String {
    String(name.split(separator: ".").dropLast().joined(separator: "."))
  }

  private static func last(_ name: String) -> String {
    String(name.split(separator: ".").last ?? "")
  }
}
