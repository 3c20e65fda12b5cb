"""Lesson bodies: CommonMark to blocks of plain text with style spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studyapp.content.document import parse_document


def test_paragraphs_lists_quotes_and_emphasis() -> None:
    document = parse_document(
        "(1) *Quy chế*: văn bản\ntiếp dòng.\n\n"
        "1. **Tăng trưởng thực chất.** Không đánh đổi.\n2. Kiên định.\n\n"
        "> Ghi chú: ghi *chú*.\n\n- a\n  - b\n"
    )
    kinds = [(b.kind, b.marker, b.depth, b.quoted) for b in document.blocks]
    assert kinds == [("paragraph", "", 0, False), ("item", "1.", 0, False),
                     ("item", "2.", 0, False), ("paragraph", "", 0, True),
                     ("item", "-", 0, False), ("item", "-", 1, False)]
    assert document.plain == ("(1) Quy chế: văn bản tiếp dòng.\n\n"
                              "1. Tăng trưởng thực chất. Không đánh đổi.\n2. Kiên định.\n\n"
                              "Ghi chú: ghi chú.\n\n- a\n  - b")
    first, item = document.blocks[0], document.blocks[1]
    assert [(first.text[s.start:s.end], s.style) for s in first.spans] == [("Quy chế", "em")]
    assert [(item.text[s.start:s.end], s.style) for s in item.spans] == [
        ("Tăng trưởng thực chất.", "strong")]


def test_markup_and_html_stay_literal() -> None:
    document = parse_document("[b]đậm[/b] [/] <b>x</b> [@click=app.quit]thoát[/]")
    assert document.plain == "[b]đậm[/b] [/] <b>x</b> [@click=app.quit]thoát[/]"


@given(st.text(alphabet="abc đ*_-#>[]`\n1. ", max_size=120))
def test_block_offsets_point_into_the_plain_text(markdown: str) -> None:
    document = parse_document(markdown)
    for block in document.blocks:
        assert document.plain[block.start:block.end] == block.text
        for span in block.spans:
            assert 0 <= span.start < span.end <= len(block.text)
    for index, block in enumerate(document.blocks):
        if block.text:
            assert document.block_at(block.start) == index
