"""Dates typed by a user on the command line (``--published``, ``--since``)."""
from __future__ import annotations

import re
from datetime import date, datetime

from briefing.errors import BriefingError

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_user_date(text: str, option: str = "date") -> str:
    """Parse a date in a common form into ISO ``YYYY-MM-DD``; reject anything ambiguous.

    >>> parse_user_date("2024-06-01"), parse_user_date("1 June 2024"), parse_user_date("June 1, 2024")
    ('2024-06-01', '2024-06-01', '2024-06-01')
    """
    raw = (text or "").strip()
    if _ISO.match(raw):
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            raise BriefingError(f"{option}: {text!r} is not a real date (expected e.g. 2024-06-01)") from None
    for fmt in ("%Y/%m/%d", "%Y.%m.%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y",
                "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S", "%Y%m%d"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    if raw:
        import dateparser  # slow import; only for the forms above did not cover

        parsed = dateparser.parse(
            raw, languages=["en"],
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                      "PREFER_DATES_FROM": "past"},
        )
        if parsed is not None:
            return parsed.date().isoformat()
    raise BriefingError(f"{option}: cannot read {text!r} as a date (expected e.g. 2024-06-01 or '1 June 2024')")
