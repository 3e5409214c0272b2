/// ICCMA tasks: a problem (SE some extension, EE every extension, DC credulous and DS
/// sceptical acceptance) under a semantics (GR grounded, CO complete, PR preferred, ST stable,
/// SST semi-stable, STG stage, ID ideal): the ICCMA 2017 and 2023 main-track tasks, and the
/// other pairs, which are as cheap to offer.
public enum ICCMATask: String, CaseIterable, Sendable {
  case seGR = "SE-GR", eeGR = "EE-GR", dcGR = "DC-GR", dsGR = "DS-GR"
  case seCO = "SE-CO", eeCO = "EE-CO", dcCO = "DC-CO", dsCO = "DS-CO"
  case sePR = "SE-PR", eePR = "EE-PR", dcPR = "DC-PR", dsPR = "DS-PR"
  case seST = "SE-ST", eeST = "EE-ST", dcST = "DC-ST", dsST = "DS-ST"
  case seSST = "SE-SST", eeSST = "EE-SST", dcSST = "DC-SST", dsSST = "DS-SST"
  case seSTG = "SE-STG", eeSTG = "EE-STG", dcSTG = "DC-STG", dsSTG = "DS-STG"
  case seID = "SE-ID", eeID = "EE-ID", dcID = "DC-ID", dsID = "DS-ID"

  public enum Problem: String, Sendable {
    case se = "SE", ee = "EE", dc = "DC", ds = "DS"
  }

  public var problem: Problem { Problem(rawValue: String(rawValue.prefix(2)))! }

  public var semantics: Semantics {
    switch rawValue.dropFirst(3) {
    case "GR": .grounded
    case "CO": .complete
    case "PR": .preferred
    case "ST": .stable
    case "SST": .semiStable
    case "STG": .stage
    default: .ideal
    }
  }

  /// Acceptance tasks take a query argument (`-a`).
  public var needsArgument: Bool { problem == .dc || problem == .ds }
}

/// The answer conventions of the competitions.
public enum ICCMAOutputStyle: Sendable {
  /// ICCMA 2017 (apx/tgf): an extension `[a,b]`, all of them `[[a],[b,c]]`, `YES`/`NO`;
  /// `NO` for SE when there is no extension.
  case iccma2017
  /// ICCMA 2023 (i23): an extension `w 1 4 7`, `NO` for SE when there is none; DC prints
  /// `YES` and a certificate line `w …` (an extension containing the query), or `NO`; DS
  /// prints `YES`, or `NO` and a certificate line (an extension without the query). EE, not
  /// a 2023 task, prints one `w …` line per extension, or `NO` when there is none.
  case iccma2023
}

public enum ICCMA {
  /// The text to print (without a final newline). Arguments are printed by `af.names`: for
  /// i23 files those are the numbers "1"…"N".
  public static func solve(
    _ task: ICCMATask, _ af: AbstractFramework, argument: Int?, style: ICCMAOutputStyle,
    budget: SolverBudget = .unlimited
  ) throws(SolverError) -> String {
    precondition(!task.needsArgument || argument != nil, "\(task.rawValue) needs an argument")
    var deadline = Deadline(budget)
    let semantics = task.semantics
    func extensionText(_ labelling: [Label]) -> String {
      let members = labelling.indices.filter { labelling[$0] == .in }.map(af.name)
      switch style {
      case .iccma2017: return "[" + members.joined(separator: ",") + "]"
      case .iccma2023: return (["w"] + members).joined(separator: " ")
      }
    }
    func decision(_ yes: Bool, certificate: [Label]?) -> String {
      let answer = yes ? "YES" : "NO"
      guard style == .iccma2023, let certificate else { return answer }
      return answer + "\n" + extensionText(certificate)
    }
    switch task.problem {
    case .se:
      // The grounded labelling is complete: SE-CO needs no search.
      let found = try Solver.labellings(
        af, semantics: semantics == .complete ? .grounded : semantics, assuming: [:],
        deadline: &deadline, limit: 1)
      return found.first.map(extensionText) ?? "NO"
    case .ee:
      let all = try Solver.labellings(
        af, semantics: semantics, assuming: [:], deadline: &deadline, limit: nil)
      switch style {
      case .iccma2017:
        return "[" + all.map(extensionText).joined(separator: ",") + "]"
      case .iccma2023:
        return all.isEmpty ? "NO" : all.map(extensionText).joined(separator: "\n")
      }
    case .dc:
      let witness = try Solver.credulousWitness(
        af, argument: argument!, semantics: semantics, &deadline)
      return decision(witness != nil, certificate: witness)
    case .ds:
      let counterexample = try Solver.skepticalCounterexample(
        af, argument: argument!, semantics: semantics, &deadline)
      return decision(counterexample == nil, certificate: counterexample)
    }
  }
}
