"""Nothing acknowledged is lost: SIGKILL at random moments, and two writers at once."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from studyapp.content.catalog import Catalog
from studyapp.quiz.scoring import response_from_data
from studyapp.store.database import Database
from studyapp.store.models import AttemptStatus
from studyapp.store.store import Store

WORKER = Path(__file__).with_name("store_worker.py")
# 60 kills in the suite (about 25 s); `STUDYAPP_CRASH_KILLS=800` for the long run the
# first round passed.
KILLS = int(os.environ.get("STUDYAPP_CRASH_KILLS", "60"))


def worker(database: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKER), str(database), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def acknowledgements(output: str) -> list[tuple[str, int, dict[str, object]]]:
    found = []
    for line in output.splitlines():
        if line.startswith("ACK "):
            _, attempt, position, response = line.split(" ", 3)
            found.append((attempt, int(position), json.loads(response)))
    return found


def test_killing_at_any_moment_loses_no_acknowledged_answer(tmp_path: Path,
                                                             catalog: Catalog) -> None:
    database = tmp_path / "crash.sqlite3"
    rng = random.Random(20261126)
    acked: dict[tuple[str, int], dict[str, object]] = {}
    lives_with_answers = 0
    for _ in range(KILLS):
        process = worker(database, "crash")
        assert process.stdout is not None
        # Once it has started (however long that takes on a busy machine),
        # anywhere from before its first answer to well into its answering.
        ready = process.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.25))
        process.send_signal(signal.SIGKILL)
        output, errors = process.communicate()
        assert ready == "READY\n", errors
        assert process.returncode == -signal.SIGKILL, errors
        found = acknowledgements(output)
        lives_with_answers += bool(found)
        for attempt, position, response in found:
            acked[(attempt, position)] = response
    assert lives_with_answers > KILLS // 2  # the kills fell while it was answering
    assert len(acked) > 2 * KILLS  # about 2.5 acknowledged answers a life

    store = Store(Database(database))
    assert store.database.check().healthy
    stored = {(answer.attempt_id, answer.position): answer.response
              for attempt in store.attempts() for answer in store.answers(attempt.id)}
    missing = [key for key in acked if key not in stored]
    assert missing == []
    assert all(stored[key] == response for key, response in acked.items())
    # Every unfinished attempt resumes with every answer it acknowledged, the
    # same way each time.
    for attempt in store.unfinished_attempts():
        session, _ = store.resume(attempt.id, catalog)
        again, _ = store.resume(attempt.id, catalog)
        assert session.state() == again.state()
        responses = dict(session.state().responses)
        for (attempt_id, position), response in acked.items():
            if attempt_id == attempt.id:
                assert response_from_data(response) == responses[position]
    finished = store.attempts(status=AttemptStatus.FINISHED)
    assert finished  # lives also got to the end of papers and finished them


def test_two_programs_write_at_once(tmp_path: Path) -> None:
    database = tmp_path / "shared.sqlite3"
    Store(Database(database)).ensure_cell("Chi bộ thử")  # created before both start
    writers = [worker(database, "write", "150", name) for name in ("Lê Văn An", "Trần Thị Hoa")]
    outputs = [w.communicate(timeout=120) for w in writers]
    for process, (_, errors) in zip(writers, outputs, strict=True):
        assert process.returncode == 0, errors
    acked = [ack for output, _ in outputs for ack in acknowledgements(output)]
    assert len(acked) == 300
    store = Store(Database(database))
    assert store.database.check().healthy
    stored = {(a.attempt_id, a.position) for attempt in store.attempts()
              for a in store.answers(attempt.id)}
    assert {(attempt, position) for attempt, position, _ in acked} <= stored
    assert len({m.full_name for m in store.members()}) == 2
