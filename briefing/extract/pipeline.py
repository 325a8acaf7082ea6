"""The meeting extractor: an article's text in, the meetings it reports out.

    repair -> sentences -> per sentence: actor mentions, roles, places, meeting cues
           -> article date (DateResolver, hinted by the terms of office of people named with
              their role) -> names resolved at that date -> one candidate per cue clause
           -> headline meeting, references back to it ("the meeting lasted ..."), background
              meetings -> duplicates merged -> claims and topics -> evidence mapped back to
              the stored text.

Everything the extractor knows about the world (names, offices, places, cue words) comes
from ``briefing/data``; the code here is only the mechanism.
"""
from __future__ import annotations

import re
from functools import lru_cache
import dataclasses
from dataclasses import dataclass, field
from typing import Any

from briefing.extract.actors import CJK, ActorIndex, Mention, RoleSpan, in_office, load_store_aliases, pinyin_name
from briefing.extract.claims import find_claims
from briefing.extract.event_dates import date_candidates, date_events, pick_date
from briefing.extract.gazetteer import load_gazetteer
from briefing.extract.lexicon import alternation, lexicon
from briefing.extract.model import Evidence, ExtractedEvent, Participant
from briefing.extract.repair import Repaired, repair
from briefing.extract.sentences import Sentence, split_sentences
from briefing.extract.tokens import Token, phrase_key, tokenize
from briefing.extract.topics import Topics
from briefing.extract.triggers import Cue, Triggers

try:  # written alongside; until it lands, no dates
    from briefing.extract.dates import DateResolver
except ImportError:  # pragma: no cover
    DateResolver = None  # type: ignore[assignment]

_LINK_AFTER_NAME = re.compile(r"^\s*,?\s*(?:(?:the|a|an|then|former|now|and)\s+){0,2}$", re.I)
_ROLE_TAIL = re.compile(r"^\s+(?:of|for|to|at|in)\s+(?:the\s+)?", re.I)
_AT_VENUE = re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*,\s*$")
_SHARED_SUBJECT = re.compile(r"^\W*(?:and|then|but)\s+(?:(?:before|after|earlier|later|then|also|that|this|since)\s+){0,3}"
                             r"(?:had\s+|have\s+|has\s+)?(?:held|had|made|conducted|hosted|holding)\s+(?:an?\s+|their\s+|the\s+)?(?:[\w-]+\s+){0,2}$",
                             re.I)
_BARE_VERB = re.compile(r"^\W*(?:(?:also|then|later|subsequently|and)\s+)?(?:(?:held|had|met|made|spoke|[a-z]+ed)\s+)?$")  # " held ", " also met "
_CLAUSES = lexicon().get("clauses", {})


def _words(key: str) -> str:
    """The [clauses] word list ``key`` of the lexicon as an alternation, longest first."""
    return alternation(_CLAUSES.get(key, [])) or "(?!)"


_DELEGATION = re.compile(rf"^\W*(?:\w+\s+){{0,4}}?(?:{_words('delegation')})\b|^[^，。,]{{0,8}}(?:{_words('delegation')})", re.I)
_LED_BY = re.compile(rf"\b(?:{_words('led_by')})\s+(?:[\w.'’-]+\s+){{0,6}}$", re.I)
_ZH_LEADS = re.compile(r"^率")
_ZH_SUBJECTLESS = re.compile(r"^[\s，；、]*(?:[\d一二三四五六七八九十]+日)?(?:随后|之后|并|还|将|也|又)*(?:与|同|跟)|[他她](?!们)")
_WHO_CLAUSE = re.compile(r"^\s*(?:who|whom)\b[^,;]*$", re.I)
_WHEN_CLAUSE = re.compile(r"^\s*(?:when|during which|at which)\b", re.I)
_THEY_CUE = re.compile(r"\bthey\s+(?:[a-z]+\s+){0,3}[\"“']?$", re.I)
_PRONOUN_AND = re.compile(r"\b(?:he|she)\s+and\s+[^,;]{1,40}$", re.I)
_AND_IN = re.compile(r"^\s*,?\s*and\s+(?:also\s+)?in\s+$", re.I)
_POSSESSED_CUE = re.compile(r"(?-i:[A-Z])[\w-]*['’]s\s+(?:[a-z][\w-]*\s+){0,1}$")
# "in U.S. airspace": the country word is an adjective (a noun follows, not a function word)
_NOUN_NEXT = re.compile(r"^\.?\s(?!(?:in|on|at|for|to|and|or|with|last|this|earlier|during|from|by|since|after|before|"
                        r"when|where|while|as|the|a|an|on|late|early|next|of)\b)[a-z]")
# "met in Cambodia", "talks in 2019 in Laos", not "the war in Ukraine": the word before "in"
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:met|meet|held|talks|meeting|meetings|summit|visit|call|was|were|is|are|place|"
                              r"together|again|also|[A-Z][\w.'’-]*|\d+|[a-z]+ed),?)$")
_AND_THE = re.compile(r"\band\s+(?:the\s+)?$", re.I)
_IN_TOWN = re.compile(r"\bin\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?=\s*(?:[,.;]|\s(?:on|in|last|this|earlier|during|for|to)\b|$))")
_DETERMINED = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}$", re.I)  # "said the 35-minute call"
_SEPARATELY = re.compile(rf",?\s+and\s+(?:then\s+|later\s+)?(?:{_words('separately')})\s+(?:with\b|met\b|held\b)", re.I)
_SIBLING = re.compile(r"\sand\s+(?:also\s+|later\s+|then\s+)?$")
_SINCE = re.compile(rf"\b(?:{_words('not_the_meetings')})\s", re.I)
_TWICE = re.compile(rf"\b(?:{_words('repeated')})\b", re.I)
_AND_ONLY = re.compile(r"^\s*,?\s*(?:and|as well as)\s+(?:in\s+)?$", re.I)
_DISCUSSED = re.compile(rf"\b(?:{_words('discussed')})\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,5}}$", re.I)
_CONTRAST = re.compile(rf",\s+(?:{_words('contrast')})\s+", re.I)
_CATAPHORA = re.compile(r"\b(?:his|her|their)\b", re.I)
_RELATIVE = re.compile(r"^\s*(?:who|whom|whose|which|that|where|when)\b", re.I)
_AND_CUE = re.compile(r"^\W*and\s+(?:(?:then|also|later|subsequently|is|was|are|were|will|would|be|expected|set|"
                      r"scheduled|due|likely|plans|planned|planning|hopes|hoped|to)\s+){0,4}$", re.I)
_PRONOUN_CUE = re.compile(r"\b(?:he|she)\s+(?:[a-z][a-z-]*\s+){0,4}$", re.I)
_BEING_IN = re.compile(r"\b(?:is|was|were|are|will be|arrived|arrives)\s+in\s+(?:the\s+)?[A-Z]")
_RELATIVE_SUBJECT = re.compile(r"\b(?:which|whom)\s+(?:(?:the|then|former)\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}$")
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|added|reported|stated|confirmed)\b", re.I)
_HOSTED = re.compile(r"^(?:co-?)?hosted$", re.I)
_WHERE_AFTER = re.compile(r"^\s*,\s*where\b")
_WHERE_START = re.compile(r"^\s*where\b")
_POSSESSIVE_APPOSITION = re.compile(r"^(?:['’]s|s['’])?\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,\s*(?:(?:the|then|former)\s+)?$")
_POSSESSIVE_TAIL = re.compile(r"^(?:['’]s|s['’])")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]+$")
_ZH_NAME_SPLIT = re.compile(r"[和与同及、]")
_ZH_STOP = re.compile(r"星期|周|在|于|今|昨|表示|说|会|举行|通|前|日|月|年|举|访|的|兼|[\(（，,。0-9０-９]")
REMOTE = {"call", "video_call"}
COUNTERPART = "counterpart"  # the relational office id in offices.toml
# "Beijing, March 5 (Xinhua) --": a dateline in mixed case needs its date and dash
_DATED_DATELINE = re.compile(r"^,\s*[A-Z][a-z]+\.?\s+\d{1,2}\s*(?:\([^)]{1,30}\)\s*)?[-—–]")
_DATELINE_TAIL = re.compile(r"^\s*(?:\([^)]{1,30}\)\s*)?(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}\s*)?(?:[-—–]|,)")


@dataclass
class DateInfo:
    start: int  # absolute, repaired text
    end: int
    text: str
    value: str
    precision: str
    end_value: str | None = None
    future: bool = False
    note: str | None = None


@dataclass
class Analysis:
    sent: Sentence
    tokens: list[Token]
    mentions: list[Mention] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    places: list[tuple[int, int, dict, str]] = field(default_factory=list)  # start, end, place, prep
    countries: list[tuple[int, int, list[str]]] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)  # absolute offsets
    dates: list[DateInfo] = field(default_factory=list)
    unknown: list[tuple[int, int, str, tuple[str, ...], bool]] = field(default_factory=list)


@dataclass
class Candidate:
    kind: str
    status: str
    persons: list[Mention]
    orgs: list[Mention]
    sent_index: int
    cue: Cue
    date: DateInfo | None = None
    location: tuple[str, int, int] | None = None
    duration: tuple[int, int, int] | None = None
    status_span: tuple[int, int, str] | None = None
    anaphoric: bool = False
    core: bool = False
    sentences: list[int] = field(default_factory=list)
    extra_evidence: list[tuple[str, str, int, int, int]] = field(default_factory=list)  # field,value,s,e,sent

    def person_keys(self) -> frozenset[str]:
        return frozenset(m.key or m.name for m in self.persons)


class MeetingExtractor:
    """Built once (alias indexes, compiled patterns); ``extract`` runs per article."""

    def __init__(self, index: ActorIndex):
        self.index = index
        self.triggers = Triggers()
        self.topics = Topics()
        mods = lexicon()["names"].get("name_as_modifier", [])
        self._modifier = re.compile(r"^(?:['’]s?)?\s*(?:" + "|".join(re.escape(w) for w in sorted(mods, key=len, reverse=True))
                                    + r")\b", re.I) if mods else None
        sent = lexicon()["names"].get("zh_sent_by", [])
        self._zh_sender = re.compile(r"^[\u4e00-\u9fff]{0,5}?的(?:" + "|".join(map(re.escape, sent)) + ")") if sent else None
        words = lexicon()["status"].get("succession_before_name", [])
        self._succession = re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True))
                                      + r")\s+(?:[\w.'’-]+\s+){0,4}$", re.I) if words else None

    @classmethod
    def from_store(cls, store: Any, config: Any = None) -> "MeetingExtractor":
        return cls(ActorIndex(load_gazetteer(), load_store_aliases(store)))

    # -- per sentence -------------------------------------------------------------------

    def _analyse(self, sent: Sentence) -> Analysis:
        ix = self.index
        toks = tokenize(sent.text, sent.start)
        a = Analysis(sent, toks)
        n = len(toks)
        i = 0
        pending_unknown: list[int] = []

        def flush_unknown() -> None:
            if pending_unknown:
                s, e = pending_unknown[0], pending_unknown[-1]
                words = [toks[k] for k in range(s, e + 1)]
                # an organisation word, or acronyms only ("SCO", "ASEAN"): not a person's name
                org = any(t.norm in ix.org_words for t in words) or all(_ACRONYM.match(t.text) for t in words)
                a.unknown.append((toks[s].start, toks[e].end, sent.text[toks[s].start - sent.start:toks[e].end - sent.start],
                                  tuple(t.norm for t in words), org))
                pending_unknown.clear()

        while i < n:
            t = toks[i]
            best: tuple[int, str, Any] | None = None
            am = ix.full.match(toks, i) if t.capitalised and t.norm in ix.full.first else None
            if am:
                best = (am[0], "alias", am[1])
            elif t.capitalised and i + 1 < n and len(t.text) > 2 and t.text.isupper() and toks[i + 1].capitalised \
                    and not toks[i + 1].text.isupper():
                # "KAMIKAWA Yoko": surname in capitals first, as Japanese official copy writes it
                sw = ix.full.match([toks[i + 1], t], 0)
                if sw and sw[0] == 2:
                    best = (2, "swapped", sw[1])
            # the first-word checks inline spare a call per token (this loop is the hot path)
            rm = ix.roles.match(toks, i) if t.norm in ix.roles.first else None
            if rm and (best is None or rm[0] > best[0]):
                best = (rm[0], "role", rm[1])
            pm = self.triggers.place_at(toks, i) if (t.capitalised or t.norm == "the") \
                and t.norm in self.triggers.places.first else None
            if pm and (best is None or pm[0] > best[0]):
                best = (pm[0], "place", pm[1])
            if best is None and t.capitalised:
                cm = ix.country_of_word(toks, i)
                if cm:
                    best = (cm[0], "country", cm[1])
                else:
                    sm = ix.short.match(toks, i)
                    if sm:
                        best = (sm[0], "short", sm[1])
                        # "Teodoro Locsin": one person's given name that is another's surname
                        j = i + sm[0]
                        if j < n and toks[j].capitalised and toks[j - 1].end + 1 == toks[j].start:
                            sm2 = ix.short.match(toks, j)
                            if sm2:
                                whole = sent.text[t.start - sent.start:toks[j + sm2[0] - 1].end - sent.start]
                                if ix.fuzzy(whole):
                                    best = (sm[0] + sm2[0], "alias", None)
                        # "Rajnat Singh": a misspelt given name before a known surname is one name
                        if pending_unknown and pending_unknown[-1] == i - 1 and len(pending_unknown) <= 2 \
                                and toks[i - 1].end + 1 == t.start:
                            s0 = toks[pending_unknown[0]].start - sent.start
                            whole = sent.text[s0:toks[i + sm[0] - 1].end - sent.start]
                            if ix.fuzzy(whole):
                                i = pending_unknown[0]
                                pending_unknown.clear()
                                best = (len(whole.split()), "alias", None)
            if best is None:
                # a capitalised run ends at punctuation: "Organisation (SCO" is two spans
                if pending_unknown and sent.text[toks[i - 1].end - sent.start:t.start - sent.start].strip():
                    flush_unknown()
                if t.capitalised and t.norm not in ix.not_names and not t.norm.isdigit():
                    pending_unknown.append(i)
                elif pending_unknown and t.norm in ix.org_words:
                    pending_unknown.append(i)
                elif pending_unknown:
                    flush_unknown()
                i += 1
                continue
            if pending_unknown:
                flush_unknown()
            length, what, value = best
            s, e = toks[i].start, toks[i + length - 1].end
            text = sent.text[s - sent.start:e - sent.start]
            if what in ("alias", "short", "swapped"):
                m = Mention(s, e, text)
                m._keys = tuple(tt.norm for tt in toks[i:i + length])  # type: ignore[attr-defined]
                if what == "swapped":
                    m._keys = m._keys[::-1]  # type: ignore[attr-defined]
                    what = "alias"
                m._short = what == "short"  # type: ignore[attr-defined]
                a.mentions.append(m)
            elif what == "role":
                a.roles.append(self._role_span(a, i, length, value))
            elif what == "place":
                prev = toks[i - 1].norm if i > 0 else ""
                if prev == "the" and i > 1:
                    prev = toks[i - 2].norm
                a.places.append((s, e, value, prev))
            elif what == "country":
                a.countries.append((s, e, value))
            i += length
        flush_unknown()
        cjk = CJK.search(sent.text) is not None
        if cjk:
            self._analyse_zh(a)
        a.cues = [c for c in self.triggers.cues(sent.text, sent.start, cjk)
                  if not self._inside_name(a, c.start) and not self._names_an_event(a, c)]
        return a

    def _names_an_event(self, a: Analysis, c: Cue) -> bool:
        """A capitalised cue word closing a proper name mid-sentence and introduced as a setting
        ("on the sidelines of the SCO Defence Ministers' Meeting") names a gathering, not a
        meeting between the people in the clause. "held the ... Ministerial Meeting" keeps it."""
        base = a.sent.start
        if not c.text[:1].isupper() or c.start == base or " " in c.text:
            return False
        toks = [t for t in a.tokens if t.end <= c.start]
        k = len(toks)
        while k > 0 and (toks[k - 1].capitalised or toks[k - 1].text[:1].isdigit()):
            k -= 1
        if k == len(toks):
            return False
        return self.triggers.setting(a.sent.text[:toks[k].start - base])

    def _inside_name(self, a: Analysis, pos: int) -> bool:
        return any(s <= pos < e for s, e, *_ in a.places) or any(m.start <= pos < m.end for m in a.mentions) \
            or any(u[0] <= pos < u[1] and u[4] for u in a.unknown)

    def _role_span(self, a: Analysis, i: int, length: int, office: str) -> RoleSpan:
        ix, toks = self.index, a.tokens
        start = toks[i].start
        countries: list[str] = []
        j = i - 1
        while j >= 0 and j >= i - 3:
            cm = ix.country_of_word(toks, j)
            if cm and j + cm[0] <= i:
                countries = cm[1] + countries
                start = toks[j].start
                j -= 1
                continue
            if toks[j].norm in ("and", "of", "the") and countries:
                j -= 1
                continue
            break
        end = toks[i + length - 1].end
        if not countries:  # the phrase itself opens with the country: "US Secretary of State"
            cm = ix.country_of_word(toks, i)
            if cm:
                countries = cm[1]
        if not countries:  # "... Minister of China and Vietnam", "General Secretary of the Vietnam Communist Party"
            tail = a.sent.text[end - a.sent.start:end - a.sent.start + 60]
            m = _ROLE_TAIL.match(tail)
            if m:
                k = i + length
                while k < len(toks) and toks[k].start < end + 60:
                    if a.sent.text[toks[k - 1].end - a.sent.start:toks[k].start - a.sent.start].strip(" ") not in ("", "'"):
                        break
                    cm = ix.country_of_word(toks, k)
                    if cm:
                        countries += cm[1]
                        k += cm[0]
                        continue
                    if toks[k].norm in ("and", "the", "of", "for") or toks[k].capitalised:
                        k += 1
                        continue
                    break
        if not countries:  # a title only one country uses: "Raksha Mantri"
            c = ix.role_country.get(tuple(t.norm for t in toks[i:i + length]))
            if c:
                countries = [c]
        # "State Councilor and Minister of Defense": the second title shares the first's country
        if not countries and a.roles:
            prev = a.roles[-1]
            between = a.sent.text[prev.end - a.sent.start:start - a.sent.start]
            if between.strip() in ("and", "&", ","):
                countries = list(prev.countries)
        plural = toks[i + length - 1].norm.endswith("s") and len(countries) != 1
        text = a.sent.text[start - a.sent.start:end - a.sent.start]
        return RoleSpan(start, end, toks[i].start, office, list(dict.fromkeys(countries)), text,
                        plural or len(set(countries)) > 1)

    def _analyse_zh(self, a: Analysis) -> None:
        ix, text, base = self.index, a.sent.text, a.sent.start
        taken: list[tuple[int, int]] = []
        role_spans = [m.span() for m in ix._zh_role_re.finditer(text)] if ix._zh_role_re else []
        role_spans += [m.span() for m in ix.zh_country_re.finditer(text)] if ix.zh_country_re else []
        if ix._zh_re:
            for m in ix._zh_re.finditer(text):
                # an organisation's name inside a title is the title: 韩国国防部长 is no 国防部
                if any(rs <= m.start() < re_ or rs < m.end() <= re_ for rs, re_ in role_spans) and m.end() - m.start() < 4:
                    continue
                mm = Mention(m.start() + base, m.end() + base, m.group())
                mm._zh = True  # type: ignore[attr-defined]
                a.mentions.append(mm)
                taken.append((m.start(), m.end()))
        if ix._zh_role_re:
            for m in ix._zh_role_re.finditer(text):
                # country characters right before: 中越外长 -> CN, VN
                k, codes = m.start(), []
                while k > 0:
                    # a country's name (印尼, 澳大利亚) or its one-character form (中越外长)
                    name = next((z for z in ix.zh_country_names_by_length if text.endswith(z, 0, k)), None)
                    if name is not None:
                        codes.insert(0, ix.zh_countries[name])
                        k -= len(name)
                    elif text[k - 1] in ix.zh_country_chars:
                        codes.insert(0, ix.zh_country_chars[text[k - 1]])
                        k -= 1
                    else:
                        break
                a.roles.append(RoleSpan(k + base, m.end() + base, m.start() + base, ix.zh_roles[m.group()], codes,
                                        text[k:m.end()], len(codes) > 1))
                # names after a role: 外长秦刚和裴青山
                pos = m.end()
                for _ in range(3):
                    known = next((t for t in taken if t[0] == pos), None)
                    if known:
                        pos = known[1]
                    else:
                        # a Chinese name has 2-3 characters; a foreign one in transliteration
                        # (巴特图勒嘎) may run to 6, up to the next function word
                        longest = 6 if codes and "CN" not in codes else 3
                        seg = text[pos:pos + longest + 1]
                        stop = _ZH_STOP.search(seg)
                        if stop and stop.start() < 2:  # "总书记的亲笔信": no name after the title
                            break
                        cut = stop.start() if stop else 3
                        cut = min(max(cut, 2), longest)
                        name = text[pos:pos + cut]
                        if len(name) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in name):
                            mm = Mention(pos + base, pos + cut + base, name)
                            mm._zh = True  # type: ignore[attr-defined]
                            a.mentions.append(mm)
                            taken.append((pos, pos + cut))
                        pos += cut
                    if pos < len(text) and _ZH_NAME_SPLIT.match(text[pos]):
                        pos += 1
                    else:
                        break
        for s, e, p in self.triggers.zh_places_in(text):
            prep = "in" if s > 0 and text[s - 1] in "在于赴到往抵" else ""
            a.places.append((s + base, e + base, p, prep))
        a.mentions.sort(key=lambda m: m.start)

    # -- resolving ------------------------------------------------------------------------

    def _link_roles(self, a: Analysis) -> None:
        """Attach each role to the name beside it; names and roles stay as found."""
        text, base = a.sent.text, a.sent.start
        names = [(m.start, m.end, m) for m in a.mentions] + [(u[0], u[1], u) for u in a.unknown if not u[4]]
        names.sort(key=lambda x: x[0])
        a._links = {}  # type: ignore[attr-defined]
        for r in a.roles:
            # role then name: "Defense Minister Li Shangfu"
            gap = self.index.honorific_gap
            after = next((x for x in names if 0 <= x[0] - r.end <= 1 or x[0] > r.end and gap is not None
                          and gap.match(text[r.end - base:x[0] - base])), None)
            if after is not None:
                a._links[id(after[2])] = r  # type: ignore[attr-defined]
                continue
            # name, then role: "Pan Wenjiang, Vietnam's National Defense Minister"
            before = [x for x in names if x[1] <= r.start and _LINK_AFTER_NAME.match(text[x[1] - base:r.start - base])]
            if before:
                x = before[-1]
                if id(x[2]) not in a._links:  # type: ignore[attr-defined]
                    a._links[id(x[2])] = r  # type: ignore[attr-defined]

    def _resolve(self, a: Analysis, date: str | None) -> None:
        ix = self.index
        links = a._links  # type: ignore[attr-defined]
        if self._spellings and CJK.search(a.sent.text):
            self._add_known_zh(a)
        for r in a.roles:
            if r.office == COUNTERPART:
                r.office = self._counterpart_office(a, r, date) or COUNTERPART
        out: list[Mention] = []
        linked_roles = set()
        for m in a.mentions:
            r = links.get(id(m))
            country = r.countries[0] if r and len(r.countries) == 1 else None
            if getattr(m, "_zh", False):
                res = ix.resolve_zh(m.text, self._seen)
                if res is None and m.text in self._spellings:  # resolved beside its role earlier on
                    res = (self._spellings[m.text], "auto")
                if res is None and r is not None:
                    res = self._holder_match(m.text, r, date)
                if res is None and r is not None and country and date:
                    # 日本防卫大臣小野寺五典: a Japanese or Korean name in characters never
                    # resembles its romanisation; the one holder of the office then is the person
                    holders = ix.office_holders(r.office, country, date)
                    if len(holders) == 1:
                        res = (holders[0], "auto")
                if res is not None and r is not None:
                    self._spellings[m.text] = res[0]
            else:
                res = ix.resolve_name(m.text, m._keys, r.office if r else None, country, date,  # type: ignore[attr-defined]
                                      self._seen)
                if res is None and getattr(m, "_short", False) and r is None:
                    continue
            if r is not None:
                m.role, m.office = r.text, r.office
                linked_roles.add(id(r))
            if res:
                ix.mention_for(res[0], m)
                m.alias_source = res[1]
                if not getattr(m, "_short", False):
                    self._seen.add(res[0])
            else:
                # a Chinese name nobody knows: named in pinyin, the characters kept as its spelling
                # 2-3 characters: a name of the Chinese type (also Korean, Vietnamese); longer: a transliteration
                name = pinyin_name(m.text, foreign=len(m.text) > 3) if getattr(m, "_zh", False) else m.text
                m.name, m.country, m.alias_source = (name, country, "extracted")
                if r is None:
                    m.weak = True
            out.append(m)
        for s, e, text, keys, org in a.unknown:
            if org or not ix.not_person_words.isdisjoint(keys):  # "Extended Meeting", "Import Expo"
                continue
            r = None
            for u in a.unknown:
                if u[0] == s and id(u) in links:
                    r = links[id(u)]
            m = Mention(s, e, text)
            country = r.countries[0] if r and len(r.countries) == 1 else None
            res = ix.resolve_name(text, keys, r.office if r else None, country, date)
            if res is None and text in self._spellings:  # resolved beside its role earlier on
                res = (self._spellings[text], "auto")
            elif res is None and len(keys) == 1 and r is None:
                # "Wei had met ...": one word of a name given in full earlier in the article
                hits = [k for k in self._seen if keys[0] in _name_words(ix.actors[k].name)]
                if len(hits) == 1:
                    res = (hits[0], "auto")
            elif res is not None and r is not None:
                self._spellings[text] = res[0]
            if r is not None:
                m.role, m.office = r.text, r.office
                linked_roles.add(id(r))
            if res:
                ix.mention_for(res[0], m)
                m.alias_source = res[1]
            elif r is not None or len(keys) >= 2:
                if len(keys) > 4:
                    continue
                m.name, m.country, m.alias_source = text, country, "extracted"
                m.weak = r is None
            else:
                continue
            out.append(m)
        # a role with no name beside it: the office holder(s) at the date
        for r in a.roles:
            if id(r) in linked_roles:
                continue
            if not r.countries:
                # "met Prime Minister Anthony Albanese and the Deputy Prime Minister": the
                # country of the person it is coordinated with
                left = a.sent.text[max(0, r.start - a.sent.start - 10):r.start - a.sent.start]
                prev = next((m for m in reversed(out) if m.end <= r.start and m.country), None)
                if prev is None or not _AND_THE.search(left) or prev.end < r.start - 10:
                    continue
                r.countries = [prev.country]
            if self.index.commentator_re.search(r.text):
                continue
            if _generic_role(a.sent.text[max(0, r.start - a.sent.start - 20):r.start - a.sent.start]):
                continue
            countries = r.countries if r.plural else r.countries[:1]
            named = {(m.office, m.country) for m in out if m.office}
            named |= {(r.office, m.country) for m in out if m.key and ix.held_office(m.key, r.office)}
            for c in countries:
                if (r.office, c) in named:
                    continue
                holders = ix.office_holders(r.office, c, date)
                if holders:
                    m = Mention(r.start, r.end, r.text, role=r.text, office=r.office, role_only=True)
                    ix.mention_for(holders[0], m)
                    m.alias_source = "bundled"
                    out.append(m)
        # commentators and speakers
        text, base = a.sent.text, a.sent.start
        for m in out:
            left = text[max(0, m.start - base - 70):m.start - base]
            left = re.split(r"[,;:]", left)[-1] if not left.rstrip().endswith(",") else left
            right = text[m.end - base:m.end - base + 90]
            appositive = right.split(",")[1] if right.lstrip().startswith(",") and right.count(",") >= 1 else ""
            if _RELATIVE.match(appositive):  # ", who is paying an official visit": a clause, not a title
                appositive = ""
            elif _ATTRIBUTION.search(appositive):  # "... talks with X, a Ukrainian official said": who said it
                appositive = ""
            role = m.role or ""
            if self.index.commentator_re.search(role) or self.index.commentator_re.search(appositive) \
                    or re.search(r"(?:researcher|scholar|professor|analyst|expert|spokes\w+)\W*(?:of|for|at)?[^,]{0,40},\s*$",
                                 left, re.I):
                m.commentator = True
            if m.office and m.office.endswith("spokesperson"):
                m.commentator = True
        out.sort(key=lambda m: m.start)
        a.mentions = out

    def _add_known_zh(self, a: Analysis) -> None:
        """汤马斯 named again after "国防部长汤马斯": the same person, found without the title."""
        base = a.sent.start
        for sp in self._spellings:
            if not CJK.match(sp):
                continue
            for mt in re.finditer(re.escape(sp), a.sent.text):
                s, e = mt.start() + base, mt.end() + base
                if any(m.start < e and s < m.end for m in a.mentions):
                    continue
                mm = Mention(s, e, sp)
                mm._zh = True  # type: ignore[attr-defined]
                a.mentions.append(mm)
        a.mentions.sort(key=lambda m: m.start)

    def _counterpart_office(self, a: Analysis, r: RoleSpan, date: str | None) -> str | None:
        """"Australia's defence minister met his Indonesian counterpart": the office the clause's
        subject holds, taken from the sentence (or, for "his", the previous sentence's subject)."""
        ix, links = self.index, a._links  # type: ignore[attr-defined]
        for role in a.roles:
            if role.end <= r.start and role.office != COUNTERPART:
                return role.office
        before = [m for m in a.mentions if m.end <= r.start]
        if not before and a.sent.index > 0:
            before = [m for m in self._analysed[a.sent.index - 1].mentions if m.kind == "person" and m.key]
        for m in before:
            if id(m) in links:
                return links[id(m)].office
            key = m.key
            if key is None and hasattr(m, "_keys"):  # not resolved yet: this sentence's own names
                res = ix.resolve_name(m.text, m._keys, None, None, date, self._seen)  # type: ignore[attr-defined]
                key = res[0] if res else None
            info = ix.actors.get(key) if key else None
            if info is not None:
                held = [o for o, _c, s, e in info.offices if in_office(s, e, date)]
                if held:
                    return held[0]
        return None

    def _holder_match(self, text: str, r: RoleSpan, date: str | None) -> tuple[str, str] | None:
        """A Chinese name beside a role: the office holder whose name its romanisation resembles."""
        from briefing.extract.actors import romanise

        py = romanise(text)
        for c in r.countries or [None]:
            res = self.index.resolve_name(py, (py,), r.office, c, date)
            if res:
                return res[0], "auto"
        return None

    # -- the article ----------------------------------------------------------------------

    def extract(self, text: str, published: str | None) -> list[ExtractedEvent]:
        if not text or not text.strip():
            return []
        rep = repair(text)
        self._seen: set[str] = set()  # actors named in full so far: surnames prefer them
        self._spellings: dict[str, str] = {}  # unknown spellings resolved beside a role, for this article
        analyses = [self._analyse(s) for s in split_sentences(rep.text)]
        self._analysed = analyses
        for a in analyses:
            self._link_roles(a)
        resolver = self._date_resolver(rep.text, published, analyses)
        anchor = None
        if resolver is not None and resolver.anchor is not None:
            anchor = _iso_at(resolver.anchor, getattr(resolver, "anchor_precision", "day"))
        for a in analyses:
            if resolver is not None and (a.cues or a.roles or len(a.mentions) + len(a.unknown) >= 2):
                a.dates = self._dates(resolver, a)
            sdate = next((d.value for d in a.dates), None) or anchor
            self._resolve(a, sdate)
        candidates = self._candidates(analyses)
        date_candidates(candidates, analyses, self.triggers, resolver)
        candidates = self._topics_named_later(candidates, analyses)
        events = self._assemble(candidates, analyses)
        date_events(events, analyses, resolver)
        self._date_from_sibling(events, analyses)
        events = self._drop_undated_trips(events)
        if not events:
            return []
        find_claims(self, events, analyses)
        for ev in events:
            self._topics(ev, analyses)
        return [self._to_event(ev, analyses, rep) for ev in events]

    def _date_resolver(self, text: str, published: str | None, analyses: list[Analysis]) -> Any:
        if DateResolver is None:
            return None
        hints: list[list[tuple[str | None, str | None]]] = []  # per person named in a role, their terms
        ix = self.index
        for a in analyses:
            links = a._links  # type: ignore[attr-defined]
            for m in a.mentions:
                r = links.get(id(m))
                if r is None:
                    continue
                if getattr(m, "_short", False):  # "Defense Secretary Austin": the one holder so named
                    keys = [k for k in ix.short.get(m._keys) or () if ix.held_office(k, r.office)]  # type: ignore[attr-defined]
                    keys = keys if len(keys) == 1 else []
                else:
                    keys = ix.full.get(m._keys) if hasattr(m, "_keys") else ix.zh.get(m.text)  # type: ignore[attr-defined]
                for k in keys or ():
                    terms = ix.terms(k, r.office)
                    if terms:
                        hints.append(terms)
            for u in a.unknown:  # a garbled name beside its role: "Japanese Foreign Minister Yan Wuyi"
                r = links.get(id(u))
                if r is None or u[4] or len(r.countries) != 1:
                    continue
                k = ix.holder_by_name(u[2], r.office, r.countries[0])
                terms = ix.terms(k, r.office) if k else []
                if terms:
                    hints.append(terms)
        try:
            return DateResolver(text, published, hints=hints)
        except TypeError:
            return DateResolver(text, published)

    def _dates(self, resolver: Any, a: Analysis) -> list[DateInfo]:
        out = []
        for d in resolver.find(a.sent.text):
            if not d.value:
                continue
            out.append(DateInfo(d.start + a.sent.start, d.end + a.sent.start, d.text, d.value, d.precision,
                                getattr(d, "end_value", None), bool(getattr(d, "future", False)),
                                getattr(d, "note", None)))
        return out

    def _candidates(self, analyses: list[Analysis]) -> list[Candidate | tuple[str, Analysis]]:
        """One candidate per cue clause, in reading order; ('proto', a) for a pair with a date and no cue."""
        out: list[Candidate | tuple[str, Analysis]] = []
        tr = self.triggers
        author = _author(analyses)
        for a in analyses:
            persons = [m for m in a.mentions if m.kind == "person" and not m.commentator]
            if not a.cues:
                if len({m.key or m.name for m in persons}) >= 2 and a.dates and not (
                        # '"...," Blinken told Marcos': words said at a meeting, not a meeting
                        _QUOTE.search(a.sent.text) and tr.speech(a.sent.text)):
                    out.append(("proto", a))
                continue
            text, base = a.sent.text, a.sent.start
            segments = _segments(text)
            cue_segs = sorted({_seg_of(segments, c.start - base) for c in a.cues})
            groups: list[tuple[int, int, Cue]] = []
            p_lo, p_hi = base, base + len(text)  # where the people of a one-cue sentence may be
            if len(cue_segs) <= 1:
                # "A arrived in D on Monday, while B heads to E": a contrasting clause has
                # people of its own, who are not the cue's
                c0 = a.cues[0].start - base
                for br in _CONTRAST.finditer(text):
                    if br.end() <= c0:
                        p_lo = br.end() + base
                    elif br.start() >= a.cues[0].end - base:
                        p_hi = min(p_hi, br.start() + base)
                groups.append((0, len(text), a.cues[0]))
            else:
                prev_end = 0
                for gi, sidx in enumerate(cue_segs):
                    g_end = segments[sidx][1] if gi < len(cue_segs) - 1 else len(text)
                    if gi < len(cue_segs) - 1 and cue_segs[gi + 1] > sidx + 1:
                        # "the first 2+2, held ... by A and B, and the visit of C": when the next
                        # clause names its people after its cue, the clauses between belong here
                        nseg = segments[cue_segs[gi + 1]]
                        ncue = next(c for c in a.cues if _seg_of(segments, c.start - base) == cue_segs[gi + 1])
                        if not any(nseg[0] + base <= m.start < ncue.start for m in persons):
                            g_end = nseg[0]
                    cue = next(c for c in a.cues if _seg_of(segments, c.start - base) == sidx)
                    # "hosted A, B and C ... for a meeting of ...": a purpose names the same meeting
                    if groups and tr.purpose(text[:cue.start - base]):
                        groups[-1] = (groups[-1][0], g_end, groups[-1][2])
                    else:
                        groups.append((prev_end, g_end, cue))
                    prev_end = g_end
            subject: list[Mention] = []  # the people of the sentence's previous clause
            subject_lead: list[Mention] = []  # ... and the one named before its cue
            subject_before: list[Mention] = []  # ... and all named before its cue
            setting: tuple[DateInfo | None, tuple[str, int, int] | None] | None = None
            prev_status = None  # the status of the sentence's previous clause
            prev_c: Candidate | None = None  # ... and its candidate
            for gi, (gs, ge, cue) in enumerate(groups):
                gtext = text[gs:ge]
                cs = cue.start - base
                # a hypothesis in the cue's own clause ("might meet", "unlikely to hold talks"), not
                # anywhere in the sentence ("... contingencies that may affect them, as A held talks with B")
                clause_start = max(gs, cs - 60, *(m.end() for m in _CLAUSE_MARK.finditer(text, gs, cs)))
                if tr.hypothetical(text[clause_start:min(ge, cue.end - base + 25)]) or tr.characterises(text[gs:cs]):
                    continue
                kind = cue.kind
                before = text[gs:cs]
                group_cues = [x for x in a.cues if gs + base <= x.start < ge + base] or [cue]
                anaphoric = any(tr.anaphoric(text[:x.start - base]) for x in group_cues) \
                    or bool(tr.this_is_first.search(text))
                if _POSSESSED_CUE.search(before):  # "Blinken's visit had been agreed ...": a visit told of before
                    anaphoric = True
                if kind == "meeting" and tr.ordinal_before(before):
                    kind = "dialogue"
                # "X, on a visit to D, held talks with Y": the meeting word nearest the
                # participants named after it decides, not the first word of the clause
                if kind == "visit":
                    near = next((x for x in reversed(group_cues) if x.start > cue.start
                                 and x.kind in ("talks", "dialogue")
                                 and any(x.end <= m.start < ge + base for m in persons)), None)
                    if near is not None:
                        kind = near.kind
                # "received a phone call from", "held talks by video link": the medium named
                # right after a generic cue decides the kind
                if kind not in REMOTE:
                    medium = next((x for x in group_cues if x.kind in REMOTE and x.start > cue.start
                                   and x.start - cue.end <= 30 and "," not in text[cue.end - base:x.start - base]), None)
                    if medium is not None:
                        kind = medium.kind
                g_persons = [m for m in persons if gs + base <= m.start < ge + base and p_lo <= m.start < p_hi
                             and not (m.start > cue.end and tr.office_change(text[m.end - base:]))
                             and not self._succeeded(text, m.start - base)
                             and not (self._modifier and self._modifier.match(text[m.end - base:m.end - base + 20]))
                             and not self._possessor_of(a, m, persons)
                             and not (self._zh_sender and self._zh_sender.match(text[m.end - base:m.end - base + 12]))
                             # "the first visit ... since the turmoil triggered by President X": X is the
                             # other clause's
                             and not (m.start > cue.end and self._in_since_clause(a, cue, m))
                             # "..., which President X has threatened to scrap": X is the subject
                             # of a clause about something else
                             and not (m.start > cue.end and self._relative_subject(text, cue.end - base, m.start - base))]
                if kind == "visit":  # "a State Visit ... at the invitation of X": X hosts, X does not visit
                    inv = tr.invitation(gtext)
                    if inv is not None and inv > cs - gs:
                        g_persons = [m for m in g_persons if m.start < gs + base + inv]
                # '"... a call between A and B," press secretary X said': X reports it
                if len({m.key or m.name for m in g_persons}) >= 3:
                    g_persons = [m for m in g_persons if not (m.start > cue.end and self._is_speaker(a, m))]
                # "X said the consensus reached by A and B during their call ...", "X said the call
                # took place on Tuesday": X reports it
                sp = next((m for m in g_persons if m.start < cue.start and self._is_speaker(a, m)), None) \
                    if len(g_persons) >= 3 or anaphoric else None
                if sp is not None and (anaphoric and _DETERMINED.search(text[sp.end - base:cs])
                                       or len({m.key or m.name for m in g_persons if m.start > sp.end}) >= 2):
                    g_persons = [m for m in g_persons if m.start > sp.end]
                # "X welcomed the meeting between A and B": X only commented on it
                if tr.participants_follow(text[cue.end - base:]):
                    after = [m for m in g_persons if m.start >= cue.end]
                    if len({m.key or m.name for m in after}) >= 2:
                        g_persons = after
                strong = [m for m in g_persons if not m.weak]
                if len({m.key for m in strong}) >= 2 or (strong and kind == "visit"):
                    g_persons = strong
                orgs = [m for m in a.mentions if m.kind != "person" and gs + base <= m.start < ge + base
                        and not self._is_speaker(a, m)]
                st = tr.status(gtext)
                if st and st[0] == "planned":
                    # "X met Y and said that China will not ...", "…举行会谈，双方签署了…协定将于3月1日生效":
                    # a plan in what was said, or in a later clause, is not the meeting's
                    after = text[cue.end - base:ge]
                    sp = tr.speech(after)
                    cut = sp.start() if sp is not None else None
                    mark = _ZH_CLAUSE_MARK.search(after)  # English "talks, scheduled for May," keep theirs
                    if mark is not None and (cut is None or mark.start() < cut):
                        cut = mark.start()
                    if cut is not None and gtext.find(st[1]) > cue.end - base - gs + cut:
                        st = tr.status(text[gs:cue.end - base + cut])
                if st and st[0] == "planned" and p_hi - p_lo < len(text):
                    # a plan in the contrasting clause is that clause's ("..., while B heads on next week")
                    st = tr.status(text[max(gs, p_lo - base):min(ge, p_hi - base)])
                status = st[0] if st else "held"
                dates = [d for d in a.dates if gs + base <= d.start < ge + base and p_lo <= d.start < p_hi]
                date = self._pick_date(a, dates, cue)
                if date is None and gs > 0 and _WHEN_CLAUSE.match(text[gs:cs]):
                    # "his first since 2017, when he attended a summit in Danang": the date the when points at
                    date = next((d for d in reversed(a.dates) if d.end <= gs + base
                                 and not text[d.end - base:gs].strip(" ,")), None)
                if date is None and (gs == 0 or any(m.start < cue.start for m in g_persons)):
                    # "On Friday, before meeting Y, X first met Z": the opening date is the main clause's
                    date = next((d for d in a.dates if d.start - base <= 12 and d.end < cue.start
                                 and (d.end - base < gs or gs == 0) and text[d.end - base:d.end - base + 1] == ","
                                 and not any(x.start < d.start for x in a.cues)), None)
                if date and date.future and status == "held":
                    status = "planned"
                # "..., where he held talks with Y", "he met with Y", "..., and met with Y": the
                # clause's subject is the pronoun's antecedent (or the previous clause's subject)
                pronoun_and = bool(_PRONOUN_AND.search(text[gs:cs]))
                # "…，与韩国国防部长宋永武会谈", "29日他将转往东京，会见…": a Chinese clause with no
                # subject of its own (or 他) has the sentence's
                zh_subjectless = (gs > 0 or a.sent.index > 0) and (
                    bool(_ZH_SUBJECTLESS.search(text[gs:cs])) or not text[gs:cs].strip(" ，；、") and bool(CJK.match(cue.text)))
                if (g_persons or _WHO_CLAUSE.match(text[gs:cs])) \
                        and (pronoun_and or zh_subjectless or not any(m.start < cue.start for m in g_persons)):
                    lead: list[Mention] = []
                    if _WHO_CLAUSE.match(text[gs:cs]):
                        # "... was Kang, who visited China in 2017": who is the person before
                        lead = [m for m in persons if m.start < gs + base and not m.weak][-1:]
                    elif zh_subjectless:
                        lead = subject_lead or [m for m in persons if m.start < gs + base and not m.weak][:1]
                        if not lead and gs == 0:  # the previous sentence's subject
                            lead = [m for m in analyses[a.sent.index - 1].mentions
                                    if m.kind == "person" and not m.commentator and not m.weak][:1]
                        if not st and prev_status == "planned":  # "将前往首尔，与…会谈": the plan goes on
                            status = "planned"
                    elif pronoun_and:
                        # "..., when he and EAM met Y": "he" is the last person named before
                        lead = [m for m in persons if m.start < gs + base and not m.weak][-1:] or subject_lead
                    elif _AND_CUE.match(text[gs:cs]) or _SHARED_SUBJECT.match(text[gs:cs]):
                        lead = subject_lead
                    elif gs > 0 and _BARE_VERB.match(text[gs:cs]):
                        # "X, on a visit to D, held talks with Y": the verb's subject opens the sentence
                        lead = subject_lead or [m for m in persons if m.start < gs + base and not m.weak][:1]
                    elif _THEY_CUE.search(text[gs:cs]) and len(subject_before) >= 2:
                        # "A and B arrived from Tokyo, where on Sunday they held talks with C"
                        lead = list(subject_before)
                    elif _PRONOUN_CUE.search(text[gs:cs]):
                        lead = subject_lead or [m for m in persons if m.start < gs + base and not m.weak][:1]
                        if not lead and not any(m.start < gs + base for m in persons) and a.sent.index > 0:
                            prev = _dedupe([m for m in analyses[a.sent.index - 1].mentions
                                            if m.kind == "person" and not m.commentator and not m.weak])
                            # the one person named before, or the one opening that sentence (its subject)
                            psent = analyses[a.sent.index - 1].sent
                            lead = prev[:1] if len(prev) == 1 or prev and prev[0].start - psent.start <= 3 else []
                    lead = [m for m in lead if (m.key or m.name) not in {x.key or x.name for x in g_persons}]
                    if len(lead) >= 2 and _THEY_CUE.search(text[gs:cs]):
                        g_persons = lead + g_persons
                        anaphoric = False
                    elif len(lead) == 1:
                        g_persons = lead + g_persons
                        anaphoric = False
                        # "Earlier this month, X visited D, where he held talks with Y": the
                        # clause continues the previous one, and so shares its date
                        if date is None and gs > 0:
                            date = self._pick_date(a, [d for d in a.dates if d.start < gs + base], cue)
                # a media release in the first person: "Today I held talks with Y" is its author's
                if author is not None and _FIRST_PERSON.search(text[gs:cs]) and not _QUOTE.search(text) \
                        and not any(m.start < cue.start for m in g_persons) \
                        and author.key not in {m.key for m in g_persons}:
                    g_persons = [author] + g_persons
                    anaphoric = False
                if not g_persons and (re.search(r"\b(?:he|she)\b", text[gs:cs], re.I)
                                      # "His last visit to Vietnam was in November 2017"
                                      or kind == "visit" and re.match(r"^\W*(?:his|her)\b", text[gs:cs], re.I)):
                    earlier = [m for m in persons if m.start < cue.start and not m.weak]
                    if not earlier and a.sent.index > 0:
                        # a pronoun opening the sentence: the previous sentence's subject
                        earlier = [m for m in analyses[a.sent.index - 1].mentions
                                   if m.kind == "person" and not m.commentator and not m.weak][:1]
                    g_persons = earlier[-1:]
                    if g_persons:
                        anaphoric = False
                # "A and B held a meeting in May, and before that held a video call in April":
                # a clause with no subject of its own shares the previous clause's people
                if not g_persons and len({m.key or m.name for m in subject}) >= 2 \
                        and _SHARED_SUBJECT.match(text[gs:cs]):
                    g_persons = list(subject)
                    anaphoric = False
                # "Kim met the delegation", "金正恩会见了代表团": its head, named in this sentence
                # or the one before ("a delegation led by X", "X率领的代表团"), is the one met
                if len({m.key or m.name for m in g_persons}) == 1 and _DELEGATION.search(text[cue.end - base:ge]):
                    head = self._delegation_head(analyses, a.sent.index)
                    if head is not None and (head.key or head.name) != (g_persons[0].key or g_persons[0].name):
                        g_persons = g_persons + [head]
                subject = [m for m in g_persons if not m.weak]
                subject_before = [m for m in subject if m.start < cue.start]
                subject_lead = subject_before[:1]
                prev_status = status
                loc = self._location(a, gs + base, ge + base, kind)
                # "During his visit to D on Monday, X held talks with Y": the opening visit is
                # the setting of the talks, whose subject "his" points ahead to
                if kind == "visit" and not g_persons and gi == 0 and len(groups) > 1 \
                        and _CATAPHORA.search(text[gs:cs]):
                    setting = (date, loc)
                    continue
                if setting is not None:
                    date, loc = date or setting[0], loc or setting[1]
                    setting = None
                # "The last time they met was in Busan in November, when A, B and C attended the
                # ...": the when-clause names the people of the clause before it, which dates it
                if prev_c is not None and not prev_c.persons and g_persons and _WHEN_CLAUSE.match(text[gs:cs]) \
                        and prev_c in out:
                    out.remove(prev_c)
                    date = date or prev_c.date
                    loc = loc or prev_c.location
                    anaphoric = False
                c = Candidate(kind, status, _dedupe(g_persons), orgs, a.sent.index, cue, date,
                              anaphoric=anaphoric)
                prev_c = c
                if st:
                    idx = gtext.find(st[1])
                    c.status_span = (gs + idx + base, gs + idx + len(st[1]) + base, st[1])
                if loc:
                    c.location = loc
                du = tr.duration(gtext)
                if du:
                    idx = gtext.find(du[1])
                    c.duration = (du[0], gs + idx + base, gs + idx + len(du[1]) + base)
                c.pair = tr.starts_with_pair(gtext) or tr.starts_with_pair(text)  # type: ignore[attr-defined]
                c.sentences = [a.sent.index]
                c.span = (gs + base, ge + base)  # type: ignore[attr-defined]
                host = self._host_place(a, base, cue) if len(c.person_keys()) >= 2 else None
                if host is not None and not any(m.start < cue.start for m in persons):
                    # "Vietnam has hosted A and B within the past year": a country's guests, each
                    # on a visit of their own
                    for m in c.persons:
                        v = Candidate("visit", status, [m], [], a.sent.index, cue, None, location=host)
                        v.pair = False  # type: ignore[attr-defined]
                        v.sentences = [a.sent.index]
                        v.span = c.span  # type: ignore[attr-defined]
                        out.append(v)
                    continue
                out.append(c)
                out.extend(self._one_per_place_and_date(a, c, dates))
                out.extend(self._separately(a, c))
                out.extend(self._one_visitor_per_visit(a, c, dates))
        return out

    @staticmethod
    def _topics_named_later(cands: list, analyses: list[Analysis]) -> list:
        """"The two sides also discussed the leaders' summit to be held in Seoul later this month.
        Premier Li is expected to attend the summit with ...": the summit discussed is not a
        meeting of the two sides; the next sentence's "the summit" gives it its people."""
        out = list(cands)
        for i, c in enumerate(cands):
            if isinstance(c, tuple) or c.date is None or c.kind not in ("summit", "dialogue", "meeting", "talks"):
                continue
            a = analyses[c.sent_index]
            gs = getattr(c, "span", (a.sent.start, a.sent.end))[0]
            if not _DISCUSSED.search(a.sent.text[gs - a.sent.start:c.cue.start - a.sent.start]):
                continue
            nxt = next((n for n in cands[i + 1:] if not isinstance(n, tuple)
                        and (n.kind == c.kind or "attend" in n.cue.text.lower())
                        and n.anaphoric and n.persons and 0 < n.sent_index - c.sent_index <= 1), None)
            if nxt is None:
                continue
            nxt.kind = c.kind
            nxt.date = nxt.date or c.date
            nxt.location = nxt.location or c.location
            if nxt.status_span is None or nxt.status == c.status:
                nxt.status = c.status
            nxt.anaphoric = False
            out.remove(c)
        return out

    def _one_visitor_per_visit(self, a: Analysis, c: Candidate, dates: list[DateInfo]) -> list[Candidate]:
        """"X's visit is seen as a reply to the visit of Y to Hanoi in September": two visits, each
        person on the visit named nearest them, each visit dated by its own clause."""
        if c.kind != "visit" or len(c.person_keys()) < 2:
            return []
        lo, hi = getattr(c, "span", (a.sent.start, a.sent.end))
        visits = [x for x in a.cues if x.kind == "visit" and lo <= x.start < hi]
        if len(visits) < 2:
            return []
        def nearest(m: Mention) -> Cue:
            return min(visits, key=lambda x: min(abs(m.start - x.end), abs(x.start - m.end)))
        by_cue: dict[int, list[Mention]] = {}
        for m in c.persons:
            by_cue.setdefault(id(nearest(m)), []).append(m)
        if len(by_cue) < 2:
            return []
        first, copies = True, []
        for x in visits:
            people = by_cue.get(id(x))
            if not people:
                continue
            later = [d for d in dates if d.start >= x.start]
            date = self._pick_date(a, later, x) if later else None
            if first:
                c.persons, c.cue, first = people, x, False
                c.date = date if date is not None and (c.date is None or c.date.start >= x.start) else \
                    (c.date if c.date is not None and c.date.start < x.start else date)
                continue
            copies.append(_copy(c, persons=people, cue=x, date=date, location=self._location(a, x.start, hi, "visit")))
        return copies

    @staticmethod
    def _separately(a: Analysis, c: Candidate) -> list[Candidate]:
        """"X held talks with A, ..., and separately with B": two meetings, X's with each."""
        text, base = a.sent.text, a.sent.start
        m = _SEPARATELY.search(text, max(c.cue.end - base, 0))
        if m is None:
            return []
        cut = m.start() + base
        lead = [p for p in c.persons if p.start < c.cue.start]
        later = [p for p in c.persons if p.start >= cut]
        if len(lead) != 1 or not later or not any(c.cue.end <= p.start < cut for p in c.persons):
            return []
        c.persons = [p for p in c.persons if p.start < cut]
        return [_copy(c, persons=lead + later)]

    @staticmethod
    def _one_per_place_and_date(a: Analysis, c: Candidate, dates: list[DateInfo]) -> list[Candidate]:
        """"A and B held talks in Vienna in May and in Malta in September": one meeting per place
        and date. ``c`` keeps the first pair; the others are returned as copies of it."""
        after = sorted((d for d in dates if d.start >= c.cue.end), key=lambda d: d.start)
        if len(after) < 2 or len({d.value for d in after}) < len(after) or len(c.person_keys()) < 2:
            return []
        text, base = a.sent.text, a.sent.start
        pairs, lo = [], c.cue.end
        where = sorted([(ps, pe, p["name"]) for ps, pe, p, prep in a.places if prep == "in"]
                       + [(cs, ce, text[cs - base:ce - base]) for cs, ce, _codes in a.countries
                          if text[max(cs - base - 3, 0):cs - base] == "in "])
        # "talked on the phone twice, in October 2020 and January last year": one per date
        twice = bool(_TWICE.search(text, c.cue.start - base - 40 if c.cue.start - base > 40 else 0, after[0].start - base))
        for d in after:
            place = next(((name, ps, pe) for ps, pe, name in where if lo <= ps < d.start), None)
            if place is None and not twice:
                return []
            pairs.append((place or c.location, d))
            lo = d.end
        if twice:
            if not all(_AND_ONLY.match(text[x.end - base:y.start - base]) for x, y in zip(after, after[1:])) \
                    or any(d.precision == "day" or d.end_value for d in after):
                return []
        elif not all(_AND_IN.match(text[x[1].end - base:y[0][1] - base]) for x, y in zip(pairs, pairs[1:])):
            return []
        (c.location, c.date), copies = pairs[0], []
        for place, d in pairs[1:]:
            o = _copy(c, date=d, location=place, persons=list(c.persons))
            o.pair = c.pair  # type: ignore[attr-defined]
            copies.append(o)
        return copies

    @staticmethod
    def _delegation_head(analyses: list[Analysis], index: int) -> Mention | None:
        for a in (analyses[index], analyses[index - 1]) if index > 0 else (analyses[index],):
            text, base = a.sent.text, a.sent.start
            for m in a.mentions:
                if m.kind != "person" or m.commentator:
                    continue
                if _LED_BY.search(text[max(0, m.start - base - 60):m.start - base]) \
                        or _ZH_LEADS.match(text[m.end - base:m.end - base + 2]):
                    return m
        return None

    def _host_place(self, a: Analysis, gs: int, cue: Cue) -> tuple[str, int, int] | None:
        """The place or country that is the subject of a "hosted" cue, if no person is."""
        if not _HOSTED.match(cue.text):
            return None
        base = a.sent.start
        for ps, pe, place, _prep in a.places:
            if gs <= ps < cue.start:
                return place["name"], ps, pe
        for cs, ce, _codes in a.countries:
            if gs <= cs < cue.start and a.sent.text[ce - base:ce - base + 2] not in ("'s", "’s"):
                return a.sent.text[cs - base:ce - base], cs, ce
        return None

    @staticmethod
    def _relative_subject(text: str, cue_end: int, pos: int) -> bool:
        """"..., where his visit is watched for the future of the Agreement, which President X has
        threatened to scrap": X is the subject of a clause about something else. "the Dialogue,
        which A and B co-hosted" (the clause right after the cue's name) still names the meeting's people."""
        lo = max(cue_end, pos - 60)
        m = _RELATIVE_SUBJECT.search(text[lo:pos])
        if not m:
            return False
        gap = text[cue_end:lo + m.start()]
        return bool(re.search(r"(?<![\w'’])[a-z]", gap))

    @staticmethod
    def _in_since_clause(a: Analysis, cue: Cue, m: Mention) -> bool:
        """"the first visit ... since the turmoil triggered by President X": X belongs to a clause
        with no meeting of its own ("since the summit of A and B" keeps A and B for "summit")."""
        base = a.sent.start
        s = _SINCE.search(a.sent.text, cue.end - base, m.start - base)
        if s is None:
            return False
        end = _CLAUSE_MARK.search(a.sent.text, m.end - base)
        stop = end.start() + base if end else a.sent.end
        return not any(s.start() + base <= c.start < stop for c in a.cues)

    def _succeeded(self, text: str, pos: int) -> bool:
        """"... since Belousov was appointed, succeeding Sergei Shoigu": a predecessor named
        in passing is no participant."""
        return bool(self._succession and self._succession.search(text[max(0, pos - 60):pos]))

    def _possessor_of(self, a: Analysis, m: Mention, persons: list[Mention]) -> bool:
        """"Trump's envoy Steve Witkoff met Putin": the possessor sent someone, they did not meet."""
        text, base = a.sent.text, a.sent.start
        if not _POSSESSIVE_TAIL.match(text[m.end - base - 2:m.end - base + 1]):
            return False
        nxt = next((p for p in persons if p.start > m.end), None)
        if nxt is None or nxt.start - m.end > 40:
            return False
        gap = text[m.end - base:nxt.start - base]
        if _POSSESSIVE_APPOSITION.match(gap):  # "Rubio's predecessor, Antony Blinken, held talks"
            return True
        return not any(m.end <= c.start < nxt.start for c in a.cues) and "," not in gap and " and " not in gap

    def _is_speaker(self, a: Analysis, m: Mention) -> bool:
        right = a.sent.text[m.end - a.sent.start:m.end - a.sent.start + 40]
        return bool(_SPEAKER_RIGHT.match(right))

    def _pick_date(self, a: Analysis, dates: list[DateInfo], cue: Cue) -> DateInfo | None:
        return pick_date(a, dates, cue, self.triggers)

    def _location(self, a: Analysis, s: int, e: int, kind: str) -> tuple[str, int, int] | None:
        # "arrived in Hanoi after a stop in Singapore, where he met Y": the place "where" points to
        for ps, pe, place, _prep in a.places:
            if s <= ps < e and not place.get("country") \
                    and _WHERE_AFTER.match(a.sent.text[pe - a.sent.start:pe - a.sent.start + 12]):
                return place["name"], ps, pe
        if _WHERE_START.match(a.sent.text[s - a.sent.start:s - a.sent.start + 12]):
            # "..., arrived in Manila from Tokyo, where they held talks with Y": the place before "where"
            before = [(ps, pe, place) for ps, pe, place, _prep in a.places if pe <= s
                      and not a.sent.text[pe - a.sent.start:s - a.sent.start].strip(" ,")]
            if before:
                ps, pe, place = before[-1]
                return place["name"], ps, pe
        country_place = None
        for ps, pe, place, prep in a.places:
            if not (s <= ps < e):
                continue
            if place.get("country") and kind != "visit":
                if prep == "in" and country_place is None and _LOCATIVE_BEFORE.search(
                        a.sent.text[max(s, ps - 30) - a.sent.start:ps - a.sent.start - 3].rstrip()):  # "last met in Cambodia"
                    country_place = (place["name"], ps, pe)
                continue
            if prep in ("in", "at", "during", "to", "visited", "visit", "visiting", "visits") or place.get("venue") \
                    and prep in ("in", "at", "the"):
                return place["name"], ps, pe
            # "at Hyderabad House, New Delhi": the city after an unknown venue
            if _AT_VENUE.search(a.sent.text[max(s, ps - 80) - a.sent.start:ps - a.sent.start]):
                return place["name"], ps, pe
        if country_place is None and kind != "visit":
            country_place = next(((a.sent.text[cs - a.sent.start:ce - a.sent.start], cs, ce) for cs, ce, _c in a.countries
                                  if s <= cs < e and a.sent.text[max(cs - a.sent.start - 3, 0):cs - a.sent.start] == "in "
                                  and _LOCATIVE_BEFORE.search(a.sent.text[max(s, cs - 30) - a.sent.start:cs - a.sent.start - 3].rstrip())
                                  and not _NOUN_NEXT.match(a.sent.text[ce - a.sent.start:ce - a.sent.start + 3])), None)
        return country_place or self._unknown_town(a, s, e)

    def _unknown_town(self, a: Analysis, s: int, e: int) -> tuple[str, int, int] | None:
        """"... at the Military Academy in Magelang, Central Java": a capitalised name after "in"
        that is no known place, person, organisation or country, ending the phrase, is the town."""
        base = a.sent.start
        for m in _IN_TOWN.finditer(a.sent.text, max(s - base, 0), e - base):
            ts, te = m.start(1) + base, m.end(1) + base
            if any(u[0] == ts and u[1] == te and not u[4] for u in a.unknown) \
                    and not any(x.start < te and ts < x.end for x in a.mentions):
                return m.group(1), ts, te
        return None

    def _assemble(self, cands: list[Candidate | tuple[str, Analysis]], analyses: list[Analysis]) -> list[Candidate]:
        events: list[Candidate] = []
        core: Candidate | None = None
        last_proto: tuple[int, Analysis] | None = None
        bound: dict[str, Mention] = {}  # unknown spellings tied to a headline participant
        for ci, c in enumerate(cands):
            if isinstance(c, tuple):
                last_proto = (c[1].sent.index, c[1])
                for m in c[1].mentions:
                    if m.weak and m.text in bound:
                        _rebind(m, bound[m.text])
                continue
            for m in c.persons:
                if m.weak and m.text in bound:
                    _rebind(m, bound[m.text])
            c.persons = _dedupe(c.persons)
            # "X, who ..., co-hosted this round of talks": an unknown spelling in a sentence about
            # the headline meeting is the one headline participant not otherwise named there
            if core is not None and c.anaphoric and core.persons:
                weak = [m for m in c.persons if m.weak]
                others = [m for m in core.persons if m.key not in {x.key for x in c.persons if not x.weak}]
                if len(weak) == 1 and len(others) == 1 and others[0].key:
                    bound[weak[0].text] = others[0]
                    _rebind(weak[0], others[0])
                    c.persons = _dedupe(c.persons)
            strong = [m for m in c.persons if not m.weak]
            unknown = [m for m in c.persons if m.weak and len(m.text.split()) >= 2
                       and not self.triggers.cues(m.text)]
            # "X met Kestrel Varnado in Canberra": the article's opening meeting, with one known
            # participant and a name the gazetteer lacks, is kept with that name as a new actor
            if core is None and not events and unknown and len({m.key for m in strong}) == 1 \
                    and c.sent_index <= 1 and not c.anaphoric and c.status == "held":
                strong = _dedupe(strong + unknown)
                strong.sort(key=lambda m: m.start)
            c.persons = strong
            n_people = len(c.person_keys())
            # "This is the first ... call": the pair in the sentence before
            if self.triggers.this_is_first.search(analyses[c.sent_index].sent.text) and not c.persons \
                    and last_proto and last_proto[0] == c.sent_index - 1:
                pa = last_proto[1]
                persons = _dedupe([m for m in pa.mentions if m.kind == "person" and not m.commentator and not m.weak])
                c.persons = persons
                c.date = c.date or self._pick_date(pa, pa.dates, Cue(c.kind, pa.sent.end, pa.sent.end, ""))
                c.sentences = [pa.sent.index, c.sent_index]
                c.anaphoric = False
                events.append(c)
                continue
            if core is not None and c.anaphoric and not c.date and (
                    not c.persons or c.person_keys() <= core.person_keys() or not core.persons):
                self._merge(core, c, add_people=not core.persons)
                continue
            if not c.persons and c.pair and core is not None and core.persons:
                nxt = next((x for x in cands[ci + 1:ci + 2] if isinstance(x, Candidate)), None)
                if nxt is not None and nxt.sent_index == c.sent_index and len(nxt.person_keys()) >= 2 \
                        and (c.date is None or nxt.date is None or _dates_agree(c.date.value, nxt.date.value)):
                    # "The two countries held their first 2+2 in Tokyo in April 2022, when A and B
                    # hosted C and D": the clause after names who "the two" were
                    nxt.date = nxt.date or c.date
                    nxt.location = nxt.location or c.location
                    nxt.kind = c.kind if nxt.kind == "meeting" else nxt.kind
                    nxt.sentences = sorted(set(nxt.sentences + c.sentences))
                    continue
                # "the two leaders met again": the pair of the latest meeting just before
                recent = next((e for e in reversed(events) if c.sent_index - 2 <= e.sent_index < c.sent_index
                               and len(e.person_keys()) == 2), None)
                src = recent if recent is not None and len(core.person_keys()) != 2 else core
                c.persons = list(src.persons)
                c.coref = True  # type: ignore[attr-defined]
                n_people = len(c.person_keys())
            if core is not None and not core.persons and (c.persons or not events[1:]) and (
                    c.date is None or core.date is None or _dates_agree(core.date.value, c.date.value)) \
                    and c.sent_index - core.sentences[-1] <= 3 and (c.anaphoric or not c.persons or core.date is None
                                                                    or c.date is None):
                self._merge(core, c, add_people=True)
                continue
            if n_people == 1 and c.kind != "visit" and events and events[-1].sent_index == c.sent_index \
                    and len(events[-1].person_keys()) >= 2 and not (c.person_keys() <= events[-1].person_keys()):
                sa = analyses[c.sent_index].sent
                gs = getattr(c, "span", (sa.start, sa.end))[0]
                if self.triggers.mentions_pair(sa.text[gs - sa.start:c.cue.start - sa.start]):
                    # "A and B met in Washington, where they held a summit with C": one meeting of three
                    prev = events[-1]
                    prev.persons = _dedupe(prev.persons + c.persons)
                    if prev.kind == "meeting" and c.kind not in REMOTE:
                        prev.kind = c.kind
                    prev.sentences = sorted(set(prev.sentences + c.sentences))
                    continue
            if n_people == 1 and c.anaphoric and (c.kind != "visit" or c.date is None):
                # "Misri said the 35-minute call took place on Tuesday", "the statement issued after
                # the visit of X": the meeting told of before
                prior = next((e for e in reversed(events) if c.person_keys() < e.person_keys()
                              and (e.kind in REMOTE) == (c.kind in REMOTE)), None)
                if prior is not None:
                    self._merge(prior, c, add_people=False)
                    continue
            if n_people == 1 and c.kind == "visit" and core is not None and c.person_keys() <= core.person_keys() \
                    and (self.triggers.this_is_first.search(analyses[c.sent_index].sent.text)
                         or self.triggers.ranked_trip(analyses[c.sent_index].sent.text[
                             :c.cue.start - analyses[c.sent_index].sent.start])):
                continue  # "This is X's first visit to D since ...": the headline trip described
            if n_people >= 2 or (n_people >= 1 and (c.kind == "visit" or c.orgs or
                                                   (c.status == "planned" and c.cue.text.lower().startswith("attend")) or
                                                   "attend" in c.cue.text.lower())):
                if n_people == 1 and "attend" in c.cue.text.lower() and core is not None:
                    # "X is in the capital to attend the ... Meeting": undated, it is the setting of
                    # the headline meeting; dated, X's trip there ("was in Qingdao from June 25")
                    if c.date is None and c.person_keys() <= core.person_keys():
                        continue
                    if _BEING_IN.search(analyses[c.sent_index].sent.text[:c.cue.start - analyses[c.sent_index].sent.start]):
                        c.kind = "visit"
                if n_people == 1 and c.kind != "visit":
                    country = c.persons[0].country
                    c.orgs = [o for o in c.orgs if o.country and o.country != country][:1]
                    if not c.orgs and "attend" not in c.cue.text.lower():
                        continue
                events.append(c)
                if core is None:
                    core = c
                continue
            if core is None and not c.persons and analyses[c.sent_index].sent.paragraph == 0 and c.status == "held":
                events.append(c)
                core = c
                continue
            if core is not None and c.anaphoric and (not c.persons or c.person_keys() <= core.person_keys()) \
                    and ((c.kind in REMOTE) == (core.kind in REMOTE) or c.date is None):
                self._merge(core, c, add_people=False)
        events = self._drop_settings(events)
        if core is not None and core not in events:
            core = next((e for e in events if e.persons), None)
        if core is not None:
            core.core = True
            if core.duration is None:
                self._core_duration(core, events, analyses)
            # "SINGAPORE, June 12 -": the dateline places a headline meeting its own clause does not
            if core.kind not in REMOTE and (core.location is None or getattr(core, "loc_merged", False)):
                core.location = self._dateline(analyses) or core.location
            fallback = self._fallback_place(analyses, core)
            for e in events:
                if e is not core and e.location is None and e.status == "held" and e.kind not in REMOTE \
                        and fallback is not None and core.person_keys() & e.person_keys() \
                        and (e.date is None or core.date is None or _dates_agree(e.date.value, core.date.value)) \
                        and not (core.date is not None and any(  # its sentence dates it elsewhen
                            d.value and not _dates_agree(d.value, core.date.value) for d in analyses[e.sent_index].dates)):
                    e.location = fallback
        events = [e for e in events if e.persons or e.orgs]
        for e in events:
            people_countries = {m.country for m in e.persons}
            e.orgs = [o for o in e.orgs if o.country and o.country not in people_countries]
            e.orgs = _dedupe(e.orgs)
        events = self._headline_into_lead([e for e in events if e.persons or len(e.orgs) >= 2])
        return self._merge_duplicates(self._union_headline(events))

    def _core_duration(self, core: Candidate, events: list[Candidate], analyses: list[Analysis]) -> None:
        """"The talks lasted more than two hours": a duration stated in a sentence that names no
        one but the headline meeting's people (and no other event) is the headline meeting's."""
        others = {i for e in events if e is not core for i in e.sentences}
        keys = core.person_keys()
        for a in analyses:
            if a.sent.index in others:
                continue
            du = self.triggers.duration(a.sent.text)
            if not du:
                continue
            names = {m.key or m.name for m in a.mentions if m.kind == "person" and not m.commentator}
            if not names <= keys or (not names and not a.cues):
                continue
            if any(d.future for d in a.dates):
                continue
            idx = a.sent.text.find(du[1]) + a.sent.start
            core.duration = (du[0], idx, idx + len(du[1]))
            return

    def _drop_settings(self, events: list[Candidate]) -> list[Candidate]:
        """"X visited D, where he held talks with Y", "X went to D to attend ..., and met Y": the
        trip of one person is the setting of the meeting named in the same sentence."""
        out = []
        for e in events:
            keys = e.person_keys()
            hosts = []
            if len(keys) == 1 and not e.orgs and (e.kind == "visit" or "attend" in e.cue.text.lower()):
                hosts = [o for o in events if o is not e and o.sent_index == e.sent_index
                         and len(o.person_keys()) >= 2 and keys <= o.person_keys() and o.status == e.status
                         and (o.date is None or e.date is None or _dates_agree(o.date.value, e.date.value))]
            if not hosts:
                out.append(e)
                continue
            for host in hosts:
                if host.location is None and e.location is not None:
                    host.location = e.location
                host.date = host.date or e.date
            hosts[0].core = hosts[0].core or e.core
        return out

    def _headline_into_lead(self, events: list[Candidate]) -> list[Candidate]:
        """"X and Y host Japanese counterparts for 3rd 2+2" over "X and Y hosted A and B for the 3rd
        2+2 in New Delhi on August 20": an undated headline is the dated lead meeting it sums up."""
        core = next((e for e in events if e.core), None)
        if core is None or core.date is not None or not core.persons:
            return events
        lead = next((e for e in events if e is not core and e.date is not None and e.status == core.status
                     and 0 < e.sent_index - core.sent_index <= 3 and core.person_keys() <= e.person_keys()), None)
        if lead is None:
            return events
        if lead.kind == "meeting" and core.kind in ("dialogue", "talks", "summit"):
            lead.kind = core.kind
        self._merge(lead, core, add_people=False)
        lead.core = True
        return [e for e in events if e is not core]

    @staticmethod
    def _union_headline(events: list[Candidate]) -> list[Candidate]:
        """"X met Cambodia's prime minister and defence minister on Tuesday. X held talks with A,
        and separately with B": the headline is the two meetings told after it, which take its day."""
        core = next((e for e in events if e.core), None)
        if core is None or core.date is None or len(core.person_keys()) < 3:
            return events
        parts = [e for e in events if e is not core and e.date is None and 2 <= len(e.person_keys())
                 < len(core.person_keys()) and e.person_keys() <= core.person_keys()
                 and 0 < e.sent_index - core.sent_index <= 2 and e.status == core.status]
        if len(parts) < 2 or frozenset().union(*(p.person_keys() for p in parts)) != core.person_keys() \
                or len(frozenset.intersection(*(p.person_keys() for p in parts))) != 1:
            return events
        for p in parts:
            p.date, p.core = core.date, True
            p.location = p.location or core.location
        return [e for e in events if e is not core]

    @staticmethod
    def _date_from_sibling(events: list[Candidate], analyses: list[Analysis]) -> None:
        """"X also held talks with A and met with B": the second verb's meeting shares the first's
        day when its own clause names none."""
        for e in events:
            if e.date is not None or not e.persons:
                continue
            a = analyses[e.sent_index]
            for p in events:
                if p is e or p.sent_index != e.sent_index or p.date is None or p.cue.start >= e.cue.start:
                    continue
                between = a.sent.text[p.cue.end - a.sent.start:e.cue.start - a.sent.start]
                if _SIBLING.search(between) and not any(p.cue.end <= d.start < e.cue.start for d in a.dates) \
                        and e.persons[0].key == p.persons[0].key and e.status == p.status:
                    e.date = p.date
                    break

    @staticmethod
    def _drop_undated_trips(events: list[Candidate]) -> list[Candidate]:
        """"X's visit came a month after ...": a trip of one headline participant to where the
        headline meeting was, with no date of its own, is the trip that meeting was part of."""
        cores = [e for e in events if e.core and e.date is not None and len(e.person_keys()) >= 2]
        out = []
        for e in events:
            keys = e.person_keys()
            if e.kind == "visit" and e.date is None and len(keys) == 1 and not e.core and any(
                    keys <= c.person_keys() and c.status == e.status
                    and (e.location is None or c.location is not None and e.location[0] == c.location[0])
                    for c in cores):
                continue
            out.append(e)
        return out

    def _fallback_place(self, analyses: list[Analysis], core: Candidate) -> tuple[str, int, int] | None:
        """Where a held meeting that names no place of its own took place: the dateline city
        ("HANOI, June 20 -", "Beijing, March 5 (Xinhua) --") or else the city of the headline
        meeting when the headline or lead sentence names it ("A held talks with B in Hanoi").
        A remote headline meeting places nothing."""
        if core.kind in REMOTE:
            return None
        line = self._dateline(analyses)
        if line is not None:
            return line
        if core.location is not None and core.sent_index <= 1:
            return core.location
        return None

    def _dateline(self, analyses: list[Analysis]) -> tuple[str, int, int] | None:
        """The place an article's first sentence opens with, set off as a dateline."""
        for a in analyses[:3]:
            for ps, pe, place, _prep in a.places:
                if ps != a.sent.start or place.get("country"):
                    continue
                tail = a.sent.text[pe - a.sent.start:pe - a.sent.start + 40]
                if _DATELINE_TAIL.match(tail) and a.sent.text[:pe - ps].isupper() or _DATED_DATELINE.match(tail):
                    return place["name"], ps, pe
        return None

    def _merge(self, into: Candidate, c: Candidate, add_people: bool) -> None:
        if add_people:
            into.persons = _dedupe(into.persons + c.persons)
            into.orgs = _dedupe(into.orgs + c.orgs)
        if c.date and (into.date is None or len(c.date.value) > len(into.date.value)
                       and c.date.value.startswith(into.date.value)):
            into.date = c.date
        if into.location is None and c.location is not None:
            into.location = c.location
            into.loc_merged = True  # type: ignore[attr-defined]
        into.duration = into.duration or c.duration
        if into.kind == "meeting" and c.kind in ("dialogue", "talks") and not into.persons:
            into.kind = c.kind
        into.sentences = sorted(set(into.sentences + c.sentences))

    def _merge_duplicates(self, events: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        for e in events:
            target = None
            for o in out:
                # "Misri said the 35-minute call took place on Tuesday": the call told of before
                if e.anaphoric and e.persons and e.person_keys() < o.person_keys() and e.kind == o.kind \
                        and (o.date is None or e.date is None or _dates_agree(o.date.value, e.date.value)):
                    target = o
                    break
                if o.person_keys() != e.person_keys() or not e.persons:
                    continue
                if o.status != e.status and not (e.anaphoric or o.anaphoric):
                    # the same call on the same day, "held" only for want of a word saying otherwise
                    same_day = e.date is not None and o.date is not None and e.date.value == o.date.value \
                        and len(e.date.value) == 10 and e.kind == o.kind
                    if not (same_day and (e.status_span is None) != (o.status_span is None)):
                        continue  # "met in May ... would meet again": two meetings
                    if o.status_span is None:
                        o.status, o.status_span = e.status, e.status_span
                dated = e.date is not None and o.date is not None
                if dated and not _dates_agree(o.date.value, e.date.value):  # type: ignore[union-attr]
                    # one call told from two time zones: "today" in one readout, "the evening of
                    # April 20" in the other
                    if o.kind in REMOTE and e.kind in REMOTE and o.status == e.status \
                            and _day_apart(o.date.value, e.date.value):  # type: ignore[union-attr]
                        if not _explicit(o.date) and _explicit(e.date):
                            o.date = e.date
                        target = o
                        break
                    continue
                if (o.kind in REMOTE) != (e.kind in REMOTE) and (e.date is not None or o.date is not None):
                    continue  # "held talks" and "spoke by phone in March": a call is no meeting
                if o.location is not None and e.location is not None and o.location[0] != e.location[0] \
                        and (o.core and o.date is None or e.core and e.date is None):
                    continue  # headline talks in Perth (dated later) and "met in Tokyo in May": two meetings
                target = o
                break
            if target is None:
                out.append(e)
            else:
                self._merge(target, e, add_people=False)
                target.core = target.core or e.core
        return out

    def _topics(self, ev: Candidate, analyses: list[Analysis]) -> None:
        found: list[tuple[str, int, int, int]] = []
        sents = set(ev.sentences)
        if ev.core:
            for a in analyses:
                if a.sent.index in sents or a.cues and self.topics.discussion(a.sent.text) \
                        or self.topics.discussion(a.sent.text[:80]):
                    sents.add(a.sent.index)
        for idx in sorted(sents):
            a = analyses[idx]
            lo, hi = (a.sent.start, a.sent.end) if ev.core else getattr(ev, "span", (a.sent.start, a.sent.end))
            if not hasattr(a, "_topics"):
                a._topics = self.topics.find(a.sent.text)  # type: ignore[attr-defined]
            for topic, s, e in a._topics:  # type: ignore[attr-defined]
                if ev.core or lo <= s + a.sent.start < hi:
                    found.append((topic, s + a.sent.start, e + a.sent.start, idx))
        ev.topic_hits = found  # type: ignore[attr-defined]

    # -- output ---------------------------------------------------------------------------

    def _to_event(self, ev: Candidate, analyses: list[Analysis], rep: Repaired) -> ExtractedEvent:
        original = rep

        def span(s: int, e: int) -> tuple[int, int]:
            return original.span(s, e)

        def sentence_text(idx: int) -> str:
            a = analyses[idx]
            s, e = span(a.sent.start, a.sent.end)
            return self._orig_text[s:e] if hasattr(self, "_orig_text") else a.sent.text

        evidence: list[Evidence] = []

        def add(fieldname: str, value: str, s: int, e: int, idx: int, note: str | None = None) -> None:
            os_, oe = span(s, e)
            evidence.append(Evidence(fieldname, value, analyses[idx].sent.text, os_, oe, note))

        def sent_of(pos: int) -> int:
            for a in analyses:
                if a.sent.start <= pos < a.sent.end + 1:
                    return a.sent.index
            return ev.sent_index

        parts: list[Participant] = []
        for m in ev.persons + ev.orgs:
            parts.append(Participant(
                name=m.name or m.text, mention=m.text, actor_key=m.key, role=m.role,
                country=m.country, kind=m.kind, alias_source=m.alias_source,
                **({"mention_is_role": True} if m.role_only and _has_field("mention_is_role") else {})))
            add("participants", m.text, m.start, m.end, sent_of(m.start))
        add("kind", ev.kind, ev.cue.start, ev.cue.end, sent_of(ev.cue.start))
        if ev.status_span:
            add("status", ev.status, ev.status_span[0], ev.status_span[1], sent_of(ev.status_span[0]))
        date = date_end = precision = None
        if ev.date:
            date, precision, date_end = ev.date.value, ev.date.precision, ev.date.end_value
            add("date", date, ev.date.start, ev.date.end, sent_of(ev.date.start), ev.date.note)
        location = None
        if ev.location:
            location = ev.location[0]
            add("location", location, ev.location[1], ev.location[2], sent_of(ev.location[1]))
        duration = None
        if ev.duration:
            duration = ev.duration[0]
            add("duration", str(duration), ev.duration[1], ev.duration[2], sent_of(ev.duration[1]))
        topics: list[str] = []
        for topic, s, e, idx in getattr(ev, "topic_hits", []):
            if topic not in topics:
                topics.append(topic)
                add("topic", topic, s, e, idx)
        claims = []
        for cl in getattr(ev, "claims", []):
            s, e = span(cl.start, cl.end)
            cl.start, cl.end = s, e
            claims.append(cl)
            evidence.append(Evidence("claim", cl.text, cl.text, s, e, cl.speaker))
        first = analyses[min(ev.sentences or [ev.sent_index])]
        summary = first.sent.text if len(first.sent.text) <= 300 else first.sent.text[:297] + "..."
        return ExtractedEvent(kind=ev.kind, status=ev.status, participants=parts, date=date,
                              date_precision=precision, date_end=date_end, location=location,
                              duration_minutes=duration, summary=summary, topics=topics, claims=claims,
                              evidence=evidence, core=ev.core)


_SPEECH_HEAD = r"said|says|stated|announced|introduced|noted|told|pointed out|reported|released|issued|also said|also announced"


_SPEAKER_RIGHT = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:\w+\s+){0,2}?(?:" + _SPEECH_HEAD + ")", re.I)


def _copy(c: Candidate, **changes: Any) -> Candidate:
    """Another meeting told in the same clause as ``c``: its fields with ``changes``, the clause's
    span, and no "the two" pair of its own."""
    o = dataclasses.replace(c, **changes)
    o.pair, o.span = False, getattr(c, "span", None)  # type: ignore[attr-defined]
    return o


@lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    words = phrase_key(name)
    return (words[0], words[-1]) if words else ()


def _rebind(m: Mention, to: Mention) -> None:
    """An unknown spelling resolved, within one article, to an actor found elsewhere in it."""
    m.key, m.name, m.country, m.kind = to.key, to.name, to.country, to.kind
    m.weak, m.alias_source = False, "auto"


@lru_cache(maxsize=1)
def _generic_role_re() -> re.Pattern | None:
    words = lexicon()["names"].get("generic_role_before", [])
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+$", re.I) if words else None


def _generic_role(before: str) -> bool:
    """"an Australian Foreign Minister": a role named generically, held by nobody in particular."""
    rx = _generic_role_re()
    return bool(rx and rx.search(before))


_FIRST_PERSON = re.compile(r"\b(?:I|my|My)\b")
_QUOTE = re.compile(r"[\"“”]")


def _author(analyses: list[Analysis]) -> Mention | None:
    """The one person a first-person release names in its heading ("Minister for Foreign Affairs,
    the Hon Jane Doe"), before the body first says "I": who "I" is."""
    found: list[Mention] = []
    for a in analyses[:6]:
        if _FIRST_PERSON.search(a.sent.text) and not _QUOTE.search(a.sent.text):
            keys = {m.key for m in found}
            return found[0] if len(keys) == 1 and found[0].key else None
        if a.cues and len(a.sent.text) > 120:
            return None
        found += [m for m in a.mentions if m.kind == "person" and not m.weak and not m.commentator and not m.role_only]
    return None


def _has_field(name: str) -> bool:
    return name in Participant.__dataclass_fields__


_CLAUSE_MARK = re.compile(r"[,;，；]")
_ZH_CLAUSE_MARK = re.compile(r"[，；]")
_CLAUSE_SPLIT = re.compile(r"[,;，；]|\s(?=(?:when|after|since)\s)"
                           r"|\s(?=and\s+(?:also\s+|later\s+|then\s+)?(?:met|held|hosted|received|visited|spoke)\b)")


def _segments(text: str) -> list[tuple[int, int]]:
    """Clauses: split at commas and semicolons, before "when" ("X's visit had been agreed
    when A and B met") and before a second verb ("held talks with A and met with B"), so that
    each clause's cue keeps its own people."""
    out, start = [], 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if m.end() > start:
            out.append((start, m.end()))
            start = m.end()
    out.append((start, len(text)))
    return out


def _seg_of(segments: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(segments):
        if s <= pos < e:
            return i
    return len(segments) - 1


def _dedupe(ms: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in ms:
        k = m.key or m.name
        if k in seen:
            continue
        seen.add(k)
        out.append(m)
    return out


def _day_apart(a: str, b: str) -> bool:
    if len(a) != 10 or len(b) != 10:
        return False
    from datetime import date

    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) == 1
    except ValueError:
        return False


def _explicit(d: DateInfo | None) -> bool:
    """A date written with its day ("April 20"), not one reckoned from the publication date ("today")."""
    return d is not None and any(ch.isdigit() for ch in d.text)


def _dates_agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _iso_at(d: Any, precision: str | None) -> str:
    iso = d.isoformat() if hasattr(d, "isoformat") else str(d)
    return {"year": iso[:4], "month": iso[:7]}.get(precision or "day", iso[:10])
