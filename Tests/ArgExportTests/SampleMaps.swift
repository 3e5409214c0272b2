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

/// Groups nested three deep beside a sibling group, a position and a group sharing an id, and
/// one relation of every kind, the undercut with a scheme.
let groupedMap = ArgumentMap(
  positions: [
    Position(id: "debate", title: "Debate"),
    Position(id: "shared", title: "Position sharing a group's id"),
  ],
  groups: [
    Group(id: "outer", title: "Outer group", position: "debate"),
    Group(id: "inner", title: "Inner group", position: "debate", parent: "outer"),
    Group(id: "shared", title: "Deepest group", position: "debate", parent: "inner"),
    Group(id: "side", title: "Side group", position: "debate"),
  ],
  claims: [
    Claim(id: "thesis", text: "The thesis.", position: "debate"),
    Claim(id: "reason", text: "A reason.", position: "debate", group: "outer"),
    Claim(
      id: "inference", kind: .argument, text: "An inference.", position: "debate", group: "inner"),
    Claim(id: "objection", text: "An objection.", position: "debate", group: "shared"),
    Claim(id: "restated", text: "The thesis, again.", position: "debate", group: "side"),
    Claim(id: "rival", text: "A rival thesis.", position: "shared"),
  ],
  relations: [
    Relation(from: "reason", to: "thesis", kind: .supports),
    Relation(from: "objection", to: "reason", kind: .rebuts),
    Relation(from: "objection", to: "inference", kind: .undercuts, scheme: "Default Conflict"),
    Relation(from: "rival", to: "thesis", kind: .contradicts),
    Relation(from: "restated", to: "thesis", kind: .rephrases),
    Relation(from: "thesis", to: "rival", kind: .prefers),
  ]
)
