"""The secretary's summary of a session: figures, each member, each question; then close it."""

from __future__ import annotations

import textwrap
from datetime import timedelta
from fractions import Fraction
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from studyapp.i18n import format_date, format_decimal, format_duration, has_message, tr
from studyapp.quiz.analysis import ItemStats
from studyapp.quiz.describe import (
    as_written,
    describe_correct,
    top_wrong_line,
    wrong_answer_text,
)
from studyapp.store.report import MemberRow, SessionReport
from studyapp.text import normalize_line
from studyapp.ui.screens.attendance import member_label, status_text
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.answer_sheet import AnswerSheet, Part
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.score_chart import BandChart
from studyapp.ui.widgets.title_bar import TitleBar

GOOD_DISCRIMINATION = Fraction(3, 10)
ITEM_HEAD = 18
"""The width of a question's figures (`33% đúng (1/3)`), its prompt beside them."""
MIN_PROMPT = 20
MIN_NOTE = 16
"""Narrower than this, the note goes under the name rather than wrap a word a line."""
NOTE_INDENT = "  "
SHORT_ATTENDANCE = 13
"""At 80 columns the attendance wraps at this width ("Vắng có phép" stays whole)."""


def short_duration(spent: timedelta) -> str:
    """`4:47`, `1:03:05`: a time spent, as a stopwatch writes it."""
    seconds = round(spent.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"
SCROLLBAR = 2
WEAK_DISCRIMINATION = Fraction(1, 5)


def percent(value: Fraction) -> str:
    return f"{format_decimal(value * 100, 0)}%"


def discrimination_text(value: Fraction | None) -> str:
    if value is None:
        return tr("summary.discrimination_few")
    quality = "good" if value >= GOOD_DISCRIMINATION else (
        "fair" if value >= WEAK_DISCRIMINATION else "poor")
    return tr("summary.discrimination", value=format_decimal(value, 2),
              quality=tr(f"summary.discrimination.{quality}"))


def way_text(via: object) -> str:
    """How a test was taken, in words: at the laptop (no `via`: before there
    was a choice), on a phone, on paper."""
    if via is None:
        via = "laptop"
    key = f"export.via.{via}"
    return tr(key) if has_message(key) else normalize_line(str(via))


class SummaryScreen(StudyScreen[None]):
    """Three tabs (1, 2, 3): the figures and the chart, each member, each
    question (most missed first, Enter to discuss it). d closes the session."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tab('figures')", "key.tab_figures", id="summary.figures"),
        Binding("2", "tab('members')", "key.tab_members", id="summary.members"),
        Binding("3", "tab('questions')", "key.tab_questions", id="summary.questions"),
        Binding("h", "history", "key.member_history", id="summary.history"),
        Binding("d", "close_session", "key.close_session", id="summary.close"),
        Binding("x", "export", "key.export", id="summary.export"),
        Binding("escape", "back", "key.back", id="summary.back"),
    ]

    def __init__(self, report: SessionReport) -> None:
        super().__init__()
        self.report = report
        self._laid_out_for: int | None = None
        """The screen width the table and the list were last laid out for."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(self._heading(), id="summary-heading")
        with TabbedContent(initial="figures", id="summary-tabs"):
            with TabPane(tr("summary.tab.figures"), id="figures"), \
                    VerticalScroll(id="figures-body"):
                yield Static(self._figures(), id="summary-figures")
                yield BandChart(id="summary-chart")
            with TabPane(tr("summary.tab.members"), id="members"):
                yield DataTable(id="summary-members", cursor_type="row", zebra_stripes=True)
            with TabPane(tr("summary.tab.questions"), id="questions"), \
                    Vertical(id="questions-body"):
                yield Static(Content(tr("summary.questions_hint")), id="questions-hint")
                yield OptionList(id="summary-items")
        yield KeyBar()

    def _heading(self) -> Content:
        session = self.report.session
        state = tr("summary.closed", date=format_date(session.closed_at.date())) \
            if session.closed and session.closed_at else tr("summary.open")
        line = tr("summary.heading", date=format_date(session.held_on), topic=session.topic)
        run_by = f" · {tr('summary.run_by', name=session.run_by)}" if session.run_by else ""
        return Content.assemble((line, "bold"), run_by, " · ",
                                (state, "$text-muted" if session.closed else "$text-accent"))

    def _figures(self) -> Content:
        report = self.report
        figures = report.figures
        present = sum(1 for row in report.rows if row.present)
        lines = [Content(tr("summary.tested", tested=figures.tested, present=present,
                            total=len(report.rows)))]
        if figures.tested:
            lines.append(Content(tr(
                "summary.scores", average=format_decimal(figures.average or 0),
                median=format_decimal(figures.median or 0),
                highest=format_decimal(figures.highest or 0),
                lowest=format_decimal(figures.lowest or 0))))
            lines.append(Content(tr("summary.pass_rate",
                                    rate=percent(figures.pass_rate or Fraction(0)),
                                    passed=figures.passed, tested=figures.tested)))
            bands = " · ".join(f"{label}: {count}" for label, count in figures.bands)
            lines.append(Content(tr("summary.bands", bands=bands)))
        else:
            lines.append(Content.styled(tr("summary.nobody"), "$text-muted"))
        return Content("\n").join(lines)

    def _items(self, width: int | None = None) -> list[Option]:
        """A line per question, most missed first: its figures, then its
        prompt wrapped under itself to `width` (the list's), so two questions
        that begin alike ("Theo Kế hoạch …, cơ quan nào …") are told apart."""
        catalog = self.study_app.catalog
        options = []
        for index, stats in enumerate(self.report.figures.items):
            item = as_written(catalog, stats.question_id)
            prompt = normalize_line(item.question.prompt) if item else stats.question_id
            head = tr("summary.item_line", percent=percent(stats.facility), right=stats.right,
                      asked=stats.asked).ljust(ITEM_HEAD)
            if width is not None:
                lines = textwrap.wrap(prompt, max(width - len(head), MIN_PROMPT),
                                      break_long_words=True, break_on_hyphens=False)
                prompt = f"\n{' ' * len(head)}".join(lines)
            options.append(Option(Content.assemble((head, "bold"), prompt), id=str(index)))
        return options

    def _members_table(self, width: int | None) -> None:
        """Each member's row, fitted to `width` (the table's), never cut: the
        note (a retake, why someone was excused) comes last and takes what the
        other columns leave, wrapped; when they leave too little (80
        columns), it goes under the name, the time is written short (4:47)
        and a long attendance ("Có mặt, không làm bài") wraps."""
        table = self.query_one("#summary-members", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        rows = [self._member_cells(row) for row in self.report.rows]
        notes = [cells.pop() for cells in rows]
        labels = [tr(f"summary.column.{name}") for name in
                  ("name", "attendance", "score", "band", "time", "via")]

        def widths() -> list[int]:
            return [max(Text(label).cell_len, *(cells[i].cell_len for cells in rows))
                    for i, label in enumerate(labels)]

        def used(columns: list[int]) -> int:
            return sum(column + 2 for column in columns)

        longest = max((note.cell_len for note in notes), default=0)
        note_width = longest if width is None else max(width - used(widths()) - 2, 0)
        beside = note_width >= min(longest, MIN_NOTE)
        attendance_width: int | None = None
        if not beside:  # under the name, wrapped to the names' width
            labels[0] = tr("summary.column.name_note")
            name_width = max(MIN_NOTE, Text(labels[0]).cell_len,
                             *(cells[0].cell_len for cells in rows))
            for cells, note in zip(rows, notes, strict=True):
                if note:
                    lines = textwrap.wrap(note.plain, name_width - len(NOTE_INDENT))
                    cells[0] = Text.assemble(cells[0], *(
                        ("\n" + NOTE_INDENT + line, "italic") for line in lines))
            if width is not None and used(widths()) > width:
                for cells, row in zip(rows, self.report.rows, strict=True):
                    spent = row.counted.time_spent if row.counted else None
                    cells[4] = Text(short_duration(spent) if spent else "", justify="right")
            if width is not None and used(widths()) > width:
                attendance_width = max(Text(labels[1]).cell_len, SHORT_ATTENDANCE)
        table.add_column(labels[0])
        table.add_column(labels[1], width=attendance_width)
        table.add_columns(*labels[2:])
        if beside:
            table.add_column(tr("summary.column.note"),
                             width=note_width if longest > note_width else None)
        for row, cells, note in zip(self.report.rows, rows, notes, strict=True):
            table.add_row(*cells, *([note] if beside else []), key=row.member.id, height=None)
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

    def _member_cells(self, row: MemberRow) -> list[Text]:
        attempt = row.counted
        retaken = row.finished > 1 or (attempt is not None and attempt.retake_of is not None)
        # A retake is marked by its score too, and the attendance note is kept beside it.
        notes = [tr("summary.retake", count=max(row.finished - 1, 1))] if retaken else []
        note = " · ".join([*notes, *([row.note] if row.note else [])])
        score = format_decimal(attempt.score) if attempt and attempt.score is not None \
            else "—"
        if retaken and attempt is not None:
            score = f"{score} {tr('summary.retake_mark', number=max(row.finished, 2))}"
        return [
            Text(member_label(row, self.report.rows)),
            Text(str(status_text(row.attendance))),
            Text(score, justify="right"),
            Text(attempt.band or "" if attempt else ""),
            Text(format_duration(attempt.time_spent) if attempt and attempt.time_spent
                 else ""),
            Text(way_text(attempt.settings.get("via")) if attempt else ""),
            Text(note),
        ]

    def _list_width(self, width: int) -> int:
        """What a tab's list has of a screen `width` wide: the tab's padding
        and a scroll bar left out."""
        return max(width - 2 - SCROLLBAR, 20)

    def _lay_out(self, width: int) -> None:
        if width == self._laid_out_for:
            return
        self._laid_out_for = width
        self._members_table(self._list_width(width))
        listing = self.query_one("#summary-items", OptionList)
        highlighted = listing.highlighted
        listing.set_options(self._items(self._list_width(width)))
        if listing.option_count:
            listing.highlighted = min(highlighted or 0, listing.option_count - 1)

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out(event.size.width)

    def on_mount(self) -> None:
        self.sub_title = tr("summary.title", cell=self.report.cell.name)
        self.query_one(BandChart).show(list(self.report.figures.bands))
        self._lay_out(self.app.size.width)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        stats = self.report.figures.items[event.option_index]
        self.app.push_screen(ItemScreen(stats))

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        focus = {"members": "#summary-members", "questions": "#summary-items"}.get(tab)
        if focus:
            self.query_one(focus).focus()

    def action_history(self) -> None:
        table = self.query_one("#summary-members", DataTable)
        if self.query_one(TabbedContent).active != "members" or not self.report.rows:
            self.notify(tr("summary.history_hint"), markup=False)
            return
        row = self.report.rows[table.cursor_row]
        self.study_app.sessions.member_history(row.member)

    def action_close_session(self) -> None:
        self.study_app.sessions.close_session(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_session":
            return not self.report.session.closed
        return True

    def action_export(self) -> None:
        from studyapp.store.exchange import Scope  # noqa: PLC0415

        session = self.report.session
        self.study_app.exports.start(Scope(session_id=session.id), cell=self.report.cell.name,
                                     day=session.held_on)

    def action_back(self) -> None:
        self.dismiss()


class ItemScreen(StudyScreen[None]):
    """One question, to discuss: its text, the right answer, the wrong answer
    given most, the explanation and the lesson (b opens it at the passage)."""

    DEFAULT_CSS = stylesheet(__file__, "item.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "open_lesson", "key.open_passage", id="item.open_lesson"),
        Binding("escape", "back", "key.back", id="item.back"),
    ]

    def __init__(self, stats: ItemStats) -> None:
        super().__init__()
        self.stats = stats

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="item-body"):
            yield AnswerSheet(id="item-sheet")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.sub_title = tr("item.title")
        catalog = self.study_app.catalog
        stats = self.stats
        item = as_written(catalog, stats.question_id)
        if item is None:
            await self.query_one(AnswerSheet).show(
                [Part(Content(tr("item.gone", id=stats.question_id)))])
            return
        question = item.question
        parts = [
            Part(Content.styled(question.prompt, "bold")),
            Part(Content(tr("item.facility", percent=percent(stats.facility),
                            right=stats.right, asked=stats.asked)), spaced=True),
            Part(Content(discrimination_text(stats.discrimination))),
        ]
        wrong = wrong_answer_text(item, stats)
        if wrong:
            parts.append(Part(Content(top_wrong_line(wrong, stats.top_wrong_count))))
        elif stats.top_wrong is not None:
            parts.append(Part(Content(tr("item.wrong_all_different"))))
        parts.append(Part(Content.styled(tr("quiz.feedback.correct_answer"), "bold"),
                          spaced=True))
        parts += [Part(Content(f"• {line}"), indented=True)
                  for line in describe_correct(item, letters=False)]
        if question.explanation:
            parts.append(Part(Content.assemble((tr("quiz.feedback.explanation"), "bold"), " ",
                                               question.explanation), spaced=True))
        if question.lesson and catalog.has_lesson(question.lesson):
            lesson = catalog.lesson(question.lesson)
            parts.append(Part(Content.assemble(
                (tr("quiz.feedback.lesson"), "bold"), " ", f"{lesson.source} — {lesson.title}",
                (f"  {tr('quiz.feedback.open_hint')}", "$text-muted")), spaced=True))
        await self.query_one(AnswerSheet).show(parts)

    def action_open_lesson(self) -> None:
        catalog = self.study_app.catalog
        if catalog.has_question(self.stats.question_id):
            question = catalog.question(self.stats.question_id)
            if question.lesson:
                self.study_app.library.open_passage(question.lesson, question.explanation or "")

    def action_back(self) -> None:
        self.dismiss()
