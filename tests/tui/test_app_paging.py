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


def events_with_articles(path, n=300, undated_every=7):  # noqa: ANN001
    """``n`` events, every ``undated_every``-th undated, each with one article; every event's
    article says "talks", one in three also "strait"."""
    store = open_store(path)
    with store.transaction():
        rows, arts, links = [], [], []
        for i in range(1, n + 1):
            day = f"20{10 + i // 100:02d}-02-{1 + i % 28:02d}"
            undated = i % undated_every == 0
            rows.append((i, None if undated else day, f"k{i}", None if undated else day))
            text = "defence talks" + (" across the strait" if i % 3 == 0 else "")
            arts.append((i, f"h{i}", text))
            links.append((i, i))
        store.conn.executemany(
            "INSERT INTO events (id, kind, status, date, date_precision, event_key, first_seen, sort_date) "
            "VALUES (?, 'meeting', 'held', ?, 'day', ?, '2024-01-01', ?)", rows)
        store.conn.executemany("INSERT INTO articles (id, content_hash, fetched_at, text) VALUES (?, ?, '2024', ?)",
                               arts)
        store.conn.executemany("INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)", links)
    store.close()
    return path


def test_paging_by_key_matches_paging_by_offset_through_undated_events(tmp_path):
    from briefing.store import queries as q

    db = events_with_articles(tmp_path / "keys.db")
    reader = q.Reader(db)
    with reader.connect() as conn:
        for flt in (q.EventFilter(), q.prepare_filter(conn, q.EventFilter(search="strait"))[0]):
            everything = q.events_page(conn, flt, 0, 1000)
            ids = [e.id for e in everything]
            assert any(e.sort_date is None for e in everything)
            for i in (0, 1, 5, len(ids) // 2, len(ids) - 45, len(ids) - 2, len(ids) - 1):
                key = (everything[i].sort_date, everything[i].id)
                assert [e.id for e in q.events_from(conn, flt, key, 40)] == ids[i + 1:i + 41]
                assert [e.id for e in q.events_from(conn, flt, key, 40, before=True)] == ids[max(0, i - 40):i]
            assert [e.id for e in q.events_from(conn, flt, (None, -1), 30, before=True)] == ids[-30:]
    reader.close()


async def test_window_moves_down_and_up_keep_the_cursor_and_positions(tmp_path):
    db = events_with_articles(tmp_path / "keys.db")
    app = BriefingApp(db, FakeConfig(page_size=40))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        from briefing.store import queries as q

        reader = q.Reader(db)
        with reader.connect() as conn:
            order = [e.id for e in q.events_page(conn, q.EventFilter(), 0, 1000)]
        reader.close()
        for _ in range(30):  # a 40-row window is less than two screens: paging waits at its edge
            await pilot.press("pagedown")
            await settle(pilot)
            assert screen.rows[screen.table.cursor_row].id == order[screen.cursor_position]
            assert [r.id for r in screen.rows] == order[screen.window_start:screen.window_start + len(screen.rows)]
            assert len(screen.rows) <= 40
        assert screen.cursor_position == 299 and screen.window_start > 0
        assert "300 / 300 events" in plain(screen.query_one("#events-header"))
        for _ in range(30):
            await pilot.press("pageup")
            await settle(pilot)
            assert screen.rows[screen.table.cursor_row].id == order[screen.cursor_position]
            assert [r.id for r in screen.rows] == order[screen.window_start:screen.window_start + len(screen.rows)]
        assert screen.cursor_position == 0 and screen.window_start == 0


async def test_a_very_common_search_is_counted_up_to_a_cap_and_paged_lazily(tmp_path, monkeypatch):
    from briefing.store import queries as q

    monkeypatch.setattr(q, "LAZY_SEARCH_ARTICLES", 50)
    monkeypatch.setattr(q, "COUNT_CAP", 100)
    db = events_with_articles(tmp_path / "keys.db")
    app = BriefingApp(db, FakeConfig(page_size=40))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.apply_filter(q.EventFilter(search="talks"))
        await settle(pilot)
        assert screen.event_filter.fts_lazy and screen.total_capped
        assert "1 / 100+ events" in plain(screen.query_one("#events-header"))
        for _ in range(4):
            await pilot.press("pagedown")
            await settle(pilot)
        assert screen.cursor_position > 40 and len(screen.rows) <= 40
        await pilot.press("G")  # the end needs the exact count
        await settle(pilot)
        assert not screen.total_capped and screen.total == 300 and screen.cursor_position == 299
        assert "300 / 300 events" in plain(screen.query_one("#events-header"))
        screen.apply_filter(q.EventFilter(search="strait"))  # 100 articles: still lazy, not capped
        await settle(pilot)
        assert screen.event_filter.fts_lazy and not screen.total_capped and screen.total == 100
        screen.apply_filter(q.EventFilter(search="strait", status="planned"))
        await settle(pilot)
        assert screen.total == 0


async def test_only_a_lazy_search_is_capped(tmp_path, monkeypatch):
    from briefing.store import queries as q

    monkeypatch.setattr(q, "COUNT_CAP", 100)
    db = events_with_articles(tmp_path / "keys.db")
    app = BriefingApp(db, FakeConfig(page_size=40))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.total == 300 and not app.screen.total_capped
        app.screen.apply_filter(q.EventFilter(search="talks"))  # 300 articles: not lazy
        await settle(pilot)
        assert app.screen.total == 300 and not app.screen.total_capped
