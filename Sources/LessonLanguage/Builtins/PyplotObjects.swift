/// The objects `matplotlib.pyplot` hands lesson code (figures, axes, arrays of axes, images and
/// the small return values of drawing calls) and pyplot's state: the open figures and the
/// current one, held by each interpreter.

import Figures

/// A figure as lesson code holds it (`fig = plt.figure()`): drawing changes it in place, and
/// its axes refer to it. The value the run collects is a copy (`figure`) taken at `show()`.
final class FigureObject: HostObject {
  var figure: Figure
  /// What its images and lines hold, charged to the budget in force when they were drawn.
  private var charges: [(budget: MemoryBudget, bytes: Int)] = []

  init(_ figure: Figure) { self.figure = figure }

  deinit {
    for charge in charges { charge.budget.release(charge.bytes) }
  }

  var typeName: String { "Figure" }
  var methodNamespace: String? { "matplotlib.figure.Figure" }
  var text: String {
    let (width, height) = figure.pixelSize
    let count = figure.axes.count
    return "<Figure size \(width)x\(height) with \(count) Axes>"
  }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    switch name {
    case "number": .int(figure.number)
    case "axes": .list(ListStorage(figure.axes.indices.map { .object(AxesObject(self, $0)) }))
    default: nil
    }
  }

  /// Counts `values` numbers (8 bytes each) against the memory budget in force, or throws
  /// `MemoryError` when they do not fit.
  func charge(values: Int, what: String) throws {
    guard let budget = MemoryBudget.current else { return }
    let (product, overflow) = values.multipliedReportingOverflow(by: 8)
    let bytes = overflow ? Int.max : product
    try budget.check(adding: bytes, what: what, elements: values)
    budget.charge(bytes)
    charges.append((budget, bytes))
  }
}

/// One axes of a figure (`ax` of `fig, ax = plt.subplots()`), by its index in the figure.
final class AxesObject: HostObject {
  let owner: FigureObject
  let index: Int

  init(_ owner: FigureObject, _ index: Int) {
    self.owner = owner
    self.index = index
  }

  var typeName: String { "Axes" }
  var methodNamespace: String? { "matplotlib.axes.Axes" }
  var text: String {
    guard let title = owner.figure.axes[index].title else { return "<Axes: >" }
    return "<Axes: title={'center': \(pythonStringRepr(title))}>"
  }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    name == "figure" ? .object(owner) : nil
  }

  /// Changes the axes in place.
  func update<R>(_ body: (inout Axes) throws -> R) rethrows -> R {
    try body(&owner.figure.axes[index])
  }

  var axes: Axes { owner.figure.axes[index] }
}

/// The array of axes `plt.subplots(nrows, ncols)` returns: NumPy's object array, 1-D or 2-D as
/// matplotlib's `squeeze` makes it, indexed `axes[i]`, `axes[i, j]` or `axes[i][j]`, with
/// `flat`, `flatten()`, `ravel()`, `shape` and `len()`.
final class AxesArray: IterableObject, SubscriptableObject {
  let items: [AxesObject]
  let shape: [Int]

  init(_ items: [AxesObject], shape: [Int]) {
    self.items = items
    self.shape = shape
  }

  var typeName: String { "numpy.ndarray" }
  var methodNamespace: String? { "numpy.ndarray" }
  var length: Int? { shape.first }
  var text: String {
    func row(_ part: ArraySlice<AxesObject>) -> String {
      "[" + part.map(\.text).joined(separator: ", ") + "]"
    }
    guard shape.count == 2, let columns = shape.last, columns > 0 else {
      return "array(\(row(items[...])), dtype=object)"
    }
    let rows = stride(from: 0, to: items.count, by: columns).map {
      row(items[$0..<min($0 + columns, items.count)])
    }
    return "array([" + rows.joined(separator: ",\n       ") + "], dtype=object)"
  }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    switch name {
    case "shape": .tuple(shape.map { .int($0) })
    case "flat": .object(AxesArray(items, shape: [items.count]))
    case "size": .int(items.count)
    case "ndim": .int(shape.count)
    default: nil
    }
  }

  func makeIterator() throws -> ValueIterator {
    ArrayIterator(try (0..<(shape.first ?? 0)).map { try element($0) })
  }

  func item(_ index: Value, interpreter: Interpreter) throws -> Value {
    if case .tuple(let parts) = index {
      guard parts.count <= shape.count else {
        throw PythonException.index(
          "too many indices for array: array is \(shape.count)-dimensional, but "
            + "\(parts.count) were indexed")
      }
      var value = Value.object(self)
      for part in parts {
        guard case .object(let array as AxesArray) = value else { break }
        value = try array.element(try indexValue(part))
      }
      return value
    }
    return try element(try indexValue(index))
  }

  /// `axes[i]` along the first dimension: an axes of a 1-D array, a row of a 2-D one.
  func element(_ index: Int) throws -> Value {
    let count = shape.first ?? 0
    guard index >= -count, index < count else {
      throw PythonException.index(
        "index \(index) is out of bounds for axis 0 with size \(count)")
    }
    let position = index < 0 ? index + count : index
    guard shape.count == 2 else { return .object(items[position]) }
    let columns = shape[1]
    let start = position * columns
    return .object(AxesArray(Array(items[start..<(start + columns)]), shape: [columns]))
  }
}

/// `AxesImage`, what `imshow` returns (for `colorbar(im)`).
final class ImageObject: HostObject {
  let axes: AxesObject
  let image: ImageArtist

  init(_ axes: AxesObject, _ image: ImageArtist) {
    self.axes = axes
    self.image = image
  }

  var typeName: String { "AxesImage" }
  var text: String { "<matplotlib.image.AxesImage object>" }
}

/// The small objects drawing calls return, shown as matplotlib shows them: `Text(0.5, 1.0,
/// 'Loss')`, `<matplotlib.lines.Line2D object>`, `<BarContainer object of 3 artists>`.
final class PlotResultObject: HostObject {
  let typeName: String
  let text: String

  init(typeName: String, text: String) {
    self.typeName = typeName
    self.text = text
  }

  /// `Text(x, y, 'text')`, what `title`, `xlabel`, `ylabel` and `suptitle` return.
  static func text(_ x: String, _ y: String, _ text: String) -> Value {
    .object(PlotResultObject(typeName: "Text", text: "Text(\(x), \(y), \(pythonStringRepr(text)))"))
  }

  /// `<module.Class object>`.
  static func object(_ qualifiedName: String) -> Value {
    let typeName = String(qualifiedName.split(separator: ".").last ?? "")
    return .object(PlotResultObject(typeName: typeName, text: "<\(qualifiedName) object>"))
  }
}

/// pyplot's state for one interpreter: the open figures, in the order they were made, and the
/// current one. A figure is closed once shown (as Jupyter's inline backend closes it), so
/// numbers start again from 1, as in a notebook.
struct PyplotState {
  private(set) var open: [FigureObject] = []
  private(set) var current: FigureObject?

  /// `plt.figure(num, figsize=, dpi=)`: the open figure `num` made current, or a new one
  /// numbered `num` (or one past the highest open number).
  mutating func figure(
    number: Int? = nil, size: (width: Double, height: Double)?, dpi: Double?
  ) throws -> FigureObject {
    if let number, let existing = open.first(where: { $0.figure.number == number }) {
      current = existing
      return existing
    }
    let next = number ?? ((open.map(\.figure.number).max() ?? 0) + 1)
    let figure = try Figure(
      number: next, width: size?.width ?? 6.4, height: size?.height ?? 4.8, dpi: dpi ?? 100)
    let object = FigureObject(figure)
    open.append(object)
    current = object
    return object
  }

  /// `plt.gcf()`: the current figure, made when there is none.
  mutating func currentFigure() throws -> FigureObject {
    if let current { return current }
    return try figure(size: nil, dpi: nil)
  }

  /// `plt.gca()`: the current figure's current axes, made when there is none.
  mutating func currentAxes() throws -> AxesObject {
    let figure = try currentFigure()
    return AxesObject(figure, figure.figure.gca())
  }

  /// `plt.close(fig)`.
  mutating func close(_ figure: FigureObject) {
    open.removeAll { $0 === figure }
    if current === figure { current = open.last }
  }

  /// Closes every figure and returns the ones that drew something, in order (what `show()`
  /// and the end of a cell display).
  mutating func closeAll() -> [Figure] {
    defer {
      open = []
      current = nil
    }
    return open.map(\.figure).filter { !$0.axes.isEmpty || $0.animation != nil }
  }
}

extension Interpreter {
  /// Shows every open figure that drew something through `figureOutput` and closes them all:
  /// `plt.show()`, and the end of a cell (Jupyter's inline backend).
  func showFigures() {
    for figure in pyplot.closeAll() { figureOutput(figure) }
  }
}
