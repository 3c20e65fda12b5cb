"""`studyapp session papers` and `session enter`: the paper way from the command line."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from studyapp.content.catalog import Catalog
from studyapp.content.model import LETTERS
from studyapp.quiz.entry import format_entry
from studyapp.quiz.scoring import correct_response
from studyapp.quiz.selection import Paper
from studyapp.store.database import Database
from studyapp.store.models import AttendanceStatus
from studyapp.store.papers import MemberPaper, session_papers
from studyapp.store.store import Store
from tests.conftest import run_cli

Capture = pytest.CaptureFixture[str]
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
PIN = "246813"


class Meeting:
    """A session of three members (two present) in a database of its own."""

    def __init__(self, tmp_path: Path, catalog: Catalog, *, pin: str | None = None) -> None:
        self.db = str(tmp_path / "studyapp.sqlite3")
        self.catalog = catalog
        store = Store(Database(Path(self.db)))
        cell = store.ensure_cell("Chi bộ 1")
        members = [store.add_member(cell.id, name) for name in NAMES]
        session = store.open_session(cell.id, date(2026, 12, 2), topic="Học tập",
                                     pack_id=catalog.packs[0].id, lessons=[],
                                     settings={"count": 10, "variants": True}, seed=7)
        for member in members[:2]:
            store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
        store.set_attendance(session.id, members[2].id, AttendanceStatus.ABSENT)
        if pin:
            store.set_pin(cell.id, pin)
        self.session_id = session.id
        self.papers = {p.member.full_name: p for p in session_papers(store, catalog, session.id)}
        store.database.close()

    def store(self) -> Store:
        return Store(Database(Path(self.db)))

    def right(self, name: str) -> str:
        paper = self.papers[name].paper
        return format_entry(paper, [correct_response(item.question) for item in paper.items])

    def enter(self, capsys: Capture, *args: str) -> tuple[int, str, str]:
        return run_cli(capsys, "session", "enter", "--session", self.session_id, *args,
                       "--db", self.db)


@pytest.fixture
def meeting(tmp_path: Path, catalog: Catalog) -> Meeting:
    return Meeting(tmp_path, catalog)


def attempts_of(meeting: Meeting, paper: MemberPaper) -> list[dict[str, object]]:
    store = meeting.store()
    try:
        return [attempt.settings for attempt in
                store.attempts(member_id=paper.member.id, session_id=meeting.session_id)]
    finally:
        store.database.close()


# --- papers ------------------------------------------------------------------------------


def test_papers_are_written_for_each_present_member(capsys: Capture, meeting: Meeting,
                                                     tmp_path: Path) -> None:
    target = tmp_path / "de.html"
    code, _, err = run_cli(capsys, "session", "papers", "--session", meeting.session_id[:8],
                           "-o", str(target), "--db", meeting.db)
    assert code == 0, err
    assert "Đã ghi 2 đề" in err
    page = target.read_text(encoding="utf-8")
    assert page.count('<section class="member') == 2
    for name in NAMES[:2]:
        assert f"Họ và tên: {name}" in page
        assert f"Mã đề: {meeting.papers[name].code}" in page
    assert NAMES[2] not in page  # absent: no paper


def test_papers_refuse_to_overwrite_a_link_or_a_folder(capsys: Capture, meeting: Meeting,
                                                       tmp_path: Path) -> None:
    target = tmp_path / "de.html"
    target.write_text("bản cũ", encoding="utf-8")

    def papers(*extra: str) -> tuple[int, str, str]:
        return run_cli(capsys, "session", "papers", "--session", meeting.session_id,
                       "--db", meeting.db, *extra)

    code, _, err = papers("-o", str(target))
    assert code == 2
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "bản cũ"
    assert papers("-o", str(target), "--force")[0] == 0
    assert "Mã đề" in target.read_text(encoding="utf-8")

    secret = tmp_path / "secret.txt"
    secret.write_text("giữ nguyên", encoding="utf-8")
    link = tmp_path / "link.html"
    try:
        link.symlink_to(secret)
    except OSError:  # pragma: no cover - Windows without the privilege
        pytest.skip("symbolic links need a privilege here")
    code, _, err = papers("-o", str(link), "--force")
    assert code == 2
    assert "liên kết" in err
    assert secret.read_text(encoding="utf-8") == "giữ nguyên"

    folder = tmp_path / "thu-muc.html"
    folder.mkdir()
    code, _, err = papers("-o", str(folder), "--force")
    assert code == 2
    assert "là một thư mục" in err

    code, _, err = run_cli(capsys, "session", "papers", "--session", "khong-co",
                           "-o", str(tmp_path / "moi.html"), "--db", meeting.db)
    assert code == 1
    assert "khong-co" in err
    assert not (tmp_path / "moi.html").exists()


# --- enter -------------------------------------------------------------------------------


def test_enter_a_paper_by_name_then_by_code(capsys: Capture, meeting: Meeting) -> None:
    an, binh = meeting.papers[NAMES[0]], meeting.papers[NAMES[1]]
    code, out, err = meeting.enter(capsys, "--member", "nguyen van an", meeting.right(NAMES[0]))
    assert code == 0, err
    assert f"Đã lưu bài của Nguyễn Văn An (mã đề {an.code}): 10/10 câu có trả lời, điểm 10" in out
    [settings] = attempts_of(meeting, an)
    assert settings["via"] == "paper"
    assert settings["entered"]["by"] == "secretary"  # type: ignore[index]

    blanks = " ".join("-" for _ in binh.paper.items)
    code, out, err = meeting.enter(capsys, "--code", f"#{binh.code}", blanks)
    assert code == 0, err
    assert "0/10 câu có trả lời, điểm 0" in out
    assert [s["via"] for s in attempts_of(meeting, binh)] == ["paper"]


def test_too_many_and_too_few_answers_write_nothing(capsys: Capture, meeting: Meeting) -> None:
    an = meeting.papers[NAMES[0]]
    right = meeting.right(NAMES[0])
    code, _, err = meeting.enter(capsys, "--member", NAMES[0], f"{right} A")
    assert code == 1
    assert "Chưa lưu bài của Nguyễn Văn An" in err
    assert "thừa câu trả lời: đề chỉ có 10 câu" in err
    paper = an.paper
    nine = Paper(paper.seed, paper.items[:9])
    first_nine = format_entry(nine, [correct_response(item.question) for item in nine.items])
    code, _, err = meeting.enter(capsys, "--member", NAMES[0], first_nine)
    assert code == 1
    assert "chưa có câu trả lời cho câu 10" in err
    assert attempts_of(meeting, an) == []


def test_letters_that_are_not_choices_are_each_located(capsys: Capture,
                                                       meeting: Meeting) -> None:
    an = meeting.papers[NAMES[0]]
    tokens = []
    wrong = []
    for number, item in enumerate(an.paper.items, 1):
        tokens.append(f"{number}:-")  # left blank
        if item.question.type in ("single", "multi"):
            beyond = LETTERS[len(item.choice_order)]  # one letter past the last choice
            tokens[-1] = f"{number}:{beyond}"
            wrong.append((number, beyond))
    assert wrong, "the paper has choice questions"
    code, _, err = meeting.enter(capsys, "--member", NAMES[0], " ".join(tokens))
    assert code == 1
    assert f"có {len(wrong)} chỗ cần sửa" in err
    for number, letter in wrong:
        assert f"câu {number} ({letter}): {letter} không phải một phương án của câu này" in err
    assert attempts_of(meeting, an) == []


def test_escape_codes_in_an_entry_never_reach_the_terminal(capsys: Capture,
                                                           meeting: Meeting) -> None:
    code, _, err = meeting.enter(capsys, "--member", NAMES[0], "1:\x1b[31mZ\x1b[0m")
    assert code == 1
    assert "\x1b" not in err


def test_a_paper_code_of_another_session(capsys: Capture, meeting: Meeting,
                                         catalog: Catalog, tmp_path: Path) -> None:
    other = Meeting(tmp_path / "khac", catalog)
    foreign = other.papers[NAMES[0]].code
    assert foreign not in {p.code for p in meeting.papers.values()}
    code, _, err = meeting.enter(capsys, "--code", foreign, meeting.right(NAMES[0]))
    assert code == 1
    assert f"không có bài nào của buổi này mang mã #{foreign}" in err
    # The code written in the entry itself is checked against the member's paper.
    code, _, err = meeting.enter(capsys, "--member", NAMES[0],
                                 f"#{foreign} {meeting.right(NAMES[0])}")
    assert code == 1
    assert f"mã đề #{foreign} không phải mã của bài này" in err
    assert attempts_of(meeting, meeting.papers[NAMES[0]]) == []


def test_a_correction_needs_the_pin_and_the_session_open(capsys: Capture, catalog: Catalog,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    meeting = Meeting(tmp_path, catalog, pin=PIN)
    an = meeting.papers[NAMES[0]]
    blanks = " ".join("-" for _ in an.paper.items)
    assert meeting.enter(capsys, "--member", NAMES[0], blanks)[0] == 0
    code, _, err = meeting.enter(capsys, "--member", NAMES[0], meeting.right(NAMES[0]))
    assert code == 1
    assert "đã được nhập" in err
    code, _, err = meeting.enter(capsys, "--member", NAMES[0], meeting.right(NAMES[0]),
                                 "--correct")
    assert code == 1
    assert "PIN" in err
    code, _, err = meeting.enter(capsys, "--member", NAMES[0], meeting.right(NAMES[0]),
                                 "--correct", "--pin", "1111")
    assert code == 1
    [settings] = attempts_of(meeting, an)
    assert settings["corrections"] == []  # nothing changed
    monkeypatch.setenv("STUDYAPP_PIN", PIN)
    code, out, err = meeting.enter(capsys, "--member", NAMES[0], meeting.right(NAMES[0]),
                                   "--correct")
    assert code == 0, err
    assert "điểm 10" in out
    [settings] = attempts_of(meeting, an)
    assert len(settings["corrections"]) == 1  # type: ignore[arg-type]

    store = meeting.store()
    store.close_session(meeting.session_id, pin=PIN)
    store.database.close()
    code, _, err = meeting.enter(capsys, "--member", NAMES[0], blanks, "--correct")
    assert code == 1
    assert "buổi sinh hoạt đã kết thúc" in err
    binh = meeting.papers[NAMES[1]]
    assert meeting.enter(capsys, "--member", NAMES[1], meeting.right(NAMES[1]))[0] == 1
    assert attempts_of(meeting, binh) == []
    assert os.environ["STUDYAPP_PIN"] == PIN


def test_usage_errors(capsys: Capture, meeting: Meeting) -> None:
    # A member or a code, not both, not neither.
    assert meeting.enter(capsys, "ABC")[0] == 2
    assert meeting.enter(capsys, "--member", NAMES[0], "--code", "123456", "ABC")[0] == 2
    code, _, err = meeting.enter(capsys, "--member", "Không Có Ai", "ABC")
    assert code == 1
    assert "Không có ai tên “Không Có Ai”" in err
    code, _, err = meeting.enter(capsys, "--member", NAMES[2], "ABC")  # absent
    assert code == 1
