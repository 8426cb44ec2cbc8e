/// 2-D max pooling (`F.max_pool2d`), with the argmax indices PyTorch returns on request.

extension Functional {
  /// 2-D max pooling over NCHW images, as `torch.nn.functional.max_pool2d`:
  ///
  ///     out[n, c, oy, ox] = max over ky, kx of input[n, c, oy*sh - ph + ky*dh, ox*sw - pw + kx*dw]
  ///
  /// where the padding counts as -inf (it is never the maximum); NaN propagates.
  ///
  /// Shapes: `input (N, C, H, W)` or `(C, H, W)` -> `(N, C, OH, OW)` or `(C, OH, OW)`, with
  /// `OH = floor((H + 2*ph - dh*(KH - 1) - 1) / sh) + 1` (ceil instead of floor with `ceilMode`, as
  /// long as the last window starts inside the input or the top padding); likewise `OW`.
  /// `stride` defaults to `kernelSize`. Padding may be at most half the effective kernel size.
  /// The result's grad_fn is `MaxPool2DWithIndicesBackward0`.
  public static func maxPool2d(
    _ input: Tensor, kernelSize: Size2D, stride: Size2D? = nil, padding: Size2D = Size2D(0),
    dilation: Size2D = Size2D(1), ceilMode: Bool = false
  ) throws -> Tensor {
    try maxPool2dWithIndices(
      input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
      ceilMode: ceilMode
    ).output
  }

  /// `maxPool2d` that also returns where each maximum came from (`return_indices=True`): an int64
  /// tensor shaped like the output holding the flat index `iy * W + ix` within the input plane.
  /// Ties go to the first window position in row-major order.
  public static func maxPool2dWithIndices(
    _ input: Tensor, kernelSize: Size2D, stride: Size2D? = nil, padding: Size2D = Size2D(0),
    dilation: Size2D = Size2D(1), ceilMode: Bool = false
  ) throws -> (output: Tensor, indices: Tensor) {
    let layout = try Window2D.poolingLayout(input.shape)
    let window = try Window2D.pooling(
      layout, kernel: kernelSize, stride: stride ?? kernelSize, padding: padding,
      dilation: dilation, ceilMode: ceilMode, what: "max_pool2d", withIndices: true)
    try requireFloat(input, "max_pool2d")
    let planes = layout.batch * layout.channels
    let planeSize = layout.height * layout.width
    let (values, indices) = maxPool2dForward(
      window, planes: planes, planeSize: planeSize, input: input.floats)
    let shape = layout.outputShape(
      channels: layout.channels, height: window.rows.outputSize, width: window.cols.outputSize)
    let output = Tensor.result(
      shape: shape, floats: values, name: "MaxPool2DWithIndicesBackward0", inputs: [input]
    ) { gradOutput in
      [maxPool2dBackward(gradOutput, indices: indices, planes: planes, planeSize: planeSize)]
    }
    return (output, Tensor(shape: shape, ints: indices))
  }

  /// The maximum of every window of every plane, and its flat index in the plane.
  ///
  /// Walks each window directly (no gather table) over the taps `Window2D` says read the input,
  /// eight planes at a time in SIMD lanes: every lane shares the window geometry, so padding skips
  /// whole taps and the comparisons become blends instead of unpredictable branches. Plain 2x2
  /// windows at stride 2 (the lecture's pool) go four windows of a row at a time instead. Taps go
  /// in row-major window order, so ties go to the first. `naiveMaxPool2dForward` is its oracle.
  static func maxPool2dForward(
    _ window: Window2D, planes: Int, planeSize: Int, input x: [Float]
  ) -> (values: [Float], indices: [Int64]) {
    let count = planes * window.outputCount
    // Every kernel below writes every output, so neither buffer is initialised first.
    var values: [Float] = []
    let indices = [Int64](unsafeUninitializedCapacity: count) { indices, indicesWritten in
      values = [Float](unsafeUninitializedCapacity: count) { values, initialized in
        x.withUnsafeBufferPointer { x in
          guard let x = x.baseAddress, let v = values.baseAddress, let i = indices.baseAddress
          else { return }
          let lanes = planeSize <= Int(Int32.max) ? planes / 8 * 8 : 0
          let twoByTwo = window.isPlainTwoByTwo && planeSize <= Int(Int32.max)
          // Two threads for a large batch, each an equal share of the planes (of 8-plane groups).
          let work = count * window.kernelCount
          let workers = work >= 1 << 17 && (twoByTwo ? planes >= 2 : lanes >= 16) ? 2 : 1
          let split = twoByTwo ? planes / 2 : lanes / 16 * 8
          // The 2x2 kernel needs no tap tables: its windows lie wholly inside the input.
          let taps = twoByTwo ? nil : window.inputTaps()
          runConcurrently(workers) { worker in
            if twoByTwo {
              let share = workers == 1 ? 0..<planes : worker == 0 ? 0..<split : split..<planes
              for plane in share {
                maxPool2x2Plane(window, x + plane * planeSize, v, i, first: plane)
              }
              return
            }
            guard let taps else { return }
            let groups = workers == 1 ? 0..<lanes : worker == 0 ? 0..<split : split..<lanes
            for plane in stride(from: groups.lowerBound, to: groups.upperBound, by: 8) {
              maxPoolPlanes(taps, x + plane * planeSize, planeSize, v, i, first: plane)
            }
            guard worker == workers - 1 else { return }
            for plane in lanes..<planes {
              maxPoolPlane(taps, x + plane * planeSize, v, i, first: plane)
            }
          }
        }
        initialized = count
      }
      indicesWritten = count
    }
    return (values, indices)
  }

  /// Routes each output gradient to the input element that was the maximum (`+=`, since windows
  /// can overlap).
  static func maxPool2dBackward(
    _ dy: [Float], indices: [Int64], planes: Int, planeSize: Int
  ) -> [Float] {
    // dy and indices: (planes, P); dx: (planes, H*W). One thread: splitting this between two
    // measured four times slower (both fault in pages of the fresh result at once).
    let p = planes == 0 ? 0 : dy.count / planes
    var dx = [Float](repeating: 0, count: planes * planeSize)
    dy.withUnsafeBufferPointer { dy in
      indices.withUnsafeBufferPointer { indices in
        dx.withUnsafeMutableBufferPointer { dx in
          guard let dx = dx.baseAddress, let g = dy.baseAddress, let at = indices.baseAddress
          else { return }
          for plane in 0..<planes {
            let (grads, targets, out) = (g + plane * p, at + plane * p, dx + plane * planeSize)
            for pos in 0..<p where targets[pos] >= 0 { out[Int(targets[pos])] += grads[pos] }
          }
        }
      }
    }
    return dx
  }
}

// MARK: - Max-pool kernels

/// One plane: `values[first*P + o]` and `indices[...]` for its P = OH*OW windows.
/// Legend: H x W plane; window (oy, ox) reads rows `taps.rows[oy]`, columns `taps.cols[ox]`.
private func maxPoolPlane(
  _ taps: WindowTaps2D, _ input: UnsafePointer<Float>, _ values: UnsafeMutablePointer<Float>,
  _ indices: UnsafeMutablePointer<Int64>, first plane: Int
) {
  let (w, dy, dx) = (taps.inputWidth, taps.rowDilation, taps.colDilation)
  var o = plane * taps.rows.count * taps.cols.count
  for row in taps.rows {
    for col in taps.cols {
      var (best, bestIndex) = (-Float.infinity, -1)
      for ky in row.taps {
        let iy = row.start + ky * dy
        for kx in col.taps {
          let at = iy * w + col.start + kx * dx
          let v = input[at]
          // PyTorch's rule: take v if it is larger or NaN, so NaN propagates.
          if bestIndex < 0 || v > best || v.isNaN { (best, bestIndex) = (v, at) }
        }
      }
      (values[o], indices[o]) = (best, Int64(bestIndex))
      o += 1
    }
  }
}

/// Eight consecutive planes at once, one per SIMD lane, same rule as `maxPoolPlane`.
private func maxPoolPlanes(
  _ taps: WindowTaps2D, _ input: UnsafePointer<Float>, _ planeSize: Int,
  _ values: UnsafeMutablePointer<Float>, _ indices: UnsafeMutablePointer<Int64>, first plane: Int
) {
  let (w, dy, dx) = (taps.inputWidth, taps.rowDilation, taps.colDilation)
  let p = taps.rows.count * taps.cols.count
  var o = 0
  for row in taps.rows {
    for col in taps.cols {
      var best = SIMD8<Float>(repeating: -.infinity)
      var bestIndex = SIMD8<Int32>(repeating: -1)
      var started = false
      for ky in row.taps {
        let iy = row.start + ky * dy
        for kx in col.taps {
          let offset = iy * w + col.start + kx * dx
          var v = SIMD8<Float>()
          for lane in 0..<8 { v[lane] = input[lane * planeSize + offset] }
          let index = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: offset))
          if !started {
            (best, bestIndex, started) = (v, index, true)
            continue
          }
          // Two single-mask blends (larger, then NaN); combining masks would go lane by lane.
          let larger = v .> best
          best.replace(with: v, where: larger)
          bestIndex.replace(with: index, where: larger)
          let nan = v .!= v
          best.replace(with: v, where: nan)
          bestIndex.replace(with: index, where: nan)
        }
      }
      for lane in 0..<8 {
        values[(plane + lane) * p + o] = best[lane]
        indices[(plane + lane) * p + o] = Int64(bestIndex[lane])
      }
      o += 1
    }
  }
}

/// 2x2 windows at stride 2 (`Window2D.isPlainTwoByTwo`) over one plane, four windows of an output
/// row per pass: the two input rows are loaded eight elements at a time and split into even
/// (left) and odd (right) taps. Legend: H x W plane; OH x OW windows; window (oy, ox) covers rows
/// `rows.start(oy)` and the next, columns `cols.start(ox)` and the next.
private func maxPool2x2Plane(
  _ window: Window2D, _ input: UnsafePointer<Float>, _ values: UnsafeMutablePointer<Float>,
  _ indices: UnsafeMutablePointer<Int64>, first plane: Int
) {
  let (rows, cols) = (window.rows, window.cols)
  let (oh, ow, w) = (rows.outputSize, cols.outputSize, cols.inputSize)
  // Four windows side by side start 2 columns apart: their left taps are lanes 0, 2, 4, 6.
  let lanes = SIMD4<Int32>(0, 2, 4, 6)
  var o = plane * oh * ow
  for oy in 0..<oh {
    let top = rows.start(window: oy) * w
    var ox = 0
    while ox + 4 <= ow {
      let left = top + cols.start(window: ox)
      let upper = UnsafeRawPointer(input + left).loadUnaligned(as: SIMD8<Float>.self)
      let lower = UnsafeRawPointer(input + left + w).loadUnaligned(as: SIMD8<Float>.self)
      var best = upper.evenHalf
      var index = SIMD4<Int32>(repeating: Int32(truncatingIfNeeded: left)) &+ lanes
      let first = index
      // Same rule as the other kernels, tap by tap: take a larger value, then a NaN.
      considerTap(upper.oddHalf, at: first &+ 1, &best, &index)
      considerTap(lower.evenHalf, at: first &+ Int32(truncatingIfNeeded: w), &best, &index)
      considerTap(lower.oddHalf, at: first &+ Int32(truncatingIfNeeded: w + 1), &best, &index)
      UnsafeMutableRawPointer(values + o).storeBytes(of: best, as: SIMD4<Float>.self)
      for lane in 0..<4 { indices[o + lane] = Int64(index[lane]) }
      (o, ox) = (o + 4, ox + 4)
    }
    for x in ox..<ow {
      let left = top + cols.start(window: x)
      var (best, bestIndex) = (input[left], left)
      for (dy, dx) in [(0, 1), (1, 0), (1, 1)] {
        let at = left + dy * w + dx
        let v = input[at]
        if v > best || v.isNaN { (best, bestIndex) = (v, at) }
      }
      (values[o], indices[o]) = (best, Int64(bestIndex))
      o += 1
    }
  }
}

/// One tap of four windows: lanes where `tap` is larger, or NaN, take its value and index.
@inline(__always)
private func considerTap(
  _ tap: SIMD4<Float>, at index: SIMD4<Int32>, _ best: inout SIMD4<Float>,
  _ bestIndex: inout SIMD4<Int32>
) {
  let larger = tap .> best
  best.replace(with: tap, where: larger)
  bestIndex.replace(with: index, where: larger)
  let nan = tap .!= tap
  best.replace(with: tap, where: nan)
  bestIndex.replace(with: index, where: nan)
}
