import ArgModel

/// A small, ordinary map: two positions, an unplaced claim, both claim kinds and both relations.
let smallMap = ArgumentMap(
  sources: [Source(id: "seed", title: "Seed thread", url: "https://example.org/thread")],
  positions: [
    Position(id: "realism", title: "Realism critique", summary: "Models miss how users behave."),
    Position(id: "defence", title: "Defence of the design"),
  ],
  claims: [
    Claim(
      id: "users-ambiguous", text: "Users phrase requests ambiguously, so refusals misfire.",
      position: "realism", tags: ["users", "ambiguity"],
      provenance: Provenance(
        source: "seed", comment: "C3", quote: "people never say what they mean")
    ),
    Claim(
      id: "refusal-argument", kind: .argument,
      text: "Refusing is safer than guessing when the request is unclear.",
      position: "defence", provenance: Provenance(source: "seed")),
    Claim(id: "context-helps", text: "Context resolves most ambiguity.", position: "defence"),
    Claim(id: "unplaced", text: "Nobody has measured this.", tags: ["open-question"]),
  ],
  relations: [
    Relation(from: "context-helps", to: "users-ambiguous", kind: .rebuts),
    Relation(from: "refusal-argument", to: "users-ambiguous", kind: .rebuts),
    Relation(from: "unplaced", to: "refusal-argument", kind: .supports),
  ]
)

/// The text every exporter must survive.
let nastyText = #"a "quoted" \ back\slash {brace} <angle> \n newline & amp; \N \G \L [x] 'q' |p|"#

/// A map whose every string tries to break an exporter's quoting.
let nastyMap = ArgumentMap(
  positions: [
    Position(
      id: "nasty-position", title: #"Quotes "here" \ & <b>bold</b> {x}"#,
      summary: "summary with \"quotes\"\nand a newline"),
    Position(id: "unicode", title: "Ünïcödé 👩‍👩‍👧‍👦 مرحبا e\u{301}"),
    Position(id: "legend", title: "A position named legend"),
  ],
  claims: [
    Claim(
      id: "nasty", text: nastyText, position: "nasty-position",
      provenance: Provenance(source: "src \"1\"", comment: "C<3>", quote: nastyText)),
    Claim(
      id: "real-newlines", kind: .argument,
      text: "first line\nsecond line\r\nthird\tline with\u{1}control\u{1F}chars and \u{FFFF}",
      position: "nasty-position"),
    Claim(
      id: "unicode-claim", text: "RTL עברית \u{200F} emoji 🇨🇭 combining a\u{300}\u{316} CJK 漢字",
      position: "unicode"),
    Claim(
      id: "long-word",
      text: "Supercalifragilisticexpialidocious-and-then-some-more-letters-to-overflow the line",
      position: "legend"),
    Claim(id: "x.y_z-0", text: "", position: "not-a-position-in-this-map"),
  ],
  relations: [
    Relation(from: "nasty", to: "unicode-claim", kind: .supports),
    Relation(from: "real-newlines", to: "nasty", kind: .rebuts),
    Relation(from: "long-word", to: "x.y_z-0", kind: .supports),
    Relation(from: "missing", to: "nasty", kind: .supports),
    Relation(from: "nasty", to: "also-missing", kind: .rebuts),
  ]
)
