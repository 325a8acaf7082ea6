"""Meetings per month, by country pair."""
from __future__ import annotations

from textual.widgets import DataTable, Select

from briefing.store.queries_actors import country_pairs, monthly_counts
from tests.tui.fixtures_b import HostApp, actor_store, settle  # noqa: F401
from tests.tui.test_actor_screen import SIZE, cells


def test_monthly_counts_fill_empty_months_and_count_year_only_dates_apart(actor_store):
    counts = monthly_counts(actor_store, ("US", "CN"))
    assert counts.months[0] == "2022-11" and counts.months[-1] == "2024-09"
    assert dict(zip(counts.months, counts.counts))["2024-04"] == 1  # the CN–IN meeting is not counted
    assert sum(counts.counts) == 5 and counts.undated == 0
    declined = monthly_counts(actor_store, "CN-US", status="declined")
    assert declined.months == [] and declined.undated == 1
    assert country_pairs(actor_store) == [("CN–US", 5), ("CN–IN", 1)]


async def test_timeline_counts_every_pair_then_one_pair(actor_store):
    app = HostApp(actor_store, "timeline", country_pair=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert str(screen.query_one("#timeline-summary").render()).startswith("6 held meetings")
        months = screen.query_one("#months", DataTable)
        assert dict(zip(cells(months), cells(months, 1)))["2024-04"] == "2"
        screen.query_one("#pair", Select).value = "CN–IN"
        await settle(pilot)
        assert str(screen.query_one("#timeline-summary").render()).startswith("1 held meetings")
        assert cells(screen.query_one("#months", DataTable)) == ["2024-04"]


async def test_timeline_opens_on_a_pair_and_status_can_widen_it(actor_store):
    app = HostApp(actor_store, "timeline", country_pair=("US", "CN"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#pair", Select).value == "CN–US"
        assert str(screen.query_one("#timeline-summary").render()).startswith("5 held meetings")
        screen.query_one("#status", Select).value = "all"
        await settle(pilot)
        summary = str(screen.query_one("#timeline-summary").render())
        assert summary.startswith("7 meetings (any status)") and "1 dated only to the year" in summary
