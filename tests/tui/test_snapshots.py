"""What the main screens look like, at a fixed size, over the hand-made fixture store.

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the report before committing the new SVGs.
"""
from __future__ import annotations

import pytest

from briefing.tui.app import BriefingApp

from .helpers import FakeConfig, settle

SIZE = (120, 36)


def _app(db) -> BriefingApp:  # noqa: ANN001
    return BriefingApp(db, FakeConfig(theme="textual-dark"))


async def _ready(pilot) -> None:  # noqa: ANN001
    # generous on a loaded machine: workers, then a real pause, then workers again
    await settle(pilot, rounds=3)
    await pilot.pause(0.2)
    await settle(pilot, rounds=2)
    # a blinking cursor is drawn or not depending on the moment: hold it still
    from textual.widgets import Input

    for inp in pilot.app.screen.query(Input):
        inp.cursor_blink = False
    await pilot.pause()


@pytest.fixture
def fixed_db(tmp_path_factory):
    # A fixed path, so that nothing path-dependent can move a snapshot.
    from .conftest import build_fixture_store

    folder = tmp_path_factory.mktemp("snap")
    return build_fixture_store(folder / "fixture.db")


def test_events_screen(snap_compare, fixed_db):
    assert snap_compare(_app(fixed_db), terminal_size=SIZE, run_before=_ready)


def test_events_screen_filtered(snap_compare, fixed_db):
    async def run_before(pilot):  # noqa: ANN001
        await _ready(pilot)
        from briefing.store.queries import EventFilter

        pilot.app.screen.apply_filter(EventFilter(country="CN", status="held"))
        await _ready(pilot)

    assert snap_compare(_app(fixed_db), terminal_size=SIZE, run_before=run_before)


def test_event_detail_screen(snap_compare, fixed_db):
    async def run_before(pilot):  # noqa: ANN001
        await _ready(pilot)
        pilot.app.open_event(1)
        await _ready(pilot)

    assert snap_compare(_app(fixed_db), terminal_size=SIZE, run_before=run_before)


def test_article_screen(snap_compare, fixed_db):
    async def run_before(pilot):  # noqa: ANN001
        await _ready(pilot)
        pilot.app.open_article(1, event_id=1)
        await _ready(pilot)
        pilot.app.clear_notifications()
        await _ready(pilot)

    assert snap_compare(_app(fixed_db), terminal_size=SIZE, run_before=run_before)


def test_filter_dialog(snap_compare, fixed_db):
    async def run_before(pilot):  # noqa: ANN001
        await _ready(pilot)
        await pilot.press("f")
        await _ready(pilot)

    assert snap_compare(_app(fixed_db), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, fixed_db):
    async def run_before(pilot):  # noqa: ANN001
        await _ready(pilot)
        await pilot.press("question_mark")
        await _ready(pilot)

    assert snap_compare(_app(fixed_db), terminal_size=SIZE, run_before=run_before)


def test_empty_store(snap_compare, empty_db):
    assert snap_compare(_app(empty_db), terminal_size=SIZE, run_before=_ready)
