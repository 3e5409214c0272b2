#!/usr/bin/env python3
"""Semantics benchmark for `argmap af solve` against Python peers installed with pip.

A benchmark, not a test: it prints figures and exits 0 whether or not the target is met
(exit 1 only when it cannot run at all). Run it as `.ci/bench/semantics [options]`.

What it does, all in one run so the ratios compare like with like on this machine:
  1. builds argmap in release (`swift build -c release --product argmap`) unless --skip-build;
  2. makes a venv in .build/bench-venv and pip-installs the peers: pygarg (with python-sat,
     which it imports but does not declare) and formal-argumentation;
  3. writes seeded random frameworks in ICCMA 2023 .i23 (`p af N`, `a b` lines), which argmap
     and both peers read, under .build/bench-data;
  4. times each tool as a process on the same file (its parse included), takes the median of
     several runs, parses both outputs and checks that they give the same answer;
  5. prints the table, argmap's growth on grounded, writes the table as JSON beside the data,
     and says whether the target is met: argmap at least 20x faster than the peer on grounded
     at 10^5 arguments, with the same answer.

Peers and how they are run:
  pygarg                `python -m pygarg -p TASK -fo dimacs -f FILE` (its own CLI; its
                        `dimacs` format is the i23 format). Its grounded is a naive fixpoint
                        (each round scans all arguments x all attacks), so it times out from
                        about 10^3 arguments; once a peer times out on a task, larger sizes of
                        that task are not run for it and show "timeout".
  formal-argumentation  SE tasks: its own ICCMA CLI, `python -m argumentation.solving.iccma_cli
                        -p TASK -f FILE`. It has no EE task on the command line, so EE-PR runs a
                        small driver process (printed below as "driver") that parses the same file
                        with the package's `parse_af` and calls `solve_dung_extensions`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".build" / "bench-venv"
DATA = ROOT / ".build" / "bench-data"
ARGMAP = ROOT / ".build" / "release" / "argmap"

GENERATOR = 1  # bump when generate() changes, so cached files are not reused
TARGET_RATIO = 20.0
TARGET_SIZE = 100_000

# pip names, and what to install for each peer (pygarg imports pysat without declaring it).
PEER_PACKAGES = {
    "pygarg": ["pygarg==1.0.2", "python-sat"],
    "formal-argumentation": ["formal-argumentation==0.3.0"],
}
PEER_IMPORT = {"pygarg": "pygarg.dung.solver", "formal-argumentation": "argumentation.interop.iccma"}

FA_EE_DRIVER = """\
import sys
from pathlib import Path
from argumentation.interop.iccma import parse_af
from argumentation.solving.solver import solve_dung_extensions, ExtensionSolverSuccess
semantics = {"PR": "preferred", "CO": "complete", "ST": "stable", "GR": "grounded"}[sys.argv[1]]
framework = parse_af(Path(sys.argv[2]).read_text(encoding="utf-8"))
result = solve_dung_extensions(framework, semantics=semantics, backend="native")
if not isinstance(result, ExtensionSolverSuccess):
    sys.exit(str(result))
if not result.extensions:
    print("NO")
for extension in result.extensions:
    print("w" + "".join(" " + a for a in sorted(extension, key=int)))
"""


# --------------------------------------------------------------------------------------------
# Frameworks


def generate(n: int, seed: int, *, window: int = 40, back_rate: float = 0.02,
             forward: tuple[int, ...] = (2, 3), cycle_rate: float = 0.06) -> list[tuple[int, int]]:
    """A seeded random framework on arguments 1..n, as a sorted list of distinct attacks.

    Structure, so that grounded is neither empty nor everything:
      - about 8% of the arguments are never attacked (they start grounded IN);
      - chains: runs of 3-12 arguments where each attacks the next;
      - small cycles: 2-, 3- and 4-cycles (even ones undecided, odd ones undecided too), some
        fed by an attack from an unattacked argument so that they are decided after all;
      - every argument attacks 2-3 random arguments ahead of it within a window (a DAG part,
        decided by propagation) and, with a small probability, a random argument anywhere
        (back edges, which make long cycles and the undecided part).
    Every argument ends up with about 2-3 outgoing attacks.
    """
    rng = random.Random(seed * 1_000_003 + n)
    unattacked = [False] * (n + 1)
    for a in range(1, n + 1):
        unattacked[a] = rng.random() < 0.08
    attacks: set[tuple[int, int]] = set()

    def add(a: int, b: int) -> None:
        if not unattacked[b]:
            attacks.add((a, b))

    i = 1
    while i <= n:
        r = rng.random()
        if r < 0.10:  # a chain i -> i+1 -> ... -> i+k
            k = rng.randint(3, 12)
            for a in range(i, min(i + k, n)):
                add(a, a + 1)
            i += k
        elif r < 0.10 + cycle_rate:  # a small cycle on i .. i+k-1
            k = rng.choice((2, 3, 4))
            if i + k - 1 <= n:
                for j in range(k):
                    add(i + j, i + (j + 1) % k)
            i += k
        else:
            i += 1
    for a in range(1, n + 1):
        for _ in range(rng.choice(forward)):
            b = a + rng.randint(1, window)
            if b <= n:
                add(a, b)
        if rng.random() < back_rate:
            add(a, rng.randint(1, n))
    return sorted(attacks)


def write_i23(path: Path, n: int, attacks: list[tuple[int, int]]) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="ascii") as f:
        f.write(f"p af {n}\n")
        f.write("".join(f"{a} {b}\n" for a, b in attacks))
    tmp.rename(path)


def framework_file(kind: str, n: int, seed: int) -> tuple[Path, int]:
    """The .i23 file for (kind, n, seed), generated once and reused; and its attack count."""
    path = DATA / f"{kind}-{n}-s{seed}-g{GENERATOR}.i23"
    if not path.exists():
        if kind == "gr":
            attacks = generate(n, seed)
        else:  # preferred: many small cycles, so there are several preferred extensions
            attacks = generate(n, seed, window=8, back_rate=0.03, forward=(0, 1, 2),
                               cycle_rate=0.4)
        write_i23(path, n, attacks)
    with open(path, "rb") as f:
        m = sum(1 for _ in f) - 1
    return path, m


def reference_grounded(path: Path) -> frozenset[int]:
    """The grounded extension by the linear labelling, used only to settle a disagreement."""
    with open(path) as f:
        n = int(f.readline().split()[2])
        targets: list[list[int]] = [[] for _ in range(n + 1)]
        live = [0] * (n + 1)
        for line in f:
            a, b = line.split()
            targets[int(a)].append(int(b))
            live[int(b)] += 1
    label = [0] * (n + 1)  # 0 undec, 1 in, 2 out
    queue = deque(a for a in range(1, n + 1) if live[a] == 0)
    while queue:
        a = queue.popleft()
        if label[a]:
            continue
        label[a] = 1
        for b in targets[a]:
            if label[b] == 0:
                label[b] = 2
                for c in targets[b]:
                    live[c] -= 1
                    if live[c] == 0 and label[c] == 0:
                        queue.append(c)
    return frozenset(a for a in range(1, n + 1) if label[a] == 1)


# --------------------------------------------------------------------------------------------
# Running the tools


def parse_answer(text: str, task: str):
    """i23-style output: `w ...` lines -> a frozenset per extension; `NO` -> no extension."""
    extensions = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("w"):
            extensions.append(frozenset(int(x) for x in line[1:].split()))
        elif line == "NO":
            pass
        elif line:
            raise ValueError(f"unexpected output line: {line[:80]!r}")
    if task.startswith("SE"):
        return extensions[0] if extensions else None
    return frozenset(extensions)


def describe(answer, task: str) -> str:
    if answer is None:
        return "NO"
    if task.startswith("SE"):
        return f"{len(answer)} in"
    return f"{len(answer)} ext"


def command(tool: str, task: str, path: Path, timeout: float) -> list[str]:
    py = str(VENV / "bin" / "python")
    if tool == "argmap":
        return [str(ARGMAP), "af", "solve", "-p", task, "-f", str(path), "-fo", "i23",
                "--timeout", str(int(timeout))]
    if tool == "pygarg":
        return [py, "-m", "pygarg", "-p", task, "-fo", "dimacs", "-f", str(path)]
    if tool == "formal-argumentation":
        if task.startswith("EE"):
            return [py, str(DATA / "fa_ee_driver.py"), task.split("-")[1], str(path)]
        return [py, "-m", "argumentation.solving.iccma_cli", "-p", task, "-f", str(path)]
    raise ValueError(tool)


def run_once(cmd: list[str], timeout: float) -> tuple[float | None, str, str]:
    """Wall seconds (None on timeout), stdout, and an error text when it failed."""
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", "timeout"
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        err = (done.stderr.strip() or done.stdout.strip()).splitlines()
        text = err[-1] if err else f"exit {done.returncode}"
        if "gave up" in done.stderr:
            return None, "", "timeout"
        return seconds, done.stdout, f"failed: {text[:120]}"
    return seconds, done.stdout, ""


def measure(tool: str, task: str, path: Path, runs: int, timeout: float) -> dict:
    times, answer, error = [], None, ""
    for _ in range(runs):
        seconds, out, err = run_once(command(tool, task, path, timeout), timeout)
        if err:
            error = err
            break
        try:
            got = parse_answer(out, task)
        except ValueError as exc:
            error = f"bad output: {exc}"
            break
        if answer is not None and got != answer and not task.startswith("SE"):
            error = "answers differ between runs"
        answer = got
        times.append(seconds)
    return {
        "seconds": statistics.median(times) if times and not error else None,
        "runs": len(times),
        "answer": answer if not error else None,
        "error": error,
    }


# --------------------------------------------------------------------------------------------
# Setup


def build(skip: bool) -> None:
    if skip:
        print(f"build: skipped (--skip-build), using {ARGMAP.relative_to(ROOT)}")
    else:
        print("build: swift build -c release --product argmap", flush=True)
        done = subprocess.run(["swift", "build", "-c", "release", "--product", "argmap"],
                              cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            sys.stdout.write(done.stdout[-4000:] + done.stderr[-4000:])
            sys.exit("benchmark: the release build failed")
    if not ARGMAP.exists():
        sys.exit(f"benchmark: no {ARGMAP}")
    probe = subprocess.run([str(ARGMAP), "af", "solve", "--problems"], capture_output=True,
                           text=True)
    if probe.returncode != 0 or "SE-GR" not in probe.stdout:
        sys.exit("benchmark: this argmap has no working 'af solve' (needs the solver)")


def setup_peers(wanted: list[str], offline: bool) -> list[str]:
    """Make the venv, pip-install each wanted peer, keep those that import."""
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"venv: creating {VENV.relative_to(ROOT)}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    ready = []
    for peer in wanted:
        check = [str(py), "-c", f"import {PEER_IMPORT[peer]}"]
        if subprocess.run(check, capture_output=True).returncode != 0 and not offline:
            print(f"pip: installing {' '.join(PEER_PACKAGES[peer])}", flush=True)
            subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                            *PEER_PACKAGES[peer]], capture_output=True)
        if subprocess.run(check, capture_output=True).returncode == 0:
            ready.append(peer)
        else:
            print(f"peer {peer}: could not be installed or imported; skipped")
    versions = subprocess.run(
        [str(py), "-m", "pip", "list", "--disable-pip-version-check", "--format=freeze"],
        capture_output=True, text=True).stdout.split()
    print("peers: " + ", ".join(v for v in versions if v.split("==")[0] in
                                {"pygarg", "python-sat", "formal-argumentation"}))
    (DATA / "fa_ee_driver.py").write_text(FA_EE_DRIVER)
    return ready


# --------------------------------------------------------------------------------------------
# Main


def fmt_s(x: float | None) -> str:
    return "-" if x is None else (f"{x:.3f}" if x < 100 else f"{x:.1f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--skip-build", action="store_true", help="use the existing release build")
    ap.add_argument("--peers", default="pygarg,formal-argumentation",
                    help="comma-separated peers (default: pygarg,formal-argumentation)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-exp", type=int, default=2, help="smallest grounded size 10^N")
    ap.add_argument("--max-exp", type=int, default=6, help="largest grounded size 10^N")
    ap.add_argument("--pr-sizes", default="20,50,100,200,300", help="preferred sizes")
    ap.add_argument("--cap", type=float, default=120.0, help="time cap per peer run, seconds")
    ap.add_argument("--pr-cap", type=float, default=60.0, help="time cap per preferred run")
    ap.add_argument("--quick", action="store_true", help="fewer runs per size")
    ap.add_argument("--offline", action="store_true", help="do not pip install")
    opts = ap.parse_args()

    DATA.mkdir(parents=True, exist_ok=True)
    build(opts.skip_build)
    peers = setup_peers([p for p in opts.peers.split(",") if p], opts.offline)
    if not peers:
        sys.exit("benchmark: no peer could be installed")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; seed {opts.seed}; data in "
          f"{DATA.relative_to(ROOT)}; cap {opts.cap:g} s")
    print("times: wall seconds of one process run on the file, parse included; median of the "
          "runs shown\n")

    gr_sizes = [10**e for e in range(opts.min_exp, opts.max_exp + 1)]
    runs_for = (lambda n: 1 if n >= 10**6 else (2 if n >= 10**5 else 3)) if opts.quick else \
               (lambda n: 1 if n >= 10**6 else (3 if n >= 10**5 else 5))
    jobs = [("SE-GR", "gr", n) for n in gr_sizes]
    for n in [int(x) for x in opts.pr_sizes.split(",") if x]:
        jobs += [("SE-PR", "pr", n), ("EE-PR", "pr", n)]

    rows: list[dict] = []
    gave_up: dict[tuple[str, str], int] = {}  # (peer, task) -> size it timed out at
    header = (f"{'task':<6} {'peer':<29} {'arguments':>9} {'attacks':>9} {'argmap s':>9} "
              f"{'peer s':>9} {'peer/argmap':>11} {'runs':>5}  {'same answer':<11} answer")
    print(header)
    print("-" * len(header))
    for task, kind, n in jobs:
        path, m = framework_file(kind, n, opts.seed)
        runs = runs_for(n) if kind == "gr" else 3
        cap = opts.cap if kind == "gr" else opts.pr_cap
        mine = measure("argmap", task, path, runs, cap)
        all_pr = None
        for peer in peers:
            if (peer, task) in gave_up:
                theirs = {"seconds": None, "runs": 0, "answer": None, "error": "timeout",
                          "skipped": f"not run: timed out at {gave_up[(peer, task)]}"}
            else:
                theirs = measure(peer, task, path, runs, cap)
                if theirs["error"] == "timeout":
                    gave_up[(peer, task)] = n
            same = "-"
            if mine["error"] == "" and theirs["error"] == "":
                if task == "SE-PR":
                    # Any preferred extension is a right answer: check each against argmap's
                    # EE-PR enumeration (not timed).
                    if all_pr is None:
                        all_pr = measure("argmap", "EE-PR", path, 1, cap)["answer"]
                    ok = all_pr is not None and mine["answer"] in all_pr and \
                        theirs["answer"] in all_pr
                    same = "yes" if ok else "NO"
                else:
                    same = "yes" if mine["answer"] == theirs["answer"] else "NO"
            note = f" ({theirs['skipped']})" if theirs.get("skipped") else ""
            if same == "NO" and task == "SE-GR":
                ref = reference_grounded(path)
                note = (f" [reference grounded: argmap {'right' if mine['answer'] == ref else 'WRONG'}"
                        f", {peer} {'right' if theirs['answer'] == ref else 'WRONG'}]")
            ratio = (theirs["seconds"] / mine["seconds"]
                     if theirs["seconds"] and mine["seconds"] else None)
            peer_s = theirs["error"] if theirs["error"] else fmt_s(theirs["seconds"])
            mine_s = mine["error"] if mine["error"] else fmt_s(mine["seconds"])
            label = peer + (" (driver)" if peer == "formal-argumentation"
                            and task.startswith("EE") else "")
            print(f"{task:<6} {label:<29} {n:>9} {m:>9} {mine_s:>9} {peer_s:>9} "
                  f"{(f'{ratio:.1f}x' if ratio else '-'):>11} {mine['runs']:>2}/{theirs['runs']:<2}"
                  f"  {same:<11} {describe(mine['answer'], task) if not mine['error'] else ''}"
                  f"{note}", flush=True)
            rows.append({
                "task": task, "peer": peer, "peer_mode": "driver" if label.endswith("(driver)")
                else "cli", "arguments": n, "attacks": m, "file": str(path.relative_to(ROOT)),
                "argmap_seconds": mine["seconds"], "argmap_runs": mine["runs"],
                "argmap_error": mine["error"] or None, "peer_seconds": theirs["seconds"],
                "peer_runs": theirs["runs"], "peer_error": theirs["error"] or None,
                "peer_skipped": theirs.get("skipped"),
                "ratio_peer_over_argmap": ratio,
                "same_answer": None if same == "-" else same == "yes",
                "argmap_answer_size": (len(mine["answer"]) if mine["answer"] is not None
                                       else None),
            })

    # Growth of argmap on grounded: time ratio against size ratio, size to size.
    print("\nargmap growth on SE-GR (linear means time ratio ~ size ratio; below 10^4 the time "
          "is mostly process start):")
    print(f"{'arguments':>9} {'attacks':>9} {'argmap s':>9} {'x size':>7} {'x time':>7} "
          f"{'us/attack':>9}")
    growth, prev = [], None
    seen = set()
    for r in rows:
        if r["task"] != "SE-GR" or r["arguments"] in seen:
            continue
        seen.add(r["arguments"])
        t = r["argmap_seconds"]
        xs = xt = None
        if prev and t and prev["argmap_seconds"]:
            xs, xt = r["arguments"] / prev["arguments"], t / prev["argmap_seconds"]
        per_attack = f"{t / r['attacks'] * 1e6:.2f}" if t else "-"
        print(f"{r['arguments']:>9} {r['attacks']:>9} {fmt_s(t):>9} "
              f"{(f'{xs:.0f}' if xs else '-'):>7} {(f'{xt:.1f}' if xt else '-'):>7} "
              f"{per_attack:>9}")
        growth.append({"arguments": r["arguments"], "attacks": r["attacks"], "argmap_seconds": t,
                       "size_ratio": xs, "time_ratio": xt})
        prev = r

    # The target.
    print(f"\ntarget: argmap >= {TARGET_RATIO:g}x faster than the peer on SE-GR at "
          f"{TARGET_SIZE} arguments, same answer")
    verdicts = {}
    for peer in peers:
        r = next((r for r in rows if r["task"] == "SE-GR" and r["peer"] == peer
                  and r["arguments"] == TARGET_SIZE), None)
        if r is None:
            verdict, why = None, "not run (size not in this run)"
        elif r["ratio_peer_over_argmap"] is None:
            verdict = None
            why = (f"not measurable: peer {r['peer_error']} (cap {opts.cap:g} s), argmap "
                   f"{fmt_s(r['argmap_seconds'])} s")
            if r["peer_error"] == "timeout" and r["argmap_seconds"]:
                why += f"; the ratio would be over {opts.cap / r['argmap_seconds']:.0f}x"
        else:
            ratio, same = r["ratio_peer_over_argmap"], r["same_answer"]
            verdict = ratio >= TARGET_RATIO and bool(same)
            why = f"{ratio:.1f}x, same answer: {'yes' if same else 'NO'}"
        verdicts[peer] = verdict
        print(f"  vs {peer:<21} {'MET' if verdict else ('NOT MET' if verdict is False else 'n/a')}"
              f"  ({why})")

    out = DATA / "semantics-results.json"
    out.write_text(json.dumps({
        "seed": opts.seed, "cap_seconds": opts.cap, "machine": platform.machine(),
        "cpus": os.cpu_count(), "rows": rows, "argmap_grounded_growth": growth,
        "target": {"ratio": TARGET_RATIO, "arguments": TARGET_SIZE, "met": verdicts},
    }, indent=2))
    print(f"\nJSON: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
