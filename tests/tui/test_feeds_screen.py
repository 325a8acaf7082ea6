"""The feeds screen: what is configured, how the last fetch went, and ingest now."""
from __future__ import annotations

import sys

from textual.widgets import DataTable

from briefing.config import load_config
from tests.tui.fixtures_b import HostApp, actor_store, settle  # noqa: F401
from tests.tui.test_actor_screen import SIZE, cells

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Local desk</title><link>http://example.org/</link>
<description>test</description>
<item><title>Austin meets Dong Jun in Singapore</title><link>http://example.org/a1</link>
<guid>a1</guid><pubDate>Sat, 01 Jun 2024 08:00:00 GMT</pubDate>
<description>US Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun in Singapore on
Friday (May 31). The two held a 75-minute meeting.</description></item>
</channel></rss>
"""


def make_config(tmp_path, feeds: list[tuple[str, str]]):  # noqa: ANN001
    body = "".join(f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n\n' for n, u in feeds)
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return load_config(path)


async def test_configured_feeds_are_listed_even_before_their_first_fetch(actor_store, tmp_path):
    config = make_config(tmp_path, [("desk", str(tmp_path / "feed.xml")), ("wire", "https://example.org/rss")])
    app = HostApp(actor_store, "feeds", config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#feeds", DataTable)
        assert cells(table) == ["desk", "wire"]
        assert cells(table, 3) == ["never fetched", "never fetched"]


async def test_no_feeds_configured_says_how_to_add_one(actor_store, tmp_path):
    app = HostApp(actor_store, "feeds", config=make_config(tmp_path, []))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No feeds configured" in str(app.screen.query_one("#feeds-error").render())
        await pilot.press("i")
        await pilot.pause()
        assert any("no feeds configured" in str(n.message) for n in app._notifications)


async def test_i_ingests_in_the_background_and_the_row_shows_the_result(actor_store, tmp_path, monkeypatch):
    from briefing.tui.screens.feeds import FeedsScreen

    seen: list[tuple[int, int]] = []
    original = FeedsScreen.on_ingest_progress

    def spy(self, result, done, total):  # noqa: ANN001
        seen.append((done, total))
        original(self, result, done, total)

    monkeypatch.setattr(FeedsScreen, "on_ingest_progress", spy)
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    config = make_config(tmp_path, [("desk", str(feed)), ("broken", str(tmp_path / "missing.xml"))])
    app = HostApp(actor_store, "feeds", config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = actor_store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        await pilot.press("i")
        await settle(pilot)
        assert seen[0] == (0, 2) and seen[-1] == (2, 2)  # progress, feed by feed
        table = app.screen.query_one("#feeds", DataTable)
        status = dict(zip(cells(table), cells(table, 3)))
        assert status["desk"] == "ok" and status["broken"] == "error"
        assert dict(zip(cells(table), cells(table, 5)))["desk"] == "1"
        assert "1 failed" in str(app.screen.query_one("#feeds-status").render())
        assert not app.screen.query_one("#feeds-progress").display
    after = actor_store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert after == before + 1


async def test_without_the_ingest_module_i_says_it_is_not_available(actor_store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "briefing.ingest.run", None)  # import fails
    app = HostApp(actor_store, "feeds", config=make_config(tmp_path, [("desk", "https://example.org/rss")]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert any("feed ingestion not available" in str(n.message) for n in app._notifications)
