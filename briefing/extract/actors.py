"""Finding actor mentions in a sentence and resolving them to canonical actors.

Ways a person is named, tried in this order:

1. a spelling the gazetteer (or the analyst) lists: full names anywhere, surnames only with
   context (a role beside them, or in office at the article's date);
2. a role phrase beside an unknown spelling ("US Assistant Defense Minister Latna"): the
   holder of that office at the date whose name sounds closest ('auto' alias);
3. a spelling close to a known name or to the romanisation (pypinyin) of a known Chinese
   form ('auto' alias; rapidfuzz ratio >= FUZZY_MIN, see below);
4. a role phrase alone ("the Chinese defense minister", "Sino-US defense ministers"): the
   office holder(s) at the date;
5. an unknown person with a role: a new actor ('extracted'), never dropped.

An alias an analyst removed never resolves to that actor again; one they added does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from rapidfuzz import fuzz, process

from briefing.extract.gazetteer import Gazetteer
from briefing.extract.lexicon import lexicon
from briefing.extract.tokens import PhraseTable, Token, norm_token, phrase_key, tokenize
from briefing.store.events import norm_name

# A misspelt name resolves to a known one at rapidfuzz ratio >= 85 on the letters alone
# ("wuyaman"/"wuyanan" 86, "weifeng"/"weifenghe" 88, "latna"/"latena" 91), while distinct
# names in the gazetteer stay apart ("liqiang"/"likeqiang" 88 is refused by the surname
# rule: both family names must agree when the mention has two or more words).
FUZZY_MIN = 85
# Beside a role phrase the office holder is already known; the spelling only has to be
# recognisably the same name (Perosi/Pelosi 83, Brillings/Blinken 50), not a different one
# (Dong Jun / Li Shangfu 22).
ROLE_MATCH_MIN = 45
ROLE_MATCH_ANY_COUNTRY = 55  # the same, when no country narrows the holders (set on the dev sets' garbled names)
HINT_MATCH_MIN = 80  # a name beside a role, against every holder the role ever had (see holder_by_name)

CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass
class ActorInfo:
    key: str
    name: str
    kind: str
    country: str | None
    offices: list[tuple[str, str | None, str | None, str | None]] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # letters-only spellings and romanisations
    zh: list[str] = field(default_factory=list)


@dataclass
class Mention:
    start: int  # in the sentence's (repaired) text coordinates, absolute
    end: int
    text: str
    key: str | None = None
    name: str = ""
    country: str | None = None
    kind: str = "person"
    alias_source: str = "bundled"
    role: str | None = None
    office: str | None = None
    role_only: bool = False
    weak: bool = False  # an unknown capitalised name with no role: a person only if needed
    commentator: bool = False
    speaker: bool = False


@dataclass
class RoleSpan:
    start: int  # token-extended span incl. the country words before it
    end: int
    phrase_start: int
    office: str
    countries: list[str]
    text: str
    plural: bool = False


@lru_cache(maxsize=8192)
def _surnames(name: str) -> tuple[str, ...]:
    """The words a surname alone may be: a name's first and last words ("Dong Jun", "Rajnath Singh")."""
    words = phrase_key(name)
    return (words[0], words[-1]) if words else ()


def letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", norm_name(text))


@lru_cache(maxsize=4096)
def romanise(zh: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(zh))


_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "夏侯")


def pinyin_name(zh: str, foreign: bool = False) -> str:
    """A Chinese personal name as English copy writes it: 李鸿忠 -> "Li Hongzhong"; a foreign
    name in transliteration as one word: 巴特图勒嘎 -> "Batetulega"."""
    from pypinyin import lazy_pinyin

    if foreign:
        return "".join(lazy_pinyin(zh)).capitalize()
    cut = 2 if zh[:2] in _COMPOUND_SURNAMES else 1
    family, given = "".join(lazy_pinyin(zh[:cut])), "".join(lazy_pinyin(zh[cut:]))
    return " ".join(p.capitalize() for p in (family, given) if p)


def _date_key(d: str | None, width: int) -> str | None:
    return d[:width] if d else None


def in_office(start: str | None, end: str | None, date: str | None) -> bool:
    if not date:
        return end is None
    w = len(date)
    s, e = _date_key(start, w), _date_key(end, w)
    return (s is None or s <= date) and (e is None or date <= e)


class ActorIndex:
    """Every way to name an actor, built once per extractor (not per article)."""

    def __init__(self, gaz: Gazetteer, store_aliases: Iterable[tuple[str, str, str, str | None, str, int]] = ()):
        lex = lexicon()
        self.actors: dict[str, ActorInfo] = {}
        self.full: PhraseTable[set[str]] = PhraseTable()
        self.short: PhraseTable[set[str]] = PhraseTable()
        self.zh: dict[str, set[str]] = {}
        self.pinyin: dict[str, set[str]] = {}
        self.removed: set[tuple[str, str]] = set()
        self.holders: dict[str, list[tuple[str, str | None, str | None, str | None]]] = {}
        for a in gaz.actors.values():
            info = ActorInfo(a.key, a.name, a.kind, a.country,
                             [(o.office, o.country, o.start, o.end) for o in a.offices])
            self.actors[a.key] = info
            for form in (a.name, *a.aliases, *a.mt):
                self._add(self.full, form, a.key)
                info.forms.append(letters(form))
            for form in a.short:
                self._add(self.short, form, a.key)
                info.forms.append(letters(form))
            info.zh = list(a.zh)
            for form in a.zh:
                self.zh.setdefault(form, set()).add(a.key)
                py = romanise(form.replace("·", ""))
                if py:
                    self.pinyin.setdefault(py, set()).add(a.key)
                    info.forms.append(py)
            for o in info.offices:
                self.holders.setdefault(o[0], []).append((a.key, o[1], o[2], o[3]))
        # the store: analyst aliases resolve, removed ones never do (any source)
        for key, alias, norm, country, source, removed in store_aliases:
            if removed:
                self.removed.add((norm, key))
                self.removed.add((letters(alias), key))
                continue
            if key not in self.actors:
                self.actors[key] = ActorInfo(key, alias, "person", country)
            if CJK.search(alias):
                self.zh.setdefault(alias, set()).add(key)
            else:
                self._add(self.full, alias, key)
                self.actors[key].forms.append(letters(alias))
        self._zh_re = re.compile("|".join(map(re.escape, sorted(self.zh, key=len, reverse=True)))) if self.zh else None
        # fuzzy choices: letters-only full names, aliases, romanised Chinese forms
        choices: dict[str, set[str]] = {}
        for key, info in self.actors.items():
            if info.kind != "person":
                continue
            for f in info.forms:
                if len(f) >= 5:
                    choices.setdefault(f, set()).add(key)
        self.fuzzy_choices = list(choices)
        self.fuzzy_keys = [choices[c] for c in self.fuzzy_choices]
        self._fuzzy_cache: dict[str, tuple[str, str] | None] = {}
        self._build_roles(gaz)
        self._build_countries(gaz)
        names = lex["names"]
        honorifics = names.get("honorifics", [])
        self.not_names = {norm_token(w) for w in names["not_names"]} | {norm_token(w) for w in honorifics if " " not in w}
        self.honorific_gap = re.compile(r"^[\s,]*(?:(?:" + "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
                                        + r")\.?\s+)+$", re.I) if honorifics else None
        self.org_words = {norm_token(w) for w in names["org_words"]}
        self.not_person_words = {norm_token(w) for w in names.get("not_person_words", [])}
        self.commentator_re = re.compile(r"\b(?:" + "|".join(lex["speech"]["commentator_roles"]) + r")\b", re.I)

    @staticmethod
    def _add(table: PhraseTable[set[str]], form: str, key: str) -> None:
        k = phrase_key(form)
        if not k:
            return
        existing = table.get(k)
        if existing is None:
            table.add(k, {key})
        else:
            existing.add(key)

    def _build_roles(self, gaz: Gazetteer) -> None:
        self.roles: PhraseTable[str] = PhraseTable()
        self.zh_roles: dict[str, str] = {}
        # a phrase only one country uses ("raksha mantri": India's defence minister) names
        # that country's office even with no country word beside it
        self.role_country: dict[tuple[str, ...], str] = {}
        phrases: dict[str, list[str]] = {}
        for o in gaz.offices:
            for p in o.get("phrases", []):
                country = o.get("country")
                if isinstance(p, dict):
                    p, country = p["phrase"], p.get("country", country)
                self.roles.add(p, o["id"], plurals=True)
                if country:
                    key = phrase_key(p)
                    self.role_country[key] = country
                    if not key[-1].endswith("s"):
                        self.role_country[key[:-1] + (key[-1] + "s",)] = country
                phrases.setdefault(o["id"], []).append(p.casefold())
            for z in o.get("zh", []):
                self.zh_roles.setdefault(z, o["id"])
        # a generic office also finds holders of the specific offices it prefixes
        # ("assistant secretary of defense" -> "... for indo-pacific security affairs")
        self.related: dict[str, set[str]] = {oid: {oid} for oid in phrases}
        for gid, gps in phrases.items():
            for sid, sps in phrases.items():
                if sid != gid and any(s.startswith(g + " ") for g in gps for s in sps):
                    self.related[gid].add(sid)
        self._zh_role_re = re.compile("|".join(map(re.escape, sorted(self.zh_roles, key=len, reverse=True)))) \
            if self.zh_roles else None

    def _build_countries(self, gaz: Gazetteer) -> None:
        self.countries: PhraseTable[str] = PhraseTable()
        self.country_names: dict[str, str] = {}
        self.zh_countries: dict[str, str] = {}
        self.zh_country_chars: dict[str, str] = {}
        for c in gaz.countries:
            code = c["code"]
            self.country_names[code] = c["name"]
            for form in (c["name"], *c.get("aliases", []), *c.get("adjectives", []), *c.get("capitals", [])):
                form = form.strip("-")
                if form.lower().startswith("the "):
                    form = form[4:]
                self.countries.add(form, code)
            for z in c.get("zh", []):
                if len(z) == 1:
                    self.zh_country_chars.setdefault(z, code)
                else:
                    self.zh_countries.setdefault(z, code)
        self.zh_country_names_by_length = sorted(self.zh_countries, key=len, reverse=True)
        # (a name inside a country's name is no name: 罗斯 in 俄罗斯)
        self.zh_country_re = re.compile("|".join(map(re.escape, self.zh_country_names_by_length))) \
            if self.zh_countries else None

    # -- offices ----------------------------------------------------------------------

    def office_holders(self, office: str, country: str | None, date: str | None) -> list[str]:
        found: list[tuple[bool, str, str | None]] = []
        for oid in self.related.get(office, {office}):
            for key, ocountry, start, end in self.holders.get(oid, []):
                c = ocountry or self.actors[key].country
                if country and c != country:
                    continue
                if in_office(start, end, date):
                    found.append((oid == office, key, start))
        if not found and date is None:
            return []
        # the office itself before the specific offices it covers; then the latest to take office
        found.sort(key=lambda x: (x[0], x[2] or ""), reverse=True)
        return list(dict.fromkeys(k for _, k, _ in found))

    def terms(self, key: str, office: str) -> list[tuple[str | None, str | None]]:
        """Every (start, end) term ``key`` held ``office`` (or an office it covers)."""
        rel = self.related.get(office, {office})
        info = self.actors.get(key)
        return [(start, end) for oid, _c, start, end in (info.offices if info else ()) if oid in rel]

    def held_office(self, key: str, office: str) -> tuple[str | None, str | None] | None:
        rel = self.related.get(office, {office})
        for oid, _c, start, end in self.actors.get(key, ActorInfo(key, "", "", None)).offices:
            if oid in rel:
                return start, end
        return None

    def country_of_word(self, tokens: list[Token], i: int) -> tuple[int, list[str]] | None:
        """Country words at token i: 'Chinese' -> ['CN']; 'Sino-US' -> ['CN', 'US']."""
        m = self.countries.match(tokens, i)
        if m:
            return m[0], [m[1]]
        tok = tokens[i]
        if "-" in tok.norm:
            parts = [p for p in tok.norm.split("-") if p]
            codes = [self.countries.get((p,)) for p in parts]
            if len(codes) >= 2 and all(codes):
                return 1, list(dict.fromkeys(codes))  # type: ignore[arg-type]
            # "China-Japan-South Korea": the last country's name goes on into the next word
            if len(codes) >= 2 and all(codes[:-1]) and i + 1 < len(tokens):
                last = self.countries.get((parts[-1], tokens[i + 1].norm))
                if last:
                    return 2, list(dict.fromkeys(codes[:-1] + [last]))  # type: ignore[arg-type]
        return None

    # -- resolving names --------------------------------------------------------------

    def _allowed(self, keys: Iterable[str], mention: str) -> list[str]:
        n, l = norm_name(mention), letters(mention)
        return [k for k in keys if (n, k) not in self.removed and (l, k) not in self.removed]

    def _choose(self, keys: list[str], office: str | None, country: str | None, date: str | None) -> str | None:
        if len(keys) == 1:
            return keys[0]
        if office:
            hits = [k for k in keys if self.held_office(k, office)]
            if hits:
                keys = hits
        if country:
            hits = [k for k in keys if self.actors[k].country == country]
            if hits:
                keys = hits
        if len(keys) > 1 and date:
            hits = [k for k in keys if any(in_office(s, e, date) for _o, _c, s, e in self.actors[k].offices)]
            if hits:
                keys = hits
        return sorted(keys)[0] if keys else None

    def fuzzy(self, mention: str) -> tuple[str, str] | None:
        """(key, 'auto') for a spelling close to a known name or romanisation, else None."""
        if mention in self._fuzzy_cache:
            return self._fuzzy_cache[mention]
        result = None
        q = letters(mention)
        if len(q) >= 4:
            keys = self.pinyin.get(q)
            if keys:
                result = (sorted(keys)[0], "auto")
            else:
                words = norm_name(mention).split()
                best = process.extract(q, self.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=5)
                for choice, score, idx in best:
                    if abs(len(choice) - len(q)) > 3 or choice[0] != q[0]:
                        continue
                    keys = self.fuzzy_keys[idx]
                    key = sorted(keys)[0]
                    if len(words) >= 2 and not self._surname_agrees(words, key):
                        continue
                    result = (key, "auto")
                    break
        if result and not self._allowed([result[0]], mention):
            result = None
        self._fuzzy_cache[mention] = result
        return result

    def _surname_agrees(self, words: list[str], key: str) -> bool:
        info = self.actors[key]
        name_words = norm_name(info.name).split()
        heads = {words[0], words[-1]}
        return bool(heads & {name_words[0], name_words[-1]}) or any(
            f.startswith(words[0]) or f.endswith(words[-1]) for f in info.forms)

    def resolve_name(self, text: str, tokens: tuple[str, ...], office: str | None, country: str | None,
                     date: str | None, seen: set[str] | frozenset[str] = frozenset()) -> tuple[str, str] | None:
        """(key, alias_source) for a written name, or None when it is not known."""
        keys = self.full.get(tokens)
        if keys:
            ok = self._allowed(keys, text)
            k = self._choose(ok, office, country, date)
            if k:
                return k, "bundled"
        keys = self.short.get(tokens)
        # a surname after the full name earlier in the article is that person, whether or not
        # the gazetteer lists it as a short form (and even when it lists it for someone else)
        named = [k for k in seen if len(tokens) == 1 and tokens[0] in _surnames(self.actors[k].name)] if seen else []
        if keys or named:
            ok = self._allowed(set(keys or ()) | set(named), text)
            if seen:
                ok = [k for k in ok if k in seen] or ok
            if office:
                fit = [k for k in ok if self.held_office(k, office)]
                # "Indian Defense Minister Singh": a surname beside a role nobody with that
                # surname ever held is the role's holder, found below, not the surname's owner
                if not fit and country and any(k for k, *_ in self.holders.get(office, [])):
                    ok = []
                ok = fit or ok
            if len(ok) > 1 and date:
                ok = [k for k in ok if any(in_office(s, e, date) for _o, _c, s, e in self.actors[k].offices)] or ok
            if len(ok) == 1:
                return ok[0], "bundled"
        if office:
            holders = self._allowed(self.office_holders(office, country, date), text)
            q = letters(text)
            best, best_score = None, 0.0
            for k in holders:
                forms = self.actors[k].forms or [letters(self.actors[k].name)]
                score = max(fuzz.ratio(q, f) for f in forms)
                for f in forms:  # a surname alone against the full name's last word
                    score = max(score, fuzz.ratio(q, f[-len(q) - 1:]) if len(q) >= 4 else 0)
                if score > best_score:
                    best, best_score = k, score
            # with no country, every country's holders compete: a looser match is a guess
            if best and best_score >= (ROLE_MATCH_MIN if country else ROLE_MATCH_ANY_COUNTRY):
                return best, "auto"
        return self.fuzzy(text)

    def holder_by_name(self, text: str, office: str, country: str | None) -> str | None:
        """The one holder of ``office`` (at any time) whose name ``text`` clearly spells, for
        dating an article by its people: "Japanese Foreign Minister Yan Wuyi" with no date yet.
        Stricter than a match at a known date, since every holder ever is a candidate."""
        q = letters(text)
        if len(q) < 4:
            return None
        scores: dict[str, float] = {}
        for oid in self.related.get(office, {office}):
            for key, ocountry, _s, _e in self.holders.get(oid, []):
                if country and (ocountry or self.actors[key].country) != country:
                    continue
                forms = self.actors[key].forms or [letters(self.actors[key].name)]
                scores[key] = max(max(fuzz.ratio(q, f) for f in forms), scores.get(key, 0.0))
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < HINT_MATCH_MIN:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 10:
            return None
        return ranked[0][0] if self._allowed([ranked[0][0]], text) else None

    def resolve_zh(self, text: str, seen: set[str] | frozenset[str] = frozenset()) -> tuple[str, str] | None:
        keys = self.zh.get(text)
        # a surname (辛格) after the full name (拉杰纳特·辛格) earlier in the article is that person
        named = [k for k in seen if any(z.endswith("·" + text) or z.startswith(text + "·")
                                        for z in self.actors[k].zh)] if seen else []
        if named and len(named) == 1 and self._allowed(named, text):
            return named[0], "bundled"
        if keys:
            ok = self._allowed(keys, text)
            if ok:
                return sorted(ok)[0], "bundled"
        py = romanise(text)
        keys = self.pinyin.get(py)
        if keys:
            ok = self._allowed(keys, text)
            if ok:
                return sorted(ok)[0], "auto"
        return None

    def mention_for(self, key: str, m: Mention) -> Mention:
        info = self.actors.get(key)
        if info:
            m.key, m.name, m.kind = key, info.name, info.kind
            m.country = m.country or info.country
            if info.country:
                m.country = info.country
        return m


def load_store_aliases(store: Any) -> list[tuple[str, str, str, str | None, str, int]]:
    """The analyst's aliases and every removed alias, with their actor's key."""
    if store is None:
        return []
    rows = store.conn.execute(
        "SELECT a.key, al.alias, al.norm, a.country, al.source, al.removed FROM aliases al"
        " JOIN actors a ON a.id = al.actor_id WHERE al.source = 'analyst' OR al.removed = 1").fetchall()
    return [tuple(r) for r in rows]
