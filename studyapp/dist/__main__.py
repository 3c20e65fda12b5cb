"""`python -m studyapp.dist offline -o DIR`: the offline installer folder.

Without network: `--from-cache CACHE` makes pip read wheels only from the
folder CACHE (e.g. `--platform linux --python 3.11 --from-cache CACHE`)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from studyapp.dist.offline import BuildError, build
from studyapp.dist.targets import PLATFORMS, PYTHONS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studyapp.dist")
    commands = parser.add_subparsers(dest="command", required=True)
    offline = commands.add_parser("offline", help="make the offline installer folder")
    offline.add_argument("-o", "--out", type=Path, required=True,
                         help="the folder to make (absent or empty)")
    offline.add_argument("--platform", action="append", choices=sorted(PLATFORMS),
                         help="a target platform (repeatable; default: all)")
    offline.add_argument("--python", action="append", choices=PYTHONS,
                         help="a target Python version (repeatable; default: all)")
    offline.add_argument("--from-cache", type=Path, metavar="CACHE",
                         help="take wheels only from this folder, never the network")
    offline.add_argument("--no-pyz", action="store_true", help="do not make studyapp.pyz")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        targets = build(args.out, platforms=args.platform or tuple(PLATFORMS),
                        pythons=args.python or PYTHONS, cache=args.from_cache,
                        pyz=not args.no_pyz, log=lambda line: print(line, file=sys.stderr))
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"{args.out}: {size / 1e6:.1f} MB in {time.monotonic() - started:.0f} s, "
          f"checked for {len(targets)} targets:")
    for target in targets:
        print(f"  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
