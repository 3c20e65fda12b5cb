"""The catalog: the lesson tree in reading order, navigation, descendants."""

from __future__ import annotations

from pathlib import Path

from studyapp.content.catalog import Catalog
from studyapp.content.loading import load_catalog
from tests.conftest import lesson_text, make_pack


def test_tree_order_uses_order_then_title(tmp_path: Path) -> None:
    make_pack(tmp_path, lessons={
        "1.md": lesson_text("goc", "Gốc"),
        "2.md": lesson_text("con-b", "Bình", parent="goc"),
        "3.md": lesson_text("con-a", "Ánh", parent="goc"),
        "4.md": lesson_text("dau", "Zê", parent="goc").replace('source = "I.1"',
                                                              'source = "I.1"\norder = 1'),
        "5.md": lesson_text("chau", "Cháu", parent="con-a"),
    })
    catalog = load_catalog([tmp_path]).catalog
    assert [(lesson.id, depth) for lesson, depth in catalog.walk()] == [
        ("goc", 0), ("dau", 1), ("con-a", 1), ("chau", 2), ("con-b", 1)]
    assert catalog.next_lesson("con-a").id == "chau"  # type: ignore[union-attr]
    assert catalog.previous_lesson("dau").id == "goc"  # type: ignore[union-attr]
    assert catalog.next_lesson("con-b") is None
    assert catalog.previous_lesson("goc") is None
    assert [a.id for a in catalog.ancestors("chau")] == ["con-a", "goc"]
    assert catalog.with_descendants(["con-a"]) == ["con-a", "chau"]


def test_bundled_tree_has_every_part(catalog: Catalog) -> None:
    ids = [lesson.id for lesson in catalog.lessons]
    expected = (["gioi-thieu", "i", "i-1", "i-2", "i-3", "ii", "ii-1", "ii-2"]
                + [f"ii-2-{n}" for n in range(1, 15)]
                + ["ii-3"] + [f"ii-3-{n}" for n in range(1, 5)] + ["ii-4", "ii-5"]
                + ["iii"] + [f"iii-{n}" for n in range(1, 5)]
                + ["iv"] + [f"iv-{n}" for n in range(1, 6)])
    assert ids[:len(expected)] == expected
    assert ids[len(expected)] == "bon-kien-dinh"
    assert {c.id for c in catalog.children("bon-kien-dinh")} >= {
        "bkd-bon-dieu-kien-dinh", "bkd-xay-va-chong", "bkd-di-truoc-mo-duong",
        "bkd-nhung-chuyen-doi", "bkd-nhung-tinh-trang-can-khac-phuc", "bkd-phuong-thuc-dot-pha"}
    assert catalog.lesson("ii-2-6").source == "II.2.(6)"
    assert catalog.lesson("ii-2-6").parent == "ii-2"
    assert catalog.lesson("ii-3-1").parent == "ii-3"
    assert catalog.lesson("iv-5").source == "IV.5"
