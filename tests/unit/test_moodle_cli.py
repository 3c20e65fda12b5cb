"""`studyapp import-questions` and `export-questions`: exit codes, stderr lines, files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from studyapp.content.banks import load_bank
from studyapp.content.catalog import Catalog
from studyapp.content.problems import ProblemLog
from studyapp.paths import bundled_content_dir
from tests.conftest import DATA, make_pack, run_cli, write

Capture = pytest.CaptureFixture[str]
SAMPLE = DATA / "gift" / "chi-bo.gift"




GOOD_GIFT = """// [id:c1]
::Câu 1::Ai là Tổng Bí thư đầu tiên của Đảng?{=Trần Phú ~Lê Hồng Phong ~Hà Huy Tập
####Đồng chí Trần Phú, năm 1930.}

Đảng Cộng sản Việt Nam ra đời năm 1930.{T}
"""


def test_import_gift_writes_a_bank_validate_accepts(capsys: Capture, tmp_path: Path) -> None:
    source = write(tmp_path / "Câu hỏi lịch sử.gift", GOOD_GIFT)
    output = tmp_path / "lich-su.toml"
    code, out, err = run_cli(capsys, "import-questions", str(source), "-o", str(output))
    assert (code, out) == (0, "")
    assert err.strip() == (f"Đã ghi 2 câu hỏi vào {output} (bỏ qua 0 mục; 0 lỗi, 0 cảnh báo).")
    text = output.read_text(encoding="utf-8")
    assert 'id = "cau-hoi-lich-su"' in text
    assert 'title = "Câu hỏi lịch sử"' in text
    code, out, err = run_cli(capsys, "validate", str(output))
    assert code == 0
    assert "1 tệp: 0 lỗi, 1 cảnh báo" in err  # the second question has no explanation
    log = ProblemLog()
    bank = load_bank(output, "", log)
    assert bank is not None
    assert bank.questions[0].full_id == "cau-hoi-lich-su/c1"


def test_import_with_problems_exits_1_keeps_the_good_questions(capsys: Capture,
                                                              tmp_path: Path) -> None:
    output = tmp_path / "chi-bo.toml"
    code, _, err = run_cli(capsys, "import-questions", str(SAMPLE), "-o", str(output),
                       "--bank-id", "on-tap", "--lesson", "ii-2-6")
    assert code == 1
    lines = err.splitlines()
    assert f"{SAMPLE}:38:1: warning: câu tự luận (phần đáp án để trống) chưa được hỗ trợ; bỏ qua" \
        in lines
    assert any(line.startswith(f"{SAMPLE}:42:25: error: dấu «{{» mở phần đáp án") for line in lines)
    assert any(line.startswith(f"{SAMPLE}:44:30: error: không có đáp án đúng") for line in lines)
    assert lines[-1] == f"Đã ghi 9 câu hỏi vào {output} (bỏ qua 4 mục; 2 lỗi, 2 cảnh báo)."
    bank = load_bank(output, "", ProblemLog())
    assert bank is not None
    assert (bank.id, bank.lesson, len(bank.questions)) == ("on-tap", "ii-2-6", 9)
    assert {q.lesson for q in bank.questions} == {"ii-2-6"}


def test_import_aiken_by_content_and_in_english(capsys: Capture, tmp_path: Path) -> None:
    source = DATA / "aiken" / "loi-moodle.txt"
    output = tmp_path / "aiken.toml"
    code, _, err = run_cli(capsys, "import-questions", str(source), "-o", str(output),
                       "--lang", "en")
    assert code == 1
    assert f"{source}:3:1: error: question «Câu hỏi có quá ít lựa chọn» needs at least 2 " \
        "options before its ANSWER line; question skipped" in err.splitlines()
    assert f"{source}:18:1: error: question «Một câu hỏi bắt đầu nhưng chưa xong» (line 14)" in err
    assert len(load_bank(output, "", ProblemLog()).questions) == 2  # type: ignore[union-attr]


def test_not_utf8_is_refused_at_its_line(capsys: Capture, tmp_path: Path) -> None:
    # Windows' Vietnamese code page, as old Word files save it.
    legacy = "Câu đúng?{T}\n\nCâu sai?{F}\n".encode("cp1258")
    source = write(tmp_path / "cu.gift", legacy)
    output = tmp_path / "cu.toml"
    code, out, err = run_cli(capsys, "import-questions", str(source), "-o", str(output))
    assert (code, out) == (1, "")
    assert err.startswith(f"{source}:1:2: error: tệp không phải văn bản UTF-8")
    assert not output.exists()


@pytest.mark.parametrize("content", ["", "\n  \n", "// chỉ có chú thích\n"])
def test_empty_file_is_an_error_at_line_1(capsys: Capture, tmp_path: Path,
                                          content: str) -> None:
    source = write(tmp_path / "rong.gift", content)
    code, _, err = run_cli(capsys, "import-questions", str(source), "-o", str(tmp_path / "r.toml"))
    assert code == 1
    assert err.splitlines()[0] == f"{source}:1:1: error: tệp không có câu hỏi nào (tệp trống, " \
        "hoặc chỉ có chú thích)"
    assert not (tmp_path / "r.toml").exists()


def test_nothing_convertible_writes_nothing(capsys: Capture, tmp_path: Path) -> None:
    source = write(tmp_path / "hong.gift", "Câu hỏi {=Đúng ~Sai\n")
    output = tmp_path / "hong.toml"
    code, _, err = run_cli(capsys, "import-questions", str(source), "-o", str(output))
    assert code == 1
    assert err.splitlines()[-1] == f"Không có câu hỏi nào chuyển được; chưa ghi {output}."
    assert not output.exists()


@pytest.mark.parametrize("args", [
    ["import-questions", "khong-co.gift", "-o", "x.toml"],
    ["import-questions", "{sample}"],
    ["import-questions", "{sample}", "-o", "x.toml", "--bank-id", "Ngân hàng"],
    ["import-questions", "{sample}", "-o", "x.toml", "--lesson", "II.2"],
    ["import-questions", "{sample}", "-o", "x.toml", "--format", "docx"],
    ["import-questions", "{sample}", "-o", "thu-muc-khong-co/x.toml"],
    ["import-questions", "{sample}", "-o", "{sample}"],
    ["export-questions", "--format", "gift"],
    ["export-questions", "--bank", "bon-kien-dinh", "--format", "xml"],
    ["export-questions", "--bank", "bon-kien-dnh", "--format", "gift"],
    ["export-questions", "--bank", "bon-kien-dinh", "--format", "gift", "-o", "khong/co.gift"],
])
def test_usage_errors_exit_2(capsys: Capture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    sample = write(tmp_path / "mau.gift", GOOD_GIFT)
    code, out, err = run_cli(capsys, *(arg.replace("{sample}", str(sample)) for arg in args))
    assert code == 2
    assert out == ""
    assert err.strip()
    assert "Traceback" not in err
    assert {path.name for path in tmp_path.iterdir()} - {"home"} == {"mau.gift"}


def test_usage_error_messages(capsys: Capture, tmp_path: Path) -> None:
    sample = write(tmp_path / "mau.txt", "Không có gì để đoán.\n")
    code, _, err = run_cli(capsys, "import-questions", str(sample), "-o", str(tmp_path / "x.toml"))
    assert (code, err.strip()) == (2, f"không đoán được định dạng của {sample}: hãy thêm "
                                      "--format gift hoặc --format aiken")
    code, _, err = run_cli(capsys, "export-questions", "--bank", "bon-kien-dnh", "--format", "gift")
    assert (code, err.strip()) == (2, "không có ngân hàng `bon-kien-dnh`; có phải ý bạn là "
                                      "`bon-kien-dinh`?")
    missing = tmp_path / "khong-co" / "x.gift"
    code, _, err = run_cli(capsys, "export-questions", "--bank", "bon-kien-dinh", "--format",
                           "gift", "-o", str(missing))
    assert (code, err.strip()) == (2, f"thư mục {missing.parent} không tồn tại; hãy tạo thư mục "
                                      f"trước hoặc chọn chỗ khác cho {missing}")


def test_export_gift_to_stdout_and_file(capsys: Capture, tmp_path: Path,
                                        catalog: Catalog) -> None:
    bank = next(b for b in catalog.banks if b.id == "bon-kien-dinh")
    orders = sum(q.type == "order" for q in bank.questions)
    assert orders >= 1
    code, out, err = run_cli(capsys, "export-questions", "--bank", "bon-kien-dinh",
                             "--format", "gift")
    assert code == 0
    # The bank's title as Moodle's category: Moodle keeps banks apart by it.
    assert out.startswith("// bon-kien-dinh: Bốn kiên định\n\n$CATEGORY: Bốn kiên định\n\n"
                          "// [id:bkd-001]\n")
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert len(warnings) == orders
    assert all("banks/bon-kien-dinh.toml:" in line and "loại order không viết được sang GIFT"
               in line for line in warnings)
    assert err.splitlines()[-1] == (f"Đã xuất {len(bank.questions) - orders} câu hỏi (GIFT) ra "
                                    f"đầu ra chuẩn; bỏ qua {orders} câu.")
    target = tmp_path / "bkd.gift"
    code, _, _ = run_cli(capsys, "export-questions", "--bank", "bon-kien-dinh", "--format", "gift",
                     "-o", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8") == out
    assert [path.name for path in tmp_path.iterdir() if path.name != "home"] == ["bkd.gift"]


def test_export_aiken_skips_other_types_on_stderr(capsys: Capture, catalog: Catalog) -> None:
    code, out, err = run_cli(capsys, "export-questions", "--bank", "bon-kien-dinh", "--format",
                         "aiken")
    assert code == 0
    assert "\nANSWER: A\n\n" in out
    skipped = [line for line in err.splitlines() if "Aiken chỉ có câu một đáp án đúng" in line]
    assert skipped
    assert all(": warning: câu hỏi `bkd-" in line for line in skipped)
    bank = next(b for b in catalog.banks if b.id == "bon-kien-dinh")
    assert out.count("ANSWER:") + len(skipped) == len(bank.questions)


def test_export_of_a_bank_with_nothing_for_aiken(capsys: Capture, tmp_path: Path) -> None:
    pack = make_pack(tmp_path, "goi")
    write(pack / "banks" / "dung-sai.toml", 'format = 1\nid = "dung-sai"\ntitle = "Đúng sai"\n\n'
          '[[questions]]\nid = "d1"\ntype = "truefalse"\nprompt = "Đúng không?"\nanswer = true\n'
          'explanation = "Đúng."\n')
    code, out, err = run_cli(capsys, "export-questions", "--bank", "dung-sai", "--format", "aiken",
                         "--content", str(tmp_path))
    assert (code, out) == (1, "")
    assert "dung-sai.toml:5:1: warning: câu hỏi `d1` loại truefalse" in err
    assert err.splitlines()[-1] == ("Ngân hàng dung-sai không có câu hỏi nào viết được sang "
                                    "AIKEN; chưa ghi gì.")


def _pack_with_bundled_lessons(root: Path) -> Path:
    """A new pack holding the bundled pack's lessons (and no bank)."""
    bundled = next(path for path in bundled_content_dir().iterdir() if (path / "lessons").is_dir())
    pack = root / "goi-moi"
    shutil.copytree(bundled / "lessons", pack / "lessons")
    shutil.copy(bundled / "pack.toml", pack / "pack.toml")
    shutil.copy(bundled / "source.txt", pack / "source.txt")  # the pack.toml names it
    (pack / "banks").mkdir()
    return pack


def test_round_trip_through_the_command_line(capsys: Capture, tmp_path: Path) -> None:
    """Export a bundled bank, import it into a pack with the same lessons, export
    that: the same GIFT (lessons, difficulty, tags and all)."""
    first = tmp_path / "bkd.gift"
    run_cli(capsys, "export-questions", "--bank", "bon-kien-dinh", "--format", "gift", "-o",
        str(first))
    pack = _pack_with_bundled_lessons(tmp_path / "noi-dung")
    code, _, err = run_cli(capsys, "import-questions", str(first), "-o",
                           str(pack / "banks" / "b.toml"), "--bank-id", "bon-kien-dinh")
    assert (code, err.count(": warning: ")) == (0, 0), err
    code, out, err = run_cli(capsys, "export-questions", "--bank", "bon-kien-dinh", "--format",
                         "gift", "--content", str(tmp_path / "noi-dung"))
    assert code == 0, err
    original = first.read_text(encoding="utf-8").split("\n", 1)[1]
    assert out.split("\n", 1)[1] == original
    # The title came back from the category line (it was lost before).
    assert out.startswith("// bon-kien-dinh: Bốn kiên định\n\n$CATEGORY: Bốn kiên định\n")
    assert "// [lesson:ii-2-6] [difficulty:1]" in out


def test_lessons_unknown_to_the_target_pack(capsys: Capture, tmp_path: Path) -> None:
    source = write(tmp_path / "bai.gift", "// [lesson:ii-2-6]\nCâu một?{T}\n\n"
                   "// [lesson:khong-co]\nCâu hai?{F}\n")
    pack = _pack_with_bundled_lessons(tmp_path / "noi-dung")
    output = pack / "banks" / "bai.toml"
    code, _, err = run_cli(capsys, "import-questions", str(source), "-o", str(output))
    assert code == 0
    assert err.splitlines()[0] == (f"{source}:5:1: warning: bài học `khong-co` không có trong bộ "
                                   "nội dung sẽ chứa ngân hàng; câu hỏi được nhập mà không gắn "
                                   "với bài học")
    code, _, err = run_cli(capsys, "validate", str(tmp_path / "noi-dung"))
    assert code == 0, err
    bank = load_bank(output, "", ProblemLog())
    assert bank is not None
    assert [q.lesson for q in bank.questions] == ["ii-2-6", None]
    code, _, err = run_cli(capsys, "import-questions", str(source), "-o", str(output), "--lesson",
                       "ii-2-7x")
    assert code == 2
    assert "không có bài học `ii-2-7x` trong bộ nội dung" in err
    assert "có phải ý bạn là `ii-2-7`?" in err


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    from studyapp.errors import StudyappError  # noqa: PLC0415
    from studyapp.importing import convert as commands  # noqa: PLC0415 - where write_file lives

    target = write(tmp_path / "ngan-hang.toml", "nội dung cũ")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("studyapp.importing.convert.os.replace", full_disk)
    with pytest.raises(StudyappError, match="không ghi được"):
        commands.write_file(target, "nội dung mới")
    assert target.read_text(encoding="utf-8") == "nội dung cũ"
    assert [path.name for path in tmp_path.iterdir() if path.name != "home"] == ["ngan-hang.toml"]


def test_a_bank_the_loader_refuses_is_not_written(tmp_path: Path) -> None:
    from studyapp.content.problems import Problem, Severity  # noqa: PLC0415
    from studyapp.importing import convert as commands  # noqa: PLC0415

    target = tmp_path / "ngan-hang.toml"
    refusal = Problem(target, 1, 1, Severity.ERROR, "empty_bank")
    assert commands.write_file(target, "format = 1\n", lambda _: [refusal]) == [refusal]
    assert [path.name for path in tmp_path.iterdir() if path.name != "home"] == []
