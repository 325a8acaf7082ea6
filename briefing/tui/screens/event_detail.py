"""One event: its facts with their evidence, the participants, each side's account, each
source's summary side by side, and the way to every source article and related event.

The facts table is the spine: move along it and the sentence a fact came from is shown
under it (``e`` hides or shows that sentence); Enter on a fact opens the article at that
sentence. Participants are links (Enter or click opens the actor).
"""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, HorizontalScroll, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from briefing.store import queries as q
from briefing.tui.widgets.safe import join_text, markup_escape, one_line, safe_line, safe_text

FIELD_ORDER = ["participants", "kind", "status", "date", "year", "location", "duration", "topic"]


class FactsTable(DataTable):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class LinkList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]


class ParticipantLink(Button):
    """A participant's name; pressing it opens the actor."""

    def __init__(self, actor_id: int, label: Text) -> None:
        super().__init__(label, classes="participant", compact=True)
        self.actor_id = actor_id


class EventDetailScreen(Screen):
    """The event in full."""

    BINDINGS = [
        Binding("e", "evidence", "Evidence", show=False),  # the evidence box says so; room in 80 columns
        Binding("o", "open_article", "Article"),
        Binding("a", "actor", "Actor"),
        Binding("c", "correct", "Correct"),
        Binding("x", "not_meeting", "Not meeting"),
        Binding("r", "refresh", "Refresh", show=False),
    ]

    def __init__(self, event_id: int) -> None:
        super().__init__()
        self.event_id = int(event_id)
        self.event: dict[str, Any] | None = None
        self.show_evidence = True
        self._facts: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="detail-header")
        yield Horizontal(id="participants")
        with VerticalScroll(id="detail-body"):
            yield Static("Facts", classes="section-title")
            yield FactsTable(id="facts", cursor_type="row", show_header=True)
            yield Static(id="evidence")
            yield Static("What each side said", classes="section-title", id="claims-title")
            yield Horizontal(id="claims")
            yield Static("Each source's account", classes="section-title", id="accounts-title")
            yield HorizontalScroll(id="accounts")
            yield Static("Sources (Enter opens)", classes="section-title")
            yield LinkList(id="articles")
            yield Static("Related events (Enter opens)", classes="section-title", id="related-title")
            yield LinkList(id="related")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(FactsTable)
        table.add_column("fact", key="field", width=13)
        table.add_column("value", key="value")
        table.add_column("src", key="src", width=4)
        self.query_one("#detail-header", Static).update(Text(f"event #{self.event_id} — loading…", style="dim"))
        self.reload()

    def reload(self) -> None:
        self.app.fetch(self, q.event_detail, self.event_id, on_result=self._show, group="detail")

    def action_refresh(self) -> None:
        self.reload()

    # ------------------------------------------------------------------ drawing

    def _show(self, ev: dict[str, Any] | None) -> None:
        if ev is None:
            self.query_one("#detail-header", Static).update(
                Text(f"event #{self.event_id} is no longer in the store (merged or re-extracted)", style="bold red"))
            return
        self.event = ev
        self.sub_title = one_line(" ↔ ".join(p["name"] for p in ev["participants"]))
        self._header(ev)
        self._participants(ev)
        self._fill_facts(ev)
        self._claims(ev)
        self._accounts(ev)
        self._links(ev)
        self.query_one(FactsTable).focus()

    def _header(self, ev: dict[str, Any]) -> None:
        facts = [Text(ev["date"] or "undated", style="bold"), ev["kind"].replace("_", " ")]
        if ev.get("date_end"):
            facts[0].append(f" → {one_line(ev['date_end'])}")
        if ev["location"]:
            facts.append(safe_line(ev["location"]))
        if ev["duration_minutes"]:
            facts.append(f"{ev['duration_minutes']} min")
        facts.append(ev["status"])
        n = len(ev["articles"])
        facts.append(f"sources: {n}")
        if ev["curated"]:
            facts.append(Text("curated", style="italic"))
        header = join_text(facts)
        self.query_one("#detail-header", Static).update(header)

    def _participants(self, ev: dict[str, Any]) -> None:
        box = self.query_one("#participants", Horizontal)
        box.remove_children()
        widgets = []
        for i, p in enumerate(ev["participants"]):
            if i:
                widgets.append(Static(Text("  ↔  ", style="dim"), classes="arrow"))
            label = Text(one_line(p["name"]), style="bold")
            extra = ", ".join(x for x in (one_line(p["country"]), one_line(p["role"])) if x)
            if extra:
                label.append(f" ({extra})", style="")
            widgets.append(ParticipantLink(p["actor_id"], label))
        if not widgets:
            widgets.append(Static(Text("no participants recorded", style="dim")))
        box.mount_all(widgets)

    def _fill_facts(self, ev: dict[str, Any]) -> None:
        """One row per fact; each row remembers the evidence it came from."""
        by_field: dict[str, list[dict]] = {}
        for e in ev["evidence"]:
            by_field.setdefault(e["field"], []).append(e)
        facts: list[dict[str, Any]] = []

        def add(field: str, value: str, evidence_field: str | None = None) -> None:
            evs = by_field.get(evidence_field or field, [])
            facts.append({"field": field, "value": value, "evidence": evs})

        add("participants", " ↔ ".join(p["name"] for p in ev["participants"]))
        add("kind", ev["kind"].replace("_", " "))
        add("status", ev["status"])
        date = ev["date"] or "undated"
        if ev.get("date_precision") and ev["date"]:
            date += f"  ({ev['date_precision']})"
        add("date", date)
        if "year" in by_field:
            add("year", ", ".join(one_line(e["value"]) for e in by_field["year"] if e["value"]) or "—", "year")
        add("location", ev["location"] or "—")
        add("duration", f"{ev['duration_minutes']} minutes" if ev["duration_minutes"] else "—")
        if ev["topics"]:
            add("topics", ", ".join(ev["topics"]), "topic")
        for fld, evs in by_field.items():
            if fld not in FIELD_ORDER and fld not in ("claim",):
                add(fld, ", ".join(one_line(e["value"]) for e in evs if e["value"]) or "—")
        self._facts = facts
        table = self.query_one(FactsTable)
        table.clear()
        for i, f in enumerate(facts):
            n = len(f["evidence"])
            table.add_row(Text(f["field"], style="bold"), safe_line(f["value"], max_len=self._value_width()),
                          Text(str(n) if n else "", style="dim", justify="right"), key=str(i))
        table.styles.height = len(facts) + 1
        self._show_evidence_for(0)

    def _value_width(self) -> int:
        """Room for a fact's value: the screen less the fact and source columns."""
        return max(20, (self.size.width or 120) - 13 - 4 - 6 * 2 - 4)

    def _show_evidence_for(self, row: int) -> None:
        box = self.query_one("#evidence", Static)
        box.display = self.show_evidence
        if not self.show_evidence:
            return
        if not (0 <= row < len(self._facts)):
            box.update("")
            return
        fact = self._facts[row]
        if not fact["evidence"]:
            box.update(Text(f"{fact['field']}: no sentence recorded for this fact", style="dim"))
            return
        out = Text()
        seen: set[tuple] = set()
        unique = []
        for e in fact["evidence"]:
            key = (e["article_id"], one_line(e["sentence"]))
            if key not in seen:
                seen.add(key)
                unique.append(e)
        for i, e in enumerate(unique[:3]):
            if i:
                out.append("\n")
            out.append(f"{fact['field']} ← article #{e['article_id']}: ", style="dim")
            out.append("“" + one_line(e["sentence"]) + "”", style="italic")
            if e.get("note"):
                out.append(f"  ({one_line(e['note'])})", style="dim")
        if len(unique) > 3:
            out.append(f"\n… and {len(unique) - 3} more", style="dim")
        out.append("\nEnter opens the article at this sentence · e hides this", style="dim")
        box.update(out)

    def _claims(self, ev: dict[str, Any]) -> None:
        box = self.query_one("#claims", Horizontal)
        box.remove_children()
        claims = ev["claims"]
        self.query_one("#claims-title").display = bool(claims)
        box.display = bool(claims)
        if not claims:
            return
        sides: dict[str, list[dict]] = {}
        order = [p.get("side") or p.get("country") for p in ev["participants"]]
        for c in claims:
            sides.setdefault(c["side"] or "?", []).append(c)
        keys = [s for s in dict.fromkeys(order) if s in sides] + [s for s in sides if s not in order]
        columns = []
        for side in keys:
            name = q.country_name(side) if side != "?" else "Unattributed"
            body = Text()
            for i, c in enumerate(sides[side]):
                if i:
                    body.append("\n")
                if c["speaker"]:
                    body.append(one_line(c["speaker"]) + ": ", style="bold")
                body.append("“" + one_line(c["text"]) + "”")
            col = Static(body, classes="side")
            col.border_title = markup_escape(f"{name} said")
            columns.append(col)
        box.mount_all(columns)

    def _accounts(self, ev: dict[str, Any]) -> None:
        box = self.query_one("#accounts", HorizontalScroll)
        box.remove_children()
        arts = [a for a in ev["articles"] if a["summary"]]
        show = len(ev["articles"]) > 1 and bool(arts)
        self.query_one("#accounts-title").display = show
        box.display = show
        if not show:
            return
        columns = []
        for a in arts:
            body = safe_text(a["summary"])
            col = Static(body, classes="account")
            # border titles are markup: escape what came from the article
            col.border_title = markup_escape(one_line(f"#{a['id']} {a['title'] or a['path'] or ''}")[:40])
            col.border_subtitle = markup_escape(one_line(a["published"] or a["source"] or "")[:20])
            columns.append(col)
        box.mount_all(columns)

    def _links(self, ev: dict[str, Any]) -> None:
        arts = self.query_one("#articles", LinkList)
        arts.clear_options()
        for a in ev["articles"]:
            label = Text()
            label.append(f"#{a['id']} ", style="dim")
            label.append(one_line(a["title"] or a["path"] or a["url"] or "(untitled)"))
            meta = " · ".join(x for x in (one_line(a["published"]), one_line(a["source"])) if x)
            if meta:
                label.append(f"  {meta}", style="dim")
            arts.add_option(Option(label, id=f"a{a['id']}"))
        arts.styles.height = max(1, min(6, len(ev["articles"])))
        related = self.query_one("#related", LinkList)
        related.clear_options()
        for r in ev["related"]:
            related.add_option(Option(safe_line(r.label + (f" · {r.location}" if r.location else "")
                                                + f" · {r.status}"), id=f"e{r.id}"))
        related.styles.height = max(1, min(8, len(ev["related"])))
        related.display = bool(ev["related"])
        self.query_one("#related-title").display = bool(ev["related"])

    # ------------------------------------------------------------------ events

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_evidence_for(event.cursor_row)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        row = event.cursor_row
        if 0 <= row < len(self._facts) and self._facts[row]["evidence"]:
            e = self._facts[row]["evidence"][0]
            self.app.open_article(e["article_id"], self.event_id)
        else:
            self.app.notify("no sentence recorded for this fact", timeout=2)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if isinstance(event.button, ParticipantLink):
            event.stop()
            self.app.open_actor(event.button.actor_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        oid = event.option.id or ""
        if oid.startswith("a"):
            self.app.open_article(int(oid[1:]), self.event_id)
        elif oid.startswith("e"):
            self.app.open_event(int(oid[1:]))

    def action_evidence(self) -> None:
        self.show_evidence = not self.show_evidence
        self._show_evidence_for(self.query_one(FactsTable).cursor_row)

    def action_open_article(self) -> None:
        if self.event and self.event["articles"]:
            self.app.open_article(self.event["articles"][0]["id"], self.event_id)

    def action_actor(self) -> None:
        focused = self.focused
        if isinstance(focused, ParticipantLink):
            self.app.open_actor(focused.actor_id)
        elif self.event and self.event["participants"]:
            self.app.open_actor(self.event["participants"][0]["actor_id"])

    def action_correct(self) -> None:
        """Correct the event's kind, status, date, place or length (recorded as curation)."""
        from briefing.tui.widgets.curation import CorrectEventModal

        self.app.push_screen(CorrectEventModal(self.event_id))  # it refreshes every screen itself

    def action_not_meeting(self) -> None:
        """Mark the event as not a meeting (or restore it)."""
        from briefing.tui.widgets.curation import NotMeetingModal

        self.app.push_screen(NotMeetingModal(self.event_id))
