"""The extractor's vocabulary (``briefing/data/lexicon.toml`` and ``places.toml``), loaded once."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any

from briefing.extract.gazetteer import DATA_DIR


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    with (DATA_DIR / "lexicon.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def places() -> list[dict[str, Any]]:
    with (DATA_DIR / "places.toml").open("rb") as fh:
        return tomllib.load(fh)["places"]


def alternation(words: list[str]) -> str:
    """Literal words as a regex alternation, longest first (so "talked about" beats "talked")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

