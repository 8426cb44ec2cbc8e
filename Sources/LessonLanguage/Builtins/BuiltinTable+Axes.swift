/// matplotlib's `Axes` methods (`ax.imshow`, `ax.plot`, `ax.set_title`, ...). pyplot's
/// drawing functions are these methods on the current axes (`BuiltinTable+Pyplot.swift`).

import Figures

extension BuiltinTable {
  /// `matplotlib.axes.Axes.*`.
  static let axesMethods: [BuiltinFunction] = [
    .function(
      "matplotlib.axes.Axes.imshow", .axes("self"), .value("X"), .optionalString("cmap"),
      .optionalValue("norm"), .optionalValue("aspect"), .optionalString("interpolation"),
      .optionalDouble("alpha"), .optionalDouble("vmin"), .optionalDouble("vmax")
    ) { interpreter, axes, data, cmap, norm, _, interpolation, _, vmin, vmax in
      if norm != nil {
        throw PythonException.unsupported(
          "imshow(norm=...) is not supported in lessons", notes: ["use vmin= and vmax="])
      }
      let array = try interpreter.plotArray(data, function: "imshow")
      let image = try ImageData(
        values: array.values, shape: array.shape, isIntegral: array.integral)
      try axes.owner.charge(values: image.values.count, what: "imshow")
      let artist = try axes.update { axes in
        try axes.imshow(image, cmap: cmap, vmin: vmin, vmax: vmax, interpolation: interpolation)
      }
      return .object(ImageObject(axes, artist))
    },
    .function(
      "matplotlib.axes.Axes.plot", .axes("self"), .variadic("args"), .keywords("kwargs")
    ) { interpreter, axes, arguments, keywords in
      let lines = try interpreter.plotLines(arguments, keywords: keywords)
      try axes.owner.charge(values: lines.reduce(0) { $0 + 2 * $1.y.count }, what: "plot")
      for line in lines {
        try axes.update { axes in
          try axes.plot(
            x: line.x, y: line.y, label: line.label, marker: line.marker, color: line.color)
        }
      }
      return .list(
        ListStorage(lines.map { _ in PlotResultObject.object("matplotlib.lines.Line2D") }))
    },
    .function(
      "matplotlib.axes.Axes.scatter", .axes("self"), .value("x"), .value("y"),
      .optionalValue("s"), .optionalValue("c"), .optionalString("marker").keywordOnly,
      .optionalDouble("alpha").keywordOnly, .optionalString("label").keywordOnly,
      .optionalString("color").keywordOnly
    ) { interpreter, axes, x, y, _, c, _, _, label, color in
      let xs = try interpreter.plotSequence(x, function: "scatter")
      let ys = try interpreter.plotSequence(y, function: "scatter")
      let colour = try plotColor(
        color ?? c.flatMap { if case .string(let s) = $0 { s } else { nil } })
      try axes.owner.charge(values: xs.count + ys.count, what: "scatter")
      try axes.update { axes in
        try axes.scatter(x: xs, y: ys, label: label, color: colour)
      }
      return PlotResultObject.object("matplotlib.collections.PathCollection")
    },
    .function(
      "matplotlib.axes.Axes.bar", .axes("self"), .value("x"), .value("height"),
      .double("width", default: 0.8), .optionalValue("bottom"),
      .string("align", default: "center").keywordOnly, .optionalString("label").keywordOnly,
      .optionalString("color").keywordOnly
    ) { interpreter, axes, x, height, width, _, _, label, color in
      let heights = try interpreter.plotSequence(height, function: "bar")
      let colour = try plotColor(color)
      let names = try interpreter.iterateAll(x).compactMap { item -> String? in
        if case .string(let name) = item { return name }
        return nil
      }
      try axes.owner.charge(values: 2 * heights.count, what: "bar")
      if !names.isEmpty {
        try axes.update { axes in
          try axes.bar(
            categories: names, heights: heights, width: width, label: label, color: colour)
        }
      } else {
        let xs = try interpreter.plotSequence(x, function: "bar")
        try axes.update { axes in
          try axes.bar(x: xs, heights: heights, width: width, label: label, color: colour)
        }
      }
      let count = axes.axes.artists.last.map {
        if case .bar(let bar) = $0 { bar.x.count } else { 0 }
      }
      return .object(
        PlotResultObject(
          typeName: "BarContainer", text: "<BarContainer object of \(count ?? 0) artists>"))
    },
    .function(
      "matplotlib.axes.Axes.hist", .axes("self"), .value("x"), .int("bins", default: 10),
      .optionalValue("range"), .bool("density", default: false),
      .optionalString("label").keywordOnly, .optionalString("color").keywordOnly
    ) { interpreter, axes, x, bins, range, density, label, color in
      if density {
        throw PythonException.unsupported("hist(density=True) is not supported in lessons")
      }
      let values = try interpreter.plotSequence(x, function: "hist")
      var limits: ClosedRange<Double>?
      if let range {
        let ends = try interpreter.plotSequence(range, function: "hist")
        guard ends.count == 2, ends[0] <= ends[1] else {
          throw PythonException.value("max must be larger than min in range parameter.")
        }
        limits = ends[0]...ends[1]
      }
      let colour = try plotColor(color)
      if bins >= 1 { _ = try checkedAllocation([bins], dtype: .int64, what: "hist") }
      try axes.owner.charge(values: values.count + 2 * max(bins, 0), what: "hist")
      try axes.update { axes in
        try axes.hist(values, bins: bins, range: limits, label: label, color: colour)
      }
      guard case .histogram(let histogram)? = axes.axes.artists.last else { return .none }
      return .tuple([
        .tensor(Tensor(shape: [histogram.counts.count], floats: histogram.counts.map(Float.init))),
        .tensor(Tensor(shape: [histogram.edges.count], floats: histogram.edges.map(Float.init))),
        .object(
          PlotResultObject(
            typeName: "BarContainer",
            text: "<BarContainer object of \(histogram.counts.count) artists>")),
      ])
    },
    .function("matplotlib.axes.Axes.set_title", .axes("self"), .string("label")) {
      _, axes, label in
      axes.update { $0.title = label }
      return PlotResultObject.text("0.5", "1.0", label)
    },
    .function("matplotlib.axes.Axes.set_xlabel", .axes("self"), .string("xlabel")) {
      _, axes, label in
      axes.update { $0.xlabel = label }
      return PlotResultObject.text("0.5", "0", label)
    },
    .function("matplotlib.axes.Axes.set_ylabel", .axes("self"), .string("ylabel")) {
      _, axes, label in
      axes.update { $0.ylabel = label }
      return PlotResultObject.text("0", "0.5", label)
    },
    .function(
      "matplotlib.axes.Axes.legend", .axes("self"), .variadic("args"), .keywords("kwargs")
    ) { interpreter, axes, arguments, _ in
      // matplotlib's keywords (loc=, fontsize=, ...) place the legend; every placement is
      // the same here.
      let labels = try arguments.first.map { value in
        try interpreter.iterateAll(value).map { item -> String in
          guard case .string(let text) = item else {
            throw PythonException.type("legend labels must be str, not \(typeName(of: item))")
          }
          return text
        }
      }
      axes.update { $0.legend(labels) }
      return PlotResultObject.object("matplotlib.legend.Legend")
    },
    .function("matplotlib.axes.Axes.axis", .axes("self"), .optionalValue("arg")) {
      _, axes, argument in
      if let argument {
        guard case .string(let option) = argument else {
          throw PythonException.type(
            "the first argument to axis() must be a string or a sequence of 4 numbers, not "
              + typeName(of: argument))
        }
        try axes.update { axes in try axes.axis(option) }
      }
      return .tuple(axesLimits(axes.axes).map { .float($0) })
    },
    .function("matplotlib.axes.Axes.set_axis_off", .axes("self")) { _, axes in
      try axes.update { axes in try axes.axis("off") }
      return .none
    },
    .function("numpy.ndarray.flatten", .axesArray("self")) { _, array in
      .object(AxesArray(array.items, shape: [array.items.count]))
    },
    .function("numpy.ndarray.ravel", .axesArray("self")) { _, array in
      .object(AxesArray(array.items, shape: [array.items.count]))
    },
  ]
}

extension Arg where T == AxesObject {
  /// An `Axes` (the receiver of an axes method, or `colorbar(ax=)`).
  static func axes(_ name: String) -> Arg<AxesObject> {
    .required(name) { value, context in
      guard case .object(let axes as AxesObject) = value else {
        throw context.wrongType(name, expected: "an Axes", value)
      }
      return axes
    }
  }
}

extension Arg where T == AxesArray {
  /// The array of axes `subplots` returns (the receiver of `flatten()`).
  static func axesArray(_ name: String) -> Arg<AxesArray> {
    .required(name) { value, context in
      guard case .object(let array as AxesArray) = value else {
        throw context.wrongType(name, expected: "an array of Axes", value)
      }
      return array
    }
  }
}

/// `(xmin, xmax, ymin, ymax)` as matplotlib's `axis()` returns them: an image's pixel edges
/// (y downwards), else the data limits with 5% margins, `(0, 1, 0, 1)` for an empty axes.
func axesLimits(_ axes: Axes) -> [Double] {
  if let image = axes.images.last {
    return [-0.5, Double(image.data.width) - 0.5, Double(image.data.height) - 0.5, -0.5]
  }
  guard !axes.artists.isEmpty else { return [0, 1, 0, 1] }
  let (xs, ys) = axes.dataValues
  func padded(_ values: [Double]) -> [Double] {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return [0, 1] }
    let margin = low == high ? 0.05 * max(abs(low), 1) : 0.05 * (high - low)
    return [low - margin, high + margin]
  }
  return padded(xs) + padded(ys)
}
