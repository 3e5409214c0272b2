import TestSupport
import Testing

@testable import ArgSemantics

@Suite struct SolverICCMATests {
  let chain = (
    letters: framework(3, [(0, 1), (1, 2)]),
    numbers: framework(3, [(0, 1), (1, 2)], numbered: true)
  )
  let nixon = (
    letters: framework(2, [(0, 1), (1, 0)]),
    numbers: framework(2, [(0, 1), (1, 0)], numbered: true)
  )
  let odd = (
    letters: framework(3, [(0, 1), (1, 2), (2, 0)]),
    numbers: framework(3, [(0, 1), (1, 2), (2, 0)], numbered: true)
  )

  func answers(
    _ task: ICCMATask, _ pair: (letters: AbstractFramework, numbers: AbstractFramework),
    _ argument: Int? = nil
  ) throws -> [String] {
    [
      try ICCMA.solve(task, pair.letters, argument: argument, style: .iccma2017),
      try ICCMA.solve(task, pair.numbers, argument: argument, style: .iccma2023),
    ]
  }

  @Test func singleExtensions() throws {
    #expect(try answers(.seGR, chain) == ["[a,c]", "w 1 3"])
    #expect(try answers(.seGR, nixon) == ["[]", "w"])
    #expect(try answers(.sePR, nixon) == ["[a]", "w 1"])
    #expect(try answers(.seST, chain) == ["[a,c]", "w 1 3"])
    #expect(try answers(.seST, odd) == ["NO", "NO"])
    #expect(try answers(.sePR, odd) == ["[]", "w"])
  }

  @Test func allExtensions() throws {
    #expect(try answers(.eeCO, nixon) == ["[[a],[b],[]]", "w 1\nw 2\nw"])
    #expect(try answers(.eePR, nixon) == ["[[a],[b]]", "w 1\nw 2"])
    #expect(try answers(.eeST, odd) == ["[]", "NO"])
    #expect(try answers(.eeCO, odd) == ["[[]]", "w"])
  }

  @Test func acceptanceWithCertificatesIn2023() throws {
    #expect(try answers(.dcGR, chain, 2) == ["YES", "YES\nw 1 3"])
    #expect(try answers(.dcGR, chain, 1) == ["NO", "NO"])
    #expect(try answers(.dcCO, nixon, 1) == ["YES", "YES\nw 2"])
    #expect(try answers(.dcST, odd, 0) == ["NO", "NO"])
    #expect(try answers(.dsPR, nixon, 0) == ["NO", "NO\nw 2"])
    #expect(try answers(.dsPR, chain, 0) == ["YES", "YES"])
    #expect(try answers(.dsST, odd, 0) == ["YES", "YES"])
    #expect(try answers(.dsST, nixon, 1) == ["NO", "NO\nw 1"])
  }

  @Test func tasksNameTheirArgumentNeeds() {
    // Four problems under seven semantics.
    #expect(ICCMATask.allCases.count == 28)
    #expect(ICCMATask(rawValue: "DS-PR") == .dsPR)
    #expect(ICCMATask(rawValue: "SE-SST")?.semantics == .semiStable)
    #expect(ICCMATask(rawValue: "DS-STG")?.semantics == .stage)
    #expect(ICCMATask(rawValue: "EE-ID")?.problem == .ee)
    #expect(
      ICCMATask.allCases.filter(\.needsArgument).map(\.rawValue).sorted() == [
        "DC-CO", "DC-GR", "DC-ID", "DC-PR", "DC-SST", "DC-ST", "DC-STG",
        "DS-CO", "DS-GR", "DS-ID", "DS-PR", "DS-SST", "DS-ST", "DS-STG",
      ])
  }

  /// The 2023 tasks on 1 ⇄ 2, 2 → 3, 3 → 3, 3 → 4 (i23 names): complete {}, {1}, {2, 4};
  /// preferred {1} (3 and 4 UNDEC) and {2, 4}; stable {2, 4} only.
  @Test func newSemanticsOnOneFramework() throws {
    let af = framework(4, [(0, 1), (1, 0), (1, 2), (2, 2), (2, 3)], numbered: true)
    func answer(_ task: ICCMATask, _ argument: Int? = nil) throws -> String {
      try ICCMA.solve(task, af, argument: argument, style: .iccma2023)
    }
    #expect(try answer(.eeST) == "w 2 4")
    #expect(Set(try answer(.eePR).split(separator: "\n")) == ["w 1", "w 2 4"])
    // Semi-stable and stage: the stable one, since one exists.
    #expect(try answer(.eeSST) == "w 2 4")
    #expect(try answer(.eeSTG) == "w 2 4")
    // Ideal: nothing is in both preferred extensions.
    #expect(try answer(.seID) == "w")
    #expect(try answer(.dsID, 3) == "NO\nw")
    #expect(try answer(.seCO) == "w")
    #expect(try answer(.dsCO, 3) == "NO\nw")
    #expect(try answer(.dcSST, 0) == "NO")
    #expect(try answer(.dsSST, 3) == "YES")
    #expect(try answer(.dcPR, 0) == "YES\nw 1")
  }

  /// Certificates are extensions of the semantics that contain (DC) or leave out (DS) the
  /// query, checked against brute force.
  @Test func certificatesAreExtensions() throws {
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<200 {
      let plain = randomFramework(&generator, maxCount: 9)
      guard plain.argumentCount > 0 else { continue }
      let af = AbstractFramework(
        names: (1...plain.argumentCount).map(String.init),
        attacks: (0..<plain.argumentCount).flatMap { a in
          plain.targets(of: a).map { (attacker: a, target: Int($0)) }
        })
      let brute = BruteForce(af)
      let argument = Int.random(in: 0..<af.argumentCount, using: &generator)
      for task in ICCMATask.allCases where task.needsArgument {
        let lines = try ICCMA.solve(task, af, argument: argument, style: .iccma2023)
          .split(separator: "\n")
        let extensions = Set(brute.sets(task.semantics))
        let isCredulous = task.rawValue.hasPrefix("DC")
        let expectCertificate = isCredulous ? lines[0] == "YES" : lines[0] == "NO"
        #expect(lines.count == (expectCertificate ? 2 : 1))
        guard expectCertificate else { continue }
        let members = lines[1].split(separator: " ").dropFirst().map { Int($0)! - 1 }
        let set = members.reduce(UInt32(0)) { $0 | 1 << $1 }
        // DC-PR's certificate is a complete extension, which a preferred one extends.
        let allowed = task == .dcPR ? Set(brute.completeSets) : extensions
        #expect(allowed.contains(set), "\(task) \(af)")
        #expect(members.contains(argument) == isCredulous)
      }
    }
  }
}
