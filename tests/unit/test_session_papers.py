"""Each present member's paper printed through a real Chromium: name, code, page on every page."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import uuid
from datetime import date
from pathlib import Path

import pytest

from studyapp.content.catalog import Catalog
from studyapp.export.paper import render_paper, render_session_papers
from studyapp.quiz.selection import Paper, PaperItem
from studyapp.store.database import Database
from studyapp.store.models import AttendanceStatus
from studyapp.store.papers import MemberPaper, session_papers
from studyapp.store.store import Store


def member_papers(tmp_path: Path, catalog: Catalog, names: list[str]) -> list[MemberPaper]:
    # Ids from a seeded maker: each member's variant is drawn from their id, so the
    # papers (and the question types on them) are the same at every run.
    ids = random.Random(5)
    store = Store(Database(tmp_path / "studyapp.sqlite3"),
                  new_id=lambda: str(uuid.UUID(int=ids.getrandbits(128), version=4)))
    cell = store.ensure_cell("Chi bộ 1")
    session = store.open_session(cell.id, date(2026, 12, 2), topic="Học tập",
                                 pack_id=catalog.packs[0].id, lessons=[],
                                 settings={"count": 12, "variants": True}, seed=11)
    for name in names:
        member = store.add_member(cell.id, name, allow_duplicate=True)
        store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
    return session_papers(store, catalog, session.id)


def test_one_section_per_member_with_their_code_and_name(tmp_path: Path,
                                                         catalog: Catalog) -> None:
    papers = member_papers(tmp_path, catalog, ["Nguyễn Văn An", 'Lê "</style><script>"'])
    page = render_session_papers(papers, catalog.packs[0], cell="Chi bộ 1",
                                 held_on="02/12/2026")
    assert page.count('<section class="member') == 2
    assert "<script>" not in page
    assert page.count("</style>") == 1
    for paper in papers:
        assert f"Mã đề: {paper.code}" in page
    assert "Họ và tên: Nguyễn Văn An" in page
    assert "break-before: page" in page


def test_spaces_are_kept_and_matching_is_in_two_columns(catalog: Catalog) -> None:
    match = next(q for q in catalog.questions if q.type == "match")
    order = next(q for q in catalog.questions if q.type == "order")
    truth = next(q for q in catalog.questions if q.type == "truefalse")
    size = len(order.items)
    paper = Paper(1, (PaperItem(match, right_order=tuple(range(len(match.pairs)))[::-1]),
                      PaperItem(order, item_order=tuple(range(size))[::-1]),
                      PaperItem(truth)))
    page = render_paper(paper, catalog.packs[0], "html")
    assert "white-space: pre-wrap" in page
    assert '<table class="pairs">' in page
    assert page.count("<tr>") == len(match.pairs)
    key = render_paper(paper, catalog.packs[0], "html", answer_key=True)
    # The key of an ordering: the number to write in each box, as the paper asks.
    boxes = ", ".join(f"[{size - shown}] {'ABCDEFGH'[shown]}" for shown in range(size))
    assert boxes in key


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None,
                    reason="needs Debian's chromium and poppler-utils "
                           "(apt-get install chromium poppler-utils)")
def test_printed_through_chromium_every_page_has_name_code_and_number(
        tmp_path: Path, catalog: Catalog) -> None:
    papers = member_papers(tmp_path, catalog, ["Nguyễn Văn An", "Trần Thị Bình"])
    source = tmp_path / "papers.html"
    source.write_text(render_session_papers(papers, catalog.packs[0], cell="Chi bộ 1",
                                            held_on="02/12/2026"), encoding="utf-8")
    pdf = tmp_path / "papers.pdf"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri()],
                   check=True, capture_output=True, timeout=120)
    text = subprocess.run([str(PDFTOTEXT), "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) >= 2 * 2  # twelve questions take more than one A4 page each
    owner = None
    for number, page in enumerate(pages, 1):
        assert f"Trang {number}" in page, page[-300:]
        if "Họ và tên: " in page:
            owner = next(p for p in papers if f"Họ và tên: {p.label}" in page)
        assert owner is not None
        assert f"{owner.label} · Mã đề {owner.code} · Trang {number}" in page
    # Spaces kept between Đúng and Sai, and in the ordering boxes.
    types = {item.question.type for paper in papers for item in paper.paper.items}
    assert "truefalse" in types, types  # the seeded ids draw one: its spaces are checked
    assert re.search(r"Đúng {4,}Sai", text)
