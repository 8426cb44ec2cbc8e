/// `optim.lr_scheduler`: `StepLR`, `MultiStepLR` and `ExponentialLR`, which change an optimizer's
/// learning rate at each `step()` as PyTorch's chainable forms do (in doubles, multiplying the
/// current rate, so the printed rates are PyTorch's to the last digit).

import Foundation

/// A learning-rate schedule over an optimizer's epochs.
public final class LearningRateScheduler {
  /// How the rate changes.
  public enum Rule: Sendable {
    /// Multiply by `gamma` every `stepSize` epochs.
    case step(stepSize: Int, gamma: Double)
    /// Multiply by `gamma` at each of `milestones` (an epoch listed twice multiplies twice).
    case multiStep(milestones: [Int], gamma: Double)
    /// Multiply by `gamma` every epoch.
    case exponential(gamma: Double)
  }

  public let optimizer: Optimizer
  public let rule: Rule
  /// The epochs stepped so far (PyTorch's `last_epoch`: 0 after construction).
  public private(set) var lastEpoch = 0
  /// The rate set by the last step (`get_last_lr()`).
  public private(set) var lastLearningRate: Double

  public init(optimizer: Optimizer, rule: Rule) {
    self.optimizer = optimizer
    self.rule = rule
    lastLearningRate = optimizer.learningRate
  }

  /// PyTorch's class name.
  public var typeName: String {
    switch rule {
    case .step: "StepLR"
    case .multiStep: "MultiStepLR"
    case .exponential: "ExponentialLR"
    }
  }

  /// One epoch on: the optimizer's rate is multiplied by the rule's factor for this epoch. (A
  /// `stepSize` of 0, which PyTorch fails on with a ZeroDivisionError, is refused by the caller;
  /// here it never changes the rate.)
  public func step() {
    lastEpoch += 1
    var rate = optimizer.learningRate
    switch rule {
    case .step(let stepSize, let gamma):
      if stepSize != 0, lastEpoch % stepSize == 0 { rate *= gamma }
    case .multiStep(let milestones, let gamma):
      let hits = milestones.count { $0 == lastEpoch }
      if hits > 0 { rate *= pow(gamma, Double(hits)) }
    case .exponential(let gamma):
      rate *= gamma
    }
    optimizer.learningRate = rate
    lastLearningRate = rate
  }
}
