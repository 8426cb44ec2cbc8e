import Testing

@testable import TensorCore

@Suite struct ElementFormatterTests {
  @Test func wholeFloatsUseIntModeWithATrailingDot() {
    let formatter = ElementFormatter(floats: [1, 12, -3], options: PrintOptions())
    #expect(formatter.intMode && !formatter.sciMode)
    #expect(formatter.width == 3)
    #expect(formatter.format(float: 1) == " 1.")
    #expect(formatter.format(float: -3) == "-3.")
    #expect(formatter.format(float: .nan) == "nan")
    #expect(formatter.format(float: -.infinity) == "-inf")
  }

  @Test func fractionsUseFourDecimalsPaddedToTheWidest() {
    let formatter = ElementFormatter(floats: [1.5, 2.25, 100], options: PrintOptions())
    #expect(!formatter.intMode && !formatter.sciMode)
    #expect(formatter.width == 8)
    #expect(formatter.format(float: 1.5) == "  1.5000")
    #expect(formatter.format(float: 0) == "  0.0000")
  }

  @Test(arguments: [
    ([Float(1e-5), 1], true),
    ([0.1, 1000], true),
    ([1, 1000], false),
    ([1, 2000], true),
    ([1e9], true),
    ([1e8], false),
    ([0, .nan, .infinity], false),
  ])
  func scientificModeFollowsTheRangeOfNonzeroFiniteValues(values: [Float], expected: Bool) {
    #expect(ElementFormatter(floats: values, options: PrintOptions()).sciMode == expected)
  }

  @Test func sciModeOptionOverridesTheChoice() {
    var options = PrintOptions()
    options.sciMode = false
    let formatter = ElementFormatter(floats: [1e-5, 1], options: options)
    #expect(formatter.format(float: 1e-5) == "0.0000")
    options.sciMode = true
    #expect(ElementFormatter(floats: [2], options: options).format(float: 2) == "2.0000e+00")
  }

  @Test func scientificElementsArePaddedToTheWidest() {
    let formatter = ElementFormatter(floats: [-1e-5, 1], options: PrintOptions())
    #expect(formatter.width == 11)
    #expect(formatter.format(float: 1) == " 1.0000e+00")
    #expect(formatter.format(float: .nan) == "        nan")
  }

  @Test func integersAndBoolsAreRightAligned() {
    let ints = ElementFormatter(ints: [1, -2, 300], dtype: .int64)
    #expect(ints.format(int: 1) == "  1")
    #expect(ints.format(int: -2) == " -2")
    let bools = ElementFormatter(ints: [1, 0], dtype: .bool)
    #expect(bools.format(int: 1) == " True")
    #expect(bools.format(int: 0) == "False")
  }

  @Test func nonFiniteTextIsPythons() {
    #expect(pythonFloatText(-.nan, style: "f", precision: 4) == "nan")
    #expect(pythonFloatText(.infinity, style: "e", precision: 4) == "inf")
    #expect(pythonFloatText(0.5, style: "f", precision: 0) == "0")
    #expect(pythonFloatText(2.5, style: "f", precision: 0) == "2")
  }
}
