"""HTML reduced to readable text: paragraphs kept, scripts, styles and navigation dropped."""
from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
          "section", "article", "blockquote", "pre", "header", "footer", "figure", "figcaption", "dd", "dt"}
_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "iframe", "object", "head"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return (text, title) of an HTML document.

    >>> html_to_text("<html><title>T</title><p>One <b>two</b></p><script>x()</script><p>Three</p>")
    ('One two\\n\\nThree', 'T')
    """
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        line = " ".join(block.split())
        if line:
            paragraphs.append(line)
    title = " ".join("".join(parser.title).split()) or None
    return "\n\n".join(paragraphs), title
