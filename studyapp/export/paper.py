"""A paper for print (Markdown or one self-contained HTML page) and its answer key, or JSON."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from studyapp.content.model import LETTERS, Pack
from studyapp.i18n import tr
from studyapp.quiz.selection import Paper, PaperItem

ITEM_LABELS = "abcdefgh"


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def shown_answer(item: PaperItem) -> Any:
    """The right answer in the terms shown on the paper: letters as shown for
    choices, the shown items' labels in the right order, the shown right
    side's label for each left side."""
    question = item.question
    kind = question.type
    if kind == "single":
        return item.answer_letters[0]
    if kind == "multi":
        return item.answer_letters
    if kind == "truefalse":
        return question.truth
    if kind == "fill":
        return question.accepted[0] if len(question.accepted) == 1 else list(question.accepted)
    if kind == "number":
        return _number(question.number) if question.number is not None else None
    if kind == "order":
        return [LETTERS[item.item_order.index(i)] for i in range(len(question.items))]
    return [LETTERS[item.right_order.index(i)] for i in range(len(question.pairs))]


def paper_to_data(paper: Paper) -> dict[str, Any]:
    """The JSON of `studyapp paper` (cli.md): choices, items and right sides
    in the order shown; answers in the letters shown."""
    questions = []
    for item in paper.items:
        question = item.question
        questions.append({
            "id": question.full_id,
            "type": question.type,
            "prompt": question.prompt,
            "choices": item.shown_choices if question.choices else None,
            "answer": shown_answer(item),
            "items": item.shown_items if question.items else None,
            "pairs": [[left, right] for (left, _), right in
                      zip(question.pairs, item.shown_rights, strict=True)]
            if question.pairs else None,
            "points": _number(Decimal(question.points.numerator) / question.points.denominator),
            "lesson": question.lesson,
        })
    return {"seed": paper.seed, "count": len(paper.items), "questions": questions}


# --- for print ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of a printed paper, before it becomes Markdown or HTML."""

    kind: str  # title, meta, field, question, choice, pair, answer-line, note, key
    text: str
    strong: str = ""
    other: str = ""
    """A pair's right-hand side (its label is `other_strong`), beside its left one."""
    other_strong: str = ""


def _instruction(item: PaperItem) -> str:
    return tr(f"paper.how.{item.question.type}")


def _paper_lines(paper: Paper, pack: Pack | None, *, code: str | None = None,
                 fields: str | None = None) -> list[Line]:
    """The paper's lines; a session's paper has its own `code` and the
    member's name in its `fields`."""
    lines = [Line("title", tr("paper.title", title=pack.title if pack else "")),
             Line("meta", tr("paper.meta", source=pack.source if pack else "",
                             count=len(paper.items), seed=code or paper.seed)),
             Line("field", fields or tr("paper.fields"))]
    for number, item in enumerate(paper.items, 1):
        question = item.question
        lines.append(Line("question", question.prompt, tr("paper.question", number=number)))
        lines.append(Line("note", _instruction(item)))
        kind = question.type
        if kind in ("single", "multi"):
            lines += [Line("choice", text, f"{LETTERS[i]}.")
                      for i, text in enumerate(item.shown_choices)]
        elif kind == "truefalse":
            lines.append(Line("answer-line", tr("paper.true_false")))
        elif kind in ("fill", "number"):
            lines.append(Line("answer-line", tr("paper.answer_line")))
        elif kind == "order":
            lines += [Line("choice", text, f"[   ] {LETTERS[i]}.")
                      for i, text in enumerate(item.shown_items)]
        else:
            # Two columns, as the instruction says: left sides 1, 2… beside right ones A, B…
            lefts = [left for left, _ in question.pairs]
            lines += [Line("pair", left, f"{i}.", right, f"{LETTERS[i - 1]}.")
                      for i, (left, right) in enumerate(zip(lefts, item.shown_rights,
                                                            strict=True), 1)]
            lines.append(Line("answer-line", "   ".join(f"{i} → ____"
                                                       for i in range(1, len(lefts) + 1))))
    return lines


def _key_text(item: PaperItem) -> str:
    answer = shown_answer(item)
    kind = item.question.type
    if kind == "truefalse":
        return tr("paper.true") if answer else tr("paper.false")
    if kind == "multi":
        return ", ".join(answer)
    if kind == "fill":
        return " / ".join(answer) if isinstance(answer, list) else str(answer)
    if kind == "order":
        # The form the paper asks: the number to write in each box.
        return ", ".join(f"[{place + 1}] {LETTERS[shown]}"
                         for shown, place in enumerate(item.item_order))
    if kind == "match":
        return ", ".join(f"{i} → {letter}" for i, letter in enumerate(answer, 1))
    return str(answer)


def _key_lines(paper: Paper, pack: Pack | None) -> list[Line]:
    lines = [Line("title", tr("paper.key_title", title=pack.title if pack else "")),
             Line("meta", tr("paper.meta", source=pack.source if pack else "",
                             count=len(paper.items), seed=paper.seed))]
    for number, item in enumerate(paper.items, 1):
        lines.append(Line("key", _key_text(item), tr("paper.key_number", number=number)))
        if item.question.explanation:
            lines.append(Line("key-note", item.question.explanation))
    return lines


def _markdown(lines: list[Line]) -> str:
    out: list[str] = []
    for line in lines:
        text = _md_escape(line.text)
        if line.kind == "title":
            out += [f"# {text}", ""]
        elif line.kind == "meta":
            out += [text, ""]
        elif line.kind == "field":
            out += [text, "", "---", ""]
        elif line.kind == "question":
            out += ["", f"**{line.strong}** {text}", ""]
        elif line.kind in ("note", "key-note"):
            out += [f"*{text}*", ""]
        elif line.kind == "choice":
            out.append(f"- {_md_escape(line.strong)} {text}".rstrip())
        elif line.kind == "pair":
            if not out or not out[-1].startswith("|"):
                out += ["", "| | |", "|---|---|"]
            out.append(f"| {_md_escape(line.strong)} {text} | "
                       f"{_md_escape(line.other_strong)} {_md_escape(line.other)} |")
        elif line.kind == "answer-line":
            out += ["", text, ""]
        elif line.kind == "key":
            out.append(f"**{line.strong}** {text}  ")
    return "\n".join(out).rstrip() + "\n"


def _md_escape(text: str) -> str:
    """Keep Markdown from reading the text as markup (`*`, `_`, `#`, `[`...)."""
    special = "\\`*_{}[]<>#+!|"
    return "".join(f"\\{c}" if c in special else c for c in text)


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
@page {{ size: A4; margin: 18mm 16mm; }}
body {{ font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 12.5pt;
       line-height: 1.4; color: #000; max-width: 180mm; margin: 0 auto; }}
h1 {{ font-size: 16pt; text-align: center; margin: 0 0 4pt; }}
.meta {{ text-align: center; margin: 0 0 10pt; }}
.fields {{ border-bottom: 1px solid #000; padding-bottom: 8pt; margin-bottom: 10pt; }}
.question {{ break-inside: avoid; page-break-inside: avoid; margin: 10pt 0 0; }}
.number {{ font-weight: bold; }}
.note {{ font-style: italic; margin: 2pt 0 4pt; }}
ul {{ list-style: none; margin: 0; padding-left: 1.5em; }}
li {{ margin: 2pt 0; }}
li, .line {{ white-space: pre-wrap; }}
.line {{ margin: 6pt 0 0 1.5em; }}
table.pairs {{ border-collapse: collapse; margin: 2pt 0 0 1.5em; width: calc(100% - 1.5em); }}
table.pairs td {{ vertical-align: top; padding: 1pt 8pt 1pt 0; width: 50%; }}
{extra_css}
.key li {{ margin: 4pt 0; }}
</style>
</head>
<body>
{body}
</body>
</html>
"""


def _html_body(lines: list[Line]) -> tuple[str, str]:
    """The title and the HTML body of `lines`."""
    parts: list[str] = []
    in_list = False
    in_table = False
    open_question = False
    title = ""
    for line in lines:
        text = html.escape(line.text)
        strong = html.escape(line.strong)
        if line.kind != "choice" and in_list:
            parts.append("</ul>")
            in_list = False
        if line.kind != "pair" and in_table:
            parts.append("</table>")
            in_table = False
        if line.kind in ("question", "key", "title") and open_question:
            parts.append("</div>")
            open_question = False
        if line.kind == "title":
            title = text
            parts.append(f"<h1>{text}</h1>")
        elif line.kind == "meta":
            parts.append(f'<p class="meta">{text}</p>')
        elif line.kind == "field":
            parts.append(f'<p class="fields">{text}</p>')
        elif line.kind in ("question", "key"):
            css = "question" if line.kind == "question" else "question key"
            parts.append(f'<div class="{css}"><p><span class="number">{strong}</span> '
                         f"{text}</p>")
            open_question = True
        elif line.kind in ("note", "key-note"):
            parts.append(f'<p class="note">{text}</p>')
        elif line.kind == "choice":
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{strong} {text}</li>" if strong else f"<li>{text}</li>")
        elif line.kind == "pair":
            if not in_table:
                parts.append('<table class="pairs">')
                in_table = True
            parts.append(f"<tr><td>{strong} {text}</td><td>{html.escape(line.other_strong)} "
                         f"{html.escape(line.other)}</td></tr>")
        elif line.kind == "answer-line":
            parts.append(f'<p class="line">{text}</p>')
    if in_list:
        parts.append("</ul>")
    if in_table:
        parts.append("</table>")
    if open_question:
        parts.append("</div>")
    return title, "\n".join(parts)


def _html(lines: list[Line], lang: str) -> str:
    title, body = _html_body(lines)
    return _PAGE.format(lang=lang, title=title, body=body, extra_css="")


def render_paper(paper: Paper, pack: Pack | None, fmt: str, *, answer_key: bool = False,
                 lang: str = "vi") -> str:
    """The paper (or, with `answer_key`, its key) as Markdown or HTML."""
    lines = _key_lines(paper, pack) if answer_key else _paper_lines(paper, pack)
    return _html(lines, lang) if fmt == "html" else _markdown(lines)


# --- a session's papers, one per present member -----------------------------------------


class MemberPaperLike(Protocol):
    """What a printed member's paper needs (`store.papers.MemberPaper` has it)."""

    @property
    def label(self) -> str: ...
    @property
    def code(self) -> str: ...
    @property
    def paper(self) -> Paper: ...


def _css_string(text: str) -> str:
    """`text` as a CSS string: every character that is not a plain letter,
    digit or space escaped, so a name can never end the string or the style."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):x} "
                   for c in text)
    return f'"{safe}"'


def render_session_papers(papers: Sequence[MemberPaperLike], pack: Pack | None, *,
                          cell: str, held_on: str, lang: str = "vi") -> str:
    """One A4 HTML document with each member's own paper, each starting on a
    new page, with their name in the header and their name, the paper code
    and the page number at the foot of every page (named CSS pages, which
    Chromium prints)."""
    sections: list[str] = []
    css: list[str] = []
    for number, member in enumerate(papers, 1):
        fields = tr("paper.fields_named", name=member.label, cell=cell, date=held_on)
        _, body = _html_body(_paper_lines(member.paper, pack, code=member.code, fields=fields))
        footer = _css_string(tr("paper.footer", name=member.label, code=member.code))
        css.append(f"@page member-{number} {{ @bottom-center {{ content: {footer} "
                   f"counter(page); font-size: 9pt; }} }}")
        css.append(f".member-{number} {{ page: member-{number}; }}")
        sections.append(f'<section class="member member-{number}">\n{body}\n</section>')
    css.append(".member + .member { break-before: page; }")
    title = html.escape(tr("paper.session_title", cell=cell, date=held_on))
    return _PAGE.format(lang=lang, title=title, body="\n".join(sections),
                        extra_css="\n".join(css))
