"""Loading and validating packs and lessons: every problem, at its line, the rest loads."""

from __future__ import annotations

import os
import unicodedata
from fractions import Fraction
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.content.loading import load_catalog
from studyapp.content.problems import Severity
from tests.conftest import DATA, REPO, lesson_text, make_pack, write

BROKEN = DATA / "broken"


@pytest.fixture
def broken_result():  # type: ignore[no-untyped-def]
    return load_catalog([BROKEN])


def test_validator_output_matches_the_expected_lines(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Every bad input of the folder, each at its file, line and column, all
    at once (expected-en.txt was checked by hand, line by line)."""
    monkeypatch.chdir(REPO)
    code = main(["validate", os.path.join("tests", "data", "broken"), "--lang", "en"])
    out, err = capsys.readouterr()
    expected = (BROKEN / "expected-en.txt").read_text(encoding="utf-8")
    assert out == expected.replace("tests/data/broken", os.path.join("tests", "data", "broken"))
    assert code == 1
    assert "21 errors, 3 warnings" in err
    assert "Traceback" not in out + err


def test_the_valid_rest_still_loads(broken_result) -> None:  # type: ignore[no-untyped-def]
    catalog = broken_result.catalog
    assert [pack.id for pack in catalog.packs] == ["pack-a"]  # pack-b and pack-c have errors
    loaded = {lesson.id for lesson in catalog.lessons}
    assert loaded == {"a-ok", "a-bom", "a-nfd", "a-control", "a-markup", "a-dup", "a-child"}
    # The first of two lessons with one id is kept, the second skipped.
    assert catalog.lesson("a-dup").title == "Bản thứ nhất"
    skipped = {path.name for path in broken_result.skipped}
    assert {"06-no-front-matter.md", "07-bad-toml.md", "11-dup-second.md", "12-orphan.md",
            "13-cycle-1.md", "14-cycle-2.md", "15-latin1.md", "17-unclosed.md"} <= skipped
    assert {"pack-b", "pack-c"} <= skipped


def test_child_of_a_broken_lesson_moves_to_the_top(broken_result) -> None:  # type: ignore[no-untyped-def]
    catalog = broken_result.catalog
    assert catalog.lesson("a-child").parent is None
    assert catalog.lesson("a-child") in catalog.roots("pack-a")


def test_bom_is_accepted(broken_result) -> None:  # type: ignore[no-untyped-def]
    lesson = broken_result.catalog.lesson("a-bom")
    assert lesson.title == "Lưu bằng Notepad"
    assert not [p for p in broken_result.problems if p.path.name == "02-bom.md"]


def test_nfd_text_is_normalised_with_a_warning(broken_result) -> None:  # type: ignore[no-untyped-def]
    title = broken_result.catalog.lesson("a-nfd").title
    assert title == "Kiên định"
    assert unicodedata.is_normalized("NFC", title)
    [problem] = [p for p in broken_result.problems if p.path.name == "03-nfd.md"]
    assert (problem.severity, problem.code, problem.line) == (Severity.WARNING, "not_nfc", 3)


def test_control_characters_and_escapes_are_removed(broken_result) -> None:  # type: ignore[no-untyped-def]
    lesson = broken_result.catalog.lesson("a-control")
    assert lesson.title == "Chữ đỏ"
    assert lesson.body == "Chuông và ký tự rỗng."


def test_markup_is_kept_as_plain_text(broken_result) -> None:  # type: ignore[no-untyped-def]
    lesson = broken_result.catalog.lesson("a-markup")
    assert lesson.title == "Ngoặc [b]đậm[/b] [/] [link=x]liên kết[/link]"
    assert lesson.key_points == ("Bấm [@click=app.quit]đây[/]",)
    assert "[@click=app.quit]thoát[/]" in broken_result.catalog.document("a-markup").plain


def test_toml_error_shows_the_parser_position_and_the_line_before(broken_result) -> None:  # type: ignore[no-untyped-def]
    [problem] = [p for p in broken_result.problems if p.path.name == "07-bad-toml.md"]
    assert (problem.line, problem.column) == (3, 25)
    message = problem.message("en")
    assert "line 2: «id = \"a-bad-toml\"»" in message
    assert "line 3: «title = \"Thiếu dấu ngoặc»" in message


def test_unclosed_array_reported_with_the_line_before(tmp_path: Path) -> None:
    # The parser notices an unclosed `[` only on the next line.
    text = lesson_text("x").replace('source = "I.1"',
                                    'source = "I.1"\nkey_points = ["a", "b"\norder = 1')
    make_pack(tmp_path, lessons={"x.md": text})
    result = load_catalog([tmp_path])
    [problem] = result.errors
    assert problem.code == "toml_syntax"
    assert problem.line == 6  # the line of `order`, after the mistake
    assert 'line 5: «key_points = ["a", "b"»' in problem.message("en")


def test_problem_messages_speak_vietnamese_by_default(broken_result) -> None:  # type: ignore[no-untyped-def]
    [problem] = [p for p in broken_result.problems if p.path.name == "09-unknown-key.md"
                 and p.code == "unknown_key"]
    assert problem.message() == "khóa không xác định `titel`; có phải ý bạn là `title`?"
    assert problem.format().endswith("09-unknown-key.md:3:1: error: " + problem.message())


def test_grading_is_read_exactly(tmp_path: Path) -> None:
    pack_toml = ('format = 1\nid = "g"\ntitle = "T"\nsource = "S"\n[grading]\nscale = 100\n'
                 'bands = [{ label = "Đạt", min = 50.5 }, { label = "Chưa đạt", min = 0 }]\n'
                 'pass_mark = 50.5\n')
    make_pack(tmp_path, "g", pack_toml=pack_toml)
    result = load_catalog([tmp_path])
    grading = result.catalog.pack("g").grading
    assert grading.scale == 100
    assert grading.pass_mark == Fraction(101, 2)
    assert grading.band(Fraction(101, 2)) == "Đạt"
    assert grading.band(Fraction(50)) == "Chưa đạt"
    assert not result.problems


def test_default_grading_matches_the_spec(tmp_path: Path) -> None:
    make_pack(tmp_path, "d")
    grading = load_catalog([tmp_path]).catalog.pack("d").grading
    assert [(b.label, b.min) for b in grading.bands] == [
        ("Giỏi", 8), ("Khá", Fraction(13, 2)), ("Trung bình", 5), ("Không đạt", 0)]
    assert (grading.scale, grading.pass_mark) == (10, 5)


def test_lesson_ids_are_unique_across_packs(tmp_path: Path) -> None:
    make_pack(tmp_path, "p1", {"a.md": lesson_text("chung")})
    make_pack(tmp_path, "p2", {"a.md": lesson_text("chung"), "b.md": lesson_text(
        "con", parent="chung")})
    result = load_catalog([tmp_path])
    assert [p.code for p in result.errors] == ["duplicate_lesson"]
    # The child in p2 must not be adopted by p1's lesson of the same id.
    assert result.catalog.lesson("chung").pack_id == "p1"
    assert result.catalog.lesson("con").parent is None


def test_duplicate_pack_ids(tmp_path: Path) -> None:
    make_pack(tmp_path / "x", "same")
    make_pack(tmp_path / "y", "same")
    result = load_catalog([tmp_path / "x", tmp_path / "y"])
    assert [p.code for p in result.errors] == ["duplicate_pack"]
    assert len(result.catalog.packs) == 1


def test_too_long_body_is_a_warning(tmp_path: Path) -> None:
    make_pack(tmp_path, lessons={"x.md": lesson_text("x", body="chữ " * 1200)})
    result = load_catalog([tmp_path])
    assert [p.code for p in result.warnings] == ["body_too_long"]
    assert result.catalog.has_lesson("x")


def test_a_folder_without_packs(tmp_path: Path) -> None:
    write(tmp_path / "empty" / "note.txt", "x")
    result = load_catalog([tmp_path / "empty", tmp_path / "missing"])
    assert sorted(p.code for p in result.errors) == ["no_pack", "not_found"]


def test_huge_file_is_refused_without_reading_it(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("studyapp.content.loading.LESSON_FILE_LIMIT", 100)
    make_pack(tmp_path, lessons={"x.md": lesson_text("x", body="a" * 200)})
    result = load_catalog([tmp_path])
    assert [p.code for p in result.errors] == ["too_large"]


def test_windows_line_endings_are_not_control_characters(tmp_path: Path) -> None:
    make_pack(tmp_path, lessons={"x.md": lesson_text("x", body="Dòng 1\nDòng 2").replace(
        "\n", "\r\n")})
    result = load_catalog([tmp_path])
    assert not result.problems
    assert result.catalog.lesson("x").body == "Dòng 1\nDòng 2"
