/// An error of a layer or an optimizer (not of the tensors it computes with, which throw
/// `TensorError`), as a case with its data, rendered with PyTorch's wording and exception class.
public enum NeuralNetError: Error, Equatable, Sendable {
  /// `module` was called but defines no `forward`.
  case missingForward(module: String)
  /// The loss `module` was called with one tensor instead of an input and a target.
  case lossNeedsTarget(module: String)
  /// The loss `module` does not say how to compute its loss.
  case lossNotDefined(module: String)
  /// `Linear(inFeatures, outFeatures)` with a negative size.
  case negativeFeatures(inFeatures: Int, outFeatures: Int)
  /// `Conv2d(inChannels, outChannels, ...)` with a channel count below 1.
  case nonPositiveChannels(inChannels: Int, outChannels: Int)
  /// `Conv2d` channels (`in_channels` or `out_channels`) that do not split into `groups`.
  case channelsNotDivisible(argument: String, groups: Int)
  /// The parameter `name` of `module` removed, though the layer cannot work without it.
  case requiredParameter(module: String, name: String)
  /// An optimizer hyper-parameter outside its valid range.
  case invalidHyperParameter(HyperParameter, value: Double)
  /// `SGD(nesterov=True)` without momentum, or with dampening.
  case nesterovWithoutMomentum
  /// An optimizer given no parameters.
  case emptyParameterList
  /// `nn.init` fan computations on a tensor of fewer than 2 dimensions.
  case fanOfLowRankTensor
  /// `nn.init.kaiming_*_(mode=...)` other than `fan_in` / `fan_out`.
  case unsupportedFanMode(String)
  /// `nn.init.calculate_gain` of an unknown nonlinearity.
  case unsupportedNonlinearity(String)

  /// The optimizer hyper-parameters PyTorch checks, as its messages name them.
  public enum HyperParameter: Equatable, Sendable {
    /// `lr`.
    case learningRate
    /// SGD's `momentum`.
    case momentum
    /// `weight_decay`.
    case weightDecay
    /// Adam's `eps`.
    case epsilon
    /// `betas[index]` of Adam.
    case beta(index: Int)
    /// Adadelta's `rho`.
    case rho
    /// RMSprop's `alpha`.
    case alpha
  }
}

extension NeuralNetError: PyTorchError {
  /// The message, PyTorch's wording where PyTorch has one (`Invalid learning rate: -0.1`).
  public var message: String {
    switch self {
    case .missingForward(let module):
      "Module [\(module)] is missing the required \"forward\" function"
    case .lossNeedsTarget(let module):
      "\(module) takes an input and a target: criterion(output, target)"
    case .lossNotDefined(let module): "\(module) does not define a loss"
    case .negativeFeatures: "Linear: in_features and out_features must be non-negative integers"
    case .nonPositiveChannels: "Conv2d: in_channels and out_channels must be positive integers"
    case .channelsNotDivisible(let argument, _): "\(argument) must be divisible by groups"
    case .requiredParameter(let module, let name):
      "cannot remove parameter '\(name)' of \(module), which needs it"
    case .invalidHyperParameter(let parameter, let value):
      "Invalid \(parameter.messageName): \(value)"
    case .nesterovWithoutMomentum: "Nesterov momentum requires a momentum and zero dampening"
    case .emptyParameterList: "optimizer got an empty parameter list"
    case .fanOfLowRankTensor:
      "Fan in and fan out can not be computed for tensor with fewer than 2 dimensions"
    case .unsupportedFanMode(let mode):
      "Mode \(mode) not supported, please use one of ['fan_in', 'fan_out']"
    case .unsupportedNonlinearity(let name): "Unsupported nonlinearity \(name)"
    }
  }

  /// Explanations in plain words, one per line.
  public var notes: [String] {
    switch self {
    case .requiredParameter(_, let name):
      ["assign a tensor wrapped in nn.Parameter to replace '\(name)'"]
    case .channelsNotDivisible(let argument, let groups):
      ["each of the \(groups) groups needs the same number of \(argument)"]
    default: []
    }
  }

  /// PyTorch's exception class: `ValueError` for the arguments `nn.Conv2d` and the optimizers
  /// check, `TypeError` for a call or an assignment of the wrong kind.
  public var category: TensorError.Category {
    switch self {
    case .missingForward, .lossNotDefined: .notImplemented
    case .lossNeedsTarget, .requiredParameter: .type
    case .channelsNotDivisible, .invalidHyperParameter, .nesterovWithoutMomentum,
      .emptyParameterList, .fanOfLowRankTensor, .unsupportedFanMode, .unsupportedNonlinearity:
      .value
    case .negativeFeatures, .nonPositiveChannels: .runtime
    }
  }

  /// The message alone.
  public var description: String { message }
}

extension NeuralNetError.HyperParameter {
  /// How PyTorch's message names it (`learning rate`, `weight_decay value`).
  var messageName: String {
    switch self {
    case .learningRate: "learning rate"
    case .momentum: "momentum value"
    case .weightDecay: "weight_decay value"
    case .epsilon: "epsilon value"
    case .beta(let index): "beta parameter at index \(index)"
    case .rho: "rho value"
    case .alpha: "alpha value"
    }
  }
}
