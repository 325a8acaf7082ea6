"""Small helpers for driving the app with Pilot."""
from __future__ import annotations

from typing import Any


class FakeConfig:
    """Just the ``get(section, key, default)`` the app reads."""

    def __init__(self, **tui: Any) -> None:
        self.tui = tui

    def get(self, section: str, key: str, default: Any = None) -> Any:
        if section == "tui":
            return self.tui.get(key, default)
        return default


async def settle(pilot, rounds: int = 2) -> None:  # noqa: ANN001
    """Let workers finish and their results be drawn."""
    for _ in range(rounds):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_name(app) -> str:  # noqa: ANN001
    return type(app.screen).__name__


def notifications(app) -> list[str]:  # noqa: ANN001
    return [str(n.message) for n in app._notifications]


def plain(widget) -> str:  # noqa: ANN001
    """The text a Static shows."""
    from rich.text import Text

    rendered = widget.render()
    if isinstance(rendered, Text):
        return rendered.plain
    return str(getattr(rendered, "plain", rendered))
