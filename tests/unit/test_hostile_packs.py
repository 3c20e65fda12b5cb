"""Content packs from outside (issue 21, items 13-16): links, special files,
huge files, escape codes in names and values that crash the loader. Each is
refused with a located problem naming the file and why; the rest loads, and
nothing printed carries an escape byte."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.content.catalog import Catalog
from studyapp.content.loading import MAX_LESSON_DEPTH, load_catalog
from studyapp.content.model import Lesson
from studyapp.content.problems import Problem
from studyapp.i18n import set_language, tr
from tests.conftest import lesson_text, make_pack, write

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs are POSIX here")

BANK = '''format = 1
id = "{bank}"
title = "Ngân hàng"
lesson = "a"

[[questions]]
id = "q1"
type = "single"
prompt = "Câu hỏi?"
choices = ["Một", "Hai"]
answer = "A"
explanation = "Vì vậy."
'''


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def pack_with_lesson(root: Path) -> Path:
    return make_pack(root, "demo", {"a.md": lesson_text("a", "Bài A")})


def problems_of(folder: Path, name: str) -> list[Problem]:
    result = load_catalog([folder])
    return [p for p in result.problems if p.path.name == name]


def validate_output(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", str(folder), "--lang", "en"])
    out, err = capsys.readouterr()
    return code, out + err


# --- item 13: links and special files -------------------------------------------------------


@POSIX_ONLY
def test_a_bank_linked_to_the_zero_device_is_refused_without_reading_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = pack_with_lesson(tmp_path)
    (folder / "banks").mkdir()
    (folder / "banks" / "zero.toml").symlink_to("/dev/zero")
    [problem] = problems_of(folder, "zero.toml")
    assert problem.is_error
    assert problem.code == "outside_pack"
    code, printed = validate_output(folder, capsys)
    assert code == 1
    assert "zero.toml" in printed
    assert "outside its pack" in printed


@POSIX_ONLY
def test_a_device_inside_the_pack_is_refused(tmp_path: Path) -> None:
    """/dev itself as the pack's banks folder: the file is inside, but no regular file."""
    folder = pack_with_lesson(tmp_path)
    (folder / "banks").symlink_to("/dev")
    (folder / "lessons" / "null.md").symlink_to("/dev/null")
    result = load_catalog([tmp_path / "demo"])
    codes = {p.code for p in result.problems if p.path.name == "null.md"}
    assert codes == {"outside_pack"}


@POSIX_ONLY
def test_a_fifo_is_refused_and_does_not_hang(tmp_path: Path) -> None:
    folder = pack_with_lesson(tmp_path)
    os.mkfifo(folder / "lessons" / "pipe.md")
    [problem] = problems_of(folder, "pipe.md")
    assert (problem.code, problem.is_error) == ("not_regular", True)
    assert "not a regular file" in problem.message()
    # The lesson beside it still loads.
    assert load_catalog([folder]).catalog.lesson("a").title == "Bài A"


@POSIX_ONLY
def test_a_socket_is_refused(tmp_path: Path) -> None:
    folder = pack_with_lesson(tmp_path)
    where = folder / "lessons" / "s.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(where))
    except OSError:  # path too long for AF_UNIX on this machine
        pytest.skip("cannot bind a UNIX socket here")
    try:
        [problem] = problems_of(folder, "s.md")
        assert problem.code == "not_regular"
    finally:
        server.close()


@POSIX_ONLY
def test_a_link_to_the_password_file_is_refused_and_never_quoted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = pack_with_lesson(tmp_path)
    for target in ("/etc/shadow", "/etc/passwd"):
        (folder / "lessons" / (Path(target).name + ".md")).symlink_to(target)
    code, printed = validate_output(folder, capsys)
    assert code == 1
    assert printed.count("outside its pack") == 2
    assert "root:" not in printed  # the first line of either file
    assert "Permission denied" not in printed  # refused before any attempt to open


@POSIX_ONLY
def test_a_link_inside_the_pack_is_followed(tmp_path: Path) -> None:
    folder = pack_with_lesson(tmp_path)
    write(folder / "shared" / "b.md", lesson_text("b", "Bài B"))
    (folder / "lessons" / "b.md").symlink_to(folder / "shared" / "b.md")
    result = load_catalog([folder])
    assert result.catalog.lesson("b").title == "Bài B"
    assert not result.problems


@POSIX_ONLY
def test_a_symlink_loop_is_a_located_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = pack_with_lesson(tmp_path)
    (folder / "lessons" / "loop1.md").symlink_to(folder / "lessons" / "loop2.md")
    (folder / "lessons" / "loop2.md").symlink_to(folder / "lessons" / "loop1.md")
    result = load_catalog([folder])
    looped = [p for p in result.problems if p.path.name.startswith("loop")]
    assert {p.code for p in looped} == {"link_loop"}
    assert len(looped) == 2
    code, printed = validate_output(folder, capsys)
    assert code == 1
    assert "Traceback" not in printed
    assert "loop1.md" in printed
    # Naming the looping file itself on the command line is no crash either.
    assert main(["validate", str(folder / "lessons" / "loop1.md")]) == 1


# --- item 13 and 16: sizes checked before reading -------------------------------------------


def test_a_50_mb_lesson_is_refused_by_its_size(tmp_path: Path) -> None:
    folder = pack_with_lesson(tmp_path)
    big = folder / "lessons" / "big.md"
    with big.open("wb") as stream:
        stream.write(lesson_text("big").encode())
        stream.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to the disk
    [problem] = problems_of(folder, "big.md")
    assert (problem.code, problem.is_error) == ("too_large", True)
    assert "1,048,576" in problem.message() or "1048576" in problem.message()


def test_a_huge_pack_file_is_refused(tmp_path: Path) -> None:
    folder = pack_with_lesson(tmp_path)
    with (folder / "pack.toml").open("ab") as stream:
        stream.truncate(5 * 1024 * 1024)
    [problem] = problems_of(folder, "pack.toml")
    assert problem.code == "too_large"


# --- item 16: values TOML allows that crashed the loader ------------------------------------

PACK = 'format = 1\nid = "demo"\ntitle = "Gói"\nsource = "Văn bản"\n'


@pytest.mark.parametrize(("grading", "key", "line"), [
    ("scale = nan", "scale", 7),
    ("scale = inf", "scale", 7),
    ("pass_mark = inf", "pass_mark", 7),
    ("pass_mark = -nan", "pass_mark", 7),
    ('bands = [{ label = "Giỏi", min = nan }]', "min", 6),  # at its [grading] table
])
def test_non_finite_grading_numbers_are_located_problems(
        tmp_path: Path, grading: str, key: str, line: int,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_pack(tmp_path, "demo", {"a.md": lesson_text("a")},
                       pack_toml=PACK + "\n[grading]\n" + grading + "\n")
    errors = [p for p in problems_of(folder, "pack.toml") if p.is_error]
    [problem] = [p for p in errors if p.code == "not_finite"]
    assert key in problem.message()
    assert problem.line == line
    code, printed = validate_output(folder, capsys)
    assert code == 1
    assert "Traceback" not in printed


@pytest.mark.parametrize("line", ["points = inf", "points = nan", "difficulty = 2\npoints = -inf"])
def test_non_finite_points_are_located_problems(tmp_path: Path, line: str) -> None:
    folder = pack_with_lesson(tmp_path)
    write(folder / "banks" / "b.toml", BANK.format(bank="b") + line + "\n")
    [problem] = [p for p in problems_of(folder, "b.toml") if p.is_error]
    assert problem.code == "not_finite"
    assert problem.line == 13 + line.count("\n")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_non_finite_number_answers_are_located_problems(tmp_path: Path, value: str) -> None:
    folder = pack_with_lesson(tmp_path)
    write(folder / "banks" / "n.toml", (
        'format = 1\nid = "n"\ntitle = "Số"\nlesson = "a"\n\n[[questions]]\nid = "q1"\n'
        f'type = "number"\nprompt = "Bao nhiêu?"\nanswer = 14\ntolerance = {value}\n'
        'explanation = "Mười bốn."\n\n[[questions]]\nid = "q2"\ntype = "number"\n'
        f'prompt = "Bao nhiêu nữa?"\nanswer = {value}\nexplanation = "Không."\n'))
    errors = [p for p in problems_of(folder, "n.toml") if p.is_error]
    assert [(p.code, p.line) for p in errors] == [("not_finite", 11), ("not_finite", 18)]


def test_a_parent_chain_3000_deep_is_refused_below_the_limit(tmp_path: Path) -> None:
    lessons = {"l0000.md": lesson_text("l0")}
    for number in range(1, 3000):
        lessons[f"l{number:04}.md"] = lesson_text(f"l{number}", parent=f"l{number - 1}")
    folder = make_pack(tmp_path, "deep", lessons)
    result = load_catalog([folder])
    kept = [lesson.id for lesson, _ in result.catalog.walk()]
    assert kept == [f"l{n}" for n in range(MAX_LESSON_DEPTH)]
    deep = [p for p in result.problems if p.code == "lesson_too_deep"]
    assert len(deep) == 3000 - MAX_LESSON_DEPTH
    first = min(deep, key=lambda p: p.path.name)
    assert (first.path.name, first.line, first.is_error) == (f"l{MAX_LESSON_DEPTH:04}.md", 5, True)
    assert "16" in first.message()
    assert not [p for p in result.problems if p.code == "parent_skipped"]


def test_the_catalog_walks_deep_trees_without_recursion() -> None:
    """The catalog itself copes with any depth (the loader's limit aside)."""
    chain = [Lesson(pack_id="p", id=f"l{n}", title="T", source="S",
                    parent=f"l{n - 1}" if n else None, order=None, key_points=(), body="",
                    path=Path("x.md"), body_line=1) for n in range(3000)]
    catalog = Catalog([], chain)
    catalog._order.clear()
    catalog._walk("p", None, 0)
    assert [depth for _, depth in catalog.walk()][-1] == 2999
    assert len(catalog.descendants("l0")) == 2999
    assert len(catalog.ancestors("l2999")) == 2999


# --- items 14 and 15: escape codes in names reach no terminal -------------------------------


def assert_no_escape(printed: str) -> None:
    assert "\x1b" not in printed
    assert "\x9b" not in printed
    assert "\x07" not in printed


@pytest.mark.skipif(sys.platform == "win32", reason="ESC is not allowed in Windows file names")
def test_a_file_name_with_escape_codes_is_shown_cleaned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = pack_with_lesson(tmp_path)
    write(folder / "lessons" / "\x1b[31mred\x1b]0;owned\x07.md", "no front matter\n")
    code, printed = validate_output(folder, capsys)
    assert code == 1
    assert_no_escape(printed)
    assert "red" in printed
    assert "owned" in printed
    [problem] = [p for p in load_catalog([folder]).problems if "red" in p.path.name]
    assert_no_escape(problem.format())


def test_an_escape_in_a_bank_key_name_is_shown_cleaned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = pack_with_lesson(tmp_path)
    write(folder / "banks" / "k.toml",
          BANK.format(bank="k") + '"\\u001b]52;c;aGk=\\u0007evil" = 1\n')
    code, printed = validate_output(folder, capsys)
    assert code == 1
    assert_no_escape(printed)
    assert "evil" in printed


def test_an_escape_in_an_id_value_is_shown_cleaned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = pack_with_lesson(tmp_path)
    write(folder / "lessons" / "b.md", '+++\nid = "b\\u001b[2J"\ntitle = "B"\nsource = "I"\n+++\n')
    _, printed = validate_output(folder, capsys)
    assert_no_escape(printed)
    assert "b.md" in printed


def test_a_config_key_id_with_escape_codes_is_shown_cleaned(tmp_path: Path) -> None:
    """The interface's notice for an unknown `[keys]` id (and every message
    that names something from outside) goes through `tr`, which shows it cleaned."""
    notice = tr("config.unknown_key_id", path=tmp_path / "\x1b[2Jconfig.toml",
                id="quit\x1b]52;c;aGk=\x07\x0e\x0f\x7f")
    assert_no_escape(notice)
    assert "\\x1b]52;c;aGk=\\x07\\x0e\\x0f\\x7f" in notice  # visible, so it can be found
    assert "\\x1b[2Jconfig.toml" in notice
    assert tr("config.unknown_key_id", path="a", id="Bốn kiên định").count("Bốn kiên định") == 1
