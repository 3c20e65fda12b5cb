"""An author's decisions on draft questions (`status = "draft"`), written back to the bank
file at once: accept (the `status` line removed: the question is drawn from then on),
edit (prompt, choices, answer, pairs, explanation set in place), reject (its
`[[questions]]` table removed).

The file is edited through `tomlkit`, which keeps every comment, blank line and the
other questions byte for byte; nothing is spliced into the text by hand. Every edit is
checked by the bank loader itself before it replaces the file (`convert.write_file`
writes a temporary file beside it, then renames it): a bad edit is refused with the
loader's located messages and the file is left as it was.

Comments before a `[[questions]]` header belong, in the file a person reads, to the
question under them, but tomlkit keeps them at the end of the table above. So a question
rejected takes its own comment block with it and leaves the next question's to it, and a
key added to a question goes after its last key, not after the next question's comment.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Comment, Null, Table, Whitespace

from studyapp.content.banks import load_bank
from studyapp.content.problems import Problem, ProblemLog
from studyapp.errors import StudyappError
from studyapp.text import normalize, normalize_line

_Change = Callable[[Container, AoT, int], None]
EDITABLE = ("prompt", "choices", "answer", "pairs", "explanation")
_MULTILINE = ("prompt", "explanation")


class DraftReviewError(StudyappError):
    """A decision that cannot be written: the file is untouched. `problems` holds the
    loader's messages at their place when the edit made the question invalid."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


def clean_value(key: str, value: Any) -> Any:
    """An edited value as the bank stores it: NFC, escape codes and control characters
    removed (a prompt and an explanation keep their line breaks; the rest is one line)."""
    if isinstance(value, str):
        return normalize(value).strip() if key in _MULTILINE else normalize_line(value)
    if isinstance(value, list):
        return [clean_value(key, item) for item in value]
    return value


def accept(path: Path, question_id: str) -> None:
    """The draft becomes a question: its `status` removed."""
    def change(document: Container, questions: AoT, index: int) -> None:
        table = questions[index]
        if "status" in table:
            del table["status"]
    _edit(path, question_id, change)


def reject(path: Path, question_id: str) -> None:
    """The draft is removed from the bank, with the comment block above it."""
    def change(document: Container, questions: AoT, index: int) -> None:
        below = questions[index].value
        moved = [below.body[i][1] for i in _trailing(below)]
        if index > 0:
            above: Container = questions[index - 1].value
            end = len(above.body)
        else:  # the first question's comment block is in the bank's own part
            above = document
            end = next(i for i, (key, item) in enumerate(document.body) if item is questions)
        _drop_attached_comments(above, end)
        del questions[index]
        if not questions:  # tomlkit would write `questions = []` at the top
            del document["questions"]
        if not moved:
            return
        _drop_trailing_blank(above, end)
        if index > 0:
            for item in moved:
                above.append(None, item)
        else:
            _put_before(document, end, "".join(item.as_string() for item in moved))
    _edit(path, question_id, change)


def edit(path: Path, question_id: str, values: Mapping[str, Any]) -> None:
    """Set the given keys of a question (`EDITABLE` only), cleaned; a value of None
    removes the key (an explanation emptied)."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def change(document: Container, questions: AoT, index: int) -> None:
        table = questions[index]
        for key, raw in values.items():
            value = clean_value(key, raw)
            if value is None or value == "":
                if key in table:
                    del table[key]
            elif key in table:
                if table[key] != value:
                    table[key] = value
            else:
                _add_key(table, key, value)
    _edit(path, question_id, change)


# --- the edit itself ----------------------------------------------------------------------


def _edit(path: Path, question_id: str, change: _Change) -> None:
    from studyapp.i18n import tr  # noqa: PLC0415
    from studyapp.importing.convert import write_file  # noqa: PLC0415

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DraftReviewError(tr("drafts.cannot_read", path=path,
                                  reason=error.strerror or str(error))) from error
    document = tomlkit.parse(text)
    questions = document.get("questions")
    if not isinstance(questions, AoT):
        raise DraftReviewError(tr("drafts.not_found", id=question_id, path=path))
    index = next((i for i, table in enumerate(questions) if table.get("id") == question_id),
                 None)
    if index is None:
        raise DraftReviewError(tr("drafts.not_found", id=question_id, path=path))
    change(document, questions, index)

    def verify(written: Path) -> list[Problem]:
        check = ProblemLog()
        load_bank(written, "", check)
        return [dataclasses.replace(problem, path=path) for problem in check.errors]

    problems = write_file(path, tomlkit.dumps(document), verify)
    if problems:
        raise DraftReviewError(tr("drafts.edit_refused", path=path), problems)


def _trailing(container: Container) -> list[int]:
    """The indexes of the comments and blank lines after a table's last key."""
    body = container.body
    found: list[int] = []
    for index in range(len(body) - 1, -1, -1):
        key, item = body[index]
        if key is not None:
            break
        if isinstance(item, Comment | Whitespace):
            found.append(index)
    return found[::-1]


def _drop_attached_comments(container: Container, end: int) -> None:
    """The comment lines right above the header at `end` (no blank line between) removed."""
    body = container.body
    for index in range(end - 1, -1, -1):
        key, item = body[index]
        if key is not None or isinstance(item, Whitespace):
            break
        if isinstance(item, Comment):
            body[index] = (None, Null())


def _drop_trailing_blank(container: Container, end: int) -> None:
    """The blank lines before `end` removed (the moved block brings its own)."""
    body = container.body
    for index in range(end - 1, -1, -1):
        key, item = body[index]
        if key is not None or isinstance(item, Comment):
            break
        if isinstance(item, Whitespace):
            body[index] = (None, Null())


def _put_before(document: Container, end: int, text: str) -> None:
    """Comments and blank lines (as written) just before the document's item at `end`:
    in the slot there, or after the value of the key there. tomlkit inserts no keyless
    item before a table; the file is parsed anew on the next edit."""
    if end == 0:
        return
    key, item = document.body[end - 1]
    if key is None:
        kept = "" if isinstance(item, Null) else item.as_string()
        document.body[end - 1] = (None, Whitespace(kept + text))
    else:
        item.trivia.trail += text


def _add_key(table: Table, key: str, value: Any) -> None:
    """A new key after the table's last key: the comments below it (the next
    question's) stay where they were."""
    container = table.value
    trailing = _trailing(container)
    moved = [container.body[i][1] for i in trailing]
    for index in trailing:
        container.body[index] = (None, Null())
    table[key] = value
    for item in moved:
        container.append(None, item)
