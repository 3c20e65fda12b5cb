"""In process: an answer to the next question on screen, against a keypress on a trivial app.

Both apps run headless in this process, in turns. The trivial app changes one
line of text on Enter. Ours shows a test of single-choice questions: the
learner's letter is pressed first (not timed), then Enter is timed, from the
key to the next question drawn; that includes grading the answer, committing
it to SQLite (WAL, synchronous=FULL) and building the next question's widgets.
Each measure is the time of `pilot.press(key)` and then the screen having
handled everything pending, the same way in both apps.
"""

from __future__ import annotations

import statistics
import time
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.widgets import Static

from studyapp.config import load_user_config, resolve_settings
from studyapp.content.loading import load_catalog
from studyapp.quiz.plan import QuizPlan
from studyapp.quiz.selection import draw_paper
from studyapp.quiz.session import Mode
from studyapp.ui.app import StudyApp, make_app
from studyapp.ui.screens.quiz import QuizScreen


class TrivialApp(App[None]):
    """One line of text; Enter changes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "next", "next")]

    def compose(self) -> ComposeResult:
        yield Static("0", id="line")

    def action_next(self) -> None:
        line = self.query_one("#line", Static)
        line.update(str(int(str(line.content)) + 1))


async def _press(pilot: Pilot[Any], key: str) -> float:
    start = time.perf_counter()
    await pilot.press(key)
    await pilot._wait_for_screen()
    return time.perf_counter() - start


async def trivial(presses: int) -> float:
    """Median seconds of a keypress on the trivial app."""
    app = TrivialApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        times = [await _press(pilot, "enter") for _ in range(presses)]
    return statistics.median(times)


async def ours(presses: int, db: Path) -> float:
    """Median seconds from Enter on an answer to the next question drawn."""
    settings = resolve_settings(load_user_config(), db=str(db))
    content = load_catalog(settings.content_paths, settings.cache_dir)
    app: StudyApp = make_app(settings, content)
    singles = [q for q in content.catalog.questions if q.type == "single"]
    paper = draw_paper(singles, presses + 1, seed=len(singles))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.learners.set_learner(app.learners.guest("Khách đo tốc độ"))
        app.quizzes.take_paper(paper, QuizPlan(Mode.TEST, len(paper.items),
                                               time_limit=timedelta(hours=1)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        times = []
        for position in range(presses):
            await pilot.press(paper.items[position].answer_letters[0].lower())
            await pilot._wait_for_screen()
            times.append(await _press(pilot, "enter"))
            assert screen.quiz.session.position == position + 1  # the next one is shown
        app.store.database.close()
    return statistics.median(times)
