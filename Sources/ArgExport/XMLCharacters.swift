/// The characters an XML 1.0 document may hold, shared by every exporter whose output ends up
/// as XML (DOT through Graphviz's SVG, GraphML directly).
package enum XMLCharacters {
  /// `scalar`, or U+FFFD if XML 1.0 does not allow it in a document, not even as a character
  /// reference: most C0 controls, U+FFFE and U+FFFF.
  package static func safe(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D, 0x20...0xFFFD, 0x10000...: scalar
    default: "\u{FFFD}"
    }
  }
}
