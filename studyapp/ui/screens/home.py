"""The home screen: what the program is, who is studying, and what to do next."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from studyapp.i18n import current_language, format_count, format_date, tr
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

TITLE_WIDTH = 18

# Each entry of the menu: its id, its key, and the action it runs.
MENU: tuple[tuple[str, str], ...] = (
    ("lessons", "b"), ("practice", "l"), ("test", "k"), ("review", "o"), ("results", "x"),
    ("sessions", "s"), ("new_document", "t"),
    ("search", "/"),
    ("learner", "n"), ("problems", "v"), ("language", "e"), ("help", "?"), ("quit", "q"),
)


def _menu_option(option_id: str, key: str, text_key: str | None = None,
                 detail: str | None = None) -> Option:
    """One line: the entry's name, its key, and what it does (muted)."""
    text_key = text_key or f"home.menu.{option_id}"
    title = tr(text_key)
    head = f"{title.ljust(TITLE_WIDTH)} [{key}]  "
    detail = detail or tr(f"{text_key}.detail")
    text = head + detail
    spans = [Span(0, len(title), "bold"), Span(len(head), len(text), "$text-muted")]
    return Option(Content(text, spans=spans), id=option_id)


class HomeScreen(StudyScreen[None]):
    """Says what studyapp is and offers what can be done now; only what
    works is offered (no questions: no practice; no database: it says so)."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "lessons", "key.lessons", id="home.lessons"),
        Binding("l", "practice", "key.practice", id="home.practice"),
        Binding("k", "test", "key.test", id="home.test"),
        Binding("o", "review", "key.review", show=False, id="home.review"),
        Binding("x", "results", "key.results", id="home.results"),
        Binding("s", "sessions", "key.sessions", show=False, id="home.sessions"),
        Binding("t", "new_document", "key.new_document", show=False, id="home.new_document"),
        Binding("slash", "search", "key.search", id="home.search"),
        Binding("n", "learner", "key.learner", show=False, id="home.learner"),
        Binding("v", "problems", "key.problems", id="home.problems"),
        Binding("e", "language", "key.language", show=False, id="home.language"),
        Binding("q", "app.quit", "key.quit", id="home.quit"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="home-body"):
            yield Static(self._heading(), id="home-heading")
            skipped = self.study_app.content.skipped
            errors = self.study_app.content.errors
            if skipped or errors:
                yield Static(Content(tr("home.problems", files=len(skipped) or len(errors))),
                             id="home-problems")
            if self.study_app.store_problem:
                yield Static(Content(tr("home.no_database")), id="home-database")
            yield Static(self._learner_line(), id="home-learner")
            with Vertical(id="home-menu-box"):
                yield Static(Content(tr("home.what_next")), classes="home-question")
                yield OptionList(*self._menu(), id="home-menu")
            yield Static(Content(tr("home.hint")), classes="home-hint")
        yield KeyBar()

    def _heading(self) -> Content:
        """What is being studied and what the program does, as one block
        (one widget: the home screen is the first thing drawn)."""
        catalog = self.study_app.catalog
        if not catalog.packs:
            return Content.styled(tr("home.no_content"), "bold $text-accent")
        parts: list[Content] = []
        for pack in catalog.packs:
            parts.append(Content.styled(tr("home.studying", source=pack.source),
                                        "bold $text-accent"))
            parts.append(Content.styled(pack.title, "bold"))  # from the pack: never markup
        summary = tr("home.summary", lessons=format_count(len(catalog)))
        if catalog.questions:
            summary += " · " + tr("home.summary_questions",
                                  questions=format_count(len(catalog.questions)))
        parts.append(Content.styled(summary, "$text-muted"))
        parts.append(Content(tr("home.intro")))
        return Content("\n").join(parts)

    def _learner_line(self) -> Content:
        app = self.study_app
        learner = app.learner
        if learner is None:
            return Content.styled(tr("home.no_learner"), "$text-warning")
        name = learner.name if learner.is_guest else \
            tr("home.member", name=learner.name, cell=learner.cell_name or "")
        note = ""
        if learner.is_guest:
            note = " " + tr("home.guest_note")
        elif app.library.lessons_read_count is not None and len(app.catalog):
            note = " · " + tr("home.read", read=app.library.lessons_read_count,
                              total=len(app.catalog))
        return Content.assemble((tr("home.learner_label"), "bold"), " ",
                                (name, "bold $text-accent"), (note, "$text-muted"))

    def _menu(self) -> list[Option]:
        from studyapp.store.models import member_label  # noqa: PLC0415 - not at start

        options = []
        # A member's turn cut short (a crash, a dead battery): said first, to go on with.
        for turn in self.study_app.interrupted_turns():
            label = member_label(turn.member)
            text = tr("home.turn_interrupted", name=label, date=format_date(turn.session.held_on))
            name = len(label)
            options.append(Option(Content(text, spans=[Span(0, name, "bold $text-warning")]),
                                  id=f"turn:{turn.attempt_id}"))
        for option_id, key in MENU:
            if not self._offered(option_id):
                continue
            if option_id == "learner" and self.study_app.learner is None:
                options.append(_menu_option(option_id, key, "home.menu.choose_learner"))
            elif option_id == "review":
                options.append(_menu_option(option_id, key, detail=self._review_detail()))
            else:
                options.append(_menu_option(option_id, key))
        return options

    def _review_detail(self) -> str | None:
        """How many questions are due today, or when the next is (members only)."""
        status = self.study_app.progress.review_status()
        if status is None:
            return None
        if status.due and status.today == status.due:
            return tr("home.menu.review.due", count=format_count(status.due))
        if status.due and status.today:
            return tr("home.menu.review.due_capped", count=format_count(status.today),
                      due=format_count(status.due))
        if status.due:
            return tr("home.menu.review.done_today", due=format_count(status.due))
        if status.next_due is not None:
            return tr("home.menu.review.next",
                      date=format_date(status.next_due.astimezone().date()))
        return tr("home.menu.review.empty")

    def _offered(self, option_id: str) -> bool:
        app = self.study_app
        if option_id in ("lessons", "search"):
            return len(app.catalog) > 0
        if option_id in ("practice", "test", "sessions", "review"):
            return bool(app.catalog.questions)
        if option_id == "problems":
            return self._has_errors
        return True

    @property
    def _has_errors(self) -> bool:
        # Warnings (a lesson without questions...) are for authors, shown by
        # `studyapp validate`; the home screen speaks only of skipped files.
        content = self.study_app.content
        return bool(content.errors or content.skipped)

    async def refresh_home(self) -> None:
        """Show what changed: the banks arrived, the learner changed."""
        menus = self.query("#home-menu").results(OptionList)
        menu = next(menus, None)
        highlighted = menu.highlighted_option.id if menu and menu.highlighted_option else None
        await self.recompose()
        self.sub_title = tr("home.subtitle")  # the language may have changed
        menu = next(self.query("#home-menu").results(OptionList), None)
        if menu is None:
            return  # recomposed again meanwhile: that one shows the latest
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        if ids and (ids[0] or "").startswith("turn:"):
            menu.highlighted = 0  # a turn cut short comes first
        elif highlighted in ids:
            menu.highlighted = ids.index(highlighted)
        menu.focus()
        self.refresh_bindings()

    def _turn_ids(self) -> list[str]:
        menu = next(self.query("#home-menu").results(OptionList), None)
        if menu is None:
            return []
        ids = [menu.get_option_at_index(i).id or "" for i in range(menu.option_count)]
        return [option_id for option_id in ids if option_id.startswith("turn:")]

    def on_screen_resume(self) -> None:
        # Back from a meeting: a turn cut short may have been finished, or begun.
        if self._turn_ids() != [f"turn:{turn.attempt_id}"
                                for turn in self.study_app.interrupted_turns()]:
            self.call_later(self.refresh_home)
            return
        # Back from the lessons or a quiz: what was read may have changed.
        learner_line = self.query("#home-learner")
        if learner_line:
            learner_line.first(Static).update(self._learner_line())
        # ... and so may what is due for review.
        menu = next(self.query("#home-menu").results(OptionList), None)
        if menu is not None and self._offered("review"):
            with contextlib.suppress(OptionDoesNotExist):
                menu.replace_option_prompt("review", _menu_option(
                    "review", dict(MENU)["review"], detail=self._review_detail()).prompt)

    async def on_content_loaded(self) -> None:
        await self.refresh_home()

    def on_mount(self) -> None:
        self.sub_title = tr("home.subtitle")
        self.query_one("#home-menu", OptionList).focus()
        self.call_after_refresh(self.study_app.first_screen_shown)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys for entries that are not on the menu do nothing and are not shown.
        if action in dict(MENU):
            return self._offered(action)
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option_id or ""
        if option_id.startswith("turn:"):
            turn = next((t for t in self.study_app.interrupted_turns()
                         if t.attempt_id == option_id[5:]), None)
            if turn is not None:
                self.study_app.sessions.resume_turn(turn)
            return
        actions = {
            "lessons": self.action_lessons,
            "practice": self.action_practice,
            "test": self.action_test,
            "review": self.action_review,
            "results": self.action_results,
            "sessions": self.action_sessions,
            "new_document": self.action_new_document,
            "search": self.action_search,
            "learner": self.action_learner,
            "problems": self.action_problems,
            "language": self.action_language,
            "help": self.study_app.action_help,
            "quit": self.app.exit,
        }
        actions[event.option_id or ""]()

    def action_lessons(self) -> None:
        self.study_app.library.open_lessons()

    def action_practice(self) -> None:
        self.study_app.quizzes.open_setup("practice")

    def action_test(self) -> None:
        self.study_app.quizzes.open_setup("test")

    def action_review(self) -> None:
        self.study_app.progress.start_review()

    def action_results(self) -> None:
        self.study_app.progress.show_progress()

    def action_sessions(self) -> None:
        self.study_app.sessions.start()

    def action_new_document(self) -> None:
        self.study_app.new_documents.start()

    def action_search(self) -> None:
        self.study_app.library.open_search()

    def action_learner(self) -> None:
        self.study_app.learners.choose_learner()

    def action_problems(self) -> None:
        self.study_app.library.show_content_problems()

    def action_language(self) -> None:
        self.study_app.switch_language("en" if current_language() == "vi" else "vi")
