"""A chart of scores over time (Plotext, in the terminal), tests and practice apart."""

from __future__ import annotations

import math
from collections.abc import Sequence

from textual_plotext import PlotextPlot

from studyapp.i18n import format_count, tr

DEFAULT_SCALE = 10.0


class ScoreChart(PlotextPlot):
    """Scores in the order taken: a line for tests, dots for practice."""

    DEFAULT_CSS = """
    ScoreChart { height: 10; min-height: 8; }
    """

    note: str = ""
    """What the chart could not draw as stored (shown as its title), empty when all was."""

    def show(self, labels: Sequence[str], scores: Sequence[float | None],
             tests: Sequence[bool], scale: float | None) -> None:
        """Plot one point per quiz: `labels` under the x axis (dates), the
        score on the pack's scale; `tests` says which were tests. A score the
        database holds but no quiz can have (unknown, not a number, infinite) is
        left out, one beyond the scale drawn at its edge, each said in the title;
        so is a scale that cannot be read (10 is used)."""
        plot = self.plt
        plot.clear_data()
        plot.clear_figure()
        notes = []
        if scale is None or not math.isfinite(scale) or scale <= 0:
            scale = DEFAULT_SCALE
            notes.append(tr("chart.bad_scale", scale=format_count(int(scale))))
        xs = [float(x) for x in range(1, len(scores) + 1)]
        test_points: list[tuple[float, float]] = []
        practice_points: list[tuple[float, float]] = []
        left_out = clipped = 0
        for x, stored, test in zip(xs, scores, tests, strict=True):
            if stored is None or not math.isfinite(stored):
                left_out += 1
                continue
            if not 0 <= stored <= scale:
                clipped += 1
            (test_points if test else practice_points).append((x, min(max(stored, 0.0), scale)))
        if clipped:
            notes.append(tr("chart.clipped", count=format_count(clipped)))
        if left_out:
            notes.append(tr("chart.left_out", count=format_count(left_out)))
        if len(test_points) > 1:  # the trend of the tests, under their points
            plot.plot([x for x, _ in test_points], [y for _, y in test_points],
                      marker="braille")
        if test_points:
            plot.scatter([x for x, _ in test_points], [y for _, y in test_points],
                         marker="●", label=tr("chart.tests"))
        if practice_points:
            plot.scatter([x for x, _ in practice_points], [y for _, y in practice_points],
                         marker="•", label=tr("chart.practice"))
        plot.ylim(0, scale)
        plot.xlim(0.5, len(scores) + 0.5)
        step = max(1, len(xs) // 6)  # a few dates, not one per quiz when there are many
        plot.xticks(xs[::step], list(labels)[::step])
        plot.yticks([0, scale / 2, scale])
        self.note = " ".join(notes)
        if self.note:
            plot.title(self.note)
        self.refresh()


class BandChart(PlotextPlot):
    """How many members are in each band, highest band first."""

    DEFAULT_CSS = """
    BandChart { height: 12; }
    """

    def show(self, bands: Sequence[tuple[str, int]]) -> None:
        plot = self.plt
        plot.clear_data()
        plot.clear_figure()
        # plotext draws the first bar at the bottom: reversed, the highest band reads first.
        labels = [label for label, _ in reversed(bands)]
        counts = [count for _, count in reversed(bands)]
        # Horizontal bars keep the band names readable on the left at 80 columns. Two rows
        # per band (plus title, frame and ticks) and a bar half its slot give every bar the
        # same thickness; any other height makes plotext round them unevenly.
        self.styles.height = 2 * len(bands) + 4
        plot.bar(labels, counts, orientation="horizontal", width=0.5)
        top = max(counts, default=0)
        if top > 0:  # whole people, never 1.5 of one
            plot.xticks(list(range(0, top + 1, -(-top // 8))))
        plot.title(tr("chart.bands"))
        self.refresh()
