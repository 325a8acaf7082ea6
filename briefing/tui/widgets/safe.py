"""Turning untrusted strings (article titles, text, feed names, actor names) into display-safe text.

Everything shown in the app that came from an article or a feed goes through here. Two
dangers: Textual/Rich markup (a title containing ``[bold red]`` or ``[@click=app.quit]``
must show as those characters, not act), and terminal escape sequences (``\\x1b[31m``
must never reach the terminal). So we never build markup strings from data: we build
:class:`rich.text.Text` objects, whose content is literal, after stripping control
characters and escape sequences.

>>> safe_text("[bold red]hi\\x1b[31m").plain
'[bold red]hi'
>>> one_line("a\\n  b\\tc")
'a b c'
"""
from __future__ import annotations

from typing import Any, Iterable

from rich.style import Style
from rich.text import Text

from briefing.textsafe import clean_text

__all__ = ["clean", "one_line", "safe_text", "safe_line", "join_text", "truncate", "markup_escape", "fuzzy_content"]


def clean(value: Any) -> str:
    """``value`` as a string with control characters and escape sequences removed ('' for None)."""
    if value is None:
        return ""
    return clean_text(str(value)).replace("\t", "    ")


def one_line(value: Any) -> str:
    """Cleaned and collapsed onto one line (for table cells and titles)."""
    return " ".join(clean(value).split())


def truncate(value: str, width: int | None) -> str:
    if width is None or len(value) <= width:
        return value
    return value[: max(0, width - 1)] + "…"


def safe_text(value: Any, style: str | Style = "", *, max_len: int | None = None) -> Text:
    """Literal, multi-line text: never parsed as markup, never carrying escapes."""
    return Text(truncate(clean(value), max_len), style=style)


def safe_line(value: Any, style: str | Style = "", *, max_len: int | None = None) -> Text:
    """Literal text collapsed onto one line (table cells, headers)."""
    return Text(truncate(one_line(value), max_len), style=style, no_wrap=True, overflow="ellipsis")


def join_text(parts: Iterable[Text | str], sep: str | Text = " · ") -> Text:
    """Join pieces into one Text; plain ``str`` pieces are treated as literal, never markup."""
    out = Text()
    first = True
    for part in parts:
        if not part:
            continue
        if not first:
            out.append(sep if isinstance(sep, Text) else Text(sep, style="dim"))
        out.append(part if isinstance(part, Text) else Text(clean(part)))
        first = False
    return out


def markup_escape(value: Any) -> str:
    """For the few Textual APIs that only take markup strings (command palette help,
    notifications with ``markup=True``): the value cleaned, on one line, with markup escaped."""
    from textual.markup import escape

    return escape(one_line(value))


def fuzzy_content(matcher: Any, candidate: str) -> Any:
    """Like ``Matcher.highlight`` but literal: ``highlight`` parses its argument as markup,
    which would let an actor named ``[@click=app.quit]x`` act."""
    from textual.content import Content

    candidate = one_line(candidate)
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if offset < len(candidate) and not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
