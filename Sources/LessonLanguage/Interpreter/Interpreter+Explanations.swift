// MARK: - Explanations added to errors

/// The last `view` / `reshape` / `flatten` that folded an image batch into rows, remembered so a
/// following size mismatch can say where its feature count comes from (320 = 20 x 4 x 4).
struct FlattenRecord {
  weak var result: Tensor?
  let sourceShape: [Int]
  let span: SourceSpan?
}

extension Interpreter {
  /// Remembers that `result` is `source` flattened to rows.
  func recordFlatten(of source: Tensor, into result: Tensor) {
    guard source.rank > 2, result.rank == 2, source.shape.first == result.shape.first else {
      return
    }
    lastFlatten = FlattenRecord(result: result, sourceShape: source.shape, span: currentSpan)
  }

  /// Adds to a size-mismatch error (a linear layer's, or a matrix-vector product's) a note on how
  /// the input's feature count was formed, when the input is the last flattened tensor.
  func explained(_ error: TensorError, arguments: Arguments) -> Error {
    guard error.isFeatureSizeMismatch, let record = lastFlatten,
      let flattened = record.result,
      arguments.positional.contains(where: {
        if case .tensor(let t) = $0 { return t === flattened } else { return false }
      })
    else { return error }
    let features = record.sourceShape.dropFirst()
    let product = features.map(String.init).joined(separator: " x ")
    var explanation = PythonException(raisedBy: error)
    let place = record.span.map { " at \($0)" } ?? ""
    explanation.notes.append(
      "\(flattened.shape[1]) = \(product): the \(shapeText(record.sourceShape)) tensor was flattened to "
        + "\(shapeText(flattened.shape))\(place) (\(features.first ?? 0) channels of \(features.dropFirst().map(String.init).joined(separator: "x")))"
    )
    return explanation
  }
}

extension TensorError {
  /// True for `linear`'s feature-count mismatch and for a matrix-vector product's.
  fileprivate var isFeatureSizeMismatch: Bool {
    switch self {
    case .linear(.shapeMismatch): true
    case .matmul(.shapeMismatch(let lhs, let rhs)): lhs.count == 2 && rhs.count == 1
    default: false
    }
  }
}
