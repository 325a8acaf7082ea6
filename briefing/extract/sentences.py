"""Sentences in English and Chinese, with their spans.

>>> [s.text for s in split_sentences("Austin met Dong. They talked.秦刚会见了他。他说好。")]
['Austin met Dong.', 'They talked.', '秦刚会见了他。', '他说好。']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.extract.lexicon import lexicon


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int


_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*\S)")
# an end of sentence: . ! ? (and a closing quote) then space and an opening character;
# or a Chinese full stop anywhere
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"”’)]?(?:\s+(?=[\"“‘(]?[A-Z0-9])|\s*(?=[\u4e00-\u9fff]))|(?<=[。！？；])[”」]?\s*")


def _abbreviations() -> frozenset[str]:
    return frozenset(a.casefold() for a in lexicon()["sentences"]["abbreviations"])


def _ends_in_abbreviation(text: str, stop: int, abbrevs: frozenset[str]) -> bool:
    """True when the full stop at ``stop`` closes an abbreviation ("U.S.", "Mr.") or an initial."""
    if text[stop] != ".":
        return False
    k = stop
    while k > 0 and stop - k < 12 and (text[k - 1].isalnum() or text[k - 1] == "."):
        k -= 1
    word = text[k:stop]
    if not word:
        return False
    if word.casefold() in abbrevs:
        return True
    return len(word) == 1 and word.isupper()  # an initial: "Lloyd J. Austin"


def split_sentences(text: str) -> list[Sentence]:
    """Split into sentences (never across paragraphs), keeping offsets into ``text``."""
    abbrevs = _abbreviations()
    out: list[Sentence] = []
    para = 0
    pos = 0
    for pm in [*_PARAGRAPH.finditer(text), None]:
        p_end = pm.start() if pm else len(text)
        block_start = pos
        cut = block_start
        for bm in _BOUNDARY.finditer(text, block_start, p_end):
            stop = bm.start() - 1
            while stop > block_start and text[stop] in "\"”’)":
                stop -= 1
            if _ends_in_abbreviation(text, stop, abbrevs):
                continue
            _append(out, text, cut, bm.start(), para)
            cut = bm.end()
        _append(out, text, cut, p_end, para)
        if pm:
            pos = pm.end()
            para += 1
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], para, len(out)))
