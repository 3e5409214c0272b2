// swift-tools-version:6.0
import PackageDescription

// Imports point one way: argmap → ArgCLI → Argmap → (ArgInterchange → ArgdownSyntax, ArgExport;
// ArgStore; ArgSemantics) → ArgModel;
// ArgStore → SQLiteKit → CSQLite; ArgSemantics → SATKit → CCaDiCaL.
// Only ArgCLI prints or exits.
let package = Package(
  name: "argmap",
  products: [
    .library(name: "Argmap", targets: ["Argmap"]),
    .executable(name: "argmap", targets: ["argmap"]),
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    .target(name: "SQLiteKit", dependencies: ["CSQLite"]),
    // CaDiCaL's C API (ccadical.h); the archive is C++, so the module map links its runtime.
    .systemLibrary(
      name: "CCaDiCaL",
      providers: [.apt(["libcadical-dev"])]
    ),
    .target(name: "SATKit", dependencies: ["CCaDiCaL"]),
    .target(name: "ArgModel"),
    .target(name: "ArgdownSyntax", dependencies: ["ArgModel"]),
    // `schema` is a link to the top-level schema/ folder, the single source of truth.
    .target(
      name: "ArgStore",
      dependencies: ["SQLiteKit", "ArgModel"],
      resources: [.embedInCode("schema")]
    ),
    // `Web` holds the map page's HTML shell, style sheet and script, embedded like the schema.
    .target(name: "ArgExport", dependencies: ["ArgModel"], resources: [.embedInCode("Web")]),
    // Other tools' formats: AIF JSON, argmap's JSON dump and Kialo in; AIF and GraphML out.
    .target(
      name: "ArgInterchange", dependencies: ["ArgModel", "ArgdownSyntax", "ArgExport"]),
    // Which claims stand: Dung semantics, bipolar support, gradual strength, ICCMA formats.
    .target(name: "ArgSemantics", dependencies: ["ArgModel", "SATKit"]),
    // `corpus` is a link to the top-level corpus/ folder: the built-in map.
    .target(
      name: "Argmap",
      dependencies: [
        "ArgModel", "ArgdownSyntax", "ArgStore", "ArgExport", "ArgInterchange", "ArgSemantics",
      ],
      resources: [.embedInCode("corpus")]
    ),
    .target(name: "ArgCLI", dependencies: ["Argmap"]),
    .executableTarget(name: "argmap", dependencies: ["ArgCLI"]),
    // The seeded random source the property tests of several targets share.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "SQLiteKitTests", dependencies: ["SQLiteKit"]),
    .testTarget(name: "SATKitTests", dependencies: ["SATKit"]),
    .testTarget(name: "ArgdownSyntaxTests", dependencies: ["ArgdownSyntax", "TestSupport"]),
    .testTarget(name: "ArgStoreTests", dependencies: ["ArgStore", "SQLiteKit"]),
    .testTarget(name: "ArgExportTests", dependencies: ["ArgExport", "TestSupport"]),
    .testTarget(name: "ArgInterchangeTests", dependencies: ["ArgInterchange", "TestSupport"]),
    .testTarget(name: "ArgSemanticsTests", dependencies: ["ArgSemantics", "TestSupport"]),
    .testTarget(
      name: "ArgmapTests",
      dependencies: ["Argmap", "TestSupport"],
      exclude: ["Fixtures"]
    ),
    // `Browser` holds the Python script that drives Chromium through the exported page;
    // `Fixtures` the maps and exports the golden tests compare with.
    .testTarget(name: "ArgCLITests", dependencies: ["ArgCLI"], exclude: ["Browser", "Fixtures"]),
  ]
)
