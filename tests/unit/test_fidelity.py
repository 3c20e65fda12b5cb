"""`validate` checks a pack that keeps its source (issue 15, part 2): blocks outside notes
quote the source after ERRATA.md, errata are real and applied, coverage is measured."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import lesson_text, run_cli, write

SOURCE = ("1. Nâng cao nhận thức của cán bộ, đảng viên. Tạo sự đồng thuận trong xã hôi.\n\n"
          "2. Thống nhất hành động.\n")
ERRATA = ("# ERRATA\n\n| Dòng | Nguyên bản | Đã sửa thành | Bài học |\n|---|---|---|---|\n"
          "| 1 | xã hôi | xã hội | i-1 |\n")


def make(root: Path, *, lesson_body: str, errata: str = ERRATA,
         source_file: str = "source.txt") -> Path:
    pack = root / "p"
    write(pack / "pack.toml", 'format = 1\nid = "p"\ntitle = "P"\nsource = "Kế hoạch"\n'
                              f'source_file = "{source_file}"\n')
    write(pack / "source.txt", SOURCE)
    write(pack / "ERRATA.md", errata)
    write(pack / "lessons" / "i-1.md", lesson_text("i-1", body=lesson_body))
    write(pack / "lessons" / "i-2.md", lesson_text("i-2", body="2. Thống nhất hành động."))
    return pack


GOOD = ("1. Nâng cao nhận thức của cán bộ, đảng viên. Tạo sự đồng thuận trong xã hội.\n\n"
        "> Ghi chú: Lời giải thích của người soạn.\n")


def test_a_faithful_pack_has_full_coverage(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    pack = make(tmp_path, lesson_body=GOOD)
    code, out, err = run_cli(capsys, "validate", "--strict", str(pack))
    assert (code, out) == (0, ""), err
    assert "p: 3/3 câu của văn bản nguồn có trong bài học (100,0%)" in err


def test_an_invented_sentence_is_named_at_its_line(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    pack = make(tmp_path, lesson_body=GOOD + "\nĐảng viên phải đi họp đủ mười hai buổi.\n")
    code, out, _ = run_cli(capsys, "validate", str(pack))
    assert code == 0  # a warning: the author decides
    [line] = [line for line in out.splitlines() if "không có trong văn bản nguồn" in line]
    assert line.startswith(f"{pack / 'lessons' / 'i-1.md'}:")
    assert "«Đảng viên phải đi họp đủ mười hai…»" in line
    code, _, _ = run_cli(capsys, "validate", "--strict", str(pack))
    assert code == 1


def test_errata_must_be_real_and_applied(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    errata = ERRATA + "| 3 | hành đông | hành động | i-2 |\n| 1 | xã hôi | xã hội | i-9 |\n"
    unapplied = GOOD.replace("xã hội", "xã hôi")
    pack = make(tmp_path, lesson_body=unapplied, errata=errata)
    _code, out, _ = run_cli(capsys, "validate", str(pack))
    assert "ERRATA: bài học `i-1` chưa có chỗ đã sửa «xã hội»" in out
    assert "ERRATA: dòng 3 của văn bản nguồn không có «hành đông»" in out
    assert "ERRATA: không có bài học `i-9`" in out


def test_coverage_below_full_is_a_warning_strict_makes_it_fail(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = make(tmp_path, lesson_body="1. Nâng cao nhận thức của cán bộ, đảng viên.\n")
    code, out, err = run_cli(capsys, "validate", str(pack))
    assert code == 0
    assert "các bài học trích 66,7% văn bản nguồn: còn 1 câu chưa có" in out
    assert "p: 2/3 câu" in err
    code, _, _ = run_cli(capsys, "validate", "--strict", str(pack))
    assert code == 1


@pytest.mark.parametrize("name", ["../ngoai.txt", "khong-co.txt"])
def test_a_source_file_outside_the_pack_or_missing_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    write(tmp_path / "ngoai.txt", SOURCE)
    pack = make(tmp_path, lesson_body=GOOD, source_file=name)
    code, out, _ = run_cli(capsys, "validate", str(pack))
    assert code == 1
    assert f'`source_file = "{name}"`: không có tệp này trong thư mục' in out


def test_the_bundled_pack_quotes_its_source_in_full(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "validate", "--strict")
    assert (code, out) == (0, ""), out
    found = re.search(r"hoi-nghi-tw2-khoa-xiv: (\d+)/(\d+) câu của văn bản nguồn có trong bài "
                      r"học \(100,0%\)", err)
    assert found is not None, err
    assert found.group(1) == found.group(2)
    assert int(found.group(2)) >= 150
