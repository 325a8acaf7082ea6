"""The configured feeds, how their last fetch went, and "ingest now".

The list joins the configuration (``[[feeds]]``: what should be fetched) with the store's
``feeds`` table (what happened last time). ``i`` fetches every feed, ``I`` only the
highlighted one, through :func:`briefing.ingest.run.ingest_feeds` in a thread worker that
belongs to the app, not the screen: the analyst can go back to the events while it runs,
and a progress bar here follows it feed by feed. It takes the same lock as a cron
``briefing ingest``, so the two never fetch at once. Quitting the app stops the run after
the feed being written; what was stored stays stored.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static
from textual.worker import Worker, get_current_worker

from briefing.tui.screens.actor import load
from briefing.tui.widgets.safe import join_text, one_line, safe_line

INGEST_GROUP = "feeds-ingest"
STATUS_STYLE = {"ok": "green", "not modified": "dim", "unchanged": "dim", "error": "bold red"}


@dataclass
class FeedRow:
    name: str
    url: str
    configured: bool
    last_fetch: str | None = None
    last_status: str | None = None
    last_error: str | None = None
    items: int = 0


def feed_rows(conn: sqlite3.Connection, configured: list[dict[str, Any]]) -> list[FeedRow]:
    """Configured feeds first (in config order) with their stored state, then stored feeds no
    longer in the configuration."""
    stored = {r[0]: r for r in conn.execute(
        "SELECT name, url, last_fetch, last_status, last_error, items_total FROM feeds ORDER BY name")}
    by_url = {r[1]: r for r in stored.values()}
    out, seen = [], set()
    for feed in configured:
        name, url = str(feed.get("name") or feed.get("url")), str(feed.get("url") or "")
        row = stored.get(name) or by_url.get(url)
        if row:
            seen.add(row[0])
            out.append(FeedRow(name, url, True, row[2], row[3], row[4], row[5] or 0))
        else:
            out.append(FeedRow(name, url, True))
    for name, row in stored.items():
        if name not in seen:
            out.append(FeedRow(name, row[1], False, row[2], row[3], row[4], row[5] or 0))
    return out


class FeedsScreen(Screen):
    """Feeds: what is configured, when each was last fetched, and fetching now."""

    CSS_PATH = "feeds.tcss"
    BINDINGS = [
        Binding("i", "ingest", "ingest now"),
        Binding("I", "ingest_selected", "ingest selected"),
        Binding("c", "cancel_ingest", "stop", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[FeedRow] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="feeds-title")
        yield DataTable(id="feeds", cursor_type="row", zebra_stripes=True)
        yield Static("", id="feeds-error")
        yield ProgressBar(id="feeds-progress", show_eta=False)
        yield Static("", id="feeds-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#feeds", DataTable)
        for name in ("name", "url", "last fetch", "status", "error", "items"):
            table.add_column(name, key=name)
        table.focus()
        running = self._ingest_worker()
        self.query_one("#feeds-progress").display = running is not None
        if running is not None:
            self.query_one("#feeds-status", Static).update(Text("an ingest is running…"))
        self.reload()

    # -- the list -------------------------------------------------------------------------

    def _configured(self) -> list[dict[str, Any]]:
        config = getattr(self.app, "config", None)
        return list(getattr(config, "feeds", None) or [])

    def reload(self) -> None:
        load(self, feed_rows, self._configured(), on_result=self.show, group="feeds")

    def store_changed(self) -> None:
        self.reload()

    def show(self, rows: list[FeedRow]) -> None:
        self.rows = rows
        table = self.query_one("#feeds", DataTable)
        keep = table.cursor_row
        table.clear()
        for row in rows:
            status = Text(one_line(row.last_status) or "never fetched",
                          style=STATUS_STYLE.get(row.last_status or "", "dim"))
            name = safe_line(row.name, "" if row.configured else "dim")
            if not row.configured:
                name.append(" (not in config)", style="dim italic")
            table.add_row(name, safe_line(row.url, max_len=48), one_line(row.last_fetch)[:19].replace("T", " "),
                          status, safe_line(row.last_error, "red", max_len=40),
                          Text(str(row.items), justify="right"), key=str(len(table.rows)))
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))
        configured = sum(r.configured for r in rows)
        failing = sum(r.last_status == "error" for r in rows)
        title = join_text([Text("Feeds", style="bold"), f"{configured} configured",
                           Text(f"{failing} failing", style="red") if failing else "",
                           Text("i ingest all · I ingest the highlighted feed", style="dim")])
        self.query_one("#feeds-title", Static).update(title)
        hint = self.query_one("#feeds-error", Static)
        if not configured:
            where = getattr(getattr(self.app, "config", None), "path", None)
            hint.update(Text.assemble(
                "No feeds configured. Add ", ("[[feeds]]", "bold"), " tables with a name and url to ",
                (str(where) if where else "the configuration file", "bold"), ", or run ",
                ("briefing feeds add URL", "bold"), "."))
        else:
            hint.update("")

    # -- ingest ---------------------------------------------------------------------------

    def _ingest_worker(self) -> Worker | None:
        return next((w for w in self.app.workers if w.group == INGEST_GROUP and w.is_running), None)

    def action_ingest(self) -> None:
        self._start(None)

    def action_ingest_selected(self) -> None:
        table = self.query_one("#feeds", DataTable)
        if not self.rows or not table.row_count:
            self.notify("no feed selected", timeout=3)
            return
        row = self.rows[table.cursor_row]
        if not row.configured:
            self.notify(f"{one_line(row.name)} is not in the configuration", markup=False, severity="warning")
            return
        self._start(row.name)

    def action_cancel_ingest(self) -> None:
        worker = self._ingest_worker()
        if worker is not None:
            worker.cancel()
            self.query_one("#feeds-status", Static).update(Text("stopping after the feed being written…"))

    def _start(self, feed: str | None) -> None:
        try:
            from briefing.ingest.run import ingest_feeds
        except ImportError:
            self.notify("feed ingestion not available", severity="warning")
            return
        if self._ingest_worker() is not None:
            self.notify("an ingest is already running", timeout=3)
            return
        config = getattr(self.app, "config", None)
        if config is None or not getattr(config, "feeds", None):
            self.notify("no feeds configured", severity="warning")
            return
        db_path = Path(getattr(self.app, "db_path", None) or self.app.store.path)  # type: ignore[attr-defined]
        app = self.app
        total = 1 if feed else len(config.feeds)
        self.on_ingest_progress(None, 0, total)

        def progress(result: Any, done: int, total: int) -> None:
            app.call_from_thread(_tell_feeds_screens, app, "on_ingest_progress", result, done, total)

        def run() -> Any:
            from briefing.ingest.lock import IngestLock

            worker = get_current_worker()
            try:
                with IngestLock(db_path):
                    report = ingest_feeds(db_path, config, feed, progress, cancel=worker.cancelled_event)
            except Exception as exc:  # noqa: BLE001 - a failed run is a message, never a traceback
                app.call_from_thread(_ingest_failed, app, exc)
                return None
            app.call_from_thread(_ingest_done, app, report)
            return report

        app.run_worker(run, thread=True, group=INGEST_GROUP, exclusive=False, exit_on_error=False,
                       name=f"ingest {feed or 'all feeds'}")

    def on_ingest_progress(self, result: Any, done: int, total: int) -> None:
        bar = self.query_one("#feeds-progress", ProgressBar)
        bar.display = True
        bar.update(total=max(total, 1), progress=done)
        status = self.query_one("#feeds-status", Static)
        if result is None:
            status.update(Text(f"fetching {total} feed{'s' if total != 1 else ''}…"))
        else:
            line = one_line(result.describe())
            status.update(Text(f"{done}/{total} · {line}", style="red" if result.failed else ""))
            self.reload()

    def on_ingest_finished(self, message: str, failed: bool) -> None:
        self.query_one("#feeds-progress", ProgressBar).display = False
        self.query_one("#feeds-status", Static).update(Text(message, style="red" if failed else "green"))
        self.reload()


def _tell_feeds_screens(app: Any, method: str, *args: Any) -> None:
    """Progress goes to whichever feeds screen is open (the analyst may have left and come back)."""
    for screen in app.screen_stack:
        if isinstance(screen, FeedsScreen) and screen.is_attached:
            getattr(screen, method)(*args)


def _ingest_done(app: Any, report: Any) -> None:
    summary = one_line(report.summary())
    failed = bool(report.failed)
    app.notify(summary, severity="warning" if failed else "information", markup=False, timeout=8)
    _tell_feeds_screens(app, "on_ingest_finished", summary, failed)
    refresh = getattr(app, "refresh_all", None)
    if refresh is not None and (report.added or report.updated):
        refresh()


def _ingest_failed(app: Any, exc: Exception) -> None:
    from briefing.errors import BriefingError

    if isinstance(exc, BriefingError):  # another run holds the lock, no such feed, store error
        message = one_line(str(exc))
    else:
        message = f"ingest failed: {type(exc).__name__}: {one_line(str(exc))}"
    app.notify(message, severity="error", markup=False, timeout=8)
    _tell_feeds_screens(app, "on_ingest_finished", message, True)


def _register_palette_actions() -> None:
    try:
        from briefing.tui.commands import register_action
    except ImportError:
        return
    on_feeds = lambda app: type(app.screen).__name__ == "FeedsScreen"  # noqa: E731
    register_action("feeds: Ingest all now", "fetch every configured feed once (i)",
                    lambda app: app.screen.run_action("ingest"), when=on_feeds)
    register_action("feeds: Ingest highlighted feed", "fetch only this feed (I)",
                    lambda app: app.screen.run_action("ingest_selected"), when=on_feeds)
    register_action("feeds: Stop ingest", "stop after the feed being written (c)",
                    lambda app: app.screen.run_action("cancel_ingest"), when=on_feeds)


_register_palette_actions()
