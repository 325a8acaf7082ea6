"""The events table (home): newest first, a page at a time, with a preview and filters.

The table never holds more than ``[tui] page_size`` rows: a window of the filtered
ordering around the cursor. When the cursor comes within ``EDGE`` rows of either edge of
the window (more than a screenful ahead, so the rows are there before the cursor is), a
worker fetches the next half window by key (:func:`~briefing.store.queries.events_from`,
as cheap at row 40,000 as at row 40), and the swap is drawn after the frame that moved the
cursor, so a key press never waits for it. The cursor stays on the same event, so paging
through 50,000 events feels like one long table. The header says where the cursor is in
the whole ("1,204 / 50,000"); a search for a very common word is counted only up to
10,000 ("1 / 10,000+") until the end is reached or ``G`` asks for the exact count.
"""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.geometry import Size
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from briefing.store import queries as q
from briefing.store.queries import EventFilter, EventRow
from briefing.tui.widgets.safe import join_text, one_line, safe_line, safe_text

EDGE = 40  # rows from the window's edge at which it moves (more than a page down, so a
# page down never reaches the edge before the window has moved)

STATUS_STYLE = {"held": "green", "planned": "yellow", "declined": "red", "cancelled": "red"}

EMPTY_TEXT = """\
The store has no events yet.

Put articles in it, and briefing extracts the meetings they report:

  briefing add PATH...        import .txt, .md or .html files or folders
  briefing ingest             fetch the configured feeds once (see briefing feeds --help)
  briefing demo               load the bundled sample articles and open this app

Then press r here to refresh, or q to quit."""


class EventsTable(DataTable):
    """The events DataTable, with vi keys."""

    BINDINGS = [
        Binding("enter", "select_cursor", "Open"),  # DataTable's own Enter, named in the footer
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def _update_dimensions(self, new_rows: Any) -> None:
        """Every column here has a fixed width and every row one line, so there is nothing
        to measure: DataTable would measure each new cell (~20 ms per window of 200 rows)
        only to find the widths it was given."""
        try:
            if any(c.auto_width for c in self.columns.values()) or any(
                    r.auto_height or r.label is not None for r in self.rows.values()):
                super()._update_dimensions(new_rows)
                return
            width = sum(c.get_render_width(self) for c in self.columns.values()) + self._row_label_column_width
            self.virtual_size = Size(width, self._total_row_height + (self.header_height if self.show_header else 0))
        except AttributeError:  # DataTable's internals moved: measure, as it would
            super()._update_dimensions(new_rows)


class EventsScreen(Screen):
    """Home: the table of events."""

    CSS_PATH = "events.tcss"

    BINDINGS = [
        Binding("enter", "open", "Open", show=True, priority=False),
        Binding("a", "actor", "Actor"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("f", "filters", "Filter"),
        Binding("c", "clear_filters", "Clear"),
        Binding("t", "timeline", "Timeline", show=False),  # in help and the palette: room in 80 columns
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("r", "refresh", "Refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.event_filter = EventFilter()
        self.total: int | None = None
        self.total_capped = False  # total is a lower bound ("10,000+")
        self._end_reached = False  # the window holds the last event
        self._generation = 0  # bumped whenever the filter or the whole window changes
        self.window_start = 0  # position in the filtered ordering of the table's first row
        self.rows: list[EventRow] = []
        self.loading_window = False
        self._pending_abs: int | None = None  # where the cursor should be after a window move
        self._note: str | None = None
        self._changed = False
        self._store_totals: dict[str, int] | None = None
        self._preview_id: int | None = None
        self._follow_cursor = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Static(id="events-header")
        yield Input(placeholder="search articles: words, \"a phrase\", a OR b — Enter to search, Escape to close",
                    id="search")
        with Vertical(id="events-body"):
            table = EventsTable(id="events", cursor_type="row", zebra_stripes=True)
            table.add_column("date", key="date", width=10)
            table.add_column("kind", key="kind", width=10)
            table.add_column("participants", key="participants", width=46)
            table.add_column("where", key="where", width=16)
            table.add_column("status", key="status", width=9)
            table.add_column("src", key="src", width=3)  # widths fitted to the terminal in on_resize
            yield table
            yield Static(id="preview")
            yield Static(EMPTY_TEXT, id="empty", markup=False)
        yield Footer(compact=True)

    def on_resize(self) -> None:
        self._fit_columns()
        self._preview_id = None  # redraw the preview to the new width
        if self.rows:
            self._update_preview()

    def _fit_columns(self) -> None:
        """Give the participants what the terminal width leaves (the other columns are
        fixed; "where" narrows below 100 columns), so nothing is cut off at 80x24."""
        width = self.size.width
        if not width:
            return
        table = self.table
        where = 16 if width >= 100 else 12
        fixed = 10 + 10 + where + 9 + 3
        padding = 2 * table.cell_padding * len(table.columns)
        participants = max(18, width - fixed - padding - 2)  # 2: the vertical scrollbar
        columns = table.columns
        from textual.widgets.data_table import ColumnKey

        changed = False
        for key, value in (("participants", participants), ("where", where)):
            column = columns.get(ColumnKey(key))
            if column is not None and column.width != value:
                column.width = value
                changed = True
        if changed:
            clear = getattr(table, "_clear_caches", None)
            if clear is not None:
                clear()
            table._require_update_dimensions = True
            table.refresh(layout=True)

    def on_mount(self) -> None:
        self.query_one("#search").display = False
        self.query_one("#empty").display = False
        self.query_one(EventsTable).focus()
        self.reload()

    # ------------------------------------------------------------------ loading

    def reload(self, keep_position: bool = True) -> None:
        """Count and fetch the window around the cursor (or the top)."""
        self._changed = False
        pos = self.cursor_position if keep_position and self.rows else 0
        self._load(self.event_filter.unprepared(), pos, count=True)

    def store_changed(self) -> None:
        self._changed = True
        self._render_header()

    @property
    def table(self) -> EventsTable:
        return self.query_one(EventsTable)

    @property
    def cursor_position(self) -> int:
        """The cursor's row in the whole filtered ordering."""
        return self.window_start + max(0, self.table.cursor_row)

    def _load(self, flt: EventFilter, position: int, *, count: bool, follow: bool = False,
              exact: bool = False, to_end: bool = False) -> None:
        """Fetch the window around ``position`` (or, ``to_end``, the last window), counting
        the events when ``count`` (exactly when ``exact``, else up to COUNT_CAP)."""
        page = self.app.page_size
        start = max(0, position - page // 2)
        self.loading_window = True
        self._generation += 1
        self._pending_abs = position
        self._follow_cursor = follow  # a window move keeps the cursor on whatever it is on by then
        known_total = None if self.total_capped else self.total

        def work(conn: Any) -> tuple:
            prepared, note = q.prepare_filter(conn, flt)
            total = q.count_events(conn, prepared, cap=None if exact else q.COUNT_CAP) if count else None
            # only a lazy search is counted up to the cap; anything else is counted exactly
            capped = not exact and prepared.fts_lazy and total is not None and total > q.COUNT_CAP
            if capped:
                total = q.COUNT_CAP
            totals = q.store_counts(conn) if count and prepared.is_empty() else None
            if to_end:
                rows = q.events_from(conn, prepared, (None, -1), page, before=True)
                last = total if total is not None else known_total
                return prepared, note, total, capped, totals, max(0, (last or 0) - len(rows)), rows, True
            begin = start
            if total is not None and not capped and begin >= total:
                begin = max(0, total - page)
            rows = q.events_page(conn, prepared, begin, page)
            return prepared, note, total, capped, totals, begin, rows, len(rows) < page

        self.app.fetch(self, work, on_result=self._loaded, group="events", on_error=self._failed)

    def _failed(self, message: str) -> None:
        self.loading_window = False
        self.app.notify(message, severity="error", markup=False, timeout=6)

    def _loaded(self, result: tuple) -> None:
        prepared, note, total, capped, totals, begin, rows, end_reached = result
        self.loading_window = False
        if self._follow_cursor and self.rows:
            self._pending_abs = self.cursor_position
        self.event_filter = prepared
        if note:
            self._note = note
            self.app.notify(note, severity="warning", markup=False, timeout=5)
        if total is not None:
            self.total = total
            self.total_capped = capped
        if totals is not None:
            self._store_totals = totals
        self.window_start = begin
        self.rows = rows
        self._end_reached = end_reached
        self._settle_total()
        self._fill()
        target = (self._pending_abs or 0) - begin
        if rows:
            self.table.move_cursor(row=max(0, min(len(rows) - 1, target)), animate=False, scroll=True)
        self._show_empty()
        self._render_header()
        self._update_preview()

    def _settle_total(self) -> None:
        """A capped count becomes exact once the end is in the window, and never lags it."""
        if self.total is None:
            return
        seen = self.window_start + len(self.rows)
        if self.total_capped and self._end_reached:
            self.total, self.total_capped = seen, False
        elif self.total_capped and seen > self.total:
            self.total = seen

    def _fill(self) -> None:
        table = self.table
        table.clear()
        for ev in self.rows:
            table.add_row(*self._cells(ev), key=str(ev.id))

    @staticmethod
    def _cells(ev: EventRow) -> list[Text]:
        status = Text(ev.status, style=STATUS_STYLE.get(ev.status, ""))
        return [
            safe_line(ev.date or "—"),
            safe_line(ev.kind.replace("_", " ")),
            safe_line(ev.people or "(no participants)", max_len=120),  # the column ellipsizes
            safe_line(ev.location or "", max_len=40),
            status,
            Text(str(ev.sources), justify="right"),
        ]

    def _show_empty(self) -> None:
        empty = not self.rows and self.event_filter.is_empty()
        self.query_one("#empty").display = empty
        self.table.display = not empty
        self.query_one("#preview").display = bool(self.rows)
        if not self.rows and not self.event_filter.is_empty():
            pass  # the header says "0 events" and names the filters; c clears them

    def _render_header(self) -> None:
        parts: list[Text | str] = [Text("briefing", style="bold")]
        if self.total is None:
            parts.append(Text("loading…", style="dim"))
        else:
            total = f"{self.total:,}" + ("+" if self.total_capped else "")
            n = f"{total} event" + ("" if self.total == 1 and not self.total_capped else "s")
            if self.rows:
                n = f"{self.cursor_position + 1:,} / {total} events"
            parts.append(n)
        active = self.event_filter.active()
        if active:
            filt = Text("filters: ", style="bold")
            for name, value in active:
                filt.append(f"{name}=", style="dim")
                filt.append(one_line(value), style="bold $accent" if False else "bold")
                filt.append("  ")
            filt.append("(c clears)", style="dim")
            parts.append(filt)
        elif self._store_totals and self.total == 0 and self._store_totals.get("articles"):
            parts.append(Text(f"{self._store_totals['articles']:,} articles, no meetings found", style="dim"))
        if self._changed:
            parts.append(Text("new data: r to refresh", style="bold yellow"))
        # one line, always: no layout pass (this runs on every cursor move)
        self.query_one("#events-header", Static).update(join_text(parts, " ─ "), layout=False)

    # ------------------------------------------------------------------ cursor and preview

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is not self.table:
            return
        self._render_header()
        self._update_preview()
        self._maybe_move_window(self.table.cursor_row)

    def _at_end(self) -> bool:
        if self._end_reached:
            return True
        return self.total is not None and not self.total_capped and self.window_start + len(self.rows) >= self.total

    def _maybe_move_window(self, row: int) -> None:
        if self.loading_window or self.total is None or not self.rows:
            return
        edge = max(3, min(EDGE, self.app.page_size // 5))
        near_end = row >= len(self.rows) - edge and not self._at_end()
        near_start = row < edge and self.window_start > 0
        if near_end or near_start:
            self._move_window(down=near_end)

    def _move_window(self, *, down: bool) -> None:
        """Re-centre the window on the cursor: keep the half of it around the cursor and
        fetch the other half by key, after the last row (down) or before the first (up)."""
        page = self.app.page_size
        rows, row, half = self.rows, self.table.cursor_row, page // 2
        if down:
            keep = max(0, row - half)  # rows[keep:] stay
            anchor, want = rows[-1], page - (len(rows) - keep)
        else:
            keep = min(len(rows), row + half)  # rows[:keep] stay
            anchor, want = rows[0], page - keep
        if want <= 0:
            return
        flt, generation = self.event_filter, self._generation
        self.loading_window = True

        def work(conn: Any) -> list[EventRow]:
            return q.events_from(conn, flt, (anchor.sort_date, anchor.id), want, before=not down)

        def fetched(new: list[EventRow]) -> None:
            if generation != self._generation:
                return  # a new filter or a jump replaced the window meanwhile
            # draw the frame the key press asked for first; swap the rows after it
            self.call_after_refresh(self._swap_window, generation, down, keep, want, new)

        self.app.fetch(self, work, on_result=fetched, group="window", on_error=self._failed)

    def _swap_window(self, generation: int, down: bool, keep: int, want: int, new: list[EventRow]) -> None:
        if generation != self._generation:
            return  # a new filter or a jump replaced the window meanwhile (and loads its own)
        self.loading_window = False
        if not self.rows:
            return
        position = self.cursor_position
        row = self.table.cursor_row
        if down:
            keep = min(keep, row)  # the cursor may have moved up while the rows were fetched
            self.window_start += keep
            self.rows = self.rows[keep:] + new
            if len(new) < want:
                self._end_reached = True
        else:
            keep = max(keep, row + 1)
            self.rows = new + self.rows[:keep]
            self.window_start = 0 if len(new) < want else self.window_start - len(new)
            self._end_reached = self._end_reached and keep == len(self.rows) - len(new)
        self._settle_total()
        self._fill()
        self.table.move_cursor(row=max(0, min(len(self.rows) - 1, position - self.window_start)), animate=False,
                               scroll=True)
        self._render_header()

    def _selected(self) -> EventRow | None:
        row = self.table.cursor_row
        if 0 <= row < len(self.rows):
            return self.rows[row]
        return None

    def _update_preview(self) -> None:
        ev = self._selected()
        if ev is None or ev.id == self._preview_id:
            return
        self._preview_id = ev.id
        self.app.fetch(self, q.event_preview, ev.id, on_result=self._show_preview, group="preview")

    def _show_preview(self, ev: dict | None) -> None:
        preview = self.query_one("#preview", Static)
        if ev is None:
            preview.update(Text("this event is no longer in the store (r to refresh)", style="dim"))
            return
        people = Text(no_wrap=True, overflow="ellipsis")  # one line each: the sentence keeps its room
        for i, p in enumerate(ev["participants"]):
            if i:
                people.append("  ↔  ", style="dim")
            people.append(one_line(p["name"]), style="bold")
            extra = ", ".join(x for x in (one_line(p["country"]), one_line(p["role"])) if x)
            if extra:
                people.append(f" ({extra})", style="dim")
        facts = [ev["date"] or "undated", ev["kind"].replace("_", " "), ev["status"]]
        if ev["location"]:
            facts.append(ev["location"])
        if ev["duration_minutes"]:
            facts.append(f"{ev['duration_minutes']} min")
        facts.append(f"{ev['sources']} source" + ("" if ev["sources"] == 1 else "s"))
        width = max(20, preview.size.width - 2)  # inside the padding
        people.truncate(width, overflow="ellipsis")
        lines = [people, join_text([one_line(f) for f in facts])]
        if ev["topics"]:
            topics = Text("topics: ", style="dim", no_wrap=True, overflow="ellipsis")
            topics.append_text(safe_line(", ".join(ev["topics"])))
            topics.truncate(width, overflow="ellipsis")
            lines.append(topics)
        if ev["sentence"]:
            lines.append(safe_text("“" + one_line(ev["sentence"]) + "”", style="italic", max_len=400))
        preview.update(Text("\n").join(lines), layout=False)  # fixed height: no layout pass

    # ------------------------------------------------------------------ actions

    def action_open(self) -> None:
        ev = self._selected()
        if ev is not None:
            self.app.open_event(ev.id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table is self.table:
            self.action_open()

    def action_actor(self) -> None:
        ev = self._selected()
        if ev is None or not ev.participants:
            self.app.notify("no participant to open", timeout=2)
            return
        self.app.open_actor(ev.participants[0][0])

    def action_filter_actor(self) -> None:
        ev = self._selected()
        if ev is None or not ev.participants:
            return
        actor_id, name, _ = ev.participants[0]
        self.apply_filter(EventFilter(**{**self._filter_fields(), "actor_id": actor_id, "actor_name": name}))

    def _filter_fields(self) -> dict[str, Any]:
        f = self.event_filter
        return {"search": f.search, "actor_id": f.actor_id, "actor_name": f.actor_name, "country": f.country,
                "kind": f.kind, "status": f.status, "date_from": f.date_from, "date_to": f.date_to}

    def apply_filter(self, flt: EventFilter) -> None:
        # the query first, so it runs while the screen redraws
        self._load(flt, 0, count=True)
        self.event_filter = flt
        self.total = None
        self.total_capped = False
        self.rows = []
        self._preview_id = None
        # the old rows would sit under the new filter's header: empty the table until the
        # new ones come (which also makes the redraws meanwhile cheap)
        self.table.clear()
        self._render_header()

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.display = True
        box.value = self.event_filter.search
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        text = event.value.strip()
        self.apply_filter(EventFilter(**{**self._filter_fields(), "search": text}))
        event.input.display = False
        self.table.focus()

    def escape_home(self) -> bool:
        """Escape here, where there is no Back (the app calls this): close the search box,
        else drop the search, else clear the filters; quietly nothing when there is none."""
        box = self.query_one("#search", Input)
        if box.display:
            box.display = False
            self.table.focus()
        elif self.event_filter.search:
            self.apply_filter(EventFilter(**{**self._filter_fields(), "search": ""}))
        elif not self.event_filter.is_empty():
            self.apply_filter(EventFilter())
        else:
            return False
        return True

    def action_filters(self) -> None:
        from briefing.tui.screens.filters import FilterScreen

        def done(result: EventFilter | None) -> None:
            if result is not None:
                self.apply_filter(result)

        self.app.push_screen(FilterScreen(self.event_filter), done)

    def action_clear_filters(self) -> None:
        if self.event_filter.is_empty():
            self.app.notify("no filters to clear", timeout=2)
            return
        self.apply_filter(EventFilter())

    def action_first(self) -> None:
        if self.window_start == 0:
            if self.rows:
                self.table.move_cursor(row=0)
        else:
            self._load(self.event_filter, 0, count=False)

    def action_last(self) -> None:
        if self.total is None or not self.total:
            return
        if self._at_end():
            self.table.move_cursor(row=len(self.rows) - 1)
        elif self.total_capped:  # the position of the last event needs the exact count
            self._load(self.event_filter, 10 ** 9, count=True, exact=True, to_end=True)
        else:
            self._load(self.event_filter, self.total - 1, count=False, to_end=True)

    def action_timeline(self) -> None:
        self.app.open_timeline()

    def action_refresh(self) -> None:
        self.reload()
