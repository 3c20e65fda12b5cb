"""Measure studyapp against floors taken in the same run, as median ratios of alternating runs.

    python benchmarks/run.py [--runs N] [--quick]

Machines here are shared and noisy (performance.md): every figure is the median
of the ratios of pairs run back to back (floor, ours, floor, ours, ...), never
an absolute time. Reports:

- start to first frame, bundled content, against a bare Textual app (target ≤ 1.4);
- start to first frame with a large synthetic pack (its lessons) against the
  bare app plus a tomli parse of the same files (target ≤ 1.2);
- content load and validation against a raw tomli parse of the same files
  (target ≤ 1.15), for the bundled pack and for a large synthetic one, with
  the cache valid (every start after the first) and without it;
- one search (per keystroke) against the content load (target ≤ 0.05).
"""

from __future__ import annotations

import argparse
import gc
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

QUERY = "kien dinh"


@dataclass
class Result:
    name: str
    floor_ms: float
    ours_ms: float
    ratio: float
    target: str

    def row(self) -> str:
        return (f"| {self.name} | {self.floor_ms:.1f} | {self.ours_ms:.1f} | "
                f"**{self.ratio:.2f}×** | {self.target} |")


def alternate(floor: Callable[[], object], ours: Callable[[], object], runs: int,
              ours_count: int = 1) -> tuple[float, float, float]:
    """Median floor time, median our time (ms), and the median of the
    pairwise ratios, running floor and ours alternately. When one call of
    `ours` does `ours_count` operations, times are per operation."""
    floor()
    ours()  # warm the file cache and imports for both alike
    floors, oursl, ratios = [], [], []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        floor()
        a = time.perf_counter() - start
        gc.collect()
        start = time.perf_counter()
        ours()
        b = (time.perf_counter() - start) / ours_count
        floors.append(a * 1000)
        oursl.append(b * 1000)
        ratios.append(b / a)
    return statistics.median(floors), statistics.median(oursl), statistics.median(ratios)


# --- floors -----------------------------------------------------------------------


def raw_parse(folder: Path) -> int:
    """The floor of a content load: read each file, decode it and parse its
    TOML with tomli (a lesson's front matter, a bank whole). Returns the
    number of tables parsed, so that nothing is optimised away."""
    parsed = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".toml":
            parsed += len(tomli.loads(path.read_bytes().decode("utf-8-sig")))
        elif path.suffix == ".md" and path.parent.name == "lessons":
            text = path.read_bytes().decode("utf-8-sig")
            end = text.find("\n" + FRONT_MATTER_FENCE, 3)
            parsed += len(tomli.loads(text[4:end]))
    return parsed


def process(*args: str, env: dict[str, str]) -> Callable[[], None]:
    command = [sys.executable, str(HERE / "first_frame.py"), *args]

    def run() -> None:
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)

    return run


# --- the benchmarks ----------------------------------------------------------------------


def bench_start(runs: int, env: dict[str, str], synthetic: Path) -> list[Result]:
    bare = process("bare", env=env)
    bundled = process("studyapp", env=env)
    results = [Result("start → first frame, bundled pack vs bare Textual app",
                      *alternate(bare, bundled, runs), "≤ 1.4")]

    def bare_and_parse() -> None:
        bare()
        raw_parse(synthetic)

    big = process("studyapp", "--content", str(synthetic), env=env)
    results.append(Result(f"start → first frame, {synthetic.name} vs bare app + tomli parse",
                          *alternate(bare_and_parse, big, runs), "≤ 1.2"))
    return results


def bench_load(runs: int, folder: Path, label: str, cache_dir: Path) -> list[Result]:
    cold = alternate(lambda: raw_parse(folder), lambda: load_catalog([folder]), runs)
    results = [Result(f"load + validate {label}, no cache, vs raw tomli parse", *cold,
                      "(first start only)")]
    load_catalog([folder], cache_dir=cache_dir)
    warm = alternate(lambda: raw_parse(folder),
                     lambda: load_catalog([folder], cache_dir=cache_dir), runs)
    results.append(Result(f"load + validate {label}, cache valid, vs raw tomli parse", *warm,
                          "≤ 1.15"))
    catalog = load_catalog([folder]).catalog
    index = SearchIndex(catalog)
    # Typing "kien dinh": one search per keystroke, the short prefixes (which
    # match almost everything) included.
    prefixes = [QUERY[:n] for n in range(1, len(QUERY) + 1)]

    def typing() -> None:
        for prefix in prefixes:
            index.search(prefix)

    search = alternate(lambda: load_catalog([folder]), typing, runs, ours_count=len(prefixes))
    results.append(Result(f"search per keystroke typing “{QUERY}”, {label}, vs its content load",
                          *search, "≤ 0.05"))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--lessons", type=int, default=1000)
    parser.add_argument("--only", choices=("load", "start"), help="run one group only")
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
        synthetic = generate(root / f"synthetic-{args.lessons}-lessons", args.lessons, 0)
        results: list[Result] = []
        if args.only != "start":
            results += bench_load(args.runs, bundled_content_dir(), "bundled pack", root / "c1")
            results += bench_load(args.runs, synthetic, f"{args.lessons} synthetic lessons",
                                  root / "c2")
        if args.only != "load":
            results += bench_start(max(5, args.runs // 2), env, synthetic)

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; median of "
          f"{args.runs} alternating pairs (start: {max(5, args.runs // 2)}).\n")
    print("| measure | floor ms | ours ms | median ratio | target |")
    print("|---|---|---|---|---|")
    for result in results:
        print(result.row())


if __name__ == "__main__":
    main()
