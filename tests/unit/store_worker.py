"""A worker process for the crash and concurrency tests: answers questions, says so.

    python tests/unit/store_worker.py DB crash          # forever, until killed
    python tests/unit/store_worker.py DB write N NAME   # N answers as member NAME, then exit

Each answer is stored with `Store.record_answer`; only after it returns does
the worker print `ACK <attempt> <position> <response as JSON>`, the moment
an answer is "acknowledged on screen". It resumes the member's unfinished
attempt on start, as the program does after a crash.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from studyapp.content.loading import load_catalog  # noqa: E402
from studyapp.quiz.scoring import correct_response, grade, response_to_data  # noqa: E402
from studyapp.quiz.selection import draw_paper  # noqa: E402
from studyapp.quiz.session import Mode  # noqa: E402
from studyapp.store.database import Database  # noqa: E402
from studyapp.store.store import Store  # noqa: E402

PAPER_SIZE = 12


def main() -> None:
    database, mode = Path(sys.argv[1]), sys.argv[2]
    limit = int(sys.argv[3]) if mode == "write" else None
    name = sys.argv[4] if mode == "write" else "Người thử máy"
    catalog = load_catalog([ROOT / "content"]).catalog
    store = Store(Database(database, busy_timeout=30))
    cell = store.ensure_cell("Chi bộ thử")
    members = store.find_members(cell.id, name)
    member = members[0] if members else store.add_member(cell.id, name)
    given = 0
    seed = 0
    print("READY", flush=True)  # started: from here on, every moment may be the last
    while limit is None or given < limit:
        unfinished = store.unfinished_attempts(member_id=member.id)
        if unfinished:
            session, _ = store.resume(unfinished[0].id, catalog)
            attempt_id = unfinished[0].id
        else:
            seed += 1
            paper = draw_paper(catalog.questions, PAPER_SIZE, seed)
            started = datetime.now(UTC)
            attempt_id = store.start_attempt(paper, Mode.TEST, member_id=member.id,
                                             started_at=started).id
            session, _ = store.resume(attempt_id, catalog)
        position = session.next_unanswered() if session.unanswered() else None
        if position is None:
            before = len(session.events)
            result = session.finish(datetime.now(UTC))
            store.finish_attempt(attempt_id, session.events[before:], result)
            continue
        item = session.paper.items[position]
        response = correct_response(item.question)
        session.answer(position, response, datetime.now(UTC))
        store.record_answer(attempt_id, session.events[-1], item,
                            grade(item.question, response), timedelta(seconds=1))
        given += 1
        print(f"ACK {attempt_id} {position} {json.dumps(response_to_data(response))}",
              flush=True)


if __name__ == "__main__":
    main()
