"""The lesson tree: the document's table of contents, one node per lesson."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from studyapp.content.catalog import Catalog
from studyapp.content.model import Lesson

_ROMAN = re.compile(r"[IVXLC]+")


def tree_label(lesson: Lesson, parent: Lesson | None) -> str:
    """The lesson's title with its number in the document, as a reader of the
    printed plan would name it: `II. Nội dung…`, `(6) Quy định…`, `1. Ban…`.

    Only the part of `source` below the parent's is shown, and nothing when the
    source is not a sub-part of the parent's (a topic lesson such as “Bốn kiên định”)."""
    source = lesson.source
    if parent is None:
        number = f"{source}." if _ROMAN.fullmatch(source) else ""
    elif source.startswith(parent.source + "."):
        rest = source[len(parent.source) + 1:]
        number = rest if rest.startswith("(") else f"{rest}."
    else:
        number = ""
    return f"{number} {lesson.title}" if number else lesson.title


class LessonTree(Tree[str]):
    """Lessons in reading order; each node's data is a lesson id (a pack id for
    pack nodes, when there is more than one pack)."""

    DEFAULT_CSS = """
    LessonTree { padding: 0 1 0 0; }
    """

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._lesson_nodes: dict[str, TreeNode[str]] = {}
        self.base_labels: dict[str, str] = {}
        """Each lesson's label as built (number and title), before any mark."""
        self._populate(catalog)

    def _populate(self, catalog: Catalog) -> None:
        several = len(catalog.packs) > 1
        for pack in catalog.packs:
            top = self.root
            if several:
                top = self.root.add(Text(f"{pack.source} — {pack.title}"), data=pack.id,
                                    expand=True)
            for lesson in catalog.roots(pack.id):
                self._add(catalog, top, lesson, None)

    def _add(self, catalog: Catalog, parent_node: TreeNode[str], lesson: Lesson,
             parent: Lesson | None) -> None:
        # Text, not str: a str label would be parsed as markup.
        self.base_labels[lesson.id] = tree_label(lesson, parent)
        label = Text(self.base_labels[lesson.id])
        children = catalog.children(lesson.id)
        if children:
            node = parent_node.add(label, data=lesson.id, expand=True)
            for child in children:
                self._add(catalog, node, child, lesson)
        else:
            node = parent_node.add_leaf(label, data=lesson.id)
        self._lesson_nodes[lesson.id] = node

    def node_for(self, lesson_id: str) -> TreeNode[str] | None:
        return self._lesson_nodes.get(lesson_id)

    def show_lesson(self, lesson_id: str) -> None:
        """Move the cursor to the lesson's node (opening its parents)."""
        node = self._lesson_nodes.get(lesson_id)
        if node is None:
            return
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.move_cursor(node, animate=False)

    def set_mark(self, lesson_id: str, mark: str, style: str = "") -> None:
        """Show `mark` (a tick, a box) before the lesson's label."""
        node = self._lesson_nodes.get(lesson_id)
        if node is not None:
            node.set_label(Text.assemble((mark, style), self.base_labels[lesson_id]))

    @property
    def lesson_ids(self) -> list[str]:
        return list(self._lesson_nodes)


class LessonPicker(LessonTree):
    """The lesson tree with a box before each lesson: Space ticks a lesson
    with everything under it; a part shows [-] when only some of it is ticked."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_lesson", "key.toggle_lesson", id="picker.toggle"),
        Binding("a", "toggle_all", "key.toggle_all", id="picker.all"),
    ]

    class Changed(Message):
        """The ticked lessons changed."""

    def __init__(self, catalog: Catalog, *, checked: Iterable[str] | None = None,
                 id: str | None = None) -> None:
        super().__init__(catalog, id=id)
        self._catalog = catalog
        self.checked: set[str] = set(self._lesson_nodes) if checked is None else set(checked)
        self._relabel_all()

    def _state(self, lesson_id: str) -> str:
        family = [lesson_id, *(d.id for d in self._catalog.descendants(lesson_id))]
        ticked = sum(1 for lesson in family if lesson in self.checked)
        if ticked == len(family):
            return "[x] "
        return "[-] " if ticked else "[ ] "

    def _relabel_all(self) -> None:
        for lesson_id in self._lesson_nodes:
            self.set_mark(lesson_id, self._state(lesson_id), "bold")

    def action_toggle_lesson(self) -> None:
        node = self.cursor_node
        if node is None or node.data not in self._lesson_nodes:
            return
        lesson_id = node.data
        family = {lesson_id, *(d.id for d in self._catalog.descendants(lesson_id))}
        if self._state(lesson_id) == "[x] ":
            self.checked -= family
        else:
            self.checked |= family
        self._relabel_all()
        self.post_message(self.Changed())

    def action_toggle_all(self) -> None:
        everything = set(self._lesson_nodes)
        self.checked = set() if self.checked == everything else everything
        self._relabel_all()
        self.post_message(self.Changed())

    def action_select_cursor(self) -> None:
        # A click on a lesson ticks it (Enter is the screen's: start).
        self.action_toggle_lesson()

    def chosen(self) -> frozenset[str] | None:
        """The ticked lessons; None when all are (no filter needed)."""
        if self.checked == set(self._lesson_nodes):
            return None
        return frozenset(self.checked)
