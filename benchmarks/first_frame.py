"""Start an app headless and exit once its first screen is drawn; run.py times the process.

    python benchmarks/first_frame.py bare
    python benchmarks/first_frame.py studyapp [studyapp options...]

Both use the same patch of `App.run`: headless, and exit when the app is ready
and then idle, that is when its first screen is composed, mounted and drawn.
(Textual's Ready event alone can come before the default screen is mounted.)
So the two measure the same thing: interpreter start, imports, content,
building the screen and drawing it.
"""

from __future__ import annotations

import sys
from typing import Any


def exit_at_first_frame() -> None:
    from textual.app import App  # noqa: PLC0415 - the patch is the point of this script
    from textual.pilot import Pilot  # noqa: PLC0415

    original = App.run

    def run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        async def leave(pilot: Pilot[Any]) -> None:
            await pilot.pause()  # until every pending message (compose, mount, paint) is done
            pilot.app.exit()

        return original(self, headless=True, auto_pilot=leave)

    App.run = run  # type: ignore[method-assign]


def main() -> int:
    exit_at_first_frame()
    if sys.argv[1] == "bare":
        from textual.app import App  # noqa: PLC0415

        App[None]().run()
        return 0
    from studyapp.cli import main as studyapp_main  # noqa: PLC0415

    return studyapp_main(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
