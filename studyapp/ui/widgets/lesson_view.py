"""The lesson view: title, source, key points and text, with search matches highlighted."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content, Span
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from studyapp.content.document import Block, Document
from studyapp.content.model import Lesson
from studyapp.content.search import Match, contains_phrase, find_ranges
from studyapp.i18n import tr

INLINE_STYLE = {"em": "italic", "strong": "bold", "code": "$text-accent"}
HIGHLIGHT_STYLE = "bold $text on $warning-muted"
CURRENT_HIGHLIGHT_STYLE = "bold reverse"
_NUMBERED = re.compile(r"[IVXLC]+\b")


@dataclass(frozen=True)
class LessonPage:
    """Everything the view shows for one lesson (prepared by the screen)."""

    lesson: Lesson
    document: Document
    pack_source: str
    trail: tuple[str, ...]
    children: tuple[Lesson, ...]
    position: int
    total: int
    query: str = ""
    match: Match | None = None


def styled(text: str, spans: Iterable[tuple[int, int, str]] = ()) -> Content:
    """Plain text as Content (never parsed as markup) with style spans."""
    return Content(text, spans=[Span(start, end, style) for start, end, style in spans])


def _highlights(text: str, query: str, current: tuple[int, int] | None = None, *,
                phrase_only: bool = False) -> list[tuple[int, int, str]]:
    if not query:
        return []
    return [(start, end, CURRENT_HIGHLIGHT_STYLE if (start, end) == current else HIGHLIGHT_STYLE)
            for start, end in find_ranges(text, query, phrase_only=phrase_only)]


def _part(source: str) -> str:
    """`mục II.2.(6)` for a numbered part; other references (`Phần mở đầu`) as written."""
    return tr("lesson.part", part=source) if _NUMBERED.match(source) else source


def _current_range(match: Match | None, field: str, index: int, offset: int = 0,
                   length: int | None = None) -> tuple[int, int] | None:
    """The chosen match as offsets of one field's text, if it falls there."""
    if match is None or match.field != field or match.field_index != index:
        return None
    start, end = match.start - offset, match.end - offset
    if start < 0 or (length is not None and end > length):
        return None
    return start, end


class LessonView(VerticalScroll, can_focus=True):
    """Shows one lesson. The screen decides which; this widget only draws it."""

    DEFAULT_CSS = """
    LessonView { padding: 0 1; }
    LessonView .lesson-title { text-style: bold; color: $text-accent; margin-bottom: 0; }
    LessonView .lesson-meta { color: $text-muted; }
    LessonView .key-points {
        border: round $primary-muted; border-title-color: $text-primary;
        padding: 0 1; margin: 1 0 0 0; height: auto;
    }
    LessonView .block { margin-top: 1; }
    LessonView .item-row { height: auto; margin-top: 0; }
    LessonView .item-row.first-item { margin-top: 1; }
    LessonView .marker { width: auto; min-width: 2; padding-right: 1; color: $text-accent; }
    LessonView .item-text { width: 1fr; }
    LessonView .quoted {
        border-left: outer $secondary; padding-left: 1; color: $text-muted; text-style: italic;
    }
    LessonView .block-heading { text-style: bold; }
    LessonView .children-title { margin-top: 1; text-style: bold; }
    LessonView .end-hint { margin-top: 1; color: $text-muted; text-align: center; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.page: LessonPage | None = None
        self._match_widget: Widget | None = None
        self._match_line = 0
        self._phrase_only = False

    async def show(self, page: LessonPage) -> None:
        """Replace what is shown with `page`, and scroll to its match (if any)
        or to the top."""
        self.page = page
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(self._build(page))
        self.scroll_home(animate=False)
        if self._match_widget is not None:
            self.call_after_refresh(self._scroll_to_match)

    def _build(self, page: LessonPage) -> list[Widget]:
        lesson, match, query = page.lesson, page.match, page.query
        self._match_widget = None
        self._match_line = 0
        # Where the whole query occurs in the lesson, only it is highlighted,
        # not each of its words wherever they stand alone.
        self._phrase_only = bool(query) and contains_phrase(
            [lesson.title, *lesson.key_points, page.document.plain], query)
        widgets: list[Widget] = [
            Static(styled(lesson.title, self._highlights(lesson.title, query,
                                                         _current_range(match, "title", 0))),
                   classes="lesson-title", id="lesson-title"),
            Static(Content(tr("lesson.meta", source=page.pack_source, part=_part(lesson.source),
                              position=page.position, total=page.total)),
                   classes="lesson-meta"),
        ]
        if page.trail:
            widgets.append(Static(Content(tr("lesson.trail", trail=" › ".join(page.trail))),
                                  classes="lesson-meta"))
        if lesson.key_points:
            points: list[Widget] = []
            for index, point in enumerate(lesson.key_points):
                current = _current_range(match, "key_point", index)
                text_widget = Static(styled(point, self._highlights(point, query, current)),
                                     classes="item-text")
                if current is not None:
                    self._match_widget = text_widget
                points.append(Horizontal(Static(Content("•"), classes="marker"), text_widget,
                                         classes="item-row key-point"))
            box = Vertical(*points, classes="key-points")
            box.border_title = tr("lesson.key_points")
            widgets.append(box)
        widgets.extend(self._blocks(page.document, query, match))
        if page.children:
            widgets.append(Static(Content(tr("lesson.children")), classes="children-title"))
            widgets.extend(Static(Content(f"• {child.source}  {child.title}"))
                           for child in page.children)
        widgets.append(Static(Content(tr("lesson.end_hint")), classes="end-hint"))
        return widgets

    def _blocks(self, document: Document, query: str, match: Match | None) -> list[Widget]:
        widgets: list[Widget] = []
        previous: Block | None = None
        for block in document.blocks:
            current = _current_range(match, "body", 0, block.start, len(block.text))
            spans = [(s.start, s.end, INLINE_STYLE[s.style]) for s in block.spans]
            spans += self._highlights(block.text, query, current)
            text = styled(block.text, spans)
            classes = f"block-{block.kind}" + (" quoted" if block.quoted else "")
            widget: Widget
            if block.kind == "item":
                first = previous is None or previous.kind != "item"
                text_widget = Static(text, classes="item-text")
                widget = Horizontal(
                    Static(Content(block.marker), classes="marker"),
                    text_widget,
                    classes=f"item-row {classes}" + (" first-item" if first else ""),
                )
                widget.styles.padding = (0, 0, 0, 2 * block.depth)
                target: Widget = text_widget
            else:
                widget = target = Static(text, classes=f"block {classes}")
            if current is not None:
                self._match_widget = target
                self._match_line = current[0]
            widgets.append(widget)
            previous = block
        return widgets

    def _highlights(self, text: str, query: str,
                    current: tuple[int, int] | None) -> list[tuple[int, int, str]]:
        return _highlights(text, query, current, phrase_only=self._phrase_only)

    def _scroll_to_match(self) -> None:
        """Bring the chosen match into view: its block, then about its line."""
        widget = self._match_widget
        if widget is None or not widget.is_mounted:
            return
        width = max(widget.content_region.width, 1)
        # Roughly where in the block the match falls, once the text is wrapped.
        line = self._match_line // width if self._match_line else 0
        region = widget.virtual_region
        target = Region(region.x, region.y + min(line, max(region.height - 1, 0)), region.width, 1)
        self.scroll_to_region(target, animate=False, center=True, force=True)

    @property
    def lesson_id(self) -> str | None:
        return self.page.lesson.id if self.page else None

    def highlighted_texts(self) -> Sequence[str]:
        """The texts highlighted as search matches (for tests and screen readers)."""
        found: list[str] = []
        for static in self.query(Static):
            content = static.content
            if isinstance(content, Content):
                found.extend(content.plain[span.start:span.end] for span in content.spans
                             if span.style in (HIGHLIGHT_STYLE, CURRENT_HIGHLIGHT_STYLE))
        return found
