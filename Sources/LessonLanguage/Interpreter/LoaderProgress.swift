/// How far a data loader has come, reported after each batch so a front end can draw a progress
/// line (epoch, batch, loss, samples/s, time left).
public struct LoaderProgress: Sendable {
  /// How many times this loader has been iterated so far, this pass included (the epoch).
  public let pass: Int
  /// Batches delivered in this pass.
  public let batch: Int
  /// Batches in a full pass.
  public let batches: Int
  /// Samples delivered in this pass.
  public let samples: Int
  /// Samples in the dataset.
  public let totalSamples: Int
  /// Time since this pass started.
  public let elapsed: Duration
  /// The most recent loss a lesson computed (`nll_loss`, `cross_entropy`), if any.
  public var loss: Double?

  /// Samples per second so far in this pass.
  public var samplesPerSecond: Double {
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return seconds > 0 ? Double(samples) / seconds : 0
  }

  /// Seconds left in this pass at the current speed.
  public var secondsLeft: Double {
    let rate = samplesPerSecond
    return rate > 0 ? Double(max(0, totalSamples - samples)) / rate : 0
  }
}

extension Interpreter {
  /// Counts passes over each loader (the epoch number shown in progress).
  func beginLoaderPass(_ loader: AnyObject) -> Int {
    let key = ObjectIdentifier(loader)
    let pass = (loaderPasses[key] ?? 0) + 1
    loaderPasses[key] = pass
    return pass
  }

  func reportProgress(_ progress: LoaderProgress) {
    guard let observer = self.progress else { return }
    var report = progress
    report.loss = lastLoss
    observer(report)
  }

  /// Remembers a loss value for progress display.
  func noteLoss(_ tensor: Tensor) {
    if tensor.count == 1, tensor.dtype == .float32 { lastLoss = Double(tensor.floats[0]) }
  }
}
