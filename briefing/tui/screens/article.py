"""An article as stored, with what the extractor found in it highlighted.

Spans come from ``mentions`` (participants), ``evidence`` (dates, durations, places) and
``claims``; each is a character range of ``articles.text``. ``n`` / ``N`` step through
them (the current one shown reversed and scrolled into view), Enter opens the event the
current span belongs to, ``a`` its actor; a click on a highlight selects it. The text is
shown literally: it is cleaned of control characters and never parsed as markup.
"""
from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing.store import queries as q
from briefing.store.queries import Span
from briefing.tui.widgets.safe import clean, join_text, one_line, safe_line

SPAN_STYLES = {
    "participant": "bold underline $primary",
    "date": "bold $warning",
    "duration": "bold $success",
    "location": "underline $secondary",
    "claim": "italic",
}
# Rich styles (the text is a rich Text); theme variables are resolved in _style().
RICH_STYLES = {
    "participant": "bold underline cyan",
    "date": "bold yellow",
    "duration": "bold green",
    "location": "underline magenta",
    "claim": "italic",
}


class ArticleText(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]


class ArticleScreen(Screen):
    """The article reader."""

    BINDINGS = [
        Binding("n", "next_span", "Next highlight"),
        Binding("N", "prev_span", "Prev highlight", key_display="N"),
        Binding("enter", "open_span", "Open event"),
        Binding("a", "actor", "Actor"),
        Binding("r", "refresh", "Refresh", show=False),
    ]

    def __init__(self, article_id: int, event_id: int | None = None) -> None:
        super().__init__()
        self.article_id = int(article_id)
        self.event_id = event_id
        self.article: dict[str, Any] | None = None
        self.spans: list[Span] = []
        self.current: int | None = None
        self._paragraphs: list[tuple[int, int]] = []  # (start, end) of each paragraph in the text

    def compose(self) -> ComposeResult:
        yield Static(id="article-header")
        yield Static(id="legend")
        yield ArticleText(id="article-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#article-header", Static).update(Text(f"article #{self.article_id} — loading…", style="dim"))
        self.query_one(ArticleText).focus()
        self.reload()

    def reload(self) -> None:
        self.app.fetch(self, q.article_with_spans, self.article_id, on_result=self._show, group="article")

    def action_refresh(self) -> None:
        self.reload()

    # ------------------------------------------------------------------ drawing

    def _show(self, art: dict[str, Any] | None) -> None:
        header = self.query_one("#article-header", Static)
        if art is None:
            header.update(Text(f"article #{self.article_id} is no longer in the store", style="bold red"))
            return
        self.article = art
        self.spans = _non_overlapping(art["spans"])
        title = safe_line(art["title"] or "(untitled)", style="bold")
        meta = [f"#{art['id']}", one_line(art["published"]) or "no date", one_line(art["source"]),
                one_line(art["url"] or art["path"])]
        header.update(Text("\n").join([title, join_text([m for m in meta if m])]))
        legend = Text()
        for kind in ("participant", "date", "duration", "location", "claim"):
            if any(s.kind == kind for s in self.spans):
                legend.append(kind, style=RICH_STYLES[kind])
                legend.append("  ")
        if self.spans:
            legend.append(f"{len(self.spans)} highlights: n/N to step, Enter opens the event", style="dim")
        else:
            legend.append("nothing highlighted in this article", style="dim")
        self.query_one("#legend", Static).update(legend)
        self.current = None
        if self.event_id is not None:
            for i, s in enumerate(self.spans):
                if s.event_id == self.event_id:
                    self.current = i
                    break
        self._draw()
        if self.current is not None:
            self.call_after_refresh(self._scroll_to_current)

    def _draw(self) -> None:
        """The text, one Static per paragraph (so a span can be scrolled to)."""
        art = self.article
        if art is None:
            return
        text = art["text"] or ""
        box = self.query_one(ArticleText)
        box.remove_children()
        self._paragraphs = []
        start = 0
        for part in text.split("\n"):
            end = start + len(part)
            if part.strip():
                self._paragraphs.append((start, end))
            start = end + 1
        widgets = [Static(self._paragraph(a, b), classes="paragraph") for a, b in self._paragraphs]
        if not widgets:
            widgets = [Static(Text("(this article has no text)", style="dim"))]
        box.mount_all(widgets)

    def _paragraph(self, start: int, end: int) -> Text:
        raw = (self.article or {}).get("text", "")[start:end]
        # Clean per character run so that offsets stay valid: replace controls by spaces.
        out = Text(_inert(raw))
        for i, s in enumerate(self.spans):
            if s.end <= start or s.start >= end:
                continue
            a, b = max(s.start, start) - start, min(s.end, end) - start
            style = Style.parse(RICH_STYLES.get(s.kind, "bold"))
            if i == self.current:
                style += Style(reverse=True)
            style += Style(meta={"@click": f"screen.select_span({i})"})
            out.stylize(style, a, b)
        return out

    def _redraw_span_paragraphs(self, *indexes: int | None) -> None:
        statics = list(self.query(".paragraph").results(Static))
        for idx in indexes:
            if idx is None or not (0 <= idx < len(self.spans)):
                continue
            p = self._paragraph_of(self.spans[idx])
            if p is not None and p < len(statics):
                statics[p].update(self._paragraph(*self._paragraphs[p]))

    def _paragraph_of(self, span: Span) -> int | None:
        for i, (a, b) in enumerate(self._paragraphs):
            if a <= span.start < b + 1:
                return i
        return None

    def _scroll_to_current(self) -> None:
        if self.current is None:
            return
        p = self._paragraph_of(self.spans[self.current])
        statics = list(self.query(".paragraph").results(Static))
        if p is not None and p < len(statics):
            self.query_one(ArticleText).scroll_to_widget(statics[p], animate=False, top=False)
        s = self.spans[self.current]
        what = {"participant": "participant", "claim": "claim"}.get(s.kind, s.kind)
        label = f"{what}: {one_line(s.label)}" if s.label else what
        self.sub_title = label
        self.notify(f"{self.current + 1}/{len(self.spans)} {label} (Enter: event #{s.event_id})",
                    markup=False, timeout=2)

    # ------------------------------------------------------------------ actions

    def _move(self, step: int) -> None:
        if not self.spans:
            self.app.notify("nothing highlighted in this article", timeout=2)
            return
        old = self.current
        if self.current is None:
            self.current = 0 if step > 0 else len(self.spans) - 1
        else:
            self.current = (self.current + step) % len(self.spans)
        self._redraw_span_paragraphs(old, self.current)
        self._scroll_to_current()

    def action_next_span(self) -> None:
        self._move(1)

    def action_prev_span(self) -> None:
        self._move(-1)

    def action_select_span(self, index: int) -> None:
        if 0 <= index < len(self.spans):
            old, self.current = self.current, index
            self._redraw_span_paragraphs(old, index)
            self._scroll_to_current()

    def action_open_span(self) -> None:
        if self.current is None:
            if self.event_id is not None:
                self.app.open_event(self.event_id)
            elif self.article and self.article["events"]:
                self.app.open_event(self.article["events"][0])
            else:
                self.app.notify("no event comes from this article", timeout=2)
            return
        span = self.spans[self.current]
        if span.event_id is not None:
            self.app.open_event(span.event_id)

    def action_actor(self) -> None:
        if self.current is not None and self.spans[self.current].actor_id is not None:
            self.app.open_actor(self.spans[self.current].actor_id)
        else:
            self.app.notify("select a participant highlight first (n)", timeout=2)


def _inert(raw: str) -> str:
    """Control characters replaced one for one (so span offsets still line up)."""
    cleaned = clean(raw)
    if len(cleaned) == len(raw):
        return cleaned
    return "".join(ch if ch in "\t" or ch.isprintable() else " " for ch in raw).replace("\t", " ")


def _non_overlapping(spans: list[Span]) -> list[Span]:
    """Spans sorted by start; a span inside an earlier one is dropped (one highlight per place)."""
    out: list[Span] = []
    last_end = -1
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
        elif s.kind in ("date", "duration") and out and out[-1].kind == "claim":
            out.append(s)  # a date inside a claim still deserves its own highlight
    return sorted(out, key=lambda s: s.start)
