#!/usr/bin/env python3
"""Scale benchmark: argmap's commands on maps of 10^3..10^6 claims, against same-run references.

A benchmark, not a test: it prints figures and exits 0 whether or not the targets are met;
it exits 1 when it cannot run, when a command fails, or when argmap's import and sqlite3's
hold different maps, so `--smoke` checks in CI that every measured command still works. Run it
as `.ci/bench/scale [options]`.

What it does, all in one run so the ratios compare like with like on this machine:
  1. builds argmap in release as a static executable
     (`swift build -c release -Xswiftc -static-executable --product argmap`)
     unless --skip-build;
  2. unless --smoke or --no-peers, makes the venv .build/bench-venv (shared with
     .ci/bench/semantics) and pip-installs the peers networkx and arguebuf;
  3. per size, writes a seeded synthetic map under .build/bench-scale/n<size>-s<seed>-g<gen>/:
     Kialo-shaped trees (one per position, five to fifty positions) of pro and con replies
     several levels deep, a few percent of cross-links and of rebuttal cycles, claim texts of
     60-300 characters; as Argdown corpus files (what `argmap import` reads) and as CSV (the
     same rows, for sqlite3 and the peers);
  4. times each operation as a whole process (that is how users run argmap), with the peak
     resident memory of every row's process from wait4(2):
       import       argmap import of the corpus folder into a new database
                    ref: sqlite3 `.import --csv` of the same rows into argmap's schema
                         (`argmap init --empty`, then one transaction; FTS triggers fire too)
       show, tree --depth 3, path, search   on claims chosen at random, median and p95
                    ref: sqlite3 running the SQL argmap runs (MapStore+Read.swift `detail`,
                         the recursive CTE of MapStore+Graph.swift `tree`, a breadth-first
                         CTE for `path`, the FTS5 query of `search`), one process per call
       export dot|json|argdown|aif|graphml
                    ref: sqlite3 printing the same rows (positions, claims, tags, relations)
       export i23   ref: sqlite3 printing the claim count and the attacks as numbers
       evaluate (grounded), strength     ref: argmap's own growth from the size below
       startup      argmap --version, ref: sqlite3 --version
       peers        networkx and arguebuf loading the same map from CSV and computing the
                    same tree (networkx) and an export (node-link JSON; AIF JSON)
     plus the database file's size against the corpus text's;
  5. prints one table (operation, size, argmap, reference, ratio, target, met) and writes
     it as JSON (--out, default .build/bench-scale/results.json).

Figures are wall seconds on whatever else the machine is doing: rely on the ratios, which
compare processes run back to back. Generated data is cached by size, seed and generator
version, and never committed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from semantics import ROOT, VENV  # noqa: E402  (shared with the semantics benchmark)

SCRATCH = ROOT / ".build" / "bench-scale"
ARGMAP = ROOT / ".build" / "release" / "argmap"  # --argmap names another build
SQLITE3 = shutil.which("sqlite3") or "sqlite3"
# GNU time, for peak memory (Debian package `time`); without it peaks show as "-".
TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
GENERATOR = 1  # bump when generate_map() or the writers change, so cached data is not reused

PEER_PACKAGES = ["networkx==3.4.2", "arguebuf==2.7.2"]  # as .ci/clients pins them
TREE_DEPTH = 3
TREE_LIMIT = 10_000  # argmap tree's default --limit, so the reference stops where argmap does

# --------------------------------------------------------------------------------------------
# The synthetic map

WORDS = """
model models user users training trained policy policies harm harmful risk risks evidence
study studies scenario scenarios agent agents goal goals value values reason reasons claim
claims argument arguments rule rules refusal refuse refusing oversight deploy deployment safety
safe unsafe test tests testing benchmark benchmarks behaviour behaviours incentive incentives
developer developers researcher researchers paper papers result results data dataset datasets
preference preferences judgement decision decisions action actions outcome outcomes cost costs
benefit benefits trust honest honesty deception deceptive report reports transparency audit
audits instruction instructions principle principles exception exceptions context contexts
case cases example examples failure failures success system systems capability capabilities
alignment misaligned aligned objective objectives reward rewards signal signals feedback human
humans operator operators society public law laws regulation regulations market markets
company companies lab labs experiment experiments measure measures metric metrics error errors
bias biases fairness privacy security attack attacks defence defences jailbreak jailbreaks
prompt prompts answer answers question questions debate debates critique critiques response
responses survey surveys sample samples long short term future past present likely unlikely
often rarely always never usually sometimes clearly plainly arguably probably certainly only
also even still because since although unless while whereas therefore however moreover thus
the a an of to in on for with without against under over between within across about by
from into onto this that these those it they we some many most few every each any no more
less than as is are was were be been being can could should would must may might will not
does do did has have had shows show suggests suggest implies imply supports support
undermines undermine contradicts contradict explains explain predicts predict requires require
""".split()

DEPTH_WEIGHTS = [0.10, 0.20, 0.22, 0.19, 0.13, 0.08, 0.05, 0.02, 0.01]  # depth 1..9 below a thesis
CROSS_LINK_RATE = 0.03  # share of claims that another claim, anywhere, also supports or rebuts
CYCLE_RATE = 0.01  # share of claims rebutted by one of their own ancestors: a rebuttal cycle


@dataclass
class SynthMap:
    """Claims as parallel lists indexed by seq - 1 (the order they are written in)."""

    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    parents: list[int] = field(default_factory=list)  # -1 for a thesis
    depths: list[int] = field(default_factory=list)
    tags: list[list[str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # "" for none
    quotes: list[str] = field(default_factory=list)
    position_ids: list[str] = field(default_factory=list)
    position_titles: list[str] = field(default_factory=list)
    # (from, to) -> "supports" | "rebuts", claim indices; tree edges first, then the extras
    relations: dict[tuple[int, int], str] = field(default_factory=dict)
    # extra relations (cross-links and cycles), written as references under their target
    extras: dict[int, list[int]] = field(default_factory=dict)


def position_count(n: int) -> int:
    """Five positions at 10^3 claims, growing with the cube root to fifty at 10^6."""
    return max(5, min(50, round(5 * (n / 1000) ** (1 / 3))))


def sentence(rng: random.Random) -> str:
    """A claim text of 60-300 characters, most of them 80-180: words, a comma or two, a stop."""
    target = min(300, max(60, int(rng.lognormvariate(4.85, 0.38))))
    words: list[str] = []
    length = 0
    while length < target - 12:
        word = rng.choice(WORDS)
        if words and rng.random() < 0.07:
            words[-1] += ","
        words.append(word)
        length += len(word) + 1
    text = " ".join(words).rstrip(",")
    return text[0].upper() + text[1:] + "."


def claim_id(text: str, index: int) -> str:
    words = [w.strip(",.").lower() for w in text.split()[:3]]
    return "-".join(words) + f"-{index:x}"


def generate_map(n: int, seed: int) -> SynthMap:
    """A seeded map of n claims: per position a thesis and a Kialo-like tree of replies."""
    rng = random.Random(seed * 1_000_003 + n)
    m = SynthMap()
    count = position_count(n)
    weights = [rng.uniform(0.5, 2.0) for _ in range(count)]
    sizes = [max(1, int(n * w / sum(weights))) for w in weights]
    sizes[0] += n - sum(sizes)
    for p, size in enumerate(sizes):
        m.position_ids.append(f"position-{p + 1}")
        m.position_titles.append(f"Position {p + 1}: " + sentence(rng)[:50].rstrip(" ,."))
        by_depth: list[list[int]] = [[] for _ in range(len(DEPTH_WEIGHTS) + 1)]
        for k in range(size):
            index = len(m.ids)
            text = sentence(rng)
            if k == 0:
                parent, depth, tags = -1, 0, ["thesis"]
            else:
                depth = rng.choices(range(1, len(DEPTH_WEIGHTS) + 1), DEPTH_WEIGHTS)[0]
                while not by_depth[depth - 1]:
                    depth -= 1
                parent = rng.choice(by_depth[depth - 1])
                tags = ["evidence"] if rng.random() < 0.03 else []
                m.relations[(index, parent)] = "supports" if rng.random() < 0.55 else "rebuts"
            by_depth[depth].append(index)
            m.ids.append(claim_id(text, index + 1))
            m.texts.append(text)
            m.positions.append(p)
            m.parents.append(parent)
            m.depths.append(depth)
            m.tags.append(tags)
            has_comment = rng.random() < 0.3
            m.comments.append(f"K{rng.randint(1, 9999)}" if has_comment else "")
            words = text.rstrip(".").split()
            start = rng.randrange(max(1, len(words) - 4))
            m.quotes.append(" ".join(words[start:start + 4]).rstrip(",") if has_comment and
                            rng.random() < 0.5 else "")
    for target in range(n):
        if rng.random() < CROSS_LINK_RATE:
            add_extra(m, rng.randrange(n), target, rng.choice(("supports", "rebuts")))
        if m.depths[target] >= 1 and rng.random() < CYCLE_RATE:
            ancestor = target
            for _ in range(rng.randint(1, min(3, m.depths[target]))):
                ancestor = m.parents[ancestor]
            add_extra(m, ancestor, target, "rebuts")
    return m


def add_extra(m: SynthMap, source: int, target: int, kind: str) -> None:
    if source != target and (source, target) not in m.relations:
        m.relations[(source, target)] = kind
        m.extras.setdefault(target, []).append(source)


def write_corpus(m: SynthMap, folder: Path) -> int:
    """One Argdown file per position, each claim defined under its parent; returns the bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    children: list[list[int]] = [[] for _ in m.ids]
    theses: list[int] = []
    for index, parent in enumerate(m.parents):
        (children[parent] if parent >= 0 else theses).append(index)
    total = 0
    for thesis in theses:
        p = m.positions[thesis]
        lines = [f"// Synthetic position {p + 1}: generated by .ci/bench/scale.py, not committed.",
                 "", f"# {m.position_titles[p]} {{id: {m.position_ids[p]}, source: synthetic, "
                 f'summary: "A synthetic Kialo-shaped debate."}}', ""]
        stack = [thesis]
        while stack:
            index = stack.pop()
            indent = "  " * m.depths[index]
            marker = "" if m.parents[index] < 0 else \
                ("+ " if m.relations[(index, m.parents[index])] == "supports" else "- ")
            lines.append(f"{indent}{marker}[{m.ids[index]}]: {m.texts[index]}"
                         f"{''.join(' #' + t for t in m.tags[index])}{metadata(m, index)}")
            for source in m.extras.get(index, []):
                sign = "+" if m.relations[(source, index)] == "supports" else "-"
                lines.append(f"{indent}  {sign} [{m.ids[source]}]")
            stack.extend(reversed(children[index]))
        text = "\n".join(lines) + "\n"
        path = folder / f"{p + 1:02d}-{m.position_ids[p]}.argdown"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total


def metadata(m: SynthMap, index: int) -> str:
    if not m.comments[index]:
        return ""
    quote = f', quote: "{m.quotes[index]}"' if m.quotes[index] else ""
    return f" {{comment: {m.comments[index]}{quote}}}"


def write_csv(m: SynthMap, folder: Path) -> None:
    """The same rows as CSV with a header, seqs in definition order as argmap numbers them."""
    folder.mkdir(parents=True, exist_ok=True)

    def table(name: str, header: list[str], rows) -> None:
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            writer.writerows(rows)

    table("positions", ["seq", "id", "title", "summary"],
          ((p + 1, pid, m.position_titles[p], "A synthetic Kialo-shaped debate.")
           for p, pid in enumerate(m.position_ids)))
    table("claims", ["seq", "id", "kind", "text", "position_id", "source_id", "comment", "quote"],
          ((i + 1, m.ids[i], "statement", m.texts[i], m.position_ids[m.positions[i]],
            "synthetic", m.comments[i], m.quotes[i]) for i in range(len(m.ids))))
    table("tags", ["claim_seq", "tag"],
          ((i + 1, tag) for i in range(len(m.ids)) for tag in m.tags[i]))
    table("relations", ["from_seq", "to_seq", "kind"],
          ((a + 1, b + 1, kind) for (a, b), kind in m.relations.items()))


@dataclass
class Dataset:
    n: int
    folder: Path
    corpus: Path
    csv: Path
    corpus_bytes: int
    relations: int
    ids: list[str]
    texts: list[str]
    edges: list[tuple[int, int]]  # undirected walk steps, for choosing `path` pairs


def dataset(n: int, seed: int) -> Dataset:
    """The map of n claims, generated once into the scratch folder; later runs read its CSV."""
    folder = SCRATCH / f"n{n}-s{seed}-g{GENERATOR}"
    if not (folder / "done").exists():
        print(f"generating {n:,} claims into {folder.relative_to(ROOT)}", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        m = generate_map(n, seed)
        corpus_bytes = write_corpus(m, folder / "corpus")
        write_csv(m, folder / "csv")
        (folder / "done").write_text(str(corpus_bytes))
    with open(folder / "csv" / "claims.csv", newline="", encoding="utf-8") as f:
        claims = [(row["id"], row["text"]) for row in csv.DictReader(f)]
    with open(folder / "csv" / "relations.csv", newline="", encoding="utf-8") as f:
        edges = [(int(row["from_seq"]) - 1, int(row["to_seq"]) - 1) for row in csv.DictReader(f)]
    return Dataset(n=n, folder=folder, corpus=folder / "corpus", csv=folder / "csv",
                   corpus_bytes=int((folder / "done").read_text()), relations=len(edges),
                   ids=[c[0] for c in claims], texts=[c[1] for c in claims], edges=edges)


# --------------------------------------------------------------------------------------------
# Running processes


@dataclass
class Run:
    seconds: float
    peak_kb: int
    stdout: str
    error: str  # "" when the process succeeded


def run(cmd: list[str], *, capture: bool = False) -> Run:
    """One untimed helper process (set-up, checks), its stdout when captured."""
    done = subprocess.run(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    error = "" if done.returncode == 0 else f"exit {done.returncode}: {done.stderr.strip()[-160:]}"
    return Run(0.0, 0, done.stdout or "", error)


def run_measured(cmd: list[str], *, stdin_path: Path | None = None, memory: bool = False,
                 timeout: float = 7200) -> Run:
    """One process with its output sent to /dev/null: wall seconds and, with `memory`, its
    peak resident set size.

    The peak comes from GNU time (`/usr/bin/time -f %M`, which reads it with wait4) rather than
    from wait4 here: Linux carries the forking process's high-water mark across exec, so a child
    of this Python would never report less than Python's own ~20 MB. time adds about a
    millisecond of process start, so it wraps only the big operations, not the point queries.
    """
    memory = memory and TIME is not None
    peak_file = SCRATCH / "peak.txt"
    wrapped = [TIME, "-f", "%M", "-o", str(peak_file), *cmd] if memory else cmd
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        done = subprocess.run(wrapped, stdin=stdin, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=timeout)
        seconds = time.perf_counter() - start
    except subprocess.TimeoutExpired:
        return Run(timeout, 0, "", "timeout")
    finally:
        if stdin_path:
            stdin.close()
    if done.returncode != 0:
        last = done.stderr.decode(errors="replace").strip().splitlines()[-1:]
        return Run(seconds, 0, "", f"exit {done.returncode}: {last[0][:160] if last else ''}")
    peak_kb = int(peak_file.read_text().split()[-1]) if memory else 0
    return Run(seconds, peak_kb, "", "")


@dataclass
class Timing:
    median: float | None
    p95: float | None
    peak_kb: int
    calls: int
    error: str = ""


def timed(commands: list[list[str]], stdins: list[Path] | None = None, *,
          memory: bool = False) -> Timing:
    """Runs each command once; median and p95 of the wall times, largest peak RSS.

    Without `memory` the calls run bare (point queries, where GNU time's own start would show)
    and the peak comes from one more, untimed, call of the first command.
    """
    times, peak = [], 0
    for i, cmd in enumerate(commands):
        r = run_measured(cmd, stdin_path=stdins[i] if stdins else None, memory=memory)
        if r.error:
            return Timing(None, None, peak, len(times), f"{' '.join(cmd[:4])}…: {r.error}")
        times.append(r.seconds)
        peak = max(peak, r.peak_kb)
    if not memory:
        peak = run_measured(commands[0], stdin_path=stdins[0] if stdins else None,
                            memory=True).peak_kb
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return Timing(statistics.median(times), p95, peak, len(times))


# --------------------------------------------------------------------------------------------
# The references: sqlite3 running argmap's SQL, one process per call


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# argmap's Rows.claimColumns: since schema 7 a claim names its position and source by key.
POSITION_ID = "(SELECT id FROM positions WHERE seq = c.position_seq)"
CLAIM_COLUMNS = (f"c.seq, c.id, c.kind, c.text, {POSITION_ID}, "
                 "(SELECT id FROM sources WHERE seq = c.source_seq), c.comment, c.quote, "
                 "c.base, c.group_id, c.speaker, c.said_at, c.title")


def show_sql(claim: str) -> str:
    """MapStore.detail: the claim, its tags and position, and its neighbours each way."""
    c = sql_literal(claim)
    seq = f"(SELECT seq FROM claims WHERE id = {c})"
    neighbours = (f"SELECT {CLAIM_COLUMNS}, r.kind FROM relations r JOIN claims c "
                  "ON c.seq = r.{join} WHERE r.{match} = " + seq + " ORDER BY r.kind DESC, c.seq;")
    return "\n".join([
        f"SELECT {CLAIM_COLUMNS} FROM claims c WHERE c.id = {c};",
        f"SELECT tag FROM claim_tags WHERE claim_seq = {seq};",
        f"SELECT p.id, p.title, p.summary FROM positions p WHERE p.seq = "
        f"(SELECT position_seq FROM claims WHERE id = {c});",
        neighbours.format(join="from_seq", match="to_seq"),
        neighbours.format(join="to_seq", match="from_seq"),
    ])


def tree_sql(claim: str) -> str:
    """MapStore.tree's recursive CTE, verbatim, with the claims it prints."""
    return f"""
WITH RECURSIVE walk(seq, depth, kind, path, cycle) AS (
  SELECT seq, 0, NULL, ',' || seq || ',', 0 FROM claims WHERE id = {sql_literal(claim)}
  UNION ALL
  SELECT r.from_seq, w.depth + 1, r.kind, w.path || r.from_seq || ',',
         instr(w.path, ',' || r.from_seq || ',') > 0
  FROM walk w JOIN relations r ON r.to_seq = w.seq
  WHERE w.cycle = 0 AND w.depth < {TREE_DEPTH}
  ORDER BY 2 DESC, 3 DESC, 1
  LIMIT {TREE_LIMIT + 1}
)
SELECT w.depth, w.kind, c.id, c.text, w.cycle FROM walk w JOIN claims c ON c.seq = w.seq;
"""


def path_sql(start: str, goal: str, bound: int) -> str:
    """A breadth-first CTE along relations either way, up to `bound` steps, stopping at the
    first walk that reaches the goal; then the claims on it."""
    return f"""
WITH RECURSIVE walk(seq, depth, path) AS (
  SELECT seq, 0, ',' || seq || ',' FROM claims WHERE id = {sql_literal(start)}
  UNION ALL
  SELECT r.to_seq, w.depth + 1, w.path || r.to_seq || ',' FROM walk w
  JOIN relations r ON r.from_seq = w.seq
  WHERE w.depth < {bound} AND instr(w.path, ',' || r.to_seq || ',') = 0
  UNION ALL
  SELECT r.from_seq, w.depth + 1, w.path || r.from_seq || ',' FROM walk w
  JOIN relations r ON r.to_seq = w.seq
  WHERE w.depth < {bound} AND instr(w.path, ',' || r.from_seq || ',') = 0
  ORDER BY 2
),
found AS (SELECT path FROM walk WHERE seq = (SELECT seq FROM claims WHERE id = {sql_literal(goal)})
          LIMIT 1)
SELECT c.id, c.text FROM found, json_each('[' || trim(found.path, ',') || ']') step
  JOIN claims c ON c.seq = step.value ORDER BY step.key;
"""


def search_sql(words: str) -> str:
    """MapStore.search's FTS5 query, verbatim, with the claim it names for each hit.

    The claim comes from a correlated subquery, which SQLite evaluates after the LIMIT as it
    does snippet(); joining a LIMITed subquery instead materializes it with a snippet for every
    match, about 2.5x slower at 10^5 claims, and would flatter argmap.
    """
    query = " ".join(f'"{w}"' for w in words.split())
    return f"""
SELECT f.rowid, snippet(claims_fts, 1, '[', ']', '…', 12), bm25(claims_fts, 2.0, 1.0),
  (SELECT c.id || ' ' || ifnull({POSITION_ID}, '') || ' ' || c.text FROM claims c
   WHERE c.seq = f.rowid)
FROM claims_fts f WHERE claims_fts MATCH {sql_literal(query)}
ORDER BY bm25(claims_fts, 2.0, 1.0) LIMIT 20;
"""


EXPORT_SQL = f"""
SELECT p.id, p.title, p.summary FROM positions p ORDER BY p.seq;
SELECT {CLAIM_COLUMNS} FROM claims c ORDER BY c.seq;
SELECT claim_seq, tag FROM claim_tags;
SELECT f.id, t.id, r.kind, r.scheme FROM relations r
  JOIN claims f ON f.seq = r.from_seq JOIN claims t ON t.seq = r.to_seq
  ORDER BY r.to_seq, r.kind DESC, r.from_seq;
"""

# An ICCMA framework is a count and the attacks as numbers: the rows `export i23` writes.
FRAMEWORK_SQL = """
SELECT count(*) FROM claims;
SELECT from_seq, to_seq FROM relations WHERE kind IN ('rebuts', 'undercuts', 'contradicts')
  ORDER BY from_seq, to_seq;
"""

# Each export against sqlite3 printing the rows it is made of, in the mode nearest its shape.
EXPORTS = (("dot", "-list", EXPORT_SQL), ("json", "-json", EXPORT_SQL),
           ("argdown", "-list", EXPORT_SQL), ("aif", "-json", EXPORT_SQL),
           ("graphml", "-list", EXPORT_SQL), ("i23", "-list", FRAMEWORK_SQL))


def import_script(csv_dir: Path) -> str:
    """sqlite3's `.import` of the CSV into argmap's schema, in one transaction, foreign keys on.

    Nullable columns go through a temporary view whose trigger turns empty fields into NULL
    (`.import` stores them as ''), the one thing the CSV cannot say. (A trigger may not name
    `main.`; unqualified names resolve to main, as temp has no such tables.)
    """
    return f"""
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
INSERT INTO sources (id, title) VALUES ('synthetic', 'synthetic');
CREATE TEMP VIEW claims_in AS
  SELECT seq, id, kind, text, position_seq AS position_id, source_seq AS source_id, comment,
    quote FROM main.claims;
CREATE TEMP TRIGGER claims_in_insert INSTEAD OF INSERT ON claims_in BEGIN
  INSERT INTO claims (seq, id, kind, text, position_seq, source_seq, comment, quote)
  VALUES (new.seq, new.id, new.kind, new.text,
          (SELECT seq FROM positions WHERE id = new.position_id),
          (SELECT seq FROM sources WHERE id = new.source_id),
          nullif(new.comment, ''), nullif(new.quote, ''));
END;
CREATE TEMP VIEW relations_in AS SELECT from_seq, to_seq, kind FROM main.relations;
CREATE TEMP TRIGGER relations_in_insert INSTEAD OF INSERT ON relations_in BEGIN
  INSERT INTO relations (from_seq, to_seq, kind) VALUES (new.from_seq, new.to_seq, new.kind);
END;
.import --csv --skip 1 {csv_dir / 'positions.csv'} positions
.import --csv --skip 1 --schema temp {csv_dir / 'claims.csv'} claims_in
.import --csv --skip 1 {csv_dir / 'tags.csv'} claim_tags
.import --csv --skip 1 --schema temp {csv_dir / 'relations.csv'} relations_in
COMMIT;
"""


# --------------------------------------------------------------------------------------------
# The peers: networkx and arguebuf, loading the same rows from CSV in a driver process

PEER_DRIVER = """\
import csv, json, sys
from pathlib import Path

peer, task, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
with open(folder / "claims.csv", newline="", encoding="utf-8") as f:
    claims = list(csv.DictReader(f))
with open(folder / "relations.csv", newline="", encoding="utf-8") as f:
    relations = list(csv.DictReader(f))
ids = {row["seq"]: row["id"] for row in claims}

if peer == "networkx":
    import networkx as nx
    graph = nx.DiGraph()
    for row in claims:
        graph.add_node(row["id"], kind=row["kind"], text=row["text"],
                       position=row["position_id"])
    for row in relations:
        graph.add_edge(ids[row["from_seq"]], ids[row["to_seq"]], kind=row["kind"])
    if task == "tree":
        # Everything that supports or rebuts the root, depth-first, 3 levels down.
        depth = int(sys.argv[5])
        def walk(node, level, branch):
            sys.stdout.write("  " * level + node + ": " + graph.nodes[node]["text"][:60] + "\\n")
            if level < depth and node not in branch:
                for child in graph.predecessors(node):
                    walk(child, level + 1, branch | {node})
        walk(sys.argv[4], 0, frozenset())
    else:
        json.dump(nx.node_link_data(graph, edges="edges"), sys.stdout)
else:
    import arguebuf as ab
    graph = ab.Graph()
    atoms = {}
    for row in claims:
        atoms[row["id"]] = ab.AtomNode(text=row["text"], id=row["id"])
        graph.add_node(atoms[row["id"]])
    for row in relations:
        scheme = ab.SchemeNode(ab.Support.DEFAULT if row["kind"] == "supports"
                               else ab.Attack.DEFAULT)
        graph.add_node(scheme)
        graph.add_edge(ab.Edge(atoms[ids[row["from_seq"]]], scheme))
        graph.add_edge(ab.Edge(scheme, atoms[ids[row["to_seq"]]]))
    json.dump(ab.dump.aif(graph), sys.stdout)
"""

PEER_IMPORTS = {"networkx": "networkx", "arguebuf": "arguebuf"}


def setup_peers(offline: bool) -> list[str]:
    """The venv (shared with .ci/bench/semantics) with networkx and arguebuf; those that import."""
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"venv: creating {VENV.relative_to(ROOT)}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    probe = [str(py), "-c", "import " + ", ".join(PEER_IMPORTS.values())]
    if subprocess.run(probe, capture_output=True).returncode != 0 and not offline:
        print(f"pip: installing {' '.join(PEER_PACKAGES)}", flush=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        *PEER_PACKAGES], capture_output=True)
    ready = [peer for peer, module in PEER_IMPORTS.items()
             if subprocess.run([str(py), "-c", f"import {module}"],
                               capture_output=True).returncode == 0]
    for peer in sorted(set(PEER_IMPORTS) - set(ready)):
        print(f"peer {peer}: could not be installed or imported; skipped")
    (SCRATCH / "peer_driver.py").write_text(PEER_DRIVER)
    return ready


def peer_command(peer: str, task: str, data: Dataset, *extra: str) -> list[str]:
    return [str(VENV / "bin" / "python"), str(SCRATCH / "peer_driver.py"), peer, task,
            str(data.csv), *extra]


# --------------------------------------------------------------------------------------------
# Measuring one size


@dataclass
class Row:
    operation: str
    size: int
    argmap: Timing
    reference: Timing | None
    reference_name: str


def argmap(db: Path, *args: str) -> list[str]:
    return [str(ARGMAP), "--db", str(db), *args]


def sqlite(db: Path, *args: str) -> list[str]:
    return [SQLITE3, *args, str(db)]


def print_history_cost(db: Path, n: int) -> None:
    """What recording the import for undo cost: the import's own time includes it; this shows
    that it is a few rows (ranges), not one per claim."""
    counts = run([SQLITE3, "-batch", "-noheader", str(db),
                  "SELECT (SELECT count(*) FROM history_log) || ' ' || "
                  "(SELECT count(*) FROM history_ranges)"], capture=True)
    log, ranges = (counts.stdout or "? ?").split()[:2]
    print(f"{'  history of import':<22} {n:>9,} {log} log rows, {ranges} ranges", flush=True)


def write_script(folder: Path, name: str, sql: str) -> Path:
    path = folder / name
    path.write_text(sql, encoding="utf-8")
    return path


def sample_claims(data: Dataset, rng: random.Random, calls: int) -> list[int]:
    return [rng.randrange(data.n) for _ in range(calls)]


def path_pairs(data: Dataset, rng: random.Random, calls: int) -> list[tuple[int, int, int]]:
    """Pairs a random walk of 2-6 steps apart (either way along relations): connected, at most
    that far, as a reader asks 'how does this claim bear on that one?'"""
    neighbours: dict[int, list[int]] = {}
    for a, b in data.edges:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    pairs = []
    while len(pairs) < calls:
        start = rng.randrange(data.n)
        steps = rng.randint(2, 6)
        node = start
        for _ in range(steps):
            node = rng.choice(neighbours[node])
        if node != start:
            pairs.append((start, node, steps))
    return pairs


def search_words(data: Dataset, rng: random.Random, calls: int) -> list[str]:
    """Two words from a random claim's text: a search that finds it, among others."""
    out = []
    for _ in range(calls):
        words = [w.strip(",.").lower() for w in data.texts[rng.randrange(data.n)].split()]
        long_words = [w for w in words if len(w) > 4] or words
        out.append(" ".join(rng.sample(long_words, min(2, len(long_words)))))
    return out


def measure_size(data: Dataset, opts, peers: list[str]) -> tuple[list[Row], dict]:
    work = data.folder / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    db, ref_db = work / "argmap.db", work / "sqlite3.db"
    rows: list[Row] = []
    n = data.n
    # Whole-map commands run three times for a median: one run of a few seconds on a shared
    # machine can be off by a third. Import and the peers take minutes at the large sizes, and
    # their ratios are far from their targets, so there one run is enough.
    repeats = 3
    long_repeats = 1 if n >= 10**5 else 3

    def add(operation: str, mine: Timing, ref: Timing | None, ref_name: str) -> None:
        rows.append(Row(operation, n, mine, ref, ref_name))
        print_row(rows[-1], flush=True)

    # import: a new database each time, argmap against sqlite3 .import into the same schema
    mine_runs, ref_runs = [], []
    script = write_script(work, "import.sql", import_script(data.csv))
    for _ in range(long_repeats):
        for path in (db, ref_db):
            path.unlink(missing_ok=True)
        mine_runs.append(run_measured(argmap(db, "import", str(data.corpus)), memory=True))
        if run(argmap(ref_db, "init", "--empty")).error:
            sys.exit("benchmark: argmap init --empty failed")
        ref_runs.append(run_measured(sqlite(ref_db, "-bail"), stdin_path=script, memory=True))
    add("import", summarize(mine_runs), summarize(ref_runs), "sqlite3 .import")
    print_history_cost(db, n)
    same_rows = check_same_rows(db, ref_db)
    db_bytes = db.stat().st_size

    rng = random.Random(opts.seed * 7919 + n)
    calls = opts.calls
    claims = [data.ids[i] for i in sample_claims(data, rng, calls)]
    scripts = [write_script(work, f"show{i}.sql", show_sql(c)) for i, c in enumerate(claims)]
    add("show", timed([argmap(db, "show", c) for c in claims]),
        timed([sqlite(db)] * calls, scripts), "sqlite3 detail SQL")

    claims = [data.ids[i] for i in sample_claims(data, rng, calls)]
    scripts = [write_script(work, f"tree{i}.sql", tree_sql(c)) for i, c in enumerate(claims)]
    add(f"tree --depth {TREE_DEPTH}",
        timed([argmap(db, "tree", c, "--depth", str(TREE_DEPTH)) for c in claims]),
        timed([sqlite(db)] * calls, scripts), "sqlite3 tree CTE")

    pairs = path_pairs(data, rng, calls)
    scripts = [write_script(work, f"path{i}.sql", path_sql(data.ids[a], data.ids[b], k))
               for i, (a, b, k) in enumerate(pairs)]
    add("path", timed([argmap(db, "path", data.ids[a], data.ids[b]) for a, b, _ in pairs]),
        timed([sqlite(db)] * calls, scripts), "sqlite3 BFS CTE")

    queries = search_words(data, rng, calls)
    scripts = [write_script(work, f"search{i}.sql", search_sql(q)) for i, q in enumerate(queries)]
    add("search", timed([argmap(db, "search", *q.split()) for q in queries]),
        timed([sqlite(db)] * calls, scripts), "sqlite3 FTS5 SQL")

    exports: dict[str, Timing] = {}
    for fmt, mode, sql in EXPORTS:
        script = write_script(work, f"export-{fmt}.sql", sql)
        exports[fmt] = timed([argmap(db, "export", fmt)] * repeats, memory=True)
        add(f"export {fmt}", exports[fmt],
            timed([sqlite(db, mode)] * repeats, [script] * repeats, memory=True),
            f"sqlite3 {mode} rows")

    add("evaluate grounded", timed([argmap(db, "evaluate")] * repeats, memory=True), None, "")
    add("strength", timed([argmap(db, "strength")] * repeats, memory=True), None, "")

    if peers:
        root = data.ids[rng.randrange(data.n)]
        mine_tree = timed([argmap(db, "tree", root, "--depth", str(TREE_DEPTH))] * repeats,
                          memory=True)
        if "networkx" in peers:
            add(f"peer: tree --depth {TREE_DEPTH}", mine_tree,
                timed([peer_command("networkx", "tree", data, root, str(TREE_DEPTH))]
                      * long_repeats,
                      memory=True), "networkx (load + tree)")
            add("peer: export json", exports["json"],
                timed([peer_command("networkx", "export", data)] * long_repeats, memory=True),
                "networkx (load + node-link)")
        if "arguebuf" in peers and n <= opts.arguebuf_max:
            add("peer: export json", exports["json"],
                timed([peer_command("arguebuf", "export", data)] * long_repeats, memory=True),
                "arguebuf (load + AIF)")

    size_row = {"db_bytes": db_bytes, "ref_db_bytes": ref_db.stat().st_size,
                "corpus_bytes": data.corpus_bytes, "same_rows": same_rows}
    print(f"{'database size':<22} {n:>9,} {db_bytes / 1e6:>10.1f}MB "
          f"{data.corpus_bytes / 1e6:>10.1f}MB {db_bytes / data.corpus_bytes:>7.2f}x  "
          f"(argmap db / corpus text; sqlite3 .import db {size_row['ref_db_bytes'] / 1e6:.1f}MB)",
          flush=True)
    if not opts.keep:
        shutil.rmtree(work, ignore_errors=True)
    return rows, size_row


def summarize(runs: list[Run]) -> Timing:
    errors = [r.error for r in runs if r.error]
    if errors:
        return Timing(None, None, 0, 0, errors[0])
    times = [r.seconds for r in runs]
    return Timing(statistics.median(times), max(times), max(r.peak_kb for r in runs), len(runs))


def check_same_rows(db: Path, ref_db: Path) -> bool:
    """Both imports must hold the same map, or the comparison means nothing."""
    sql = ("SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM relations), "
           "(SELECT count(*) FROM claim_tags), (SELECT count(*) FROM positions);")
    mine = run(sqlite(db, "-readonly") + [sql], capture=True).stdout.strip()
    ref = run(sqlite(ref_db, "-readonly") + [sql], capture=True).stdout.strip()
    if mine != ref:
        print(f"error: the two imports differ: argmap {mine}, sqlite3 {ref} "
              "(claims|relations|tags|positions)")
    return mine == ref


# --------------------------------------------------------------------------------------------
# Table, targets, JSON


def fmt_s(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x * 1000:.1f}ms" if x < 1 else f"{x:.2f}s"


def fmt_mb(kb: int) -> str:
    return f"{kb / 1024:.1f}MB" if kb else "-"


def fmt_ref_peak(row: Row) -> str:
    return f" (peak {fmt_mb(row.reference.peak_kb)})" if row.reference and \
        row.reference.peak_kb else ""


def ratio(row: Row) -> float | None:
    if row.reference is None or not row.argmap.median or not row.reference.median:
        return None
    return row.argmap.median / row.reference.median


HEADER = (f"{'operation':<22} {'size':>9} {'argmap':>12} {'reference':>12} {'ratio':>7}  "
          f"{'argmap p95':>10} {'peak RSS':>9}  reference")


def print_row(row: Row, flush: bool = False) -> None:
    mine = row.argmap.error and "error" or fmt_s(row.argmap.median)
    ref = "-" if row.reference is None else (row.reference.error and "error"
                                             or fmt_s(row.reference.median))
    r = ratio(row)
    size = f"{row.size:,}" if row.size else "-"
    print(f"{row.operation:<22} {size:>9} {mine:>12} {ref:>12} "
          f"{(f'{r:.2f}x' if r else '-'):>7}  {fmt_s(row.argmap.p95):>10} "
          f"{fmt_mb(row.argmap.peak_kb):>9}  {row.reference_name}{fmt_ref_peak(row)}", flush=flush)
    for t in (row.argmap, row.reference):
        if t is not None and t.error:
            print(f"    error: {t.error}")


def verdicts(rows: list[Row], sizes: dict[int, dict], startup: Row) -> list[dict]:
    """Each target of the issue, against the largest size measured (10^6 when run)."""
    out: list[dict] = []
    top = max(sizes)

    def add(target: str, value: float | None, limit: float, at: int | str, unit: str = "x",
            lower_is_better: bool = True) -> None:
        met = None if value is None else (value <= limit if lower_is_better else value >= limit)
        out.append({"target": target, "size": at, "value": value, "limit": limit,
                    "unit": unit, "met": met})

    def find(operation: str, size: int, reference: str = "") -> Row | None:
        return next((r for r in rows if r.operation == operation and r.size == size
                     and reference in r.reference_name), None)

    add("start-up <= 2x sqlite3 --version", ratio(startup), 2.0, "-")
    for op in ("show", f"tree --depth {TREE_DEPTH}", "path", "search"):
        row = find(op, top)
        add(f"{op} <= 1.5x sqlite3 SQL", row and ratio(row), 1.5, top)
    row = find("import", top)
    add("import <= 1.2x sqlite3 .import", row and ratio(row), 1.2, top)
    for fmt in ("dot", "json", "argdown", "aif", "graphml"):
        row = find(f"export {fmt}", top)
        add(f"export {fmt} <= 2x sqlite3 rows", row and ratio(row), 2.0, top)
    for op in ("evaluate grounded", "strength"):
        for small in sorted(sizes):
            big = small * 10
            a, b = find(op, small), find(op, big)
            if a and b and a.argmap.median and b.argmap.median:
                add(f"{op}: 10x claims <= 12x time", b.argmap.median / a.argmap.median,
                    12.0, f"{small}->{big}")
    for row in rows:
        if row.operation.startswith("peer:") and row.size == top:
            r = ratio(row)
            add(f"{row.operation[6:]} >= 10x faster than {row.reference_name.split()[0]}",
                r and 1 / r, 10.0, top, lower_is_better=False)
    peak_limits = [("import", 300.0), ("evaluate grounded", 300.0), ("strength", 300.0)] + [
        (f"export {fmt}", 150.0) for fmt in ("dot", "json", "argdown", "aif", "graphml")]
    for op, limit in peak_limits:
        row = find(op, top)
        add(f"{op} peak memory <= {limit:.0f} MB", row and row.argmap.peak_kb / 1024, limit, top,
            "MB")
    s = sizes[top]
    add("database size <= 2x corpus text", s["db_bytes"] / s["corpus_bytes"], 2.0, top)
    return out


def print_verdicts(results: list[dict]) -> None:
    print("\ntargets (at the largest size run; the issue states them at 10^6):")
    for v in results:
        value = "-" if v["value"] is None else f"{v['value']:.2f}{v['unit']}"
        state = {True: "MET", False: "MISSED", None: "n/a"}[v["met"]]
        print(f"  {state:<7} {v['target']:<48} at {str(v['size']):<14} {value}")


# --------------------------------------------------------------------------------------------
# Main


def build(skip: bool) -> None:
    # A static executable, as the README's install line builds it: no shared libraries to
    # load and relocate, which is most of a point query's few milliseconds.
    cmd = ["swift", "build", "-c", "release", "-Xswiftc", "-static-executable",
           "--product", "argmap"]
    if skip:
        print(f"build: skipped, using {ARGMAP}")
    else:
        print("build: " + " ".join(cmd), flush=True)
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            sys.stdout.write(done.stdout[-4000:] + done.stderr[-4000:])
            sys.exit("benchmark: the release build failed")
    if not ARGMAP.exists():
        sys.exit(f"benchmark: no {ARGMAP}")
    if not shutil.which(SQLITE3):
        sys.exit("benchmark: needs the sqlite3 command-line shell (apt-get install sqlite3)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="3,4,5,6",
                    help="powers of ten to run, comma-separated (default 3,4,5,6)")
    ap.add_argument("--calls", type=int, default=30,
                    help="calls per point query: show, tree, path, search (default 30)")
    ap.add_argument("--quick", action="store_true", help="sizes 3,4,5 and 10 calls")
    ap.add_argument("--smoke", action="store_true",
                    help="10^3 only, 5 calls, no peers (no venv, no pip): a check that it runs")
    ap.add_argument("--skip-build", action="store_true", help="use .build/release/argmap")
    ap.add_argument("--argmap", type=Path,
                    help="use this argmap binary (implies --skip-build); e.g. CI's debug build "
                    "for --smoke, whose figures then mean nothing but the harness is checked")
    ap.add_argument("--no-peers", action="store_true", help="skip networkx and arguebuf")
    ap.add_argument("--offline", action="store_true", help="do not pip install")
    ap.add_argument("--arguebuf-max", type=int, default=10**5,
                    help="largest size arguebuf is run at (default 10^5: it is slow)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the databases of each size")
    ap.add_argument("--out", type=Path, default=SCRATCH / "results.json", help="JSON results")
    opts = ap.parse_args()
    if opts.smoke:
        opts.sizes, opts.calls, opts.no_peers = "3", 5, True
    elif opts.quick:
        opts.sizes, opts.calls = "3,4,5", 10

    if opts.argmap:
        global ARGMAP
        ARGMAP = opts.argmap.resolve()
    SCRATCH.mkdir(parents=True, exist_ok=True)
    build(opts.skip_build or opts.argmap is not None)
    if TIME is None:
        print("no GNU time at /usr/bin/time (apt-get install time): peak memory not measured")
    peers = [] if opts.no_peers else setup_peers(opts.offline)
    sqlite_version = run([SQLITE3, "--version"], capture=True).stdout.split()[0]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, sqlite3 {sqlite_version}; seed {opts.seed}; "
          f"peers: {', '.join(peers) or 'none'}")
    print("times: wall time of whole processes; point queries are the median of --calls calls "
          "on random claims,\nexports, evaluate and strength of 3 runs, import and the peers of "
          "one at 10^5 and above;\nratio = argmap / reference (below 1: argmap is faster). "
          "Figures are noisy on a shared machine: rely on the ratios.\n")

    print(HEADER)
    print("-" * len(HEADER))
    runs = max(opts.calls, 20)
    startup = Row("startup --version", 0, timed([[str(ARGMAP), "--version"]] * runs),
                  timed([[SQLITE3, "--version"]] * runs), "sqlite3 --version")
    print_row(startup, flush=True)

    rows: list[Row] = []
    sizes: dict[int, dict] = {}
    for exponent in sorted(int(x) for x in opts.sizes.split(",") if x):
        data = dataset(10**exponent, opts.seed)
        size_rows, sizes[data.n] = measure_size(data, opts, peers)
        rows += size_rows

    results = verdicts(rows, sizes, startup)
    print_verdicts(results)

    def timing(t: Timing | None):
        return None if t is None else {"median_s": t.median, "p95_s": t.p95,
                                       "peak_rss_kb": t.peak_kb, "calls": t.calls,
                                       "error": t.error or None}

    opts.out.parent.mkdir(parents=True, exist_ok=True)
    opts.out.write_text(json.dumps({
        "generator": GENERATOR, "seed": opts.seed, "calls": opts.calls,
        "machine": platform.machine(), "cpus": os.cpu_count(), "sqlite3": sqlite_version,
        "argmap": run([str(ARGMAP), "--version"], capture=True).stdout.strip(),
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "rows": [{"operation": r.operation, "size": r.size, "argmap": timing(r.argmap),
                  "reference": timing(r.reference), "reference_name": r.reference_name,
                  "ratio": ratio(r)} for r in [startup] + rows],
        "sizes": {str(n): s for n, s in sizes.items()},
        "targets": results,
    }, indent=2))
    print(f"\nJSON: {opts.out}")
    failed = [t.error for r in [startup] + rows for t in (r.argmap, r.reference)
              if t is not None and t.error]
    if failed or not all(s["same_rows"] for s in sizes.values()):
        print(f"benchmark: {len(failed)} command(s) failed"
              + ("" if failed else "; the imports differ"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
