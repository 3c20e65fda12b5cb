"""The content model: packs, their grading, and lessons, as plain frozen objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

CONTENT_FORMAT = 1
"""The content format version this program reads (content-format.md)."""


@dataclass(frozen=True, slots=True)
class Band:
    """A grade band: a score at or above `min` gets `label`."""

    label: str
    min: Fraction


DEFAULT_BANDS: tuple[Band, ...] = (
    Band("Giỏi", Fraction(8)),
    Band("Khá", Fraction(13, 2)),
    Band("Trung bình", Fraction(5)),
    Band("Không đạt", Fraction(0)),
)


@dataclass(frozen=True, slots=True)
class Grading:
    """How a pack's scores are shown: scale, bands (highest first), pass mark."""

    scale: Fraction = Fraction(10)
    bands: tuple[Band, ...] = DEFAULT_BANDS
    pass_mark: Fraction = Fraction(5)

    def band(self, score: Fraction) -> str | None:
        """The label of the first band whose minimum `score` reaches."""
        for band in self.bands:
            if score >= band.min:
                return band.label
        return None

    def passed(self, score: Fraction) -> bool:
        return score >= self.pass_mark


@dataclass(frozen=True, slots=True)
class Lesson:
    """One lesson of a pack. `body` is the Markdown text as written (clean NFC);
    `body_line` is the file line where it starts."""

    pack_id: str
    id: str
    title: str
    source: str
    parent: str | None = None
    order: float | None = None
    key_points: tuple[str, ...] = ()
    body: str = ""
    path: Path = field(default=Path(), compare=False)
    body_line: int = field(default=1, compare=False)


@dataclass(frozen=True, slots=True)
class Pack:
    """A pack: one source document with its lessons (and, later, banks)."""

    id: str
    title: str
    source: str
    path: Path = field(compare=False)
    issued_by: str | None = None
    language: str = "vi"
    grading: Grading = field(default_factory=Grading)
