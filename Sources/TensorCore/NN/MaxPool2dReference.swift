/// Max pooling through the gather table, the reference the direct kernel is tested against.

extension Functional {
  /// The maximum of every window of every plane and its flat index in the plane, through the
  /// gather table one tap at a time: the oracle `maxPool2dForward` is tested against.
  static func naiveMaxPool2dForward(
    _ window: Window2D, planes: Int, planeSize: Int, input x: [Float]
  ) -> (values: [Float], indices: [Int64]) {
    // planes = N*C; planeSize = H*W; P = OH*OW positions; KK = KH*KW taps per window.
    let (p, kk) = (window.outputCount, window.kernelCount)
    let offsets = window.gatherOffsets()
    var values = [Float](repeating: -.infinity, count: planes * p)
    // -1 until a window's first in-bounds tap; every window has one (padding <= half the kernel).
    var indices = [Int64](repeating: -1, count: planes * p)
    x.withUnsafeBufferPointer { x in
      offsets.withUnsafeBufferPointer { offsets in
        values.withUnsafeMutableBufferPointer { values in
          indices.withUnsafeMutableBufferPointer { indices in
            for plane in 0..<planes {
              let (inBase, outBase) = (plane * planeSize, plane * p)
              for tap in 0..<kk {
                for pos in 0..<p {
                  let offset = offsets[tap * p + pos]
                  if offset < 0 { continue }
                  let v = x[inBase + offset]
                  let o = outBase + pos
                  // Same rule as PyTorch: take v if it is larger or NaN, so NaN propagates.
                  if indices[o] < 0 || v > values[o] || v.isNaN {
                    values[o] = v
                    indices[o] = Int64(offset)
                  }
                }
              }
            }
          }
        }
      }
    }
    return (values, indices)
  }
}
