"""The bundled gazetteer (``briefing/data/*.toml``): actors, offices, countries.

Loaded once per process; the store keeps a copy (actors, aliases, offices) so the app and
Datasette can show it, and the analyst's additions live beside it there.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass
class Office:
    office: str
    title: str | None
    start: str | None
    end: str | None
    country: str | None = None


@dataclass
class Actor:
    key: str
    name: str
    kind: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    zh: list[str] = field(default_factory=list)
    mt: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class Gazetteer:
    actors: dict[str, Actor]
    offices: list[dict[str, Any]]
    countries: list[dict[str, Any]]
    digest: str


def data_files(data_dir: Path = DATA_DIR) -> list[Path]:
    files = [data_dir / "offices.toml", data_dir / "countries.toml"]
    files += sorted((data_dir / "gazetteer").glob("*.toml"))
    return [f for f in files if f.is_file()]


def data_digest(data_dir: Path = DATA_DIR) -> str:
    """A hash of the data files' bytes: tells whether the store's copy is current without parsing."""
    digest = hashlib.sha256()
    for path in data_files(data_dir):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    digest = hashlib.sha256()
    actors: dict[str, Actor] = {}
    offices: list[dict[str, Any]] = []
    countries: list[dict[str, Any]] = []
    for path in data_files(data_dir):
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        doc = tomllib.loads(raw.decode("utf-8"))
        offices += doc.get("offices", [])
        countries += doc.get("countries", [])
        for a in doc.get("actors", []):
            actor = Actor(
                key=a["key"], name=a["name"], kind=a.get("kind", "person"), country=a.get("country"),
                aliases=list(a.get("aliases", [])), short=list(a.get("short", [])), zh=list(a.get("zh", [])),
                mt=list(a.get("mt", [])), sources=list(a.get("sources", [])),
                offices=[Office(o["office"], o.get("title"), str(o.get("start") or "") or None,
                                str(o.get("end") or "") or None, o.get("country", a.get("country")))
                         for o in a.get("offices", [])],
            )
            actors[actor.key] = actor
    return Gazetteer(actors=actors, offices=offices, countries=countries, digest=digest.hexdigest())
