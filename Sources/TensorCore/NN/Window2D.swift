/// Sliding 2-D windows: the geometry shared by `conv2d`, `maxPool2d` and `avgPool2d`.
///
/// One `Window2D` computes the output size with PyTorch's rules, validates the arguments with
/// PyTorch's messages, and builds the gather table that tells every kernel which input element each
/// tap of each window reads. The convolutions (im2col and naive) and both pools all index through it.

/// A (height, width) pair for kernel sizes, strides, paddings and dilations; PyTorch's `int` or
/// `(int, int)` argument.
public struct Size2D: Equatable, Sendable {
  /// The size along the rows (dimension -2).
  public var height: Int
  /// The size along the columns (dimension -1).
  public var width: Int

  /// The same size for both dimensions, as when PyTorch is given a single `int`.
  public init(_ both: Int) {
    self.init(both, both)
  }

  /// A height and a width, as PyTorch's `(h, w)` tuple.
  public init(_ height: Int, _ width: Int) {
    self.height = height
    self.width = width
  }
}

/// The dimensions of an image input, `(C, H, W)` unbatched or `(N, C, H, W)` batched.
struct ImageLayout {
  let batch: Int
  let channels: Int
  let height: Int
  let width: Int
  /// False for a 3-D input: the op then returns a 3-D result.
  let isBatched: Bool

  /// Reads the layout of a 3-D or 4-D tensor; nil for any other rank.
  init?(_ shape: [Int]) {
    switch shape.count {
    case 3: (batch, channels, height, width, isBatched) = (1, shape[0], shape[1], shape[2], false)
    case 4:
      (batch, channels, height, width, isBatched) = (shape[0], shape[1], shape[2], shape[3], true)
    default: return nil
    }
  }

  /// The shape of a result with `channels` planes of `height` x `width`, batched like the input.
  func outputShape(channels: Int, height: Int, width: Int) -> [Int] {
    isBatched ? [batch, channels, height, width] : [channels, height, width]
  }
}

/// The window geometry along one axis (rows or columns).
struct WindowAxis {
  let inputSize: Int
  let kernel: Int
  let stride: Int
  /// Implicit padding before the first element and after the last one.
  let padBegin: Int
  let padEnd: Int
  let dilation: Int
  let outputSize: Int

  /// `out = floor-or-ceil((in + pads - d*(k-1) - 1) / s) + 1`; with `ceilMode` the last window must
  /// start inside the input or the left padding. May be 0 or negative when the input is too small.
  /// Saturates instead of overflowing on absurd sizes (the checks then reject them).
  static func outputSize(
    input: Int, kernel: Int, stride: Int, padBegin: Int, padEnd: Int, dilation: Int, ceilMode: Bool
  ) -> Int {
    let stride = max(stride, 1)
    let padded = input.saturatingAdd(padBegin).saturatingAdd(padEnd)
    let span = padded.saturatingAdd(-extent(kernel: kernel, dilation: dilation))
    let rounded = ceilMode ? span.saturatingAdd(stride - 1) : span
    // Floor division, also for negative spans (PyTorch's div_rtn).
    let quotient = rounded / stride - (rounded % stride < 0 ? 1 : 0)
    var size = quotient.saturatingAdd(1)
    if ceilMode && (size - 1).saturatingMultiply(stride) >= input.saturatingAdd(padBegin) {
      size -= 1
    }
    return size
  }

  /// The span of a dilated kernel, `dilation * (kernel - 1) + 1` (saturating).
  static func extent(kernel: Int, dilation: Int) -> Int {
    dilation.saturatingMultiply(kernel - 1).saturatingAdd(1)
  }

  /// Where window `o` starts in the input; negative when it starts in the padding.
  func start(window o: Int) -> Int {
    o * stride - padBegin
  }

  /// The taps `k` of window `o` that read the input (not the padding): tap `k` reads input
  /// coordinate `start(window: o) + k * dilation`.
  func inputTaps(window o: Int) -> Range<Int> {
    let start = start(window: o)
    let first = start >= 0 ? 0 : (dilation - 1 - start) / dilation
    let end = start >= inputSize ? 0 : min(kernel, (inputSize - start + dilation - 1) / dilation)
    return first..<max(first, end)
  }

  /// The input coordinate read by tap `k` of window `o`, or -1 when it falls in the padding.
  func coordinate(window o: Int, tap k: Int) -> Int {
    let i = start(window: o) + k * dilation
    return i >= 0 && i < inputSize ? i : -1
  }

  /// The number of positions window `o` covers inside the input plus its padding (avg pool's
  /// `count_include_pad` divisor); assumes dilation 1.
  func paddedExtent(window o: Int) -> Int {
    let start = start(window: o)
    return min(start + kernel, inputSize + padEnd) - start
  }

  /// The number of positions window `o` covers inside the input alone; assumes dilation 1.
  func clippedExtent(window o: Int) -> Int {
    let start = start(window: o)
    return min(start + kernel, inputSize) - max(start, 0)
  }
}

/// The windows of a 2-D convolution or pooling over `H` x `W` planes: the one place that knows
/// where each window of `conv2d`, `max_pool2d` and `avg_pool2d` reads, and how many there are.
public struct Window2D: Sendable {
  let rows: WindowAxis
  let cols: WindowAxis

  var kernelCount: Int { rows.kernel * cols.kernel }
  var outputCount: Int { rows.outputSize * cols.outputSize }

  /// PyTorch's number of windows along one axis of `input` elements:
  /// `floor((input + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1`, rounded up instead
  /// with `ceilMode` as long as the last window starts inside the input or its left padding
  /// (`max_pool2d`'s `ceil_mode`). 0 or negative when the window does not fit; a stride below 1
  /// counts as 1, and absurd sizes saturate instead of overflowing.
  public static func outputSize(
    input: Int, kernel: Int, stride: Int, padding: Int = 0, dilation: Int = 1,
    ceilMode: Bool = false
  ) -> Int {
    WindowAxis.outputSize(
      input: input, kernel: kernel, stride: max(stride, 1), padBegin: padding, padEnd: padding,
      dilation: dilation, ceilMode: ceilMode)
  }

  init(
    input: (height: Int, width: Int), kernel: Size2D, stride: Size2D, padBegin: Size2D,
    padEnd: Size2D, dilation: Size2D, ceilMode: Bool
  ) {
    func axis(_ i: Int, _ k: Int, _ s: Int, _ pb: Int, _ pe: Int, _ d: Int) -> WindowAxis {
      let out = WindowAxis.outputSize(
        input: i, kernel: k, stride: s, padBegin: pb, padEnd: pe, dilation: d, ceilMode: ceilMode)
      return WindowAxis(
        inputSize: i, kernel: k, stride: s, padBegin: pb, padEnd: pe, dilation: d, outputSize: out)
    }
    rows = axis(
      input.height, kernel.height, stride.height, padBegin.height, padEnd.height, dilation.height)
    cols = axis(
      input.width, kernel.width, stride.width, padBegin.width, padEnd.width, dilation.width)
  }

  /// The gather table: `offsets[tap * outputCount + position]` is the offset `iy * W + ix` in the
  /// input plane read by tap `tap = ky * KW + kx` of the window at `position = oy * OW + ox`, or -1
  /// when that tap falls in the padding. Tap-major so im2col is a straight copy per tap.
  func gatherOffsets() -> [Int] {
    let (oh, ow, kh, kw, w) = (
      rows.outputSize, cols.outputSize, rows.kernel, cols.kernel, cols.inputSize
    )
    var offsets = [Int](repeating: -1, count: kh * kw * oh * ow)
    offsets.withUnsafeMutableBufferPointer { table in
      for ky in 0..<kh {
        for kx in 0..<kw {
          let base = (ky * kw + kx) * oh * ow
          for oy in 0..<oh {
            let iy = rows.coordinate(window: oy, tap: ky)
            if iy < 0 { continue }
            for ox in 0..<ow {
              let ix = cols.coordinate(window: ox, tap: kx)
              if ix >= 0 { table[base + oy * ow + ox] = iy * w + ix }
            }
          }
        }
      }
    }
    return offsets
  }
}

// MARK: - Tap tables

/// Where one window along an axis starts in the input, and which of its taps read the input.
struct WindowTaps: Sendable {
  let start: Int
  let taps: Range<Int>
}

/// The tap tables of a `Window2D`, made once per call for the kernels that walk windows directly:
/// window `(oy, ox)` reads input rows `rows[oy].start + ky * rowDilation` for `ky` in
/// `rows[oy].taps`, and likewise columns.
struct WindowTaps2D: Sendable {
  let rows: [WindowTaps]
  let cols: [WindowTaps]
  let inputWidth: Int
  let rowDilation: Int
  let colDilation: Int
}

extension WindowAxis {
  /// `start` and `inputTaps` of every window along this axis.
  func windowTaps() -> [WindowTaps] {
    (0..<max(outputSize, 0)).map {
      WindowTaps(start: start(window: $0), taps: inputTaps(window: $0))
    }
  }
}

extension Window2D {
  /// The tap tables of both axes.
  func inputTaps() -> WindowTaps2D {
    WindowTaps2D(
      rows: rows.windowTaps(), cols: cols.windowTaps(), inputWidth: cols.inputSize,
      rowDilation: rows.dilation, colDilation: cols.dilation)
  }
}

// MARK: - Checked construction

extension Window2D {
  /// The layout of a pooling input: 3-D or 4-D with non-empty channels, height and width.
  static func poolingLayout(_ shape: [Int]) throws -> ImageLayout {
    guard let layout = ImageLayout(shape),
      layout.channels > 0 && layout.height > 0 && layout.width > 0
    else {
      throw TensorError.pooling(.inputShape(shape))
    }
    return layout
  }

  /// The windows of `max_pool2d` / `avg_pool2d` (`what`) over `layout`, with PyTorch's argument
  /// checks and the result checked as a new allocation (`checkedAllocation`): its float32 values
  /// and, `withIndices`, max pooling's int64 indices.
  static func pooling(
    _ layout: ImageLayout, kernel: Size2D, stride: Size2D, padding: Size2D, dilation: Size2D,
    ceilMode: Bool, what: String = "pooling", withIndices: Bool = false
  ) throws -> Window2D {
    guard kernel.height > 0 && kernel.width > 0 else {
      throw TensorError.pooling(.nonPositiveKernel(kernel))
    }
    guard stride.height > 0 && stride.width > 0 else {
      throw TensorError.pooling(.nonPositiveStride(stride))
    }
    guard dilation.height > 0 && dilation.width > 0 else {
      throw TensorError.pooling(.nonPositiveDilation(dilation))
    }
    for (p, k, d) in [
      (padding.height, kernel.height, dilation.height),
      (padding.width, kernel.width, dilation.width),
    ] {
      guard p >= 0 else { throw TensorError.pooling(.negativePadding(p)) }
      guard p <= WindowAxis.extent(kernel: k, dilation: d) / 2 else {
        throw TensorError.pooling(.paddingTooLarge(padding: p, kernel: k, dilation: d))
      }
    }
    let window = Window2D(
      input: (layout.height, layout.width), kernel: kernel, stride: stride, padBegin: padding,
      padEnd: padding, dilation: dilation, ceilMode: ceilMode)
    guard window.rows.outputSize >= 1 && window.cols.outputSize >= 1 else {
      throw TensorError.pooling(
        .outputTooSmall(
          channels: layout.channels, input: Size2D(layout.height, layout.width),
          output: Size2D(window.rows.outputSize, window.cols.outputSize), kernel: kernel))
    }
    let count = try checkedAllocation(
      layout.outputShape(
        channels: layout.channels, height: window.rows.outputSize, width: window.cols.outputSize),
      dtype: .float32, what: what)
    if withIndices {
      // Values and int64 indices together: three times the values' float32 bytes.
      try checkMemoryBudget(elements: count * 3, dtype: .float32, what: what)
    }
    return window
  }

  /// The windows of `conv2d` over `layout` (padding may differ before and after, for 'same'), with
  /// PyTorch's check that the dilated kernel fits in the padded input. The arguments alone are
  /// checked before (`Functional.checkConv2dArguments`).
  static func convolution(
    _ layout: ImageLayout, kernel: Size2D, stride: Size2D, padBegin: Size2D, padEnd: Size2D,
    dilation: Size2D
  ) throws -> Window2D {
    let padded = Size2D(
      layout.height.saturatingAdd(padBegin.height).saturatingAdd(padEnd.height),
      layout.width.saturatingAdd(padBegin.width).saturatingAdd(padEnd.width))
    let effective = Size2D(
      WindowAxis.extent(kernel: kernel.height, dilation: dilation.height),
      WindowAxis.extent(kernel: kernel.width, dilation: dilation.width))
    guard padded.height >= effective.height && padded.width >= effective.width else {
      throw TensorError.convolution(.kernelTooLarge(padded: padded, kernel: effective))
    }
    // The kernels copy each padded input plane once.
    _ = try checkedElementCount([padded.height, padded.width])
    let window = Window2D(
      input: (layout.height, layout.width), kernel: kernel, stride: stride, padBegin: padBegin,
      padEnd: padEnd, dilation: dilation, ceilMode: false)
    _ = try checkedElementCount([window.rows.outputSize, window.cols.outputSize])
    return window
  }

  /// True for 2x2 windows at stride 2 without padding or dilation, all inside the input: the
  /// lecture's pool, which max pooling runs through a kernel of its own.
  var isPlainTwoByTwo: Bool {
    [rows, cols].allSatisfy { axis in
      axis.kernel == 2 && axis.stride == 2 && axis.padBegin == 0 && axis.dilation == 1
        && 2 * axis.outputSize <= axis.inputSize
    }
  }
}
