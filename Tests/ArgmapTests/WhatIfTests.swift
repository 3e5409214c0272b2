import Argmap
import Testing

/// `--assume` and `cruxes` answer under every semantics, on the built-in map.
@Suite struct WhatIfTests {
  let map: ArgumentMap

  init() throws {
    map = try BuiltinCorpus.map()
  }

  /// An unattacked claim assumed OUT: restricting the labellings found none (and listed every
  /// claim as undecided); as an intervention it is rejected and the rest follow.
  @Test(arguments: Semantics.allCases, SupportMode.allCases)
  func assumingAnUnattackedClaimOutHasAnAnswer(semantics: Semantics, support: SupportMode)
    throws
  {
    let id = "refusal-is-not-subversion"
    let before = try Evaluation.evaluate(map, semantics: semantics, support: support)
    let index = try #require(map.claims.firstIndex { $0.id == id })
    #expect(before.standings[index] == .accepted)
    let after = try Evaluation.evaluate(
      map, semantics: semantics, support: support, assuming: [id: .out])
    #expect(!after.labellings.isEmpty)
    #expect(after.standings[index] == .rejected)
    let held = try Evaluation.evaluate(
      map, semantics: semantics, support: support, assuming: ["scenario-is-contrived": .in])
    let contrived = try #require(map.claims.firstIndex { $0.id == "scenario-is-contrived" })
    #expect(held.standings[contrived] == .accepted)
  }

  /// Grounded answers as it did before assumptions were interventions: the same labels as
  /// the least fixpoint with the claims fixed, which `DerivedGrounded` computes.
  @Test func groundedAssumptionsAgreeWithTheMaterialisedFramework() throws {
    for claim in map.claims {
      for label in [Label.in, .out] {
        let derived = try Evaluation.evaluate(
          map, semantics: .grounded, support: .derived, assuming: [claim.id: label])
        let complete = try Evaluation.evaluate(
          map, semantics: .complete, support: .derived, assuming: [claim.id: label])
        // The grounded labelling is the least complete one: its IN claims are IN in all.
        for (index, standing) in derived.standings.enumerated() where standing == .accepted {
          #expect(complete.standings[index] == .accepted, "\(claim.id)=\(label)")
        }
      }
    }
  }

  @Test(arguments: Semantics.allCases)
  func cruxesAnswerUnderEverySemantics(semantics: Semantics) throws {
    let cruxes = try Evaluation.cruxes(
      ClaimGraph(map: map), semantics: semantics, support: .derived, top: 5)
    #expect(cruxes.count == 5)
    #expect(cruxes.allSatisfy { !$0.changed.isEmpty })
  }
}
