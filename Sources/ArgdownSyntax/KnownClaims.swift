import ArgModel

/// What a parse learns of a claim its files may name without defining it: one stored before
/// the parse, or one that a streamed parse wrote to its sink and let go.
public struct KnownClaim: Sendable, Equatable {
  public var kind: ClaimKind
  public var hasTitle: Bool
  /// For a claim this parse wrote to its sink: its place among the claims written, counting
  /// from 0 in the order they were first written. Nil for a claim stored before the parse.
  public var written: Int?

  public init(kind: ClaimKind, hasTitle: Bool = false, written: Int? = nil) {
    self.kind = kind
    self.hasTitle = hasTitle
    self.written = written
  }
}

/// The claims a parse may refer to without defining them, asked for one at a time: a store of
/// 10^6 claims, or the claims a streamed parse has written, are never read into memory whole.
public protocol KnownClaims {
  func claim(_ id: String) -> KnownClaim?
  /// The ids of the known claims with these titles, by title.
  func ids(titled titles: Set<String>) -> [String: String]
  /// The known ids whose length in UTF-8 is in `lengths`, for suggesting one near a mistyped
  /// id: those the parse wrote, in the order written, then the others, sorted.
  func ids(lengths: ClosedRange<Int>) -> (written: [String], stored: [String])
}

/// Known claims held in dictionaries: the stored claims' kinds, and their titles to their ids.
public struct StoredClaims: KnownClaims {
  private let kinds: [String: ClaimKind]
  private let titles: [String: String]
  private let titledIDs: Set<String>

  public init(kinds: [String: ClaimKind] = [:], titles: [String: String] = [:]) {
    self.kinds = kinds
    self.titles = titles
    titledIDs = Set(titles.values)
  }

  public func claim(_ id: String) -> KnownClaim? {
    kinds[id].map { KnownClaim(kind: $0, hasTitle: titledIDs.contains(id)) }
  }

  public func ids(titled titles: Set<String>) -> [String: String] {
    self.titles.filter { titles.contains($0.key) }
  }

  public func ids(lengths: ClosedRange<Int>) -> (written: [String], stored: [String]) {
    ([], kinds.keys.filter { lengths.contains($0.utf8.count) }.sorted())
  }
}
