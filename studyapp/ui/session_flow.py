"""The cell meeting, screen to screen: open it, take attendance, turns, summary, close.

The screens show and ask; this flow calls the store and decides what comes
next. It belongs to the app (`app.sessions`), which owns the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from studyapp.errors import StudyappError
from studyapp.i18n import format_count, set_language, tr
from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice
from studyapp.ui.modals.form import FormDialog, FormField, FormValues, member_note_field
from studyapp.ui.pin_gate import PinGate, PinHold

if TYPE_CHECKING:
    from textual.screen import Screen

    from studyapp.store.live import RecordedQuiz
    from studyapp.store.models import AttendanceStatus, Cell, Member, StudySession
    from studyapp.store.report import MemberRow, SessionReport
    from studyapp.ui.app import StudyApp
    from studyapp.ui.screens.attendance import AttendanceScreen
    from studyapp.ui.screens.sessions import SessionsScreen
    from studyapp.ui.screens.summary import SummaryScreen
    from studyapp.ui.screens.turns import TurnsScreen

MEETING_KEY = "meeting.turns"
"""The `meta` key of the session whose turns screen is up on this laptop
(empty once the secretary has left it): a restart returns to it."""

MEETING_IDLE_SECONDS = 300.0
"""No key for this long and the meeting's PIN is forgotten: half the roster's
time, as this laptop stands in front of the members between the secretary's keys."""

AFTER_PIN_DIALOGS = frozenset({"retake-dialog", "tested-dialog", "close-dialog", "papers-path",
                               "phone-start"})
"""The meeting's dialogs opened once the PIN is given: the idle time closes them too,
as what they would do needs the PIN again."""


def meeting_side(screen: Screen[Any]) -> bool:
    """The secretary's screens of a meeting (the turns and what opens over
    them), on which the PIN, once given, stays held. A member's test, the
    handover and anything else end the sitting."""
    from studyapp.ui.screens.attendance import AttendanceScreen  # noqa: PLC0415
    from studyapp.ui.screens.history import HistoryScreen  # noqa: PLC0415
    from studyapp.ui.screens.paper_entry import (  # noqa: PLC0415
        PaperEntryScreen,
        PaperPickScreen,
        PaperReviewScreen,
    )
    from studyapp.ui.screens.phone_round import PhoneRoundScreen  # noqa: PLC0415
    from studyapp.ui.screens.summary import SummaryScreen  # noqa: PLC0415
    from studyapp.ui.screens.turns import TurnsScreen  # noqa: PLC0415

    if not any(isinstance(under, TurnsScreen) for under in screen.app.screen_stack):
        return False  # a summary from the sessions list: not a meeting on this laptop
    return isinstance(screen, TurnsScreen | SummaryScreen | AttendanceScreen |
                      PaperPickScreen | PaperEntryScreen | PaperReviewScreen |
                      PhoneRoundScreen | HistoryScreen)


@dataclass(frozen=True)
class InterruptedTurn:
    """A member's session test left unfinished (a crash, a dead battery)."""

    session: StudySession
    member: Member
    attempt_id: str


class SessionFlow:
    """What the secretary and the members do during a cell meeting."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app
        self.pins = PinGate(app)
        self.meeting_pin = PinHold(self.pins, name="meeting", idle_seconds=MEETING_IDLE_SECONDS,
                                   on_side=meeting_side, on_change=self._meeting_pin_changed)
        """The PIN held on the meeting's screens: given once for the retake, the
        papers, the summary and the close, until a member's turn, leaving the
        turns screen or the idle time."""

    @property
    def store(self) -> Any:
        return self.app.store

    def _report(self, session_id: str) -> SessionReport:
        from studyapp.store.report import session_report  # noqa: PLC0415

        return session_report(self.store, self.app.catalog, session_id)

    def _report_or_say(self, session_id: str) -> SessionReport | None:
        """The session's report, or None once the reason it cannot be read is shown."""
        try:
            return self._report(session_id)
        except StudyappError as error:
            self._failed(error)
            return None

    def _failed(self, error: StudyappError) -> None:
        self.app.notify(error.message, severity="error", markup=False, timeout=8)

    # --- the sessions of a cell ------------------------------------------------------------

    def start(self) -> None:
        """From the home screen: the cell (asked when there are several, or
        none yet), then its sessions."""
        app = self.app
        if not app.usable_store() or app.quizzes.quiz_in_progress():
            return
        try:
            cells = self.store.cells()
        except StudyappError as error:
            self._failed(error)
            return
        if len(cells) == 1:
            self.show_sessions(cells[0])
            return
        if not cells:
            self._ask_new_cell()
            return
        choices = [DialogChoice(cell.id, cell.name) for cell in cells]
        choices.append(DialogChoice("+new", tr("sessions.new_cell"),
                                    tr("sessions.new_cell_detail")))

        def chosen(choice: str | None) -> None:
            if choice == "+new":
                self._ask_new_cell()
            elif choice is not None:
                self.show_sessions(next(cell for cell in cells if cell.id == choice))

        app.push_screen(ChoiceDialog(tr("sessions.choose_cell"), tr("sessions.choose_cell_text"),
                                     choices, dialog_id="cell-dialog"), chosen)

    def _ask_new_cell(self) -> None:
        created: list[Cell] = []

        def check(values: FormValues) -> str | None:
            try:
                created.append(self.store.ensure_cell(values["cell"]))
            except StudyappError as error:
                return error.message
            return None

        def done(values: FormValues | None) -> None:
            if values is not None and created:
                self.show_sessions(created[-1])

        self.app.push_screen(FormDialog(
            tr("sessions.new_cell"), tr("sessions.new_cell_text"),
            [FormField("cell", tr("learner.form.cell"), "", tr("learner.form.cell_hint"))],
            submit=tr("learner.form.submit"), check=check, dialog_id="new-cell-dialog"), done)

    def show_sessions(self, cell: Cell) -> None:
        from studyapp.store.report import session_overviews  # noqa: PLC0415
        from studyapp.ui.screens.sessions import SessionsScreen  # noqa: PLC0415

        try:
            overviews = session_overviews(self.store, cell.id)
        except StudyappError as error:
            self._failed(error)
            return
        self.app.push_screen(SessionsScreen(cell, overviews))

    def refresh_sessions(self, screen: SessionsScreen) -> None:
        from studyapp.store.report import session_overviews  # noqa: PLC0415

        try:
            screen.show(session_overviews(self.store, screen.cell.id))
        except StudyappError as error:
            self._failed(error)

    def new_session(self, cell: Cell) -> None:
        from studyapp.ui.screens.sessions import OpenSessionScreen  # noqa: PLC0415

        app = self.app
        pack = app.catalog.packs[0] if app.catalog.packs else None
        # Whoever ran the cell's last session most likely runs this one too.
        previous = self.store.sessions(cell.id)
        learner = app.learner
        run_by = next((s.run_by for s in previous if s.run_by), None) or (
            learner.name if learner is not None and not learner.is_guest else "")
        app.push_screen(OpenSessionScreen(cell, app.clock().astimezone().date(),
                                          pack.title if pack else "", run_by),
                        lambda values: self._open_new(cell, values))

    def _open_new(self, cell: Cell, values: dict[str, Any] | None) -> None:
        from studyapp.quiz.selection import new_seed  # noqa: PLC0415

        if values is None:
            return
        app = self.app
        pack_id = app.catalog.packs[0].id if app.catalog.packs else ""
        try:
            if values.get("pin"):
                self.store.set_pin(cell.id, values["pin"])
                app.notify(tr("open_session.pin_set"), markup=False)
            session = self.store.open_session(
                cell.id, values["held_on"], topic=values["topic"], pack_id=pack_id,
                lessons=values["lessons"], settings=values["settings"].to_data(),
                seed=new_seed(), run_by=values["run_by"] or None)
        except StudyappError as error:
            self._failed(error)
            return
        self.edit_attendance(session.id)

    def open_session(self, session_id: str) -> None:
        """An open session goes on (attendance first if none was taken); a
        closed one shows its summary."""
        from studyapp.ui.screens.turns import TurnsScreen  # noqa: PLC0415

        report = self._report_or_say(session_id)
        if report is None:
            return
        if report.session.closed:
            self.open_summary(session_id)
        elif all(row.attendance is None for row in report.rows):
            self.edit_attendance(session_id)
        else:
            self.app.push_screen(TurnsScreen(report))

    # --- attendance -------------------------------------------------------------------------

    def edit_attendance(self, session_id: str) -> None:
        from studyapp.ui.screens.attendance import AttendanceScreen  # noqa: PLC0415

        report = self._report_or_say(session_id)
        if report is None:
            return
        if report.session.closed:
            self.app.notify(tr("store.session_closed"), severity="warning", markup=False)
            return
        self.app.push_screen(AttendanceScreen(report))

    def mark(self, screen: AttendanceScreen, member_id: str, status: AttendanceStatus,
             note: str = "", *, highlight: str | None = None) -> None:
        session_id = screen.report.session.id
        try:
            self.store.set_attendance(session_id, member_id, status, note)
            screen.show(self._report(session_id), highlight)
        except StudyappError as error:
            self._failed(error)

    def mark_tested(self, screen: AttendanceScreen, row: MemberRow,
                    status: AttendanceStatus) -> None:
        """A new mark for a member who took the test: the PIN (when set), then
        what it does to the result, then the mark."""
        from studyapp.ui.screens.attendance import member_label  # noqa: PLC0415

        label = member_label(row, screen.report.rows)
        going = row.in_progress is not None and row.counted is None
        text = tr("attendance.tested_going" if going else "attendance.tested_text", name=label,
                  status=tr(f"attendance.{status.value}").lower())

        def decided(choice: str | None) -> None:
            if choice == "change":
                self.mark(screen, row.member.id, status, row.note, highlight=row.member.id)

        def with_pin(_pin: str | None) -> None:
            self.app.push_screen(ChoiceDialog(
                tr("attendance.tested_title"), text,
                [DialogChoice("keep", tr("attendance.tested_keep"), key="q"),
                 DialogChoice("change", tr("attendance.tested_change",
                                           status=tr(f"attendance.{status.value}").lower()),
                              key="d")],
                on_escape="keep", dialog_id="tested-dialog"), decided)

        self.ask_pin(screen.report.cell.id, with_pin)

    def ask_note(self, screen: AttendanceScreen, row: MemberRow) -> None:
        from studyapp.ui.screens.attendance import (  # noqa: PLC0415
            member_label as attendance_label,
        )

        if row.attendance is None:
            self.app.notify(tr("attendance.mark_first"), severity="warning", markup=False)
            return
        status = row.attendance

        def done(values: FormValues | None) -> None:
            if values is not None:
                # The cursor stays where it is (after “p”, “g”: on the next member).
                current = screen.current
                self.mark(screen, row.member.id, status, values["note"],
                          highlight=current.member.id if current else row.member.id)

        self.app.push_screen(FormDialog(
            tr("attendance.note_title", name=attendance_label(row, screen.report.rows)), "",
            [FormField("note", tr("attendance.note_label"), row.note,
                       tr("attendance.note_hint"))],
            submit=tr("learner.form.submit"), check=lambda values: None,
            dialog_id="note-dialog"), done)

    def add_member(self, screen: AttendanceScreen) -> None:
        """Add a member on the spot (the PIN when the cell has one); they are
        marked present. A name already on the roster is another person only
        with a note that tells them apart: the form then asks for it."""
        from studyapp.store.models import AttendanceStatus  # noqa: PLC0415 - not at start
        from studyapp.store.store import DuplicateMemberError  # noqa: PLC0415 - sqlite3

        cell = screen.report.cell
        added: list[Member] = []

        def check(values: FormValues) -> str | None:
            try:
                added.append(self.store.add_member(cell.id, values["name"],
                                                   note=values.get("note", ""),
                                                   pin=values.get("pin") or None))
            except DuplicateMemberError as error:
                dialog.reveal("note")
                return error.message
            except StudyappError as error:
                return error.message
            return None

        def done(values: FormValues | None) -> None:
            if values is not None and added:
                self.mark(screen, added[-1].id, AttendanceStatus.PRESENT,
                          highlight=added[-1].id)

        fields = [FormField("name", tr("learner.form.name"), "", tr("learner.form.name_hint")),
                  member_note_field()]
        if cell.has_pin:
            fields.append(FormField("pin", tr("learner.form.pin"), password=True, max_length=32))
        dialog = FormDialog(
            tr("attendance.add_title"), tr("attendance.add_text", cell=cell.name), fields,
            submit=tr("learner.form.submit"), check=check, dialog_id="add-member-dialog")
        self.app.push_screen(dialog, done)

    def attendance_done(self, screen: AttendanceScreen) -> None:
        """On to the test. Anyone not marked is recorded absent (after asking)."""
        from studyapp.store.models import AttendanceStatus  # noqa: PLC0415 - not at start

        report = screen.report
        unmarked = [row for row in report.rows if row.attendance is None]
        if unmarked:
            def decided(choice: str | None) -> None:
                if choice == "absent":
                    try:
                        for row in unmarked:
                            self.store.set_attendance(report.session.id, row.member.id,
                                                      AttendanceStatus.ABSENT)
                        fresh = self._report(report.session.id)
                    except StudyappError as error:
                        self._failed(error)
                        return
                    # The screen's report still has them unmarked: asked again
                    # from it, the same dialog would open a second time.
                    screen.show(fresh)
                    self.attendance_done(screen)

            self.app.push_screen(ChoiceDialog(
                tr("attendance.unmarked_title"),
                tr("attendance.unmarked_text", count=len(unmarked)),
                [DialogChoice("absent", tr("attendance.mark_absent"), key="v"),
                 DialogChoice("back", tr("attendance.go_back"), key="q")],
                on_escape="back", dialog_id="unmarked-dialog"), decided)
            return
        report = self._report(report.session.id)
        if not any(row.present for row in report.rows):
            self.app.notify(tr("turns.nobody"), severity="warning", markup=False)
            return
        from studyapp.ui.screens.turns import TurnsScreen  # noqa: PLC0415

        stack = self.app.screen_stack
        if len(stack) >= 2 and isinstance(stack[-2], TurnsScreen):
            self.app.pop_screen()  # back to the turns it was opened from
        else:
            self.app.switch_screen(TurnsScreen(report))

    # --- turns ---------------------------------------------------------------------------------

    def refresh_turns(self, screen: TurnsScreen) -> None:
        report = self._report_or_say(screen.report.session.id)
        if report is None:
            return
        if report.session.closed:
            self.meeting_left()
            screen.dismiss()  # closed from its summary: no more turns
        else:
            screen.show(report)

    def ask_who(self, screen: TurnsScreen, row: MemberRow) -> None:
        """“Are you …?” before a member's test starts (or goes on)."""
        from studyapp.ui.screens.attendance import member_label  # noqa: PLC0415

        label = member_label(row, screen.report.rows)
        if row.counted is not None and row.in_progress is None:
            self.app.notify(tr("turns.already_done", name=label),
                            severity="warning", markup=False, timeout=6)
            return
        if row.member.id in self.app.phone_rounds.on_phones(screen.report.session.id):
            # Two places answering one paper would mix their answers.
            self.app.notify(tr("turns.taking_on_phone", name=label),
                            severity="warning", markup=False, timeout=8)
            return
        key = "turns.confirm_resume" if row.in_progress is not None else "turns.confirm_text"

        def decided(choice: str | None) -> None:
            if choice == "yes":
                self.take_turn(screen.report.session.id, row.member)

        self.app.push_screen(ChoiceDialog(
            tr("turns.confirm_title"), tr(key, name=label),
            [DialogChoice("yes", tr("turns.yes", name=label), key="c"),
             DialogChoice("no", tr("turns.no"), key="k")],
            on_escape="no", dialog_id="who-dialog"), decided)

    def allow_retake(self, screen: TurnsScreen, row: MemberRow) -> None:
        """A secretary's decision (the PIN when set): the member takes a new
        paper, recorded as a retake of the test they finished."""
        from studyapp.ui.screens.attendance import member_label  # noqa: PLC0415

        counted = row.counted
        if counted is None:
            self.app.notify(tr("turns.retake_not_done"), severity="warning", markup=False)
            return
        if row.in_progress is not None:
            self.ask_who(screen, row)
            return

        def confirmed(choice: str | None) -> None:
            if choice == "yes":
                self.take_turn(screen.report.session.id, row.member, retake_of=counted.id,
                               retake=row.finished)

        def with_pin(_pin: str | None) -> None:
            self.app.push_screen(ChoiceDialog(
                tr("turns.retake_title"), tr("turns.retake_text",
                                               name=member_label(row, screen.report.rows)),
                [DialogChoice("yes", tr("turns.retake_yes"), key="c"),
                 DialogChoice("no", tr("turns.no_retake"), key="k")],
                on_escape="no", dialog_id="retake-dialog"), confirmed)

        self.ask_pin(screen.report.cell.id, with_pin)

    def take_turn(self, session_id: str, member: Member, *, retake_of: str | None = None,
                  retake: int = 0) -> None:
        from studyapp.quiz.plan import SessionSettings, session_paper  # noqa: PLC0415
        from studyapp.quiz.session import Mode  # noqa: PLC0415
        from studyapp.store.live import RecordedQuiz  # noqa: PLC0415
        from studyapp.store.report import session_grading  # noqa: PLC0415
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415

        app = self.app
        # The laptop goes to a member: Esc out of the test must not find the PIN held.
        self.meeting_pin.drop()
        try:
            report = self._report(session_id)
            session = report.session
            row = report.row(member.id)
            if row.in_progress is not None and retake_of is None:
                quiz = RecordedQuiz.resume(self.store, row.in_progress.id, app.catalog,
                                           clock=app.clock)
            else:
                settings = SessionSettings.from_data(session.settings)
                paper = session_paper(app.catalog, session.lessons, settings, session.seed,
                                      member.id, retake=retake)
                quiz = RecordedQuiz.start(
                    self.store, paper, Mode.TEST, self.store.learner(member),
                    pack_id=session.pack_id, time_limit=settings.time_limit,
                    partial_credit=settings.partial_credit,
                    grading=session_grading(app.catalog, session), session_id=session.id,
                    retake_of=retake_of, clock=app.clock)
            language = app.language_of(self.store.member(member.id))
        except StudyappError as error:
            self._failed(error)
            return
        # The laptop is handed over: the member's own language, until the turns again.
        set_language(language)
        if quiz.finished:
            self._turn_finished(quiz)
            return
        app.push_screen(QuizScreen(quiz, on_finished=self._turn_finished,
                                   on_left=self._turn_left))

    def _turn_finished(self, quiz: RecordedQuiz) -> None:
        """The member's own result, in place of the test: its one key returns
        to the turns, and nothing of it stays behind."""
        from studyapp.i18n import format_duration  # noqa: PLC0415
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415
        from studyapp.ui.screens.turns import HandoverScreen, TurnsScreen  # noqa: PLC0415

        result = quiz.result()
        member_id = quiz.attempt.member_id
        from studyapp.store.models import member_label  # noqa: PLC0415 - not at start

        name = member_label(self.store.member(member_id)) if member_id else ""
        handover = HandoverScreen(name, result.score, format_duration(result.time_spent),
                                  result.expired)
        turns = next((screen for screen in reversed(self.app.screen_stack)
                      if isinstance(screen, TurnsScreen)), None)
        if turns is not None and member_id is not None:
            turns.turn_finished(member_id)
        if isinstance(self.app.screen, QuizScreen):
            self.app.switch_screen(handover)
        else:
            self.app.push_screen(handover)

    def _turn_left(self) -> None:
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415
        from studyapp.ui.screens.turns import TurnsScreen  # noqa: PLC0415

        if isinstance(self.app.screen, QuizScreen):
            self.app.pop_screen()
        turns = next((screen for screen in reversed(self.app.screen_stack)
                      if isinstance(screen, TurnsScreen)), None)
        if turns is not None:
            set_language(turns.language)  # said to the secretary, in the turns' language
        self.app.notify(tr("turns.left"), markup=False, timeout=6)

    # --- the meeting on this laptop -----------------------------------------------------------

    def meeting_on(self) -> bool:
        """Whether a session's turns are up (under whatever is shown): members
        take the laptop in turns, so nothing may change the learner or show results."""
        from studyapp.ui.screens.turns import TurnsScreen  # noqa: PLC0415

        return any(isinstance(screen, TurnsScreen) for screen in self.app.screen_stack)

    def meeting_shown(self, session_id: str) -> None:
        """The turns screen is up: a restart comes back to it."""
        try:
            self.store.set_meta_value(MEETING_KEY, session_id)
        except StudyappError as error:
            self._failed(error)

    def meeting_left(self) -> None:
        """The secretary left the turns (with the PIN) or closed the session."""
        try:
            self.store.set_meta_value(MEETING_KEY, "")
        except StudyappError as error:
            self._failed(error)

    def restore_meeting(self) -> bool:
        """At start: the turns screen of the session that was up when the
        program stopped, if it is still open (leaving it needs the PIN)."""
        from studyapp.ui.screens.turns import TurnsScreen  # noqa: PLC0415

        if self.app.store_problem is not None or self.meeting_on():
            return self.meeting_on()
        try:
            session_id = self.store.meta_value(MEETING_KEY)
            report = self._report(session_id) if session_id else None
        except StudyappError:
            report = None  # the session is gone: nothing to come back to
        if report is None or report.session.closed:
            if report is not None:
                self.meeting_left()
            return False
        self.app.push_screen(TurnsScreen(report))
        return True

    def interrupted_turns(self) -> list[InterruptedTurn]:
        """The session tests left unfinished in sessions still open, oldest first."""
        turns = []
        for attempt in self.store.unfinished_attempts():
            if attempt.session_id is None or attempt.member_id is None:
                continue
            session = self.store.session(attempt.session_id)
            if not session.closed:
                turns.append(InterruptedTurn(session, self.store.member(attempt.member_id),
                                             attempt.id))
        return turns

    def resume_turn(self, turn: InterruptedTurn) -> None:
        """From the home screen: the session's turns, then “are you …?”."""
        from studyapp.ui.screens.turns import TurnsScreen  # noqa: PLC0415

        report = self._report_or_say(turn.session.id)
        if report is None:
            return
        if not self.meeting_on():
            self.app.push_screen(TurnsScreen(report))
        screen = next(s for s in reversed(self.app.screen_stack) if isinstance(s, TurnsScreen))
        row = next((r for r in report.rows if r.member.id == turn.member.id), None)
        if row is not None and row.in_progress is not None:
            self.app.call_later(self.ask_who, screen, row)

    def session_of_quiz(self) -> StudySession | None:
        """The session of the test being taken on screen, if it is a session's."""
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, QuizScreen):
                session_id = screen.quiz.attempt.session_id
                if session_id is None:
                    return None
                try:
                    return self.store.session(session_id)  # type: ignore[no-any-return]
                except StudyappError:
                    return None
        return None

    # --- the secretary ------------------------------------------------------------------------

    def open_summary(self, session_id: str) -> None:
        from studyapp.ui.screens.summary import SummaryScreen  # noqa: PLC0415

        report = self._report_or_say(session_id)
        if report is None:
            return

        def show(_pin: str | None) -> None:
            self.app.push_screen(SummaryScreen(report))

        self.ask_pin(report.cell.id, show)

    def close_session(self, screen: SummaryScreen) -> None:
        """After the PIN and a confirmation: read-only for good."""
        from studyapp.ui.screens.summary import SummaryScreen  # noqa: PLC0415

        report = screen.report
        waiting = sum(1 for row in report.rows if row.present and row.counted is None)

        def confirmed(pin: str | None, choice: str | None) -> None:
            if choice != "close":
                return
            try:
                self.store.close_session(report.session.id, pin=pin)
                fresh = self._report(report.session.id)
            except StudyappError as error:
                self._failed(error)
                return
            self.app.switch_screen(SummaryScreen(fresh))
            self.app.notify(tr("summary.closed_notice"), markup=False, timeout=6)

        def with_pin(pin: str | None) -> None:
            text = tr("summary.close_text")
            if waiting:
                text = f"{tr('summary.close_waiting', count=waiting)} {text}"
            self.app.push_screen(ChoiceDialog(
                tr("summary.close_title"), text,
                [DialogChoice("keep", tr("summary.keep_open"), key="q"),
                 DialogChoice("close", tr("summary.close_confirm"), key="d")],
                on_escape="keep", dialog_id="close-dialog"),
                lambda choice: confirmed(pin, choice))

        self.ask_pin(report.cell.id, with_pin)

    def member_history(self, member: Member) -> None:
        from studyapp.ui.screens.history import HistoryScreen  # noqa: PLC0415

        try:
            attempts = [a for a in self.store.attempts(member_id=member.id)
                        if a.session_id is not None]
            learner = self.store.learner(member)
        except StudyappError as error:
            self._failed(error)
            return
        self.app.push_screen(HistoryScreen(learner, attempts))

    def ask_pin(self, cell_id: str, then: Callable[[str | None], None]) -> None:
        """Run `then` with the cell's PIN once given right (`pin_gate.py`): on the
        meeting's screens, given once and then held (`meeting_pin`); elsewhere
        (a member's test, the sessions list) asked each time."""
        if self.meeting_pin.on_side_now():
            self.meeting_pin.with_pin(cell_id, then)
        else:
            self.pins.ask(cell_id, then)

    def _meeting_pin_changed(self, idle: bool) -> None:
        if idle:
            from textual.screen import ModalScreen  # noqa: PLC0415

            screen = self.app.screen
            if isinstance(screen, ModalScreen) and screen.id in AFTER_PIN_DIALOGS:
                screen.dismiss(None)
            minutes = max(1, round(self.meeting_pin.idle_seconds / 60))
            self.app.notify(tr("meeting.locked_idle", minutes=format_count(minutes)),
                            markup=False)
