/// Control points of the colormaps, from matplotlib's own data.
///
/// - viridis, plasma, inferno, magma: 11 colours sampled evenly from matplotlib's 256-entry
///   lists (`_cm_listed.py`); the ends are exact.
/// - RdBu, Blues, Greys: the ColorBrewer colours matplotlib uses (`_cm.py`).
/// - coolwarm: every 4th point of Moreland's 33 (`_coolwarm_data`).
/// - gray, binary, hot, jet: matplotlib's segment data.
extension Colormap {
  static let data: [String: [[Stop]]] = [
    "gray": linear(from: 0, to: 1),
    "binary": linear(from: 1, to: 0),
    "viridis": listed([
      "#440154", "#482374", "#404387", "#345E8D", "#29788E", "#208F8C", "#22A784", "#42BE71",
      "#79D151", "#BADE27", "#FDE724",
    ]),
    "plasma": listed([
      "#0C0786", "#40039C", "#6A00A7", "#8F0DA3", "#B02A8F", "#CA4678", "#E06461", "#F1824C",
      "#FCA635", "#FCCC25", "#EFF821",
    ]),
    "inferno": listed([
      "#000003", "#160B39", "#410967", "#6A176E", "#932567", "#BA3655", "#DC5039", "#F2751A",
      "#FBA40A", "#F6D542", "#FCFEA4",
    ]),
    "magma": listed([
      "#000003", "#140D35", "#3B0F6F", "#63197F", "#8C2980", "#B53679", "#DD4968", "#F66E5B",
      "#FD9F6C", "#FDCD90", "#FBFCBF",
    ]),
    "RdBu": listed([
      "#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de",
      "#4393c3", "#2166ac", "#053061",
    ]),
    "Blues": listed([
      "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c",
      "#08306b",
    ]),
    "Greys": listed([
      "#ffffff", "#f0f0f0", "#d9d9d9", "#bdbdbd", "#969696", "#737373", "#525252", "#252525",
      "#000000",
    ]),
    "coolwarm": [
      even([
        0.2298057, 0.38301334, 0.552953156, 0.722193294, 0.865395197, 0.958852946,
        0.958003065, 0.869186849, 0.705673158,
      ]),
      even([
        0.298717966, 0.50941904, 0.688929332, 0.813952739, 0.86541021, 0.769767752,
        0.602842431, 0.378313092, 0.01555616,
      ]),
      even([
        0.753683153, 0.917387822, 0.995375608, 0.976574709, 0.865395561, 0.678007945,
        0.481775914, 0.300267182, 0.150232812,
      ]),
    ],
    "hot": [
      segments([(0, 0.0416), (0.365079, 1), (1, 1)]),
      segments([(0, 0), (0.365079, 0), (0.746032, 1), (1, 1)]),
      segments([(0, 0), (0.746032, 0), (1, 1)]),
    ],
    "jet": [
      segments([(0, 0), (0.35, 0), (0.66, 1), (0.89, 1), (1, 0.5)]),
      segments([(0, 0), (0.125, 0), (0.375, 1), (0.64, 1), (0.91, 0), (1, 0)]),
      segments([(0, 0.5), (0.11, 1), (0.34, 1), (0.65, 0), (1, 0)]),
    ],
  ]

  static func segments(_ points: [(Double, Double)]) -> [Stop] {
    points.map { Stop(position: $0.0, value: $0.1) }
  }

  static func even(_ values: [Double]) -> [Stop] {
    values.enumerated().map { index, value in
      Stop(position: Double(index) / Double(max(values.count - 1, 1)), value: value)
    }
  }

  static func linear(from start: Double, to end: Double) -> [[Stop]] {
    let ramp = segments([(0, start), (1, end)])
    return [ramp, ramp, ramp]
  }

  static func listed(_ hexColours: [String]) -> [[Stop]] {
    let colours = hexColours.compactMap { RGBColor(hex: $0) }
    return [even(colours.map(\.red)), even(colours.map(\.green)), even(colours.map(\.blue))]
  }
}
