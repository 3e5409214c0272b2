#!/usr/bin/env python3
"""An ICCMA-style solver on clingo and the ASP encodings in .ci/bench/asp/, the benchmark's
peer for `argmap af solve`. Runs in the benchmark's venv (pip package `clingo`).

Usage: clingo_solve.py TASK FILE.i23 [ARGUMENT]; prints what argmap prints for i23 files
(`w 1 4`, `NO`, `YES`/`NO` for DC/DS, no certificates).

Maximality (preferred: of the set; semi-stable and stage: of the range) is clingo's domain
heuristic enumeration (`--heuristic=Domain --enum-mode=domRec`), which yields exactly the
models whose heuristic atoms are subset-maximal. Semi-stable and stage may have several
extensions with one range, so each maximal range is then enumerated under assumptions.
"""

import sys
from pathlib import Path

import clingo

ASP = Path(__file__).resolve().parent / "asp"
MAXIMAL = ["0", "--heuristic=Domain", "--enum-mode=domRec"]


def facts(path: str) -> tuple[str, int]:
    with open(path, encoding="ascii") as f:
        header = f.readline().split()
        while header and header[0] == "#":
            header = f.readline().split()
        n = int(header[2])
        lines = [f"arg(1..{n})."]
        for line in f:
            parts = line.split()
            if len(parts) == 2 and not line.startswith("#"):
                lines.append(f"att({parts[0]},{parts[1]}).")
    return "\n".join(lines), n


def control(program: str, encodings: list[str], options: list[str] = ("0",)) -> clingo.Control:
    ctl = clingo.Control(list(options))
    ctl.add("base", [], program)
    for name in encodings:
        ctl.load(str(ASP / name))
    ctl.ground([("base", [])])
    return ctl


def models(ctl: clingo.Control, assumptions=(), atom="in"):
    """Yields the set of `atom` arguments of each model."""
    with ctl.solve(yield_=True, assumptions=list(assumptions)) as handle:
        for model in handle:
            yield frozenset(s.arguments[0].number for s in model.symbols(atoms=True)
                            if s.name == atom and len(s.arguments) == 1)


def grounded(program: str) -> frozenset:
    return next(models(control(program, ["grounded.lp"])))


def range_maximal(program: str, n: int, base: str):
    """Every extension of semi-stable (base complete.lp) or stage (conflictfree.lp)."""
    ranges = list(models(control(program, [base, "maximal-range.lp"], MAXIMAL), atom="range"))
    exact = control(program, [base])
    for r in ranges:
        pinned = [(clingo.Function("range", [clingo.Number(x)]), x in r) for x in range(1, n + 1)]
        yield from models(exact, pinned)


def extensions(task_semantics: str, program: str, n: int):
    if task_semantics == "GR":
        yield grounded(program)
    elif task_semantics == "CO":
        yield from models(control(program, ["complete.lp"]))
    elif task_semantics == "ST":
        yield from models(control(program, ["stable.lp"]))
    elif task_semantics == "PR":
        yield from models(control(program, ["complete.lp", "maximal-in.lp"], MAXIMAL))
    elif task_semantics == "SST":
        yield from range_maximal(program, n, "complete.lp")
    elif task_semantics == "STG":
        yield from range_maximal(program, n, "conflictfree.lp")
    elif task_semantics == "ID":
        credulous = control(program, ["complete.lp"], ["0", "--enum-mode=brave"])
        union = frozenset()
        for model in models(credulous):
            union = model  # brave reasoning: the last model is the union
        given = program + "".join(f"\ncredulous({x})." for x in sorted(union))
        yield from models(control(given, ["ideal.lp", "maximal-in.lp"], MAXIMAL))
    else:
        raise SystemExit(f"unknown semantics {task_semantics}")


def main() -> int:
    task, path = sys.argv[1], sys.argv[2]
    problem, semantics = task.split("-")
    program, n = facts(path)
    w = lambda e: "w" + "".join(f" {x}" for x in sorted(e))
    if problem == "SE":
        found = next(iter(extensions(semantics, program, n)), None)
        print("NO" if found is None else w(found))
    elif problem == "EE":
        found = [w(e) for e in extensions(semantics, program, n)]
        print("\n".join(found) if found else "NO")
    else:
        argument = int(sys.argv[3])
        if problem == "DC" and semantics in ("CO", "PR", "ST"):
            # One model with the argument IN (credulous preferred = credulous complete).
            encoding = "stable.lp" if semantics == "ST" else "complete.lp"
            ctl = control(program + f"\n:- not in({argument}).", [encoding], ["1"])
            print("YES" if next(models(ctl), None) is not None else "NO")
        elif problem == "DS" and semantics == "ST":
            ctl = control(program + f"\n:- in({argument}).", ["stable.lp"], ["1"])
            print("NO" if next(models(ctl), None) is not None else "YES")
        elif problem == "DC":
            print("YES" if any(argument in e for e in extensions(semantics, program, n)) else "NO")
        else:
            print("YES" if all(argument in e for e in extensions(semantics, program, n)) else "NO")
    return 0


if __name__ == "__main__":
    sys.exit(main())
