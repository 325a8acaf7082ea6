"""Which date mention belongs to which event: an event's date, date_end and precision.

:mod:`briefing.extract.dates` gives each date expression its meaning; this module decides,
for one candidate event (a meeting cue in a sentence), which of the sentence's date mentions
dates it. The pipeline calls :func:`pick_date` for every candidate.
"""
from __future__ import annotations

from typing import Any

__all__ = ["pick_date"]


def pick_date(a: Any, dates: list, cue: Any, triggers: Any) -> Any | None:
    """The date mention nearest the cue that is not cut off from it by a subordinator.

    ``a`` is the sentence's analysis (``a.sent.text``, ``a.sent.start``), ``dates`` the
    candidate's date mentions (absolute offsets), ``cue`` the meeting cue. A date after
    "after", "since", "that" ... belongs to another clause, not to the cue's event.
    """
    text, base = a.sent.text, a.sent.start
    ok = []
    for d in dates:
        lo, hi = sorted((d.end, cue.start)) if d.end <= cue.start else (cue.end, d.start)
        between = text[lo - base:hi - base]
        if triggers.has_subordinator(between):
            continue
        ok.append((abs((d.start + d.end) / 2 - (cue.start + cue.end) / 2), d))
    if not ok:
        return None
    ok.sort(key=lambda x: x[0])
    return ok[0][1]
