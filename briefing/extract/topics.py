"""Topics of a meeting, from the lexicon's topic patterns (``briefing/data/lexicon.toml``).

>>> Topics().find("They discussed the Taiwan Strait and the South China Sea.")[0][0]
'Taiwan Strait'
"""
from __future__ import annotations

import re

from briefing.extract.gate import LiteralGate
from briefing.extract.lexicon import lexicon

_DISCUSSION = re.compile(
    r"\b(?:discuss\w*|exchanged (?:views|in-depth)|talked about|covered|agreed|focused on|on issues|"
    r"the two sides|both sides|issues? (?:of|such as)|differences on)\b|双方|讨论|交换意见", re.I)


class Topics:
    def __init__(self) -> None:
        topics = lexicon()["topics"]
        self._names = list(topics)
        self._any = re.compile("|".join(f"(?P<t{i}>{'|'.join(f'(?:{p})' for p in pats)})"
                                        for i, pats in enumerate(topics.values())), re.I)
        # Most sentences name no topic: rule them out before the big alternation.
        self._gate = LiteralGate([p for group in topics.values() for p in group])

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(topic, start, end) for each topic named in ``text``, first mention each."""
        if not self._gate.may_match(text):
            return []
        out: dict[str, tuple[str, int, int]] = {}
        for m in self._any.finditer(text):
            topic = self._names[int(m.lastgroup[1:])]  # type: ignore[index]
            out.setdefault(topic, (topic, m.start(), m.end()))
        return list(out.values())

    def discussion(self, text: str) -> bool:
        """True for a sentence that reports what was discussed."""
        return bool(_DISCUSSION.search(text))
