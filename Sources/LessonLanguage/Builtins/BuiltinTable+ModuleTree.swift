/// Walking a module's tree (`named_modules`, `named_children`) and freezing it
/// (`requires_grad_(False)`), as fine-tuning code does.

import NeuralNet

extension BuiltinTable {
  static let moduleTree: [BuiltinFunction] = [
    .function(
      "torch.nn.Module.named_modules", .module("self"), .optionalValue("memo"),
      .string("prefix", default: ""), .bool("remove_duplicate", default: true)
    ) { _, module, _, prefix, _ in
      .list(
        ListStorage(
          module.namedModules().map { name, child in
            let full = prefix.isEmpty ? name : (name.isEmpty ? prefix : prefix + "." + name)
            return .tuple([.string(full), .module(child)])
          }))
    },
    .function("torch.nn.Module.named_children", .module("self")) { _, module in
      .list(
        ListStorage(module.namedChildren.map { .tuple([.string($0.name), .module($0.module)]) }))
    },
    .function(
      "torch.nn.Module.requires_grad_", .module("self"), .bool("requires_grad", default: true)
    ) { _, module, flag in
      for parameter in module.parameters() { try parameter.setRequiresGrad(flag) }
      return .module(module)
    },
  ]
}
