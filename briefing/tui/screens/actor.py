"""One actor: who they are, which offices they held, whom they met and when.

Three tables: counterparts (held meetings counted, first and last; people met only in
planned or declined events marked ``0*``), the actor's meetings newest first, and their
aliases with where each came from. Enter follows a counterpart or opens a meeting; the
analyst curates from here (merge with another actor, add or remove an alias).
"""
from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from briefing.store.queries_actors import ActorPage, actor_page
from briefing.tui.widgets.safe import join_text, one_line, safe_line

ANALYST = "✎"
STATUS_STYLE = {"held": "", "planned": "italic", "declined": "red", "cancelled": "red dim"}


def load(node: Any, fn: Callable[..., Any], *args: Any, on_result: Callable[[Any], None], group: str) -> None:
    """Run the read query ``fn(conn, *args)`` through the app's worker pool when it has one."""
    fetch = getattr(node.app, "fetch", None)
    if fetch is not None:
        fetch(node, fn, *args, on_result=on_result, group=group)
    else:  # a bare App with a store (tests of a screen on its own)
        on_result(fn(node.app.store.conn, *args))


def country(code: str | None) -> str:
    """``CN`` -> ``China`` when the bundled country list knows it."""
    if not code:
        return ""
    try:
        from briefing.store.queries import country_name
    except ImportError:
        return code
    return country_name(code)


def source_label(source: str) -> Text:
    if source == "analyst":
        return Text(f"{ANALYST} analyst", style="bold magenta")
    return Text(source, style="dim" if source == "bundled" else "")


class FollowTable(DataTable):
    """A row table where Enter follows the row (shown in the footer as "follow")."""

    BINDINGS = [Binding("enter", "select_cursor", "follow")]


class ActorScreen(Screen):
    """Who an actor is and whom they met."""

    CSS_PATH = "actor.tcss"
    BINDINGS = [
        Binding("n", "network", "network"),
        Binding("t", "timeline", "timeline"),
        Binding("m", "merge", "merge"),
        Binding("a", "add_alias", "add alias"),
        Binding("d", "remove_alias", "remove alias"),
        Binding("c", "correct", "correct meeting", show=False),
        Binding("x", "not_meeting", "not a meeting", show=False),
    ]

    def __init__(self, actor_id: int) -> None:
        super().__init__()
        self.actor_id = int(actor_id)
        self.page: ActorPage | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="actor-head"):
            yield Static(Text("loading…", style="dim"), id="actor-title")
            yield Static("", id="actor-offices")
        with Horizontal(id="actor-panes"):
            with Vertical(id="actor-left"):
                yield FollowTable(id="counterparts", cursor_type="row", zebra_stripes=True)
                yield DataTable(id="aliases", cursor_type="row")
            yield FollowTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static(Text.assemble(("*", "bold"), " declined or planned only   ",
                                   (ANALYST, "bold magenta"), " the analyst's"), id="actor-note")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        counterparts = self.query_one("#counterparts", DataTable)
        counterparts.border_title = "counterparts"
        counterparts.add_column("who", key="who")
        counterparts.add_column("met", key="met")
        counterparts.add_column("first", key="first")
        counterparts.add_column("last", key="last")
        meetings = self.query_one("#meetings", DataTable)
        meetings.border_title = "meetings"
        for name in ("date", "kind", "with", "where", "status"):
            meetings.add_column(name, key=name)
        aliases = self.query_one("#aliases", DataTable)
        aliases.border_title = "aliases"
        aliases.add_column("alias", key="alias")
        aliases.add_column("source", key="source")
        counterparts.focus()
        self.reload()

    # -- data ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read the actor (after curation, or when the store changed)."""
        load(self, actor_page, self.actor_id, on_result=self.show, group="actor")

    def show(self, page: ActorPage | None) -> None:
        title = self.query_one("#actor-title", Static)
        if page is None:
            title.update(Text(f"No actor with id {self.actor_id} in the store.", style="bold red"))
            return
        self.page = page
        if page.info.id != self.actor_id:  # merged away: the survivor stands in
            self.notify(f"that actor was merged into {one_line(page.info.name)}", markup=False)
            self.actor_id = page.info.id
        info = page.info
        held = sum(1 for m in page.meetings if m.status == "held")
        title.update(join_text([
            safe_line(info.name, "bold"),
            country(info.country),
            Text(info.kind, style="dim") if info.kind != "person" else "",
            Text(f"{held} held meeting{'s' if held != 1 else ''} · {len(page.meetings)} events", style="dim"),
        ]))
        offices = Text()
        for office in page.offices:
            if offices:
                offices.append("\n")
            span = f"{office.start or '?'} → {office.end or 'now'}"
            offices.append_text(join_text([safe_line(office.title), country(office.country),
                                           Text(span, style="dim")]))
        self.query_one("#actor-offices", Static).update(offices or Text("no office on record", style="dim"))
        self._fill_counterparts(page)
        self._fill_meetings(page)
        self._fill_aliases(page)

    def _fill_counterparts(self, page: ActorPage) -> None:
        table = self.query_one("#counterparts", DataTable)
        keep = table.cursor_row
        table.clear()
        for c in page.counterparts:
            who = join_text([safe_line(c.name), Text(f"({country(c.country)})", style="dim") if c.country else ""],
                            sep=" ")
            met = Text(f"{c.held}", justify="right") if c.held else Text("0*", style="dim", justify="right")
            table.add_row(who, met, one_line(c.first), one_line(c.last), key=str(c.id))
        table.border_subtitle = f"{len(page.counterparts)}"
        if page.counterparts:
            table.move_cursor(row=min(keep, len(page.counterparts) - 1))

    def _fill_meetings(self, page: ActorPage) -> None:
        table = self.query_one("#meetings", DataTable)
        keep = table.cursor_row
        table.clear()
        for m in page.meetings:
            others = ", ".join(one_line(c.name) for c in m.counterparts) or "—"
            status = Text(m.status, style=STATUS_STYLE.get(m.status, ""))
            if m.curated:
                status.append(f" {ANALYST}", style="bold magenta")
            table.add_row(one_line(m.date) or "undated", one_line(m.kind).replace("_", " "),
                          safe_line(others, max_len=40), safe_line(m.location, max_len=18), status,
                          key=str(m.id))
        table.border_subtitle = f"{len(page.meetings)}"
        if page.meetings:
            table.move_cursor(row=min(keep, len(page.meetings) - 1))

    def _fill_aliases(self, page: ActorPage) -> None:
        table = self.query_one("#aliases", DataTable)
        keep = table.cursor_row
        table.clear()
        for i, alias in enumerate(page.aliases):
            table.add_row(safe_line(alias.alias), source_label(alias.source), key=str(i))
        table.border_subtitle = f"{len(page.aliases)}"
        if page.aliases:
            table.move_cursor(row=min(keep, len(page.aliases) - 1))

    # -- following ----------------------------------------------------------------------

    @on(DataTable.RowSelected, "#counterparts")
    def _follow_counterpart(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_actor(int(event.row_key.value))  # type: ignore[attr-defined]

    @on(DataTable.RowSelected, "#meetings")
    def _open_meeting(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_event(int(event.row_key.value))  # type: ignore[attr-defined]

    def _selected_counterpart(self) -> int | None:
        table = self.query_one("#counterparts", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return int(key) if key is not None else None

    def action_network(self) -> None:
        self.app.open_network(self.actor_id)  # type: ignore[attr-defined]

    def action_timeline(self) -> None:
        """Meetings over time between this actor's country and the selected counterpart's."""
        pair = None
        if self.page is not None and self.page.info.country:
            other = self._selected_counterpart()
            theirs = next((c.country for c in self.page.counterparts if c.id == other), None)
            if theirs and theirs != self.page.info.country:
                pair = tuple(sorted((self.page.info.country, theirs)))
        self.app.open_timeline(pair)  # type: ignore[attr-defined]

    # -- curation -----------------------------------------------------------------------

    def action_merge(self) -> None:
        from briefing.tui.widgets.curation import MergeActorsModal

        self.app.push_screen(MergeActorsModal(self.actor_id), self._after_merge)

    def _after_merge(self, survivor: int | None) -> None:
        if survivor is None:
            return
        self.notify("actors merged", timeout=3)
        if survivor != self.actor_id:
            self.actor_id = survivor
        self.reload()

    def action_add_alias(self) -> None:
        from briefing.tui.widgets.curation import AddAliasModal

        self.app.push_screen(AddAliasModal(self.actor_id), self._after_curation)

    def action_remove_alias(self) -> None:
        from briefing.tui.widgets.curation import RemoveAliasModal

        table = self.query_one("#aliases", DataTable)
        if self.page is None or not table.row_count:
            self.notify("no alias to remove", timeout=3)
            return
        alias = self.page.aliases[table.cursor_row].alias
        self.app.push_screen(RemoveAliasModal(self.actor_id, alias), self._after_curation)

    def _selected_meeting(self) -> int | None:
        table = self.query_one("#meetings", DataTable)
        if not table.row_count:
            self.notify("no meeting selected", timeout=3)
            return None
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        return int(key) if key is not None else None

    def action_correct(self) -> None:
        """Correct the highlighted meeting's kind, status, date, place or length."""
        from briefing.tui.widgets.curation import CorrectEventModal

        event_id = self._selected_meeting()
        if event_id is not None:
            self.app.push_screen(CorrectEventModal(event_id), self._after_curation)

    def action_not_meeting(self) -> None:
        from briefing.tui.widgets.curation import NotMeetingModal

        event_id = self._selected_meeting()
        if event_id is not None:
            self.app.push_screen(NotMeetingModal(event_id), self._after_curation)

    def _after_curation(self, changed: Any) -> None:
        if changed:
            self.reload()


def _register_palette_actions() -> None:
    try:
        from briefing.tui.commands import register_action
    except ImportError:
        return
    on_actor = lambda app: type(app.screen).__name__ == "ActorScreen"  # noqa: E731
    for name, help_, action in [
        ("actor: Open network", "who met whom around this actor (n)", "network"),
        ("actor: Timeline with selected counterpart", "meetings per month for the two countries (t)", "timeline"),
        ("actor: Merge with another actor", "fold a duplicate into the right actor (m)", "merge"),
        ("actor: Add alias", "another spelling that resolves to this actor (a)", "add_alias"),
        ("actor: Remove selected alias", "stop a spelling resolving to this actor (d)", "remove_alias"),
        ("actor: Correct highlighted meeting", "kind, status, date, place, minutes (c)", "correct"),
        ("actor: Mark highlighted meeting not a meeting", "hide it from lists and export (x)", "not_meeting"),
    ]:
        register_action(name, help_, lambda app, a=action: app.screen.run_action(a), when=on_actor)


_register_palette_actions()
