/// The Python exceptions that the layers below the language raise, with PyTorch's classes.
extension PythonException {
  /// The exception lesson code sees for an error thrown by a builtin: the tensor core's and the
  /// datasets' errors become PyTorch's classes; an exception stays itself.
  init(raisedBy error: Error) {
    switch error {
    case let exception as PythonException:
      self = exception
    case let error as DatasetError:
      let type: ExceptionType =
        switch error.kind {
        case .runtimeError: .runtimeError
        case .indexError: .indexError
        case .typeError: .typeError
        case .valueError: .valueError
        }
      self.init(type, error.message, notes: error.notes)
      if let requirement = error.requirement { self.requirement = requirement }
    case let error as TensorError:
      self.init(.runtimeError, error.message, notes: error.notes)
    case let error as FormatError:
      self.init(error)
    default:
      self.init(.runtimeError, "\(error)")
    }
  }
}

extension DatasetError {
  /// The missing dataset, when the error means it is not on this machine.
  var requirement: Requirement? {
    guard isUnavailable else { return nil }
    return .dataset(name: "", searched: [])
  }
}
