/// Strided copies: the one pair of kernels behind broadcasting, `expand`, `permute`, `transpose`,
/// slicing and `sumToShape`.
///
/// A strided view of a flat buffer is `(shape, strides, offset)`: element `(i0, i1, ...)` of the view
/// is `source[offset + i0 * strides[0] + i1 * strides[1] + ...]`. A stride of 0 repeats an element
/// (broadcasting). `stridedGather` copies a view out into a contiguous buffer; `stridedScatterAdd` is
/// its adjoint: it adds a contiguous buffer back into the viewed positions (`+=`, so repeated
/// positions accumulate, which is exactly the backward of a broadcast).

/// Copies the view `(shape, strides, offset)` of `source` into a new row-major buffer.
///
/// Legend: rows = all dims but the last, inner = last dim (stride `strides.last`); an inner stride
/// of 1 copies whole runs, 0 repeats one value.
func stridedGather<T>(_ source: [T], shape: [Int], strides: [Int], offset: Int) -> [T] {
  let total = elementCount(shape)
  guard total > 0 else { return [] }
  guard let inner = shape.last, let innerStride = strides.last else { return [source[offset]] }
  var output = [T]()
  output.reserveCapacity(total)
  source.withUnsafeBufferPointer { src in
    forEachRow(shape: shape, strides: strides, offset: offset) { start in
      if innerStride == 1 {
        output.append(contentsOf: src[start..<(start + inner)])
      } else if innerStride == 0 {
        output.append(contentsOf: repeatElement(src[start], count: inner))
      } else {
        for j in 0..<inner { output.append(src[start + j * innerStride]) }
      }
    }
  }
  return output
}

/// Adds the row-major `values` (of `shape`) into the view `(shape, strides, offset)` of `target`:
/// the adjoint of `stridedGather`.
func stridedScatterAdd(
  _ values: [Float], into target: inout [Float], shape: [Int], strides: [Int], offset: Int
) {
  guard elementCount(shape) > 0 else { return }
  guard let inner = shape.last, let innerStride = strides.last else {
    target[offset] += values[0]
    return
  }
  values.withUnsafeBufferPointer { src in
    target.withUnsafeMutableBufferPointer { dst in
      var read = 0
      forEachRow(shape: shape, strides: strides, offset: offset) { start in
        if innerStride == 0 {
          var total: Float = 0
          for j in 0..<inner { total += src[read + j] }
          dst[start] += total
        } else {
          for j in 0..<inner { dst[start + j * innerStride] += src[read + j] }
        }
        read += inner
      }
    }
  }
}

/// Calls `body` with the source offset of the first element of each row (last dim) of the view,
/// rows in row-major order. `shape` must have rank >= 1 and no zero sizes.
func forEachRow(shape: [Int], strides: [Int], offset: Int, _ body: (Int) -> Void) {
  let outerRank = shape.count - 1
  var counter = [Int](repeating: 0, count: outerRank)
  var start = offset
  while true {
    body(start)
    // Odometer step over the outer dims, last fastest.
    var axis = outerRank - 1
    while axis >= 0 {
      counter[axis] += 1
      start += strides[axis]
      if counter[axis] < shape[axis] { break }
      start -= strides[axis] * shape[axis]
      counter[axis] = 0
      axis -= 1
    }
    if axis < 0 { return }
  }
}

/// The flat offsets of every element of the view, row-major (for gathers by index lists).
func stridedOffsets(shape: [Int], strides: [Int], offset: Int) -> [Int] {
  guard elementCount(shape) > 0 else { return [] }
  guard let inner = shape.last, let innerStride = strides.last else { return [offset] }
  var offsets = [Int]()
  offsets.reserveCapacity(elementCount(shape))
  forEachRow(shape: shape, strides: strides, offset: offset) { start in
    for j in 0..<inner { offsets.append(start + j * innerStride) }
  }
  return offsets
}
