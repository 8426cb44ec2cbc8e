/// Putting the report's data into words where the words depend on the reader: the command line
/// supplies what a user can do about a missing requirement, in its own terms.

/// The explanations renderers use for what the model holds as data (`SkipReason`, `Requirement`).
public struct Explanations: Sendable {
  /// What the reader can do about a missing requirement (`use --data DIR or CNN_LESSON_DATA`), or
  /// nil to say only what is missing.
  public let advice: @Sendable (Requirement) -> String?

  public init(advice: @escaping @Sendable (Requirement) -> String? = { _ in nil }) {
    self.advice = advice
  }

  /// `the dataset is not on this machine (use --data DIR or CNN_LESSON_DATA)`
  public func reason(_ requirement: Requirement) -> String {
    requirement.summary + (advice(requirement).map { " (\($0))" } ?? "")
  }

  /// Why a cell was skipped, in words; nil for a cell the lesson marks as skipped, which needs none.
  public func reason(_ skip: SkipReason) -> String? {
    switch skip {
    case .marked: nil
    case .unavailable(let requirement): reason(requirement)
    case .notRun: "what it depends on failed"
    case .interrupted: "interrupted (Ctrl-C) in an earlier cell"
    }
  }
}
