import Testing

@testable import LessonLanguage

@Suite struct FormatValueTests {
  @Test(arguments: [
    (FormatValue.float(1.0 / 3), ".4f", "0.3333"),
    (.float(0.5), ".0f", "0"),
    (.float(2.5), ".0f", "2"),
    (.float(1.5), ".0f", "2"),
    (.float(97.5), "5.1f", " 97.5"),
    (.float(1_234_567.891), ",.2f", "1,234,567.89"),
    (.float(0.25), ".1%", "25.0%"),
    (.float(0.1234), "%", "12.340000%"),
    (.float(12345.678), "e", "1.234568e+04"),
    (.float(12345.678), "E", "1.234568E+04"),
    (.float(1.5), "", "1.5"),
    (.float(1.0), "10", "       1.0"),
    (.float(1234.5), "n", "1234.5"),
    (.float(-0.0), ".1f", "-0.0"),
    (.float(-0.0001), "z.1f", "0.0"),
    (.float(3.14159), "+08.3f", "+003.142"),
    (.float(2.5), "*<8.2f", "2.50****"),
    (.float(-2.5), "=8.1f", "-    2.5"),
  ])
  func floatsFormatLikePython(value: FormatValue, spec: String, expected: String) throws {
    #expect(try pythonFormat(value, spec) == expected)
  }

  @Test(arguments: [
    (FormatValue.int(42), "6d", "    42"),
    (.int(1_234_567), ",", "1,234,567"),
    (.int(1_234_567), "_", "1_234_567"),
    (.int(255), "x", "ff"),
    (.int(255), "#x", "0xff"),
    (.int(255), "X", "FF"),
    (.int(255), "#o", "0o377"),
    (.int(255), "_b", "1111_1111"),
    (.int(0x1234_5678), "_x", "1234_5678"),
    (.int(5), "08b", "00000101"),
    (.int(-42), "05", "-0042"),
    (.int(-255), "#06x", "-0x0ff"),
    (.int(42), "+d", "+42"),
    (.int(42), " d", " 42"),
    (.int(1234), "010,", "00,001,234"),
    (.int(1234), "08,", "0,001,234"),
    (.int(5), "*^7", "***5***"),
    (.int(5), "^6", "  5   "),
    (.int(7), "=+5", "+   7"),
    (.int(65), "c", "A"),
    (.int(3), ".2f", "3.00"),
    (.int(3), "%", "300.000000%"),
    (.int(42), "n", "42"),
    (.int(Int.min), "", "-9223372036854775808"),
  ])
  func integersFormatLikePython(value: FormatValue, spec: String, expected: String) throws {
    #expect(try pythonFormat(value, spec) == expected)
  }

  @Test(arguments: [
    (FormatValue.string("ab"), ">10", "        ab"),
    (.string("ab"), "", "ab"),
    (.string("ab"), "5", "ab   "),
    (.string("hello"), ".3", "hel"),
    (.string("ab"), "*^6", "**ab**"),
    (.string("ab"), "05", "ab000"),
    (.bool(true), "", "True"),
    (.bool(false), "", "False"),
    (.bool(true), "d", "1"),
    (.bool(true), ">5", "    1"),
  ])
  func stringsAndBoolsFormatLikePython(value: FormatValue, spec: String, expected: String) throws {
    #expect(try pythonFormat(value, spec) == expected)
  }

  @Test(arguments: [
    (FormatValue.float(1.5), "d", "Unknown format code 'd' for object of type 'float'"),
    (.float(1.5), "c", "Unknown format code 'c' for object of type 'float'"),
    (.string("a"), "d", "Unknown format code 'd' for object of type 'str'"),
    (.bool(true), "s", "Unknown format code 's' for object of type 'bool'"),
    (.int(1), "q", "Unknown format code 'q' for object of type 'int'"),
    (.int(1), ".2", "Precision not allowed in integer format specifier"),
    (.int(1), "+c", "Sign not allowed with integer format specifier 'c'"),
    (.string("a"), "+", "Sign not allowed in string format specifier"),
    (.string("a"), "#", "Alternate form (#) not allowed in string format specifier"),
    (.string("a"), "=5", "'=' alignment not allowed in string format specifier"),
    (.string("a"), ",", "Cannot specify ',' with 's'."),
    (.int(1), ",x", "Cannot specify ',' with 'x'."),
    (.int(1), "x,", "Invalid format specifier 'x,' for object of type 'int'"),
    (.float(1), ",_f", "Cannot specify both ',' and '_'."),
    (.float(1), ".f", "Format specifier missing precision"),
    (.float(1), "abc", "Invalid format specifier 'abc' for object of type 'float'"),
    (.float(1), "99999999999999999999", "Too many decimal digits in format string"),
  ])
  func badSpecsThrowPythonsMessage(value: FormatValue, spec: String, message: String) {
    #expect(throws: FormatError.value(message)) { try pythonFormat(value, spec) }
  }

  @Test func characterCodeOutOfRangeIsAnOverflowError() {
    #expect(throws: FormatError(.overflowError, "%c arg not in range(0x110000)")) {
      try pythonFormat(.int(-1), "c")
    }
  }

  @Test func pythonStringIsStr() {
    #expect(FormatValue.float(1e-5).pythonString == "1e-05")
    #expect(FormatValue.int(-3).pythonString == "-3")
    #expect(FormatValue.bool(true).typeName == "bool")
  }
}
