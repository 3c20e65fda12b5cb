""""Thêm tài liệu mới", from the secretary's part of the home screen (or the palette):
the document picked, read in a worker thread (`importing/new_pack.py`, the same core
as `studyapp pack new`), its structure shown to set the depth and the name, the pack
created into the user's content folder (`<data>/noi-dung/<name>/`) and checked by the
loader, the catalog read again so it is there at once; then draft questions offered
and reviewed on the "Soạn câu hỏi" screen (`drafts_flow.py`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.i18n import tr

if TYPE_CHECKING:
    from studyapp.content.catalog import Catalog
    from studyapp.content.loading import LoadResult
    from studyapp.importing.new_pack import DocumentRead
    from studyapp.ui.app import StudyApp
    from studyapp.ui.screens.new_document import PackChoice


def start_folders() -> list[Path]:
    """Where a document the ward sent is: Documents, Downloads, then home."""
    import platformdirs  # noqa: PLC0415

    found: list[Path] = []
    for folder in (platformdirs.user_documents_dir(), platformdirs.user_downloads_dir(),
                   str(Path.home())):
        path = Path(folder)
        if path.is_dir() and path not in found:
            found.append(path)
    return found or [Path.cwd()]


class NewDocumentFlow:
    def __init__(self, app: StudyApp) -> None:
        self.app = app

    def start(self, folders: list[Path] | None = None) -> None:
        from studyapp.ui.screens.new_document import DocumentPickScreen  # noqa: PLC0415

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.app.notify(tr("new_doc.reading", name=path.name), markup=False,
                                timeout=3)
                self.app.run_worker(lambda: self._read(path), thread=True,
                                    group="new-document", exit_on_error=False)

        self.app.push_screen(DocumentPickScreen(folders or start_folders()), chosen)

    # --- reading ------------------------------------------------------------------------

    def _read(self, source: Path) -> None:
        """Away from the screen: a 5 MB document takes seconds."""
        from studyapp.importing.common import PackageError  # noqa: PLC0415
        from studyapp.importing.document_files import DocumentError  # noqa: PLC0415
        from studyapp.importing.new_pack import read_for_pack  # noqa: PLC0415

        try:
            read = read_for_pack(source)
        except DocumentError as error:
            message = tr(f"document.{error.code}", None, path=source, **error.params)
        except PackageError as error:
            message = tr(f"package.{error.code}", None, path=source, want="docx",
                         **error.params)
        except OSError as error:
            message = tr("drafts.cannot_read", path=source, reason=error.strerror or error)
        else:
            message = tr("document.empty", path=source) if read is None else ""
            if read is not None:
                self.app.call_from_thread(self._show_structure, read)
                return
        self.app.call_from_thread(self._report, tr("new_doc.cannot_read"), [message])

    def _report(self, title: str, lines: list[str]) -> None:
        from studyapp.ui.screens.import_questions import ImportReportScreen  # noqa: PLC0415

        self.app.push_screen(ImportReportScreen(title, lines))

    def _show_structure(self, read: DocumentRead) -> None:
        from studyapp.ui.screens.new_document import StructureScreen  # noqa: PLC0415

        def chosen(choice: PackChoice | None) -> None:
            if choice is None:
                return
            self.app.notify(tr("new_doc.creating", title=choice.title), markup=False,
                            timeout=3)
            beside = self.app.catalog
            self.app.run_worker(lambda: self._create(read, choice, beside), thread=True,
                                group="new-document", exit_on_error=False)

        self.app.push_screen(StructureScreen(read), chosen)

    # --- creating -----------------------------------------------------------------------

    def _create(self, read: DocumentRead, choice: PackChoice, beside: Catalog) -> None:
        from studyapp import paths  # noqa: PLC0415
        from studyapp.content.loading import load_catalog  # noqa: PLC0415
        from studyapp.importing.new_pack import (  # noqa: PLC0415
            free_pack_folder,
            plan_for,
            write_folder,
        )

        root = paths.user_content_dir()
        try:
            root.mkdir(parents=True, exist_ok=True)
            target = free_pack_folder(root, choice.title)
            plan = plan_for(read, pack_id=target.name, title=choice.title, depth=choice.depth,
                            beside=beside)
            write_folder(target, plan.files)
        except OSError as error:
            self.app.call_from_thread(self._report, tr("new_doc.cannot_read"), [
                tr("moodle.cannot_write", path=root, reason=error.strerror or str(error))])
            return
        check = load_catalog([target])
        if check.errors:  # never left half-usable in the user's folder
            shutil.rmtree(target, ignore_errors=True)
            self.app.call_from_thread(self._report, tr("new_doc.cannot_read"), [
                tr("new_doc.invalid"), *(problem.format() for problem in check.errors)])
            return
        result = self._reload()
        self.app.call_from_thread(self._created, target, choice.title, len(plan.lessons),
                                  result)

    def _reload(self) -> LoadResult:
        """The whole catalog read again (any thread), the user's folder included."""
        from studyapp.content.loading import load_catalog  # noqa: PLC0415

        settings = self.app.settings
        return load_catalog(self._content_paths(), settings.cache_dir)

    def _content_paths(self) -> list[Path]:
        from studyapp import paths  # noqa: PLC0415

        user = paths.user_content_dir()
        folders = list(self.app.settings.content_paths)
        return folders if user in folders else [*folders, user]

    def _created(self, target: Path, title: str, lessons: int, result: LoadResult) -> None:
        from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice  # noqa: PLC0415

        self.app.library.use_user_content()
        self.app.library.content_loaded(result)
        self.app.notify(tr("new_doc.created", title=title, lessons=lessons, path=target),
                        markup=False, timeout=6)

        def decided(choice: str | None) -> None:
            if choice == "draft":
                self.app.notify(tr("new_doc.drafting"), markup=False, timeout=3)
                self.app.run_worker(lambda: self._draft(target, title), thread=True,
                                    group="new-document", exit_on_error=False)

        self.app.push_screen(ChoiceDialog(
            tr("new_doc.created_title"), tr("new_doc.offer_text", title=title, lessons=lessons),
            [DialogChoice("draft", tr("new_doc.offer_drafts"), tr("new_doc.offer_drafts.detail"),
                          key="d"),
             DialogChoice("later", tr("new_doc.offer_later"), key="s")],
            on_escape="later", dialog_id="new-document-dialog"), decided)

    # --- drafting -----------------------------------------------------------------------

    def _draft(self, target: Path, title: str) -> None:
        from studyapp.importing.new_pack import write_drafts  # noqa: PLC0415

        try:
            done = write_drafts(target, bank_id=f"nhap-{target.name}",
                                description=tr("pack.drafts_description"))
        except OSError as error:
            self.app.call_from_thread(self._report, tr("new_doc.no_drafts"),
                                      [str(error)])
            return
        if not done.count or done.failed:
            self.app.call_from_thread(self._report, tr("new_doc.no_drafts"),
                                      [problem.format() for problem in done.problems])
            return
        result = self._reload()
        self.app.call_from_thread(self._drafted, done.path, target.name, title, done.count,
                                  result)

    def _drafted(self, bank: Path, pack_id: str, title: str, count: int,
                 result: LoadResult) -> None:
        self.app.library.content_loaded(result)
        self.app.notify(tr("new_doc.drafts_made", count=count), markup=False, timeout=4)
        self.app.drafts.open_bank(bank, pack_id, title)
