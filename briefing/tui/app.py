"""The briefing app: the screens, the navigation history between them, and the store.

The app holds what is global and nothing else: the store, a pool of read connections,
the history of places visited (like a browser: ``go_back`` / ``go_forward``), and the
last line of defence against errors. Screens hold their own state.

For screen authors (the contract the other screens rely on):

- ``app.reader`` -- a :class:`briefing.store.queries.Reader`: ``with app.reader.connect()
  as conn`` gives a read connection usable from a worker thread.
- ``app.fetch(node, fn, *args, on_result=..., group=...)`` -- run ``fn(conn, *args)`` in a
  thread worker bound to ``node`` (a screen or widget) and call ``on_result(value)`` on the
  UI thread. A failing query becomes a notification, never a traceback; results for a node
  that has gone away are dropped.
- ``app.store`` -- the :class:`briefing.store.Store` (main thread only), for the analyst's
  curation writes (:mod:`briefing.store.curation`). Call ``app.refresh_all()`` after one.
- ``app.open_event(id)``, ``open_actor(id)``, ``open_article(id, event_id=None)``,
  ``open_network(actor_id)``, ``open_timeline(country_pair=None)``, ``open_feeds()`` push a
  place onto the history; ``go_back()`` / ``go_forward()`` move along it. Escape and
  Backspace are the app's Back (screens do not bind them); the history keeps the last
  ``MAX_HISTORY`` places. On the home screen, with nowhere to go back to, Escape calls the
  screen's ``escape_home()`` (the events screen closes the search box or clears filters).
- An exception raised by an ``on_result`` callback is reported like one raised in a
  query (a notification naming the crash report), and ``on_error`` is called so the screen
  does not stay "loading…"; under tests (``catch_errors=False``) it still fails loudly.
- Text from articles and feeds goes through :mod:`briefing.tui.widgets.safe`.
- Palette actions: :func:`briefing.tui.commands.register_action`.
"""
from __future__ import annotations

import gc
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from textual import work  # noqa: F401 - re-exported for screens
from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.worker import get_current_worker

from briefing.store.queries import Reader, SearchError

STARTED_AT = time.perf_counter()

MAX_HISTORY = 100  # places kept on the way back (and on the way forward)

# Python's full (generation 2) garbage collections take 50-150 ms over a running Textual
# app: a key press that triggered one was drawn that much later. So after start-up the
# objects of start-up are frozen (never scanned again), automatic full collections are
# off, and the app runs one when the analyst has paused (no input for IDLE_GC_AFTER s), or
# at the latest every FULL_GC_EVERY s.
IDLE_GC_AFTER = 1.5
FULL_GC_EVERY = 120.0


@dataclass(frozen=True)
class Place:
    """A place in the history: which screen, opened with which arguments."""

    kind: str  # events | event | actor | article | network | timeline | feeds
    args: tuple = ()
    kwargs: tuple = field(default=())  # (name, value) pairs, hashable


# Where the screens of each place live; imported lazily so start-up stays fast and so a
# screen that is not written yet only costs a notification.
SCREENS: dict[str, tuple[str, str]] = {
    "event": ("briefing.tui.screens.event_detail", "EventDetailScreen"),
    "article": ("briefing.tui.screens.article", "ArticleScreen"),
    "actor": ("briefing.tui.screens.actor", "ActorScreen"),
    "network": ("briefing.tui.screens.network", "NetworkScreen"),
    "timeline": ("briefing.tui.screens.timeline", "TimelineScreen"),
    "feeds": ("briefing.tui.screens.feeds", "FeedsScreen"),
}


class BriefingApp(App):
    """The briefing desk."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("escape,backspace,alt+left", "back", "Back", key_display="esc"),
        # Escape on the home screen, where there is no Back: close the search, clear filters.
        Binding("escape", "escape_home", "Clear search/filters", show=False),
        Binding("right_square_bracket,alt+right", "forward", "Forward", show=False, key_display="]"),
        Binding("r", "refresh", "Refresh", show=False),
    ]

    def __init__(self, db_path: str | Path, config: Any = None, *, store: Any = None,
                 catch_errors: bool = False) -> None:
        from briefing.tui.commands import BriefingCommands

        self.COMMANDS = App.COMMANDS | {BriefingCommands}
        super().__init__()
        self.db_path = Path(db_path)
        self.config = config
        if store is None:
            from briefing.store import open_store

            store = open_store(self.db_path)
        self.store = store
        self.reader = Reader(self.db_path)
        self.page_size = int(self._setting("page_size", 200) or 200)
        self.catch_errors = catch_errors
        self._forward: list[Place] = []
        self.first_frame_at: float | None = None
        self._data_version: int | None = None
        self._last_input = time.monotonic()
        self._last_full_gc = time.monotonic()
        self._gc_threshold: tuple[int, int, int] | None = None

    # ------------------------------------------------------------------ set-up

    def _setting(self, key: str, default: Any) -> Any:
        if self.config is None:
            return default
        try:
            return self.config.get("tui", key, default)
        except Exception:  # noqa: BLE001 - a bad config value must not stop the app
            return default

    def on_mount(self) -> None:
        theme = str(self._setting("theme", "textual-dark") or "textual-dark")
        if theme in self.available_themes:
            self.theme = theme
        else:
            self.notify(f"unknown theme {theme!r} in [tui] theme; using textual-dark", markup=False,
                        severity="warning")
        from briefing.tui.screens.events import EventsScreen

        self.push_screen(EventsScreen())
        self.call_after_refresh(self._first_frame)
        self._data_version = self._store_version()
        self.set_interval(5.0, self._check_for_changes)

    def _first_frame(self) -> None:
        self.first_frame_at = time.perf_counter()
        if bool(self._setting("tune_gc", True)):
            self.set_timer(1.0, self._tune_gc)

    # ------------------------------------------------------------------ garbage collection

    def _tune_gc(self) -> None:
        if self._gc_threshold is not None:
            return
        gc.collect()
        gc.freeze()
        self._gc_threshold = gc.get_threshold()
        young, middle, _ = self._gc_threshold
        gc.set_threshold(young, middle, 1_000_000_000)  # no automatic full collections
        self._last_full_gc = time.monotonic()
        self.set_interval(IDLE_GC_AFTER, self._collect_when_idle)

    def _collect_when_idle(self) -> None:
        now = time.monotonic()
        if now - self._last_input >= IDLE_GC_AFTER and now - self._last_full_gc >= IDLE_GC_AFTER * 4 \
                or now - self._last_full_gc >= FULL_GC_EVERY:
            gc.collect()
            self._last_full_gc = time.monotonic()

    async def on_event(self, event: Any) -> None:
        from textual import events

        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _store_version(self) -> int | None:
        try:
            return self.store.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None

    def _check_for_changes(self) -> None:
        """A cron ingest may have written: tell the screens, which offer to refresh."""
        version = self._store_version()
        if version is not None and self._data_version is not None and version != self._data_version:
            self._data_version = version
            for screen in self.screen_stack:
                handler = getattr(screen, "store_changed", None)
                if handler is not None:
                    handler()

    # ------------------------------------------------------------------ queries

    def fetch(self, node: Any, fn: Callable[..., Any], *args: Any, on_result: Callable[[Any], None],
              group: str = "query", exclusive: bool = True, on_error: Callable[[str], None] | None = None) -> None:
        """Run ``fn(conn, *args)`` off the UI thread; deliver the result with ``on_result``."""
        reader = self.reader

        def deliver(result: Any) -> None:
            if not node.is_attached:
                return
            try:
                on_result(result)
            except Exception as exc:  # noqa: BLE001 - a bug drawing results must not be lost
                self._callback_failed(exc, node, on_error)

        def fail(message: str) -> None:
            if on_error is not None and node.is_attached:
                on_error(message)
            else:
                self.notify(message, severity="error", markup=False, timeout=6)

        def run() -> None:
            worker = get_current_worker()
            try:
                with reader.connect() as conn:
                    result = fn(conn, *args)
            except SearchError as exc:
                message = str(exc)
            except sqlite3.Error as exc:
                message = f"query failed: {exc}"
            except Exception as exc:  # noqa: BLE001 - never a traceback on screen
                from briefing.crash import write_crash_report

                message = f"internal error: {type(exc).__name__}: {exc} (report: {write_crash_report(exc)})"
            else:
                if not worker.is_cancelled:
                    self.call_from_thread(deliver, result)
                return
            if not worker.is_cancelled:
                self.call_from_thread(fail, message)

        node.run_worker(run, thread=True, group=group, exclusive=exclusive, exit_on_error=False)

    def _callback_failed(self, exc: Exception, node: Any, on_error: Callable[[str], None] | None) -> None:
        """An ``on_result`` raised: report it (crash log + notification), let the screen
        leave its "loading…" state, and under tests fail loudly."""
        if not self.catch_errors:
            self._handle_exception(exc)
            return
        from briefing.crash import write_crash_report

        message = f"internal error: {type(exc).__name__}: {exc} (report: {write_crash_report(exc)})"
        if on_error is not None and node.is_attached:
            try:
                on_error(message)
                return
            except Exception:  # noqa: BLE001 - fall back to a plain notification
                pass
        self.notify(message, severity="error", markup=False, timeout=10)

    def query_now(self, fn: Callable[..., Any], *args: Any, default: Any = None) -> Any:
        """Run a small query on the UI thread (name look-ups); errors become notifications."""
        try:
            with self.reader.connect() as conn:
                return fn(conn, *args)
        except SearchError as exc:
            self.notify(str(exc), severity="warning", markup=False)
        except sqlite3.Error as exc:
            self.notify(f"query failed: {exc}", severity="error", markup=False)
        return default

    # ------------------------------------------------------------------ history

    @property
    def history(self) -> list[Place]:
        """The places on the way back, oldest first (the current one last)."""
        return [s.place for s in self.screen_stack if isinstance(getattr(s, "place", None), Place)]

    @property
    def forward_history(self) -> list[Place]:
        return list(self._forward)

    def _make_screen(self, place: Place) -> Screen | None:
        where = SCREENS.get(place.kind)
        if where is None:
            return None
        module_name, class_name = where
        try:
            import importlib

            module = importlib.import_module(module_name)
            cls = getattr(module, class_name)
        except (ImportError, AttributeError):
            self.notify(f"{place.kind}: not available yet", severity="warning")
            return None
        screen = cls(*place.args, **dict(place.kwargs))
        screen.place = place
        return screen

    def _visit(self, place: Place, *, keep_forward: bool = False) -> bool:
        top = self.screen
        if getattr(top, "place", None) == place:
            return True  # already here
        while isinstance(self.screen, ModalScreen):
            self.pop_screen()
        screen = self._make_screen(place)
        if screen is None:
            return False
        if not keep_forward:
            self._forward.clear()
        self.push_screen(screen)
        self._trim_history()
        return True

    def _trim_history(self) -> None:
        """Forget the oldest places beyond ``MAX_HISTORY`` (home always stays)."""
        stack = self._screen_stack
        # stack: [Textual's default screen, home, place, place, ...]
        while len(stack) > MAX_HISTORY + 2 and not isinstance(stack[2], ModalScreen):
            old = stack.pop(2)
            old.remove()
        del self._forward[:-MAX_HISTORY]

    def open_event(self, event_id: int) -> bool:
        return self._visit(Place("event", (int(event_id),)))

    def open_actor(self, actor_id: int) -> bool:
        return self._visit(Place("actor", (int(actor_id),)))

    def open_article(self, article_id: int, event_id: int | None = None) -> bool:
        return self._visit(Place("article", (int(article_id),),
                                 (("event_id", None if event_id is None else int(event_id)),)))

    def open_network(self, actor_id: int) -> bool:
        return self._visit(Place("network", (int(actor_id),)))

    def open_timeline(self, country_pair: tuple[str, str] | None = None) -> bool:
        pair = tuple(country_pair) if country_pair else None
        return self._visit(Place("timeline", (), (("country_pair", pair),)))

    def open_feeds(self) -> bool:
        return self._visit(Place("feeds"))

    def go_home(self) -> None:
        while len(self.screen_stack) > 2:
            self._forward.append(getattr(self.screen, "place", Place("events")))
            self.pop_screen()

    def go_back(self) -> bool:
        """Close a dialog, or return to the previous place. False at the start of history."""
        if isinstance(self.screen, ModalScreen):
            self.screen.dismiss(None)
            return True
        if len(self.screen_stack) <= 2:
            return False
        place = getattr(self.screen, "place", None)
        if isinstance(place, Place):
            self._forward.append(place)
            del self._forward[:-MAX_HISTORY]
        self.pop_screen()
        return True

    def go_forward(self) -> bool:
        if not self._forward:
            return False
        place = self._forward.pop()
        if not self._visit(place, keep_forward=True):
            return False
        return True

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            # hidden (and the key left alone) where there is nothing to go back to
            return isinstance(self.screen, ModalScreen) or len(self.screen_stack) > 2
        if action == "escape_home":
            return len(self.screen_stack) <= 2 and hasattr(self.screen, "escape_home")
        return True

    def action_back(self) -> None:
        self.go_back()

    def action_escape_home(self) -> None:
        """Escape at the start of history: the home screen clears what it can, quietly."""
        handler = getattr(self.screen, "escape_home", None)
        if handler is not None:
            handler()

    def action_forward(self) -> None:
        if not self.go_forward():
            self.notify("nothing to go forward to", timeout=2)

    def action_help(self) -> None:
        if type(self.screen).__name__ == "HelpScreen":
            return
        from briefing.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_refresh(self) -> None:
        self.refresh_all()

    def refresh_all(self) -> None:
        """Re-read the store on every screen that knows how (after curation, or new data)."""
        self._data_version = self._store_version()
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if reload is not None:
                reload()

    def action_open_event(self, event_id: int) -> None:
        self.open_event(event_id)

    def action_open_actor(self, actor_id: int) -> None:
        self.open_actor(actor_id)

    def action_open_article(self, article_id: int, event_id: int | None = None) -> None:
        self.open_article(article_id, event_id)

    def action_open_timeline(self) -> None:
        self.open_timeline()

    def action_open_feeds(self) -> None:
        self.open_feeds()

    def action_home(self) -> None:
        self.go_home()

    # ------------------------------------------------------------------ errors

    def _handle_exception(self, error: Exception) -> None:
        """The last line of defence: in the real app an unexpected error becomes a
        notification and a crash report, never a traceback over the analyst's screen."""
        if not self.catch_errors or not self.is_running:
            super()._handle_exception(error)
            return
        from briefing.crash import write_crash_report

        where = write_crash_report(error)
        self.notify(f"internal error: {type(error).__name__}: {error} (report: {where})",
                    severity="error", markup=False, timeout=10)

    def on_unmount(self) -> None:
        self.reader.close()
        if self._gc_threshold is not None:  # back to Python's defaults (tests run many apps)
            gc.set_threshold(*self._gc_threshold)
            gc.unfreeze()
            self._gc_threshold = None


def run_app(db_path: str | Path, config: Any = None) -> int:
    """Open the app over the store at ``db_path``; the exit status for the command."""
    from briefing.store import open_store

    store = open_store(db_path)
    try:
        app = BriefingApp(db_path, config, store=store, catch_errors=True)
        app.run()
        return app.return_code or 0
    finally:
        store.close()
