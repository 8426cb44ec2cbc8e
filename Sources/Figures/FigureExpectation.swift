/// What a lesson's `figure` block expects of a figure, by meaning rather than by pixels.
///
/// # The form
/// One claim a line; blank lines and lines starting with `#` are ignored. Every claim must
/// hold. Words are matched exactly; numbers are decimal.
///
/// Layout and figure texts:
/// - `RxC panels` — the axes form one R-row, C-column grid (as `plt.subplots(R, C)` makes).
/// - `N panels` — the figure has N axes, on any grid.
/// - `RxC panels, each CLAIM` — and every panel satisfies CLAIM (several: `; `-separated),
///   e.g. `2x3 panels, each imshow 24x24`.
/// - `suptitle: TEXT` — the figure's suptitle is TEXT.
/// - `empty` — nothing was drawn.
/// - `animation OP [HxW -> HxW][, kernel K][, stride S][, padding P][, dilation D]` — a
///   convolution or pooling in action (`cnn_lesson.animate`), e.g.
///   `animation max_pool2d 4x4 -> 2x2, stride 2`; see `AnimationClaim`.
///
/// Panel claims, about the figure's only axes, or with several axes about at least one of them;
/// prefix `panel K: ` to name the K-th (counted from 1, row by row, as `subplot` counts):
/// - `imshow HxW [CMAP]` — an image of H rows and W columns (and colormap CMAP);
///   `imshow HxWx3` an RGB image. `imshow 28x28, gray` (the summary's form) is accepted too.
/// - `line[, N points][, decreasing | increasing]` — a `plot` line; decreasing means it ends
///   lower than it starts and its least-squares slope is negative (a noisy loss curve is
///   decreasing), increasing the opposite.
/// - `scatter[, N points]`, `bar[, N bars]`, `hist[, N bins]`.
/// - `title: TEXT`, `xlabel: TEXT`, `ylabel: TEXT` — the text exactly (spaces at the ends
///   ignored).
/// - `legend: A, B` — the legend shows these labels, in order.
/// - `colorbar`, `axis off`.
///
/// `Figure.meaningDescription` writes a figure in this form, so a figure matches its own
/// description; an expectation may say less than the description (`imshow 28x28` matches any
/// colormap).
///
/// # Mismatches
/// `check(_:)` returns one `FigureMismatch` per claim that does not hold, with the claim's
/// line in the block and a message such as `expected imshow 28x28 gray, found imshow 28x28
/// viridis`, `expected 2x3 panels, found 2x2 panels`, `panel 4: expected title: Loss, found
/// no title`, `expected line, 9 points, decreasing, found line, 9 points, increasing`.
public struct FigureExpectation: Equatable, Sendable {
  /// The claims with their 1-based line numbers in the parsed text.
  public let claims: [(line: Int, claim: FigureClaim)]

  /// Parses the form above; throws at the first line it cannot read.
  public init(parsing text: String) throws(FigureExpectationError) {
    var claims: [(Int, FigureClaim)] = []
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.trimmingSpaces
      guard !line.isEmpty, !line.hasPrefix("#") else { continue }
      let column = rawLine.prefix { $0 == " " || $0 == "\t" }.count + 1
      do {
        claims.append((offset + 1, try FigureExpectation.parseClaim(line)))
      } catch {
        throw FigureExpectationError(
          line: offset + 1, column: column, message: error.message, note: error.note)
      }
    }
    self.claims = claims
  }

  /// Equal when the claims and their lines are.
  public static func == (lhs: FigureExpectation, rhs: FigureExpectation) -> Bool {
    lhs.claims.count == rhs.claims.count
      && zip(lhs.claims, rhs.claims).allSatisfy { $0.line == $1.line && $0.claim == $1.claim }
  }

  /// The claims that do not hold for `figure`.
  public func check(_ figure: Figure) -> [FigureMismatch] {
    claims.flatMap { line, claim in
      FigureExpectation.mismatches(of: claim, in: figure).map {
        FigureMismatch(line: line, message: $0)
      }
    }
  }

  /// The mismatch messages for `figure` (empty when it matches).
  public func mismatches(in figure: Figure) -> [String] { check(figure).map(\.message) }

  /// Whether every claim holds for `figure`.
  public func matches(_ figure: Figure) -> Bool { check(figure).isEmpty }
}

/// A claim that does not hold: its line in the expectation and what differs.
public struct FigureMismatch: Equatable, Sendable {
  /// 1-based line of the claim in the expectation text.
  public let line: Int
  /// `expected ..., found ...`.
  public let message: String
}

/// An expectation line that cannot be read, located in the expectation text.
public struct FigureExpectationError: Error, Equatable, Sendable, CustomStringConvertible {
  /// 1-based line in the expectation text.
  public let line: Int
  /// 1-based column where the claim starts.
  public let column: Int
  /// What is wrong.
  public let message: String
  /// What to write instead.
  public let note: String?

  /// `line:column: message`.
  public var description: String { "\(line):\(column): \(message)" }
}

extension Substring {
  var trimmingSpaces: String {
    String(
      drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop {
        $0 == " " || $0 == "\t" || $0 == "\r"
      }.reversed())
  }
}

extension String {
  var trimmingSpaces: String { self[...].trimmingSpaces }
}
