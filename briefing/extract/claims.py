"""Claims: what a named side or spokesperson said about the headline meeting.

A claim is a sentence (from the headline meeting on) whose speaker, the mention before a
speech verb, is a participant, a spokesperson or an official body of a participant's side,
and which either names the meeting ("the meeting was positive") or is spoken by a
participant. The side is the speaker's country. Outside analysts are not sides.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from briefing.extract.model import Claim

if TYPE_CHECKING:
    from briefing.extract.pipeline import Analysis, Candidate, MeetingExtractor

_ABOUT_MEETING = re.compile(r"\b(?:the|this|that) (?:meeting|talks|call|dialogue|visit|conversation)\b|"
                            r"\b(?:during|after|in) the (?:meeting|talks|call)\b|会谈|会见|会晤", re.I)
_ANALYST = re.compile(r"\b(?:researcher|scholar|professor|analyst|expert|dean|fellow)\b", re.I)
_SPOKES = re.compile(r"\bspokes(?:man|person|woman)\b|\bministry\b|\bdepartment\b|\bpentagon\b|\boffice\b", re.I)


def find_claims(ex: "MeetingExtractor", events: list["Candidate"], analyses: list["Analysis"]) -> None:
    core = next((e for e in events if e.core), None)
    if core is None:
        return
    sides = {m.country for m in core.persons + core.orgs if m.country}
    keys = core.person_keys()
    first = min(core.sentences or [core.sent_index])
    claims: list[Claim] = []
    last_speaker: Any = None
    for a in analyses[first:]:
        text = a.sent.text
        verb = ex.triggers.speech(text)
        pronoun = re.match(r"^\W*(?:He|She)\b", text)
        if verb is None:
            continue
        head = text[:verb.start()]
        speaker = None
        for m in a.mentions:
            if m.start - a.sent.start < verb.start():
                speaker = m
        if speaker is None and pronoun and last_speaker is not None:
            speaker = last_speaker
        if speaker is None:
            continue
        if _ANALYST.search(head) or (speaker.commentator and not _SPOKES.search((speaker.role or "") + " " + head)):
            last_speaker = None
            continue
        side = speaker.country
        is_participant = (speaker.key or speaker.name) in keys
        if not is_participant and not (side in sides and (_ABOUT_MEETING.search(text) or speaker.commentator)):
            last_speaker = None
            continue
        last_speaker = speaker
        claims.append(Claim(text=text, side=side, speaker=speaker.name or speaker.text,
                            start=a.sent.start, end=a.sent.end))
    core.claims = claims  # type: ignore[attr-defined]
