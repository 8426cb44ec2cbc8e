extension Explanations {
  /// The command line's explanations: what to do about a missing requirement, in terms of its
  /// options and variables.
  static let commandLine = Explanations { requirement in
    switch requirement {
    case .dataset: "use --data DIR or CNN_LESSON_DATA"
    }
  }
}
