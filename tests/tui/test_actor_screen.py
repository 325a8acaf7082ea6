"""The actor screen: who an actor is, whom they met, and following those links."""
from __future__ import annotations

from textual.widgets import DataTable

from tests.tui.fixtures_b import HostApp, actor_id, actor_store, event_id, settle  # noqa: F401

SIZE = (130, 40)


def cells(table: DataTable, col: int = 0) -> list[str]:
    out = []
    for row in range(table.row_count):
        cell = table.get_row_at(row)[col]
        out.append(getattr(cell, "plain", str(cell)))
    return out


async def test_actor_screen_shows_offices_counterparts_meetings_and_aliases(actor_store):
    app = HostApp(actor_store, "actor", actor_id(actor_store, "us.austin"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert "Lloyd Austin" in str(screen.query_one("#actor-title").render())
        assert "Secretary of Defense" in str(screen.query_one("#actor-offices").render())
        assert "2021-01 → 2025-01" in str(screen.query_one("#actor-offices").render())
        counterparts = screen.query_one("#counterparts", DataTable)
        assert cells(counterparts) == ["Dong Jun (China)", "Wei Fenghe (China)", "Li Shangfu (China)"]
        assert cells(counterparts, 1) == ["2", "1", "0*"]  # declined only: 0 and a star
        assert cells(counterparts, 2)[0] == "2024-04" and cells(counterparts, 3)[0] == "2024-05-31"
        meetings = screen.query_one("#meetings", DataTable)
        assert cells(meetings) == ["2024-11", "2024-05-31", "2024-04", "2023", "2022-11-22"]
        assert cells(meetings, 4)[3] == "declined"
        aliases = screen.query_one("#aliases", DataTable)
        assert dict(zip(cells(aliases), cells(aliases, 1)))["奥斯汀"] == "bundled"


async def test_enter_on_a_counterpart_follows_to_their_screen_and_back_returns(actor_store):
    austin = actor_id(actor_store, "us.austin")
    app = HostApp(actor_store, "actor", austin)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the counterparts table has the focus: Dong Jun
        await settle(pilot)
        assert app.screen.actor_id == actor_id(actor_store, "cn.dong_jun")
        assert "Dong Jun" in str(app.screen.query_one("#actor-title").render())
        await pilot.press("backspace")
        await settle(pilot)
        assert app.screen.actor_id == austin


async def test_enter_on_a_meeting_opens_that_event(actor_store):
    app = HostApp(actor_store, "actor", actor_id(actor_store, "us.austin"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#meetings", DataTable).focus()
        await pilot.press("down", "enter")  # second row: 2024-05-31 in Singapore
        await settle(pilot)
        assert app.opened[-1] == ("event", event_id(actor_store, "2024-05-31"))


async def test_n_opens_the_network_and_t_the_timeline_for_the_two_countries(actor_store):
    austin = actor_id(actor_store, "us.austin")
    app = HostApp(actor_store, "actor", austin)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert type(app.screen).__name__ == "NetworkScreen"
        await pilot.press("backspace", "t")
        await settle(pilot)
        assert type(app.screen).__name__ == "TimelineScreen"
        assert app.screen.pair == "CN–US"


async def test_a_merged_away_actor_opens_as_the_actor_it_was_merged_into(actor_store):
    from briefing.store.curation import merge_actors

    jung, jun = actor_id(actor_store, "new:dong jung"), actor_id(actor_store, "cn.dong_jun")
    merge_actors(actor_store, jung, jun)
    app = HostApp(actor_store, "actor", jung)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.actor_id == jun
        assert "Michael Chase (United States)" in cells(app.screen.query_one("#counterparts", DataTable))


async def test_names_from_articles_show_as_text_not_markup(actor_store):
    actor_store.conn.execute("UPDATE actors SET name = '[bold red]Dong[/] Jun\x1b[31m' WHERE key = 'cn.dong_jun'")
    actor_store.conn.commit()
    app = HostApp(actor_store, "actor", actor_id(actor_store, "us.austin"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cells(app.screen.query_one("#counterparts", DataTable))[0] == "[bold red]Dong[/] Jun (China)"


def test_actor_screen_snapshot(actor_store, snap_compare):
    app = HostApp(actor_store, "actor", actor_id(actor_store, "us.austin"))
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
