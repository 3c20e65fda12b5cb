"""The search dialog: type, see ranked results with the match highlighted, open one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content, Span
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from studyapp.content.search import SearchHit, reading_of
from studyapp.i18n import format_count, tr
from studyapp.text import shown
from studyapp.ui.screens.base import StudyModal, stylesheet, type_into
from studyapp.ui.widgets.lesson_view import HIGHLIGHT_STYLE

RESULT_LIMIT = 50


@dataclass(frozen=True)
class SearchResult:
    """The hit the user chose, and the query, to highlight in the lesson."""

    hit: SearchHit
    query: str


def result_option(hit: SearchHit, source: str, index: int, *, truefalse: bool = False) -> Option:
    """Two lines: the lesson's title (or the question) and where it stands,
    then the snippet, with the query's words highlighted."""
    if hit.kind == "lesson":
        title = hit.title
    else:
        # A true/false prompt may be a false statement: say it is one to judge.
        key = "search.question_truefalse" if truefalse else "search.question"
        title = tr(key, prompt=hit.title)
    head = f"{title}  · {source}"
    indent = "  "
    text = f"{head}\n{indent}{hit.snippet}"
    offset = len(head) + 1 + len(indent)
    spans = [Span(0, len(title), "bold"), Span(len(title), len(head), "$text-muted")]
    spans += [Span(start + offset, end + offset, HIGHLIGHT_STYLE)
              for start, end in hit.snippet_spans]
    return Option(Content(text, spans=spans), id=str(index))


class SearchScreen(StudyModal[SearchResult | None]):
    """Searches as you type; ↑ ↓ choose, Enter opens, Esc closes."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close", id="search.close"),
        Binding("down", "move(1)", "key.down", show=False, id="search.down"),
        Binding("up", "move(-1)", "key.up", show=False, id="search.up"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self._hits: list[SearchHit] = []
        self._initial_query = query

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = tr("search.title")
            yield Input(value=self._initial_query, placeholder=tr("search.placeholder"),
                        id="search-input")
            yield Static(Content(tr("search.empty")), id="search-status")
            yield Static(id="search-reading")
            yield OptionList(id="search-results", markup=False)
            yield Static(Content(tr("search.hint")), id="search-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self._initial_query:
            self._update(self._initial_query)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._update(event.value)

    def _update(self, query: str) -> None:
        results = self.query_one(OptionList)
        status = self.query_one("#search-status", Static)
        results.clear_options()
        self._hits = self.study_app.library.search(query, RESULT_LIMIT) if query.strip() else []
        # Typed in Telex or VNI: say how the query was read, so that the results
        # (and the words highlighted in them) are not a surprise.
        reading = reading_of(query, self._hits)
        line = self.query_one("#search-reading", Static)
        line.update(Content(tr("search.read_as", reading=shown(reading))) if reading else "")
        line.display = reading is not None
        if not query.strip():
            status.update(Content(tr("search.empty")))
            return
        if not self._hits:
            status.update(Content(tr("search.none", query=query)))
            return
        catalog = self.study_app.catalog
        results.add_options(
            result_option(hit, self._where(hit), index, truefalse=hit.kind == "question"
                          and catalog.question(hit.id).type == "truefalse")
            for index, hit in enumerate(self._hits))
        results.highlighted = 0
        status.update(Content(tr("search.count", count=format_count(len(self._hits)),
                                 query=query)))

    def _where(self, hit: SearchHit) -> str:
        """The lesson's source reference; for a question, that of its lesson."""
        catalog = self.study_app.catalog
        if hit.kind == "lesson":
            return catalog.lesson(hit.id).source
        question = catalog.question(hit.id)
        if question.lesson is not None:
            return catalog.lesson(question.lesson).source
        return catalog.bank(question.bank_id).title

    def action_move(self, step: int) -> None:
        results = self.query_one(OptionList)
        if not results.option_count:
            return
        if step > 0 and self.query_one(Input).has_focus:
            # Into the list, at the result already highlighted (the first):
            # Down from the text box used to skip it.
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0
            return
        current = results.highlighted if results.highlighted is not None else -step
        results.highlighted = max(0, min(results.option_count - 1, current + step))

    def on_key(self, event: events.Key) -> None:
        # Letters typed in the list go on with the query, in the text box.
        type_into(self.query_one(Input), event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self._hits):
            self._choose(highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(int(event.option_id or 0))

    def _choose(self, index: int) -> None:
        # A query typed in Telex or VNI is highlighted as the Vietnamese it spelled.
        hit = self._hits[index]
        self.dismiss(SearchResult(hit, hit.query or self.query_one(Input).value))

    def action_close(self) -> None:
        self.dismiss(None)
