"""Problems found in content, each at a file, line and column, collected all at once."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.i18n import Lang, has_message, tr
from studyapp.text import shown


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: where it is, how bad, and a message code with its parameters.

    The message is rendered in the interface language when shown, so the same
    problem reads in Vietnamese or English."""

    path: Path
    line: int
    column: int
    severity: Severity
    code: str
    params: tuple[tuple[str, object], ...] = ()

    def message(self, lang: Lang | None = None) -> str:
        params = dict(self.params)
        if "suggestion" in params and isinstance(params["suggestion"], str):
            match = params["suggestion"]
            params["suggestion"] = tr("problem.did_you_mean", lang, match=match) if match else ""
        if "near" in params and isinstance(params["near"], tuple):
            shown = "; ".join(tr("problem.toml_line", lang, number=number, text=text)
                              for number, text in params["near"])
            params["near"] = tr("problem.toml_near", lang, lines=shown) if shown else ""
        for name in ("expected", "actual"):
            kind = params.get(name)
            if isinstance(kind, str) and has_message(f"type.{kind}"):
                params[name] = tr(f"type.{kind}", lang)
        return tr(f"problem.{self.code}", lang, **params)

    def format(self, lang: Lang | None = None) -> str:
        """`path:line:column: error|warning: message`, as compilers print it."""
        # The path as shown: a file name may carry escape codes (text.shown).
        return (f"{shown(str(self.path))}:{self.line}:{self.column}: {self.severity}: "
                f"{self.message(lang)}")

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class HasProblems:
    """Something that carries `problems`: its errors and its warnings."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


@dataclass
class ProblemLog(HasProblems):
    """Collects every problem of a load; nothing stops at the first one."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, path: Path, line: int, column: int, severity: Severity, code: str, /,
            **params: object) -> Problem:
        problem = Problem(path, max(line, 1), max(column, 1), severity, code,
                          tuple(params.items()))
        self.problems.append(problem)
        return problem

    def error(self, path: Path, line: int, column: int, code: str, /,
              **params: object) -> Problem:
        return self.add(path, line, column, Severity.ERROR, code, **params)

    def warning(self, path: Path, line: int, column: int, code: str, /,
                **params: object) -> Problem:
        return self.add(path, line, column, Severity.WARNING, code, **params)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def __len__(self) -> int:
        return len(self.problems)

    def sorted(self) -> list[Problem]:
        """Problems in file order: by path, then line and column."""
        return sorted(self.problems, key=lambda p: (str(p.path), p.line, p.column))


def closest(word: str, candidates: Iterable[str]) -> str:
    """The candidate closest to `word`, for a "did you mean" hint, or ""."""
    import difflib  # noqa: PLC0415 - only when there is a typo to explain

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else ""
