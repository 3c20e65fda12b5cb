"""A ward's bundle both ways, in bounded memory (issue 20 item 8).

    python benchmarks/bundle.py [--runs 3] [--cells 20 --members 25 --sessions 12]
                                [--before REV]

Fills a database with `studyapp demo` (the defaults are the issue's: 20 cells,
25 members, 12 sessions, about 48,000 answers), then runs, each in a process of
its own and alternating (A B A B ...):

- `studyapp export --all --format json` with this tree, with the tree of `--before`
  (a git revision: the code before streaming, by default the commit this work
  started from) and a floor: the same rows read in one query per table and written
  with `json.dumps` (no questions, hash or signature);
- `studyapp import` of that bundle into an empty database with both trees, and
  the floor: `json.loads` of the file and plain inserts of the same rows.

Each process reports its own peak resident memory from /proc (VmHWM, as the
start benchmark does). The report gives the median of the pairwise time ratios
(ours against the floor, ours against before) and each side's median peak.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TREE = HERE.parent
BEFORE = "47154ae"
"""The commit streaming started from (issue 20 item 8 measured there)."""

_PEAK = """
from pathlib import Path
def _peak():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

CLI = _PEAK + """
import json, sys
import studyapp
from studyapp.cli import main
print(json.dumps({"tree": studyapp.__file__}), file=sys.stderr, flush=True)
code = main(sys.argv[1:])
print(json.dumps({"maxrss_kib": _peak()}), file=sys.stderr, flush=True)
sys.exit(code)
"""

FLOOR_EXPORT = _PEAK + """
import json, sqlite3, sys
from studyapp.store.exchange import COLUMNS, JSON_COLUMNS, TABLES, Scope, table_queries
connection = sqlite3.connect(sys.argv[1])
content = {}
for table, (sql, params) in table_queries(Scope()).items():
    rows = []
    for values in connection.execute(sql, params):
        row = dict(zip(COLUMNS[table], values))
        for name in JSON_COLUMNS.get(table, ()):
            if row[name] is not None:
                row[name] = json.loads(row[name])
        rows.append(row)
    content[table] = rows
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(json.dumps({"content": content}, ensure_ascii=False, sort_keys=True, indent=1))
print(json.dumps({"maxrss_kib": _peak()}), file=sys.stderr, flush=True)
"""

FLOOR_IMPORT = _PEAK + """
import json, sqlite3, sys
from studyapp.store.exchange import COLUMNS, TABLES
target = sqlite3.connect(sys.argv[2])
with open(sys.argv[1], "rb") as handle:
    content = json.loads(handle.read())["content"]
for table in TABLES:
    columns = COLUMNS[table]
    target.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
    target.executemany(
        f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})",
        ([json.dumps(row.get(c)) if isinstance(row.get(c), (dict, list)) else row.get(c)
          for c in columns] for row in content[table]))  # a column newer than the bundle: NULL
target.commit()
print(json.dumps({"maxrss_kib": _peak()}), file=sys.stderr, flush=True)
"""


def run(code: str, args: list[str], tree: Path, env: dict[str, str]) -> tuple[float, int]:
    """Seconds and peak resident KiB of one process."""
    start = time.perf_counter()
    # Run from the tree itself: `python -c` puts the current folder first on sys.path.
    done = subprocess.run([sys.executable, "-c", code, *args], env={**env, "PYTHONPATH": str(tree)},
                          capture_output=True, text=True, check=False, cwd=tree)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{args}: exit {done.returncode}\n{done.stderr[-2000:]}")
    peak = json.loads(done.stderr.strip().splitlines()[-1])["maxrss_kib"]
    return seconds, peak


def tree_at(revision: str, root: Path) -> Path:
    folder = root / f"tree-{revision}"
    folder.mkdir()
    archive = root / "tree.tar"
    subprocess.run(["git", "-C", str(TREE), "archive", "-o", str(archive), revision, "studyapp"],
                   check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cells", type=int, default=20)
    parser.add_argument("--members", type=int, default=25)
    parser.add_argument("--sessions", type=int, default=12)
    parser.add_argument("--before", default=BEFORE)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR (the database is reused)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(args.keep or temp)
        root.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "STUDYAPP_CONFIG_DIR": str(root / "config"),
               "STUDYAPP_DATA_DIR": str(root / "data"), "STUDYAPP_CACHE_DIR": str(root / "cache")}
        env.pop("STUDYAPP_CONTENT", None)
        before = tree_at(args.before, Path(temp))
        source = root / f"demo-{args.cells}-{args.members}-{args.sessions}.sqlite3"
        if not source.exists():
            run(CLI, ["--db", str(source), "demo", "--seed", "5", "--cells", str(args.cells),
                      "--members", str(args.members), "--sessions", str(args.sessions)],
                TREE, env)
        # Each side writes its own bundle (this tree version 3, the older code version 2,
        # which is all it reads) and imports what it wrote; a third row has this tree
        # import the version 2 bundle, as an office does with a cell not yet updated.
        bundle = {TREE: root / "ours.json", before: root / "before.json"}
        counter = iter(range(10**6))

        def export(tree: Path) -> tuple[float, int]:
            return run(CLI, ["--db", str(source), "export", "--all", "--format", "json",
                             "-o", str(bundle[tree]), "--force"], tree, env)

        def export_floor() -> tuple[float, int]:
            return run(FLOOR_EXPORT, [str(source), str(root / "floor.json")], TREE, env)

        def bring(tree: Path, path: Path) -> tuple[float, int]:
            target = root / f"import-{next(counter)}.sqlite3"
            try:
                return run(CLI, ["--db", str(target), "import", str(path)], tree, env)
            finally:
                for leftover in root.glob(f"{target.name}*"):
                    leftover.unlink()

        def import_floor(path: Path) -> tuple[float, int]:
            target = root / f"raw-{next(counter)}.sqlite3"
            try:
                return run(FLOOR_IMPORT, [str(path), str(target)], TREE, env)
            finally:
                target.unlink(missing_ok=True)

        results = []
        for name, floor, ours, old in (
                ("export --all --format json", export_floor,
                 lambda: export(TREE), lambda: export(before)),
                ("import of the bundle each wrote into an empty database",
                 lambda: import_floor(bundle[TREE]), lambda: bring(TREE, bundle[TREE]),
                 lambda: bring(before, bundle[before])),
                ("import of the version 2 bundle into an empty database",
                 lambda: import_floor(bundle[before]), lambda: bring(TREE, bundle[before]),
                 lambda: bring(before, bundle[before]))):
            ours()  # warm the file cache (and, for an import, write the bundle first)
            sides: dict[str, list[tuple[float, int]]] = {"floor": [], "ours": [], "before": []}
            for _ in range(args.runs):
                sides["floor"].append(floor())
                sides["ours"].append(ours())
                sides["before"].append(old())
            results.append((name, sides))
        size = bundle[TREE].stat().st_size
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; demo --seed 5 --cells "
          f"{args.cells} --members {args.members} --sessions {args.sessions}: bundle "
          f"{size / 1e6:.0f} MB; median of {args.runs} alternating runs (floor, ours, before "
          f"= {args.before}).\n")
    print("| measure | floor s | ours s | before s | ours/floor | ours/before | peak MB: "
          "floor / ours / before |")
    print("|---|---|---|---|---|---|---|")
    for name, sides in results:
        def median(side: str, part: int, values: dict[str, list[tuple[float, int]]] = sides
                   ) -> float:
            return statistics.median(value[part] for value in values[side])

        to_floor = statistics.median(o[0] / f[0] for o, f in zip(sides["ours"], sides["floor"],
                                                                  strict=True))
        to_before = statistics.median(o[0] / b[0] for o, b in zip(sides["ours"],
                                                                  sides["before"], strict=True))
        print(f"| {name} | {median('floor', 0):.1f} | {median('ours', 0):.1f} | "
              f"{median('before', 0):.1f} | **{to_floor:.2f}×** | **{to_before:.2f}×** | "
              f"{median('floor', 1) / 1024:.0f} / **{median('ours', 1) / 1024:.0f}** / "
              f"{median('before', 1) / 1024:.0f} |")


if __name__ == "__main__":
    main()
