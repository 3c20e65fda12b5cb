"""Members take the test in turns on one laptop; each sees only their own result.

The turns screen shows who has finished, who is taking the test and who is
still to go: no scores. After a test the member sees their result on the
handover screen; its one key goes back to the turns screen, and nothing of
that result (or of the answers) stays anywhere behind it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from studyapp.i18n import current_language, set_language, tr
from studyapp.quiz.scoring import Score
from studyapp.store.report import MemberRow, SessionReport
from studyapp.ui.screens.attendance import NAME_WIDTH, member_label
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.screens.results import score_line
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar


def turn_state(row: MemberRow, *, on_phone: bool = False) -> Content:
    """Where the member is with the test (never how they did)."""
    if on_phone and row.counted is None:
        return Content.styled(tr("turns.on_phone"), "bold $text-accent")
    if row.in_progress is not None:
        return Content.styled(tr("turns.in_progress"), "bold $text-warning")
    if row.counted is not None:
        # A retake is not shown here: it would tell the room who failed.
        return Content.styled(tr("turns.done"), "bold $text-success")
    return Content.styled(tr("turns.to_go"), "$text-muted")


class TurnsScreen(StudyScreen[None]):
    """Present members; Enter on your name (then confirm it) starts your test."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "take", "key.take_test", id="turns.take"),
        Binding("r", "retake", "key.retake", id="turns.retake"),
        Binding("t", "summary", "key.summary", id="turns.summary"),
        Binding("e", "attendance", "key.edit_attendance", id="turns.attendance"),
        Binding("n", "enter_papers", "key.enter_papers", id="turns.enter_papers"),
        Binding("i", "print_papers", "key.print_papers", id="turns.print_papers"),
        Binding("d", "phone_round", "key.phone_round", id="turns.phone_round"),
        Binding("escape", "back", "key.back", id="turns.back"),
    ]

    def __init__(self, report: SessionReport) -> None:
        super().__init__()
        self.report = report
        self.language = current_language()
        """The language it is built in: the laptop speaks it again after each turn."""
        self._finished: str | None = None
        """The member whose turn just ended: the list moves on from them once shown again."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="turns-body"):
            yield Static(id="turns-counts")
            yield Static(id="turns-phones")
            yield OptionList(id="turns-list")
            yield Static(Content(tr("turns.hint")), id="turns-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("turns.title", cell=self.report.cell.name)
        self.show(self.report)
        self.query_one(OptionList).focus()
        self.study_app.sessions.meeting_shown(self.report.session.id)

    def on_screen_suspend(self) -> None:
        # Another screen on top: unless it is one of the secretary's (the
        # summary, the papers, a dialog), the PIN held for the meeting goes.
        self.call_after_refresh(self.study_app.sessions.meeting_pin.check_side)

    def on_unmount(self) -> None:
        self.study_app.sessions.meeting_pin.drop()  # the secretary left the meeting

    def on_screen_resume(self) -> None:
        # Back from a test or a handover: the member's language is left
        # behind with them (unless a turn began meanwhile, from a dialog
        # closed over this screen), and the states are read again.
        if self.app.screen is self:
            set_language(self.language)
        self.study_app.sessions.refresh_turns(self)

    @property
    def present(self) -> list[MemberRow]:
        return [row for row in self.report.rows if row.present]

    def show(self, report: SessionReport) -> None:
        self.report = report
        rows = self.present
        done = sum(1 for row in rows if row.counted is not None and row.in_progress is None)
        going = sum(1 for row in rows if row.in_progress is not None)
        phones = self.study_app.phone_rounds.status(report.session.id)
        phones_in = self.study_app.phone_rounds.on_phones(report.session.id)
        line = self.query_one("#turns-phones", Static)
        line.display = phones is not None
        line.update(Content(phones or ""))
        counts = Content(tr("turns.counts", done=done, present=len(rows), going=going,
                            to_go=len(rows) - done - going))
        cut_short = [row for row in rows
                     if row.in_progress is not None and row.member.id not in phones_in]
        if cut_short:  # a crash, or left with the PIN: who goes on first
            counts = Content("\n").join([counts, Content.styled(tr(
                "turns.interrupted", name=member_label(cut_short[0], report.rows)),
                "bold $text-warning")])
        self.query_one("#turns-counts", Static).update(counts)
        listing = self.query_one(OptionList)
        current = listing.highlighted_option.id if listing.highlighted_option else None
        listing.set_options([
            Option(Content.assemble(Content(member_label(row, report.rows).ljust(NAME_WIDTH)),
                                    turn_state(row, on_phone=row.member.id in phones_in)),
                   id=row.member.id)
            for row in rows])
        ids = [row.member.id for row in rows]
        finished, self._finished = self._finished, None
        if finished in ids:
            # On to the next still to be tested, in list order (wrapping round);
            # on the one who finished if nobody is left.
            start = ids.index(finished) + 1
            to_go = [row.member.id for row in rows[start:] + rows[:start]
                     if row.counted is None and row.member.id not in phones_in]
            listing.highlighted = ids.index(to_go[0] if to_go else finished)
        elif current in ids:
            listing.highlighted = ids.index(current)
        else:  # the first whose test was cut short, or else the first still to go
            waiting = [i for i, row in enumerate(rows) if row.in_progress is not None] or \
                [i for i, row in enumerate(rows) if row.counted is None]
            listing.highlighted = waiting[0] if waiting else (0 if ids else None)

    def turn_finished(self, member_id: str) -> None:
        """`member_id` has just finished a turn: once the list is shown again,
        its cursor is on the next member still to be tested."""
        self._finished = member_id

    @property
    def current(self) -> MemberRow | None:
        option = self.query_one(OptionList).highlighted_option
        if option is None:
            return None
        return next((row for row in self.present if row.member.id == option.id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_take()

    def action_take(self) -> None:
        row = self.current
        if row is not None:
            self.study_app.sessions.ask_who(self, row)

    def action_retake(self) -> None:
        row = self.current
        if row is not None:
            self.study_app.sessions.allow_retake(self, row)

    def action_summary(self) -> None:
        self.study_app.sessions.open_summary(self.report.session.id)

    def action_attendance(self) -> None:
        # A secretary's key: the next member must not mark the previous one
        # absent (her test would no longer count), so the PIN, when set.
        def edit(_pin: str | None) -> None:
            self.study_app.sessions.edit_attendance(self.report.session.id)

        self.study_app.sessions.ask_pin(self.report.cell.id, edit)

    def action_enter_papers(self) -> None:
        self.study_app.papers.open(self)

    def action_print_papers(self) -> None:
        self.study_app.papers.print_papers(self)

    def action_phone_round(self) -> None:
        self.study_app.phone_rounds.open(self)

    def action_back(self) -> None:
        # Beyond this list lie every member's results: the PIN, when set, guards the way.
        def leave(_pin: str | None) -> None:
            self.study_app.sessions.meeting_left()
            self.dismiss()

        self.study_app.sessions.ask_pin(self.report.cell.id, leave)


class HandoverScreen(StudyScreen[None]):
    """The member's own result; Enter hands the laptop on (and it is gone)."""

    DEFAULT_CSS = stylesheet(__file__, "handover.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "hand_on", "key.hand_on", id="handover.next"),
    ]

    def __init__(self, name: str, score: Score, spent: str, expired: bool) -> None:
        super().__init__()
        self._name = name
        self._score = score
        self._spent = spent
        self._expired = expired

    def compose(self) -> ComposeResult:
        lines = [Content.styled(tr("handover.done", name=self._name), "bold"), Content(""),
                 score_line(self._score), Content(tr("results.time", duration=self._spent))]
        if self._expired:
            lines.append(Content.styled(tr("results.expired"), "$text-warning"))
        lines += [Content(""), Content(tr("handover.note")), Content(""),
                  Content.styled(tr("handover.next"), "bold $text-accent")]
        yield TitleBar()
        with Vertical(id="handover-box"):
            yield Static(Content("\n").join(lines), id="handover-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("handover.title")

    def action_hand_on(self) -> None:
        self.dismiss()

