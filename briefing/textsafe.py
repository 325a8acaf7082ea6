"""Keeping untrusted text inert: no control characters or escape sequences in the store."""
from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and full ANSI/VT escape sequences.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Strip escape sequences and control characters; normalise line ends.

    >>> clean_text("a\\x1b[31mred\\x1b[0m\\r\\nb\\x07")
    'ared\\nb'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _CONTROLS.search(text):  # the common case: nothing to strip (ESC is a control too)
        return text
    text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)
