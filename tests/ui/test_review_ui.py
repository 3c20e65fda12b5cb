"""Review on a schedule and a member's progress, through the interface, with a frozen clock."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import DataTable, OptionList, Static

from studyapp.quiz.selection import draw_paper
from studyapp.quiz.session import Mode
from studyapp.review.schedule import Rating
from studyapp.store.review import due_cards, review_card, set_daily_limit
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.progress import ProgressScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.screens.results import ResultsScreen
from tests.conftest import Clock
from tests.ui.conftest import build_app, keys_for, member, start


def review_line(app) -> str:  # type: ignore[no-untyped-def]
    menu = app.screen.query_one("#home-menu", OptionList)
    return str(menu.get_option("review").prompt)


async def practise(pilot, paper, rights: list[bool]) -> None:  # type: ignore[no-untyped-def]
    """Answer a practice paper question by question (right or wrong), to the results."""
    screen = await start(pilot, paper, Mode.PRACTICE)
    for item, right in zip(paper.items, rights, strict=True):
        await pilot.press(*keys_for(item, right=right))
        await pilot.pause()
        assert screen.feedback is not None
        await pilot.press("enter")
        await pilot.pause()
    assert isinstance(pilot.app.screen, ResultsScreen)


async def test_practised_yesterday_reviewed_today_and_the_schedule_moves(tmp_path: Path) -> None:
    clock = Clock()
    app = build_app(db=tmp_path / "review.sqlite3", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        learner = member(app)
        assert learner.member_id is not None
        singles = [q for q in app.catalog.questions if q.type == "single"]
        paper = draw_paper(singles, 5, 11)
        rights = [False, True, False, True, True]
        await practise(pilot, paper, rights)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # Wrong answers come back tomorrow, right ones later: nothing due today.
        assert "Hôm nay không có câu nào; câu tiếp theo đến hạn 27/11/2026" in review_line(app)

        clock.advance(days=1)
        await app.screen.refresh_home()  # the home screen as it is drawn the next day
        await pilot.pause()
        wrong = {item.question.full_id for item, right in zip(paper.items, rights, strict=True)
                 if not right}
        assert "2 câu đến hạn ôn hôm nay" in review_line(app)
        assert {card.question_id for card in due_cards(app.store, learner.member_id,
                                                       clock())} == wrong
        before = {qid: review_card(app.store, learner.member_id, qid) for qid in wrong}

        # A daily number of 1 shows on the home screen before it cuts the review.
        set_daily_limit(app.store, learner.member_id, 1)
        await app.screen.refresh_home()
        await pilot.pause()
        assert "Hôm nay ôn 1 câu (2 câu đến hạn" in review_line(app)
        set_daily_limit(app.store, learner.member_id, 20)
        await app.screen.refresh_home()
        await pilot.pause()

        await pilot.press("o")  # Ôn tập
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        assert quiz.sub_title == "Ôn tập"
        assert quiz.quiz.mode is Mode.PRACTICE
        assert {item.question.full_id for item in quiz.quiz.session.paper.items} == wrong
        first = quiz.quiz.session.paper.items[0]
        await pilot.press(*keys_for(first, right=True))
        await pilot.pause()
        assert "Tự đánh giá" in "\n".join(str(s.content) for s in quiz.query(Static))
        await pilot.press("4")  # "Dễ": the member's own rating replaces the automatic one
        await pilot.pause()
        rated = review_card(app.store, learner.member_id, first.question.full_id)
        assert rated is not None
        assert rated.last_rating is Rating.EASY
        shown = rated.due.astimezone().strftime("%d/%m/%Y")
        assert any(f"“Dễ”: câu này sẽ được nhắc ôn ngày {shown}" in str(n.message)
                   for n in app._notifications)
        await pilot.press("enter")
        await pilot.pause()
        second = quiz.quiz.session.paper.items[1]
        await pilot.press(*keys_for(second, right=True), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)

        # The schedule moved: nothing due, each card's next date later than today.
        assert due_cards(app.store, learner.member_id, clock()) == []
        for qid in wrong:
            after = review_card(app.store, learner.member_id, qid)
            assert after is not None
            assert before[qid] is not None
            assert after.reviews == before[qid].reviews + 1  # re-rated, not reviewed twice
            assert after.due.date() > clock().date()
        await pilot.press("escape")
        await pilot.pause()
        assert "Hôm nay không có câu nào" in review_line(app)


async def test_progress_lists_the_weakest_lessons_first_and_opens_them(tmp_path: Path) -> None:
    clock = Clock()
    app = build_app(db=tmp_path / "progress.sqlite3", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        singles = [q for q in app.catalog.questions if q.type == "single"]
        paper = draw_paper(singles, 4, 3)
        await practise(pilot, paper, [False, True, True, True])
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")  # Tiến độ, kết quả
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        summary = str(screen.query_one("#progress-summary", Static).content)
        assert f"Đã đọc 0/{len(app.catalog)} bài" in summary
        # Weakest first, then the lessons never practised (issue 14 item 20).
        practised = [lesson for lesson in screen.lessons if lesson.practised]
        assert practised
        assert screen.lessons[:len(practised)] == practised
        masteries = [lesson.mastery for lesson in practised]
        assert masteries == sorted(masteries)
        assert len(practised) < len(screen.lessons)
        assert any(lesson.right == 0 for lesson in practised)  # the one answered wrong
        table = screen.query_one(DataTable)
        assert table.row_count == len(screen.lessons)
        shown = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
        for lesson, mastery in zip(screen.lessons, shown, strict=True):
            if not lesson.practised:
                assert mastery == "chưa luyện"
            elif lesson.right == 0:
                assert mastery == "0%"  # tried, all wrong: that is what 0% says
            else:
                assert mastery.endswith("%")
                assert mastery != "0%"
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"5", "enter")
        await pilot.pause()
        assert "ôn tối đa 5 câu mỗi ngày" in str(
            screen.query_one("#progress-summary", Static).content)
        lesson = screen.lessons[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current_lesson_id == lesson.lesson_id  # type: ignore[attr-defined]


async def test_a_guest_practises_without_a_schedule(tmp_path: Path) -> None:
    app = build_app(db=tmp_path / "guest.sqlite3")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.learners.set_learner(app.learners.guest("Khách"))
        singles = [q for q in app.catalog.questions if q.type == "single"]
        await practise(pilot, draw_paper(singles, 2, 5), [False, False])
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert any("Khách không có lịch ôn tập" in str(n.message) for n in app._notifications)
    connection = sqlite3.connect(tmp_path / "guest.sqlite3")
    try:
        assert connection.execute("SELECT count(*) FROM answers").fetchone()[0] == 2
        assert connection.execute("SELECT count(*) FROM review_cards").fetchone()[0] == 0
    finally:
        connection.close()
