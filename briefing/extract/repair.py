"""Machine-translation artefacts repaired before parsing, with a map back to the stored text.

Evidence offsets must index the article *as stored*, so every repair is an insertion or a
deletion of single characters recorded in an offset map.

>>> r = repair("talks ended.The Sino -US channel")
>>> r.text
'talks ended. The Sino-US channel'
>>> r.span(r.text.index("Sino"), r.text.index("Sino") + len("Sino-US"))
(16, 24)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# a full stop, ! or ? glued to the next sentence: "stagnant.The", 'officials."This'
# (Each pattern starts with the character it is about, lookbehinds after it, so the regex
# engine can skip ahead to candidates instead of trying a lookbehind at every position.)
_GLUED_STOP = re.compile(r"([.!?])(?<=[a-z\)\]0-9”’\"][.!?])([\"“”]?)(?=[A-Z“\"])")
# broken hyphenation: "Sino -US", "co -hosted", "Indo -Pacific"
_BROKEN_HYPHEN = re.compile(r" (?<=[A-Za-z] )(?=-[A-Za-z])")
_BROKEN_HYPHEN_AFTER = re.compile(r" (?<=[A-Za-z]- )(?=[A-Za-z])")
# "Washington’ s", "China ’s"
_BROKEN_POSSESSIVE = re.compile(r"(?<=\w)( ?)[’'](?: )s\b|(?<=\w) [’']s\b")
_STRAY_STOP = re.compile(r"[.](?<= [.])(?=[A-Z])")
_SPACE_BEFORE_S = re.compile(r" (?:(?<=\w )(?=[’']s\b)|(?<=\w[’'] )(?=s\b))")
_MULTI_SPACE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


@dataclass
class Repaired:
    text: str
    offsets: list[int]  # offsets[i] = index in the original text of repaired character i
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span in the repaired text as a span of the original text."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        s = self.offsets[start]
        e = self.offsets[end - 1] + 1 if end > start else s
        return s, e


def _edits(text: str) -> tuple[set[int], dict[int, str]]:
    """Positions to delete, and text to insert before positions, in the original text."""
    delete: set[int] = set()
    insert: dict[int, str] = {}
    quotes = 0
    last = 0
    for m in _GLUED_STOP.finditer(text):
        quotes += text.count('"', last, m.start())
        last = m.start()
        q = m.group(2)
        if q == '"':
            # inside a quotation the quote closes it (space after); outside it opens one
            pos = m.end(2) if quotes % 2 == 1 else m.end(1)
        elif q:
            pos = m.end(2) if q == "”" else m.end(1)
        else:
            pos = m.end(1)
        insert[pos] = " "
    for m in _STRAY_STOP.finditer(text):  # "China. .After": the stray stop ends a sentence
        insert[m.end()] = " "
    for m in _BROKEN_HYPHEN.finditer(text):
        delete.add(m.start())
    for m in _BROKEN_HYPHEN_AFTER.finditer(text):
        delete.add(m.start())
    for m in _SPACE_BEFORE_S.finditer(text):
        delete.add(m.start())
    for m in _MULTI_SPACE.finditer(text):
        delete.update(range(m.start() + 1, m.end()))
    return delete, insert


def repair(text: str) -> Repaired:
    """Repair a copy of ``text``; keep where each character came from."""
    delete, insert = _edits(text)
    if not delete and not insert:
        return Repaired(text, list(range(len(text))), len(text))
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        ins = insert.get(i)
        if ins:
            out.append(ins)
            offsets.extend([i] * len(ins))
        if i in delete:
            continue
        out.append(ch)
        offsets.append(i)
    if len(text) in insert:
        out.append(insert[len(text)])
        offsets.append(len(text))
    return Repaired("".join(out), offsets, len(text))
