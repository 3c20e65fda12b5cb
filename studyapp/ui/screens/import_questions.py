"""Question sets from Word or Excel, in the interface: pick the file (a folder tree
starting in Documents, or a path typed), then read what the import found."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DirectoryTree, Input, Static

from studyapp.i18n import tr
from studyapp.text import shown
from studyapp.ui.screens.base import StudyModal, StudyScreen, stylesheet
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

QUESTION_FILES = (".docx", ".xlsx", ".xlsm", ".txt", ".gift", ".aiken")


class QuestionFileTree(DirectoryTree):
    """Folders, and the files a question set (or, for a subclass, a document) can be
    read from."""

    SUFFIXES: ClassVar[tuple[str, ...]] = QUESTION_FILES

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".") and (
            path.is_dir() or path.suffix.lower() in self.SUFFIXES)]


class ImportQuestionsScreen(StudyScreen[Path | None]):
    """Choose the Word, Excel or text file to import; dismissed with its path."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="import.back"),
        Binding("tab", "focus_next", "key.next_field", show=False, id="import.next_field"),
    ]

    TEXTS: ClassVar[str] = "import_ui"
    """The prefix of the screen's messages (`.title`, `.hint`, `.path_placeholder`)."""
    TREE: ClassVar[type[QuestionFileTree]] = QuestionFileTree

    def __init__(self, start: Path) -> None:
        super().__init__()
        self._start = start

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="import-body"):
            yield Static(Content(tr(f"{self.TEXTS}.hint")), id="import-hint")
            yield Input(str(self._start), id="import-path",
                        placeholder=tr(f"{self.TEXTS}.path_placeholder"))
            yield self.TREE(self._start, id="import-tree")
            yield Static("", id="import-error")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr(f"{self.TEXTS}.title")
        self.query_one("#import-tree", QuestionFileTree).focus()

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._choose(event.path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self._choose(Path(text).expanduser())

    def _choose(self, path: Path) -> None:
        error = self.query_one("#import-error", Static)
        if path.is_dir():
            self.query_one("#import-tree", QuestionFileTree).path = path
            self.query_one("#import-path", Input).value = str(path)
            error.update("")
            return
        if not path.is_file():
            error.update(Content(tr("import_ui.no_file", path=shown(str(path)))))
            return
        self.dismiss(path)

    def action_back(self) -> None:
        self.dismiss(None)


class ImportReportScreen(StudyModal[None]):
    """What the import found: every problem at its place, and what was written."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "key.close", id="import_report.close"),
    ]

    def __init__(self, title: str, lines: Sequence[str]) -> None:
        super().__init__()
        self._title = title
        self._lines = list(lines)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="import-report") as box:
            box.border_title = self._title
            # Lines quote the file (names, questions): never markup, escapes made visible.
            yield Static(Content("\n".join(shown(line) for line in self._lines)))

    def on_mount(self) -> None:
        self.query_one("#import-report").focus()

    def action_close(self) -> None:
        self.dismiss()
