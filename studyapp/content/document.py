"""A lesson body as blocks of plain text with style spans, parsed from CommonMark.

Search, the JSON output and the interface all use the same plain text, so a
match found by search is highlighted at the same offsets on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BlockKind = Literal["paragraph", "heading", "item", "code", "rule"]
InlineStyle = Literal["em", "strong", "code"]


@dataclass(frozen=True, slots=True)
class StyleSpan:
    """A style over `start:end` of a block's text."""

    start: int
    end: int
    style: InlineStyle


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a lesson: a paragraph, a heading, a list item, ...

    `start` is where `text` begins in `Document.plain`; `marker` is the list
    marker ("-" or "3."), shown before the text; `quoted` is true inside a
    block quote (the `> Ghi chú:` notes)."""

    kind: BlockKind
    text: str
    start: int
    marker: str = ""
    depth: int = 0
    quoted: bool = False
    spans: tuple[StyleSpan, ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Document:
    blocks: tuple[Block, ...]
    plain: str

    def block_at(self, offset: int) -> int:
        """The index of the block that holds `offset` of the plain text."""
        for index, block in enumerate(self.blocks):
            if offset < block.end or index == len(self.blocks) - 1:
                return index
        return 0


@dataclass(slots=True)
class _ListState:
    ordered: bool
    next_number: int = 1


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # noqa: PLC0415 - 38 ms, only when a body is read

    return MarkdownIt("commonmark")


def _inline(token: Token) -> tuple[str, tuple[StyleSpan, ...]]:
    """Plain text and style spans of an inline token's children."""
    parts: list[str] = []
    spans: list[StyleSpan] = []
    open_at: dict[InlineStyle, list[int]] = {"em": [], "strong": []}
    length = 0
    for child in token.children or ():
        kind = child.type
        piece = ""
        if kind in ("text", "html_inline"):
            piece = child.content
        elif kind == "code_inline":
            piece = child.content
            spans.append(StyleSpan(length, length + len(piece), "code"))
        elif kind == "softbreak":
            piece = " "
        elif kind == "hardbreak":
            piece = "\n"
        elif kind == "image":
            piece = child.content
        elif kind in ("em_open", "strong_open"):
            open_at["em" if kind == "em_open" else "strong"].append(length)
        elif kind in ("em_close", "strong_close"):
            style: InlineStyle = "em" if kind == "em_close" else "strong"
            if open_at[style]:
                start = open_at[style].pop()
                if length > start:
                    spans.append(StyleSpan(start, length, style))
        parts.append(piece)
        length += len(piece)
    return "".join(parts), tuple(sorted(spans, key=lambda span: span.start))


def parse_document(markdown: str) -> Document:
    """Parse a lesson body into blocks; the plain text joins them with blank
    lines (single newlines between the items of one list)."""
    tokens = _parser().parse(markdown)
    blocks: list[Block] = []
    plain: list[str] = []
    length = 0
    lists: list[_ListState] = []
    item_marker: list[str] = []
    quote_depth = 0
    previous_item = False

    def add(kind: BlockKind, text: str, spans: tuple[StyleSpan, ...] = (),
            marker: str = "") -> None:
        nonlocal length, previous_item
        is_item = kind == "item" or bool(item_marker)
        separator = "" if not blocks else ("\n" if is_item and previous_item else "\n\n")
        prefix = f"{'  ' * max(len(lists) - 1, 0)}{marker} " if marker else ""
        plain.append(separator + prefix)
        length += len(separator) + len(prefix)
        blocks.append(Block(kind, text, length, marker, max(len(lists) - 1, 0),
                            quote_depth > 0, spans))
        plain.append(text)
        length += len(text)
        previous_item = is_item

    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "bullet_list_open":
            lists.append(_ListState(ordered=False))
        elif kind == "ordered_list_open":
            start = str(token.attrGet("start") or 1)
            lists.append(_ListState(ordered=True, next_number=int(start) if start.isdigit() else 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            if not lists:
                previous_item = False  # the next list starts after a blank line
        elif kind == "list_item_open":
            current = lists[-1]
            if current.ordered:
                item_marker.append(f"{current.next_number}.")
                current.next_number += 1
            else:
                item_marker.append("-")
        elif kind == "list_item_close":
            item_marker.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "inline":
            text, spans = _inline(token)
            opener = tokens[index - 1].type if index else ""
            if item_marker and item_marker[-1]:
                # The first paragraph of an item carries its marker; later
                # paragraphs of the same item are indented continuations.
                add("item", text, spans, item_marker[-1])
                item_marker[-1] = ""
            elif item_marker:
                add("item", text, spans)
            else:
                add("heading" if opener == "heading_open" else "paragraph", text, spans)
        elif kind in ("fence", "code_block", "html_block"):
            add("code", token.content.rstrip("\n"))
        elif kind == "hr":
            add("rule", "")
        index += 1
    return Document(tuple(blocks), "".join(plain))
