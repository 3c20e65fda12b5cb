"""The lesson tree: the document's table of contents, one node per lesson."""

from __future__ import annotations

import re

from rich.text import Text
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
        label = Text(tree_label(lesson, parent))
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
