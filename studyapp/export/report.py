"""The printable report upward: Markdown, or one self-contained HTML page for A4.

The report is built once as plain blocks (headings, facts, tables, bars,
lists), then written as Markdown or HTML; every text from content or people
is escaped by the writer, in one place. One session, a cell's sessions, or a
whole ward: one section per cell, and a table comparing the cells first.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

from studyapp.content.catalog import Catalog
from studyapp.i18n import (
    current_language,
    format_count,
    format_date,
    format_decimal,
    format_duration,
    tr,
)
from studyapp.quiz.describe import (
    as_written,
    describe_correct,
    top_wrong_line,
    wrong_answer_text,
)
from studyapp.store.models import AttendanceStatus, Member, member_label
from studyapp.store.report import MemberRow, SessionReport, session_report
from studyapp.store.signing import Provenance, fingerprint, provenance
from studyapp.store.store import Store
from studyapp.text import shown, sort_key

MOST_MISSED = 5
"""How many of the most-missed questions a session's report lists."""


# --- blocks --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Facts:
    """Label: value lines."""

    lines: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    """Columns aligned right (numbers)."""
    wrap: frozenset[int] = frozenset({0})
    """Columns whose text may wrap (names, notes); the others stay on one line."""


@dataclass(frozen=True)
class Bars:
    """A bar chart of counts (the members in each band)."""

    title: str
    bars: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Items:
    """A numbered list; each entry a bold first line and plain lines under it."""

    entries: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Signature:
    place_date: str
    role: str
    name: str


Block = Heading | Facts | Table | Bars | Items | Paragraph | Signature


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)


# --- building ------------------------------------------------------------------------------------


def _score(value: Fraction | None) -> str:
    return format_decimal(value, 1) if value is not None else "—"


def _percent(value: Fraction | None) -> str:
    return f"{format_decimal(value * 100, 0)}%" if value is not None else "—"


def session_blocks(report: SessionReport, catalog: Catalog, *, level: int = 2) -> list[Block]:
    session = report.session
    figures = report.figures
    blocks: list[Block] = [Heading(level, tr("report.session_heading",
                                             date=format_date(session.held_on),
                                             topic=session.topic))]
    facts = [(tr("report.cell"), report.cell.name), (tr("report.date"),
                                                      format_date(session.held_on)),
             (tr("report.topic"), session.topic)]
    if session.run_by:
        facts.append((tr("report.run_by"), session.run_by))
    facts.append((tr("report.state"), tr("summary.closed", date=format_date(
        session.closed_at.date())) if session.closed and session.closed_at
        else tr("summary.open")))
    blocks.append(Facts(tuple(facts)))

    blocks.append(Heading(level + 1, tr("report.attendance")))
    everyone = [row.member for row in report.rows]
    present = sum(1 for row in report.rows if row.present)
    not_tested = report.count(AttendanceStatus.NOT_TESTED)
    counts = tr("report.attendance_counts", present=present, total=len(report.rows),
                excused=report.count(AttendanceStatus.EXCUSED),
                absent=report.count(AttendanceStatus.ABSENT))
    if not_tested:
        counts += " " + tr("report.not_tested", count=not_tested)
    blocks.append(Paragraph(counts))
    away = [row for row in report.rows
            if row.attendance in (AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT)]
    if away:
        blocks.append(Table(
            (tr("summary.column.name"), tr("summary.column.attendance"),
             tr("summary.column.note")),
            tuple((member_label(row.member, everyone), tr(f"attendance.{row.attendance.value}")
                   if row.attendance else "", row.note) for row in away),
            wrap=frozenset({0, 2})))

    blocks.append(Heading(level + 1, tr("report.members")))
    member_rows = []
    for number, row in enumerate((r for r in report.rows if r.attendance is not None), 1):
        counted = row.counted
        member_rows.append((
            str(number), member_label(row.member, everyone),
            tr(f"attendance.{row.attendance.value}") if row.attendance else "",
            _score(counted.score) if counted else "",
            (counted.band or "") if counted else "",
            format_duration(counted.time_spent) if counted and counted.time_spent else "",
            tr("summary.retake", count=row.finished - 1) if row.finished > 1 else row.note))
    blocks.append(Table(
        (tr("report.number"), tr("summary.column.name"), tr("summary.column.attendance"),
         tr("summary.column.score"), tr("summary.column.band"), tr("summary.column.time"),
         tr("summary.column.note")), tuple(member_rows), frozenset({0, 3}),
        frozenset({1, 6})))

    blocks.append(Heading(level + 1, tr("report.figures")))
    if figures.tested:
        blocks.append(Facts((
            (tr("report.tested"), tr("report.tested_value", tested=figures.tested,
                                     present=present)),
            (tr("report.average"), _score(figures.average)),
            (tr("report.median"), _score(figures.median)),
            (tr("report.highest_lowest"), f"{_score(figures.highest)} / "
                                          f"{_score(figures.lowest)}"),
            (tr("report.pass_rate"), tr("report.pass_rate_value",
                                        rate=_percent(figures.pass_rate),
                                        passed=figures.passed, tested=figures.tested)),
        )))
        blocks.append(Bars(tr("chart.bands"), tuple(figures.bands)))
    else:
        blocks.append(Paragraph(tr("summary.nobody")))

    missed = [stats for stats in figures.items if stats.right < stats.asked][:MOST_MISSED]
    if missed:
        blocks.append(Heading(level + 1, tr("report.most_missed")))
        entries: list[tuple[str, tuple[str, ...]]] = []
        for stats in missed:
            item = as_written(catalog, stats.question_id)
            share = tr("report.share_right", percent=_percent(stats.facility),
                       right=stats.right, asked=stats.asked)
            if item is None:
                entries.append((stats.question_id, (share, tr("item.gone",
                                                              id=stats.question_id))))
                continue
            question = item.question
            lines = [share, tr("report.right_answer",
                               answer="; ".join(describe_correct(item, letters=False)))]
            wrong = wrong_answer_text(item, stats)
            if wrong:
                lines.append(top_wrong_line(wrong, stats.top_wrong_count))
            if question.lesson and catalog.has_lesson(question.lesson):
                lesson = catalog.lesson(question.lesson)
                lines.append(tr("report.lesson", lesson=f"{lesson.source} — {lesson.title}"))
            entries.append((question.prompt, tuple(lines)))
        blocks.append(Items(tuple(entries)))
    return blocks


@dataclass(frozen=True)
class CellLine:
    """A cell in the ward's comparison table."""

    name: str
    sessions: int
    present: int
    marked: int
    tested: int
    average: Fraction | None
    passed: int
    excused: int = 0
    absent: int = 0
    not_tested: int = 0
    """Present and without a test that counts (marked so at closing, or not yet)."""


def _missed(row: MemberRow) -> str | None:
    """Why a member is on the list of who missed: excused, absent, or present
    and not tested; None for a member tested (or not marked)."""
    if row.attendance in (AttendanceStatus.EXCUSED, AttendanceStatus.ABSENT):
        return row.attendance.value
    if row.present and row.counted is None:
        return AttendanceStatus.NOT_TESTED.value
    return None


def _cell_line(name: str, reports: Sequence[SessionReport]) -> CellLine:
    scores = [row.counted.score for report in reports for row in report.rows
              if row.counted is not None and row.counted.score is not None]
    passed = sum(report.figures.passed for report in reports)
    why = [_missed(row) for report in reports for row in report.rows]
    return CellLine(name, len(reports),
                    sum(1 for report in reports for row in report.rows if row.present),
                    sum(1 for report in reports for row in report.rows if row.attendance),
                    len(scores), sum(scores, Fraction(0)) / len(scores) if scores else None,
                    passed, why.count(AttendanceStatus.EXCUSED.value),
                    why.count(AttendanceStatus.ABSENT.value),
                    why.count(AttendanceStatus.NOT_TESTED.value))


def _person(member: Member) -> str:
    """A member's name, with the note that tells same-named members apart."""
    return member_label(member)


def _missed_table(by_cell: dict[str, list[SessionReport]]) -> Table | None:
    """One list of who missed across the period: each absence, excused absence
    and test not taken, by cell, name and date, with the reason noted."""
    lines = []
    for cell, reports in by_cell.items():
        for report in reports:
            for row in report.rows:
                why = _missed(row)
                if why is not None:
                    lines.append((sort_key(cell), sort_key(row.member.full_name),
                                  row.member.note, report.session.held_on, cell,
                                  _person(row.member), tr(f"attendance.{why}"), row.note))
    if not lines:
        return None
    lines.sort(key=lambda line: line[:4])
    several = len(by_cell) > 1
    header = (tr("report.number"), tr("summary.column.name"),
              *((tr("report.cell"),) if several else ()), tr("report.date"),
              tr("summary.column.attendance"), tr("summary.column.note"))
    rows = tuple((str(number), person, *((cell,) if several else ()), format_date(day),
                  why, note)
                 for number, (_, _, _, day, cell, person, why, note) in enumerate(lines, 1))
    return Table(header, rows, frozenset({0}),
                 frozenset({1, 2, 5} if several else {1, 4}))


def _period(reports: Sequence[SessionReport], asked: tuple[date | None, date | None]) -> str:
    """The period the report was asked for (`--from/--to`); the sessions' own
    dates only when none was asked."""
    start, end = asked
    if start is not None and end is not None:
        return format_date(start) if start == end else tr(
            "report.period_value", first=format_date(start), last=format_date(end))
    if start is not None:
        return tr("report.period_from", first=format_date(start))
    if end is not None:
        return tr("report.period_to", last=format_date(end))
    first = min(report.session.held_on for report in reports)
    last = max(report.session.held_on for report in reports)
    return format_date(first) if first == last else tr(
        "report.period_value", first=format_date(first), last=format_date(last))


def verification_words(found: Provenance) -> str:
    """Whether a session's data is verified, and if not, why (issue 21, item 6)."""
    if found.status == "verified" and found.key:
        return tr("report.verified", key=fingerprint(found.key))
    if found.status == "unknown_key" and found.key:
        return tr("report.unverified_unknown_key", key=fingerprint(found.key))
    return tr(f"report.unverified_{'unsigned' if found.status == 'unsigned' else 'here'}")


def cell_verification(found: Sequence[Provenance]) -> str:
    """A cell's sessions in one phrase: "đã xác minh (khóa A1B2-C3D4)", or each
    kind with its number of sessions when they differ."""
    counts: dict[str, int] = {}
    for one in found:
        words = verification_words(one)
        counts[words] = counts.get(words, 0) + 1
    if len(counts) == 1:
        return next(iter(counts))
    return "; ".join(tr("report.verification_part", what=words, count=count)
                     for words, count in counts.items())


def build_report(store: Store, catalog: Catalog, session_ids: Sequence[str], *,
                 now: datetime | None = None, place: str = "",
                 period: tuple[date | None, date | None] = (None, None)) -> Document:
    """The report of these sessions: one section per cell (a table comparing
    the cells first, when there are several), then one list of who missed.
    `period`: the dates asked for (from, to), shown as the report's period."""
    reports = [session_report(store, catalog, session_id) for session_id in session_ids]
    by_cell: dict[str, list[SessionReport]] = {}
    for report in sorted(reports, key=lambda r: (sort_key(r.cell.name), r.session.held_on)):
        by_cell.setdefault(report.cell.name, []).append(report)
    moment = now or datetime.now().astimezone()
    document = Document(tr("report.title"))
    facts: list[tuple[str, str]] = []
    sources = provenance(store, [report.session.id for report in reports])
    # Said on a database that received bundles (the ward's), or over several cells;
    # a cell's own laptop, the source itself, prints its report without it.
    verified = {name: cell_verification([sources[report.session.id] for report in cell])
                for name, cell in by_cell.items()} \
        if len(by_cell) > 1 or any(one.status != "here" for one in sources.values()) else {}
    if len(by_cell) == 1:
        facts.append((tr("report.cell"), next(iter(by_cell))))
        if verified:
            facts.append((tr("report.verification"), next(iter(verified.values()))))
    if reports or period != (None, None):
        facts.append((tr("report.period"), _period(reports, period)))
    document.blocks += _opening(catalog, facts, moment)
    if not reports:
        document.blocks.append(Paragraph(tr("report.empty")))
    if len(by_cell) > 1:
        document.blocks.append(Heading(2, tr("report.ward")))
        lines = [_cell_line(name, cell_reports) for name, cell_reports in by_cell.items()]
        document.blocks.append(Table(
            (tr("report.cell"), tr("report.sessions"), tr("report.present"),
             tr("report.excused"), tr("report.absent"), tr("report.present_not_tested"),
             tr("report.tested"), tr("report.average"), tr("report.pass_rate")),
            tuple((line.name, format_count(line.sessions),
                   f"{format_count(line.present)}/{format_count(line.marked)}",
                   format_count(line.excused), format_count(line.absent),
                   format_count(line.not_tested),
                   format_count(line.tested), _score(line.average),
                   _percent(Fraction(line.passed, line.tested) if line.tested else None))
                  for line in lines), frozenset(range(1, 9)), frozenset({0, 5})))
    for name, cell_reports in by_cell.items():
        level = 2
        if len(by_cell) > 1:
            document.blocks.append(Heading(2, name))
            document.blocks.append(Facts(((tr("report.verification"), verified[name]),)))
            level = 3
        for report in cell_reports:
            document.blocks += session_blocks(report, catalog, level=level)
    missed = _missed_table(by_cell)
    if missed is not None:
        document.blocks += [Heading(2, tr("report.missed")), missed]
    document.blocks.append(Signature(
        tr("report.place_date", place=place or "……………", day=moment.day, month=moment.month,
           year=moment.year),
        tr("report.signer") if len(by_cell) <= 1 else tr("report.signer_ward"),
        ""))  # signed by hand: the chair is not always the one who reports
    return document


def _opening(catalog: Catalog, facts: list[tuple[str, str]], moment: datetime) -> list[Block]:
    """The title, then the document studied, `facts`, and the day the report was made."""
    pack = catalog.packs[0] if catalog.packs else None
    document = [(tr("report.document"), f"{pack.title} ({pack.source})")] if pack else []
    return [Heading(1, tr("report.title")),
            Facts((*document, *facts, (tr("report.made_on"), format_date(moment.date()))))]


def member_report(store: Store, catalog: Catalog, member_id: str,
                  rows: Sequence[tuple[date | None, str, str, str, str]], *,
                  now: datetime | None = None) -> Document:
    """A member's results: their tests across sessions (and alone), one line each."""
    member = store.member(member_id)
    cell = store.cell(member.cell_id)
    document = Document(tr("report.title"), _opening(
        catalog, [(tr("report.member"), member_label(member)), (tr("report.cell"), cell.name)],
        now or datetime.now().astimezone()))
    document.blocks.append(Table(
        (tr("report.date"), tr("report.topic"), tr("summary.column.attendance"),
         tr("summary.column.score"), tr("summary.column.band")),
        tuple((format_date(day) if day else "", topic, attendance, score, band)
              for day, topic, attendance, score, band in rows), frozenset({3}),
        frozenset({1})))
    return document


# --- writing ------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text that Markdown shows as written (no emphasis, links, HTML or tables)."""
    special = "\\`*_{}[]<>#+!|~"
    escaped = "".join(f"\\{c}" if c in special else c for c in shown(text))
    return " ".join(escaped.split())  # a line break in a name would end a table row


def to_markdown(document: Document) -> str:
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            out += [f"{'#' * block.level} {_md(block.text)}", ""]
        elif isinstance(block, Facts):
            out += [f"- **{_md(label)}:** {_md(value)}" for label, value in block.lines] + [""]
        elif isinstance(block, Paragraph):
            out += [_md(block.text), ""]
        elif isinstance(block, Table):
            out.append("| " + " | ".join(_md(text) for text in block.header) + " |")
            out.append("|" + "|".join("---:" if i in block.numeric else "---"
                                      for i in range(len(block.header))) + "|")
            out += ["| " + " | ".join(_md(text) for text in row) + " |" for row in block.rows]
            out.append("")
        elif isinstance(block, Bars):
            out += [f"**{_md(block.title)}**", ""]
            top = max((count for _, count in block.bars), default=0)
            width = max((len(label) for label, _ in block.bars), default=0)
            out.append("```")
            for label, count in block.bars:
                bar = "█" * (round(count * 30 / top) if top else 0)
                out.append(f"{label.ljust(width)}  {bar} {count}")
            out += ["```", ""]
        elif isinstance(block, Items):
            for number, (first, lines) in enumerate(block.entries, 1):
                out.append(f"{number}. **{_md(first)}**")
                out += [f"   - {_md(line)}" for line in lines]
            out.append("")
        elif isinstance(block, Signature):
            out += ["", f"*{_md(block.place_date)}*", "", f"**{_md(block.role)}**",
                    "", "", "", _md(block.name) if block.name else "……………………………", ""]
    return "\n".join(out).rstrip("\n") + "\n"


_STYLE = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Times New Roman", "DejaVu Serif", serif; font-size: 12.5pt;
       line-height: 1.4; color: #000; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 8pt; text-transform: uppercase; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; border-bottom: 1px solid #000; }
h3 { font-size: 12.5pt; margin: 12pt 0 4pt; }
h4 { font-size: 12.5pt; margin: 10pt 0 4pt; font-style: italic; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 1pt 10pt; margin: 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 11.5pt; }
th, td { border: 1px solid #000; padding: 2pt 5pt; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n, th.n { text-align: right; }
td.k { white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
.bars { margin: 4pt 0 8pt; break-inside: avoid; page-break-inside: avoid; }
.bars .title { font-weight: bold; margin-bottom: 2pt; }
.bar { display: flex; align-items: center; margin: 2pt 0; }
.bar .label { width: 28mm; }
.bar .track { flex: 1; border: 1px solid #000; height: 10pt; }
.bar .fill { height: 100%; background: #555; -webkit-print-color-adjust: exact;
             print-color-adjust: exact; }
.bar .count { width: 12mm; text-align: right; }
ol.items > li { margin: 0 0 6pt; break-inside: avoid; page-break-inside: avoid; }
ol.items ul { margin: 2pt 0 0; padding-left: 1.2em; }
tbody.closing, div.closing { break-inside: avoid; page-break-inside: avoid; }
tr.signature > td { border: none; padding: 0; }
.signature { margin: 24pt 0 0 auto; width: 75mm; text-align: center;
             break-inside: avoid; page-break-inside: avoid; }
.signature .space { height: 24mm; }
"""


TAIL_ROWS = 3
"""How many of the last table's rows are printed on the signature's page."""


def to_html(document: Document) -> str:
    def e(text: str) -> str:
        return html.escape(shown(text), quote=True)

    def signature(block: Signature) -> str:
        return (f'<div class="signature"><div><em>{e(block.place_date)}</em></div>'
                f'<div><strong>{e(block.role)}</strong></div>'
                f'<div class="space"></div><div>{e(block.name)}</div></div>')

    def table(block: Table, closing: Signature | None = None) -> str:
        def cell(tag: str, index: int, text: str) -> str:
            kinds = (["n"] if index in block.numeric else []) + (
                [] if index in block.wrap else ["k"])
            kind = f' class="{" ".join(kinds)}"' if kinds else ""
            return f"<{tag}{kind}>{e(text)}</{tag}>"

        def rows(part: Sequence[tuple[str, ...]]) -> str:
            return "".join("<tr>" + "".join(cell("td", i, text) for i, text in enumerate(row))
                           + "</tr>" for row in part)

        head = "".join(cell("th", i, text) for i, text in enumerate(block.header))
        if closing is None:
            return f"<table><thead><tr>{head}</tr></thead><tbody>{rows(block.rows)}</tbody></table>"
        # The last rows and the signature in one body that is never split: the
        # signature is printed under the end of the table, never alone.
        split = max(0, len(block.rows) - TAIL_ROWS)
        before = f"<tbody>{rows(block.rows[:split])}</tbody>" if split else ""
        return (f'<table class="closing"><thead><tr>{head}</tr></thead>{before}'
                f'<tbody class="closing">{rows(block.rows[split:])}'
                f'<tr class="signature"><td colspan="{len(block.header)}">'
                f"{signature(closing)}</td></tr></tbody></table>")

    body: list[str] = []
    blocks = document.blocks
    last = blocks[-1] if blocks else None
    signed = isinstance(last, Signature) and len(blocks) > 1
    closing: Signature | None = None
    if signed and isinstance(last, Signature) and isinstance(blocks[-2], Table):
        closing = last
    for index, block in enumerate(blocks[:-1] if closing else blocks):
        if signed and closing is None and index == len(blocks) - 2:
            body.append('<div class="closing">')  # a list or chart, kept with the signature
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{e(block.text)}</h{block.level}>")
        elif isinstance(block, Facts):
            body.append('<dl class="facts">' + "".join(
                f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in block.lines)
                + "</dl>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{e(block.text)}</p>")
        elif isinstance(block, Table):
            body.append(table(block, closing if block is blocks[-2] else None))
        elif isinstance(block, Bars):
            top = max((count for _, count in block.bars), default=0)
            bars = "".join(
                f'<div class="bar"><span class="label">{e(label)}</span>'
                f'<span class="track"><span class="fill" style="display:block;width:'
                f'{(count * 100 / top) if top else 0:.1f}%"></span></span>'
                f'<span class="count">{count}</span></div>' for label, count in block.bars)
            body.append(f'<div class="bars" role="img" aria-label="{e(block.title)}">'
                        f'<div class="title">{e(block.title)}</div>{bars}</div>')
        elif isinstance(block, Items):
            entries = "".join(
                f"<li><strong>{e(first)}</strong><ul>"
                + "".join(f"<li>{e(line)}</li>" for line in lines) + "</ul></li>"
                for first, lines in block.entries)
            body.append(f'<ol class="items">{entries}</ol>')
        elif isinstance(block, Signature):
            body.append(signature(block) + ("</div>" if signed and closing is None else ""))
    return (f'<!DOCTYPE html>\n<html lang="{current_language()}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{e(document.title)}</title>\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n" + "\n".join(body)
            + "\n</body>\n</html>\n")

