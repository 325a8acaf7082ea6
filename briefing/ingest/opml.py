"""OPML in and out: the subscription list format newsboat, Feedly, Thunderbird and others share.

Export writes OPML 2.0: one ``<outline type="rss" text= title= xmlUrl=>`` per feed, its tags in
``category`` (comma-separated, as OPML 2.0 defines it). Import reads any reader's file: feeds
are the outlines with an ``xmlUrl``; the titles of the folders they sit in become tags (that is
how readers export their folders), and ``category`` is read too.

An OPML file comes from elsewhere, so it is parsed defensively: size-capped, and a document
with a DOCTYPE (the only way to declare entities, hence entity bombs and external entities) is
refused outright; no reader writes one.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Any

from briefing.errors import BriefingError

MAX_OPML_BYTES = 5_000_000


@dataclass
class OpmlFeed:
    url: str
    name: str | None = None
    tags: list[str] = field(default_factory=list)
    full_text: bool = False


def parse_opml(data: bytes, where: str = "OPML file") -> list[OpmlFeed]:
    """The feeds an OPML document lists, in order; :class:`BriefingError` if it is not OPML."""
    if len(data) > MAX_OPML_BYTES:
        raise BriefingError(f"{where}: too large for an OPML file ({len(data):,} bytes)")
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise BriefingError(f"{where}: refused: declares a DOCTYPE or entities (not needed in OPML)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise BriefingError(f"{where}: not well-formed XML ({exc})") from None
    if _local(root.tag) != "opml":
        raise BriefingError(f"{where}: not an OPML document (root element <{_local(root.tag)}>)")
    body = next((el for el in root if _local(el.tag) == "body"), None)
    if body is None:
        raise BriefingError(f"{where}: OPML without a <body>")
    feeds: list[OpmlFeed] = []
    _walk(body, [], feeds)
    return feeds


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1].lower()


def _walk(node: ET.Element, folders: list[str], out: list[OpmlFeed]) -> None:
    for el in node:
        if _local(el.tag) != "outline":
            continue
        attrs = {k.rsplit("}", 1)[-1].lower(): v for k, v in el.attrib.items()}
        url = (attrs.get("xmlurl") or "").strip()
        label = (attrs.get("title") or attrs.get("text") or "").strip()
        if url:
            tags = list(folders)
            for cat in (attrs.get("category") or "").split(","):
                cat = cat.strip().strip("/")
                if cat and cat not in tags:
                    tags.append(cat)
            full = (attrs.get("briefingfulltext") or "").lower() in ("1", "true", "yes")
            out.append(OpmlFeed(url=url, name=" ".join(label.split()) or None, tags=tags, full_text=full))
        _walk(el, folders + [label] if (label and not url) else folders, out)


def render_opml(feeds: list[dict[str, Any]], title: str = "briefing feeds") -> str:
    """OPML 2.0 for the configured feeds (name, url, tags, full_text)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(timezone.utc), usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": str(feed.get("name") or feed["url"]),
                 "title": str(feed.get("name") or feed["url"]), "xmlUrl": str(feed["url"])}
        tags = [str(t) for t in feed.get("tags") or []]
        if tags:
            attrs["category"] = ",".join(tags)
        if feed.get("full_text"):
            attrs["briefingFullText"] = "true"
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
