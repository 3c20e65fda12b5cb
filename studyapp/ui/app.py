"""The Textual app: owns the store, the content and who is studying, and wires
the flows (one object per job: learner, quiz, progress, content, session, export)
to the screens, which ask the app for the flow they need; global keys here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from studyapp.config import ConfigWriteError, Settings, set_config_value
from studyapp.content.catalog import Catalog
from studyapp.content.loading import LoadResult
from studyapp.errors import StudyappError
from studyapp.i18n import LANGUAGES, Lang, has_message, set_language, tr
from studyapp.ui.bindings import binding_text
from studyapp.ui.screens.home import HomeScreen

# Screens other than home, and the store (sqlite3), are imported when first
# needed: the first frame should not wait for them (see benchmarks/).
if TYPE_CHECKING:
    from studyapp.store.models import Learner, Member
    from studyapp.store.store import Store
    from studyapp.ui.content_flow import ContentFlow
    from studyapp.ui.drafts_flow import DraftsFlow
    from studyapp.ui.export_flow import ExportFlow
    from studyapp.ui.learner_flow import LearnerFlow
    from studyapp.ui.new_document_flow import NewDocumentFlow
    from studyapp.ui.paper_flow import PaperFlow
    from studyapp.ui.phone_flow import PhoneFlow
    from studyapp.ui.progress_flow import ProgressFlow
    from studyapp.ui.question_import_flow import QuestionImportFlow
    from studyapp.ui.quiz_flow import QuizFlow
    from studyapp.ui.roster_flow import RosterFlow
    from studyapp.ui.screens.palette import Command
    from studyapp.ui.session_flow import InterruptedTurn, SessionFlow

Clock = Callable[[], datetime]
DARK, LIGHT = "textual-dark", "textual-light"


def _utc_now() -> datetime:
    from studyapp.store.live import utc_now  # noqa: PLC0415

    return utc_now()


class StudyApp(App[None]):
    """studyapp's interface. Build it with `make_app`."""

    # The app-wide rules; each screen brings its own .tcss as DEFAULT_CSS,
    # parsed when it first opens (see screens/base.py).
    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss"]
    TITLE = "studyapp"
    # Textual's palette speaks English and matches only with diacritics: ours
    # (ctrl+p) finds "bon kien dinh" in “Bốn kiên định”.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "key.quit", show=False, priority=True, id="app.quit"),
        Binding("question_mark", "help", "key.help", id="app.help"),
        Binding("ctrl+p", "palette", "key.palette", show=False, id="app.palette"),
    ]

    def __init__(self, settings: Settings, content: LoadResult, *, store: Store | None = None,
                 load_banks: bool = False, clock: Clock = _utc_now) -> None:
        super().__init__()
        self.settings = settings
        self.content = content
        self._load_banks = load_banks
        self._store = store
        self.clock = clock
        self.learner: Learner | None = None
        self.laptop_language: Lang = settings.lang
        """The config's language: for guests, for nobody, for a member who chose none."""
        self.store_problem: str | None = None
        """Why the score database cannot be used (lessons still can)."""
        self._started = False
        self._notices = list(settings.notices)
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        elif settings.theme:
            self._notices.append(tr("config.unknown_theme", path=settings.config_path,
                                    theme=settings.theme))

    # --- starting ----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        # Not a MODE: starting a mode makes Textual parse the whole stylesheet
        # a second time, which cost a fifth of the time to the first frame.
        return HomeScreen()

    def first_screen_shown(self) -> None:
        """Called by the home screen once it is drawn: only then are the banks
        read and the database opened, so neither delays the first frame."""
        if self._started:
            return
        self._started = True
        for notice in self._notices:
            self.notify(notice, severity="warning", markup=False, timeout=10)
        if self.settings.keys:
            self._apply_keymap()
        if self._load_banks:
            self._load_banks = False
            self.library.load_everything()
        else:
            self.store_opened(*self.read_learner())
            self.call_later(self.offer_at_start)

    def offer_at_start(self) -> None:
        """Once the database and the banks are there: back to the meeting's
        turns if a session's were up when the program stopped, otherwise the
        learner's unfinished quiz, if any."""
        if self.store_problem is None and self.catalog.questions and \
                self.sessions.restore_meeting():
            return
        self.quizzes.offer_resume()

    def _apply_keymap(self) -> None:
        """The config file's `[keys]`, for the bindings that exist (the others are named)."""
        from studyapp.ui.keys import all_binding_ids  # noqa: PLC0415

        known = all_binding_ids()
        keymap = {}
        for binding_id, keys in self.settings.keys:
            if binding_id in known:
                keymap[binding_id] = keys
            else:
                self.notify(tr("config.unknown_key_id", path=self.settings.config_path,
                               id=binding_id), severity="warning", markup=False, timeout=10)
        self.set_keymap(keymap)

    # --- the store and the learner -----------------------------------------------------------

    @property
    def store(self) -> Store:
        if self._store is None:
            from studyapp.store.database import Database  # noqa: PLC0415
            from studyapp.store.store import Store  # noqa: PLC0415

            self._store = Store(Database(self.settings.db_path), clock=self.clock)
        return self._store

    def read_learner(self) -> tuple[Learner | None, str | None]:
        """Who studied last time, or why the database cannot be used (any thread)."""
        try:
            return self.store.remembered_learner(), None
        except StudyappError as error:
            return None, error.message

    def store_opened(self, learner: Learner | None, problem: str | None) -> None:
        """The remembered learner is back; a database that cannot be used is
        said so, once, and left as it is (lessons still work)."""
        if problem is not None:
            self.store_failed(problem)
            return
        if self.learner is None:  # nobody was chosen meanwhile
            self.learner = learner
            self.library.forget_reading()
            self.speak_to(learner)  # the one remembered, in their own language
        self.refresh_home()

    def store_failed(self, problem: str) -> None:
        """Say why scores cannot be kept (the file is left as it is)."""
        from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice  # noqa: PLC0415

        self.store_problem = problem
        self.refresh_home()
        if not isinstance(self.screen, ChoiceDialog):
            self.push_screen(ChoiceDialog(
                tr("database.title"), f"{problem}\n\n{tr('database.explain')}",
                [DialogChoice("continue", tr("database.continue"), key="t"),
                 DialogChoice("quit", tr("database.quit"), key="q")],
                on_escape="continue", dialog_id="database-dialog"),
                self._after_database_dialog)

    def _after_database_dialog(self, choice: str | None) -> None:
        if choice == "quit":
            self.exit()

    def usable_store(self) -> bool:
        """Whether scores can be kept; if not, say so again."""
        if self.store_problem is None:
            return True
        self.store_failed(self.store_problem)
        return False

    def refresh_home(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen) and screen.is_mounted:
                self.call_later(screen.refresh_home)

    def interrupted_turns(self) -> list[InterruptedTurn]:
        """Session tests cut short (a crash), once the database is open; none otherwise."""
        if self._store is None or self.store_problem is not None:
            return []
        try:
            return self.sessions.interrupted_turns()
        except StudyappError:
            return []

    @property
    def catalog(self) -> Catalog:
        return self.content.catalog

    # --- the flows, each made on first use -----------------------------------------------------

    @cached_property
    def learners(self) -> LearnerFlow:
        """Who is studying: choose, add, guest, remember (`learner_flow.py`)."""
        from studyapp.ui.learner_flow import LearnerFlow  # noqa: PLC0415

        return LearnerFlow(self)

    @cached_property
    def quizzes(self) -> QuizFlow:
        """Setup, start, resume, finish, review an attempt (`quiz_flow.py`)."""
        from studyapp.ui.quiz_flow import QuizFlow  # noqa: PLC0415

        return QuizFlow(self)

    @cached_property
    def progress(self) -> ProgressFlow:
        """Due cards, the daily limit, progress and history (`progress_flow.py`)."""
        from studyapp.ui.progress_flow import ProgressFlow  # noqa: PLC0415

        return ProgressFlow(self)

    @cached_property
    def library(self) -> ContentFlow:
        """Loading, search, the lessons read, opening a passage (`content_flow.py`)."""
        from studyapp.ui.content_flow import ContentFlow  # noqa: PLC0415

        return ContentFlow(self)

    @cached_property
    def sessions(self) -> SessionFlow:
        """The cell meeting: attendance, turns, summary (`session_flow.py`).
        Made on first use: its dialogs' widgets are not needed for the first frame."""
        from studyapp.ui.session_flow import SessionFlow  # noqa: PLC0415

        return SessionFlow(self)

    @cached_property
    def exports(self) -> ExportFlow:
        """Exports from the summary, the sessions list, a member's results."""
        from studyapp.ui.export_flow import ExportFlow  # noqa: PLC0415

        return ExportFlow(self)

    @cached_property
    def question_imports(self) -> QuestionImportFlow:
        """Question sets from Word, Excel or text (`question_import_flow.py`)."""
        from studyapp.ui.question_import_flow import QuestionImportFlow  # noqa: PLC0415

        return QuestionImportFlow(self)

    @cached_property
    def drafts(self) -> DraftsFlow:
        """Draft questions reviewed: accept, edit, reject (`drafts_flow.py`)."""
        from studyapp.ui.drafts_flow import DraftsFlow  # noqa: PLC0415

        return DraftsFlow(self)

    @cached_property
    def new_documents(self) -> NewDocumentFlow:
        """A pack made from next month's document (`new_document_flow.py`)."""
        from studyapp.ui.new_document_flow import NewDocumentFlow  # noqa: PLC0415

        return NewDocumentFlow(self)

    @cached_property
    def papers(self) -> PaperFlow:
        """Papers answered on paper: printed, then entered (`paper_flow.py`)."""
        from studyapp.ui.paper_flow import PaperFlow  # noqa: PLC0415

        return PaperFlow(self)

    @cached_property
    def phone_rounds(self) -> PhoneFlow:
        """Members answering on their own phones (`phone_flow.py`, `web/`)."""
        from studyapp.ui.phone_flow import PhoneFlow  # noqa: PLC0415

        return PhoneFlow(self)

    @cached_property
    def roster(self) -> RosterFlow:
        """The secretary's roster, behind the PIN once per sitting (`roster_flow.py`)."""
        from studyapp.ui.roster_flow import RosterFlow  # noqa: PLC0415

        return RosterFlow(self)

    # --- language and theme ------------------------------------------------------------------

    def switch_language(self, lang: Lang) -> None:
        """Speak `lang` from now on: remembered with the member studying (their
        own choice, for them alone), or, for a guest or nobody, in the config
        file as the laptop's default."""
        learner = self.learner
        if learner is not None and learner.member_id is not None and self.store_problem is None:
            try:
                self.store.set_member_language(learner.member_id, lang)
            except StudyappError as error:
                self.notify(error.message, severity="warning", markup=False, timeout=8)
        else:
            try:
                set_config_value(self.settings.config_path, "lang", lang)
            except ConfigWriteError as error:
                self.notify(error.message, severity="warning", markup=False, timeout=8)
            self.laptop_language = lang
        set_language(lang)
        # Home again, its text in the new language (every other screen is
        # built with the language of the moment it opens).
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if isinstance(self.screen, HomeScreen):
            self.call_later(self.screen.refresh_home)

    def language_of(self, member: Member | None) -> Lang:
        """The language to speak to `member`: the one they chose, else the laptop's."""
        chosen = member.language if member is not None else None
        # A value this program does not speak (a newer one's, say): the laptop's.
        return next((lang for lang in LANGUAGES if lang == chosen), self.laptop_language)

    def speak_to(self, learner: Learner | None) -> None:
        """The learner studying now hears their own language (a guest or
        nobody, the laptop's); the screens opened from now on are in it."""
        member = None
        if learner is not None and learner.member_id is not None and self._store is not None:
            try:
                member = self.store.member(learner.member_id)
            except StudyappError:
                member = None  # gone from the database: the laptop's language
        set_language(self.language_of(member))

    def toggle_theme(self) -> None:
        """Light or dark, remembered in the config file."""
        self.theme = LIGHT if self.theme == DARK else DARK
        try:
            set_config_value(self.settings.config_path, "theme", self.theme)
        except ConfigWriteError as error:
            self.notify(error.message, severity="warning", markup=False, timeout=8)

    # --- global actions ------------------------------------------------------------------------

    def action_help(self) -> None:
        from studyapp.ui.screens.help import HelpScreen, KeyRow  # noqa: PLC0415

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        rows: list[KeyRow] = list(getattr(screen, "help_rows", list)())
        hidden: frozenset[str] = getattr(screen, "HELP_HIDDEN_ACTIONS", frozenset())
        seen: set[str] = set()
        explained = {key for key, _ in rows}  # the screen's own words for a key come first
        for key, active in screen.active_bindings.items():
            binding = active.binding
            # Only the program's own keys, in the interface language: the
            # widgets' built-in ones (Textual's, in English) are the general keys.
            if not has_message(binding.description) or not active.enabled or \
                    binding.action in hidden:
                continue
            text = binding_text(binding)
            shown = self.get_key_display(binding) or key
            if text in seen or shown in explained:
                continue
            seen.add(text)
            rows.append((shown, text))
        self.push_screen(HelpScreen(rows, screen.sub_title or self.title,
                                    skip_general=getattr(screen, "HELP_GENERAL_SKIP", ())))

    def action_palette(self) -> None:
        """Find a command or a lesson by typing (diacritics optional)."""
        from studyapp.ui.screens.palette import (  # noqa: PLC0415
            PaletteScreen,
            palette_placeholder,
        )
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415

        if isinstance(self.screen, PaletteScreen | QuizScreen):
            return
        if any(isinstance(screen, QuizScreen) for screen in self.screen_stack) and \
                self.sessions.session_of_quiz() is not None:
            return  # a session's test, under the help: nothing else is reachable
        self.push_screen(PaletteScreen(self.palette_commands(), palette_placeholder(self)),
                         self._palette_done)

    def _palette_done(self, command: Command | None) -> None:
        if command is not None:
            command.run()

    def palette_commands(self) -> list[Command]:
        from studyapp.ui.screens.palette import palette_commands  # noqa: PLC0415

        return palette_commands(self)

    KEY_NAMES: ClassVar[dict[str, str]] = {
        "escape": "Esc", "enter": "Enter", "space": "Space", "pagedown": "PgDn",
        "pageup": "PgUp", "delete": "Del", "backspace": "⌫", "tab": "Tab",
    }

    def get_key_display(self, binding: Binding) -> str:
        # "Esc", "Ctrl+G": as the keyboard and the help write them.
        key = binding.key.split(",")[0]
        if key in self.KEY_NAMES:
            return self.KEY_NAMES[key]
        if key.startswith(("ctrl+", "shift+")):
            modifier, _, rest = key.partition("+")
            name = {"up": "↑", "down": "↓", "left": "←", "right": "→"}.get(rest, rest.upper())
            return f"{modifier.capitalize()}+{name}"
        return super().get_key_display(binding)

    async def action_quit(self) -> None:
        """Quit; in the middle of a test, only once asked (and in a session's
        test, with the PIN: the secretary's decision)."""
        from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice  # noqa: PLC0415
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415

        if not any(isinstance(screen, QuizScreen) for screen in self.screen_stack):
            self.exit()
            return
        if isinstance(self.screen, ChoiceDialog) and self.screen.id == "quit-dialog":
            return

        def decided(choice: str | None) -> None:
            if choice == "quit":
                self.exit()

        def ask(_pin: str | None) -> None:
            self.push_screen(ChoiceDialog(
                tr("quit.title"), tr("quit.text"),
                [DialogChoice("stay", tr("quit.stay"), key="t"),
                 DialogChoice("quit", tr("quit.confirm"), tr("quit.confirm_detail"), key="q")],
                on_escape="stay", dialog_id="quit-dialog"), decided)

        session = self.sessions.session_of_quiz()
        if session is None:
            ask(None)
        elif not (isinstance(self.screen, ModalScreen) and self.screen.id == "pin-dialog"):
            self.sessions.ask_pin(session.cell_id, ask)

    async def on_event(self, event: events.Event) -> None:
        # Every key, whatever widget takes it (a text box stops it): the PIN
        # the secretary gave stays held (the roster's, the meeting's) while
        # keys are pressed.
        if isinstance(event, events.Key) and not event.is_forwarded:
            if "roster" in self.__dict__:
                self.roster.hold.key_pressed()
            if "sessions" in self.__dict__:
                self.sessions.meeting_pin.key_pressed()
        await super().on_event(event)

    def action_help_quit(self) -> None:
        # Ctrl+C in a terminal usually means "stop": say how to quit here.
        self.notify(tr("app.quit_hint"), markup=False)

    def on_unmount(self) -> None:
        # A phone round stops listening with the program (it stays open in the
        # database: started again, it resumes).
        if "phone_rounds" in self.__dict__:
            self.phone_rounds.stop()
        # The database is closed on the way out, so its WAL is folded back
        # and the .sqlite3 file alone holds every answer.
        if self._store is not None:
            self._store.database.close()


def make_app(settings: Settings, content: LoadResult, *, store: Store | None = None,
             load_banks: bool = False, clock: Clock | None = None) -> StudyApp:
    """The one way to build the app, for the command line and for the tests.
    With `load_banks`, `content` has the lessons only and the banks are read
    in the background once the first screen is shown."""
    set_language(settings.lang)
    return StudyApp(settings, content, store=store, load_banks=load_banks,
                    clock=clock or _utc_now)
