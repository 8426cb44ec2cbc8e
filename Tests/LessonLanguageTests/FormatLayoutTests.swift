import Testing

@testable import LessonLanguage

@Suite struct FormatLayoutTests {
  @Test func groupsFromTheRight() {
    #expect(grouped("1234567", separator: ",", size: 3, minimumWidth: 0) == "1,234,567")
    #expect(grouped("123", separator: ",", size: 3, minimumWidth: 0) == "123")
    #expect(grouped("11111111", separator: "_", size: 4, minimumWidth: 0) == "1111_1111")
    #expect(grouped("42", separator: nil, size: 3, minimumWidth: 5) == "00042")
  }

  @Test func zeroPaddingNeverStartsWithASeparator() {
    #expect(grouped("1234", separator: ",", size: 3, minimumWidth: 8) == "0,001,234")
    #expect(grouped("1234", separator: ",", size: 3, minimumWidth: 10) == "00,001,234")
  }

  @Test func alignsLeftRightCentreAndAfterTheSign() {
    #expect(aligned(leading: "-", body: "5", width: 4, fill: ".", align: "<") == "-5..")
    #expect(aligned(leading: "-", body: "5", width: 4, fill: ".", align: ">") == "..-5")
    #expect(aligned(leading: "-", body: "5", width: 5, fill: ".", align: "^") == ".-5..")
    #expect(aligned(leading: "-", body: "5", width: 4, fill: ".", align: "=") == "-..5")
    #expect(aligned(leading: "", body: "long", width: 2, fill: " ", align: ">") == "long")
  }

  @Test func zeroFillGoesBetweenPrefixAndDigits() throws {
    let spec = try FormatSpec(parsing: "010,.1f", typeName: "float")
    let parts = NumberParts(sign: "-", integerDigits: "1234", rest: ".5")
    #expect(layOut(parts, spec: spec) == "-001,234.5")
  }
}
