/// The lecture's MNIST network, built from NeuralNet's layers, and one SGD training step.
import NeuralNet

/// `Net` from the lecture:
///
///     conv1 (1 -> 10, k5) -> max_pool2d(2) -> relu -> conv2 (10 -> 20, k5) -> max_pool2d(2) -> relu
///     -> view(-1, 320) -> fc (320 -> 10) -> log_softmax(dim 1)
///
/// input `(N, 1, 28, 28)` -> log-probabilities `(N, 10)`.
final class LectureNet {
  let conv1: Conv2d
  let conv2: Conv2d
  let pool = MaxPool2d(kernelSize: .single(2))
  let fc: Linear
  let optimizer: SGD

  /// Draws the weights from `generator`; SGD with the lecture's lr 0.01 and momentum 0.5.
  init(generator: Generator) throws {
    conv1 = try Conv2d(
      inChannels: 1, outChannels: 10, kernelSize: Size2D(5), generator: generator)
    conv2 = try Conv2d(
      inChannels: 10, outChannels: 20, kernelSize: Size2D(5), generator: generator)
    fc = try Linear(inFeatures: 320, outFeatures: 10, generator: generator)
    let parameters = [conv1, conv2, fc].flatMap { $0.parameters() }
    optimizer = try SGD(parameters: parameters, learningRate: 0.01, momentum: 0.5)
  }

  /// The log-probabilities of a batch of images.
  func forward(_ images: Tensor) throws -> Tensor {
    var x = try Functional.relu(pool(conv1(images)))
    x = try Functional.relu(pool(conv2(x)))
    x = try x.reshaped([-1, 320])
    return try Functional.logSoftmax(fc(x), dim: 1)
  }

  /// zero_grad, forward, nll_loss, backward, step; returns the loss.
  @discardableResult
  func trainStep(images: Tensor, labels: Tensor) throws -> Float {
    optimizer.zeroGrad()
    let loss = try Functional.nllLoss(forward(images), target: labels)
    try loss.backward()
    try optimizer.step()
    return loss.floats[0]
  }

  /// Multiply-adds x 2 of one forward + backward pass over `batch` images (conv1 needs no input
  /// gradient, so its backward is one GEMM; the others are two).
  static func stepFlops(batch: Int) -> Double {
    let conv1 = 2.0 * 10 * 576 * 25
    let conv2 = 2.0 * 20 * 64 * 250
    let fc = 2.0 * 320 * 10
    return Double(batch) * (2 * conv1 + 3 * conv2 + 3 * fc)
  }
}

/// A batch of MNIST-shaped random data: images `(N, 1, 28, 28)` in [0, 1), labels `(N)` in 0..<10.
func syntheticBatch(size: Int, generator: Generator) throws -> (images: Tensor, labels: Tensor) {
  let images = try Tensor.rand([size, 1, 28, 28], generator: generator)
  let labels = Tensor(
    shape: [size], ints: (0..<size).map { _ in Int64(generator.nextInt(below: 10)) })
  return (images, labels)
}
