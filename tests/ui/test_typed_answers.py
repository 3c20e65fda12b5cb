"""A typed answer pasted with control characters (issue 21, item 17): cleaned
before it is stored and wherever it is shown again."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from studyapp.content.catalog import Catalog
from studyapp.quiz.session import Mode
from tests.ui.conftest import build_app, member, one_of_each_type, start

PASTED = "đổi\x07 mới\x0e\x0f\x7f\x1b]0;owned\x07"


async def test_a_pasted_answer_with_control_characters_is_stored_clean(catalog: Catalog) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)
    fill = [item.question.type for item in paper.items].index("fill")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.PRACTICE)
        await screen.go_to_question(fill)
        typed = screen.query_one(Input)
        typed.focus()
        typed.post_message(events.Paste(PASTED))
        await pilot.pause()
        assert typed.value == "đổi mới"
        await pilot.press("enter")
        await pilot.pause()
        [answer] = app.store.answers(screen.quiz.id)
        assert answer.response == {"kind": "text", "text": "đổi mới"}
        shown = str(screen.query_one("#quiz-feedback").text)  # type: ignore[attr-defined]
        for control in ("\x07", "\x0e", "\x0f", "\x7f", "\x1b"):
            assert control not in shown
        assert typed.value == "đổi mới"  # on screen, cleaned as soon as pasted
