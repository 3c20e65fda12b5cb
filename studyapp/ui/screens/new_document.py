""""Thêm tài liệu mới": the document picked (the question import's file browser,
starting in Documents, Ctrl+O to Downloads or home), then the structure found shown as
a tree with its counts per level, the depth and the pack's name to set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static, Tree
from textual.widgets.tree import TreeNode

from studyapp.i18n import format_count, tr
from studyapp.importing.document import Section
from studyapp.importing.new_pack import DocumentRead
from studyapp.text import shown
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.screens.import_questions import ImportQuestionsScreen, QuestionFileTree
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

DOCUMENT_FILES = (".docx", ".pdf", ".txt", ".md")


class DocumentFileTree(QuestionFileTree):
    """Folders, and the files a document can be read from."""

    SUFFIXES: ClassVar[tuple[str, ...]] = DOCUMENT_FILES


class DocumentPickScreen(ImportQuestionsScreen):
    """The question import's picker, for a document; Ctrl+O goes to the next of the
    usual folders (Documents, Downloads, home)."""

    TEXTS: ClassVar[str] = "new_doc"
    TREE: ClassVar[type[QuestionFileTree]] = DocumentFileTree
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "other_folder", "key.other_folder", id="new_doc.other_folder"),
    ]

    def __init__(self, folders: list[Path]) -> None:
        super().__init__(folders[0])
        self._folders = folders

    def action_other_folder(self) -> None:
        tree = self.query_one("#import-tree", QuestionFileTree)
        current = Path(tree.path)
        index = self._folders.index(current) if current in self._folders else -1
        folder = self._folders[(index + 1) % len(self._folders)]
        tree.path = folder
        self.query_one("#import-path", Input).value = str(folder)
        tree.focus()


@dataclass(frozen=True)
class PackChoice:
    """What the secretary chose on the structure screen."""

    depth: int
    title: str


def _descendants(section: Section) -> int:
    return len(section.walk()) - 1


class StructureScreen(StudyScreen["PackChoice | None"]):
    """The structure found: the document's kind and number, sections per level, the
    tree; the depth lessons are cut at (the lessons it gives, counted as typed) and
    the pack's name. Enter or Ctrl+S creates the pack."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "new_doc.create", priority=True, id="new_doc.create"),
        Binding("escape", "back", "key.back", id="new_doc.back"),
    ]

    def __init__(self, read: DocumentRead) -> None:
        super().__init__()
        self.read = read

    def compose(self) -> ComposeResult:
        read = self.read
        yield TitleBar()
        with Vertical(id="structure-body"):
            yield Static(self._summary(), id="structure-summary")
            tree: Tree[None] = Tree(shown(read.title), id="structure-tree")
            tree.show_root = False
            tree.guide_depth = 2
            for section in read.structure.sections:
                self._add(tree.root, section)
            yield tree
            with Horizontal(id="structure-depth-row"):
                yield Label(tr("new_doc.depth_label", deepest=read.deepest))
                yield Input(str(read.depth), id="structure-depth", type="integer",
                            max_length=2)
            yield Static(id="structure-lessons")
            yield Label(tr("new_doc.title_label"))
            yield Input(read.title, id="structure-title")
            yield Static("", id="structure-error")
        yield KeyBar()

    def _summary(self) -> Content:
        read = self.read
        structure = read.structure
        parts = [Content.styled(tr("new_doc.structure", name=shown(read.source.name)), "bold")]
        if structure.kind:
            parts.append(Content(shown(tr("new_doc.kind", kind=structure.kind,
                                           number=structure.number or ""))))
        levels = " · ".join(tr("new_doc.level", depth=level, count=format_count(count))
                            for level, count in sorted(read.levels.items()))
        if levels:
            parts.append(Content(levels))
        if structure.notes:
            parts.append(Content.styled(tr("new_doc.notes", count=len(structure.notes)),
                                        "$text-warning"))
        return Content("\n").join(parts)

    def _add(self, parent: TreeNode[None], section: Section) -> None:
        below = _descendants(section)
        label = f"{section.reference}  {section.title}"
        if below:
            label += f"  ({format_count(below)})"
        node = parent.add(shown(label), expand=section.depth < self.read.depth)
        for child in section.children:
            self._add(node, child)
        if not section.children:
            node.allow_expand = False

    def on_mount(self) -> None:
        self.sub_title = tr("new_doc.title")
        self._show_lessons()
        self.query_one("#structure-title", Input).focus()

    def _depth(self) -> int | None:
        text = self.query_one("#structure-depth", Input).value.strip()
        if not text.isdigit() or not 1 <= int(text) <= self.read.deepest:
            return None
        return int(text)

    def _show_lessons(self) -> None:
        depth = self._depth()
        line = self.query_one("#structure-lessons", Static)
        if depth is None:
            line.update(Content.styled(tr("new_doc.bad_depth", deepest=self.read.deepest),
                                       "$text-error"))
        else:
            line.update(Content(tr("new_doc.lessons", depth=depth,
                                   lessons=format_count(self.read.lessons_at(depth)))))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#structure-error", Static).update("")  # said again on Ctrl+S
        if event.input.id == "structure-depth":
            self._show_lessons()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_create()

    def action_create(self) -> None:
        depth = self._depth()
        title = " ".join(self.query_one("#structure-title", Input).value.split())
        error = self.query_one("#structure-error", Static)
        if depth is None:
            error.update(Content(tr("new_doc.bad_depth", deepest=self.read.deepest)))
            self.query_one("#structure-depth", Input).focus()
            return
        if not title:
            error.update(Content(tr("new_doc.no_title")))
            self.query_one("#structure-title", Input).focus()
            return
        self.dismiss(PackChoice(depth, title))

    def action_back(self) -> None:
        self.dismiss(None)
