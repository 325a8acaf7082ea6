"""Keys that belong to the whole desk: Back (Escape/Backspace) as app-level history, Escape on
the home screen, curation from the event detail, and errors raised while drawing results."""
from __future__ import annotations

import sqlite3

from briefing.store.queries import EventFilter
from briefing.tui import app as app_module
from briefing.tui.app import BriefingApp

from .helpers import FakeConfig, notifications, plain, screen_name, settle

SIZE = (120, 36)


def make_app(db, **kwargs) -> BriefingApp:  # noqa: ANN001
    return BriefingApp(db, FakeConfig(), **kwargs)


def footer_keys(app) -> dict[str, str]:  # noqa: ANN001
    """key -> description of the bindings the footer shows."""
    return {key: active.binding.description for key, active in app.screen.active_bindings.items()
            if active.binding.show and active.enabled}


# ---------------------------------------------------------------- back


async def test_no_screen_binds_back_itself_the_app_does(fixture_db):
    from briefing.tui.screens import actor, article, event_detail, events, feeds, network, timeline

    for module in (actor, article, event_detail, events, feeds, network, timeline):
        for cls in vars(module).values():
            if isinstance(cls, type) and cls.__module__ == module.__name__ and hasattr(cls, "BINDINGS") \
                    and cls.__name__.endswith("Screen"):
                keys = {k.strip() for b in cls.BINDINGS for k in b.key.split(",")}
                assert not keys & {"escape", "backspace"}, cls.__name__


async def test_back_is_shown_in_the_footer_away_from_home_only(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Back" not in footer_keys(app).values()
        app.open_event(1)
        await settle(pilot)
        assert footer_keys(app).get("escape") == "Back"
        await pilot.press("backspace")
        await settle(pilot)
        assert screen_name(app) == "EventsScreen"


async def test_escape_at_home_clears_search_then_filters_then_is_quiet(fixture_db, monkeypatch):
    app = make_app(fixture_db)
    bells: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.apply_filter(EventFilter(search="Austin", status="held"))
        await settle(pilot)
        assert screen.event_filter.search == "Austin"
        await pilot.press("escape")  # drops the search, keeps the other filters
        await settle(pilot)
        assert screen.event_filter.search == "" and screen.event_filter.status == "held"
        await pilot.press("escape")  # clears the filters
        await settle(pilot)
        assert screen.event_filter.is_empty() and screen.total == 4
        await pilot.press("escape", "backspace", "escape")  # nothing left: nothing happens
        await settle(pilot)
        assert screen_name(app) == "EventsScreen" and screen.total == 4
        assert bells == []
        assert not any("nothing" in n for n in notifications(app))


async def test_escape_closes_the_search_box_without_searching(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Hanoi")
        box = app.screen.query_one("#search")
        assert box.display and box.has_focus
        await pilot.press("backspace")  # edits the text, is not Back
        assert box.value == "Hano"
        await pilot.press("escape")
        await settle(pilot)
        assert not box.display and app.screen.event_filter.is_empty()


async def test_history_is_capped(fixture_db, monkeypatch):
    monkeypatch.setattr(app_module, "MAX_HISTORY", 5)
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for i in range(12):
            if i % 2:
                app.open_article(1 + i % 3)
            else:
                app.open_event(1 + i % 4)
            await settle(pilot, rounds=1)
        assert len(app.history) == 5
        assert len(app.screen_stack) == 7  # Textual's default screen, home, five places
        for _ in range(5):
            await pilot.press("escape")
            await settle(pilot, rounds=1)
        assert screen_name(app) == "EventsScreen"
        assert len(app.forward_history) == 5


# ---------------------------------------------------------------- curation from the event


async def test_c_on_the_event_corrects_it_and_the_detail_shows_the_change(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        keys = footer_keys(app)
        assert keys.get("c") == "Correct" and keys.get("x") == "Not meeting"
        await pilot.press("c")
        await settle(pilot)
        assert screen_name(app) == "CorrectEventModal"
        app.screen.query_one("#location").value = "Shangri-La Hotel, Singapore"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen_name(app) == "EventDetailScreen"
        header = plain(app.screen.query_one("#detail-header"))
        assert "Shangri-La Hotel, Singapore" in header and "curated" in header
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "EventsScreen"
        assert app.screen.rows[1].location == "Shangri-La Hotel, Singapore"


async def test_x_on_the_event_marks_it_not_a_meeting(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(3)
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert screen_name(app) == "NotMeetingModal"
        await pilot.press("escape")  # backs out: nothing written
        await settle(pilot)
        assert screen_name(app) == "EventDetailScreen"
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert screen_name(app) == "EventDetailScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.total == 3
        assert 3 not in [r.id for r in app.screen.rows]
    with sqlite3.connect(fixture_db) as conn:
        assert conn.execute("SELECT not_meeting FROM events WHERE id = 3").fetchone()[0] == 1


# ---------------------------------------------------------------- errors while drawing results


async def test_an_error_drawing_results_is_a_notification_and_a_crash_report(fixture_db, tmp_path, monkeypatch):
    import platformdirs

    from briefing.tui.screens.event_detail import EventDetailScreen

    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path / "logs"))

    def broken(self, ev):  # noqa: ANN001
        raise KeyError("no_such_column")

    monkeypatch.setattr(EventDetailScreen, "_show", broken)
    app = make_app(fixture_db, catch_errors=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        messages = notifications(app)
        assert any("internal error: KeyError" in m and "report:" in m for m in messages), messages
        reports = list((tmp_path / "logs").glob("crash-*.log"))
        assert reports and "no_such_column" in reports[0].read_text()
        await pilot.press("escape")  # the app still works
        await settle(pilot)
        assert screen_name(app) == "EventsScreen"


async def test_an_error_drawing_the_events_page_leaves_loading_state(fixture_db, tmp_path, monkeypatch):
    import platformdirs

    from briefing.tui.screens.events import EventsScreen

    monkeypatch.setattr(platformdirs, "user_log_dir", lambda *a, **k: str(tmp_path / "logs"))
    calls = {"n": 0}
    original = EventsScreen._loaded

    def flaky(self, result):  # noqa: ANN001
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("drawing failed")
        return original(self, result)

    monkeypatch.setattr(EventsScreen, "_loaded", flaky)
    app = make_app(fixture_db, catch_errors=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("RuntimeError: drawing failed" in m for m in notifications(app))
        assert app.screen.loading_window is False
        await pilot.press("r")  # and a refresh recovers
        await settle(pilot)
        assert app.screen.total == 4


async def test_help_on_the_event_lists_its_keys_before_textuals_own(fixture_db):
    from briefing.tui.screens.help import bindings_table

    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        table = bindings_table(app, app.screen)
        for description in ("Correct", "Not meeting", "Evidence", "Article", "Back", "Help", "Quit"):
            assert f"| {description} |" in table, description
        assert table.index("| Correct |") < table.index("Focus Next")


async def test_everything_fits_at_80x24(fixture_db):
    """The events table's columns and the filter dialog's buttons are on screen at 80x24."""
    app = make_app(fixture_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.table
        assert table.virtual_size.width <= table.size.width  # no horizontal scrolling
        await pilot.press("f")
        await settle(pilot)
        apply = app.screen.query_one("#apply")
        assert apply.region.bottom <= 24 and apply.region.height > 0
        await pilot.press("escape")
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        facts = app.screen.query_one("#facts")
        assert facts.virtual_size.width <= facts.size.width + 1
