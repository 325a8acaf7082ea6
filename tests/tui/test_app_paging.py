"""The events table holds a window of the store, and paging moves it without losing the cursor."""
from __future__ import annotations

from briefing.store import open_store
from briefing.tui.app import BriefingApp

from .helpers import FakeConfig, plain, settle


def many_events(path, n=300):  # noqa: ANN001
    store = open_store(path)
    with store.transaction():
        store.conn.executemany(
            "INSERT INTO events (id, kind, status, date, date_precision, event_key, first_seen, sort_date) "
            "VALUES (?, 'meeting', 'held', ?, 'day', ?, '2024-01-01', ?)",
            [(i, f"20{10 + i // 100:02d}-01-{1 + i % 28:02d}", f"k{i}", f"20{10 + i // 100:02d}-01-{1 + i % 28:02d}")
             for i in range(1, n + 1)])
    store.close()
    return path


async def test_paging_down_moves_the_window_and_keeps_counting(tmp_path):
    db = many_events(tmp_path / "many.db")
    app = BriefingApp(db, FakeConfig(page_size=40))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert len(screen.rows) == 40 and screen.total == 300
        for _ in range(12):
            await pilot.press("pagedown")
            await settle(pilot)
        assert screen.window_start > 0
        assert len(screen.rows) <= 40  # never more than a page in memory
        position = screen.cursor_position
        assert position > 100
        assert f"{position + 1:,} / 300 events" in plain(screen.query_one("#events-header"))
        selected = screen.rows[screen.table.cursor_row]
        await pilot.press("j")
        await settle(pilot)
        assert screen.rows[screen.table.cursor_row - 1].id == selected.id or screen.cursor_position == position + 1


async def test_G_and_g_jump_to_the_ends(tmp_path):
    db = many_events(tmp_path / "many.db")
    app = BriefingApp(db, FakeConfig(page_size=40))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("G")
        await settle(pilot)
        assert screen.cursor_position == 299
        await pilot.press("g")
        await settle(pilot)
        assert screen.cursor_position == 0
