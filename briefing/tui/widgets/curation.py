"""The analyst's curation as small modal dialogs: merge actors, add or remove an alias,
correct an event, mark an event as not a meeting.

Each dialog does its own write through :mod:`briefing.store.curation` (so the change is
recorded and survives re-extraction) on the app's store (main thread), then calls the app's
``refresh_all()`` so every open screen re-reads, and dismisses with a result: ``True`` (or
the surviving actor's id, for a merge) when something changed, ``None`` when the analyst
backed out::

    self.app.push_screen(CorrectEventModal(event_id))        # c on the event detail
    self.app.push_screen(NotMeetingModal(event_id))          # x on the event detail

Errors (an empty alias, a bad date) are shown inside the dialog, never as a traceback.
Names shown here come from articles, so they go through :mod:`briefing.tui.widgets.safe`.
"""
from __future__ import annotations

import re
from datetime import date as _date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from briefing.errors import BriefingError
from briefing.extract.model import KINDS, STATUSES
from briefing.tui.widgets.safe import join_text, one_line, safe_line

__all__ = [
    "MergeActorsModal",
    "AddAliasModal",
    "RemoveAliasModal",
    "CorrectEventModal",
    "NotMeetingModal",
    "ConfirmModal",
    "valid_iso_date",
]

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def valid_iso_date(value: str) -> bool:
    """A date as the store keeps it: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and a real one.

    >>> [valid_iso_date(v) for v in ("2024", "2024-05", "2024-05-31", "2024-02-30", "31/05/2024")]
    [True, True, True, False, False]
    """
    if not _ISO.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        _date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _store(screen: ModalScreen) -> Any:
    return screen.app.store  # type: ignore[attr-defined]


def _changed(screen: ModalScreen) -> None:
    """Tell every screen to re-read the store (the app's ``refresh_all``, when it has one)."""
    refresh = getattr(screen.app, "refresh_all", None)
    if refresh is not None:
        refresh()


def _actor_label(store: Any, actor_id: int) -> Text:
    row = store.conn.execute("SELECT name, country FROM actors WHERE id = ?", [actor_id]).fetchone()
    if not row:
        return Text(f"actor {actor_id}")
    return join_text([safe_line(row[0], "bold"), one_line(row[1]) if row[1] else ""])


class CurationModal(ModalScreen):
    """Shared look and keys: escape cancels, the error line sits under the form."""

    CSS_PATH = "curation.tcss"
    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str) -> None:
        error = self.query_one("#error", Static)
        error.update(Text(message))
        error.display = bool(message)


class ConfirmModal(CurationModal):
    """A yes/no question; dismisses with True for yes."""

    BINDINGS = [Binding("y", "confirm", "yes"), Binding("n", "cancel", "no")]

    def __init__(self, title: str, question: Text | str, confirm_label: str = "Yes") -> None:
        super().__init__()
        self.title_text = title
        self.question = question if isinstance(question, Text) else Text(question)
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.question, classes="question")
            yield Static("", id="error")
            with Horizontal(classes="buttons"):
                yield Button(self.confirm_label, variant="primary", id="confirm")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#error").display = False
        self.query_one("#confirm", Button).focus()

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        try:
            result = self.apply()
        except BriefingError as exc:
            self.show_error(str(exc))
            return
        _changed(self)
        self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    def apply(self) -> Any:
        """The write behind "yes" (none for a plain question); its return value is the result."""
        return True


class RemoveAliasModal(ConfirmModal):
    """Confirm, then drop one spelling from an actor (kept as removed, so re-extraction respects it)."""

    def __init__(self, actor_id: int, alias: str) -> None:
        question = Text.assemble("Remove the alias ", safe_line(alias, "bold"), " from this actor?\n",
                                 Text("Articles using it will no longer resolve to them.", style="dim"))
        super().__init__("Remove alias", question, "Remove")
        self.actor_id, self.alias = actor_id, alias

    def apply(self) -> bool:
        from briefing.store.curation import remove_alias

        remove_alias(_store(self), self.actor_id, self.alias)
        return True


class NotMeetingModal(ConfirmModal):
    """Confirm, then mark an event as not a meeting (or, when it already is, restore it)."""

    def __init__(self, event_id: int) -> None:
        super().__init__("Not a meeting", "")
        self.event_id = event_id
        self.restore = False

    def on_mount(self) -> None:
        store = _store(self)
        row = store.conn.execute("SELECT date, kind, not_meeting FROM events WHERE id = ?", [self.event_id]).fetchone()
        names = [r[0] for r in store.conn.execute(
            "SELECT a.name FROM participants p JOIN actors a ON a.id = p.actor_id WHERE p.event_id = ?"
            " ORDER BY a.name", [self.event_id])]
        what = join_text([one_line(row[0]) if row else "", one_line(row[1]) if row else "",
                          safe_line(" ↔ ".join(names))])
        self.restore = bool(row and row[2])
        if self.restore:
            question = Text.assemble("This event is marked as not a meeting:\n", what,
                                     "\nRestore it as a meeting?")
            self.query_one("#confirm", Button).label = "Restore"
        else:
            question = Text.assemble("Mark this event as not a meeting?\n", what, "\n",
                                     Text("It leaves the lists and the export; the sources stay.", style="dim"))
            self.query_one("#confirm", Button).label = "Not a meeting"
        self.query_one(".question", Static).update(question)
        # ConfirmModal.on_mount runs after this one (Textual calls each class's handler)

    def apply(self) -> bool:
        from briefing.store.curation import mark_not_meeting

        mark_not_meeting(_store(self), self.event_id, not self.restore)
        return True


class AddAliasModal(CurationModal):
    """Type a spelling that should resolve to this actor."""

    def __init__(self, actor_id: int) -> None:
        super().__init__()
        self.actor_id = actor_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Add alias", classes="dialog-title")
            yield Static(id="who")
            yield Input(placeholder="another spelling, e.g. Austin or 奥斯汀", id="alias")
            yield Static("", id="error")
            with Horizontal(classes="buttons"):
                yield Button("Add", variant="primary", id="confirm")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#who", Static).update(Text.assemble("for ", _actor_label(_store(self), self.actor_id)))
        self.query_one("#error").display = False
        self.query_one("#alias", Input).focus()

    @on(Input.Submitted, "#alias")
    @on(Button.Pressed, "#confirm")
    def _add(self) -> None:
        from briefing.store.curation import add_alias

        alias = one_line(self.query_one("#alias", Input).value)
        if not alias:
            self.show_error("Type the alias first.")
            return
        try:
            add_alias(_store(self), self.actor_id, alias)
        except BriefingError as exc:
            self.show_error(str(exc))
            return
        _changed(self)
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class MergeActorsModal(CurationModal):
    """Pick another actor by (fuzzy) name, then confirm which one survives the merge.

    The default direction folds an extracted actor into a bundled one (the usual case:
    a garbled transliteration found in an article); ``s`` swaps it. Dismisses with the id
    of the surviving actor.
    """

    BINDINGS = [Binding("s", "swap", "swap direction", show=False)]

    def __init__(self, actor_id: int) -> None:
        super().__init__()
        self.actor_id = actor_id
        self.other: int | None = None
        self.source: int | None = None
        self.target: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Merge actors", classes="dialog-title")
            yield Static(id="who")
            with Vertical(id="pick"):
                yield Input(placeholder="search actors by name or alias", id="query")
                yield OptionList(id="matches")
            with Vertical(id="confirm-step"):
                yield Static(id="plan")
                with Horizontal(classes="buttons"):
                    yield Button("Merge", variant="warning", id="confirm")
                    yield Button("Swap (s)", id="swap")
                    yield Button("Cancel", id="cancel")
            yield Static("", id="error")

    def on_mount(self) -> None:
        store = _store(self)
        self.query_one("#who", Static).update(Text.assemble("Merge ", _actor_label(store, self.actor_id),
                                                            " with another actor"))
        self.query_one("#error").display = False
        self.query_one("#confirm-step").display = False
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def _search(self, event: Input.Changed) -> None:
        from briefing.store.queries_actors import search_actors

        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        found = search_actors(_store(self), event.value, limit=12, exclude=[self.actor_id])
        for m in found:
            label = join_text([safe_line(m.name), one_line(m.country or "")])
            if one_line(m.matched) != one_line(m.name):
                label.append(Text.assemble("  (", safe_line(m.matched), ")", style="dim"))
            matches.add_option(Option(label, id=str(m.id)))
        if found:
            matches.highlighted = 0

    @on(Input.Submitted, "#query")
    def _submit_query(self) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.option_count:
            self._pick(int(matches.get_option_at_index(matches.highlighted or 0).id or 0))

    def key_down(self) -> None:
        if self.focused is self.query_one("#query"):
            self.query_one("#matches", OptionList).focus()

    @on(OptionList.OptionSelected, "#matches")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(int(event.option.id or 0))

    def _pick(self, other: int) -> None:
        store = _store(self)
        self.other = other
        sources = dict(store.conn.execute(
            "SELECT id, source FROM actors WHERE id IN (?, ?)", [self.actor_id, other]).fetchall())
        # fold the extracted duplicate into the known actor; otherwise the picked one into this
        if sources.get(self.actor_id) == "extracted" and sources.get(other) != "extracted":
            self.source, self.target = self.actor_id, other
        else:
            self.source, self.target = other, self.actor_id
        self.query_one("#pick").display = False
        self.query_one("#who").display = False
        self.query_one("#confirm-step").display = True
        self._show_plan()
        self.query_one("#confirm", Button).focus()

    def _show_plan(self) -> None:
        store = _store(self)
        assert self.source is not None and self.target is not None
        n = store.conn.execute("SELECT count(*) FROM participants WHERE actor_id = ?", [self.source]).fetchone()[0]
        plan = Text.assemble(
            "Merge ", _actor_label(store, self.source), "\n into ", _actor_label(store, self.target), "?\n",
            Text(f"Its {n} event{'s' if n != 1 else ''} and its aliases move over; the analyst's merge is "
                 "kept when articles are extracted again.", style="dim"))
        self.query_one("#plan", Static).update(plan)

    @on(Button.Pressed, "#swap")
    def action_swap(self) -> None:
        if self.source is None:
            return
        self.source, self.target = self.target, self.source
        self._show_plan()

    @on(Button.Pressed, "#confirm")
    def _merge(self) -> None:
        from briefing.store.curation import merge_actors

        if self.source is None or self.target is None:
            return
        try:
            merge_actors(_store(self), self.source, self.target)
        except BriefingError as exc:
            self.show_error(str(exc))
            return
        _changed(self)
        self.dismiss(self.target)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class CorrectEventModal(CurationModal):
    """A form over an event's fields; only what the analyst changed is written (and recorded)."""

    BINDINGS = [Binding("ctrl+s", "save", "save")]

    def __init__(self, event_id: int) -> None:
        super().__init__()
        self.event_id = event_id
        self.original: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        kinds = [(k.replace("_", " "), k) for k in KINDS]
        statuses = [(s, s) for s in STATUSES]
        with Vertical(classes="dialog wide"):
            yield Label("Correct event", classes="dialog-title")
            yield Static(id="who")
            with Grid(id="form"):
                yield Label("kind")
                yield Select(kinds, id="kind", allow_blank=False, value=KINDS[0])
                yield Label("status")
                yield Select(statuses, id="status", allow_blank=False, value=STATUSES[0])
                yield Label("date")
                yield Input(placeholder="YYYY[-MM[-DD]]", id="date")
                yield Label("minutes")
                yield Input(placeholder="duration", id="duration", type="integer")
                yield Label("location")
                yield Input(placeholder="city", id="location")
            yield Static("", id="error")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="confirm")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        store = _store(self)
        row = store.conn.execute(
            "SELECT kind, status, date, location, duration_minutes FROM events WHERE id = ?", [self.event_id]
        ).fetchone()
        if row is None:
            self.dismiss(None)
            return
        self.original = dict(zip(("kind", "status", "date", "location", "duration_minutes"), row))
        names = [r[0] for r in store.conn.execute(
            "SELECT a.name FROM participants p JOIN actors a ON a.id = p.actor_id WHERE p.event_id = ?"
            " ORDER BY a.name", [self.event_id])]
        self.query_one("#who", Static).update(safe_line(" ↔ ".join(names), "bold"))
        if row[0] in KINDS:
            self.query_one("#kind", Select).value = row[0]
        if row[1] in STATUSES:
            self.query_one("#status", Select).value = row[1]
        self.query_one("#date", Input).value = one_line(row[2])
        self.query_one("#location", Input).value = one_line(row[3])
        self.query_one("#duration", Input).value = "" if row[4] is None else str(row[4])
        self.query_one("#error").display = False
        self.query_one("#kind", Select).focus()

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the stored event; raises ValueError on bad input."""
        kind = self.query_one("#kind", Select).value
        status = self.query_one("#status", Select).value
        date = self.query_one("#date", Input).value.strip()
        location = " ".join(self.query_one("#location", Input).value.split())
        duration_text = self.query_one("#duration", Input).value.strip()
        if date and not valid_iso_date(date):
            raise ValueError(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        duration: int | None = None
        if duration_text:
            if not duration_text.isdigit() or int(duration_text) > 60 * 24 * 14:
                raise ValueError("minutes must be a whole number of minutes")
            duration = int(duration_text)
        wanted = {"kind": kind, "status": status, "date": date or None, "location": location or None,
                  "duration_minutes": duration}
        return {k: v for k, v in wanted.items() if v != self.original.get(k) and v is not Select.NULL}

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    def action_save(self) -> None:
        from briefing.store.curation import correct_event

        try:
            fields = self.changes()
        except ValueError as exc:
            self.show_error(str(exc))
            return
        if not fields:
            self.dismiss(None)
            return
        try:
            correct_event(_store(self), self.event_id, **fields)
        except BriefingError as exc:
            self.show_error(str(exc))
            return
        _changed(self)
        self.dismiss(True)

    @on(Input.Changed, "#date")
    def _check_date(self, event: Input.Changed) -> None:
        value = event.value.strip()
        ok = not value or valid_iso_date(value)
        event.input.set_class(not ok, "invalid")
        self.show_error("" if ok else "date: YYYY, YYYY-MM or YYYY-MM-DD")

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
