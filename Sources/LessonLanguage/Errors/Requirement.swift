/// Something a lesson needs that may be missing on a machine, and what a runner does about it.

/// A requirement of lesson code that this machine does not meet. Not a mistake in the lesson: a
/// runner reports the cells that need it as skipped, and the command line says how to provide it.
public enum Requirement: Sendable, Equatable {
  /// A dataset (`MNIST`) that is in none of the `searched` folders and could not be downloaded.
  case dataset(name: String, searched: [String])

  /// What is missing, in a few words (`the MNIST dataset is not on this machine`).
  public var summary: String {
    switch self {
    case .dataset(let name, _):
      name.isEmpty
        ? "the dataset is not on this machine" : "the \(name) dataset is not on this machine"
    }
  }
}

/// How a diagnostic counts in a report.
public enum Disposition: Sendable, Equatable {
  /// Something is wrong: a check fails.
  case failure
  /// Something the code needs is missing here: the cell and those after it are skipped.
  case unavailable(Requirement)
}
