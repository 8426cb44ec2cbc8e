/// Learning-rate schedulers (`optim.lr_scheduler`) and devices (`torch.device`, `.to(device)`,
/// `torch.cuda` / `torch.accelerator`): lessons run on the CPU, and say so when code asks for
/// another device.

import NeuralNet

extension BuiltinTable {
  static let schedulers: [BuiltinFunction] = [
    .function(
      "torch.optim.lr_scheduler.StepLR", .optimizer("optimizer"), .int("step_size"),
      .double("gamma", default: 0.1), .int("last_epoch", default: -1)
    ) { _, optimizer, stepSize, gamma, _ in
      .object(
        SchedulerObject(
          LearningRateScheduler(
            optimizer: optimizer, rule: .step(stepSize: stepSize, gamma: gamma))))
    },
    .function(
      "torch.optim.lr_scheduler.MultiStepLR", .optimizer("optimizer"), .value("milestones"),
      .double("gamma", default: 0.1), .int("last_epoch", default: -1)
    ) { interpreter, optimizer, milestones, gamma, _ in
      let epochs = try interpreter.iterateAll(milestones).map { value -> Int in
        guard case .int(let epoch) = value else {
          throw PythonException.type("milestones must be ints, not \(typeName(of: value))")
        }
        return epoch
      }
      return .object(
        SchedulerObject(
          LearningRateScheduler(
            optimizer: optimizer, rule: .multiStep(milestones: epochs, gamma: gamma))))
    },
    .function(
      "torch.optim.lr_scheduler.ExponentialLR", .optimizer("optimizer"), .double("gamma"),
      .int("last_epoch", default: -1)
    ) { _, optimizer, gamma, _ in
      .object(
        SchedulerObject(
          LearningRateScheduler(optimizer: optimizer, rule: .exponential(gamma: gamma)))
      )
    },
    .function("torch.optim.lr_scheduler.LRScheduler.step", .scheduler("self")) { _, scheduler in
      if case .step(0, _) = scheduler.rule {
        throw PythonException(.zeroDivisionError, "integer modulo by zero")
      }
      scheduler.step()
      return .none
    },
    .function("torch.optim.lr_scheduler.LRScheduler.get_last_lr", .scheduler("self")) {
      _, scheduler in
      .list(ListStorage([.float(scheduler.lastLearningRate)]))
    },
  ]

  static let devices: [BuiltinFunction] = [
    .function("torch.device", .value("type").positionalOnly, .optionalInt("index")) {
      interpreter, type, index in
      if case .object(let device as DeviceObject) = type { return .object(device) }
      guard case .string(let spec) = type else {
        throw PythonException.type(
          "device() received an invalid combination of arguments - got (\(typeName(of: type)))")
      }
      return .object(try DeviceObject(spec, index: index))
    },
    .function("torch.accelerator.is_available") { _ in .bool(false) },
    .function("torch.backends.mps.is_available") { _ in .bool(false) },
    .function("torch.cuda.device_count") { _ in .int(0) },
    .function("torch.nn.Module.to", .module("self"), .optionalValue("device")) {
      _, module, device in
      try DeviceObject.requireCPU(device)
      return .module(module)
    },
    .function("torch.nn.Module.cpu", .module("self")) { _, module in .module(module) },
  ]
}

/// `torch.device('cpu')`. Other devices can be named, as in PyTorch without them, but moving a
/// tensor or module to one fails with PyTorch's message.
final class DeviceObject: HostObject {
  let type: String
  let index: Int?

  init(_ spec: String, index: Int?) throws {
    let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
    guard let first = parts.first, Self.types.contains(first) else {
      throw PythonException.runtime(
        "Expected one of \(Self.types.joined(separator: ", ")) device type at start of device "
          + "string: \(spec)")
    }
    type = first
    if parts.count == 2 {
      guard let number = Int(parts[1]), number >= 0 else {
        throw PythonException.runtime("Invalid device string: '\(spec)'")
      }
      self.index = number
    } else {
      self.index = index
    }
  }

  /// PyTorch's device types, in the order its message lists them.
  static let types = [
    "cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "maia",
    "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone",
  ]

  var typeName: String { "device" }
  var text: String { "\(type)" + (index.map { ":\($0)" } ?? "") }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    switch name {
    case "type": .string(type)
    case "index": index.map { .int($0) } ?? .none
    default: nil
    }
  }

  /// Nothing, for the CPU (as a device, its name, or none); PyTorch's error for another.
  static func requireCPU(_ value: Value?) throws {
    let type: String
    switch value {
    case nil, .none?: return
    case .object(let device as DeviceObject)?: type = device.type
    case .string(let spec)?: type = try DeviceObject(spec, index: nil).type
    case .object(let dtype as DTypeObject)?:
      _ = dtype
      return
    default: return
    }
    guard type == "cpu" else {
      throw PythonException(
        .assertionError, "Torch not compiled with \(type.uppercased()) enabled",
        notes: [
          "lessons run on the CPU: pick the device with torch.cuda.is_available(), which is False here"
        ])
    }
  }
}

/// A learning-rate scheduler as lesson code sees it: `step()`, `get_last_lr()`.
final class SchedulerObject: HostObject {
  let scheduler: LearningRateScheduler
  init(_ scheduler: LearningRateScheduler) { self.scheduler = scheduler }

  var typeName: String { scheduler.typeName }
  var text: String { "<torch.optim.lr_scheduler.\(scheduler.typeName) object>" }
  var methodNamespace: String? { "torch.optim.lr_scheduler.LRScheduler" }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    name == "last_epoch" ? .int(scheduler.lastEpoch) : nil
  }
}

extension Arg where T == LearningRateScheduler {
  /// A scheduler (a method's `self`).
  static func scheduler(_ name: String) -> Arg<LearningRateScheduler> {
    .required(name) { value, context in
      guard case .object(let object as SchedulerObject) = value else {
        throw context.wrongType(name, expected: "a learning-rate scheduler", value)
      }
      return object.scheduler
    }
  }
}
