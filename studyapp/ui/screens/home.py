"""The home screen: what the program is, and what to do next."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from studyapp.i18n import format_count, tr
from studyapp.ui.screens.base import StudyScreen
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar


def _menu_option(option_id: str, key: str) -> Option:
    """A menu entry: its name and key on the first line, what it does below."""
    title = tr(f"home.menu.{option_id}")
    line = f"{title}  [{key}]"
    detail = tr(f"home.menu.{option_id}.detail")
    text = f"{line}\n  {detail}"
    spans = [Span(0, len(title), "bold"), Span(len(line) + 1, len(text), "$text-muted")]
    return Option(Content(text, spans=spans), id=option_id)


class HomeScreen(StudyScreen[None]):
    """Says what studyapp is and offers what can be done now.

    Later issues add practice, tests, results, cell sessions and review here;
    only what works is shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "lessons", "key.lessons", id="home.lessons"),
        Binding("slash", "search", "key.search", id="home.search"),
        Binding("v", "problems", "key.problems", id="home.problems"),
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
        parts.append(Content.styled(tr("home.summary", lessons=format_count(len(catalog))),
                                    "$text-muted"))
        parts.append(Content("\n" + tr("home.intro")))
        return Content("\n").join(parts)

    def _menu(self) -> list[Option]:
        options = []
        if len(self.study_app.catalog):
            options += [_menu_option("lessons", "b"), _menu_option("search", "/")]
        if self._has_errors:
            options.append(_menu_option("problems", "v"))
        options += [_menu_option("help", "?"), _menu_option("quit", "q")]
        return options

    @property
    def _has_errors(self) -> bool:
        # Warnings (a lesson without questions...) are for authors, shown by
        # `studyapp validate`; the home screen speaks only of skipped files.
        content = self.study_app.content
        return bool(content.errors or content.skipped)

    async def on_content_loaded(self) -> None:
        # The banks arrived: the skipped files and the menu may have changed.
        await self.recompose()
        self.query_one("#home-menu", OptionList).focus()

    def on_mount(self) -> None:
        self.sub_title = tr("home.subtitle")
        self.query_one("#home-menu", OptionList).focus()
        self.call_after_refresh(self.study_app.first_screen_shown)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys for entries that are not on the menu do nothing and are not shown.
        if action in ("lessons", "search"):
            return len(self.study_app.catalog) > 0
        if action == "problems":
            return self._has_errors
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        actions = {
            "lessons": self.action_lessons,
            "search": self.action_search,
            "problems": self.action_problems,
            "help": self.study_app.action_help,
            "quit": self.app.exit,
        }
        actions[event.option_id or ""]()

    def action_lessons(self) -> None:
        self.study_app.open_lessons()

    def action_search(self) -> None:
        self.study_app.open_search()

    def action_problems(self) -> None:
        self.study_app.show_content_problems()
