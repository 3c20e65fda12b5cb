"""Same-named members told apart by a short note (issue 14 item 6): the store's
refusal, the note's round trip and cleaning, the one label every screen and
export shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.store.database import Database
from studyapp.store.models import member_label
from studyapp.store.store import DuplicateMemberError, Store, StoreError


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(Database(tmp_path / "studyapp.sqlite3"))


def test_a_second_namesake_needs_a_note_of_its_own(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ Khu phố 1")
    first = store.add_member(cell.id, "Nguyễn Văn An")
    for kwargs in ({}, {"allow_duplicate": True}, {"note": "   "}):
        with pytest.raises(DuplicateMemberError, match="ghi chú phân biệt"):
            store.add_member(cell.id, "nguyễn  văn an", **kwargs)  # type: ignore[arg-type]
    second = store.add_member(cell.id, "Nguyễn Văn An", note="sinh 1960")
    with pytest.raises(DuplicateMemberError, match="sinh 1960"):
        store.add_member(cell.id, "Nguyễn Văn An", note="Sinh 1960")  # the same note, case aside
    third = store.add_member(cell.id, "Nguyễn Văn An", note="con")
    assert len(store.find_members(cell.id, "Nguyễn Văn An")) == 3
    # Another cell's namesake is no twin; a name of its own needs no note.
    other = store.ensure_cell("Chi bộ Khu phố 2")
    assert store.add_member(other.id, "Nguyễn Văn An").note == ""
    assert store.add_member(cell.id, "Trần Thị Bình", note="tổ 3").note == "tổ 3"
    # The note round-trips, and the labels of the three differ.
    roster = store.members(cell.id)
    notes = {m.id: m.note for m in roster}
    assert (notes[first.id], notes[second.id], notes[third.id]) == ("", "sinh 1960", "con")
    labels = [member_label(m, roster) for m in roster if m.full_name == "Nguyễn Văn An"]
    assert len(set(labels)) == 3
    assert "Nguyễn Văn An (sinh 1960)" in labels
    assert "Nguyễn Văn An (con)" in labels
    # The one without a note (added before notes) keeps its code as a fallback.
    assert member_label(store.member(first.id), roster) == \
        f"Nguyễn Văn An (mã {first.id[:6].upper()})"
    assert member_label(store.member(first.id)) == "Nguyễn Văn An"  # no namesake given


def test_a_note_given_changed_and_cleared(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.set_pin(cell.id, "246813")
    first = store.add_member(cell.id, "Lê Văn Hùng", pin="246813")
    second = store.add_member(cell.id, "Lê Văn Hùng", note="bố", pin="246813")
    with pytest.raises(StoreError, match="PIN"):
        store.set_member_note(first.id, "con")
    assert store.set_member_note(first.id, "con", pin="246813").note == "con"
    assert store.member(first.id).note == "con"
    with pytest.raises(DuplicateMemberError, match="bố"):
        store.set_member_note(first.id, "BỐ", pin="246813")  # would make the two alike again
    # Clearing one note still leaves them apart (the other has one); clearing both does not.
    assert store.set_member_note(first.id, "", pin="246813").note == ""
    with pytest.raises(DuplicateMemberError, match="ghi chú phân biệt"):
        store.set_member_note(second.id, "", pin="246813")
    assert store.member(second.id).note == "bố"
    # Once one has left the roster, the other's note is free.
    store.remove_member(first.id, pin="246813")
    assert store.set_member_note(second.id, "", pin="246813").note == ""


@pytest.mark.parametrize(("typed", "stored"), [
    ("sinh\x1b[31m 1960\x1b[0m\x07", "sinh 1960"),       # escape codes and a bell dropped
    ("  tổ\n3\t ", "tổ 3"),                             # one line
    ("(sinh 1960)", "sinh 1960"),                       # the label adds its own parentheses
    ("[con]", "con"),
    ("[b]bố[/b]", "[b]bố[/b]"),                         # markup-like text kept, shown as typed
    ("x\u200by", "xy"),                                 # an invisible character dropped
])
def test_hostile_notes_are_cleaned(store: Store, typed: str, stored: str) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.add_member(cell.id, "Phạm Văn Cường")
    member = store.add_member(cell.id, "Phạm Văn Cường", note=typed)
    assert member.note == stored
    assert store.member(member.id).note == stored
    assert member_label(store.member(member.id)) == f"Phạm Văn Cường ({stored})"


def test_a_note_longer_than_40_characters_is_refused(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.add_member(cell.id, "Phạm Văn Cường")
    with pytest.raises(StoreError, match="tối đa 40"):
        store.add_member(cell.id, "Phạm Văn Cường", note="x" * 41)
    assert len(store.find_members(cell.id, "Phạm Văn Cường")) == 1
    assert store.add_member(cell.id, "Phạm Văn Cường", note="ở " * 20).note == ("ở " * 20).strip()


def test_import_keeps_reporting_names_already_there(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.add_member(cell.id, "Lê Văn An")
    report = store.import_members(cell.id, ["Lê Văn An", "Trần Thị Hoa"])
    assert [m.full_name for m in report.added] == ["Trần Thị Hoa"]
    assert report.duplicates == ("Lê Văn An",)
    assert all(m.note == "" for m in store.members(cell.id))
