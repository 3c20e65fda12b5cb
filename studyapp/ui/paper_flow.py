"""Papers answered on paper: print them, then the secretary enters each one (docs/paper-entry.md).

The screens (`screens/paper_entry.py`) show and ask; this flow reads and
writes through `store/papers.py` and `quiz/entry.py` and decides what comes
next. Each question's answer is typed on its own line; the flow joins the
lines into one entry in the compact syntax (`1:B 2:AC 3:Đ 4:"kiên định"`),
which is what the store reads, grades and keeps as the text entered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.errors import StudyappError
from studyapp.i18n import format_decimal, tr
from studyapp.text import normalize_line
from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice
from studyapp.ui.modals.form import FormDialog, FormField, FormValues

if TYPE_CHECKING:
    from studyapp.quiz.selection import PaperItem
    from studyapp.store.papers import CheckedEntry, MemberPaper
    from studyapp.ui.app import StudyApp
    from studyapp.ui.screens.paper_entry import PaperEntryScreen, PaperPickScreen
    from studyapp.ui.screens.turns import TurnsScreen

ONE_CHARACTER = frozenset({"single", "truefalse"})
"""Lines whose answer is one character: typing it moves on to the next line."""
GROUPED = frozenset({"match"})
"""Answers that may hold spaces (`1b 2a 3c`): sent in brackets."""
TEXT_KINDS = frozenset({"fill", "number"})
"""Answers sent in quotes (text may hold spaces, a number may start with a digit)."""


@dataclass(frozen=True)
class PaperChoice:
    """A present member in the list of papers to enter."""

    member_id: str
    label: str
    code: str
    state: str
    """`todo`, `entered` (on paper, can be corrected) or `other` (took it another way)."""


@dataclass(frozen=True)
class EntryLine:
    """One question's line on the entry screen."""

    number: int
    kind: str
    label: str
    """The type in words, with the letters it takes (`1 lựa chọn A–D`)."""
    value: str
    """What the line holds when the screen opens (a correction: the entry before)."""

    @property
    def one_character(self) -> bool:
        return self.kind in ONE_CHARACTER

    @property
    def letters(self) -> bool:
        """Answered in letters (shown in capitals), not in typed text."""
        return self.kind not in TEXT_KINDS


@dataclass(frozen=True)
class Review:
    """The whole paper as read, before it is saved."""

    label: str
    code: str
    lines: tuple[str, ...]
    summary: str
    correction: bool
    text: str
    """The entry in the compact syntax: what is saved."""


@dataclass(frozen=True)
class Problems:
    """What stops the entry: by question number (1-based), and for the whole."""

    by_line: dict[int, str]
    general: tuple[str, ...]


class PaperFlow:
    """`app.papers`: print a session's papers, enter and correct them."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app

    @property
    def store(self) -> Any:
        return self.app.store

    def _failed(self, error: StudyappError) -> None:
        self.app.notify(error.message, severity="error", markup=False, timeout=10)

    # --- from the turns screen --------------------------------------------------------------

    def open(self, turns: TurnsScreen) -> None:
        """The secretary's entry of papers (after the PIN, when the cell has one)."""
        from studyapp.ui.screens.paper_entry import PaperPickScreen  # noqa: PLC0415

        report = turns.report
        session_id = report.session.id

        def with_pin(_pin: str | None) -> None:
            choices = self._choices_or_say(session_id)
            if choices is not None:
                self.app.push_screen(PaperPickScreen(session_id, report.cell.name, choices))

        self.app.sessions.ask_pin(report.cell.id, with_pin)

    def print_papers(self, turns: TurnsScreen) -> None:
        """Each present member's paper in one HTML file for A4, in the exports folder."""
        from studyapp.export.files import export_folder, target_problem  # noqa: PLC0415
        from studyapp.export.run import slug  # noqa: PLC0415

        report = turns.report
        session = report.session
        name = f"{tr('papers.file_prefix')}-{slug(report.cell.name)}-" \
               f"{session.held_on.isoformat()}.html"

        def check(values: FormValues) -> str | None:
            text = values["path"].strip()
            if not text:
                return tr("export.no_path")
            # An existing file is asked about next; a link, a folder or a device never.
            return target_problem(Path(text).expanduser().absolute(), force=True)

        def given(values: FormValues | None) -> None:
            if values is None:
                return
            path = Path(values["path"].strip()).expanduser()
            if not path.suffix:
                path = path.with_suffix(".html")
            if not path.exists():
                self._print(session.id, path, force=False)
                return
            choices = [DialogChoice("overwrite", tr("export.overwrite"), key="o"),
                       DialogChoice("keep", tr("export.keep"), key="k")]

            def answered(choice: str | None) -> None:
                if choice == "overwrite":
                    self._print(session.id, path, force=True)

            self.app.push_screen(ChoiceDialog(tr("papers.print_title"),
                                              tr("export.exists", path=str(path)), choices,
                                              dialog_id="papers-overwrite"), answered)

        def with_pin(_pin: str | None) -> None:
            self.app.push_screen(FormDialog(
                tr("papers.print_title"), tr("papers.print_message"),
                [FormField("path", tr("export.path_label"), str(export_folder() / name),
                           max_length=1000)],
                submit=tr("papers.print_submit"), check=check, dialog_id="papers-path"), given)

        self.app.sessions.ask_pin(report.cell.id, with_pin)

    def _print(self, session_id: str, path: Path, *, force: bool) -> None:
        self.app.run_worker(partial(self._write_papers, session_id, path, force), thread=True,
                            group="papers", exit_on_error=False)

    def _write_papers(self, session_id: str, path: Path, force: bool = False) -> None:
        """Away from the screen: drawing every member's paper and writing it."""
        from studyapp.export.files import write_atomically  # noqa: PLC0415
        from studyapp.export.paper import render_session_papers  # noqa: PLC0415
        from studyapp.i18n import current_language, format_date  # noqa: PLC0415
        from studyapp.store.papers import session_papers  # noqa: PLC0415

        app = self.app
        try:
            session = self.store.session(session_id)
            papers = session_papers(self.store, app.catalog, session_id)
            if not papers:
                raise StudyappError(tr("cli.papers_nobody"))
            pack = next((p for p in app.catalog.packs if p.id == session.pack_id), None)
            page = render_session_papers(
                papers, pack, cell=self.store.cell(session.cell_id).name,
                held_on=format_date(session.held_on), lang=current_language()).encode("utf-8")

            def write(stream: Any) -> None:
                stream.write(page)

            written = write_atomically(path, write, force=force)
        except StudyappError as error:
            app.call_from_thread(app.notify, error.message, title=tr("papers.print_failed"),
                                 severity="error", markup=False, timeout=15)
            return
        app.call_from_thread(app.notify, tr("cli.papers_written", count=len(papers),
                                            path=str(written)), markup=False, timeout=20)

    # --- the list of papers ------------------------------------------------------------------

    def choices(self, session_id: str) -> list[PaperChoice]:
        from studyapp.store.exchange import VIA_PAPER  # noqa: PLC0415
        from studyapp.store.models import AttemptStatus  # noqa: PLC0415
        from studyapp.store.papers import session_papers  # noqa: PLC0415

        found = []
        for paper in session_papers(self.store, self.app.catalog, session_id):
            state = "todo"
            for attempt in self.store.attempts(member_id=paper.member.id, session_id=session_id):
                if attempt.status is not AttemptStatus.ABANDONED:
                    state = "entered" if attempt.settings.get("via") == VIA_PAPER else "other"
                    break
            found.append(PaperChoice(paper.member.id, paper.label, paper.code, state))
        return found

    def _choices_or_say(self, session_id: str) -> list[PaperChoice] | None:
        try:
            return self.choices(session_id)
        except StudyappError as error:
            self._failed(error)
            return None

    def refresh(self, screen: PaperPickScreen) -> None:
        choices = self._choices_or_say(screen.session_id)
        if choices is not None:
            screen.show(choices)

    def code_of(self, screen: PaperPickScreen, typed: str) -> PaperChoice | None:
        """The paper whose code is typed (`123456` or `#123456`), or None, said."""
        from studyapp.store.papers import find_paper  # noqa: PLC0415

        try:
            paper = find_paper(self.store, self.app.catalog, screen.session_id, typed)
        except StudyappError as error:
            self._failed(error)
            return None
        return next((c for c in screen.choices if c.member_id == paper.member.id), None)

    def pick(self, screen: PaperPickScreen, choice: PaperChoice) -> None:
        """The member's paper, one line per question (their earlier entry, if any)."""
        from studyapp.ui.screens.paper_entry import PaperEntryScreen  # noqa: PLC0415

        if choice.state == "other":
            self.app.notify(tr("entry.taken_otherwise", name=choice.label), severity="warning",
                            markup=False, timeout=8)
            return
        try:
            paper = self._paper(screen.session_id, choice.member_id)
            lines = self.lines(paper, self._earlier(screen.session_id, choice.member_id))
        except StudyappError as error:
            self._failed(error)
            return
        self.app.push_screen(PaperEntryScreen(screen.session_id, choice, lines))

    def _paper(self, session_id: str, member_id: str) -> MemberPaper:
        from studyapp.store.papers import paper_of  # noqa: PLC0415

        return paper_of(self.store, self.app.catalog, session_id, member_id)

    def _earlier(self, session_id: str, member_id: str) -> str | None:
        from studyapp.store.exchange import VIA_PAPER  # noqa: PLC0415

        for attempt in self.store.attempts(member_id=member_id, session_id=session_id):
            if attempt.settings.get("via") == VIA_PAPER and attempt.status.value == "finished":
                entered = attempt.settings.get("entered") or {}
                return str(entered.get("text", "")) or None
        return None

    # --- the lines -----------------------------------------------------------------------------

    def lines(self, paper: MemberPaper, earlier: str | None = None) -> list[EntryLine]:
        from studyapp.quiz.entry import EntryError, parse_entry  # noqa: PLC0415

        values = [""] * len(paper.paper.items)
        if earlier:
            try:
                entry = parse_entry(earlier, paper.paper, code=paper.code)
                values = [line_text(item, response)
                          for item, response in zip(paper.paper.items, entry.responses,
                                                    strict=True)]
            except EntryError:
                pass  # an entry the syntax no longer reads: typed again from the paper
        return [EntryLine(number, item.question.type, kind_label(item), value)
                for number, (item, value) in enumerate(zip(paper.paper.items, values,
                                                           strict=True), 1)]

    def line_problem(self, session_id: str, member_id: str, number: int,
                     text: str) -> str | None:
        """What is wrong with one line as typed (None: nothing, or not typed yet)."""
        from studyapp.quiz.entry import EntryError, parse_entry  # noqa: PLC0415
        from studyapp.quiz.selection import Paper  # noqa: PLC0415

        if not text.strip():
            return None
        paper = self._paper(session_id, member_id).paper
        item = paper.items[number - 1]
        piece = entry_piece(item, text)
        if isinstance(piece, Problem):
            return piece.message
        try:
            parse_entry(f"1:{piece}", Paper(paper.seed, (item,)), code="-")
        except EntryError as error:
            return "; ".join(problem.message for problem in error.problems)
        return None

    def entry_text(self, session_id: str, member_id: str, values: Sequence[str]
                   ) -> str | Problems:
        """The lines joined into one entry, or what is wrong with them."""
        paper = self._paper(session_id, member_id).paper
        tokens: list[str] = []
        by_line: dict[int, str] = {}
        missing: list[str] = []
        for number, (item, value) in enumerate(zip(paper.items, values, strict=True), 1):
            if not value.strip():
                missing.append(str(number))
                continue
            piece = entry_piece(item, value)
            if isinstance(piece, Problem):
                by_line[number] = piece.message
            else:
                tokens.append(f"{number}:{piece}")
        general = (tr("papers.missing", numbers=", ".join(missing)),) if missing else ()
        if by_line or general:
            return Problems(by_line, general)
        return " ".join(tokens)

    def review(self, screen: PaperEntryScreen, values: Sequence[str]) -> Review | Problems:
        """The whole paper read and graded, nothing written; or its problems."""
        from studyapp.quiz.entry import EntryError  # noqa: PLC0415
        from studyapp.store.papers import check_entry  # noqa: PLC0415

        choice = screen.choice
        text = self.entry_text(screen.session_id, choice.member_id, values)
        if isinstance(text, Problems):
            # Every line typed is checked too, so that all is said at once.
            by_line = dict(text.by_line)
            for number, value in enumerate(values, 1):
                if number not in by_line:
                    problem = self.line_problem(screen.session_id, choice.member_id, number,
                                                value)
                    if problem:
                        by_line[number] = problem
            return Problems(by_line, text.general)
        try:
            checked = check_entry(self.store, self.app.catalog, screen.session_id,
                                  choice.member_id, text)
        except EntryError as error:
            by_line = {p.question: p.message for p in error.problems if p.question}
            general = tuple(p.message for p in error.problems if not p.question)
            return Problems(by_line, general)
        return review_of(checked, text)

    def review_and_save(self, screen: PaperEntryScreen, values: Sequence[str]) -> None:
        """The problems shown on the entry screen; or the review, and Enter there saves."""
        from studyapp.ui.screens.paper_entry import PaperReviewScreen  # noqa: PLC0415

        result = self.review(screen, values)
        if isinstance(result, Problems):
            screen.show_problems(result)
            return

        def decided(save: bool | None) -> None:
            if save:
                self.save(screen, result, screen.saved)

        self.app.push_screen(PaperReviewScreen(result), decided)

    def save(self, screen: PaperEntryScreen, review: Review,
             done: Callable[[], None]) -> None:
        """Store the paper (a correction after the PIN); `done` once it is on disk."""
        from studyapp.store.papers import enter_paper  # noqa: PLC0415

        choice = screen.choice

        def store(pin: str | None) -> None:
            try:
                attempt = enter_paper(self.store, self.app.catalog, screen.session_id,
                                      choice.member_id, review.text, correct=review.correction,
                                      pin=pin)
            except StudyappError as error:
                self._failed(error)
                return
            score = format_decimal(attempt.score) if attempt.score is not None else "—"
            self.app.notify(tr("papers.saved", name=choice.label, score=score),
                            markup=False, timeout=6)
            done()

        if review.correction:
            cell_id = self.store.session(screen.session_id).cell_id
            self.app.sessions.ask_pin(cell_id, store)
        else:
            store(None)


# --- one line of the paper -----------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    message: str


def kind_label(item: PaperItem) -> str:
    from studyapp.content.model import LETTERS  # noqa: PLC0415

    kind = item.question.type
    size = {"single": len(item.choice_order), "multi": len(item.choice_order),
            "order": len(item.item_order), "match": len(item.right_order)}.get(kind)
    label = tr(f"papers.kind.{kind}")
    return f"{label} A–{LETTERS[size - 1]}" if size else label


def entry_piece(item: PaperItem, typed: str) -> str | Problem:
    """One line's answer as it goes in the entry after `N:`."""
    kind = item.question.type
    text = normalize_line(typed)
    if text == "-":
        return text
    if kind in TEXT_KINDS:
        if len(text) >= 2 and text[0] == text[-1] == '"':
            text = text[1:-1]
        if '"' in text:
            return Problem(tr("papers.no_quotes"))
        return f'"{text}"'
    text = text.upper()  # letters as circled on the paper: `b` is B
    if kind in GROUPED:
        return f"[{text}]" if " " in text else text
    compact = text.replace(" ", "")
    if kind in ONE_CHARACTER and len(compact) > 1:
        return Problem(tr("entry.one_character"))
    return compact


def line_text(item: PaperItem, response: Any) -> str:
    """A stored response as its line shows it (`B`, `AC`, `kiên định`)."""
    from studyapp.quiz.entry import format_entry  # noqa: PLC0415
    from studyapp.quiz.selection import Paper  # noqa: PLC0415

    if response is None:
        return "-"
    try:
        text = format_entry(Paper(0, (item,)), [response], numbered=False)
    except ValueError:
        return ""
    if item.question.type in TEXT_KINDS and len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text


def review_of(checked: CheckedEntry, text: str) -> Review:
    from studyapp.quiz.describe import describe_response  # noqa: PLC0415

    paper = checked.paper
    lines = []
    for number, (item, response) in enumerate(zip(paper.paper.items, checked.entry.responses,
                                                  strict=True), 1):
        said = " · ".join(describe_response(item, response))
        typed = line_text(item, response)
        if item.question.type in TEXT_KINDS or typed == "-":
            lines.append(f"{number:>2}. {said}")
        else:  # the letters as circled, to check against the paper, then what they mean
            lines.append(f"{number:>2}. [{typed}] {said}")
    result = checked.result
    score = result.score
    summary = tr("papers.review_summary", answered=result.answered, size=len(paper.paper.items),
                 score=format_decimal(score.value), band=score.band or "")
    return Review(paper.label, paper.code, tuple(lines), summary,
                  checked.replaces is not None, text)
