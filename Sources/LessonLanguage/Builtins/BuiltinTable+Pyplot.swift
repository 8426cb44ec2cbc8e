/// `matplotlib.pyplot`: figures, subplots, the drawing functions (the current axes' methods),
/// `show` and `savefig`; the `Figure` methods; `torchvision.utils.make_grid`.

import DataIO
import Figures

extension BuiltinTable {
  /// Every pyplot, figure and axes entry, and `make_grid`.
  static var pyplot: [BuiltinFunction] {
    pyplotFigures + pyplotDrawing + figureMethods + axesMethods + [makeGridEntry]
  }

  /// `plt.title` is `gca().set_title`, `plt.plot` is `gca().plot`, ...
  static var pyplotDrawing: [BuiltinFunction] {
    let names = [
      ("imshow", "imshow"), ("plot", "plot"), ("scatter", "scatter"), ("bar", "bar"),
      ("hist", "hist"), ("title", "set_title"), ("xlabel", "set_xlabel"),
      ("ylabel", "set_ylabel"), ("legend", "legend"), ("axis", "axis"),
    ]
    let methods = Dictionary(axesMethods.map { ($0.shortName, $0) }) { first, _ in first }
    return names.compactMap { pyplotName, method in
      methods[method]?.withImplicitReceiver(named: "matplotlib.pyplot." + pyplotName) {
        .object(try $0.pyplot.currentAxes())
      }
    }
  }

  /// `plt.figure`, `plt.subplots`, `plt.subplot`, `plt.gcf`, `plt.gca`, `plt.show` and
  /// `plt.close` (the current figure, `'all'`, a figure or its number).
  static let pyplotFigures: [BuiltinFunction] = [
    .function(
      "matplotlib.pyplot.figure", .optionalInt("num"), .optionalValue("figsize"),
      .optionalDouble("dpi")
    ) { interpreter, number, size, dpi in
      .object(
        try interpreter.pyplot.figure(
          number: number, size: try figureSize(size, interpreter), dpi: dpi))
    },
    .function(
      "matplotlib.pyplot.subplots", .int("nrows", default: 1), .int("ncols", default: 1),
      .value("sharex", default: .bool(false)).keywordOnly,
      .value("sharey", default: .bool(false)).keywordOnly,
      .bool("squeeze", default: true).keywordOnly, .optionalValue("figsize").keywordOnly,
      .optionalDouble("dpi").keywordOnly
    ) { interpreter, rows, columns, _, _, squeeze, size, dpi in
      try Figure.checkSubplotGrid(nrows: rows, ncols: columns)
      let figure = try interpreter.pyplot.figure(
        size: try figureSize(size, interpreter), dpi: dpi)
      let indices = try figure.figure.subplots(nrows: rows, ncols: columns)
      let axes = indices.map { AxesObject(figure, $0) }
      let array: Value
      if squeeze && axes.count == 1 {
        array = .object(axes[0])
      } else if squeeze && (rows == 1 || columns == 1) {
        array = .object(AxesArray(axes, shape: [axes.count]))
      } else {
        array = .object(AxesArray(axes, shape: [rows, columns]))
      }
      return .tuple([.object(figure), array])
    },
    .function("matplotlib.pyplot.subplot", .variadic("args")) { interpreter, arguments in
      let numbers = try arguments.map { try indexValue($0) }
      let figure = try interpreter.pyplot.currentFigure()
      let index: Int
      switch numbers.count {
      case 1: index = try figure.figure.subplot(numbers[0])
      case 3: index = try figure.figure.subplot(numbers[0], numbers[1], numbers[2])
      default:
        throw PythonException.type(
          "subplot() takes 1 or 3 positional arguments but \(numbers.count) were given")
      }
      return .object(AxesObject(figure, index))
    },
    .function("matplotlib.pyplot.gcf") { interpreter in
      .object(try interpreter.pyplot.currentFigure())
    },
    .function("matplotlib.pyplot.gca") { interpreter in
      .object(try interpreter.pyplot.currentAxes())
    },
    .function("matplotlib.pyplot.show", .optionalValue("block")) { interpreter, _ in
      interpreter.showFigures()
      return .none
    },
    .function("matplotlib.pyplot.close", .optionalValue("fig")) { interpreter, figure in
      switch figure {
      case nil:
        if let current = interpreter.pyplot.current { interpreter.pyplot.close(current) }
      case .string("all")?:
        _ = interpreter.pyplot.closeAll()
      case .object(let object as FigureObject)?:
        interpreter.pyplot.close(object)
      case .int(let number)?:
        if let object = interpreter.pyplot.open.first(where: { $0.figure.number == number }) {
          interpreter.pyplot.close(object)
        }
      case let other?:
        throw PythonException.type(
          "close() argument must be a Figure, an int, a string, or None, not "
            + typeName(of: other))
      }
      return .none
    },
  ]

  /// `matplotlib.figure.Figure.*`, and the pyplot calls that act on the current figure.
  static var figureMethods: [BuiltinFunction] {
    let methods: [BuiltinFunction] = [
      .function("matplotlib.figure.Figure.suptitle", .figure("self"), .string("t")) {
        _, figure, text in
        figure.figure.suptitle = text
        return PlotResultObject.text("0.5", "0.98", text)
      },
      .function("matplotlib.figure.Figure.tight_layout", .figure("self")) { _, figure in
        figure.figure.usesTightLayout = true
        return .none
      },
      .function(
        "matplotlib.figure.Figure.colorbar", .figure("self"), .optionalValue("mappable"),
        .optionalValue("cax"), .optionalValue("ax")
      ) { interpreter, figure, mappable, _, target in
        try addColorbar(figure, mappable: mappable, target: target, interpreter)
      },
      .function(
        "matplotlib.figure.Figure.savefig", .figure("self"), .string("fname"),
        .optionalDouble("dpi").keywordOnly, .optionalString("format").keywordOnly,
        .optionalValue("bbox_inches").keywordOnly
      ) { interpreter, figure, path, dpi, format, _ in
        if dpi != nil {
          throw PythonException.unsupported(
            "savefig(dpi=...) is not supported in lessons",
            notes: ["pass dpi= to plt.figure() or plt.subplots()"])
        }
        try interpreter.saveFigure(figure.figure, to: path, format: format)
        return .none
      },
      .function("matplotlib.figure.Figure.add_subplot", .figure("self"), .variadic("args")) {
        _, figure, arguments in
        let numbers = try arguments.map { try indexValue($0) }
        guard numbers.count == 3 || numbers.count == 1 else {
          throw PythonException.type(
            "add_subplot() takes 1 or 3 positional arguments but \(numbers.count) were given")
        }
        let index =
          numbers.count == 3
          ? try figure.figure.subplot(numbers[0], numbers[1], numbers[2])
          : try figure.figure.subplot(numbers[0])
        return .object(AxesObject(figure, index))
      },
      .function("matplotlib.figure.Figure.gca", .figure("self")) { _, figure in
        .object(AxesObject(figure, figure.figure.gca()))
      },
    ]
    let onCurrent = [
      ("suptitle", "suptitle"), ("tight_layout", "tight_layout"), ("colorbar", "colorbar"),
      ("savefig", "savefig"),
    ]
    let byName = Dictionary(methods.map { ($0.shortName, $0) }) { first, _ in first }
    return methods
      + onCurrent.compactMap { pyplotName, method in
        byName[method]?.withImplicitReceiver(named: "matplotlib.pyplot." + pyplotName) {
          .object(try $0.pyplot.currentFigure())
        }
      }
  }

  /// `colorbar(mappable=None, ax=None)`: for `mappable`'s axes (an image `imshow` returned),
  /// or the current axes' last image.
  private static func addColorbar(
    _ figure: FigureObject, mappable: Value?, target: Value?, _ interpreter: Interpreter
  ) throws -> Value {
    var axes: AxesObject
    var image: ImageArtist?
    switch mappable {
    case .object(let object as ImageObject)?:
      axes = object.axes
      image = object.image
    case nil:
      guard let current = interpreter.pyplot.current, current === figure,
        let index = figure.figure.currentAxesIndex
      else {
        throw FigureError(
          .runtimeError,
          "No mappable was found to use for colorbar creation. First define a mappable such as "
            + "an image (with imshow) or a contour set (with contourf).")
      }
      axes = AxesObject(figure, index)
    case let other?:
      throw PythonException.type(
        "colorbar(): the mappable must be what imshow returned, not \(typeName(of: other))")
    }
    if case .object(let object as AxesObject)? = target { axes = object }
    try axes.update { axes in try axes.addColorbar(for: image) }
    return PlotResultObject.object("matplotlib.colorbar.Colorbar")
  }

  /// `figsize=(width, height)` in inches.
  private static func figureSize(_ value: Value?, _ interpreter: Interpreter) throws -> (
    width: Double, height: Double
  )? {
    guard let value else { return nil }
    let numbers = try interpreter.iterateAll(value).map { try interpreter.numberValue($0) }
    guard numbers.count == 2 else {
      throw PythonException.value(
        "figsize must be a pair (width, height) in inches, not \(numbers.count) numbers")
    }
    return (numbers[0], numbers[1])
  }
}

extension Figure {
  /// The grid check of `subplots`, before a figure is made for it.
  static func checkSubplotGrid(nrows: Int, ncols: Int) throws {
    var probe = try Figure()
    _ = try probe.subplot(nrows, ncols, 1)
  }
}

extension Arg where T == FigureObject {
  /// A `Figure` (the receiver of a figure method).
  static func figure(_ name: String) -> Arg<FigureObject> {
    .required(name) { value, context in
      guard case .object(let figure as FigureObject) = value else {
        throw context.wrongType(name, expected: "a Figure", value)
      }
      return figure
    }
  }
}

extension Interpreter {
  /// `savefig(path)`: SVG for `.svg`, PNG for `.png` (or no extension, which becomes `.png`),
  /// written all at once through `AtomicFile`, relative to the lesson's folder and never
  /// outside it.
  func saveFigure(_ figure: Figure, to path: String, format: String?) throws {
    var path = path
    let lastComponent = path.split(separator: "/").last ?? ""
    let extensionName =
      lastComponent.contains(".")
      ? String(lastComponent.split(separator: ".").last ?? "").lowercased() : nil
    if format == nil && extensionName == nil { path += ".png" }
    let kind = format?.lowercased() ?? extensionName ?? "png"
    guard kind == "png" || kind == "svg" else {
      throw PythonException.value(
        "Format '\(kind)' is not supported (supported formats: png, svg)")
    }
    guard let resolved = pathInsideLessonFolder(path),
      RealPath.isInside(resolved, folder: environment.workingDirectory)
    else {
      throw PythonException(
        .osError, "savefig writes only inside the lesson's folder, not to '\(path)'",
        notes: ["use a path such as 'figures/loss.png'"])
    }
    let bytes: [UInt8]
    if kind == "svg" {
      bytes = Array(figure.svg().utf8)
    } else {
      guard let byteCount = figure.rasterByteCount else {
        throw PythonException.value(
          "a \(figure.pixelSize.width)x\(figure.pixelSize.height) figure is too large to save "
            + "as PNG", notes: ["use a smaller figsize or dpi, or save as SVG"])
      }
      try MemoryBudget.current?.check(adding: byteCount * 2, what: "savefig")
      let raster = try figure.raster()
      bytes = try PNGEncoder.encode(width: raster.width, height: raster.height, rgb: raster.rgb)
    }
    try AtomicFile.write(bytes, to: resolved)
  }

  /// `path` resolved in the lesson's folder, or nil when it names the folder itself or a place
  /// outside it (`../x.png`, `/etc/x.png`). Decided on the path's text; `saveFigure` also
  /// follows its links (`RealPath.isInside`), so a link inside the folder to a place outside it
  /// is refused too.
  func pathInsideLessonFolder(_ path: String) -> String? {
    let folder = environment.workingDirectory
    if path.hasPrefix("/") {
      guard folder.hasPrefix("/") else { return nil }
      let normalized = DatasetRoot.normalized(path, currentDirectory: folder)
      let root = DatasetRoot.normalized(folder, currentDirectory: folder)
      guard normalized != root, normalized.hasPrefix(root == "/" ? "/" : root + "/") else {
        return nil
      }
      return normalized
    }
    var components: [Substring] = []
    for component in path.split(separator: "/") {
      switch component {
      case ".": continue
      case "..":
        guard components.popLast() != nil else { return nil }
      default: components.append(component)
      }
    }
    guard !components.isEmpty else { return nil }
    return environment.resolve(components.joined(separator: "/"))
  }
}
