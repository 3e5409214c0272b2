import Argmap
import TestSupport
import Testing

/// Evaluation reads the store as integers (`claimGraph`) and names only what it prints. It
/// must answer exactly as evaluating the map held in memory by claim id does: on the built-in
/// map, and on a generated map whose seqs have gaps from removed claims.
@Suite struct IntegerEvaluationTests {
  static func builtinStore() throws -> MapStore {
    let store = try MapStore.inMemory()
    try store.importMap(try BuiltinCorpus.map())
    return store
  }

  /// 300 claims (every even one an argument) with random relations of every kind and random base scores; every tenth
  /// claim is then removed, so seqs skip.
  static func generatedStore() throws -> MapStore {
    var random = SeededGenerator(seed: 14)
    let count = 300
    let ids = (0..<count).map { "claim-\($0)" }
    let kinds: [RelationKind] = [.supports, .rebuts, .undercuts, .contradicts, .rephrases]
    var relations: [Relation] = []
    for to in 1..<count {
      for _ in 0..<Int(random.next() % 3) {
        let from = Int(random.next() % UInt64(count))
        var kind = kinds[Int(random.next() % UInt64(kinds.count))]
        // Only an argument (here every even claim) has an inference to undercut.
        if kind == .undercuts && !to.isMultiple(of: 2) { kind = .rebuts }
        if from != to { relations.append(Relation(from: ids[from], to: ids[to], kind: kind)) }
      }
    }
    let claims = ids.enumerated().map { index, id in
      Claim(
        id: id, kind: index.isMultiple(of: 2) ? .argument : .statement, text: "Text of \(id).",
        base: random.next() % 2 == 0 ? nil : Double(random.next() % 101) / 100)
    }
    let store = try MapStore.inMemory()
    try store.importMap(ArgumentMap(claims: claims, relations: Array(Set(relations))))
    for index in stride(from: 5, to: count, by: 10) { try store.removeClaim(id: ids[index]) }
    return store
  }

  @Test(arguments: [true, false])
  func standingsStrengthsAndCruxesAgree(builtin: Bool) throws {
    let store = try builtin ? Self.builtinStore() : Self.generatedStore()
    let map = try store.map()
    let graph = try store.claimGraph()
    #expect(graph.count == map.claims.count)
    // Other semantics search labellings, flip by flip for cruxes: the built-in map is their
    // size; the generated one checks grounded, which reads every claim and relation alike.
    let semanticsChecked: [Semantics] =
      builtin ? [.grounded, .complete, .preferred, .stable] : [.grounded]
    for semantics in semanticsChecked {
      for support in SupportMode.allCases {
        let byID = try Evaluation.evaluate(map, semantics: semantics, support: support)
        let byNumber = try Evaluation.evaluate(graph, semantics: semantics, support: support)
        #expect(byNumber.standings == byID.standings, "\(semantics) \(support)")
        #expect(byNumber.labellings == byID.labellings, "\(semantics) \(support)")
        let cruxes = try Evaluation.cruxes(
          graph, semantics: semantics, support: support, top: 5)
        let named = BipolarFramework(map: map, support: support).framework
        #expect(
          cruxes
            == (try Cruxes.rank(named, semantics: semantics, top: 5)), "\(semantics) \(support)")
      }
    }
    #expect(DFQuAD.strengths(of: graph) == DFQuAD.strengths(of: map))
  }

  /// An assumption named by id lands on the same claim both ways.
  @Test func assumptionsAgree() throws {
    let store = try Self.generatedStore()
    let map = try store.map()
    let graph = try store.claimGraph()
    for claim in map.claims.prefix(40) {
      let assuming = [claim.id: Label.out]
      let byID = try Evaluation.evaluate(
        map, semantics: .grounded, support: .derived, assuming: assuming)
      let byNumber = try Evaluation.evaluate(
        graph, semantics: .grounded, support: .derived,
        assuming: try Evaluation.numbered(assuming, in: graph, store: store))
      #expect(byNumber.standings == byID.standings, "\(claim.id)")
    }
    #expect(throws: StoreError.self) {
      try Evaluation.numbered(["claim-5": .in], in: graph, store: store)
    }
  }

  /// The ICCMA files written from the integer framework, with names streamed from the store,
  /// are byte for byte those of the framework named by id.
  @Test(arguments: [true, false])
  func iccmaFilesAgree(builtin: Bool) throws {
    let store = try builtin ? Self.builtinStore() : Self.generatedStore()
    let map = try store.map()
    let graph = try store.claimGraph()
    for support in SupportMode.allCases {
      let named = BipolarFramework(map: map, support: support).framework
      let numbered = Evaluation.framework(graph, support: support)
      for format in ICCMAFormat.allCases {
        var streamed = ""
        try ICCMAWriter.write(
          numbered, format: format, names: { try store.forEachClaimID($0) }, to: &streamed)
        #expect(streamed == ICCMAWriter.render(named, format: format), "\(format) \(support)")
      }
    }
  }

  /// `show`'s standing of each claim, from its region, is its standing in the whole map.
  @Test func regionalStandingsAgree() throws {
    let store = try Self.generatedStore()
    let map = try store.map()
    let whole = try Evaluation.evaluate(map, semantics: .grounded, support: .derived)
    let strengths = DFQuAD.strengths(of: map).strengths
    for (index, claim) in map.claims.enumerated() {
      let standing = try Evaluation.standing(ofClaim: claim.id, in: store).standing
      #expect(standing.grounded == whole.standings[index], "\(claim.id)")
      #expect(abs(standing.strength - strengths[index]) < 1e-9, "\(claim.id)")
    }
  }
}
