"""Random bundles valid by the format (docs/bundle-format.md, bundle_schema.json):
imported into a fresh database, each opens on the main screens and goes out
through every export with no exception and no control character."""

from __future__ import annotations

import asyncio
import copy
import io
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.export.bundle import bundle_bytes, read_bundle
from studyapp.export.run import FORMATS, prepare
from studyapp.store.exchange import Scope, merge_tables
from studyapp.text import UNWANTED_CHARACTERS, normalize_line
from studyapp.ui.app import StudyApp
from tests.ui.conftest import build_app, rendered_lines
from tests.ui.test_escape_scan import exported_texts
from tests.unit.test_exports import NOW, make_good_bundle, new_store, rehash

# A line of text as the format allows it in names, topics and notes: any
# printable character (markup brackets, formula starts, emoji, other scripts)
# but no control, format, separator or private character; tidy as the roster keeps it.
_PRINTABLE = st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
_SPECIAL = st.sampled_from(["=HYPERLINK(\"http://x\")", "+1", "-3+4", "@SUM(A1)", "[b]đậm[/b]",
                            "[@click=app.quit]x[/]", "<script>alert(1)</script>", "&amp;",
                            "| a | b |", "*_`#", "\\", "Nguyễn Thị Ánh"])
LINE = st.one_of(_SPECIAL, st.text(_PRINTABLE, min_size=1, max_size=40)).map(
    normalize_line).filter(bool)


@st.composite
def bundles(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """`base` (a real meeting's bundle) with every free field drawn anew, signed again."""
    bundle = copy.deepcopy(base)
    content = bundle["content"]
    content["cells"][0]["name"] = draw(LINE)
    names = draw(st.lists(LINE, min_size=len(content["members"]),
                          max_size=len(content["members"]), unique_by=str.casefold))
    for member, name in zip(content["members"], names, strict=True):
        member["full_name"] = name
    session = content["sessions"][0]
    session["topic"] = draw(LINE)
    session["run_by"] = draw(st.none() | LINE)
    session["held_on"] = draw(st.dates(date(2020, 1, 1), date(2030, 12, 31))).isoformat()
    for row in content["attendance"]:
        row["note"] = draw(st.just("") | LINE)
    for attempt in content["attempts"]:
        limit = int(session["settings"]["time_limit_s"] or 3600) * 1000
        attempt["time_spent_ms"] = draw(st.integers(0, limit))
    return rehash(bundle)


@pytest.fixture(scope="module")
def base_bundle(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return make_good_bundle(tmp_path_factory.mktemp("base"), catalog)


def _clean(where: str, texts: list[str]) -> None:
    for text in texts:
        found = UNWANTED_CHARACTERS.search(text)
        assert found is None, (where, text[max(0, found.start() - 30): found.end() + 30])


async def _screens(app: StudyApp) -> None:
    store = app.store
    session = store.sessions()[0]
    attempts = store.attempts(session_id=session.id)
    member = store.members(session.cell_id)[0]
    actions = [("summary", lambda: app.sessions.open_summary(session.id), ()),
               ("members", lambda: app.sessions.open_summary(session.id), ("2",)),
               ("questions", lambda: app.sessions.open_summary(session.id), ("3",)),
               ("history", lambda: app.sessions.member_history(member), ()),
               ("results", lambda: app.quizzes.review_attempt(attempts[0].id), ()),
               ("review", lambda: app.quizzes.review_attempt(attempts[0].id), ("enter",))]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name, action, keys in actions:
            while len(app.screen_stack) > 1:
                app.pop_screen()
            action()
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            assert not app._notifications or all(
                n.severity != "error" for n in app._notifications), name
            _clean(name, rendered_lines(app))


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_random_valid_bundle_imports_opens_and_exports(
        base_bundle: dict[str, Any], catalog: Catalog, data: st.DataObject) -> None:
    bundle = data.draw(bundles(base_bundle))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bundle.json"
        path.write_bytes(bundle_bytes(bundle))
        db = Path(folder) / "office.sqlite3"
        store = new_store(db)
        merge_tables(store, read_bundle(path, catalog).tables)
        session = store.sessions()[0]
        scopes = [Scope(), Scope(session_id=session.id), Scope(cell_id=session.cell_id),
                  Scope(member_id=store.members(session.cell_id)[0].id)]
        for scope in scopes:
            for fmt in FORMATS:
                out = io.BytesIO()
                prepare(store, catalog, scope, fmt, now=NOW).write(out)
                _clean(f"{fmt} {scope}", exported_texts(fmt, out.getvalue()))
        asyncio.run(_screens(build_app(db=db, with_bundled=True)))
