"""Building the app for Pilot and snapshot tests as the CLI does, and answering by keys."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from textual.pilot import Pilot
from textual.strip import Strip

from studyapp.config import load_user_config, resolve_settings
from studyapp.content.catalog import Catalog
from studyapp.content.loading import load_catalog
from studyapp.content.model import LETTERS, QUESTION_TYPES
from studyapp.quiz.plan import QuizPlan
from studyapp.quiz.selection import Paper, PaperItem, ordered_paper
from studyapp.quiz.session import Mode
from studyapp.store.models import Learner
from studyapp.ui.app import StudyApp, make_app
from studyapp.ui.screens.quiz import QuizScreen
from tests.conftest import Clock

_PARSED_CONTENT: Path | None = None


def parsed_content_cache() -> Path:
    """One content cache for every app this test process builds: each test has
    a cache folder of its own, so each parsed all the bundled files again (about
    50 ms a test). The cache is keyed on each file's path, size and
    modification time, and a test's own content lives under its own tmp_path,
    so sharing it shares the bundled pack's parse and nothing else."""
    global _PARSED_CONTENT  # noqa: PLW0603
    if _PARSED_CONTENT is None:
        _PARSED_CONTENT = Path(tempfile.mkdtemp(prefix="studyapp-tests-content-"))
        atexit.register(shutil.rmtree, _PARSED_CONTENT, ignore_errors=True)
    return _PARSED_CONTENT


def build_app(*content: Path, lang: str = "vi", with_bundled: bool = False,
              clock: Clock | None = None, db: Path | None = None) -> StudyApp:
    settings = resolve_settings(load_user_config(), lang=lang,
                                content=[str(path) for path in content],
                                with_bundled=with_bundled, db=str(db) if db else None)
    return make_app(settings, load_catalog(settings.content_paths, parsed_content_cache()),
                    clock=clock or Clock())


def one_of_each_type(catalog: Catalog, seed: int = 5) -> Paper:
    """A paper with the first question of each of the seven types, in the
    order of QUESTION_TYPES, shuffled as a drawn paper would be. (Not drawn: the
    firsts may share a group, which a drawn paper never holds together.)"""
    firsts = [next(q for q in catalog.questions if q.type == kind) for kind in QUESTION_TYPES]
    return ordered_paper(firsts, seed)


def member(app: StudyApp, name: str = "Nguyễn Thị Ánh", cell: str = "Chi bộ Khu phố 1"
           ) -> Learner:
    """Put a member on a roster and make them the learner."""
    learner = app.learners.learner_for(app.learners.add_member(name, cell, None))
    app.learners.set_learner(learner)
    return learner


async def start(pilot: Pilot[None], paper: Paper, mode: Mode, **plan: object) -> QuizScreen:
    """Take `paper` as the current learner; the quiz screen once shown."""
    app = pilot.app
    assert isinstance(app, StudyApp)
    app.quizzes.take_paper(paper, QuizPlan(mode, len(paper.items), **plan))  # type: ignore[arg-type]
    await pilot.pause()
    assert isinstance(app.screen, QuizScreen)
    return app.screen


def keys_for(item: PaperItem, *, right: bool) -> list[str]:
    """The keys a learner presses to answer `item` right (or wrong), Enter included."""
    question = item.question
    kind = question.type
    if kind in ("single", "multi"):
        wanted = item.answer_letters
        if not right:
            wanted = [next(LETTERS[i] for i in range(len(question.choices))
                           if LETTERS[i] not in item.answer_letters)]
        return [letter.lower() for letter in wanted] + ["enter"]
    if kind == "truefalse":
        return ["đ" if bool(question.truth) == right else "s", "enter"]
    if kind == "fill":
        return [*(question.accepted[0] if right else "sai"), "enter"]
    if kind == "number":
        assert question.number is not None
        typed = str(question.number) if right else str(question.number + 100)
        return [*typed.replace(".", ","), "enter"]
    if kind == "order":
        if not right:
            return ["enter"]  # never shown already in order
        keys: list[str] = []
        order = list(item.item_order)
        for place in range(len(order)):
            at = order.index(place)
            keys += ["home", *["down"] * at, *["shift+up"] * (at - place)]
            order.insert(place, order.pop(at))
        return [*keys, "enter"]
    # match: row after row, the letter of its right side as shown
    keys = ["home"]
    for left in range(len(question.pairs)):
        written = left if right else (left + 1) % len(question.pairs)
        keys.append(LETTERS[item.right_order.index(written)].lower())
    return [*keys, "enter"]


MEETING = ["Lê Văn An", "Nguyễn Thị Bình", "Trần Văn Cường", "Phạm Thị Dung", "Đỗ Văn Em",
           "Hoàng Thị Giang"]


def meeting(app: StudyApp) -> str:
    """A cell meeting half way through, stored directly: An, Dung and Em have
    finished (all right, half right, all wrong), Giang's turn is unfinished,
    Bình is excused (ill) and Cường absent. Returns the session id."""
    from datetime import date  # noqa: PLC0415

    from studyapp.quiz.plan import SessionSettings, session_paper  # noqa: PLC0415
    from studyapp.store.live import RecordedQuiz  # noqa: PLC0415
    from studyapp.store.models import AttendanceStatus  # noqa: PLC0415
    from tests.conftest import wrong_response  # noqa: PLC0415

    store = app.store
    cell = store.ensure_cell("Chi bộ Khu phố 7")
    members = {name: store.add_member(cell.id, name) for name in MEETING}
    settings = SessionSettings(count=4)
    session = store.open_session(cell.id, date(2026, 11, 26), topic=app.catalog.packs[0].title,
                                 pack_id=app.catalog.packs[0].id, lessons=[],
                                 settings=settings.to_data(), seed=11, run_by="Lê Văn An")
    marks = {"Nguyễn Thị Bình": (AttendanceStatus.EXCUSED, "ốm"),
             "Trần Văn Cường": (AttendanceStatus.ABSENT, "")}
    for name, member in members.items():
        status, note = marks.get(name, (AttendanceStatus.PRESENT, ""))
        store.set_attendance(session.id, member.id, status, note)
    from studyapp.quiz.scoring import correct_response  # noqa: PLC0415

    for name, right in (("Lê Văn An", 4), ("Phạm Thị Dung", 2), ("Đỗ Văn Em", 0),
                        ("Hoàng Thị Giang", None)):
        member = members[name]
        paper = session_paper(app.catalog, [], settings, session.seed, member.id)
        quiz = RecordedQuiz.start(store, paper, Mode.TEST, store.learner(member),
                                  session_id=session.id, time_limit=settings.time_limit,
                                  clock=app.clock)
        for position, item in enumerate(paper.items[: 1 if right is None else 4]):
            good = right is not None and position < right
            quiz.answer(position, correct_response(item.question) if good
                        else wrong_response(item.question))
        if right is not None:
            quiz.finish()
    return session.id


def rendered_lines(app: StudyApp) -> list[str]:
    """The text of every line Textual composes for the screen, as it would be
    written to the terminal (Textual's own cursor moves and styles aside)."""
    update = app.screen._compositor.render_full_update()
    lines = []
    for line in update.strips:
        strips = [line] if isinstance(line, Strip) else list(line)
        lines.append("".join(segment.text for strip in strips for segment in strip
                             if not segment.control))
    return lines
