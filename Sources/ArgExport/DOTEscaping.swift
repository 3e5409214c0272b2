/// Quoting for the kinds of string a DOT file holds: IDs, escString labels and tooltips, and
/// the text of HTML-like labels.
///
/// Inside a quoted string Graphviz's lexer treats only `\"` and the pair `\\` specially;
/// escString attributes then turn `\\` into `\` and give `\n`, `\l`, `\N`, `\G` … their
/// meanings. So every backslash is doubled: the string always ends where it should, and a
/// claim's literal `\N` shows as `\N` rather than as the node's name.
///
/// Graphviz copies text into SVG as XML, where most C0 controls, U+FFFE and U+FFFF are not
/// allowed at all, so those become U+FFFD wherever they appear.
enum DOTEscaping {
  /// A quoted DOT ID, for node and cluster names. Distinct strings give distinct IDs, except
  /// for ones that differ only in characters XML forbids. (Graphviz keeps a doubled backslash
  /// doubled in a name; the ids the model accepts contain none.)
  static func id(_ string: String) -> String {
    var result = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      default: result.unicodeScalars.append(XMLCharacters.safe(scalar))
      }
    }
    result += "\""
    return result
  }

  /// A quoted escString label (graph or cluster) that shows exactly `string`: line breaks (any
  /// `Character.isNewline`, `\r\n` as one) become centred `\n` breaks and tabs become spaces.
  /// `&` becomes `&amp;`, as Graphviz decodes entities in labels and would show `&lt;` as `<`.
  static func label(_ string: String) -> String {
    escString(string, backslash: "\\\\")
  }

  /// A quoted escString tooltip that reads as `string`, as ``label(_:)`` does.
  ///
  /// Graphviz 2.43 runs its `\N`/`\G`/`\E` substitution over node and edge tooltips twice, so
  /// a doubled backslash before a letter would still be substituted. Each backslash is followed
  /// by U+2060 WORD JOINER, which is invisible and ends any escape sequence in every version.
  static func tooltip(_ string: String) -> String {
    escString(string, backslash: "\\\\\u{2060}")
  }

  private static func escString(_ string: String, backslash: String) -> String {
    var result = "\""
    for character in string {
      if character.isNewline {
        result += "\\n"
        continue
      }
      for scalar in character.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += backslash
        case "&": result += "&amp;"
        case "\t": result += " "
        default: result.unicodeScalars.append(XMLCharacters.safe(scalar))
        }
      }
    }
    result += "\""
    return result
  }

  /// Text for an HTML-like label (between `<` and `>`), which Graphviz parses as XML: `&`, `<`,
  /// `>` and `"` become entities, and line breaks and tabs become spaces (use `<BR/>` to break).
  /// Graphviz also substitutes `\N`, `\G` and `\E` in the parsed text and reads `\\` as one
  /// backslash, so backslashes are doubled here too; an entity such as `&#92;` would not help,
  /// as it is decoded before the substitution.
  static func html(_ string: String) -> String {
    var result = ""
    for character in string {
      if character.isNewline {
        result += " "
        continue
      }
      for scalar in character.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "\\": result += "\\\\"
        case "\t": result += " "
        default: result.unicodeScalars.append(XMLCharacters.safe(scalar))
        }
      }
    }
    return result
  }
}
