"""Exporting from the interface: pick a format, confirm the file name, written in a worker."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.errors import StudyappError
from studyapp.i18n import format_count, tr
from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice
from studyapp.ui.modals.form import FormDialog, FormField, FormValues

if TYPE_CHECKING:
    from studyapp.export.run import ExportFormat
    from studyapp.store.exchange import Scope
    from studyapp.ui.app import StudyApp

CHOICES: tuple[tuple[ExportFormat, str], ...] = (
    ("xlsx", "x"), ("html", "h"), ("csv", "c"), ("md", "m"), ("json", "j"))


class ExportFlow:
    """`app.exports.start(scope, ...)`: the dialogs, then the export in a thread;
    a notification gives the full path (or says what went wrong)."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app

    def start(self, scope: Scope, *, cell: str | None = None, member: str | None = None,
              day: date | None = None) -> None:
        choices = [DialogChoice(fmt, tr(f"export.format.{fmt}"),
                                tr(f"export.format.{fmt}.detail"), key=key)
                   for fmt, key in CHOICES]

        def chosen(fmt: str | None) -> None:
            if fmt is not None:
                self._ask_path(scope, next(f for f, _ in CHOICES if f == fmt), cell, member,
                               day)

        self.app.push_screen(ChoiceDialog(tr("export.title"), tr("export.pick_format"),
                                          choices, dialog_id="export-dialog"), chosen)

    def _ask_path(self, scope: Scope, fmt: ExportFormat, cell: str | None,
                  member: str | None, day: date | None) -> None:
        from studyapp.export.files import export_folder, target_problem  # noqa: PLC0415
        from studyapp.export.run import suggested_name  # noqa: PLC0415

        suggested = export_folder() / suggested_name(fmt, cell=cell, member=member, day=day)

        def check(values: FormValues) -> str | None:
            text = values["path"].strip()
            if not text:
                return tr("export.no_path")
            return target_problem(Path(text), force=True)  # an existing file: asked below

        def given(values: FormValues | None) -> None:
            if values is not None:
                path = Path(values["path"].strip()).expanduser()
                if not path.suffix:  # "bao-cao" means bao-cao.xlsx
                    path = path.with_suffix(f".{fmt}")
                if path.exists():
                    self._confirm_overwrite(scope, fmt, path)
                    return
                self.app.notify(tr("export.working"), markup=False, timeout=3)
                self._export(scope, fmt, path)

        self.app.push_screen(FormDialog(
            tr("export.title"), tr("export.path_message"),
            [FormField("path", tr("export.path_label"), str(suggested), max_length=1000)],
            submit=tr("export.submit"), check=check, dialog_id="export-path"), given)

    def _confirm_overwrite(self, scope: Scope, fmt: ExportFormat, path: Path) -> None:
        """The file is there already: replaced only if the user says so."""
        choices = [DialogChoice("overwrite", tr("export.overwrite"), key="o"),
                   DialogChoice("keep", tr("export.keep"), key="k")]

        def answered(choice: str | None) -> None:
            if choice == "overwrite":
                self.app.notify(tr("export.working"), markup=False, timeout=3)
                self._export(scope, fmt, path, force=True)

        self.app.push_screen(ChoiceDialog(tr("export.title"),
                                          tr("export.exists", path=str(path)), choices,
                                          dialog_id="export-overwrite"), answered)

    def _export(self, scope: Scope, fmt: ExportFormat, path: Path, *,
                force: bool = False) -> None:
        """Read, build and write away from the screen: a large export never freezes it."""
        self.app.run_worker(partial(self._run, scope, fmt, path, force), thread=True,
                            group="export", exit_on_error=False)

    def _run(self, scope: Scope, fmt: ExportFormat, path: Path, force: bool = False) -> None:
        from studyapp.export.run import export_to, prepare  # noqa: PLC0415

        app = self.app
        try:
            prepared = prepare(app.store, app.catalog, scope, fmt)
            written = export_to(path, prepared, force=force)
        except StudyappError as error:
            app.call_from_thread(app.notify, error.message, title=tr("export.failed"),
                                 severity="error", markup=False, timeout=15)
            return
        what = tr(f"export.count.{prepared.unit}", count=format_count(prepared.rows))
        app.call_from_thread(app.notify, tr("export.done", path=str(written), what=what),
                             markup=False, timeout=20)
