"""Start an app headless; report when its first screen is drawn, and its peak memory.

    python benchmarks/first_frame.py bare [--parse DIR]
    python benchmarks/first_frame.py studyapp [--wait] [studyapp options...]

Both use the same patch of `App.run`: headless; once the app is ready and its
screen has handled every pending message (composed, mounted, drawn: Textual's
Ready event alone can come before the default screen is mounted), the
wall-clock time is printed as a JSON line. run.py subtracts the time it
started the process. Then:

- `bare --parse DIR` parses every TOML file under DIR with tomli and keeps the
  result, as the memory floor of "bare app + tomli parse";
- `studyapp --wait` waits for the background load of the banks, so that the
  peak memory includes them.

The last line printed is the peak memory (resident set size) in KiB.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

_kept: list[Any] = []


def exit_when_drawn(wait_for_workers: bool) -> None:
    from textual.app import App  # noqa: PLC0415 - the patch is the point of this script
    from textual.pilot import Pilot  # noqa: PLC0415

    original = App.run

    def run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        async def leave(pilot: Pilot[Any]) -> None:
            # Until the screen has handled everything pending (compose, mount,
            # paint). Not `pause()`: it waits for the whole process to be idle,
            # which a background load (the banks) would delay.
            await pilot._wait_for_screen()
            print(json.dumps({"first_frame_at": time.time()}), flush=True)
            if wait_for_workers:
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
            pilot.app.exit()

        return original(self, headless=True, auto_pilot=leave)

    App.run = run  # type: ignore[method-assign]


def main() -> int:
    args = sys.argv[1:]
    mode = args.pop(0)
    wait = "--wait" in args
    if wait:
        args.remove("--wait")
    exit_when_drawn(wait)
    code = 0
    if mode == "bare":
        from textual.app import App  # noqa: PLC0415

        App[None]().run()
        if args[:1] == ["--parse"]:
            import tomli  # noqa: PLC0415

            _kept.extend(tomli.loads(path.read_text(encoding="utf-8"))
                         for path in sorted(Path(args[1]).rglob("*.toml")))
    else:
        from studyapp.cli import main as studyapp_main  # noqa: PLC0415

        code = studyapp_main(args)
    print(json.dumps({"maxrss_kib": peak_memory_kib()}), flush=True)
    return code


def peak_memory_kib() -> int:
    """This process's peak resident memory. On Linux from /proc (VmHWM):
    `ru_maxrss` keeps the parent's peak across fork and exec, so a child of a
    large runner would report the runner's memory."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    sys.exit(main())
