"""Killed while copying: backup, migration, import and export leave no broken file.
Apart from test_durability.py (the kills of the answering program) so that
`--dist loadfile` can run the two long kill tests (about 49 s and 31 s in the -n 2
durations run) on different workers."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from studyapp.store.database import Database
from studyapp.store.schema import SCHEMA_VERSION
from studyapp.store.store import Store

# --- killed while copying: backup, migration, import, export ------------------------------

FILE_KILLS = int(os.environ.get("STUDYAPP_KILLS", "4"))
"""Kills of each command below; the suite keeps it small (a few seconds),
`STUDYAPP_KILLS=100` for a long run."""
FIXTURES = Path(__file__).parents[1] / "data" / "db"


def studyapp(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "studyapp", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])


def life(args: list[str], rng: random.Random, span: float) -> bool:
    """Run the command and kill it at a random moment of about its usual
    span (most of which is starting); whether it finished first."""
    process = studyapp(*args)
    time.sleep(rng.uniform(span * 0.3, span * 1.1))
    process.send_signal(signal.SIGKILL)
    _, errors = process.communicate()
    if process.returncode == 0:
        return True
    assert process.returncode == -signal.SIGKILL, errors
    return False


def full_run(args: list[str]) -> float:
    started = time.perf_counter()
    process = studyapp(*args)
    _, errors = process.communicate()
    assert process.returncode == 0, errors
    return time.perf_counter() - started


def ours_left(folder: Path) -> list[Path]:
    from studyapp.store.atomic import SUFFIX  # noqa: PLC0415

    return [path for path in folder.iterdir() if SUFFIX in path.name]


def members_of(path: Path) -> set[str]:
    store = Store(Database(path, read_only=True))
    names = {member.full_name for member in store.members(include_inactive=True)}
    store.database.close()
    return names


def healthy(path: Path) -> bool:
    """Whole, whatever its schema version (an old one is no damage)."""
    database = Database(path, read_only=True)
    try:
        report = database.check()
        return report.healthy or (report.schema_version < SCHEMA_VERSION
                                  and len(report.problems) == 1)
    finally:
        database.close()


def test_killed_backups_exports_imports_and_migrations_leave_no_broken_file(
        tmp_path: Path) -> None:
    rng = random.Random(20261202)
    source = tmp_path / "source.sqlite3"
    fill = studyapp("demo", "--seed", "3", "--cells", "2", "--members", "12", "--sessions", "8",
                    "--db", str(source))
    assert fill.wait() == 0
    names = members_of(source)
    source_bytes = source.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    counts = {"backup": 0, "export": 0, "import": 0, "migration": 0}
    torn = dict.fromkeys(counts, 0)  # kills that left a temporary file: mid-write

    # db backup: the file under the name asked for is whole, or absent.
    backup = out / "sao-luu.sqlite3"
    args = ["db", "backup", "-o", str(backup), "--force", "--db", str(source)]
    span = full_run(args)
    backup.unlink()
    for _ in range(FILE_KILLS):
        counts["backup"] += not life(args, rng, span)
        torn["backup"] += bool(ours_left(out))
        if backup.exists():
            assert healthy(backup)
            assert members_of(backup) == names
        assert source.read_bytes() == source_bytes  # read-only: never written
    full_run(args)
    assert ours_left(out) == []  # what killed ones left is removed by the next

    # export: the file is the whole export, or absent.
    exported = out / "ket-qua.csv"
    args = ["export", "--all", "--format", "csv", "-o", str(exported), "--force",
            "--db", str(source)]
    span = full_run(args)
    whole = exported.read_bytes()
    exported.unlink()
    for _ in range(FILE_KILLS):
        counts["export"] += not life(args, rng, span)
        torn["export"] += bool(ours_left(out))
        assert not exported.exists() or exported.read_bytes() == whole
    full_run(args)
    assert ours_left(out) == []

    # import: all of the bundle or nothing, and what an import acknowledged stays.
    bundle = out / "goi.json"
    full_run(["export", "--all", "--format", "json", "-o", str(bundle), "--db", str(source)])
    target = tmp_path / "target.sqlite3"
    own = Store(Database(target))
    own.add_member(own.ensure_cell("Chi bộ nhận").id, "Người đã có")
    own.database.close()
    args = ["import", str(bundle), "--db", str(target)]
    span = full_run(args) * 1.5  # the first import writes; later ones find it all there
    target_copy = target.read_bytes()
    for _ in range(FILE_KILLS):
        target.write_bytes(target_copy)  # as before the first import: it has work to do
        for companion in ("-wal", "-shm"):
            Path(f"{target}{companion}").unlink(missing_ok=True)
        own_only = members_of(target)
        finished = life(args, rng, span)
        counts["import"] += not finished
        assert healthy(target)
        after = members_of(target)
        assert "Người đã có" in after
        assert after in (own_only, own_only | names)  # all or nothing
        if finished:
            assert after == own_only | names

    # migration: the old file and its copy are whole; leftovers go at the next start.
    old = tmp_path / "cu" / "studyapp.sqlite3"
    old.parent.mkdir()
    fixture_names = members_of(FIXTURES / "schema-1.sqlite3")
    args = ["members", "add", "Lê Văn Mới", "--cell", "Chi bộ Khu phố 7", "--db", str(old)]
    shutil.copy(FIXTURES / "schema-1.sqlite3", old)
    span = full_run(args)
    for _ in range(FILE_KILLS):
        for path in old.parent.iterdir():
            path.unlink()
        shutil.copy(FIXTURES / "schema-1.sqlite3", old)
        counts["migration"] += not life(args, rng, span)
        torn["migration"] += bool(ours_left(old.parent))
        assert healthy(old)
        assert fixture_names <= members_of(old)  # nothing that was there is lost
        for copy in old.parent.glob("*.before-v*"):
            if not copy.name.startswith("."):
                assert healthy(copy)
                assert members_of(copy) == fixture_names
        full_run([*args[:2], "Lê Văn Khác", *args[3:]])  # the next start
        assert ours_left(old.parent) == []
        assert not [p for p in old.parent.iterdir() if p.name.endswith("-journal")]
    print(f"kills: {counts}; of which mid-write (a temporary file left): {torn}")
    assert sum(counts.values()) >= FILE_KILLS * 2  # most lives were killed, not finished
