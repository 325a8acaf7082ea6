"""Word tokens with spans, and a longest-match phrase table over them.

Every phrase list of the extractor (aliases, role phrases, countries, places, cues) is
matched token by token rather than by one huge regular expression: a dict lookup per
token keeps extraction fast however long the gazetteer grows.

>>> toks = tokenize("U.S. Secretary of Defense Austin's visit")
>>> [t.norm for t in toks]
['u.s', 'secretary', 'of', 'defense', 'austin', 'visit']
>>> table = PhraseTable({"secretary of defense": "defense_minister"})
>>> table.match(toks, 1)
(3, 'defense_minister')
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, Iterable, TypeVar

_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F'’.\-]*[A-Za-z0-9\u00C0-\u024F])?")
_POSSESSIVE = re.compile(r"['’]s?$")

V = TypeVar("V")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str
    capitalised: bool


_NORM_CACHE: dict[str, str] = {}


def norm_token(text: str) -> str:
    """Casefolded, accents dropped, possessive cut: ``"Austin's"`` -> ``"austin"``."""
    cached = _NORM_CACHE.get(text)
    if cached is not None:
        return cached
    if len(_NORM_CACHE) > 200_000:  # bounded: news vocabulary is large but not unbounded
        _NORM_CACHE.clear()
    key = text
    text = text.casefold().replace("’", "'")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if text.endswith("'s") or text.endswith("s'"):
        text = text[:-2] if text.endswith("'s") else text[:-1]
    _NORM_CACHE[key] = text
    return text


def tokenize(text: str, offset: int = 0) -> list[Token]:
    norm = _NORM_CACHE.get
    find = text.find
    out = []
    append = out.append
    pos = 0
    # findall plus str.find is faster than match objects; a word's first occurrence from the
    # previous word's end is the word itself, as what the regex skipped cannot start a word
    for word in _TOKEN.findall(text):
        start = find(word, pos)
        pos = start + len(word)
        append(Token(start + offset, pos + offset, word, norm(word) or norm_token(word), word[0].isupper()))
    return out


def phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(phrase))


class PhraseTable(Generic[V]):
    """Phrases (token sequences) to values; ``match`` finds the longest phrase at a token."""

    def __init__(self, phrases: dict[str, V] | Iterable[tuple[str, V]] = (), plurals: bool = False):
        self.first: dict[str, dict[tuple[str, ...], V]] = {}
        self.lengths: dict[str, list[int]] = {}  # per first word, the phrase lengths, longest first
        self.max_len = 0
        items = phrases.items() if isinstance(phrases, dict) else phrases
        for phrase, value in items:
            self.add(phrase, value, plurals)

    def add(self, phrase: str | tuple[str, ...], value: V, plurals: bool = False) -> None:
        key = phrase if isinstance(phrase, tuple) else phrase_key(phrase)
        if not key:
            return
        keys = [key]
        if plurals and not key[-1].endswith("s"):
            keys.append(key[:-1] + (key[-1] + "s",))
        for k in keys:
            bucket = self.first.setdefault(k[0], {})
            bucket.setdefault(k, value)
            self.max_len = max(self.max_len, len(k))
            lens = self.lengths.setdefault(k[0], [])
            if len(k) not in lens:
                lens.append(len(k))
                lens.sort(reverse=True)

    def get(self, key: tuple[str, ...]) -> V | None:
        bucket = self.first.get(key[0]) if key else None
        return bucket.get(key) if bucket else None

    def match(self, tokens: list[Token], i: int) -> tuple[int, V] | None:
        """(number of tokens, value) of the longest phrase starting at token ``i``."""
        bucket = self.first.get(tokens[i].norm)
        if not bucket:
            return None
        n = len(tokens)
        for length in self.lengths[tokens[i].norm]:
            if length > n - i:
                continue
            key = tuple(t.norm for t in tokens[i:i + length])
            value = bucket.get(key)
            if value is not None:
                return length, value
        return None
