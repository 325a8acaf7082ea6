"""The help screen: the guide in ``help.md`` and, generated, every binding active where
help was asked for (so the list can never fall out of date)."""
from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

HELP_MD = Path(__file__).with_name("help.md")


def _key_display(app, binding: Binding) -> str:  # noqa: ANN001
    if binding.key_display:
        return binding.key_display
    return ", ".join(app.get_key_display(Binding(k.strip(), "")) for k in binding.key.split(","))


def bindings_table(app, screen: Screen) -> str:  # noqa: ANN001
    """Markdown table of the bindings of ``screen``, its focused widget and the app."""
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    # this screen's own keys first, then the desk's, then the focused widget's (cursor keys)
    nodes = [(type(screen).__name__.removesuffix("Screen").lower() or "screen", screen), ("app", app)]
    if screen.focused is not None:
        nodes.append(("focused", screen.focused))
    # Textual's own keys on every screen (focus, copy) go last, so the list opens with ours
    from textual.app import App

    generic = {(k.strip(), b.action) for cls in (Screen, ModalScreen, App) for b in cls.BINDINGS
               if isinstance(b, Binding) for k in b.key.split(",")}
    later: list[tuple[str, str, str]] = []
    for where, node in nodes:
        for binding in node._bindings.key_to_bindings.values() if hasattr(node, "_bindings") else []:
            for b in binding:
                desc = b.description or b.action
                key = (b.key, b.action)
                if key in seen:
                    continue
                seen.add(key)
                row = (_key_display(app, b).replace("|", "\\|"), desc.replace("|", "\\|"), where)
                (later if key in generic else rows).append(row)
    rows += later
    lines = ["## Keys here", "", "| key | does | from |", "|---|---|---|"]
    lines += [f"| `{k}` | {d} | {w} |" for k, d, w in rows]
    return "\n".join(lines) + "\n"


class HelpScreen(ModalScreen):
    """Every key binding, and how the desk fits together."""

    BINDINGS = [
        Binding("escape,q,question_mark,backspace", "dismiss", "Close"),
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def __init__(self, from_screen: Screen | None = None) -> None:
        super().__init__()
        self.from_screen = from_screen

    def compose(self) -> ComposeResult:
        try:
            guide = HELP_MD.read_text(encoding="utf-8")
        except OSError:
            guide = "# briefing — help\n"
        extra = ""
        if self.from_screen is not None:
            try:
                extra = bindings_table(self.app, self.from_screen)
            except Exception:  # noqa: BLE001 - help must open even if introspection changes
                extra = ""
        with VerticalScroll(id="help-body"):
            yield Markdown(extra + "\n" + guide if extra else guide, id="help-text")
        yield Static("Escape closes · j/k scroll", id="help-footer")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_scroll_down(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_up()
