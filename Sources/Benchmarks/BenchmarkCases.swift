/// The workloads: the lecture's Net (training step, batch-1 inference, an epoch), its two
/// convolutions, and a large ResNet-style convolution.
import NeuralNet

/// Builds each case's data, times it and fills in its `BenchmarkResult`.
struct BenchmarkCases {
  let peak: MachinePeak

  /// A result row with throughput, GFLOP/s and % of peak worked out from the median.
  func row(
    _ name: String, milliseconds: Double, samples: Int?, flops: Double?, note: String = ""
  ) -> BenchmarkResult {
    let seconds = milliseconds / 1e3
    let gflops = flops.map { $0 / seconds / 1e9 }
    return BenchmarkResult(
      name: name, medianMilliseconds: milliseconds,
      samplesPerSecond: samples.map { Double($0) / seconds }, gflops: gflops,
      percentOfPeak: gflops.map { 100 * $0 / peak.gflops },
      peakResidentMegabytes: peakResidentMegabytes(), note: note)
  }

  /// zero_grad + forward + nll_loss + backward + SGD step on a batch of 64.
  func netStep() throws -> BenchmarkResult {
    let generator = Generator(seed: 1)
    let net = try LectureNet(generator: generator)
    let batch = try syntheticBatch(size: 64, generator: generator)
    let ms = try medianMilliseconds(warmup: 10, repetitions: 40) {
      try net.trainStep(images: batch.images, labels: batch.labels)
    }
    return row(
      "net-step", milliseconds: ms, samples: 64, flops: LectureNet.stepFlops(batch: 64),
      note: "batch 64")
  }

  /// One image through the Net without recording gradients.
  func netInferOne() throws -> BenchmarkResult {
    let generator = Generator(seed: 2)
    let net = try LectureNet(generator: generator)
    let image = try syntheticBatch(size: 1, generator: generator).images
    let ms = try medianMilliseconds(warmup: 20, repetitions: 400) {
      _ = try GradMode.withoutGrad { try net.forward(image) }
    }
    return row("net-infer1", milliseconds: ms, samples: 1, flops: nil, note: "batch 1, no_grad")
  }

  /// conv1 (64x1x28x28 * 10x1x5x5) and conv2 (64x10x12x12 * 20x10x5x5), forward and backward.
  func convLecture() throws -> [BenchmarkResult] {
    let generator = Generator(seed: 3)
    var rows: [BenchmarkResult] = []
    for (label, input, weight, inputNeedsGrad) in [
      ("conv1", [64, 1, 28, 28], [10, 1, 5, 5], false),
      ("conv2", [64, 10, 12, 12], [20, 10, 5, 5], true),
    ] {
      let x = try Tensor.randn(input, generator: generator)
      let w = try Tensor.randn(weight, generator: generator)
      let b = try Tensor.randn([weight[0]], generator: generator)
      let positions = Double((input[2] - 4) * (input[3] - 4))
      let flops = 2 * Double(input[0] * weight[0] * weight[1] * 25) * positions
      let forward = try medianMilliseconds(warmup: 3, repetitions: 30) {
        _ = try GradMode.withoutGrad { try Functional.conv2d(x, weight: w, bias: b) }
      }
      rows.append(
        row("conv-lecture \(label) fwd", milliseconds: forward, samples: 64, flops: flops))
      try x.setRequiresGrad(inputNeedsGrad)
      for parameter in [w, b] { try parameter.setRequiresGrad() }
      let output = try Functional.conv2d(x, weight: w, bias: b)
      let seed = Tensor.onesLike(output)
      let backward = try medianMilliseconds(warmup: 3, repetitions: 30) {
        try output.backward(gradient: seed)
      }
      rows.append(
        row(
          "conv-lecture \(label) bwd", milliseconds: backward, samples: 64,
          flops: flops * (inputNeedsGrad ? 2 : 1)))
    }
    return rows
  }

  /// Forward of a 3x3 convolution, 64 -> 64 channels, padding 1, on 32 images of 56x56.
  func convLarge() throws -> BenchmarkResult {
    let generator = Generator(seed: 4)
    let x = try Tensor.randn([32, 64, 56, 56], generator: generator)
    let w = try Tensor.randn([64, 64, 3, 3], generator: generator)
    let ms = try medianMilliseconds(warmup: 1, repetitions: 5) {
      _ = try GradMode.withoutGrad {
        try Functional.conv2d(x, weight: w, padding: .explicit(Size2D(1)))
      }
    }
    let flops = 2.0 * 32 * 64 * 56 * 56 * 64 * 9
    return row(
      "conv-large", milliseconds: ms, samples: 32, flops: flops, note: "[32,64,56,56] k3 p1")
  }

  /// One training epoch of the Net over `source`'s batches (timed once).
  func mnistEpoch(_ source: EpochSource) throws -> BenchmarkResult {
    let net = try LectureNet(generator: Generator(seed: 5))
    let next = try source.makeEpoch()
    var (samples, steps) = (0, 0)
    var flops = 0.0
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
      while let batch = try next() {
        try net.trainStep(images: batch.images, labels: batch.labels)
        samples += batch.images.shape.first ?? 0
        steps += 1
        flops += LectureNet.stepFlops(batch: batch.images.shape.first ?? 0)
      }
    }
    return row(
      "mnist-epoch", milliseconds: milliseconds(elapsed), samples: samples, flops: flops,
      note: "\(source.label), \(steps) steps")
  }
}
