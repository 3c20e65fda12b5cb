"""Question sets from Word, Excel or text into the program, from the secretary's part
(`c` on the sessions screen, or the palette): the file picked, converted through the
same core as `import-questions` (importing/convert.py) into the user's content
folder, the report shown, the catalog read again so the questions can be used at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.errors import StudyappError
from studyapp.i18n import tr

if TYPE_CHECKING:
    from studyapp.importing.convert import Conversion
    from studyapp.ui.app import StudyApp


class QuestionImportFlow:
    def __init__(self, app: StudyApp) -> None:
        self.app = app

    def start(self) -> None:
        from studyapp.export.files import export_folder  # noqa: PLC0415
        from studyapp.ui.screens.import_questions import ImportQuestionsScreen  # noqa: PLC0415

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.app.notify(tr("import_ui.working", name=path.name), markup=False,
                                timeout=3)
                self.app.run_worker(lambda: self._convert(path), thread=True,
                                    group="import-questions", exit_on_error=False)

        self.app.push_screen(ImportQuestionsScreen(export_folder()), chosen)

    def _convert(self, source: Path) -> None:
        """Away from the screen: a 5,000-question file takes seconds."""
        from studyapp import paths  # noqa: PLC0415
        from studyapp.importing.convert import (  # noqa: PLC0415
            Conversion,
            convert_questions,
            free_bank_path,
            imported_banks_folder,
        )

        try:
            banks = imported_banks_folder(paths.user_content_dir())
            output = free_bank_path(banks, source)
            done = convert_questions(source, output, bank_id=output.stem)
        except StudyappError as error:
            done = Conversion([error.message], failed=True)
        self.app.call_from_thread(self._converted, done)

    def _converted(self, done: Conversion) -> None:
        from studyapp.ui.screens.import_questions import ImportReportScreen  # noqa: PLC0415

        count = sum(questions for _, questions in done.written)
        title = (tr("import_ui.done", count=count) if done.written
                 else tr("import_ui.nothing"))
        self.app.push_screen(ImportReportScreen(title, done.lines))
        if done.written:
            self._use_new_content()

    def _use_new_content(self) -> None:
        """The user's content folder read from now on (it may have just been made),
        and the catalog read again with the new bank."""
        self.app.library.use_user_content()
        self.app.library.load_everything()
