"""Measure studyapp against floors taken in the same run, as median ratios of alternating runs.

    python benchmarks/run.py [--runs N] [--only load|start|memory|store|answer|export|check|paper]

Machines here are shared and noisy (performance.md): every figure is the median
of the ratios of pairs run back to back (floor, ours, floor, ours, ...), never
an absolute time (the milliseconds are shown for context only).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import tomli

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.gen_pack import generate  # noqa: E402
from studyapp.content.loading import FRONT_MATTER_FENCE, load_catalog  # noqa: E402
from studyapp.content.search import SearchIndex  # noqa: E402
from studyapp.paths import bundled_content_dir  # noqa: E402
from studyapp.quiz.selection import Filters, draw_paper, select_questions  # noqa: E402

QUERY = "kien dinh"
Measure = Callable[[], float]  # runs once, returns the seconds it measured


@dataclass
class Result:
    name: str
    floor: float
    ours: float
    ratio: float
    target: str
    unit: str = "ms"

    def row(self) -> str:
        return (f"| {self.name} | {self.floor:.1f} | {self.ours:.1f} | "
                f"**{self.ratio:.2f}×** | {self.target} |")


def alternate(floor: Measure, ours: Measure, runs: int) -> tuple[float, float, float]:
    """Median floor, median ours (ms), and the median of the pairwise ratios."""
    floor()
    ours()  # warm the file cache and imports for both alike
    floors, oursl, ratios = [], [], []
    for _ in range(runs):
        gc.collect()
        a = floor()
        gc.collect()
        b = ours()
        floors.append(a * 1000)
        oursl.append(b * 1000)
        ratios.append(b / a)
    return statistics.median(floors), statistics.median(oursl), statistics.median(ratios)


def timed(function: Callable[[], object], repeat: int = 1) -> Measure:
    def measure() -> float:
        start = time.perf_counter()
        for _ in range(repeat):
            function()
        return (time.perf_counter() - start) / repeat

    return measure


def raw_parse(folder: Path) -> int:
    """The floor of a content load: read each file, decode it and parse its
    TOML with tomli (a lesson's front matter, a bank whole)."""
    parsed = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".toml":
            parsed += len(tomli.loads(path.read_bytes().decode("utf-8-sig")))
        elif path.suffix == ".md" and path.parent.name == "lessons":
            text = path.read_bytes().decode("utf-8-sig")
            end = text.find("\n" + FRONT_MATTER_FENCE, 3)
            parsed += len(tomli.loads(text[4:end]))
    return parsed


def spawn(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from spawning first_frame.py to its first frame, and its peak
    memory in KiB."""
    started = time.time()
    process = subprocess.run([sys.executable, str(HERE / "first_frame.py"), *args], env=env,
                             check=True, capture_output=True, text=True)
    lines = [json.loads(line) for line in process.stdout.splitlines() if line.startswith("{")]
    first_frame = next(line["first_frame_at"] for line in lines if "first_frame_at" in line)
    memory = next(line["maxrss_kib"] for line in lines if "maxrss_kib" in line)
    return first_frame - started, memory


# --- the benchmarks ------------------------------------------------------------------------


def bench_load(runs: int, folder: Path, label: str, cache_dir: Path) -> list[Result]:
    results = [Result(f"load + validate {label}, no cache, vs raw tomli parse",
                      *alternate(timed(lambda: raw_parse(folder)),
                                 timed(lambda: load_catalog([folder])), runs),
                      "(first start only)")]
    load_catalog([folder], cache_dir=cache_dir)
    results.append(Result(f"load + validate {label}, cache valid, vs raw tomli parse",
                          *alternate(timed(lambda: raw_parse(folder)),
                                     timed(lambda: load_catalog([folder], cache_dir=cache_dir)),
                                     runs), "≤ 1.15"))
    catalog = load_catalog([folder]).catalog
    index = SearchIndex(catalog)
    # Typing the query: one search per keystroke, the short prefixes included.
    prefixes = [QUERY[:n] for n in range(1, len(QUERY) + 1)]

    def typing() -> None:
        for prefix in prefixes:
            index.search(prefix)

    results.append(Result(f"search per keystroke typing “{QUERY}”, {label}, vs its content load",
                          *alternate(timed(lambda: load_catalog([folder])),
                                     timed(typing, 1), runs), "≤ 0.05"))
    results[-1].ours /= len(prefixes)
    results[-1].ratio /= len(prefixes)
    if len(catalog.questions) >= 50:
        pool = select_questions(catalog, Filters())
        seeds = iter(range(10**6))
        results.append(Result(f"draw a 50-question paper, {label}, vs its load (cache valid)",
                              *alternate(timed(lambda: load_catalog([folder],
                                                                    cache_dir=cache_dir)),
                                         timed(lambda: draw_paper(pool, 50, next(seeds))), runs),
                              "(reported)"))
    return results


def bench_start(runs: int, env: dict[str, str], big: Path, root: Path) -> list[Result]:
    def bare() -> float:
        return spawn(["bare"], env)[0]

    def ours(*args: str, cache: Path | None = None) -> Measure:
        def run() -> float:
            run_env = env if cache is None else {**env, "STUDYAPP_CACHE_DIR": str(cache)}
            return spawn(["studyapp", *args], run_env)[0]
        return run

    counter = iter(range(10**6))

    def first_start() -> float:
        # A cache folder nobody used: nothing cached.
        return ours("--content", str(big), cache=root / f"fresh-{next(counter)}")()

    def bare_and_parse() -> float:
        return bare() + timed(lambda: raw_parse(big))()

    return [
        Result("start → first frame, bundled pack vs bare Textual app",
               *alternate(bare, ours(), runs), "≤ 1.4"),
        Result(f"start → first frame, {big.name}, first start (nothing cached), "
               "vs bare app + tomli parse", *alternate(bare_and_parse, first_start, runs),
               "≤ 1.2"),
        Result(f"start → first frame, {big.name}, second start (cache valid), vs bare app",
               *alternate(bare, ours("--content", str(big)), runs), "≤ 1.6"),
    ]


def bench_memory(runs: int, env: dict[str, str], big: Path) -> list[Result]:
    floors, oursl, ratios = [], [], []
    for _ in range(runs):
        floor = spawn(["bare", "--parse", str(big)], env)[1]
        ours = spawn(["studyapp", "--wait", "--content", str(big)], env)[1]
        floors.append(floor / 1024)
        oursl.append(ours / 1024)
        ratios.append(ours / floor)
    return [Result(f"peak memory, {big.name} loaded, vs bare app + tomli parse kept (MiB)",
                   statistics.median(floors), statistics.median(oursl),
                   statistics.median(ratios), "≤ 1.3")]


def bench_store(runs: int, root: Path, catalog_dir: Path) -> list[Result]:
    """One answer saved durably (its event and its answer row, one transaction)
    against a raw WAL commit of one row, same disk, same `synchronous`; and
    `demo` writing about 100,000 answers against raw inserts of as many rows."""
    import sqlite3  # noqa: PLC0415
    from datetime import UTC, datetime, timedelta  # noqa: PLC0415

    from studyapp.demo import fill  # noqa: PLC0415
    from studyapp.quiz.scoring import correct_response, grade  # noqa: PLC0415
    from studyapp.quiz.session import Mode, QuizSession  # noqa: PLC0415
    from studyapp.store.database import SYNCHRONOUS, Database  # noqa: PLC0415
    from studyapp.store.store import Store  # noqa: PLC0415

    catalog = load_catalog([catalog_dir]).catalog
    raw = sqlite3.connect(root / "raw.sqlite3", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    raw.execute("CREATE TABLE answers (id TEXT, attempt TEXT, position INTEGER, response TEXT, "
                "credit INTEGER, at TEXT)")
    store = Store(Database(root / "ours.sqlite3"))
    member = store.add_member(store.ensure_cell("Chi bộ").id, "Lê Văn An")
    papers = iter(range(10**6))
    started = datetime(2026, 11, 26, tzinfo=UTC)
    state: dict[str, object] = {}

    def next_attempt() -> None:
        paper = draw_paper(catalog.questions, 50, next(papers))
        attempt = store.start_attempt(paper, Mode.TEST, member_id=member.id, started_at=started)
        state.update(attempt=attempt.id, session=QuizSession(paper, Mode.TEST, started),
                     position=0, paper=paper)

    next_attempt()
    counter = iter(range(10**9))

    def raw_commit() -> float:
        begin = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                    (str(next(counter)), "attempt", 1, '{"kind": "truth", "value": true}', 1,
                     started.isoformat()))
        raw.execute("COMMIT")
        return time.perf_counter() - begin

    def ours() -> float:
        if state["position"] == 50:
            next_attempt()
        position = int(state["position"])  # type: ignore[call-overload]
        session = state["session"]
        item = state["paper"].items[position]  # type: ignore[attr-defined]
        response = correct_response(item.question)
        session.answer(position, response, started + timedelta(seconds=position))  # type: ignore[attr-defined]
        credit = grade(item.question, response)
        begin = time.perf_counter()
        store.record_answer(str(state["attempt"]), session.events[-1], item, credit,  # type: ignore[attr-defined]
                            timedelta(seconds=10))
        took = time.perf_counter() - begin
        state["position"] = position + 1
        return took

    pairs = [(raw_commit(), ours()) for _ in range(max(runs * 20, 300))]
    raws = sorted(a for a, _ in pairs)
    ourl = sorted(b for _, b in pairs)

    def p99(values: list[float]) -> float:
        return values[int(len(values) * 0.99) - 1]

    results = [
        Result("save one answer durably vs raw WAL commit, median", statistics.median(raws) * 1000,
               statistics.median(ourl) * 1000,
               statistics.median(b / a for a, b in pairs), "≤ 1.5"),
        Result("save one answer durably vs raw WAL commit, p99", p99(raws) * 1000,
               p99(ourl) * 1000, p99(ourl) / p99(raws), "(reported)"),
    ]
    raw.close()
    store.database.close()

    demo_store = Store(Database(root / "demo.sqlite3"))
    begin = time.perf_counter()
    report = fill(demo_store, catalog, seed=1, cells=10, members=30, sessions=20, questions=20)
    demo_time = time.perf_counter() - begin
    demo_store.database.close()
    floor = sqlite3.connect(root / "floor.sqlite3", isolation_level=None)
    floor.execute("PRAGMA journal_mode = WAL")
    floor.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    floor.execute("CREATE TABLE events (id TEXT, attempt TEXT, seq INTEGER, kind TEXT, at TEXT, "
                  "position INTEGER, response TEXT)")
    floor.execute("CREATE TABLE answers (id TEXT, attempt TEXT, position INTEGER, question TEXT, "
                  "hash TEXT, response TEXT, credit INTEGER, points INTEGER, at TEXT, ms INTEGER)")
    begin = time.perf_counter()
    floor.execute("BEGIN")
    floor.executemany("INSERT INTO events VALUES (?, ?, ?, 'answer', ?, ?, ?)",
                      ((str(i), "a", i, "2026", i % 20, '{"kind": "truth"}')
                       for i in range(report.answers)))
    floor.executemany("INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, 10)",
                      ((str(i), "a", i, "bank/q", "hash", '{"kind": "truth"}', "2026")
                       for i in range(report.answers)))
    floor.execute("COMMIT")
    floor_time = time.perf_counter() - begin
    floor.close()
    results.append(Result(f"demo writing {report.answers} answers vs raw inserts of as many rows",
                          floor_time * 1000, demo_time * 1000, demo_time / floor_time,
                          "(reported)"))
    return results


def bench_answer(runs: int, root: Path) -> list[Result]:
    """An answer to the next question on screen (in process) against a
    keypress on a trivial app; a run is a turn of each, 20 presses apiece."""
    import asyncio  # noqa: PLC0415

    from benchmarks import keypress  # noqa: PLC0415 - imports Textual

    presses = 20
    floors, oursl, ratios = [], [], []
    for run in range(runs + 1):
        floor = asyncio.run(keypress.trivial(presses))
        ours = asyncio.run(keypress.ours(presses, root / f"answers-{run}.sqlite3"))
        if run == 0:
            continue  # the first turn warms imports and caches for both
        floors.append(floor * 1000)
        oursl.append(ours * 1000)
        ratios.append(ours / floor)
    return [Result("answer → next question on screen (test, in process) vs a keypress on a "
                   "trivial app", statistics.median(floors), statistics.median(oursl),
                   statistics.median(ratios), "≤ 2")]


def bench_paper_entry() -> list[Result]:
    """Keystrokes to enter a paper of ten single choices from the turns screen
    (paper_entry.py), against the issue's budget of 25: a count, not a time."""
    from benchmarks import paper_entry  # noqa: PLC0415 - imports Textual

    return [Result(f"paper entry keystrokes: {name} vs the budget", paper_entry.TARGET, keys,
                   keys / paper_entry.TARGET, f"≤ 1 ({paper_entry.TARGET} keys)", unit="keys")
            for name, keys in paper_entry.measure()]


def bench_export(runs: int, root: Path, catalog_dir: Path) -> list[Result]:
    """Exports over a database of about 100,000 answers (8 cells of 39 members,
    32 sessions of 13 questions: 9,984 rows): the CSV against `sqlite3 -csv` running the same
    query into a file; the XLSX of its 10,000 rows against openpyxl writing the
    same values bare; importing its bundle into an empty database against
    `json.loads` and plain inserts of the same rows."""
    import io  # noqa: PLC0415
    import shutil  # noqa: PLC0415
    import sqlite3  # noqa: PLC0415

    from openpyxl import Workbook  # noqa: PLC0415

    from studyapp.demo import fill  # noqa: PLC0415
    from studyapp.export.bundle import build_bundle, bundle_bytes, read_bundle  # noqa: PLC0415
    from studyapp.export.files import write_atomically  # noqa: PLC0415
    from studyapp.export.run import prepare  # noqa: PLC0415
    from studyapp.export.table import row_values  # noqa: PLC0415
    from studyapp.store.database import Database  # noqa: PLC0415
    from studyapp.store.exchange import (  # noqa: PLC0415
        COLUMNS,
        TABLES,
        Scope,
        merge_tables,
        score_rows,
        score_sql,
    )
    from studyapp.store.store import Store  # noqa: PLC0415

    if shutil.which("sqlite3") is None:
        print("sqlite3 CLI not found: export benchmarks skipped", file=sys.stderr)
        return []
    catalog = load_catalog([catalog_dir]).catalog
    path = root / "export.sqlite3"
    store = Store(Database(path))
    report = fill(store, catalog, seed=2, cells=8, members=39, sessions=32, questions=13)
    store.database.close()
    store = Store(Database(path))
    everything = Scope()
    sql, params = score_sql(everything)
    assert not params
    out_floor, out_ours = root / "floor.csv", root / "ours.csv"

    def sqlite_cli() -> None:
        with out_floor.open("wb") as handle:
            subprocess.run(["sqlite3", "-csv", "-header", str(path), sql], stdout=handle,
                           check=True)

    def our_csv() -> None:
        write_atomically(out_ours, prepare(store, catalog, everything, "csv").write)

    rows = score_rows(store, everything)
    results = [Result(f"CSV export, {report.answers:,} answers ({len(rows):,} rows), "
                      "vs sqlite3 -csv", *alternate(timed(sqlite_cli), timed(our_csv), runs),
                      "≤ 2×")]

    def bare_xlsx() -> None:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row_values(row))
        book.save(io.BytesIO())

    def our_xlsx() -> None:
        prepare(store, catalog, everything, "xlsx").write(io.BytesIO())

    results.append(Result(f"XLSX export, {len(rows):,} rows + question sheet, vs bare openpyxl",
                          *alternate(timed(bare_xlsx), timed(our_xlsx), max(3, runs // 3)),
                          "reported"))

    bundle_path = root / "bundle.json"
    bundle_path.write_bytes(bundle_bytes(build_bundle(store, catalog, everything)))
    counter = iter(range(10**6))

    def raw_import() -> None:
        target = sqlite3.connect(root / f"raw-{next(counter)}.sqlite3")
        content = json.loads(bundle_path.read_bytes())["content"]
        for table in TABLES:
            columns = COLUMNS[table]
            target.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
            target.executemany(
                f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})",
                ([json.dumps(row[c]) if isinstance(row[c], (dict, list)) else row[c]
                  for c in columns] for row in content[table]))
        target.commit()
        target.close()

    def our_import() -> None:
        target = Store(Database(root / f"ours-{next(counter)}.sqlite3"))
        merge_tables(target, read_bundle(bundle_path, catalog).tables)
        target.database.close()

    results.append(Result(f"import of that bundle ({bundle_path.stat().st_size / 1e6:.0f} MB) "
                          "into an empty database, vs json.loads + plain inserts",
                          *alternate(timed(raw_import), timed(our_import), max(3, runs // 5)),
                          "reported"))
    return results


def bench_check(runs: int, env: dict[str, str], root: Path, catalog_dir: Path) -> list[Result]:
    """`quick_check`, which every process runs before its first write (issue
    20: nothing written into a damaged file), on a database of about 100,000
    answers (the export benchmark's), against the start to the first frame of
    the bundled pack: what it adds to the first answer of a session."""
    import sqlite3  # noqa: PLC0415

    from studyapp.demo import fill  # noqa: PLC0415
    from studyapp.store.database import Database  # noqa: PLC0415
    from studyapp.store.store import Store  # noqa: PLC0415

    catalog = load_catalog([catalog_dir]).catalog
    path = root / "check.sqlite3"
    store = Store(Database(path))
    report = fill(store, catalog, seed=3, cells=8, members=39, sessions=32, questions=13)
    store.database.close()

    def quick_check() -> float:
        begin = time.perf_counter()
        connection = sqlite3.connect(path)
        assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        connection.close()
        return time.perf_counter() - begin

    def first_frame() -> float:
        return spawn(["studyapp"], env)[0]

    size = path.stat().st_size / 1e6
    return [Result(f"quick_check before the first write, {report.answers:,} answers "
                   f"({size:.0f} MB), vs start → first frame (bundled pack)",
                   *alternate(first_frame, quick_check, max(5, runs // 2)),
                   "(reported: once a process)")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--only", choices=("load", "start", "memory", "store", "answer",
                                           "export", "check", "paper"),
                        help="one group only")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        env = {**os.environ, "STUDYAPP_CONFIG_DIR": str(root / "config"),
               "STUDYAPP_DATA_DIR": str(root / "data"), "STUDYAPP_CACHE_DIR": str(root / "cache")}
        env.pop("STUDYAPP_CONTENT", None)
        # Let Python cache bytecode, as on a user's machine: with
        # PYTHONDONTWRITEBYTECODE set (some shells and sandboxes set it), a
        # source checkout would be compiled again on every start, while
        # Textual, installed by pip, is compiled once.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        big = generate(root / f"pack-{args.questions}-questions", 200, args.questions)
        results: list[Result] = []
        if args.only in (None, "load"):
            results += bench_load(args.runs, bundled_content_dir(), "bundled pack", root / "c1")
            results += bench_load(args.runs, big, f"{args.questions} questions", root / "c2")
        if args.only in (None, "start"):
            results += bench_start(max(5, args.runs // 2), env, big, root)
        if args.only in (None, "memory"):
            results += bench_memory(3, env, big)
        if args.only in (None, "store"):
            results += bench_store(args.runs, root, bundled_content_dir())
        if args.only in (None, "export"):
            results += bench_export(args.runs, root, bundled_content_dir())
        if args.only in (None, "check"):
            results += bench_check(args.runs, env, root, bundled_content_dir())
        if args.only in (None, "answer"):
            os.environ.update({key: value for key, value in env.items()
                               if key.startswith("STUDYAPP_")})
            results += bench_answer(args.runs, root)
        if args.only in (None, "paper"):
            os.environ.update({key: value for key, value in env.items()
                               if key.startswith("STUDYAPP_")})
            results += bench_paper_entry()

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; median of "
          f"{args.runs} alternating pairs (start: {max(5, args.runs // 2)}, memory: 3).\n")
    print("| measure | floor | ours | median ratio | target |")
    print("|---|---|---|---|---|")
    for result in results:
        print(result.row())


if __name__ == "__main__":
    main()
