"""The core the interface's "Thêm tài liệu mới" shares with `pack new` (issue 15, part 4):
lesson ids made the pack's own when they would collide with a pack already read, a free
folder for a name, and drafts written with a bank id of the pack's own."""

from __future__ import annotations

from pathlib import Path

from studyapp.content.loading import load_catalog
from studyapp.importing.new_pack import (
    free_pack_folder,
    plan_for,
    read_for_pack,
    write_drafts,
    write_folder,
)
from studyapp.paths import bundled_content_dir
from tests.conftest import SHARED

PLAN = SHARED / "source" / "ke-hoach-67-KH-DU.txt"


def test_a_pack_beside_the_bundled_one_gets_lesson_ids_of_its_own(tmp_path: Path) -> None:
    read = read_for_pack(PLAN)
    assert read is not None
    assert read.levels == {1: 4, 2: 17, 3: 18}
    assert read.lessons_at(1) == 5
    assert read.lessons_at(3) == 40
    bundled = load_catalog([bundled_content_dir()]).catalog
    taken = {lesson.id for lesson in bundled.lessons}
    alone = plan_for(read, pack_id="thu", title="Thử", depth=2)
    assert {lesson.id for lesson in alone.lessons} & taken  # the same document: same ids
    plan = plan_for(read, pack_id="thu", title="Thử", depth=2, beside=bundled)
    assert not {lesson.id for lesson in plan.lessons} & taken
    assert all(lesson.id.startswith("thu-") for lesson in plan.lessons)
    assert [lesson.source for lesson in plan.lessons] == \
        [lesson.source for lesson in alone.lessons]
    folder = free_pack_folder(tmp_path, "Kế hoạch thử")
    assert folder == tmp_path / "ke-hoach-thu"
    write_folder(folder, plan.files)
    assert free_pack_folder(tmp_path, "Kế hoạch thử") == tmp_path / "ke-hoach-thu-2"
    both = load_catalog([bundled_content_dir(), tmp_path])
    assert not both.errors
    assert len([lesson for lesson in both.catalog.lessons if lesson.pack_id == "thu"]) == 22

    done = write_drafts(folder, bank_id="nhap-thu")
    assert done.count > 0
    assert not done.failed
    again = load_catalog([bundled_content_dir(), tmp_path])
    assert not again.errors
    bank = next(bank for bank in again.catalog.banks if bank.pack_id == "thu")
    assert bank.id == "nhap-thu"
    assert len(bank.drafts) == done.count
    assert bank.questions == ()  # none drawn until accepted
    # The introduction, prefixed, still gives no list question of its recipients.
    assert all(q.lesson != "thu-gioi-thieu" for q in bank.drafts if q.type == "multi")
