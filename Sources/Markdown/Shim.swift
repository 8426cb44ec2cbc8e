// Temporary: replaced by the Markdown module of branch i10-markdown when it is merged.
public enum MarkdownHTML {
  public static func render(_ source: String) -> String {
    var result = "<pre>"
    for character in source {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result + "</pre>"
  }
}
