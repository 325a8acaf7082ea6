"""A cheap test that a sentence *may* match any of many lexicon patterns.

Python's regular expressions try every alternative of a big alternation at every position,
so a sentence that matches none of a hundred patterns still costs tens of microseconds.
Most patterns begin with literal text; a substring test for those beginnings (done in C)
rules most sentences out first, and only the patterns with no literal beginning are tried
as regular expressions.

>>> g = LiteralGate(["video (?:call|link)", "(?:phone|telephone) call", "['’]s calls?"])
>>> g.may_match("They held a VIDEO call"), g.may_match("Markets were flat"), g.may_match("Xi's call")
(True, False, True)
"""
from __future__ import annotations

import re

_META = re.compile(r"[\\()\[\]?*+|.{}^$]")
_LEADING_GROUP = re.compile(r"^\(\?:([^()\\\[\]?*+.{}^$]+)\)")


def literal_prefix(pattern: str) -> str:
    """The literal text a pattern must start with (casefolded), or '' when it has none.

    >>> literal_prefix("ukraine (?:war|crisis)"), literal_prefix("ren ?ai reef"), literal_prefix("(?:x|y)")
    ('ukraine ', 'ren', '')
    """
    m = _META.search(pattern)
    head = pattern[: m.start()] if m else pattern
    if m and pattern[m.start()] in "?*{":  # the last literal character is optional
        head = head[:-1]
    return head.casefold()


def literal_prefixes(pattern: str) -> list[str]:
    """Possible literal beginnings: a leading group of plain alternatives counts too.

    >>> literal_prefixes("(?:phone|telephone) (?:call|calls)")
    ['phone', 'telephone']
    """
    m = _LEADING_GROUP.match(pattern)
    if m and "|" in m.group(1):
        return [alt.casefold() for alt in m.group(1).split("|")]
    return [literal_prefix(pattern)]


class LiteralGate:
    def __init__(self, patterns: list[str], min_len: int = 2) -> None:
        literals: set[str] = set()
        rest: list[str] = []
        for p in patterns:
            prefixes = literal_prefixes(p)
            if all(len(x) >= min_len for x in prefixes):
                literals.update(prefixes)
            else:
                rest.append(p)
        self.literals = tuple(sorted(literals))
        self._rest = re.compile("|".join(f"(?:{p})" for p in rest), re.I) if rest else None

    def may_match(self, text: str) -> bool:
        low = text.casefold()
        for lit in self.literals:
            if lit in low:
                return True
        return bool(self._rest and self._rest.search(text))
