"""Write schema-<N>.sqlite3: a small database as the current schema writes it.

Run it once when a schema version is released (`python tests/data/db/make_fixtures.py`)
and commit the file; never regenerate an old one. Tests open each released
version to prove later programs still read and migrate it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from studyapp.content.loading import load_catalog  # noqa: E402
from studyapp.demo import fill  # noqa: E402
from studyapp.store.database import Database  # noqa: E402
from studyapp.store.schema import SCHEMA_VERSION  # noqa: E402
from studyapp.store.store import Store  # noqa: E402


def main() -> None:
    target = Path(__file__).with_name(f"schema-{SCHEMA_VERSION}.sqlite3")
    if target.exists():
        raise SystemExit(f"{target} exists: a released fixture is never rewritten")
    store = Store(Database(target))
    catalog = load_catalog([ROOT / "content"]).catalog
    fill(store, catalog, seed=1, cells=1, members=5, sessions=2, questions=5)
    cell = store.cells()[0]
    store.add_member(cell.id, "Lê Văn An", allow_duplicate=True)
    store.database.close()
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
