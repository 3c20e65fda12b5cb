"""Two windows on one database (issue 20, item 4): an attempt answered in one
window is leased to it; the other says who is answering it instead of
offering "Làm tiếp", and offers it again once the first lets it go."""

from __future__ import annotations

import os

from studyapp.content.catalog import Catalog
from studyapp.quiz.selection import draw_paper
from studyapp.quiz.session import Mode
from studyapp.store import leases
from studyapp.store.leases import Holder
from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.screens.quiz import QuizScreen
from tests.conftest import T0
from tests.ui.conftest import build_app, keys_for, member, one_of_each_type, start

OTHER_WINDOW = Holder(Holder.this_process().host, os.getppid(), "f" * 12)
"""Another program on this machine, alive (the test runner's parent)."""


async def test_an_attempt_answered_elsewhere_is_not_offered(catalog: Catalog) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        added = app.learners.add_member("Nguyễn Thị Ánh", "Chi bộ Khu phố 1", None)
        learner = app.learners.learner_for(added)
        paper = draw_paper(catalog.questions, 5, 3)
        attempt = app.store.start_attempt(paper, Mode.TEST, member_id=learner.member_id,
                                          started_at=T0)
        leases.take(app.store, attempt.id, OTHER_WINDOW, T0)  # the other window has it open
        app.learners.set_learner(learner)
        app.quizzes.offer_resume()  # as when the program starts with this learner
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)  # no "Làm tiếp"
        messages = [str(n.message) for n in app._notifications]
        assert any("cửa sổ khác" in m and "Nguyễn Thị Ánh" in m for m in messages), messages
        # The other window closes its quiz: offered again here.
        leases.release(app.store, attempt.id, OTHER_WINDOW)
        app.quizzes.offer_resume(again=True)
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("t")  # Làm tiếp
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert leases.holder_of(app.store, attempt.id, app.clock(), me=OTHER_WINDOW) is not None


async def test_the_quiz_screen_holds_its_attempt_until_it_closes(catalog: Catalog) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        paper = one_of_each_type(catalog)
        screen = await start(pilot, paper, Mode.TEST)
        attempt_id = screen.quiz.id
        await pilot.press(*keys_for(paper.items[0], right=True))
        await pilot.pause()
        lease = leases.holder_of(app.store, attempt_id, app.clock(), me=OTHER_WINDOW)
        assert lease is not None
        assert lease.who == "Nguyễn Thị Ánh"
        screen._renew_lease()  # what its timer does
        assert leases.holder_of(app.store, attempt_id, app.clock(), me=OTHER_WINDOW)
        store = app.store
    # The program closed: the lease is released for the next window.
    assert leases.holder_of(store, attempt_id, T0, me=OTHER_WINDOW) is None
