"""The command palette (Ctrl+P): every action of the app, and a jump to any actor or event.

Actions are data: a registry of :class:`PaletteAction` named ``area: Verb`` (as Posting
does), each with a one-line help and a function of the app. Other modules add theirs at
import time::

    from briefing.tui.commands import register_action

    register_action("actor: Open network", "who met whom around this actor",
                    lambda app: app.open_network(app.screen.actor_id),
                    when=lambda app: type(app.screen).__name__ == "ActorScreen")

``when`` (optional) hides an action where it makes no sense. Typing two or more
characters also searches the store: actors by name or alias, events by participant or
place, each offered as "actor: Go to ..." / "event: Go to ...".
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing.tui.widgets.safe import fuzzy_content, markup_escape, one_line

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


@dataclass(frozen=True)
class PaletteAction:
    name: str  # "area: Verb ..."
    help: str
    run: Callable[["BriefingApp"], Any]
    when: Callable[["BriefingApp"], bool] | None = None


ACTIONS: list[PaletteAction] = []


def register_action(name: str, help: str, run: Callable[["BriefingApp"], Any],
                    when: Callable[["BriefingApp"], bool] | None = None) -> PaletteAction:
    """Offer ``run(app)`` in the palette as ``name``. Re-registering a name replaces it."""
    action = PaletteAction(name, help, run, when)
    ACTIONS[:] = [a for a in ACTIONS if a.name != name]
    ACTIONS.append(action)
    return action


def _on(screen_name: str) -> Callable[[Any], bool]:
    return lambda app: type(app.screen).__name__ == screen_name


def _screen_action(action: str) -> Callable[[Any], Any]:
    """Run an action of the current screen (``events.open`` style bindings)."""
    async def run(app: Any) -> None:
        await app.screen.run_action(action)
    return run


# The app's own actions. Screens written elsewhere register theirs in their modules.
for _name, _help, _run, _when in [
    ("app: Quit", "leave briefing", lambda app: app.exit(), None),
    ("app: Help", "every key binding", lambda app: app.action_help(), None),
    ("app: Refresh", "re-read the store (after an ingest)", lambda app: app.refresh_all(), None),
    ("go: Back", "the previous place (Escape / Backspace)", lambda app: app.action_back(), None),
    ("go: Forward", "the next place (])", lambda app: app.action_forward(), None),
    ("go: Events", "the events table (home)", lambda app: app.go_home(), None),
    ("go: Timeline", "meetings over time", lambda app: app.open_timeline(), None),
    ("go: Feeds", "the configured feeds and their last fetch", lambda app: app.open_feeds(), None),
    ("events: Search articles", "full-text search (/)", _screen_action("search"), _on("EventsScreen")),
    ("events: Filter", "actor, country, kind, status, dates (f)", _screen_action("filters"), _on("EventsScreen")),
    ("events: Clear filters", "show every event (c)", _screen_action("clear_filters"), _on("EventsScreen")),
    ("events: Open selected event", "the event's detail (Enter)", _screen_action("open"), _on("EventsScreen")),
    ("events: Open first actor", "the selected event's first participant (a)", _screen_action("actor"),
     _on("EventsScreen")),
    ("events: Filter by first actor", "only this actor's events", _screen_action("filter_actor"),
     _on("EventsScreen")),
    ("events: First event", "top of the table (g)", _screen_action("first"), _on("EventsScreen")),
    ("events: Last event", "bottom of the table (G)", _screen_action("last"), _on("EventsScreen")),
    ("event: Show evidence", "the sentence behind the selected fact (e)", _screen_action("evidence"),
     _on("EventDetailScreen")),
    ("event: Open source article", "the first source article (o)", _screen_action("open_article"),
     _on("EventDetailScreen")),
    ("event: Correct", "kind, status, date, place, minutes (c)", _screen_action("correct"),
     _on("EventDetailScreen")),
    ("event: Mark not a meeting", "hide it from lists and export, or restore it (x)",
     _screen_action("not_meeting"), _on("EventDetailScreen")),
    ("article: Next highlight", "jump to the next highlighted span (n)", _screen_action("next_span"),
     _on("ArticleScreen")),
    ("article: Previous highlight", "jump to the previous highlighted span (N)", _screen_action("prev_span"),
     _on("ArticleScreen")),
    ("article: Open highlighted event", "the event of the current highlight (Enter)",
     _screen_action("open_span"), _on("ArticleScreen")),
]:
    register_action(_name, _help, _run, _when)


class BriefingCommands(Provider):
    """Actions from :data:`ACTIONS`, then actors and events from the store."""

    def _actions(self) -> list[PaletteAction]:
        app = self.app
        out = []
        for action in ACTIONS:
            try:
                if action.when is None or action.when(app):
                    out.append(action)
            except Exception:  # noqa: BLE001 - a broken predicate only hides its action
                continue
        return out

    def _runner(self, action: PaletteAction) -> Callable[[], Any]:
        app = self.app

        async def run() -> None:
            result = action.run(app)
            if asyncio.iscoroutine(result):
                await result
        return run

    async def discover(self) -> Hits:
        for action in self._actions():
            yield DiscoveryHit(action.name, self._runner(action), help=markup_escape(action.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action in self._actions():
            score = matcher.match(action.name)
            if score > 0:
                yield Hit(score, fuzzy_content(matcher, action.name), self._runner(action),
                          text=action.name, help=markup_escape(action.help))
        if len(query.strip()) < 2:
            return
        app = self.app
        reader = getattr(app, "reader", None)
        if reader is None:
            return
        from briefing.store.queries import find_actors, find_events

        def look_up() -> tuple[list, list]:
            with reader.connect() as conn:
                return find_actors(conn, query, 15), find_events(conn, query, 15)

        try:
            actors, events = await asyncio.to_thread(look_up)
        except Exception:  # noqa: BLE001 - the palette must keep working
            return
        for actor in actors:
            label = f"actor: Go to {one_line(actor['name'])}"
            score = max(matcher.match(label), 0.3)
            where = f"{actor['country'] or '?'} · {actor['events']} events"
            yield Hit(score, fuzzy_content(matcher, label), partial(app.open_actor, actor["id"]),
                      text=label, help=markup_escape(where))
        for ev in events:
            label = f"event: Go to {one_line(ev.label)}"
            score = max(matcher.match(label), 0.25)
            yield Hit(score, fuzzy_content(matcher, label), partial(app.open_event, ev.id),
                      text=label, help=markup_escape(" · ".join(x for x in (ev.location, ev.status) if x)))
