/// Forward hooks, as PyTorch's `register_forward_pre_hook` / `register_forward_hook`: code that
/// observes every call of a module (the shape trace of `summary()` and of exercise diagnoses)
/// without changing the model. Hooks observe; they do not replace the input or the output.

/// Called before a module's `forward` with the module and its input.
public typealias ForwardPreHook = (_ module: Module, _ input: Tensor) -> Void
/// Called after a module's `forward` returned, with the module, its input and its output.
public typealias ForwardHook = (_ module: Module, _ input: Tensor, _ output: Tensor) -> Void

/// Removes the hook it was returned for (PyTorch's `RemovableHandle`).
public final class HookHandle {
  private weak var module: Module?
  private let id: Int

  init(module: Module, id: Int) {
    self.module = module
    self.id = id
  }

  /// Unregisters the hook; removing it twice does nothing.
  public func remove() {
    module?.removeHook(id)
  }
}

/// The hooks registered on one module, in registration order.
struct ForwardHooks {
  var before: [(id: Int, hook: ForwardPreHook)] = []
  var after: [(id: Int, hook: ForwardHook)] = []
  var nextID = 0
}

extension Module {
  /// Runs `hook` before every call of this module, until the handle is removed.
  @discardableResult
  public func registerForwardPreHook(_ hook: @escaping ForwardPreHook) -> HookHandle {
    let id = hooks.nextID
    hooks.nextID += 1
    hooks.before.append((id, hook))
    return HookHandle(module: self, id: id)
  }

  /// Runs `hook` after every call of this module that returns, until the handle is removed.
  @discardableResult
  public func registerForwardHook(_ hook: @escaping ForwardHook) -> HookHandle {
    let id = hooks.nextID
    hooks.nextID += 1
    hooks.after.append((id, hook))
    return HookHandle(module: self, id: id)
  }

  func removeHook(_ id: Int) {
    hooks.before.removeAll { $0.id == id }
    hooks.after.removeAll { $0.id == id }
  }

  /// Calls the pre-hooks (for callers that run a forward pass themselves: the interpreter runs a
  /// lesson class's `forward`).
  public func runForwardPreHooks(_ input: Tensor) {
    for (_, hook) in hooks.before { hook(self, input) }
  }

  /// Calls the forward hooks after a forward pass that returned `output`.
  public func runForwardHooks(_ input: Tensor, _ output: Tensor) {
    for (_, hook) in hooks.after { hook(self, input, output) }
  }

  /// `module(x)`: runs `forward` between the module's hooks, as calling a module does in PyTorch.
  public func callAsFunction(_ input: Tensor) throws -> Tensor {
    runForwardPreHooks(input)
    let output = try forward(input)
    runForwardHooks(input, output)
    return output
  }
}
