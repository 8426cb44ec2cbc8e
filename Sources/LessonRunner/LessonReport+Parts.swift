/// The pieces of a cell's rendering, shared by the whole-report text and the live display.
extension LessonReport {
  /// `--- lessons/08.md:12 (cell 3)`
  public func header(for cell: LessonCell, color: Bool = false) -> String {
    let text = "--- \(lesson.file.path):\(cell.fence.line) (cell \(cell.index + 1))"
    return color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }

  /// `ok`, `skipped`, or `FAILED` and the rendered mismatch or error.
  public func verdict(for outcome: CellOutcome, color: Bool = false) -> String {
    func paint(_ code: String, _ text: String) -> String {
      color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    switch outcome.status {
    case .skipped(let reason?):
      let shown = outcome.error.map { "\n" + $0.rendered(color: color) } ?? ""
      return paint("1;33", "skipped: \(reason)") + shown
    case .skipped(nil): return paint("2", "skipped")
    case .ran, .passed: return paint("1;32", "ok")
    case .failed(let failure):
      return paint("1;31", "FAILED") + "\n" + failure.diagnostic.rendered(color: color)
    }
  }
}
