"""Meetings per month as a bar chart, for every country pair or one (e.g. CN–US).

The chart shows the shape; the table beside it gives the exact counts of the months that
had any, and the line above sums it up (total, span, busiest month, meetings known only to
the year). Events an analyst marked "not a meeting" are not counted.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Select, Static
from textual_plotext import PlotextPlot

from briefing.store.queries_actors import MonthlyCounts, country_pairs, monthly_counts, pair_label, parse_pair
from briefing.tui.screens.actor import load
from briefing.tui.widgets.safe import join_text

ALL = "all"
STATUSES = [("held meetings", "held"), ("planned", "planned"), ("declined", "declined"),
            ("cancelled", "cancelled"), ("any status", ALL)]


@dataclass
class TimelineData:
    pairs: list[tuple[str, int]]
    counts: MonthlyCounts


def timeline_data(conn: sqlite3.Connection, pair: str | None, status: str) -> TimelineData:
    want = None if status == ALL else status
    return TimelineData(country_pairs(conn, want), monthly_counts(conn, pair, want))


class TimelineScreen(Screen):
    """Meetings per month, filterable by country pair and status."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [
        Binding("p", "focus_pair", "pair"),
        Binding("s", "focus_status", "status"),
        Binding("a", "all_pairs", "all pairs"),
    ]

    def __init__(self, country_pair: str | tuple[str, ...] | None = None) -> None:
        super().__init__()
        codes = parse_pair(country_pair)
        self.pair: str | None = pair_label(codes) if codes and len(codes) == 2 else None
        self.status = "held"
        self._pairs: list[tuple[str, int]] | None = None
        self._filling = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="timeline-controls"):
            yield Select([], prompt="all country pairs", id="pair", allow_blank=True)
            yield Select(STATUSES, id="status", allow_blank=False, value="held")
            yield Static("", id="timeline-summary")
        with Horizontal(id="timeline-body"):
            yield PlotextPlot(id="chart")
            yield DataTable(id="months", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#months", DataTable)
        table.add_column("month", key="month")
        table.add_column("n", key="n")
        table.border_title = "by month"
        self.query_one("#chart", PlotextPlot).focus()
        self.reload()

    def reload(self) -> None:
        load(self, timeline_data, self.pair, self.status, on_result=self.show, group="timeline")

    # -- controls -------------------------------------------------------------------------

    @on(Select.Changed, "#pair")
    def _pair_changed(self, event: Select.Changed) -> None:
        if self._filling:
            return
        value = None if event.value is Select.NULL else str(event.value)
        if value != self.pair:
            self.pair = value
            self.reload()

    @on(Select.Changed, "#status")
    def _status_changed(self, event: Select.Changed) -> None:
        if self._filling or event.value is Select.NULL:
            return
        if event.value != self.status:
            self.status = str(event.value)
            self._pairs = None  # the pairs' counts depend on the status
            self.reload()

    def action_focus_pair(self) -> None:
        self.query_one("#pair", Select).focus()

    def action_focus_status(self) -> None:
        self.query_one("#status", Select).focus()

    def action_all_pairs(self) -> None:
        self.query_one("#pair", Select).clear()

    # -- drawing --------------------------------------------------------------------------

    def show(self, data: TimelineData) -> None:
        self._fill_pairs(data.pairs)
        counts = data.counts
        self._draw(counts)
        self._fill_months(counts)
        self.query_one("#timeline-summary", Static).update(self._summary(counts))

    def _fill_pairs(self, pairs: list[tuple[str, int]]) -> None:
        if pairs == self._pairs:
            return
        self._pairs = pairs
        options = [(f"{label}  ({n})", label) for label, n in pairs]
        if self.pair and self.pair not in {label for label, _ in pairs}:
            options.insert(0, (f"{self.pair}  (0)", self.pair))
        select = self.query_one("#pair", Select)
        self._filling = True
        try:
            select.set_options(options)
            if self.pair:
                select.value = self.pair
        finally:
            self.call_after_refresh(self._done_filling)

    def _done_filling(self) -> None:
        self._filling = False

    def _what(self) -> str:
        return {"held": "held meetings", ALL: "meetings (any status)"}.get(self.status, f"{self.status} meetings")

    def _draw(self, counts: MonthlyCounts) -> None:
        chart = self.query_one("#chart", PlotextPlot)
        plt = chart.plt
        plt.clear_figure()
        title = f"{self.pair or 'all country pairs'} · {self._what()} per month"
        plt.title(title)
        if counts.months:
            xs = list(range(len(counts.months)))
            plt.bar(xs, counts.counts, width=0.8 if len(xs) < 40 else 1)
            step = max(1, len(xs) // 12)
            ticks = xs[::step]
            plt.xticks(ticks, [counts.months[i] for i in ticks])
            top = max(counts.counts) or 1
            plt.yticks(list(range(0, top + 1, max(1, top // 6))))
            plt.ylim(0, top)
        chart.refresh()

    def _fill_months(self, counts: MonthlyCounts) -> None:
        table = self.query_one("#months", DataTable)
        table.clear()
        for month, n in reversed(list(zip(counts.months, counts.counts))):
            if n:
                table.add_row(month, Text(str(n), justify="right"), key=month)
        if counts.undated:
            table.add_row(Text("year only", style="dim"), Text(str(counts.undated), justify="right"), key="undated")
        table.border_subtitle = f"{counts.total}"

    def _summary(self, counts: MonthlyCounts) -> Text:
        if not counts.total:
            return Text(f"no {self._what()}" + (f" between {self.pair}" if self.pair else ""), style="dim")
        parts: list[Text | str] = [Text(f"{counts.total} {self._what()}", style="bold")]
        if counts.months:
            parts.append(f"{counts.months[0]} → {counts.months[-1]}")
            busiest = max(range(len(counts.counts)), key=lambda i: (counts.counts[i], i))
            parts.append(f"busiest {counts.months[busiest]} ({counts.counts[busiest]})")
        if counts.undated:
            parts.append(Text(f"{counts.undated} dated only to the year", style="dim"))
        return join_text(parts)


def _register_palette_actions() -> None:
    try:
        from briefing.tui.commands import register_action
    except ImportError:
        return
    on_timeline = lambda app: type(app.screen).__name__ == "TimelineScreen"  # noqa: E731
    register_action("timeline: Choose country pair", "meetings between two countries only (p)",
                    lambda app: app.screen.run_action("focus_pair"), when=on_timeline)
    register_action("timeline: All country pairs", "every meeting (a)",
                    lambda app: app.screen.run_action("all_pairs"), when=on_timeline)
    register_action("timeline: Choose status", "held, planned, declined, cancelled or any (s)",
                    lambda app: app.screen.run_action("focus_status"), when=on_timeline)


_register_palette_actions()
