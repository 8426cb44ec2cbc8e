import Testing

@testable import TensorCore

@Suite struct Window2DTests {
  @Test func sizePairs() {
    #expect(Size2D(3) == Size2D(3, 3))
    #expect(Size2D(2, 5).height == 2 && Size2D(2, 5).width == 5)
  }

  @Test func outputSizeFloorAndCeil() {
    func size(_ input: Int, _ k: Int, _ s: Int, _ p: Int = 0, d: Int = 1, ceil: Bool = false) -> Int
    {
      WindowAxis.outputSize(
        input: input, kernel: k, stride: s, padBegin: p, padEnd: p, dilation: d, ceilMode: ceil)
    }
    #expect(size(28, 5, 1) == 24)
    #expect(size(5, 2, 2) == 2)
    #expect(size(5, 2, 2, ceil: true) == 3)
    #expect(size(4, 2, 2, ceil: true) == 2)
    // Windows would start at -1, 2 and 5; the one at 5 lies wholly in the right padding: dropped.
    #expect(size(5, 3, 3, 1, ceil: true) == 2)
    #expect(size(4, 3, 2, 1, ceil: true) == 3)
    #expect(size(7, 3, 1, d: 2) == 3)
    #expect(size(2, 3, 1) == 0)
  }

  @Test func publicOutputSizeIsPyTorchsFormula() {
    #expect(Window2D.outputSize(input: 28, kernel: 5, stride: 1) == 24)
    #expect(Window2D.outputSize(input: 24, kernel: 2, stride: 2) == 12)
    #expect(Window2D.outputSize(input: 28, kernel: 3, stride: 1, padding: 1) == 28)
    #expect(Window2D.outputSize(input: 7, kernel: 3, stride: 1, dilation: 2) == 3)
    #expect(Window2D.outputSize(input: 5, kernel: 2, stride: 2, ceilMode: true) == 3)
    #expect(Window2D.outputSize(input: 2, kernel: 3, stride: 1) == 0)
    #expect(Window2D.outputSize(input: 2, kernel: 9, stride: 2) < 0)
    // Sizes a lesson may give do not trap: they saturate, and the checks reject them.
    #expect(Window2D.outputSize(input: 3, kernel: 1 << 40, stride: 1, dilation: 1 << 40) < 0)
    #expect(Window2D.outputSize(input: 3, kernel: 1, stride: 1, padding: Int.max) == Int.max)
    #expect(Window2D.outputSize(input: 3, kernel: 2, stride: 0) == 2)
  }

  @Test func inputTapsAreTheTapsInsideTheInput() {
    // Every tap `inputTaps` lists reads the input, and every other tap reads the padding.
    for (input, kernel, stride, pad, dilation) in [
      (5, 3, 2, 1, 1), (7, 3, 1, 2, 2), (4, 2, 2, 0, 1), (6, 5, 3, 2, 1), (3, 3, 1, 2, 3),
    ] {
      let size = WindowAxis.outputSize(
        input: input, kernel: kernel, stride: stride, padBegin: pad, padEnd: pad,
        dilation: dilation, ceilMode: true)
      let axis = WindowAxis(
        inputSize: input, kernel: kernel, stride: stride, padBegin: pad, padEnd: pad,
        dilation: dilation, outputSize: size)
      for window in 0..<size {
        let inside = (0..<kernel).filter { axis.coordinate(window: window, tap: $0) >= 0 }
        #expect(Array(axis.inputTaps(window: window)) == inside, "\(input) \(kernel) \(window)")
        for tap in axis.inputTaps(window: window) {
          #expect(
            axis.start(window: window) + tap * dilation == axis.coordinate(window: window, tap: tap)
          )
        }
      }
    }
    let taps = Window2D(
      input: (3, 4), kernel: Size2D(2), stride: Size2D(2), padBegin: Size2D(1), padEnd: Size2D(1),
      dilation: Size2D(1), ceilMode: false
    ).inputTaps()
    #expect(taps.rows.map(\.start) == [-1, 1] && taps.cols.map(\.start) == [-1, 1, 3])
    #expect(taps.rows.map(\.taps) == [1..<2, 0..<2] && taps.cols.last?.taps == 0..<1)
    #expect(taps.inputWidth == 4 && taps.rowDilation == 1)
  }

  @Test func saturatingArithmetic() {
    #expect(Int.max.saturatingAdd(1) == .max && Int.min.saturatingAdd(-1) == .min)
    #expect(3.saturatingAdd(-5) == -2)
    #expect((1 << 40).saturatingMultiply(1 << 40) == .max)
    #expect((-(1 << 40)).saturatingMultiply(1 << 40) == .min)
    #expect(6.saturatingMultiply(-7) == -42)
  }

  @Test func gatherOffsetsMarkPadding() {
    // 3x3 plane, 2x2 kernel, stride 1, padding 1: 4x4 windows; tap 0 (top-left) of window (0, 0)
    // reads (-1, -1), padding; tap 3 (bottom-right) of window (0, 0) reads (0, 0).
    let window = Window2D(
      input: (3, 3), kernel: Size2D(2), stride: Size2D(1), padBegin: Size2D(1), padEnd: Size2D(1),
      dilation: Size2D(1), ceilMode: false)
    let offsets = window.gatherOffsets()
    #expect(window.outputCount == 16 && offsets.count == 64)
    #expect(Array(offsets[0..<4]) == [-1, -1, -1, -1])
    #expect(Array(offsets[4..<8]) == [-1, 0, 1, 2])
    #expect(Array(offsets[48..<52]) == [0, 1, 2, -1])
  }

  @Test func poolingErrors() throws {
    let layout = try #require(ImageLayout([1, 2, 2]))
    func pool(_ k: Int, _ s: Int = 1, _ p: Int = 0, _ d: Int = 1) throws {
      _ = try Window2D.pooling(
        layout, kernel: Size2D(k), stride: Size2D(s), padding: Size2D(p), dilation: Size2D(d),
        ceilMode: false)
    }
    #expect(
      performing: { try pool(3) },
      throws: {
        ($0 as? TensorError)?.message
          == "Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small"
      })
    #expect {
      try pool(3, 1, 2)
    } throws: {
      ($0 as? TensorError)?.message
        == "pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1"
    }
    #expect(
      performing: { try pool(0) },
      throws: {
        ($0 as? TensorError)?.message.hasPrefix("kernel size should be greater than zero") == true
      })
    #expect(
      performing: { try pool(2, 0) },
      throws: {
        ($0 as? TensorError)?.message == "stride should be greater than zero, but got dH: 0 dW: 0"
      })
    #expect(
      performing: { try pool(2, 1, -1) },
      throws: { ($0 as? TensorError)?.message == "pad must be non-negative, but got pad: -1" })
    #expect(throws: TensorError.pooling(.inputShape([4, 4]))) {
      try Window2D.poolingLayout([4, 4])
    }
    #expect(throws: TensorError.pooling(.nonPositiveDilation(Size2D(0)))) { try pool(2, 1, 0, 0) }
  }

  @Test func convolutionKernelTooLarge() throws {
    let layout = try #require(ImageLayout([1, 1, 2, 2]))
    #expect {
      _ = try Window2D.convolution(
        layout, kernel: Size2D(3), stride: Size2D(1), padBegin: Size2D(0), padEnd: Size2D(0),
        dilation: Size2D(1))
    } throws: {
      ($0 as? TensorError)?.message
        == "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size"
    }
  }
}
