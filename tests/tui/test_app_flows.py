"""The app's flows, driven by Pilot over the hand-made fixture store."""
from __future__ import annotations

import sqlite3

from briefing.tui.app import BriefingApp

from .helpers import FakeConfig, notifications, plain, screen_name, settle

SIZE = (120, 36)


def make_app(db, **tui) -> BriefingApp:  # noqa: ANN001
    return BriefingApp(db, FakeConfig(**tui))


async def test_events_table_lists_events_newest_first_with_undated_last(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen_name(app) == "EventsScreen"
        assert [r.date for r in screen.rows] == ["2024-11", "2024-05-31", "2024-04", None]
        assert screen.rows[1].people == "Lloyd Austin ↔ Dong Jun"
        assert "1 / 4 events" in plain(screen.query_one("#events-header"))


async def test_preview_follows_the_cursor(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        preview = plain(app.screen.query_one("#preview"))
        assert "Singapore" in preview and "75 min" in preview
        assert "2 / 4 events" in plain(app.screen.query_one("#events-header"))


async def test_enter_opens_the_event_and_backspace_returns(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert screen_name(app) == "EventDetailScreen"
        assert app.screen.event_id == 1
        header = plain(app.screen.query_one("#detail-header"))
        assert "Singapore" in header and "75 min" in header and "sources: 2" in header
        await pilot.press("backspace")
        await settle(pilot)
        assert screen_name(app) == "EventsScreen"
        assert app.screen.table.cursor_row == 1  # the table kept its place


async def test_back_and_forward_move_along_history(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        app.open_article(1, event_id=1)
        await settle(pilot)
        assert [p.kind for p in app.history] == ["event", "article"]
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "EventDetailScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "EventsScreen"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen_name(app) == "EventDetailScreen"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen_name(app) == "ArticleScreen"
        assert app.forward_history == []


async def test_opening_a_new_place_clears_forward_history(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        app.go_back()
        await settle(pilot)
        assert len(app.forward_history) == 1
        app.open_event(2)
        await settle(pilot)
        assert app.forward_history == []


async def test_evidence_sentence_is_one_key_away_and_enter_opens_the_article(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        evidence = app.screen.query_one("#evidence")
        assert "Lloyd Austin met Chinese Defense Minister" in plain(evidence)
        await pilot.press("j", "j", "j")  # participants, kind, status -> date
        await settle(pilot)
        assert "Friday (May 31)" in plain(evidence)
        await pilot.press("e")
        assert not evidence.display
        await pilot.press("e", "enter")
        await settle(pilot)
        assert screen_name(app) == "ArticleScreen"
        assert app.screen.article_id == 1


async def test_claims_stand_side_by_side_per_side(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        sides = list(app.screen.query("#claims .side"))
        titles = [str(s.border_title) for s in sides]
        assert titles == ["United States said", "China said"]
        assert "Wu Qian" in plain(sides[1])
        accounts = list(app.screen.query("#accounts .account"))
        assert len(accounts) == 2  # two sources, each with its own summary


async def test_following_a_participant_opens_the_actor_or_says_not_yet(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        link = app.screen.query("ParticipantLink").first()
        link.focus()
        await pilot.press("enter")
        await settle(pilot)
        try:
            import briefing.tui.screens.actor  # noqa: F401
        except ImportError:
            assert any("not available yet" in n for n in notifications(app))
        else:
            assert screen_name(app) == "ActorScreen"


async def test_article_highlights_step_and_jump_to_their_event(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_article(2)
        await settle(pilot)
        screen = app.screen
        kinds = [s.kind for s in screen.spans]
        assert "participant" in kinds and "date" in kinds
        await pilot.press("n")
        await settle(pilot)
        assert screen.current == 0
        await pilot.press("enter")
        await settle(pilot)
        assert screen_name(app) == "EventDetailScreen"
        assert app.screen.event_id == screen.spans[0].event_id


async def test_search_narrows_events_to_matching_articles(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"Hanoi")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert [r.location for r in screen.rows] == ["Hanoi"]
        assert "search=Hanoi" in plain(screen.query_one("#events-header"))
        await pilot.press("c")
        await settle(pilot)
        assert len(screen.rows) == 4


async def test_search_with_stray_quotes_falls_back_to_plain_words(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.apply_filter(screen.event_filter.__class__(search='Shangri-La "Dialogue'))
        await settle(pilot)
        assert {r.id for r in screen.rows} == {1, 4}
        assert any("not valid search syntax" in n for n in notifications(app))


async def test_filter_dialog_combines_country_and_status(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert screen_name(app) == "FilterScreen"
        app.screen.query_one("#f-country").value = "China"
        app.screen.query_one("#f-status").value = "held"
        await pilot.click("#apply")
        await settle(pilot)
        screen = app.screen
        assert screen_name(app) == "EventsScreen"
        assert {r.id for r in screen.rows} == {1, 2, 3}
        header = plain(screen.query_one("#events-header"))
        assert "country=China" in header and "status=held" in header and "3 events" in header


async def test_filter_dialog_rejects_a_malformed_date(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#f-from").value = "May 2024"
        await pilot.click("#apply")
        await settle(pilot)
        assert screen_name(app) == "FilterScreen"
        assert "not a date" in plain(app.screen.query_one("#filter-error"))
        await pilot.press("escape")
        assert screen_name(app) == "EventsScreen"


async def test_filter_by_actor_name(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#f-actor").value = "phan"
        await pilot.click("#apply")
        await settle(pilot)
        assert [r.id for r in app.screen.rows] == [3]
        assert "actor=Phan Van Giang" in plain(app.screen.query_one("#events-header"))


async def test_help_lists_the_bindings_of_the_screen(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert screen_name(app) == "HelpScreen"
        from briefing.tui.screens.help import bindings_table

        table = bindings_table(app, app.screen_stack[-2])
        for description in ("Search", "Filter", "Clear", "Quit", "Help"):
            assert f"| {description} |" in table
        await pilot.press("escape")
        assert screen_name(app) == "EventsScreen"


async def test_palette_offers_actions_and_jumps_to_an_actor_or_event(fixture_db):
    from briefing.tui.commands import ACTIONS, BriefingCommands

    assert any(a.name == "events: Filter" for a in ACTIONS)
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = BriefingCommands(app.screen)
        hits = [h async for h in provider.search("phan")]
        texts = [h.text for h in hits]
        assert "actor: Go to Phan Van Giang" in texts
        event_hit = next(h for h in hits if h.text and h.text.startswith("event: Go to"))
        event_hit.command()
        await settle(pilot)
        assert screen_name(app) == "EventDetailScreen"
        assert app.screen.event_id == 3
        discovered = [h.text async for h in provider.discover()]
        assert "go: Back" in discovered


async def test_palette_opens_with_ctrl_p(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert screen_name(app) == "CommandPalette"
        await pilot.press(*"go: events")
        await pilot.press("escape")


async def test_markup_and_escapes_in_titles_show_as_text(fixture_db):
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_article(2)
        await settle(pilot)
        header = plain(app.screen.query_one("#article-header"))
        assert "[bold red]Breaking[/]" in header
        assert "\x1b" not in header
        app.open_event(1)
        await settle(pilot)
        titles = [str(a.border_title) for a in app.screen.query("#accounts .account")]
        assert any("[bold red]Breaking" in t for t in titles)


async def test_empty_store_names_the_commands_to_run(empty_db):
    app = make_app(empty_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        empty = app.screen.query_one("#empty")
        assert empty.display
        text = plain(empty)
        for command in ("briefing add PATH", "briefing ingest", "briefing demo"):
            assert command in text


async def test_a_failing_query_is_a_notification_not_a_crash(fixture_db, monkeypatch):
    from briefing.store import queries

    def broken(conn, event_id):  # noqa: ANN001
        raise sqlite3.OperationalError("database disk image is malformed")

    monkeypatch.setattr(queries, "event_detail", broken)
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_event(1)
        await settle(pilot)
        assert any("query failed" in n for n in notifications(app))
        await pilot.press("escape")
        await settle(pilot)
        assert screen_name(app) == "EventsScreen"


async def test_missing_screens_are_reported_not_raised(fixture_db, monkeypatch):
    from briefing.tui import app as app_module

    monkeypatch.setitem(app_module.SCREENS, "feeds", ("briefing.tui.screens.does_not_exist", "X"))
    app = make_app(fixture_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.open_feeds() is False
        await settle(pilot)
        assert any("not available yet" in n for n in notifications(app))
        assert screen_name(app) == "EventsScreen"
