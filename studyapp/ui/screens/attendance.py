"""Attendance: each member of the cell present, excused or absent, with a note."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from studyapp.i18n import tr
from studyapp.store.models import AttendanceStatus
from studyapp.store.models import member_label as core_member_label
from studyapp.store.report import MemberRow, SessionReport
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

STATUS_STYLE = {
    AttendanceStatus.PRESENT: "bold $text-success",
    AttendanceStatus.EXCUSED: "bold $text-warning",
    AttendanceStatus.ABSENT: "bold $text-error",
    AttendanceStatus.NOT_TESTED: "$text-muted",
}
NAME_WIDTH = 34


def member_label(row: MemberRow, rows: tuple[MemberRow, ...]) -> str:
    """The member's name with their distinguishing note (`models.member_label`;
    a short code for a twin added before notes existed)."""
    return core_member_label(row.member, (r.member for r in rows))


def status_text(status: AttendanceStatus | None) -> Content:
    if status is None:
        return Content.styled(tr("attendance.unmarked"), "$text-muted")
    return Content.styled(tr(f"attendance.{status.value}"), STATUS_STYLE[status])


class AttendanceScreen(StudyScreen[None]):
    """The roster in roster order; c, p, v mark the highlighted member and move
    on; g writes a note (right after a mark: for the member just marked); a
    adds a member on the spot; Enter goes to the test."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "mark('present')", "key.present", id="attendance.present"),
        Binding("p", "mark('excused')", "key.excused", id="attendance.excused"),
        Binding("v", "mark('absent')", "key.absent", id="attendance.absent"),
        Binding("g", "note", "key.note", id="attendance.note"),
        Binding("a", "add_member", "key.add_member", id="attendance.add"),
        Binding("enter", "done", "key.to_turns", priority=True, id="attendance.done"),
        Binding("escape", "back", "key.back", id="attendance.back"),
    ]

    def __init__(self, report: SessionReport) -> None:
        super().__init__()
        self.report = report
        self._just_marked: tuple[str, str] | None = None
        """The member just marked, and the one the cursor moved on to."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="attendance-body"):
            yield Static(id="attendance-counts")
            yield OptionList(id="attendance-list")
            yield Static(Content(tr("attendance.hint")), id="attendance-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("attendance.title", cell=self.report.cell.name)
        self.show(self.report)
        self.query_one(OptionList).focus()

    def show(self, report: SessionReport, highlight: str | None = None) -> None:
        """Show a fresh report, keeping the cursor on the member `highlight`."""
        self.report = report
        rows = report.rows
        counts = self.query_one("#attendance-counts", Static)
        if not rows:
            counts.update(Content.styled(tr("attendance.empty"), "$text-warning"))
        else:
            counts.update(Content(tr(
                "attendance.counts", present=report.count(AttendanceStatus.PRESENT),
                total=len(rows), excused=report.count(AttendanceStatus.EXCUSED),
                absent=report.count(AttendanceStatus.ABSENT),
                unmarked=sum(1 for row in rows if row.attendance is None))))
        options = []
        for row in rows:
            label = member_label(row, rows)
            parts = [Content(label.ljust(NAME_WIDTH)), status_text(row.attendance)]
            if row.note:
                parts.append(Content.styled(f" · {row.note}", "$text-muted"))
            options.append(Option(Content.assemble(*parts), id=row.member.id))
        listing = self.query_one(OptionList)
        current = highlight or (listing.highlighted_option.id
                                if listing.highlighted_option else None)
        listing.set_options(options)
        ids = [row.member.id for row in rows]
        listing.highlighted = ids.index(current) if current in ids else (0 if ids else None)

    @property
    def current(self) -> MemberRow | None:
        option = self.query_one(OptionList).highlighted_option
        if option is None:
            return None
        return next((row for row in self.report.rows if row.member.id == option.id), None)

    def action_mark(self, status: str) -> None:
        row = self.current
        if row is None:
            return
        following = self._next_id(row.member.id)
        if (row.counted is not None or row.in_progress is not None) and \
                row.attendance is not AttendanceStatus(status):
            # The member took the test: the secretary's decision, said what it does.
            self.study_app.sessions.mark_tested(self, row, AttendanceStatus(status))
            return
        self.study_app.sessions.mark(self, row.member.id, AttendanceStatus(status),
                                       row.note, highlight=following)
        # The cursor moved on by itself: a note asked now (“p” then “g”: the
        # reason for being excused) is for the member just marked.
        self._just_marked = (row.member.id, following) if following != row.member.id else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # The secretary moved the cursor: `g` is for the highlighted member again.
        if self._just_marked is not None and event.option.id != self._just_marked[1]:
            self._just_marked = None

    @property
    def note_row(self) -> MemberRow | None:
        """Whose note `g` writes: the member just marked, while the cursor
        stays where marking moved it; otherwise the highlighted member."""
        current = self.current
        if self._just_marked is not None and current is not None and \
                current.member.id == self._just_marked[1]:
            marked = self._just_marked[0]
            return next((row for row in self.report.rows if row.member.id == marked), current)
        return current

    def _next_id(self, member_id: str) -> str:
        ids = [row.member.id for row in self.report.rows]
        index = ids.index(member_id)
        return ids[min(index + 1, len(ids) - 1)]

    def action_note(self) -> None:
        row = self.note_row
        if row is not None:
            self.study_app.sessions.ask_note(self, row)

    def action_add_member(self) -> None:
        self.study_app.sessions.add_member(self)

    def action_done(self) -> None:
        self.study_app.sessions.attendance_done(self)

    def action_back(self) -> None:
        self.dismiss()
