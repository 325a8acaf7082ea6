"""Date resolution: what day, month or year each date expression in an article means.

Everything is resolved against the article's *anchor* -- the day it was written. With a
publication date that is the anchor. Without one (the sample articles have none) the anchor
is inferred from the text: "Wednesday (July 12)" only fits some years, the people the article
names in their roles (``hints``) narrow it further, and the years it mentions ("since November
2023") put a floor under it. The reasoning is kept (``anchor_note``, ``DateMention.note``) so
the analyst can see why an event got its year.

>>> r = DateResolver("Austin met Dong Jun on Friday (May 31).", None, today=date(2026, 11, 25))
>>> r.anchor, r.anchor_precision
(datetime.date(2024, 5, 31), 'day')
>>> [(m.text, m.value) for m in r.find("The two conducted video calls in April this year.")]
[('April this year', '2024-04')]

What the expressions look like is :mod:`briefing.extract.date_patterns`' business; this module
only gives them meaning.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from briefing.extract.date_patterns import (
    WEEKDAY_NAMES,
    Token,
    add_months,
    iso_month,
    safe_date,
    scan,
    weekday_near,
    weighted_distance,
)
from briefing.extract.lexicon import lexicon

__all__ = ["DateMention", "DateResolver", "is_dateline", "parse_published"]

EARLIEST_YEAR = 1990  # no article in this desk's scope is older
_MAX_MONTH_DAY_GAP = 300  # days: "February 29" in a 2023 article is not 2024's
_LATE_MODS = frozenset({"end of", "late", "later"})
_ISO_PREFIX = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])")
# "SINGAPORE, June 1 -", "Beijing, March 5 (Xinhua) --": a place set off before the date ...
_DATELINE_HEAD = re.compile(r"^\s*[A-Z][^\n.!?;:()]{0,50},\s*$")
# ... and the agency and the dash after it
_DATELINE_TAIL = re.compile(r"^\.?(?:,\s*\d{4})?\s*(?:\([^()\n]{1,30}\)\s*)?(?:-|--|—|–)\s")
_DATELINE_SPAN = 90
_DATELINE_DASH = re.compile(r"[-—–]\s")


def is_dateline(before: str, after: str) -> bool:
    """A date between ``before`` ("SINGAPORE, ") and ``after`` (" - ...") is the story's dateline."""
    return len(before) <= _DATELINE_SPAN and bool(_DATELINE_HEAD.match(before)) and bool(_DATELINE_TAIL.match(after))

_DATELINE_LAG = 7  # days: a dateline is the day of writing, on or a few days before publication


@dataclass
class DateMention:
    start: int  # span within the string passed to find()
    end: int
    text: str  # as written, e.g. "Wednesday (July 12)"
    value: str | None  # ISO at its precision: "2023-07-12", "2023-07", "2023"
    precision: str | None  # "day" | "month" | "year"
    end_value: str | None = None  # last day of a range ("from September 14th to 15th")
    relative: bool = False  # "next week", "last Tuesday", "earlier this month" ...
    future: bool = False  # points after the anchor ("next week", "will ... on the 20th")
    note: str | None = None  # the reasoning when inferred (e.g. year chosen from weekday)
    modifier: str | None = None  # "early", "end of", "later" ... as said ("by the end of this year")


@lru_cache(maxsize=1)
def _release_re() -> re.Pattern | None:
    words = lexicon().get("event_dates", {}).get("release_line", [])
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?:{alt})[ \t]*:[ \t]*([^\n]{{6,60}})$", re.I | re.M)


def release_line(text: str, today: date | None = None) -> tuple[date, str, str] | None:
    r"""The date a release gives itself near its top ("Posted On: 20 AUG 2024 by PIB Delhi").

    >>> release_line("Ministry of Defence\n\nPosted On: 20 AUG 2024 by PIB Delhi\n\nText")[:2]
    (datetime.date(2024, 8, 20), 'day')
    """
    rx = _release_re()
    m = rx.search(text[:600]) if rx else None
    if not m:
        return None
    value = re.split(r"\s+(?:by|from|\|)\s+|\s+\d{1,2}:\d{2}", m.group(1).strip(), maxsplit=1)[0]
    found = parse_published(value, today)
    return (found[0], found[1], m.group(0).strip()) if found else None


def parse_published(published: str | None, today: date | None = None) -> tuple[date, str] | None:
    """A publication date or timestamp as (date, precision); None when it cannot be read.

    >>> parse_published("2024-06-01T08:30:00+08:00")
    (datetime.date(2024, 6, 1), 'day')
    >>> parse_published("2024-06"), parse_published("not a date")
    ((datetime.date(2024, 6, 1), 'month'), None)
    """
    if not published or not published.strip():
        return None
    m = _ISO_PREFIX.match(published)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
        value = safe_date(int(y), int(mo or 1), int(d or 1))
        if value is None:
            return None
        return value, "day" if d else "month" if mo else "year"
    try:  # RFC 2822 from feeds, "31 May 2024", ...: dateparser earns its keep here
        import dateparser

        parsed = dateparser.parse(published, languages=["en"], settings={
            "RELATIVE_BASE": _midnight(today or date.today()), "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # dateparser raises assorted errors on odd input; never let them out
        return None
    return (parsed.date(), "day") if parsed else None


def _midnight(d: date):
    from datetime import datetime

    return datetime(d.year, d.month, d.day)


def _parse_hint(value: str | None, default: date) -> date:
    """A hint bound: '2023-03-12' -> date; '2023' -> 1 January (start) or given default."""
    parsed = parse_published(value) if value else None
    return parsed[0] if parsed else default


def _inside(d: date, alts: list) -> int:
    """How many hints (each a list of alternative terms) allow the day ``d``."""
    return sum(any(lo <= d <= hi for lo, hi in alt) for alt in alts)


def _year_end(value: str | None, default: date) -> date:
    """The last day a hint's end bound can mean: '2023' -> 31 December 2023."""
    parsed = parse_published(value) if value else None
    if not parsed:
        return default
    d, precision = parsed
    if precision == "year":
        return date(d.year, 12, 31)
    if precision == "month":
        y, m = add_months(d.year, d.month, 1)
        return date(y, m, 1) - timedelta(days=1)
    return d


_EARLIER_MIN_DAY = 2  # "earlier this month" on the 1st or 2nd: the month before


class DateResolver:
    """Resolves the date expressions of one article against its anchor.

    ``today`` caps inference (an article is never dated after it); it defaults to the clock.
    """

    def __init__(self, text: str, published: str | None,
                 hints: "list[tuple[str | None, str | None]] | tuple" = (), today: date | None = None):
        self.text = text or ""
        self.today = today or date.today()
        self.anchor: date | None = None
        self.anchor_precision = "none"
        self.anchor_note: str | None = None
        self._cache: dict[str, list[DateMention]] = {}
        self._tokens: tuple[Token, ...] | None = None
        self._starts: list[int] = []
        self._pos = 0
        found = parse_published(published, self.today)
        if found:
            self.anchor, self.anchor_precision = found
            self.anchor_note = f"published {found[0].isoformat()}"
        else:
            if published:
                self.anchor_note = f"publication date {published!r} not understood; inferred from the text"
            line = release_line(self.text, self.today)
            if line is not None:  # "Posted On: 20 AUG 2024 by PIB Delhi": the release dates itself
                self.anchor, self.anchor_precision = line[0], line[1]
                self.anchor_note = "; ".join(filter(None, [self.anchor_note,
                                                           f"anchor {line[0].isoformat()}: the release's own line {line[2]!r}"]))
            else:
                self._infer(list(hints or ()))
        self._apply_dateline()

    # --- the dateline: the day a wire story was written -------------------------------------

    def _dateline_token(self) -> Token | None:
        """The month and day of a "CITY, June 1 -" dateline opening the text, if any."""
        head = self.text[:_DATELINE_SPAN]
        if "," not in head or not _DATELINE_DASH.search(head):
            return None
        for t in scan(head):
            if t.kind != "date" or t.m is None or t.d is None or t.d2 is not None:
                return None
            if is_dateline(head[:t.start], head[t.end:]):
                return t
            return None
        return None

    def _apply_dateline(self) -> None:
        """The dateline is the day of writing: relative dates ("on Saturday") count from it.

        With a publication date it is taken when it falls a few days before it; without one,
        it makes a year-precise anchor day-precise (the year stays the inferred one)."""
        t = self._dateline_token()
        if t is None or self.anchor is None or self.anchor_precision == "none":
            return
        a, p = self.anchor, self.anchor_precision
        if t.y is not None:
            d = safe_date(t.y, t.m, t.d)
        elif p == "year":
            d = safe_date(a.year, t.m, t.d)
        else:
            d, _ = self._month_day(t, False)
        if d is None or d > self.today:
            return
        if p == "day" and not 0 <= (a - d).days <= _DATELINE_LAG:
            return
        if p == "month" and (d.year, d.month) != (a.year, a.month):
            return
        if p == "day" and d == a:
            return
        self.anchor, self.anchor_precision = d, "day"
        self.anchor_note = "; ".join(filter(None, [self.anchor_note, f"anchor {d.isoformat()}: the dateline"]))

    # --- the anchor, when there is no publication date ------------------------------------

    def _article_tokens(self) -> tuple[Token, ...]:
        if self._tokens is None:
            self._tokens = scan(self.text)
            self._starts = [t.start for t in self._tokens]
        return self._tokens

    def _infer(self, hints: list) -> None:
        tokens = self._article_tokens()
        today = self.today
        # a hint is one term (lo, hi) or a list of one person's terms (any of them will do)
        alts = [[(_parse_hint(lo, date.min), _year_end(hi, today)) for lo, hi in ([h] if isinstance(h, tuple) else h)
                 if lo or hi] for h in hints]
        alts = [a for a in alts if a]
        ranges = [a[0] for a in alts if len(a) == 1]
        mentioned = [t.y for t in tokens if t.y and t.kind in ("date", "month", "year")
                     and not t.will and not t.fwd and EARLIEST_YEAR <= t.y <= today.year]
        latest = max(mentioned) if mentioned else None
        full = [t for t in tokens if t.kind == "date" and t.wd is not None and t.m and t.y is None and t.yoff is None]
        day_only = [t for t in tokens if t.kind == "date" and t.wd is not None and t.m is None and t.d]
        months = sorted({t.m for t in tokens if t.m and t.kind in ("date", "month")})
        notes = [self.anchor_note] if self.anchor_note else []
        pairs = [(t.m, t.d, t.wd, t.will) for t in full]
        best = None
        if pairs or (day_only and (months or alts)):
            best = self._best_year(pairs, day_only, months, alts, latest, notes)
        if best is None and self._dateline_year(tokens, alts, latest, notes):
            return
        if best is not None:
            year, days = best
            # the article was written on (or just after) the latest day it dates by weekday
            past = [d for d, will in days if not will] or [d for d, _ in days]
            self.anchor, self.anchor_precision = max(past), "day"
            notes.append(f"anchor {self.anchor.isoformat()}: the latest weekday-dated day in the text")
            self.anchor_note = "; ".join(notes)
            return
        self._infer_year(ranges, latest, notes)
        if self.anchor is not None and self.anchor_precision == "year":
            self._weekday_of_a_date(tokens)

    def _weekday_of_a_date(self, tokens) -> None:
        """"... held talks on Friday" and elsewhere "a visit from Oct. 18 to 19": with the year
        known, the lead's weekday is the day of a date the text gives that falls on it."""
        lead_end = next((t.start for t in tokens if t.start > 600), len(self.text))
        wds = {t.wd for t in tokens if t.kind == "wd" and t.start < lead_end and t.rel is None
               and not t.will and not t.fwd and t.wd is not None}
        if not wds:
            return
        y = self.anchor.year
        days = [d for t in tokens if t.kind == "date" and t.m and t.d and t.y is None and t.yoff is None
                and t.wd is None for d in [safe_date(y, t.m, t.d)] if d and d <= self.today and d.weekday() in wds]
        if days:
            d = max(days)
            self.anchor, self.anchor_precision = d, "day"
            self.anchor_note += f"; anchor {d.isoformat()}: a date in the text that fell on the lead's {WEEKDAY_NAMES[d.weekday()]}"

    def _dateline_year(self, tokens, ranges, latest, notes) -> bool:
        """"NEW DELHI, Nov 10 - ... agreed on Friday": the lead's weekday is the dateline's day (or
        the day before it), which only some years fit; the hints and the years mentioned choose."""
        dl = self._dateline_token()
        if dl is None or dl.y is not None:
            return False
        lead_end = self.text.find("\n", dl.end)  # the lead paragraph
        lead_end = len(self.text) if lead_end < 0 else lead_end
        wd = next((t.wd for t in tokens if t.kind == "wd" and dl.end <= t.start < lead_end
                   and t.rel is None and not t.will and not t.fwd), None)
        if wd is None:
            return False
        best = None
        for y in range(self.today.year, EARLIEST_YEAR - 1, -1):
            d = safe_date(y, dl.m, dl.d)
            if d is None or d > self.today or (d.weekday() - wd) % 7 > 1:
                continue
            key = (_inside(d, ranges), latest is None or y >= latest,
                   d.weekday() == wd, -abs(y - latest) if latest is not None else 0, y)
            if best is None or key > best[0]:
                best = (key, d)
        if best is None:
            return False
        d = best[1]
        self.anchor, self.anchor_precision = d, "day"
        notes.append(f"anchor {d.isoformat()}: the dateline, in a year its {WEEKDAY_NAMES[wd]} fits"
                     + (f" (inside {best[0][0]} of {len(ranges)} hint ranges)" if ranges else ""))
        self.anchor_note = "; ".join(notes)
        return True

    def _best_year(self, pairs, day_only, months, ranges, latest, notes):
        """The year (and the days it gives the weekday pairs) that fits the clues best."""
        candidates = []
        for y in range(self.today.year, EARLIEST_YEAR - 1, -1):
            # "Wednesday (25th)": any month may be meant; a month the text names is preferred,
            # but the people's terms of office (the hint ranges) outrank it
            options: list[tuple[list, bool]] = []
            if pairs:
                days = []
                for m, dd, wd, will in pairs:
                    d = safe_date(y, m, dd)
                    if d and d.weekday() == wd:
                        days.append((d, will))
                options.append((days, True))
            else:
                for mo in range(12, 0, -1):
                    days = [(d, t.will) for t in day_only
                            for d in [safe_date(y, mo, t.d)] if d and d.weekday() == t.wd]
                    options.append((days, mo in months))
            for days, named in options:
                if not days or max(d for d, _ in days) > self.today:
                    continue
                latest_day = max(d for d, _ in days)
                in_hints = _inside(latest_day, ranges)
                after = latest is None or y >= latest
                near = latest is not None and 0 <= y - latest <= 1
                candidates.append(((len(days), in_hints, named, after, near, y, latest_day), y, days))
        if not candidates:
            return None
        candidates.sort(key=lambda c: c[0], reverse=True)
        (n, in_hints, _named, after, near, y, _day), year, days = candidates[0]
        if pairs:
            m, d, wd, _ = pairs[0]
            also = [c[1] for c in candidates[1:] if c[0][0] == n][:3]
            first = f"{d} {date(2000, m, 1):%B} was a {WEEKDAY_NAMES[wd]} in {year}"
        else:
            also = []
            first = (f"day {day_only[0].d} fell on a {WEEKDAY_NAMES[day_only[0].wd]} in {max(days)[0]:%B %Y}"
                     + (" (a month the text names)" if _named else " (the month the people's terms allow)"))
        why = [first + (f" (also in {', '.join(map(str, also))})" if also else "")]
        if n < len(pairs or day_only):
            why.append(f"{n} of {len(pairs or day_only)} weekday-dated days fit")
        if ranges:
            why.append(f"inside {in_hints} of {len(ranges)} hint ranges")
        if latest is not None:
            why.append(f"latest year mentioned {latest}")
        notes.append(f"year {year}: " + "; ".join(why))
        return year, days

    def _infer_year(self, ranges, latest, notes) -> None:
        """Year precision only, from the hint ranges and the years the text mentions."""
        lo = max((r[0] for r in ranges), default=None)
        hi = min((r[1] for r in ranges), default=None)
        if ranges and lo > hi:
            lo, hi = self._most_covered(ranges, latest)
            if lo is None:
                notes.append("hint ranges do not overlap; ignored")
            else:
                notes.append(f"hint ranges do not all overlap; the years most of them cover ({lo.year}..{hi.year})")
        year = None
        if lo is not None:
            first, last = max(lo.year, EARLIEST_YEAR), min(hi.year, self.today.year)
            years = [y for y in range(first, last + 1) if latest is None or y >= latest] or list(
                range(first, last + 1))
            if latest in years:
                year = latest
                notes.append(f"year {year}: latest year mentioned, inside the hint ranges")
            elif years:
                def overlap(y):
                    return (min(hi, date(y, 12, 31)) - max(lo, date(y, 1, 1))).days
                year = max(years, key=overlap)
                extent = "the only year" if len(years) == 1 else "most of"
                notes.append(f"year {year}: {extent} the hint ranges ({lo.isoformat()}..{hi.isoformat()})")
        elif latest is not None:
            year = latest
            notes.append(f"year {year}: latest year mentioned (no publication date, no weekday-dated day)")
        if year is not None:
            self.anchor, self.anchor_precision = date(year, 1, 1), "year"
        else:
            notes.append("no anchor: no publication date, weekday-dated day, year or hint")
        self.anchor_note = "; ".join(([self.anchor_note] if self.anchor_note else []) + notes)

    def _most_covered(self, ranges, latest) -> tuple[date | None, date | None]:
        """The span of years inside the most hint ranges (a past office term of someone who
        holds another now should not void the rest); none if no year has a majority."""
        def covered(y):
            return sum(lo.year <= y <= hi.year for lo, hi in ranges)

        years = range(EARLIEST_YEAR, self.today.year + 1)
        best = max((covered(y) for y in years), default=0)
        if best * 2 <= len(ranges):
            return None, None
        top = [y for y in years if covered(y) == best]
        if latest is not None and any(y >= latest for y in top):
            top = [y for y in top if y >= latest]
        first, last = top[0], top[-1]
        return date(first, 1, 1), date(last, 12, 31)

    # --- finding -------------------------------------------------------------------------

    def find(self, sentence: str) -> list[DateMention]:
        """Every date expression in ``sentence``, resolved; spans index ``sentence``."""
        cached = self._cache.get(sentence)
        if cached is None:
            cached = []
            for tok in self._sentence_tokens(sentence):
                mention = self._mention(tok)
                if mention is not None:
                    mention.text = sentence[tok.start:tok.end]
                    cached.append(mention)
            self._cache[sentence] = cached
        return list(cached)

    def _sentence_tokens(self, sentence: str):
        """The article's own tokens when the sentence is a slice of it (no second scan)."""
        if not sentence:
            return ()
        at = self.text.find(sentence, self._pos)
        if at < 0:
            at = self.text.find(sentence)
        if at < 0:
            return scan(sentence)
        self._pos = at + len(sentence)
        tokens = self._article_tokens()
        i, end = bisect_left(self._starts, at), at + len(sentence)
        out = []
        while i < len(tokens) and tokens[i].start < end:
            t = tokens[i]
            if t.end <= end:
                out.append(t._replace(start=t.start - at, end=t.end - at))
            i += 1
        return out

    def _mention(self, tok: Token) -> DateMention | None:
        try:
            return self._resolve(tok)
        except (ValueError, OverflowError, TypeError, KeyError):
            return None

    def _resolve(self, t: Token) -> DateMention | None:  # noqa: C901 - one branch per kind
        a, p = self.anchor, self.anchor_precision
        forward = t.fwd or t.will
        if t.mod and t.mod.startswith("the "):
            t = t._replace(mod=t.mod[4:])
        mention = DateMention(t.start, t.end, "", None, None, modifier=t.mod)
        mention.relative = t.kind in ("wd", "drel", "wrel", "mrel", "ago") or t.yoff is not None or t.rel is not None
        if t.kind == "date":
            if t.y is not None:  # fully explicit
                d = safe_date(t.y, t.m, t.d)
                if d is None:
                    return None
                mention.value, mention.precision = d.isoformat(), "day"
                if t.wd is not None and d.weekday() != t.wd:
                    mention.note = f"{d.isoformat()} was a {WEEKDAY_NAMES[d.weekday()]}, not a {WEEKDAY_NAMES[t.wd]}"
            elif t.m is not None:
                d, mention.note = self._month_day(t, forward)
                if d is None and t.m == 2 and t.d == 29 and p in ("day", "month", "year"):
                    return None  # 29 February in a year that has none
                self._set_day(mention, d)
            else:
                d, mention.note = self._day_only(t, forward)
                self._set_day(mention, d)
            if mention.value and t.d2 is not None:
                start = date.fromisoformat(mention.value)
                end = safe_date(t.y2 or start.year, t.m2 or start.month, t.d2)
                if end is not None and end < start:
                    end = safe_date(end.year + 1, end.month, end.day)
                mention.end_value = end.isoformat() if end else None
        elif t.kind == "month":
            self._month(mention, t, forward)
        elif t.kind == "year":
            if t.y is not None:
                mention.value, mention.precision = f"{t.y:04d}", "year"
            elif p != "none":
                mention.value, mention.precision = f"{a.year + t.yoff:04d}", "year"
        elif t.kind == "wd":
            if p == "day":
                d = weekday_near(a, t.wd, t.rel, forward)
                mention.value, mention.precision = d.isoformat(), "day"
                mention.note = self._weekday_note(t, d)
            else:
                self._coarse(mention)
        elif t.kind in ("drel", "ago") and (t.kind == "drel" or t.unit == "day"):
            if p == "day":
                d = a + timedelta(days=t.off if t.kind == "drel" else -t.off)
                mention.value, mention.precision = d.isoformat(), "day"
            else:
                self._coarse(mention)
        elif t.kind in ("wrel", "ago") and (t.kind == "wrel" or t.unit == "week"):
            if p in ("day", "month"):
                d = a + timedelta(days=7 * (t.off if t.kind == "wrel" else -t.off))
                mention.value, mention.precision = iso_month(d.year, d.month), "month"
            else:
                self._coarse(mention)
        elif t.kind in ("mrel", "ago") and (t.kind == "mrel" or t.unit == "month"):
            if p in ("day", "month"):
                y, m = add_months(a.year, a.month, t.off if t.kind == "mrel" else -t.off)
                if t.kind == "mrel" and t.off == 0 and t.mod == "earlier" and p == "day" and a.day <= _EARLIER_MIN_DAY:
                    # "earlier this month" in a story dated the 1st was written the month before
                    y, m = add_months(y, m, -1)
                    mention.note = f"'earlier this month' cannot fall in the anchor's month ({a.isoformat()})"
                mention.value, mention.precision = iso_month(y, m), "month"
            else:
                self._coarse(mention)
        elif t.kind == "ago" and t.unit == "year" and p != "none":
            mention.value, mention.precision = f"{a.year - t.off:04d}", "year"
        mention.future = bool(forward or self._after_anchor(mention) or self._later_in_period(t))
        return mention

    def _later_in_period(self, t: Token) -> bool:
        """"The end of this year" said in May, "late this month" said on the 5th: still ahead."""
        a, p = self.anchor, self.anchor_precision
        if t.mod not in _LATE_MODS or p not in ("day", "month"):
            return False
        if t.kind == "year" and t.yoff == 0:
            return a.month < 12
        return t.kind == "mrel" and t.off == 0 and p == "day" and a.day < 20

    def _set_day(self, mention: DateMention, d: date | None) -> None:
        if d is not None:
            mention.value, mention.precision = d.isoformat(), "day"

    def _coarse(self, mention: DateMention) -> None:
        """Only the anchor's month or year is known: the mention gets that much."""
        a, p = self.anchor, self.anchor_precision
        if p == "month":
            mention.value, mention.precision = iso_month(a.year, a.month), "month"
        elif p == "year":
            mention.value, mention.precision = f"{a.year:04d}", "year"
        if mention.value:
            mention.note = f"only the article's {p} is known"

    def _month_day(self, t: Token, forward: bool) -> tuple[date | None, str | None]:
        """Month and day without a year: the year that puts it nearest the anchor."""
        a, p = self.anchor, self.anchor_precision
        if p == "none":
            return None, None
        if t.yoff is not None:
            d = safe_date(a.year + t.yoff, t.m, t.d)
            return d, None
        years = [a.year] if p == "year" else [a.year - 1, a.year, a.year + 1]
        cands = [d for d in (safe_date(y, t.m, t.d) for y in years) if d]
        note = None
        if t.wd is not None:
            fits = [d for d in cands if d.weekday() == t.wd]
            if not fits and p == "year":
                fits = [d for d in (safe_date(y, t.m, t.d) for y in (a.year - 1, a.year + 1)) if d and d.weekday() == t.wd]
            if fits:
                cands = fits
            elif cands:
                note = f"the {WEEKDAY_NAMES[t.wd]} does not fit {t.d}/{t.m} near the anchor; weekday ignored"
        if not cands:
            return None, None
        if p == "year":
            d = min(cands, key=lambda c: abs(c.year - a.year))
        else:
            ref = a if p == "day" else date(a.year, a.month, 15)
            cands = [c for c in cands if abs(c.toordinal() - ref.toordinal()) <= _MAX_MONTH_DAY_GAP] or (
                cands if t.wd is not None else [])
            if not cands:
                return None, None
            d = min(cands, key=lambda c: weighted_distance(ref.toordinal(), c.toordinal(), forward))
        return d, note or f"year {d.year} from the article's anchor ({self._anchor_iso()})"

    def _day_only(self, t: Token, forward: bool) -> tuple[date | None, str | None]:
        """A day of the month alone ("on the 14th", "(26th)", 25日): month from the anchor."""
        a, p = self.anchor, self.anchor_precision
        if p not in ("day", "month"):
            return None, None
        if p == "month":
            return safe_date(a.year, a.month, t.d), f"month from the article's anchor ({self._anchor_iso()})"
        shift = t.off if t.unit == "month" else None  # "the 14th of last month"
        months = [shift] if shift is not None else [-1, 0, 1]
        cands = [d for d in (safe_date(*add_months(a.year, a.month, k), t.d) for k in months) if d]
        if t.wd is not None and any(d.weekday() == t.wd for d in cands):
            cands = [d for d in cands if d.weekday() == t.wd]
        if not cands:
            return None, None
        d = min(cands, key=lambda c: weighted_distance(a.toordinal(), c.toordinal(), forward))
        return d, f"month and year from the article's anchor ({self._anchor_iso()})"

    def _month(self, mention: DateMention, t: Token, forward: bool) -> None:
        a, p = self.anchor, self.anchor_precision
        if t.y is not None:
            mention.value, mention.precision = iso_month(t.y, t.m), "month"
            return
        if p == "none":
            return
        if t.yoff is not None:
            y = a.year + t.yoff
        elif t.rel == "last":  # "last November": the latest November before the anchor's month
            y = a.year if t.m < a.month or p == "year" else a.year - 1
        elif t.rel == "next":
            y = a.year if t.m > a.month or p == "year" else a.year + 1
        elif p == "year" or t.rel == "this":
            y = a.year
        else:
            ref = a.year * 12 + a.month
            y = min((a.year - 1, a.year, a.year + 1),
                    key=lambda yy: weighted_distance(ref, yy * 12 + t.m, forward))
            mention.note = f"year {y} from the article's anchor ({self._anchor_iso()})"
        mention.value, mention.precision = iso_month(y, t.m), "month"

    def _after_anchor(self, mention: DateMention) -> bool:
        """The resolved value starts after the anchor, compared at the coarser precision."""
        if not mention.value or self.anchor is None:
            return False
        order = {"year": 4, "month": 7, "day": 10}
        width = min(order[mention.precision], order.get(self.anchor_precision, 0))
        return width > 0 and mention.value[:width] > self.anchor.isoformat()[:width]

    def _anchor_iso(self) -> str:
        a, p = self.anchor, self.anchor_precision
        return a.isoformat() if p == "day" else iso_month(a.year, a.month) if p == "month" else f"{a.year}"

    def _weekday_note(self, t: Token, d: date) -> str:
        name = WEEKDAY_NAMES[t.wd]
        if t.rel in ("zlast", "zthis", "znext"):
            return f"{name} of the {'previous' if t.rel == 'zlast' else 'next' if t.rel == 'znext' else 'same'} " \
                   f"week as {self._anchor_iso()}"
        if t.rel == "last":
            return f"the {name} before {self._anchor_iso()}"
        if d > self.anchor:
            return f"the first {name} after {self._anchor_iso()}"
        return f"the most recent {name} on or before {self._anchor_iso()}"
