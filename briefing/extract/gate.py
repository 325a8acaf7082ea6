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
_LEADING_GROUP = re.compile(r"\(\?:([^()\\\[\]?*+.{}^$]+)\)")


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


_LEAD = re.compile(r"\(\?<?[=!][^()]*\)|\\b|\[[^\]]*\]")


def _skip_lead(pattern: str) -> int:
    """Skip leading look-arounds, word boundaries and one character class: the gate only needs
    text a match must *contain*, so what follows them serves as well as a prefix.

    >>> _skip_lead("(?<!so-)calls?"), _skip_lead("['’]s calls?")
    (8, 4)
    """
    i = 0
    while True:
        m = _LEAD.match(pattern, i)
        if not m:
            return i
        i = m.end()
        if m.group().startswith("["):
            return i


def literal_prefixes(pattern: str, limit: int = 64) -> list[str]:
    """Every literal beginning a match must have: plain text, groups of plain alternatives and
    optional characters or groups are expanded; the first other construct ends the prefix.

    >>> literal_prefixes("(?:phone|telephone) (?:call|calls)")
    ['phone call', 'phone calls', 'telephone call', 'telephone calls']
    >>> literal_prefixes("co-?hosted"), literal_prefixes("by (?:phone|telephone)"), literal_prefixes("work(?:ing)? m")
    (['co-hosted', 'cohosted'], ['by phone', 'by telephone'], ['working m', 'work m'])
    """
    out = [""]
    i = _skip_lead(pattern)
    while i < len(pattern):
        m = _LEADING_GROUP.match(pattern, i)
        if m:
            options, i = m.group(1).split("|"), m.end()
        elif pattern[i] == "\\" and i + 1 < len(pattern) and not pattern[i + 1].isalnum():
            options, i = [pattern[i + 1]], i + 2  # an escaped punctuation mark is literal
        elif _META.match(pattern, i):
            break
        else:
            options, i = [pattern[i]], i + 1
        if i < len(pattern) and pattern[i] == "?":
            options, i = options + [""], i + 1
        elif i < len(pattern) and pattern[i] in "*{":
            break  # the last piece repeats or may be absent: keep what came before
        if len(out) * len(options) > limit:
            break
        out = [p + o for p in out for o in options]
    return [p.casefold() for p in out]


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
        # a literal that contains another is implied by it: keep only the minimal ones
        minimal = [x for x in literals if not any(y != x and y in x for y in literals)]
        self.literals = tuple(sorted(minimal))
        self._rest = re.compile("|".join(f"(?:{p})" for p in rest), re.I) if rest else None

    def may_match(self, text: str) -> bool:
        if any(map(text.casefold().__contains__, self.literals)):  # iterated in C
            return True
        return bool(self._rest and self._rest.search(text))
