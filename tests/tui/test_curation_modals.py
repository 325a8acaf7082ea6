"""The analyst's curation from the screens: merge, aliases, corrections, "not a meeting".

Each change must land in the store, show at once, and survive re-extraction.
"""
from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from briefing.extract.reextract import reextract_all
from briefing.store.queries_actors import actor_aliases, actor_meetings
from briefing.tui.widgets.curation import CorrectEventModal, NotMeetingModal, valid_iso_date
from tests.tui.fixtures_b import HostApp, LineExtractor, actor_id, actor_store, event_id, settle  # noqa: F401
from tests.tui.test_actor_screen import SIZE, cells


def chase_events(store, actor):  # noqa: ANN001
    return [m for m in actor_meetings(store, actor) if any(c.name == "Michael Chase" for c in m.counterparts)]


async def test_merging_a_garbled_duplicate_moves_its_meetings_and_survives_reextraction(actor_store):
    jung, jun = actor_id(actor_store, "new:dong jung"), actor_id(actor_store, "cn.dong_jun")
    app = HostApp(actor_store, "actor", jung)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await pilot.press(*"Dong Jun")
        await pilot.pause()
        await pilot.press("enter")  # the best match
        await pilot.pause()
        plan = str(app.screen.query_one("#plan").render())
        assert "Merge Dong Jung" in plan and "into Dong Jun" in plan  # the extracted one folds in
        await pilot.press("enter")  # Merge has the focus
        await settle(pilot)
        assert app.screen.actor_id == jun
        assert "Michael Chase (United States)" in cells(app.screen.query_one("#counterparts", DataTable))
    assert chase_events(actor_store, jun)
    reextract_all(actor_store, LineExtractor())
    assert chase_events(actor_store, jun), "the merge is replayed after re-extraction"
    assert "Dong Jung" in [a.alias for a in actor_aliases(actor_store, jun)]


async def test_merge_direction_can_be_swapped_and_escape_cancels(actor_store):
    jun, wei = actor_id(actor_store, "cn.dong_jun"), actor_id(actor_store, "cn.wei_fenghe")
    app = HostApp(actor_store, "actor", jun)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m", *"wei feng", "enter")
        await pilot.pause()
        assert "Merge Wei Fenghe" in str(app.screen.query_one("#plan").render())
        await pilot.press("s")
        assert "Merge Dong Jun" in str(app.screen.query_one("#plan").render())
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "ActorScreen"
    merged = actor_store.conn.execute("SELECT count(*) FROM actors WHERE merged_into IS NOT NULL").fetchone()[0]
    assert merged == 0


async def test_adding_an_alias_shows_it_as_the_analysts_and_survives_reextraction(actor_store):
    austin = actor_id(actor_store, "us.austin")
    app = HostApp(actor_store, "actor", austin)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Austen", "enter")
        await settle(pilot)
        aliases = app.screen.query_one("#aliases", DataTable)
        assert dict(zip(cells(aliases), cells(aliases, 1)))["Austen"] == "✎ analyst"
    reextract_all(actor_store, LineExtractor())
    assert ("Austen", "analyst") in [(a.alias, a.source) for a in actor_aliases(actor_store, austin)]


async def test_an_empty_alias_is_refused_inside_the_dialog(actor_store):
    app = HostApp(actor_store, "actor", actor_id(actor_store, "us.austin"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "AddAliasModal"
        assert "Type the alias" in str(app.screen.query_one("#error").render())


async def test_removing_the_selected_alias_after_confirming(actor_store):
    austin = actor_id(actor_store, "us.austin")
    app = HostApp(actor_store, "actor", austin)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#aliases", DataTable)
        assert cells(table)[0] == "Austin"
        await pilot.press("d")
        await pilot.pause()
        assert "Austin" in str(app.screen.query_one(".question").render())
        await pilot.press("y")
        await settle(pilot)
        assert "Austin" not in cells(app.screen.query_one("#aliases", DataTable))
    reextract_all(actor_store, LineExtractor())
    assert "Austin" not in [a.alias for a in actor_aliases(actor_store, austin)]


async def test_correcting_an_event_validates_the_date_and_marks_it_the_analysts(actor_store):
    call = event_id(actor_store, "2024-04")
    app = HostApp(actor_store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(CorrectEventModal(call))
        await pilot.pause()
        modal = app.screen
        assert modal.query_one("#kind", Select).value == "video_call"
        date = modal.query_one("#date", Input)
        date.value = "April 2024"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is modal, "a bad date keeps the dialog open"
        assert "YYYY" in str(modal.query_one("#error").render())
        date.value = "2024-04-12"
        modal.query_one("#location", Input).value = "Washington"
        modal.query_one("#duration", Input).value = "90"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is not modal
    row = actor_store.conn.execute(
        "SELECT date, location, duration_minutes, curated, kind FROM events WHERE id = ?", [call]).fetchone()
    assert row == ("2024-04-12", "Washington", 90, 1, "video_call")


async def test_a_corrected_meeting_shows_the_analyst_marker_on_the_actor_screen(actor_store):
    app = HostApp(actor_store, "actor", actor_id(actor_store, "us.austin"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#meetings", DataTable).focus()
        await pilot.press("c")  # the first meeting: 2024-11, planned
        await pilot.pause()
        app.screen.query_one("#status", Select).value = "cancelled"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert cells(app.screen.query_one("#meetings", DataTable), 4)[0] == "cancelled ✎"


async def test_marking_not_a_meeting_hides_it_and_x_again_restores_it(actor_store):
    austin = actor_id(actor_store, "us.austin")
    app = HostApp(actor_store, "actor", austin)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#meetings", DataTable).focus()
        await pilot.press("x")
        await pilot.pause()
        assert "not a meeting" in str(app.screen.query_one(".question").render())
        await pilot.press("y")
        await settle(pilot)
        assert cells(app.screen.query_one("#meetings", DataTable)) == ["2024-05-31", "2024-04", "2023", "2022-11-22"]
    planned = actor_store.conn.execute("SELECT id FROM events WHERE date = '2024-11'").fetchone()[0]
    reextract_all(actor_store, LineExtractor())
    assert actor_store.conn.execute("SELECT not_meeting FROM events WHERE date = '2024-11'").fetchone()[0] == 1
    app = HostApp(actor_store)
    async with app.run_test(size=SIZE) as pilot:
        new_id = actor_store.conn.execute("SELECT id FROM events WHERE date = '2024-11'").fetchone()[0]
        app.push_screen(NotMeetingModal(new_id))
        await pilot.pause()
        assert "Restore" in str(app.screen.query_one(".question").render())
        await pilot.press("y")
        await settle(pilot)
    assert actor_store.conn.execute("SELECT not_meeting FROM events WHERE date = '2024-11'").fetchone()[0] == 0
    assert planned  # (ids are renumbered by re-extraction; the event_key carries the curation)


def test_iso_dates_are_checked_for_shape_and_for_being_real():
    assert valid_iso_date("2024") and valid_iso_date("2024-05") and valid_iso_date("2024-02-29")
    assert not valid_iso_date("2023-02-29") and not valid_iso_date("2024-13") and not valid_iso_date("May 2024")
