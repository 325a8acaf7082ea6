"""The app over the bundled sample articles, run through the real extractor.

Deliberately not a snapshot: the extractor improves, and its exact output (kinds, places,
roles, the number of side events) may change. What must hold whatever it becomes: the
headline meeting of the samples -- Austin and Dong Jun, Singapore, 2024-05-31 -- is a row
of the events table, and opens to a detail naming both.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing.store import open_store
from briefing.tui.app import BriefingApp

from .helpers import FakeConfig, plain, screen_name, settle

SAMPLE = Path(__file__).resolve().parents[2] / "briefing" / "data" / "sample"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    from briefing.extract import make_extractor
    from briefing.ingest.importer import import_files

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    store = open_store(path)
    try:
        import_files(store, sorted(SAMPLE.glob("*.txt")), make_extractor(store))
    finally:
        store.close()
    return path


async def test_the_headline_meeting_of_the_samples_is_listed_and_opens(sample_db):
    app = BriefingApp(sample_db, FakeConfig())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, rounds=3)
        screen = app.screen
        assert screen.total and screen.total >= 1
        headline = [r for r in screen.rows if r.date == "2024-05-31" and "↔" in r.people]
        assert headline, [(r.date, r.people) for r in screen.rows]
        row = headline[0]
        assert "Dong Jun" in row.people
        # the row is drawn in the table, not only held
        index = screen.rows.index(row)
        cells = [str(c) for c in screen.table.get_row_at(index)]
        assert "2024-05-31" in cells[0] and "↔" in cells[2]
        screen.table.move_cursor(row=index)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot, rounds=3)
        assert screen_name(app) == "EventDetailScreen"
        header = plain(app.screen.query_one("#detail-header"))
        assert "2024-05-31" in header
        names = " ".join(str(b.label) for b in app.screen.query(".participant"))
        assert "Dong Jun" in names
