import Figures
import Foundation
import Testing

@testable import LessonLanguage

/// What a run of lesson code showed: its printed text, the figures it streamed, its error.
struct PyplotRun {
  var output = ""
  var figures: [Figure] = []
  var error: Diagnostic?

  /// `file:line:col: Class: message`, or "no error".
  var errorText: String {
    guard let error else { return "no error" }
    return (error.span.map { "\($0): " } ?? "") + error.message
  }
}

/// matplotlib.pyplot and torchvision.utils.make_grid through the lesson language. Expected
/// values and messages are matplotlib 3.x's and torchvision's (checked against them).
@Suite struct BuiltinsPyplotTests {
  static let prelude = """
    import torch
    import torchvision
    import matplotlib.pyplot as plt

    """

  /// Runs cells in one interpreter, collecting what they print and the figures they show.
  static func run(
    _ cells: [String], environment: LessonEnvironment = LessonEnvironment()
  ) -> PyplotRun {
    final class Capture {
      var run = PyplotRun()
    }
    let capture = Capture()
    let interpreter = Interpreter(environment: environment, output: { capture.run.output += $0 })
    interpreter.figureOutput = { capture.run.figures.append($0) }
    for (index, cell) in cells.enumerated() {
      let source = index == 0 ? prelude + cell : cell
      do {
        try interpreter.run(source, file: SourceFile(path: "test.py", text: source))
      } catch {
        capture.run.error = error
        break
      }
    }
    return capture.run
  }

  static func run(_ source: String) -> PyplotRun { run([source]) }

  // MARK: - Builtins and what they return

  static let returns: [OutputCase] = [
    OutputCase(
      "fig, ax = plt.subplots()\nprint(fig, ax)", "<Figure size 640x480 with 1 Axes> <Axes: >\n"),
    OutputCase(
      "fig, axes = plt.subplots(1, 3)\nprint(axes.shape, len(axes), axes)",
      "(3,) 3 array([<Axes: >, <Axes: >, <Axes: >], dtype=object)\n"),
    OutputCase(
      "fig, axes = plt.subplots(2, 3)\nprint(axes.shape, axes[0].shape, axes[1, 2], axes[1][2], axes[-1, -1])",
      "(2, 3) (3,) <Axes: > <Axes: > <Axes: >\n"),
    OutputCase(
      "fig, axes = plt.subplots(1, 1, squeeze=False)\nprint(axes.shape, axes.flat.shape)",
      "(1, 1) (1,)\n"),
    OutputCase(
      "fig, axes = plt.subplots(2, 2)\nprint(axes.flatten().shape, axes.ravel()[3], axes.size, axes.ndim)",
      "(4,) <Axes: > 4 2\n"),
    OutputCase(
      "fig, axes = plt.subplots(2, 2, figsize=(8, 4))\nprint(fig, [a for a in axes.flat][3])",
      "<Figure size 800x400 with 4 Axes> <Axes: >\n"),
    OutputCase(
      "print(plt.title('Loss'), plt.xlabel('epoch'), plt.ylabel('loss'), plt.suptitle('S'))",
      "Text(0.5, 1.0, 'Loss') Text(0.5, 0, 'epoch') Text(0, 0.5, 'loss') Text(0.5, 0.98, 'S')\n"),
    OutputCase(
      "print(plt.plot([1, 2, 3]), plt.axis('off'))",
      "[<matplotlib.lines.Line2D object>] (-0.1, 2.1, 0.9, 3.1)\n"),
    OutputCase(
      "im = plt.imshow(torch.zeros(4, 5))\nprint(im, plt.colorbar(im), plt.axis())",
      "<matplotlib.image.AxesImage object> <matplotlib.colorbar.Colorbar object> (-0.5, 4.5, 3.5, -0.5)\n"
    ),
    OutputCase(
      "print(plt.scatter([1], [2]), plt.bar([1, 2], [3, 4]), plt.legend())",
      "<matplotlib.collections.PathCollection object> <BarContainer object of 2 artists> <matplotlib.legend.Legend object>\n"
    ),
    OutputCase(
      "n, bins, patches = plt.hist([1, 2, 3])\nprint(n.tolist(), bins[:3], patches)",
      "[1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0] tensor([1.0000, 1.2000, 1.4000]) <BarContainer object of 10 artists>\n"
    ),
    OutputCase(
      "print(plt.figure().number, plt.figure().number, plt.gcf().number, plt.figure(1).number)",
      "1 2 2 1\n"),
    OutputCase(
      "fig = plt.figure()\nax = fig.add_subplot(1, 2, 2)\nax.set_title('b')\nprint(ax, plt.subplot(1, 2, 2), fig)",
      "<Axes: title={'center': 'b'}> <Axes: title={'center': 'b'}> <Figure size 640x480 with 1 Axes>\n"
    ),
    OutputCase(
      "print(torchvision.utils.make_grid(torch.zeros(10, 1, 28, 28)).shape)",
      "torch.Size([3, 62, 242])\n"),
    OutputCase(
      "g = torchvision.utils\nprint(g.make_grid(torch.zeros(1, 1, 28, 28)).shape, g.make_grid(torch.zeros(3, 5, 5), nrow=2).shape, g.make_grid(torch.zeros(5, 5)).shape)",
      "torch.Size([3, 28, 28]) torch.Size([3, 5, 5]) torch.Size([3, 5, 5])\n"),
    OutputCase(
      "print(torchvision.utils.make_grid(torch.zeros(5, 3, 4, 6), nrow=2, padding=1, pad_value=1).shape)",
      "torch.Size([3, 16, 15])\n"),
    OutputCase(
      "g = torchvision.utils.make_grid(torch.arange(8.).view(2, 1, 2, 2), padding=1, normalize=True)\nprint(g[0].tolist() == g[2].tolist(), g[0, 1:3, 1:3].tolist(), g[0, 0].tolist())",
      "True [[0.0, 0.1428571492433548], [0.2857142984867096, 0.4285714328289032]] [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]\n"
    ),
    OutputCase(
      "g = torchvision.utils.make_grid([torch.ones(1, 2, 2), torch.ones(1, 2, 2)], padding=0)\nprint(g.shape, g.sum().item())",
      "torch.Size([3, 2, 4]) 24.0\n"),
  ]

  @Test(arguments: returns)
  func builtinReturns(_ example: OutputCase) {
    let result = Self.run(example.source)
    #expect(result.error == nil, "\(result.errorText)")
    #expect(result.output == example.expected)
  }

  // MARK: - Errors, with matplotlib's classes and words, located

  static let errors: [OutputCase] = [
    OutputCase(
      "plt.imshow(torch.zeros(3, 4, 5))", "TypeError: Invalid shape (3, 4, 5) for image data"),
    OutputCase("plt.imshow([[1, 2], [3]])", "ValueError: setting an array element with a sequence"),
    OutputCase(
      "plt.imshow('x')", "TypeError: imshow(): expected a tensor or a list of numbers, not str"),
    OutputCase(
      "plt.imshow(torch.zeros(2, 2), cmap='nope')",
      "ValueError: 'nope' is not a valid value for cmap"),
    OutputCase(
      "plt.subplots(0, 1)", "ValueError: Number of rows must be a positive integer, not 0"),
    OutputCase(
      "plt.subplot(2, 3, 7)", "ValueError: num must be an integer with 1 <= num <= 6, not 7"),
    OutputCase(
      "plt.plot([1, 2], [1, 2, 3])",
      "ValueError: x and y must have same first dimension, but have shapes (2,) and (3,)"),
    OutputCase(
      "plt.plot([1, 2], 'q')",
      "ValueError: 'q' is not a valid format string (unrecognized character 'q')"),
    OutputCase(
      "plt.plot([1, 2], colour='r')",
      "AttributeError: Line2D.set() got an unexpected keyword argument 'colour'"),
    OutputCase(
      "plt.axis('bogus')", "ValueError: Unrecognized string 'bogus' to axis; try 'on' or 'off'"),
    OutputCase(
      "plt.plot([1])\nplt.colorbar()",
      "RuntimeError: No mappable was found to use for colorbar creation."),
    OutputCase(
      "plt.figure(figsize=(0, 1))", "ValueError: figure size must be positive finite not (0, 1)"),
    OutputCase(
      "plt.figure(figsize=(1000, 1))",
      "ValueError: Image size of 100000x100 pixels is too large. It must be less than 2^16 in each direction."
    ),
    OutputCase("plt.figure(figsize=3)", "TypeError: 'int' object is not iterable"),
    // Hostile sizes: refused with matplotlib's words, before anything is allocated.
    OutputCase(
      "plt.subplots(10000, 10000)", "ValueError: a 10000x10000 grid of subplots is too large"),
    OutputCase("plt.plot(range(10 ** 12))", "MemoryError: "),
    OutputCase(
      "plt.figure(figsize=(float('inf'), 1))", "ValueError: figure size must be positive finite"),
    OutputCase("plt.figure(dpi=float('nan'))", "ValueError: dpi must be positive finite, not nan"),
    OutputCase(
      "plt.subplot(1000)",
      "ValueError: Integer subplot specification must be a three-digit number, not 1000"),
    OutputCase(
      "plt.plot([1])\nplt.savefig('x.jpgx')",
      "ValueError: Format 'jpgx' is not supported (supported formats: png, svg)"),
    OutputCase(
      "plt.plot([1])\nplt.savefig('../x.png')",
      "OSError: savefig writes only inside the lesson's folder, not to '../x.png'"),
    OutputCase(
      "plt.plot([1])\nplt.savefig('/etc/x.svg')",
      "OSError: savefig writes only inside the lesson's folder, not to '/etc/x.svg'"),
    OutputCase(
      "plt.plot([1])\nplt.savefig('a/../../x.png')",
      "OSError: savefig writes only inside the lesson's folder, not to 'a/../../x.png'"),
    OutputCase(
      "torchvision.utils.make_grid(3)",
      "TypeError: tensor or list of tensors expected, got <class 'int'>"),
    OutputCase(
      "torchvision.utils.make_grid(torch.zeros(2, 2, 2, 2, 2))",
      "ValueError: make_grid takes (B, C, H, W), (C, H, W) or (H, W) images, not a 5-D tensor"),
    OutputCase(
      "torchvision.utils.make_grid(torch.zeros(2, 1, 2, 2), nrow=0)",
      "ValueError: nrow must be positive, not 0"),
    OutputCase(
      "torchvision.utils.make_grid(torch.zeros(2, 1, 2, 2, dtype=torch.long), normalize=True)",
      "RuntimeError: result type Float can't be cast to the desired output type Long"),
    OutputCase(
      "torchvision.utils.make_grid(torch.zeros(2, 1, 2, 2), padding=9223372036854775807)",
      "ValueError: make_grid: the grid is too large"),
    OutputCase(
      "plt.hist([1, 2], bins=9223372036854775807)",
      "RuntimeError: DefaultCPUAllocator: not enough memory"),
    OutputCase(
      "fig, axes = plt.subplots(2, 2)\naxes[2]",
      "IndexError: index 2 is out of bounds for axis 0 with size 2"),
    OutputCase(
      "fig, axes = plt.subplots(1, 2)\naxes[0, 0]", "IndexError: too many indices for array"),
    OutputCase(
      "import matplotlib.pylab", "ModuleNotFoundError: No module named 'matplotlib.pylab'"),
    OutputCase(
      "plt.imshow(torch.zeros(2, 2), norm=1)",
      "NotImplementedError: imshow(norm=...) is not supported in lessons"),
  ]

  @Test(arguments: errors)
  func errorsAreMatplotlibs(_ example: OutputCase) throws {
    let result = Self.run(example.source)
    let error = try #require(result.error)
    #expect(error.message.hasPrefix(example.expected), "\(error.message)")
    // Located at the statement that raised, in the cell (the prelude is 4 lines).
    let span = try #require(error.span)
    #expect(span.file.path == "test.py")
    #expect(span.line >= 4)
  }

  @Test func errorLocationIsTheCall() throws {
    let result = Self.run("x = 1\nplt.imshow(torch.zeros(3, 4, 5))")
    #expect(result.errorText == "test.py:5:1: TypeError: Invalid shape (3, 4, 5) for image data")
    #expect(result.error?.notes.first?.contains("img.permute(1, 2, 0)") == true)
  }

  // MARK: - The figure stream

  @Test func aCellThatDrewShowsItsFigureAtTheEnd() {
    let result = Self.run("plt.imshow(torch.zeros(28, 28), cmap='gray')\nprint('drawn')")
    #expect(result.output == "drawn\n")
    #expect(result.figures.map(\.summary) == ["[figure 1: imshow 28x28, gray]"])
  }

  @Test func showStreamsEveryOpenFigureAndClosesThem() {
    let result = Self.run([
      "plt.figure()\nplt.plot([1, 2])\nplt.figure()\nplt.bar([1], [2])\nplt.show()\nprint(plt.figure().number)",
      "plt.plot([3, 2, 1])",
    ])
    #expect(result.output == "1\n")
    #expect(
      result.figures.map(\.summary) == [
        "[figure 1: line, 2 points]", "[figure 2: bar, 1 bar]", "[figure 1: line, 3 points]",
      ])
  }

  @Test func closeClosesTheCurrentFigureOrTheOneNamed() {
    let result = Self.run(
      """
      plt.figure()
      plt.plot([1])
      plt.figure()
      plt.plot([2, 3])
      plt.close()
      plt.figure(5)
      plt.bar([1], [1])
      plt.close(5)
      print(plt.gcf().number)
      """)
    #expect(result.output == "1\n")
    #expect(result.figures.map(\.summary) == ["[figure 1: line, 1 point]"])
  }

  @Test func drawingOnAnAxesLeavesTheCurrentFigure() {
    let result = Self.run(
      "fig1, ax1 = plt.subplots()\nfig2, ax2 = plt.subplots()\nax1.plot([1])\nplt.title('two')\nprint(ax1, ax2, plt.gcf().number)"
    )
    #expect(result.output == "<Axes: > <Axes: title={'center': 'two'}> 2\n")
  }

  @Test func figuresWithoutAxesAreNotShown() {
    let result = Self.run(["plt.figure()", "print(plt.figure().number)"])
    #expect(result.figures.isEmpty)
    #expect(result.output == "1\n")
  }

  @Test func aFailingCellStillShowsWhatItDrew() {
    let result = Self.run("plt.plot([1, 2])\nraise ValueError('boom')")
    #expect(result.error != nil)
    #expect(result.figures.map(\.summary) == ["[figure 1: line, 2 points]"])
  }

  @Test func figureStateIsPerInterpreter() {
    let first = Self.run("plt.figure()\nplt.figure()\nprint(plt.gcf().number)")
    let second = Self.run("print(plt.figure().number)")
    #expect(first.output == "2\n")
    #expect(second.output == "1\n")
  }

  @Test func axesMethodsDrawOnTheirPanel() throws {
    let result = Self.run(
      """
      fig, axes = plt.subplots(2, 3)
      for i, ax in enumerate(axes.flat):
          ax.imshow(torch.rand(24, 24), cmap='gray', vmin=0, vmax=1)
          ax.set_title(f'map {i}')
          ax.axis('off')
      axes[1, 2].set_xlabel('x')
      axes[0, 0].set_ylabel('y')
      fig.suptitle('maps')
      plt.tight_layout()
      """)
    let figure = try #require(result.figures.first)
    #expect(figure.summary == "[figure 1: 2x3 panels]")
    #expect(figure.suptitle == "maps")
    #expect(figure.usesTightLayout)
    #expect(figure.axes.map(\.title) == (0..<6).map { "map \($0)" })
    #expect(figure.axes.allSatisfy { !$0.axisVisible && $0.images.first?.vmax == 1 })
    #expect(figure.axes[5].xlabel == "x" && figure.axes[0].ylabel == "y")
  }

  @Test func plotReadsFormatsAndKeywords() throws {
    let result = Self.run(
      "plt.plot(range(3), [3, 2, 1], 'ro--', label='loss')\nplt.plot(torch.tensor([1., 2.]), color='C2', marker='x')\nplt.legend()"
    )
    let axes = try #require(result.figures.first?.axes.first)
    guard case .line(let first) = axes.artists[0], case .line(let second) = axes.artists[1] else {
      Issue.record("expected two lines")
      return
    }
    #expect(first.x == [0, 1, 2] && first.y == [3, 2, 1])
    #expect(first.marker == "o" && first.color == RGBColor.named("r") && first.label == "loss")
    #expect(second.x == [0, 1] && second.marker == "x" && second.color == RGBColor.named("C2"))
    #expect(axes.showsLegend && axes.legendLabels == ["loss"])
  }

  @Test func imshowOfAnRGBImageAndIntegers() throws {
    let result = Self.run(
      "plt.imshow(torch.rand(3, 8, 8).permute(1, 2, 0))\nplt.figure()\nplt.imshow([[0, 255], [10, 20]])"
    )
    #expect(
      result.figures.map(\.summary) == [
        "[figure 1: imshow 8x8, rgb]", "[figure 2: imshow 2x2, viridis]",
      ])
    #expect(result.figures.last?.axes.first?.images.first?.data.isIntegral == true)
  }

  @Test func barWithCategoriesAndHistogramBins() throws {
    let result = Self.run(
      "plt.bar(['a', 'b', 'c'], [1, 2, 3])\nplt.figure()\nplt.hist(torch.arange(10.), bins=5, range=(0, 10))"
    )
    #expect(
      result.figures.map(\.summary) == ["[figure 1: bar, 3 bars]", "[figure 2: hist, 5 bins]"])
  }

  // MARK: - savefig and memory

  @Test(arguments: ["png", "svg"])
  func savefigWritesInsideTheLessonFolder(_ format: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pyplot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = Self.run(
      ["plt.figure(figsize=(2, 1))\nplt.imshow(torch.rand(4, 4))\nplt.savefig('out.\(format)')"],
      environment: LessonEnvironment(workingDirectory: folder.path))
    #expect(result.error == nil, "\(result.errorText)")
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("out.\(format)")))
    if format == "png" {
      #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
      #expect(Array(bytes[16..<24]) == [0, 0, 0, 200, 0, 0, 0, 100])
    } else {
      #expect(String(decoding: bytes.prefix(5), as: UTF8.self) == "<svg ")
    }
  }

  @Test func savefigWithoutAnExtensionWritesPNG() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pyplot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = Self.run(
      ["plt.plot([1, 2])\nplt.savefig('loss')"],
      environment: LessonEnvironment(workingDirectory: folder.path))
    #expect(result.error == nil, "\(result.errorText)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("loss.png").path))
  }

  @Test func savefigIntoAMissingFolderIsAnOSError() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pyplot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = Self.run(
      ["plt.plot([1, 2])\nplt.savefig('figures/loss.svg')"],
      environment: LessonEnvironment(workingDirectory: folder.path))
    #expect(
      result.errorText.hasPrefix("test.py:5:1: OSError: cannot create "), "\(result.errorText)")
  }

  @Test func savefigDoesNotFollowALinkOutOfTheLessonFolder() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pyplot-\(UUID().uuidString)")
    let folder = root.appendingPathComponent("lesson")
    let outside = root.appendingPathComponent("outside")
    for url in [folder, outside, folder.appendingPathComponent("figures")] {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("out"), withDestinationURL: outside)
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("loss.svg"),
      withDestinationURL: outside.appendingPathComponent("loss.svg"))
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("inside"),
      withDestinationURL: folder.appendingPathComponent("figures"))
    for path in ["out/x.svg", "loss.svg"] {
      let result = Self.run(
        ["plt.plot([1, 2])\nplt.savefig('\(path)')"],
        environment: LessonEnvironment(workingDirectory: folder.path))
      #expect(
        result.errorText
          == "test.py:5:1: OSError: savefig writes only inside the lesson's folder, not to '\(path)'"
      )
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    // A link that stays inside the folder is fine.
    let inside = Self.run(
      ["plt.plot([1, 2])\nplt.savefig('inside/x.svg')"],
      environment: LessonEnvironment(workingDirectory: folder.path))
    #expect(inside.error == nil, "\(inside.errorText)")
    #expect(
      FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures/x.svg").path))
  }

  @Test func imagesCountAgainstTheMemoryBudget() throws {
    let result = Self.run(
      ["x = torch.zeros(1024, 1024)\nfor i in range(8):\n    plt.figure()\n    plt.imshow(x)"],
      environment: LessonEnvironment(memoryLimit: 48 << 20))
    let error = try #require(result.error)
    #expect(error.message.hasPrefix("MemoryError: imshow"), "\(error.message)")
  }
}
