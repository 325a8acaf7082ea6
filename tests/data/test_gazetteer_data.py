"""The bundled data files hold together: keys, offices, countries and sources all resolve."""
from __future__ import annotations

import re
import tomllib
from collections import Counter

from briefing.extract.gazetteer import DATA_DIR, load_gazetteer

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _docs():
    return {p.name: tomllib.loads(p.read_text()) for p in sorted((DATA_DIR / "gazetteer").glob("*.toml"))}


def test_actor_keys_are_unique_across_files():
    keys = Counter(a["key"] for doc in _docs().values() for a in doc.get("actors", []))
    assert [k for k, n in keys.items() if n > 1] == []


def test_every_office_and_country_is_defined():
    gaz = load_gazetteer()
    offices = {o["id"] for o in gaz.offices}
    countries = {c["code"] for c in gaz.countries}
    for actor in gaz.actors.values():
        assert actor.country in countries, actor.key
        for o in actor.offices:
            assert o.office in offices, (actor.key, o.office)


def test_every_actor_cites_a_source_defined_in_its_file():
    for name, doc in _docs().items():
        defined = {s["id"] for s in doc.get("sources", [])}
        for a in doc.get("actors", []):
            assert a.get("sources"), (name, a["key"])
            assert set(a["sources"]) <= defined, (name, a["key"])


def test_office_terms_are_iso_dates_in_order():
    for actor in load_gazetteer().actors.values():
        for o in actor.offices:
            for d in (o.start, o.end):
                assert d is None or ISO.match(d), (actor.key, d)
            if o.start and o.end:
                assert o.start[: len(o.end)] <= o.end, (actor.key, o.office)


def test_the_countries_the_issue_names_are_covered():
    countries = Counter(a.country for a in load_gazetteer().actors.values())
    for code in ("US", "CN", "RU", "VN", "PH", "JP", "KR", "IN", "AU", "ID", "MY", "SG", "TH", "BN", "KH", "LA", "MM"):
        assert countries[code] >= 1, code
