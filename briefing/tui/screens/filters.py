"""The filter dialog (``f``): actor, country, kind, status, date range and search, combined.

Dismisses with the new :class:`EventFilter`, or None when cancelled. What the analyst
types is checked here, with the problem shown beside the field, so the events screen only
ever receives a filter it can run.
"""
from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from briefing.store import queries as q
from briefing.store.queries import EVENT_KINDS, EVENT_STATUSES, EventFilter
from briefing.tui.widgets.safe import one_line

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class FilterScreen(ModalScreen[EventFilter | None]):
    """Edit the events filter."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "apply", "Apply"),
    ]
    # below 34 lines the form goes one line per field (app.tcss), so 80x24 shows its buttons
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    def __init__(self, current: EventFilter) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        c = self.current
        with Vertical(id="filter-dialog"):
            yield Static(Text("Filter events", style="bold"), id="filter-title")
            with Grid(id="filter-grid"):
                yield Label("search")
                yield Input(c.search, placeholder="words in the articles", id="f-search")
                yield Label("actor")
                yield Input(c.actor_name, placeholder="name or alias, e.g. Austin", id="f-actor")
                yield Label("country")
                yield Input(q.country_name(c.country) if c.country else "", placeholder="e.g. China or CN",
                            id="f-country")
                yield Label("kind")
                yield Select([(k.replace("_", " "), k) for k in EVENT_KINDS], value=c.kind or Select.NULL,
                             prompt="any kind", id="f-kind")
                yield Label("status")
                yield Select([(s, s) for s in EVENT_STATUSES], value=c.status or Select.NULL,
                             prompt="any status", id="f-status")
                yield Label("from")
                yield Input(c.date_from, placeholder="YYYY, YYYY-MM or YYYY-MM-DD", id="f-from")
                yield Label("to")
                yield Input(c.date_to, placeholder="YYYY, YYYY-MM or YYYY-MM-DD", id="f-to")
            yield Static(id="filter-error")
            with Horizontal(id="filter-buttons"):
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Clear all", id="clear")
                yield Button("Cancel", id="cancel")
            yield Static(Text("Enter or Ctrl+S applies · Escape cancels", style="dim"), id="filter-hint")

    def on_mount(self) -> None:
        self.query_one("#f-actor", Input).focus()

    def _error(self, message: str) -> None:
        self.query_one("#filter-error", Static).update(Text(message, style="bold red"))

    def _value(self, widget_id: str) -> str:
        return self.query_one(widget_id, Input).value.strip()

    def build(self) -> EventFilter | None:
        """The filter the form describes, or None (with the problem shown)."""
        actor_text = self._value("#f-actor")
        actor_id, actor_name = None, ""
        if actor_text:
            if self.current.actor_id is not None and actor_text == self.current.actor_name:
                actor_id, actor_name = self.current.actor_id, self.current.actor_name
            else:
                found = self.app.query_now(q.find_actors, actor_text, 5, default=[])
                if not found:
                    self._error(f"no actor matches {one_line(actor_text)!r}")
                    return None
                exact = [a for a in found if a["name"].casefold() == actor_text.casefold()]
                pick = (exact or found)[0]
                actor_id, actor_name = pick["id"], pick["name"]
        country_text = self._value("#f-country")
        country = ""
        if country_text:
            code = q.country_code(country_text)
            if code is None:
                if re.fullmatch(r"[A-Za-z]{2}", country_text):
                    code = country_text.upper()
                else:
                    self._error(f"unknown country {one_line(country_text)!r}: try its name or ISO code")
                    return None
            country = code
        dates = {}
        for wid, key in (("#f-from", "date_from"), ("#f-to", "date_to")):
            value = self._value(wid)
            if value and not DATE_RE.match(value):
                self._error(f"{key.replace('date_', '')}: {one_line(value)!r} is not a date like 2024, 2024-05 "
                            "or 2024-05-31")
                return None
            dates[key] = value
        if dates["date_from"] and dates["date_to"] and dates["date_from"] > dates["date_to"]:
            self._error("the range ends before it starts")
            return None
        kind = self.query_one("#f-kind", Select).value
        status = self.query_one("#f-status", Select).value
        return EventFilter(
            search=self._value("#f-search"), actor_id=actor_id, actor_name=actor_name, country=country,
            kind=kind if isinstance(kind, str) else "", status=status if isinstance(status, str) else "",
            **dates)

    def action_apply(self) -> None:
        flt = self.build()
        if flt is not None:
            self.dismiss(flt)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "apply":
            self.action_apply()
        elif event.button.id == "clear":
            self.dismiss(EventFilter())
        else:
            self.dismiss(None)
