import DataIO
import Figures

/// The Python exceptions that the layers below the language raise, with PyTorch's classes.
extension PythonException {
  /// The exception lesson code sees for an error thrown by a builtin: the tensor core's, the
  /// layers' and the datasets' errors become PyTorch's classes (their `category`), a request over
  /// the memory budget a `MemoryError`; an exception stays itself.
  init(raisedBy error: Error) {
    switch error {
    case let exception as PythonException:
      self = exception
    case let error as MemoryBudgetError:
      self.init(error)
    case let error as DatasetError:
      self.init(
        ExceptionType(error.category), error.message, notes: error.notes,
        requirement: error.requirement)
    case let error as any PyTorchError:
      self.init(ExceptionType(error.category), error.message, notes: error.notes)
    case let error as FormatError:
      self.init(error)
    case let error as FigureError:
      self.init(ExceptionType(error.kind), error.message, notes: error.note.map { [$0] } ?? [])
    case let error as FileWriteError:
      self.init(.osError, error.description)
    default:
      self.init(.runtimeError, "\(error)")
    }
  }
}

extension ExceptionType {
  /// The Python class of a layer error's category.
  init(_ category: TensorError.Category) {
    switch category {
    case .runtime: self = .runtimeError
    case .index: self = .indexError
    case .value: self = .valueError
    case .type: self = .typeError
    case .memory: self = .memoryError
    case .notImplemented: self = .notImplementedError
    }
  }
}

extension ExceptionType {
  /// The Python class of a figure error.
  init(_ kind: FigureError.Kind) {
    switch kind {
    case .valueError: self = .valueError
    case .typeError: self = .typeError
    case .runtimeError: self = .runtimeError
    }
  }
}

extension DatasetError {
  /// The missing dataset and the folders searched, when the error means it is not on this machine.
  var requirement: Requirement? {
    guard isUnavailable, let search else { return nil }
    return .dataset(name: search.dataset, searched: search.folders)
  }
}
