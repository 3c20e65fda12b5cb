"""A phone round under load: 30 simulated phones answering at once against a real
RoundServer (uvicorn on 127.0.0.1), measured against floors taken in the same run.

    python benchmarks/phone_round.py [--phones 30] [--runs 5] [--pace SECONDS]

1. Each phone is a thread with its own httpx client (its own cookie), all in a
   process of their own (they are other devices: in the laptop's process their
   work would take its interpreter from the server and the screen), joining
   with the round code and answering its whole paper as fast as it can. Timed:
   from sending POST /answer to holding the page that says "Đã lưu câu N."
   (the 303 followed: the commit, then the next question drawn). Floor: a raw
   SQLite commit of one row (WAL, synchronous as the store's, FULL), on the same
   disk, taken before and after the phones, in the same process. p50 and p99 of
   ours against p50 and p99 of the floor.
2. The laptop's answer → next question on screen (benchmarks/keypress.py: the
   quiz screen headless, Enter timed from the key to the next question drawn)
   while the 30 phones keep answering in the same process, against a keypress
   on a trivial app, in alternating turns; the target is ≤ 2× (performance.md).
   The floor is taken both with the phones paused (the machine as it is) and
   with them answering (the same load on both sides); each turn pauses or
   resumes the phones. The laptop's quiz is stored in the round's database.

The simulated phones and the session of every member come from the round's
tests (tests/web/phones.py), so the pages are read the way the tests read them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import httpx2 as httpx  # noqa: E402

from studyapp.content.loading import load_catalog  # noqa: E402
from studyapp.paths import bundled_content_dir  # noqa: E402
from studyapp.quiz.scoring import correct_response  # noqa: E402
from studyapp.store.database import SYNCHRONOUS, Database  # noqa: E402
from studyapp.store.papers import MemberPaper, session_papers  # noqa: E402
from studyapp.store.phone import PhoneRound  # noqa: E402
from studyapp.store.store import Store  # noqa: E402
from studyapp.web.server import RoundServer  # noqa: E402
from tests.web.phones import Phone, form_for, session_with_every_type  # noqa: E402

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
GIVEN = ("An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Minh", "Nam", "Thảo", "Tùng")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def raw_commits(path: Path, count: int) -> list[float]:
    """Seconds of `count` commits of one row each: WAL, the store's synchronous."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
    raw.execute("CREATE TABLE IF NOT EXISTS answers (id INTEGER PRIMARY KEY, attempt TEXT, "
                "position INTEGER, response TEXT, at TEXT)")
    times = []
    for position in range(count):
        begin = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("INSERT INTO answers (attempt, position, response, at) VALUES (?, ?, ?, ?)",
                    ("attempt", position, '{"kind": "truth", "value": true}', "2026-12-02"))
        raw.execute("COMMIT")
        times.append(time.perf_counter() - begin)
    raw.close()
    return times


@dataclass
class Phones:
    """Simulated phones answering in threads; `answering` cleared pauses them
    between two answers, `stop` ends them."""

    url: str
    code: str
    papers: list[MemberPaper]
    repeat: bool = False
    """Answer the paper again and again (changing the answers in place) until stopped."""
    pace: float = 0.0
    """Seconds a member reads each question (0.5 to 1.5 times this, at random); 0:
    flat out, each phone sending its next answer as soon as the page is there."""
    latencies: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    answering: threading.Event = field(default_factory=threading.Event)
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        """Every phone joins; the answering starts at once when `answering` is set."""
        ready = threading.Barrier(len(self.papers) + 1)
        self.threads = [threading.Thread(target=self._phone, args=(paper, ready), daemon=True)
                        for paper in self.papers]
        for thread in self.threads:
            thread.start()
        ready.wait()

    def join(self) -> None:
        for thread in self.threads:
            thread.join(timeout=600)

    def halt(self) -> None:
        self.stop.set()
        self.answering.set()
        self.join()

    def _phone(self, paper: MemberPaper, ready: threading.Barrier) -> None:
        rng = random.Random(paper.member.id)
        with httpx.Client(base_url=self.url, timeout=60) as client:
            phone = Phone(client)
            phone.join(self.code, paper.member.id)
            ready.wait()
            items = paper.paper.items
            while not self.stop.is_set():
                for position, item in enumerate(items):
                    self.answering.wait()
                    if self.stop.is_set():
                        return
                    if f'name="n" value="{position + 1}"' not in phone.page:
                        phone.get(f"/q?n={position + 1}")
                    form = form_for(item, correct_response(item.question))
                    begin = time.perf_counter()
                    reply = phone.answer(form, n=position + 1, question_id=item.question.full_id)
                    took = time.perf_counter() - begin
                    with self._lock:
                        if reply.status_code == 200 and \
                                f"Đã lưu câu {position + 1}." in phone.page:
                            self.latencies.append(took)
                        else:
                            self.problems.append(f"{reply.status_code} {phone.page[:120]}")
                    if self.pace:
                        self.stop.wait(self.pace * rng.uniform(0.5, 1.5))
                if not self.repeat:
                    return


def names(count: int) -> tuple[str, ...]:
    return tuple(f"{FAMILY[i % len(FAMILY)]} Văn {GIVEN[i % len(GIVEN)]} {i + 1}"
                 for i in range(count))


def round_of(root: Path, phones: int) -> tuple[Store, PhoneRound, list[MemberPaper]]:
    catalog = load_catalog([bundled_content_dir()]).catalog
    store = Store(Database(root / "round.sqlite3"))
    session = session_with_every_type(store, catalog, names(phones))
    round_ = PhoneRound.open(store, catalog, session.id)
    return store, round_, session_papers(store, catalog, session.id)


def phones_main(db: str, session_id: str, url: str, code: str, *, repeat: bool,
                pace: float) -> None:
    """The phones' own process (they are other devices: none of their work may
    take the laptop process's interpreter). Commands on stdin: `go`, `pause`,
    `stop`; the latencies come back as JSON on stdout."""
    catalog = load_catalog([bundled_content_dir()]).catalog
    store = Store(Database(Path(db)))
    papers = session_papers(store, catalog, session_id)
    store.database.close()
    load = Phones(url, code, papers, repeat=repeat, pace=pace)
    load.start()
    print("READY", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "go":
            load.answering.set()
            if not repeat:
                load.join()
                break
        elif command == "pause":
            load.answering.clear()
            time.sleep(0.2)  # the answers in flight end
            print("PAUSED", flush=True)
        elif command == "stop":
            load.halt()
            break
    print(json.dumps({"latencies": load.latencies, "problems": load.problems[:5]}), flush=True)


class PhonesProcess:
    """The simulated phones, in a process of their own."""

    def __init__(self, db: Path, round_: PhoneRound, url: str, *, repeat: bool,
                 pace: float) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--phones-of", str(db),
             round_.session_id, url, round_.code, "--pace", str(pace),
             *(["--repeat"] if repeat else [])],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        assert self.read() == "READY"

    def read(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def results(self) -> list[float]:
        data = json.loads(self.read())
        self.process.wait(timeout=60)
        assert not data["problems"], data["problems"]
        return [float(x) for x in data["latencies"]]


def bench_answers(root: Path, phones: int, pace: float) -> dict[str, float]:
    """POST answer → "đã lưu" page, 30 phones at once, against a raw commit."""
    store, round_, _ = round_of(root, phones)
    floor = raw_commits(root / "raw.sqlite3", 300)
    server = RoundServer(round_, host="127.0.0.1", port=0)
    server.start()
    try:
        assert server.wait_started()
        load = PhonesProcess(root / "round.sqlite3", round_, server.url, repeat=False,
                             pace=pace)
        begin = time.perf_counter()
        load.send("go")
        ours = load.results()
        wall = time.perf_counter() - begin
    finally:
        server.stop()
    floor += raw_commits(root / "raw.sqlite3", 300)
    store.database.close()
    return {"answers": len(ours), "wall_s": wall,
            "floor_p50_ms": percentile(floor, 0.5) * 1000,
            "floor_p99_ms": percentile(floor, 0.99) * 1000,
            "ours_p50_ms": percentile(ours, 0.5) * 1000,
            "ours_p99_ms": percentile(ours, 0.99) * 1000,
            "ratio_p50": percentile(ours, 0.5) / percentile(floor, 0.5),
            "ratio_p99": percentile(ours, 0.99) / percentile(floor, 0.99)}


def bench_laptop(root: Path, phones: int, runs: int, pace: float) -> dict[str, float]:
    """The laptop's answer → next question while 30 phones answer, in alternating turns."""
    from benchmarks import keypress  # noqa: PLC0415 - imports Textual

    presses = 20
    store, round_, _ = round_of(root, phones)
    server = RoundServer(round_, host="127.0.0.1", port=0)
    server.start()
    assert server.wait_started()
    load = PhonesProcess(root / "round.sqlite3", round_, server.url, repeat=True, pace=pace)
    quiet_floor, loaded_floor, ours, by_quiet, by_loaded = [], [], [], [], []
    try:
        for run in range(runs + 1):
            load.send("pause")
            assert load.read() == "PAUSED"
            quiet = asyncio.run(keypress.trivial(presses))
            load.send("go")
            time.sleep(0.2)
            loaded = asyncio.run(keypress.trivial(presses))
            # The laptop's quiz writes to the round's own database, as it would.
            answer = asyncio.run(keypress.ours(presses, root / "round.sqlite3"))
            if run == 0:
                continue  # the first turn warms imports and caches for every side
            quiet_floor.append(quiet)
            loaded_floor.append(loaded)
            ours.append(answer)
            by_quiet.append(answer / quiet)
            by_loaded.append(answer / loaded)
        load.send("stop")
        latencies = load.results()
    finally:
        server.stop()
        store.database.close()
    return {"trivial_quiet_ms": statistics.median(quiet_floor) * 1000,
            "trivial_loaded_ms": statistics.median(loaded_floor) * 1000,
            "ours_loaded_ms": statistics.median(ours) * 1000,
            "ratio_vs_quiet": statistics.median(by_quiet),
            "ratio_vs_loaded": statistics.median(by_loaded),
            "phone_answers": len(latencies),
            "phone_p50_ms_meanwhile": percentile(latencies, 0.5) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--phones-of", nargs=4, metavar=("DB", "SESSION", "URL", "CODE"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--repeat", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--pace", type=float, default=0.0,
                        help="seconds each member reads a question (0: flat out)")
    args = parser.parse_args()
    if args.phones_of:
        phones_main(*args.phones_of, repeat=args.repeat, pace=args.pace)
        return
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        for key in ("CONFIG", "DATA", "CACHE"):
            os.environ[f"STUDYAPP_{key}_DIR"] = str(root / key.lower())
        os.environ.pop("STUDYAPP_CONTENT", None)
        (root / "answers").mkdir()
        (root / "laptop").mkdir()
        answers = bench_answers(root / "answers", args.phones, args.pace)
        laptop = bench_laptop(root / "laptop", args.phones, args.runs, args.pace)
    show: Callable[[float], str] = lambda value: f"{value:.2f}"  # noqa: E731
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; {args.phones} phones, "
          f"{'flat out' if not args.pace else f'reading {args.pace:g} s a question'}; "
          f"{answers['answers']:.0f} answers in {answers['wall_s']:.1f} s; laptop: median of "
          f"{args.runs} alternating turns of 20 presses.\n")
    print("| measure | floor | ours | ratio | target |")
    print("|---|---|---|---|---|")
    print(f"| POST answer → “Đã lưu” page, p50, {args.phones} phones at once, vs a raw "
          f"commit of one row (WAL, synchronous={SYNCHRONOUS}) | "
          f"{answers['floor_p50_ms']:.2f} | {answers['ours_p50_ms']:.1f} | "
          f"**{show(answers['ratio_p50'])}×** | (reported) |")
    print(f"| the same, p99 | {answers['floor_p99_ms']:.2f} | {answers['ours_p99_ms']:.1f} | "
          f"**{show(answers['ratio_p99'])}×** | (reported) |")
    print(f"| laptop answer → next question while {args.phones} phones answer, vs a keypress "
          f"on a trivial app (quiet) | {laptop['trivial_quiet_ms']:.1f} | "
          f"{laptop['ours_loaded_ms']:.1f} | **{show(laptop['ratio_vs_quiet'])}×** | ≤ 2 |")
    print(f"| the same, vs the trivial keypress under the same load | "
          f"{laptop['trivial_loaded_ms']:.1f} | {laptop['ours_loaded_ms']:.1f} | "
          f"**{show(laptop['ratio_vs_loaded'])}×** | ≤ 2 |")
    print(f"\nphone answers stored during the laptop turns: {laptop['phone_answers']:.0f}; "
          f"their p50 {laptop['phone_p50_ms_meanwhile']:.1f} ms")


if __name__ == "__main__":
    main()
