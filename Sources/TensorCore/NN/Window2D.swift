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
  static func outputSize(
    input: Int, kernel: Int, stride: Int, padBegin: Int, padEnd: Int, dilation: Int, ceilMode: Bool
  ) -> Int {
    let span = input + padBegin + padEnd - dilation * (kernel - 1) - 1
    let rounded = ceilMode ? span + stride - 1 : span
    // Floor division, also for negative spans (PyTorch's div_rtn).
    var size = (rounded >= 0 ? rounded / stride : -((-rounded + stride - 1) / stride)) + 1
    if ceilMode && (size - 1) * stride >= input + padBegin { size -= 1 }
    return size
  }

  /// The input coordinate read by tap `k` of window `o`, or -1 when it falls in the padding.
  func coordinate(window o: Int, tap k: Int) -> Int {
    let i = o * stride - padBegin + k * dilation
    return i >= 0 && i < inputSize ? i : -1
  }

  /// The number of positions window `o` covers inside the input plus its padding (avg pool's
  /// `count_include_pad` divisor); assumes dilation 1.
  func paddedExtent(window o: Int) -> Int {
    let start = o * stride - padBegin
    return min(start + kernel, inputSize + padEnd) - start
  }

  /// The number of positions window `o` covers inside the input alone; assumes dilation 1.
  func clippedExtent(window o: Int) -> Int {
    let start = o * stride - padBegin
    return min(start + kernel, inputSize) - max(start, 0)
  }
}

/// The windows of a 2-D convolution or pooling over `H` x `W` planes.
struct Window2D {
  let rows: WindowAxis
  let cols: WindowAxis

  var kernelCount: Int { rows.kernel * cols.kernel }
  var outputCount: Int { rows.outputSize * cols.outputSize }

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

// MARK: - Checked construction

extension Window2D {
  /// The layout of a pooling input: 3-D or 4-D with non-empty channels, height and width.
  static func poolingLayout(_ shape: [Int]) throws -> ImageLayout {
    guard let layout = ImageLayout(shape),
      layout.channels > 0 && layout.height > 0 && layout.width > 0
    else {
      throw TensorError(
        "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:"
          + shapeText(shape),
        notes: ["pooling takes (C, H, W) or (N, C, H, W) images"])
    }
    return layout
  }

  /// The windows of `max_pool2d` / `avg_pool2d` over `layout`, with PyTorch's argument checks.
  static func pooling(
    _ layout: ImageLayout, kernel: Size2D, stride: Size2D, padding: Size2D, dilation: Size2D,
    ceilMode: Bool
  ) throws -> Window2D {
    guard kernel.height > 0 && kernel.width > 0 else {
      throw TensorError(
        "kernel size should be greater than zero, but got kH: \(kernel.height) kW: \(kernel.width)")
    }
    guard stride.height > 0 && stride.width > 0 else {
      throw TensorError(
        "stride should be greater than zero, but got dH: \(stride.height) dW: \(stride.width)")
    }
    guard dilation.height > 0 && dilation.width > 0 else {
      throw TensorError(
        "dilation should be greater than zero, but got dilationH: \(dilation.height) "
          + "dilationW: \(dilation.width)")
    }
    for (p, k, d) in [
      (padding.height, kernel.height, dilation.height),
      (padding.width, kernel.width, dilation.width),
    ] {
      guard p >= 0 else { throw TensorError("pad must be non-negative, but got pad: \(p)") }
      guard p <= ((k - 1) * d + 1) / 2 else {
        throw TensorError(
          "pad should be at most half of effective kernel size, but got pad=\(p), kernel_size=\(k) "
            + "and dilation=\(d)",
          notes: [
            "padding \(p) would let a window lie entirely in the padding; use at most \(((k - 1) * d + 1) / 2)"
          ])
      }
    }
    let window = Window2D(
      input: (layout.height, layout.width), kernel: kernel, stride: stride, padBegin: padding,
      padEnd: padding, dilation: dilation, ceilMode: ceilMode)
    guard window.rows.outputSize >= 1 && window.cols.outputSize >= 1 else {
      throw TensorError(
        "Given input size: (\(layout.channels)x\(layout.height)x\(layout.width)). Calculated output "
          + "size: (\(layout.channels)x\(window.rows.outputSize)x\(window.cols.outputSize)). "
          + "Output size is too small",
        notes: [
          "a \(kernel.height)x\(kernel.width) window does not fit in a \(layout.height)x\(layout.width) "
            + "image; use a smaller kernel, more padding, or a larger input"
        ])
    }
    return window
  }

  /// The windows of `conv2d` over `layout` (padding may differ before and after, for 'same'), with
  /// PyTorch's argument checks.
  static func convolution(
    _ layout: ImageLayout, kernel: Size2D, stride: Size2D, padBegin: Size2D, padEnd: Size2D,
    dilation: Size2D
  ) throws -> Window2D {
    guard stride.height > 0 && stride.width > 0 else {
      throw TensorError("non-positive stride is not supported")
    }
    guard min(padBegin.height, padBegin.width, padEnd.height, padEnd.width) >= 0 else {
      throw TensorError("negative padding is not supported")
    }
    guard dilation.height > 0 && dilation.width > 0 else {
      throw TensorError("dilation should be greater than zero")
    }
    let padded = (
      layout.height + padBegin.height + padEnd.height, layout.width + padBegin.width + padEnd.width
    )
    let effective = (
      dilation.height * (kernel.height - 1) + 1, dilation.width * (kernel.width - 1) + 1
    )
    guard padded.0 >= effective.0 && padded.1 >= effective.1 else {
      throw TensorError(
        "Calculated padded input size per channel: (\(padded.0) x \(padded.1)). Kernel size: "
          + "(\(effective.0) x \(effective.1)). Kernel size can't be greater than actual input size",
        notes: [
          "the \(effective.0)x\(effective.1) kernel does not fit in the \(padded.0)x\(padded.1) "
            + "padded input; add padding or use a smaller kernel"
        ])
    }
    return Window2D(
      input: (layout.height, layout.width), kernel: kernel, stride: stride, padBegin: padBegin,
      padEnd: padEnd, dilation: dilation, ceilMode: false)
  }
}
