#!/usr/bin/env python3
"""ICCMA benchmark: `argmap af solve` against clingo with ASP encodings written for it.

A benchmark, not a test: it prints a table and exits 0 whether or not the targets are met
(exit 1 only when it cannot run). Run it as `.ci/bench/semantics iccma [options]`.

In one run, so that the ratios compare like with like on this machine:
  1. builds argmap in release unless --skip-build;
  2. pip-installs `clingo` into .build/bench-venv (nothing else is downloaded);
  3. generates seeded frameworks in the styles of ICCMA's generators, as .i23 files under
     .build/bench-data/iccma:
       er    AFBenchGen-like random graphs: each ordered pair attacks with probability p,
             given as the mean number of attacks per argument d = p·n (random frameworks turn
             hard for every solver between d = 3 and d = 5, whatever the size);
       ws    Watts-Strogatz graphs: a ring where each argument meets its k nearest, rewired
             with probability 0.2, each edge one way or (one in ten) both ways;
       mpr   many preferred extensions: k mutual attacks (2^k preferred extensions) whose
             members attack a sparse random rest;
       adm   admbuster-style: one argument attacked by two chains that cross pairwise,
             so that there are many admissible sets and few preferred ones;
     plus any published instances given with --instances DIR (.i23/.af files, never
     committed: fetch them to a scratch folder);
  4. runs each task on each file with argmap (`af solve`) and with clingo
     (.ci/bench/clingo_solve.py and .ci/bench/asp/*.lp), as processes with a time limit;
  5. checks that the answers agree (EE: the same extensions; DC/DS: the same YES/NO; SE: both
     find one or both say NO, and each one found is an extension by the definition that can be
     checked on the set: stable, complete, or grounded equal to a reference);
  6. prints the table (task x framework x size x density: argmap s, clingo s, clingo/argmap,
     agreement), then per task the median ratio (a time-out counts as the limit; instances
     where both time out say nothing and are left out), how many answers differ, and the
     instances where clingo finished within 10 s and argmap did not. When both time out on a
     task and framework kind and density, its larger sizes are not run.

clingo runs as a Python process (the pip package), so about 0.1 s of each of its times is
Python's start and import; the run prints that start-up time, measured on an empty framework.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from semantics import ARGMAP, DATA, ROOT, VENV, build, fmt_s, run_once, write_i23  # noqa: E402

OUT = DATA / "iccma"
DRIVER = Path(__file__).resolve().parent / "clingo_solve.py"
GENERATOR = 2  # bump when a generator changes, so cached files are not reused
TARGET_TASKS = ["EE-PR", "EE-ST", "DS-PR", "DC-CO", "SE-ST"]
DEFAULT_TASKS = ["SE-GR"] + TARGET_TASKS


# --------------------------------------------------------------------------------------------
# Frameworks (arguments 1..n; attack lists of distinct pairs)


def erdos_renyi(n: int, degree: float, rng: random.Random) -> set[tuple[int, int]]:
    # Geometric skipping: O(attacks), not O(n^2), and the same distribution.
    attacks, total, index, p = set(), n * n, -1, min(degree / n, 0.99)
    log_q = math.log(1 - p)
    while True:
        index += 1 + int(math.log(1 - rng.random()) / log_q)
        if index >= total:
            return attacks
        attacks.add((index // n + 1, index % n + 1))


def watts_strogatz(n: int, k: int, rng: random.Random) -> set[tuple[int, int]]:
    attacks = set()
    for a in range(n):
        for step in range(1, k // 2 + 1):
            b = (a + step) % n
            if rng.random() < 0.2:
                b = rng.randrange(n)
            if a == b:
                continue
            r = rng.random()
            if r < 0.1:
                attacks |= {(a + 1, b + 1), (b + 1, a + 1)}
            elif r < 0.55:
                attacks.add((a + 1, b + 1))
            else:
                attacks.add((b + 1, a + 1))
    return attacks


def many_preferred(n: int, k: int, rng: random.Random) -> set[tuple[int, int]]:
    attacks = set()
    for pair in range(k):
        a, b = 2 * pair + 1, 2 * pair + 2
        attacks |= {(a, b), (b, a)}
    rest = list(range(2 * k + 1, n + 1))
    for a in range(1, 2 * k + 1):
        for b in rng.sample(rest, min(3, len(rest))):
            attacks.add((a, b))
    for a in rest:
        for _ in range(2):
            b = rng.choice(rest)
            if b > a:  # acyclic rest: the pairs decide it
                attacks.add((a, b))
    return attacks


def admbuster(n: int) -> set[tuple[int, int]]:
    # Argument 1 is attacked by the heads of two chains (even and odd numbers from 2 on); each
    # chain member is attacked by the next one, and every other step the chains cross.
    attacks, m = set(), (n - 1) // 2
    b = lambda i: 2 * i  # noqa: E731
    c = lambda i: 2 * i + 1  # noqa: E731
    attacks |= {(b(1), 1), (c(1), 1)}
    for i in range(1, m):
        attacks |= {(b(i + 1), b(i)), (c(i + 1), c(i))}
        if i % 2 == 0:
            attacks |= {(b(i + 1), c(i)), (c(i + 1), b(i))}
    return attacks


def generated(kinds: list[str], sizes: list[int], seed: int) -> list[dict]:
    """(kind, n, density) for each generated file; density is p, k or '-'."""
    plans = []
    for n in sizes:
        if "er" in kinds:
            plans += [("er", n, d) for d in (1.5, 3, 5)]
        if "ws" in kinds:
            plans += [("ws", n, k) for k in (4, 10)]
        if "mpr" in kinds:
            plans += [("mpr", n, k) for k in (6, 10)]
        if "adm" in kinds:
            plans.append(("adm", n, "-"))
    files = []
    for kind, n, density in plans:
        path = OUT / f"{kind}-{n}-{density}-s{seed}-g{GENERATOR}.i23"
        if not path.exists():
            rng = random.Random(f"{kind}/{n}/{density}/{seed}")
            attacks = {
                "er": lambda: erdos_renyi(n, density, rng),
                "ws": lambda: watts_strogatz(n, density, rng),
                "mpr": lambda: many_preferred(n, density, rng),
                "adm": lambda: admbuster(n),
            }[kind]()
            write_i23(path, n, sorted(attacks))
        files.append({"kind": kind, "n": n, "density": density, "path": path})
    return files


def published(folder: str | None) -> list[dict]:
    if not folder:
        return []
    files = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix in (".i23", ".af"):
            n = int(path.open().readline().split()[2])
            files.append({"kind": path.stem[:24], "n": n, "density": "-", "path": path})
    return files


def read_framework(path: Path) -> tuple[int, list[set[int]]]:
    """n and the attackers of each argument."""
    with open(path) as f:
        n = int(f.readline().split()[2])
        attackers = [set() for _ in range(n + 1)]
        for line in f:
            parts = line.split()
            if len(parts) == 2 and not line.startswith("#"):
                attackers[int(parts[1])].add(int(parts[0]))
    return n, attackers


# --------------------------------------------------------------------------------------------
# Checking answers by the definitions


def grounded(n: int, attackers: list[set[int]]) -> frozenset:
    inside, out, changed = set(), set(), True
    while changed:
        changed = False
        for a in range(1, n + 1):
            if a not in inside and attackers[a] <= out:
                inside.add(a)
                changed = True
        for a in range(1, n + 1):
            if a not in out and attackers[a] & inside:
                out.add(a)
                changed = True
    return frozenset(inside)


def is_extension(s: frozenset, semantics: str, n: int, attackers: list[set[int]]) -> bool:
    """Stable for ST; complete for CO, PR and SST; conflict-free for STG; grounded for GR."""
    if semantics == "GR":
        return s == grounded(n, attackers)
    if any(attackers[a] & s for a in s):
        return False
    if semantics == "STG":
        return True
    out = {a for a in range(1, n + 1) if attackers[a] & s}
    if semantics == "ST":
        return len(s) + len(out) == n
    defended = {a for a in range(1, n + 1) if attackers[a] <= out}
    return defended == set(s)


def parse(text: str, task: str):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if task[:2] in ("DC", "DS"):
        return lines[0] == "YES"
    sets = [frozenset(int(x) for x in line[1:].split()) for line in lines if line[0] == "w"]
    if task.startswith("SE"):
        return sets[0] if sets else None
    return frozenset(sets)


def agree(task: str, mine, theirs, framework) -> bool:
    if task.startswith("SE"):
        if mine is None or theirs is None:
            return mine is None and theirs is None
        n, attackers = framework
        semantics = task[3:]
        return all(is_extension(s, semantics, n, attackers) for s in (mine, theirs))
    return mine == theirs


# --------------------------------------------------------------------------------------------
# Running


def run(cmd: list[str], cap: float) -> tuple[float | None, str, str]:
    """As `run_once`, but a failed run has no time: it counts as reaching the limit."""
    seconds, out, error = run_once(cmd, cap)
    return (None if error else seconds), out, error


def commands(task: str, path: Path, argument: int | None, cap: float) -> dict[str, list[str]]:
    query = [] if argument is None else [str(argument)]
    return {
        "argmap": [str(ARGMAP), "af", "solve", "-p", task, "-f", str(path), "-fo", "i23",
                   "--timeout", str(int(cap))] + (["-a"] + query if query else []),
        "clingo": [str(VENV / "bin" / "python"), str(DRIVER), task, str(path)] + query,
    }


def setup_clingo(offline: bool) -> str:
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    check = [str(py), "-c", "import clingo; print(clingo.__version__)"]
    if subprocess.run(check, capture_output=True).returncode != 0 and not offline:
        print("pip: installing clingo", flush=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        "clingo"], capture_output=True)
    done = subprocess.run(check, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("benchmark: clingo could not be installed")
    return done.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-build", action="store_true")
    ap.add_argument("--offline", action="store_true", help="do not pip install")
    ap.add_argument("--tasks", default=",".join(DEFAULT_TASKS))
    ap.add_argument("--kinds", default="er,ws,mpr,adm")
    ap.add_argument("--sizes", default="100,200,500,1000,2000")
    ap.add_argument("--instances", help="a folder of published .i23/.af files to add")
    ap.add_argument("--no-generated", action="store_true", help="only --instances")
    ap.add_argument("--cap", type=float, default=60.0, help="time limit per run, seconds")
    ap.add_argument("--seed", type=int, default=1)
    opts = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    build(opts.skip_build)
    version = setup_clingo(opts.offline)
    tasks = [t for t in opts.tasks.split(",") if t]
    files = [] if opts.no_generated else generated(
        opts.kinds.split(","), [int(x) for x in opts.sizes.split(",")], opts.seed)
    files += published(opts.instances)
    empty = OUT / "empty.i23"
    write_i23(empty, 1, [])
    startup = {tool: run(cmd, opts.cap)[0]
               for tool, cmd in commands("SE-GR", empty, None, opts.cap).items()}
    print(f"clingo {version}; {len(files)} frameworks; limit {opts.cap:g} s per run; "
          "times are wall seconds of one process, parse included; start-up on an empty "
          f"framework: argmap {fmt_s(startup['argmap'])} s, clingo {fmt_s(startup['clingo'])} s\n")
    header = (f"{'task':<7}{'framework':<26}{'args':>6}{'attacks':>8} {'density':>7} "
              f"{'argmap s':>9}{'clingo s':>9}{'clingo/argmap':>14}  agree")
    print(header)
    print("-" * len(header))
    rows, hopeless = [], set()
    for task in tasks:
        for file in files:
            path = file["path"]
            family = (task, file["kind"], file["density"])
            if family in hopeless:
                continue
            framework = read_framework(path)
            attacks = sum(len(a) for a in framework[1])
            argument = None
            if task[:2] in ("DC", "DS"):
                argument = random.Random(f"{path.name}/{task}").randint(1, file["n"])
            times, answers = {}, {}
            for tool, cmd in commands(task, path, argument, opts.cap).items():
                seconds, out, error = run(cmd, opts.cap)
                times[tool] = seconds
                answers[tool] = error or parse(out, task)
            both = not isinstance(answers["argmap"], str) and not isinstance(answers["clingo"], str)
            same = agree(task, answers["argmap"], answers["clingo"], framework) if both else None
            limit = lambda t: opts.cap if t is None else t  # noqa: E731
            ratio = limit(times["clingo"]) / limit(times["argmap"])
            show = lambda tool: (fmt_s(times[tool]) if times[tool] is not None  # noqa: E731
                                 else answers[tool].split(":")[0])
            print(f"{task:<7}{file['kind']:<26}{file['n']:>6}{attacks:>8} {file['density']!s:>7} "
                  f"{show('argmap'):>9}{show('clingo'):>9}{ratio:>13.2f}x  "
                  f"{'-' if same is None else ('yes' if same else 'NO')}", flush=True)
            if times["argmap"] is None and times["clingo"] is None:
                hopeless.add(family)
            rows.append({"task": task, "kind": file["kind"], "arguments": file["n"],
                         "attacks": attacks, "density": file["density"],
                         "file": str(path), "argmap_seconds": times["argmap"],
                         "clingo_seconds": times["clingo"], "ratio": ratio, "agree": same,
                         "argmap_error": answers["argmap"] if isinstance(answers["argmap"], str)
                         else None,
                         "clingo_error": answers["clingo"] if isinstance(answers["clingo"], str)
                         else None})

    print(f"\nper task (ratio = clingo time / argmap time, a time-out counted as {opts.cap:g} s;"
          " above 1 argmap is faster):")
    print(f"{'task':<7}{'counted':>8}{'median ratio':>13}{'min':>7}{'max':>8}{'differ':>7}"
          f"{'argmap t/o':>11}{'clingo t/o':>11}  clingo < 10 s, argmap gave up")
    summary = {}
    for task in tasks:
        mine = [r for r in rows if r["task"] == task]
        ratios = [r["ratio"] for r in mine
                  if r["argmap_seconds"] is not None or r["clingo_seconds"] is not None]
        if not ratios:
            continue
        lost = [f"{r['kind']}-{r['arguments']}-{r['density']}" for r in mine
                if r["argmap_seconds"] is None and r["clingo_seconds"] is not None
                and r["clingo_seconds"] < 10]
        differ = sum(1 for r in mine if r["agree"] is False)
        summary[task] = {"median_ratio": statistics.median(ratios), "differ": differ,
                         "lost": lost}
        print(f"{task:<7}{len(ratios):>8}{statistics.median(ratios):>12.2f}x{min(ratios):>6.2f}x"
              f"{max(ratios):>7.1f}x{differ:>7}"
              f"{sum(1 for r in mine if r['argmap_seconds'] is None):>11}"
              f"{sum(1 for r in mine if r['clingo_seconds'] is None):>11}  "
              f"{', '.join(lost) or 'none'}")
    out = OUT / ("results-instances.json" if opts.no_generated else "results.json")
    out.write_text(json.dumps({"cap": opts.cap, "clingo": version, "startup": startup,
                               "rows": rows,
                               "summary": summary}, indent=1))
    print(f"\nJSON: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
