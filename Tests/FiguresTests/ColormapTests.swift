import Testing

@testable import Figures

@Suite struct ColormapTests {
  @Test(arguments: [
    ("viridis", "#440154", "#fde724"), ("gray", "#000000", "#ffffff"),
    ("gray_r", "#ffffff", "#000000"), ("binary", "#ffffff", "#000000"),
    ("RdBu", "#67001f", "#053061"), ("magma", "#000003", "#fbfcbf"),
    ("Blues", "#f7fbff", "#08306b"), ("jet", "#000080", "#800000"),
  ])
  func ends(name: String, low: String, high: String) throws {
    let map = try Colormap(named: name)
    #expect(map.color(at: 0).hex == low)
    #expect(map.color(at: 1).hex == high)
    #expect(map.color(at: -3).hex == low && map.color(at: 7).hex == high)
  }

  @Test func grayIsQuantisedTo256Entries() throws {
    let gray = try Colormap(named: "gray")
    #expect(gray.color(at: 0.5).bytes == [128, 128, 128])
    #expect(gray.color(at: 0.25).bytes == [64, 64, 64])
  }

  @Test func viridisMiddleIsTeal() throws {
    let middle = try Colormap(named: "viridis").color(at: 0.5)
    #expect(middle.green > middle.red && middle.blue > middle.red)
  }

  @Test func hotStartsDarkRed() throws {
    let hot = try Colormap(named: "hot")
    #expect(hot.color(at: 0).bytes == [11, 0, 0])
    #expect(hot.color(at: 1).hex == "#ffffff")
  }

  @Test func reversedRoundTrips() throws {
    let viridis = try Colormap(named: "viridis")
    #expect(viridis.reversed.name == "viridis_r")
    #expect(viridis.reversed.color(at: 0) == viridis.color(at: 1))
    #expect(viridis.reversed.reversed.color(at: 0.3).hex == viridis.color(at: 0.3).hex)
  }

  @Test func unknownNameListsTheSupportedOnes() {
    do {
      _ = try Colormap(named: "foo")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.message.hasPrefix(
          "'foo' is not a valid value for cmap; supported values are 'Blues', 'Blues_r', 'Greys'"))
      #expect(error.message.contains("'viridis_r'"))
    }
  }
}
