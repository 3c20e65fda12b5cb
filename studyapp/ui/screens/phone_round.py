"""The phone round as the laptop shows it: where to go, the code, who is where.

The address and its QR code, the round code in large digits, and one line
per member who took a name on a phone: joined, question k of n, handed in,
or disconnected — never a score. Refreshed every second from a worker
thread (the round's calls read the database). `g` frees a member's name for
another phone, `k` ends the round, both with the PIN (`phone_flow.py`);
Escape goes back to the turns screen and leaves the round running.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from studyapp.i18n import tr
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from studyapp.store.phone import Progress

REFRESH_SECONDS = 1.0


def stage_text(row: Progress) -> Content:
    """Where the member is (never how they did)."""
    if row.stage == "finished":
        return Content.styled(tr("phone_ui.stage.finished"), "bold $text-success")
    if row.stage == "disconnected":
        return Content.styled(tr("phone_ui.stage.disconnected", answered=row.answered,
                                 n=row.size), "bold $text-error")
    if row.stage == "joined":
        return Content.styled(tr("phone_ui.stage.joined"), "$text-muted")
    return Content.styled(tr("phone_ui.stage.answering", k=row.position + 1, n=row.size,
                             answered=row.answered), "bold $text-warning")


class PhoneRoundScreen(StudyScreen[None]):
    """Address, QR code, round code; each member's progress."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "release", "key.release_phone", id="phone.release"),
        Binding("k", "end", "key.end_round", id="phone.end"),
        Binding("escape", "back", "key.back_to_turns", id="phone.back"),
    ]

    def __init__(self, cell: str, urls: list[str], code: str, qr: list[str]) -> None:
        super().__init__()
        self.cell = cell
        self.urls = urls
        self.code = code
        self.qr = qr
        self.rows: list[Progress] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="phone-body"):
            with Vertical(id="phone-where"):
                yield Static("\n".join(self.qr), id="phone-qr")
                yield Static(Content.assemble(
                    (tr("phone_ui.address"), "$text-muted"), "\n",
                    *[Content.styled(url + "\n", "bold") for url in self.urls]),
                    id="phone-address")
            with Vertical(id="phone-who"):
                yield Static(Content.assemble((tr("phone_ui.code"), "$text-muted"), " ",
                                              (" ".join(self.code), "bold $text-accent")),
                             id="phone-code")
                yield Static(id="phone-counts")
                yield OptionList(id="phone-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("phone_ui.title", cell=self.cell)
        self.query_one(OptionList).focus()
        self.refresh_progress()
        self.set_interval(REFRESH_SECONDS, self.refresh_progress)

    @work(thread=True, exclusive=True, group="phone-progress")
    def refresh_progress(self) -> None:
        progress = self.study_app.phone_rounds.progress()
        if progress is None:  # the round ended while this refresh was on its way
            return
        self.app.call_from_thread(self.show, *progress)

    def show(self, rows: list[Progress], waiting: int) -> None:
        if not self.is_attached:  # the screen closed while the refresh was on its way
            return
        self.rows = rows
        counts = {stage: sum(1 for r in rows if r.stage == stage)
                  for stage in ("joined", "answering", "finished", "disconnected")}
        self.query_one("#phone-counts", Static).update(Content(tr(
            "phone_ui.counts", waiting=waiting, joined=counts["joined"] + counts["answering"],
            finished=counts["finished"], lost=counts["disconnected"])))
        listing = self.query_one(OptionList)
        current = listing.highlighted_option.id if listing.highlighted_option else None
        width = max((len(r.label) for r in rows), default=0) + 2
        listing.set_options([Option(Content.assemble(Content(row.label.ljust(width)),
                                                     stage_text(row)), id=row.member_id)
                             for row in rows])
        ids = [row.member_id for row in rows]
        if current in ids:
            listing.highlighted = ids.index(current)
        elif ids:
            listing.highlighted = 0

    def action_release(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        row = next((r for r in self.rows if option is not None and r.member_id == option.id),
                   None)
        if row is None:
            self.notify(tr("phone_ui.nobody_to_release"), markup=False)
            return
        self.study_app.phone_rounds.release(self, row.member_id, row.label)

    def action_end(self) -> None:
        self.study_app.phone_rounds.end(self)

    def action_back(self) -> None:
        self.dismiss()
