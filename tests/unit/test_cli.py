"""The command line: validate, lessons, search; content folders; languages; exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.cli import main
from tests.conftest import DATA, lesson_text, make_pack, run_cli, write

Capture = pytest.CaptureFixture[str]




def test_validate_bundled_is_clean(capsys: Capture) -> None:
    code, out, err = run_cli(capsys, "validate")
    assert code == 0
    assert out == ""
    assert "0 lỗi, 0 cảnh báo" in err


def test_lessons_json_shape(capsys: Capture) -> None:
    code, out, _ = run_cli(capsys, "lessons", "--format", "json")
    assert code == 0
    lessons = json.loads(out)
    assert len(lessons) >= 47
    for lesson in lessons:
        assert {"id", "pack", "title", "parent", "source", "key_points", "text"} <= set(lesson)
    by_id = {lesson["id"]: lesson for lesson in lessons}
    assert by_id["gioi-thieu"]["parent"] is None
    assert by_id["ii-2-6"]["parent"] == "ii-2"
    assert by_id["ii-2-6"]["source"] == "II.2.(6)"
    assert "*" not in by_id["ii-2-6"]["text"]  # plain text, not Markdown
    assert "“Bốn kiên định”" in by_id["ii-2-6"]["text"]
    # Tree order: every parent comes before its children.
    seen: set[str] = set()
    for lesson in lessons:
        assert lesson["parent"] is None or lesson["parent"] in seen
        seen.add(lesson["id"])


def test_lessons_text_prints_the_whole_tree(capsys: Capture) -> None:
    code, out, _ = run_cli(capsys, "lessons")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Kết quả Hội nghị lần thứ hai")
    assert "      II.2.(6)  Quy định về công tác chính trị, tư tưởng trong Đảng  [ii-2-6]" in lines
    assert sum(1 for line in lines if line.endswith("]")) >= 48


def test_search_text_lists_bon_kien_dinh_first(capsys: Capture) -> None:
    code, out, _ = run_cli(capsys, "search", "kien dinh")
    assert code == 0
    assert out.splitlines()[0] == "Bốn kiên định  [bon-kien-dinh]"


def test_search_json_shape_and_limit(capsys: Capture) -> None:
    code, out, _ = run_cli(capsys, "search", "ĐẢNG", "--format", "json", "--limit", "3")
    assert code == 0
    hits = json.loads(out)
    assert len(hits) == 3
    for hit in hits:
        assert hit["kind"] == "lesson"
        assert {"id", "title", "snippet"} <= set(hit)


def test_search_nothing_found_is_not_an_error(capsys: Capture) -> None:
    code, out, err = run_cli(capsys, "search", "xyzzy")
    assert (code, out) == (0, "")
    assert "Không tìm thấy" in err


@pytest.mark.parametrize("args", [["search", "   "], ["search", "x", "--limit", "0"],
                                  ["lessons", "--format", "xml"], ["nonsense"],
                                  ["lessons", "--content", "/khong/co/thu-muc"]])
def test_usage_errors_exit_2(capsys: Capture, args: list[str]) -> None:
    try:
        code = main(args)
    except SystemExit as exiting:  # argparse exits by itself
        code = int(exiting.code or 0)
    assert code == 2
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    assert err.strip()


def test_content_replaces_bundled_unless_with_bundled(tmp_path: Path, capsys: Capture) -> None:
    make_pack(tmp_path, "rieng", {"a.md": lesson_text("rieng-a", "Bài riêng")})
    _, out, _ = run_cli(capsys, "lessons", "--format", "json", "--content", str(tmp_path))
    assert [lesson["id"] for lesson in json.loads(out)] == ["rieng-a"]
    _, out, _ = run_cli(capsys, "lessons", "--format", "json", "--content", str(tmp_path),
                    "--with-bundled")
    ids = [lesson["id"] for lesson in json.loads(out)]
    assert "rieng-a" in ids
    assert "bon-kien-dinh" in ids


def test_options_before_the_subcommand_are_kept(tmp_path: Path, capsys: Capture) -> None:
    make_pack(tmp_path, "rieng", {"a.md": lesson_text("rieng-a")})
    _, out, _ = run_cli(capsys, "--content", str(tmp_path), "lessons", "--format", "json")
    assert [lesson["id"] for lesson in json.loads(out)] == ["rieng-a"]


def test_environment_and_config_add_content(tmp_path: Path, capsys: Capture,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    make_pack(tmp_path / "env", "tu-env", {"a.md": lesson_text("env-a")})
    make_pack(tmp_path / "cfg", "tu-cfg", {"a.md": lesson_text("cfg-a")})
    monkeypatch.setenv("STUDYAPP_CONTENT", str(tmp_path / "env"))
    config_dir = Path(os.environ["STUDYAPP_CONFIG_DIR"])
    write(config_dir / "config.toml", f'content = ["{(tmp_path / "cfg").as_posix()}"]\n')
    _, out, _ = run_cli(capsys, "lessons", "--format", "json")
    ids = [lesson["id"] for lesson in json.loads(out)]
    assert {"env-a", "cfg-a", "bon-kien-dinh"} <= set(ids)


def test_broken_config_is_reported_and_ignored(capsys: Capture) -> None:
    config_dir = Path(os.environ["STUDYAPP_CONFIG_DIR"])
    write(config_dir / "config.toml", 'lang = "fr"\ncontent = "not a list"\n')
    code, out, err = run_cli(capsys, "lessons")
    assert code == 0
    assert out
    assert "config.toml" in err
    assert "`lang`" in err
    assert "`content`" in err


def test_config_language(capsys: Capture) -> None:
    write(Path(os.environ["STUDYAPP_CONFIG_DIR"]) / "config.toml", 'lang = "en"\n')
    _, _, err = run_cli(capsys, "validate")
    assert "0 errors, 0 warnings" in err
    _, _, err = run_cli(capsys, "validate", "--lang", "vi")
    assert "0 lỗi, 0 cảnh báo" in err


def test_broken_content_makes_commands_exit_1_but_still_work(capsys: Capture) -> None:
    code, out, err = run_cli(capsys, "lessons", "--content", str(DATA / "broken"))
    assert code == 1
    assert "[a-ok]" in out
    assert "06-no-front-matter.md:1:1: error:" in err
    assert "Traceback" not in err


def test_validate_strict_fails_on_warnings(tmp_path: Path, capsys: Capture) -> None:
    make_pack(tmp_path, lessons={"a.md": lesson_text("a", body="")})
    code, out, _ = run_cli(capsys, "validate", str(tmp_path))
    assert code == 0
    assert "warning" in out
    code, _, _ = run_cli(capsys, "validate", str(tmp_path), "--strict")
    assert code == 1


def test_validate_one_file_checks_it_with_its_pack(tmp_path: Path, capsys: Capture) -> None:
    pack = make_pack(tmp_path, lessons={"a.md": lesson_text("a"),
                                        "b.md": lesson_text("b", parent="khong-co"),
                                        "c.md": lesson_text("c", parent="a")})
    code, out, _ = run_cli(capsys, "validate", str(pack / "lessons" / "c.md"))
    assert (code, out) == (0, "")  # c's parent exists; b's error is not c's
    code, out, _ = run_cli(capsys, "validate", str(pack / "lessons" / "b.md"))
    assert code == 1
    assert "b.md:" in out
    assert "c.md" not in out


def test_validate_a_lone_lesson_file(tmp_path: Path, capsys: Capture) -> None:
    alone = write(tmp_path / "alone.md", lesson_text("x").replace('id = "x"\n', ""))
    code, out, _ = run_cli(capsys, "validate", str(alone), "--lang", "en")
    assert code == 1
    assert "the required key `id` is missing" in out


def test_validate_missing_path(tmp_path: Path, capsys: Capture) -> None:
    code, out, _ = run_cli(capsys, "validate", str(tmp_path / "missing"), "--lang", "en")
    assert code == 1
    assert "no such file or folder" in out


def test_help_speaks_the_chosen_language(capsys: Capture) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "giao diện" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert "interface" in capsys.readouterr().out


def test_python_m_studyapp_and_utf8_through_a_pipe(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run([sys.executable, "-m", "studyapp", "search", "kien dinh",
                             "--limit", "1"], capture_output=True, env=env, check=False)
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").startswith("Bốn kiên định")
