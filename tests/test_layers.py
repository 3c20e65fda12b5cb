"""The layers hold (import-linter, as ruff and mypy run here), and no import circle exists."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import grimp
import pytest

from tests.conftest import REPO

LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint_imports(root: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the pyproject.toml and the studyapp package found in `root`."""
    environment = {**os.environ, "PYTHONPATH": str(root), "PYTHONIOENCODING": "utf-8",
                   "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", LINT_IMPORTS, "--no-cache", *options], cwd=root,
                          env=environment, capture_output=True, text=True, encoding="utf-8",
                          check=False)


def test_lint_imports_keeps_every_contract() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("module", "injected", "contract"), [
    # The core reaching up into the interface or the command line.
    ("text.py", "import studyapp.ui.app", "core-without-interface"),
    ("text.py", "import studyapp.ui.app", "layers"),
    ("store/store.py", "from studyapp.cli import main", "core-without-interface"),
    ("content/model.py", "import textual.app", "core-without-interface"),
    ("export/table.py", "from rich.text import Text", "core-without-interface"),
    # A lower layer importing a higher one, and siblings importing each other.
    ("content/model.py", "import studyapp.store.store", "layers"),
    ("quiz/scoring.py", "import studyapp.review.schedule", "layers"),
    # The phone round's rules stay out of the web layer's reach and libraries.
    ("store/phone.py", "import studyapp.web.app", "layers"),
    ("store/phone.py", "import starlette.requests", "core-without-interface"),
    ("web/app.py", "import studyapp.ui.app", "layers"),
])
def test_a_deliberate_violation_breaks_a_contract(tmp_path: Path, module: str, injected: str,
                                                  contract: str) -> None:
    shutil.copytree(REPO / "studyapp", tmp_path / "studyapp",
                    ignore=shutil.ignore_patterns("__pycache__", "_bundled"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "studyapp" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{injected}  # injected\n",
                      encoding="utf-8")
    result = lint_imports(tmp_path, "--contract", contract)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 1 broken" in result.stdout
    dotted = "studyapp." + module.removesuffix(".py").replace("/", ".")
    assert dotted in result.stdout  # the report names the module that broke it


# --- import circles ------------------------------------------------------------------------


def cycles(graph: grimp.ImportGraph, modules: Iterable[str]) -> list[list[str]]:
    """The groups of modules that import each other in a circle (the strongly
    connected components of more than one module, or one importing itself)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    known = set(modules)

    def visit(start: str) -> None:
        # Tarjan's algorithm, iterative: the graph is deep enough to matter.
        work = [(start, iter(sorted(graph.find_modules_directly_imported_by(start) & known)))]
        order[start] = low[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, imported = work[-1]
            step = next(imported, None)
            if step is not None:
                if step not in order:
                    order[step] = low[step] = len(order)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(
                        graph.find_modules_directly_imported_by(step) & known))))
                elif step in on_stack:
                    low[module] = min(low[module], order[step])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == order[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1 or graph.direct_import_exists(importer=module,
                                                                imported=module):
                    found.append(sorted(group))

    for module in sorted(known):
        if module not in order:
            visit(module)
    return found


def test_no_import_circle_outside_type_checking() -> None:
    graph = grimp.build_graph("studyapp", exclude_type_checking_imports=True, cache_dir=None)
    assert cycles(graph, graph.modules) == []


def test_the_circle_finder_finds_circles() -> None:
    graph = grimp.ImportGraph()
    for name in ("a", "a.b", "a.c", "a.d", "a.e"):
        graph.add_module(name)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.d")
    graph.add_import(importer="a.d", imported="a.b")
    graph.add_import(importer="a.e", imported="a.b")
    assert cycles(graph, graph.modules) == [["a.b", "a.c", "a.d"]]
    # And on the real code, with type-checking imports counted, the interface has one.
    typed = grimp.build_graph("studyapp", exclude_type_checking_imports=False, cache_dir=None)
    assert any("studyapp.ui.app" in group for group in cycles(typed, typed.modules))
