"""Feed documents into articles: feedparser's entries become :class:`ArticleIn`, deduplicated.

Parsing (``parse_feed``) is pure and runs in the fetching threads; storing (``store_items``)
runs in the one writer thread, inside the feed's transaction.

An item is the same article as a stored one when it has the same guid, else the same link,
else the same text (content hash). Same key and same text: nothing to do. Same key, new text:
the article is updated and re-extracted. A guid that is not globally unique on its face
(``"1"``, ``"post-17"``) is stored prefixed with the feed URL, so two feeds that both number
their items from 1 do not overwrite each other.

Article text is the title as its first paragraph, then the richest body the item offers
(the longest of ``content``, ``summary``/``description``), reduced to plain text. That is the
shape ``briefing add`` gives a text file (the first line is the title), it lets the extractor
read the headline, and it keeps items whose body is a boilerplate "Read more" distinct.
"""
from __future__ import annotations

import email.utils
import re
import sqlite3
import xml.sax
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable
from urllib.parse import urljoin, urlsplit

import feedparser

from briefing.ingest.html_text import html_to_text
from briefing.store import Store
from briefing.store.articles import ArticleIn, content_hash, insert_article, update_article
from briefing.store.events import delete_article_events, save_events
from briefing.textsafe import clean_text

_HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}


@dataclass
class Item:
    """One feed entry, reduced to what an article needs."""

    title: str | None
    text: str
    link: str | None = None
    guid: str | None = None
    published: str | None = None

    def article(self, source: str, feed_id: int | None) -> ArticleIn:
        return ArticleIn(text=self.text, title=self.title, source=source, url=self.link, guid=self.guid,
                         published=self.published, feed_id=feed_id)


@dataclass
class ParsedFeed:
    items: list[Item]
    title: str | None = None
    problem: str | None = None  # why feedparser called it ill-formed (bozo), in words
    error: str | None = None  # set when nothing usable came out: the feed failed
    notes: list[str] = field(default_factory=list)  # undated items, unreadable dates, duplicates...


# ---------------------------------------------------------------- parsing


def parse_feed(body: bytes, *, url: str, headers: dict[str, str] | None = None,
               guid_scope: str | None = None) -> ParsedFeed:
    """Parse feed bytes (never a URL: feedparser would fetch it) into items and problems.

    feedparser strips any DOCTYPE before expat sees the document and turns external entities
    off, so entity bombs and XXE stay inert text (see tests/ingest/test_safety.py).
    """
    # A local file has no headers: application/xml lets its XML declaration name the encoding.
    # No content-location: feedparser would resolve a bare guid ("17") against the feed URL,
    # making two feeds' item 17 one article. Links are resolved in entry_to_item instead.
    response_headers = {"content-type": "application/xml"}
    if headers is not None:
        response_headers.pop("content-type")
        for key in ("content-type", "content-language"):
            if headers.get(key):
                response_headers[key] = headers[key]
    d = feedparser.parse(body, response_headers=response_headers)
    problem = describe_bozo(d.get("bozo_exception")) if d.get("bozo") else None
    entries = d.get("entries") or []
    if not entries and not d.get("version") and not (d.feed.get("title") or d.feed.get("link")):
        if not body.strip():
            return ParsedFeed([], error="empty document")
        ctype = (headers or {}).get("content-type", "")
        hint = f" (served as {ctype.split(';')[0]})" if ctype else ""
        return ParsedFeed([], error=f"not an RSS or Atom feed{hint}: {problem or 'no feed elements found'}")
    parsed = ParsedFeed([], title=_plain(d.feed.get("title"), _detail_type(d.feed.get("title_detail"))) or None,
                        problem=problem)
    undated = unreadable = nokey = empty = dup = 0
    bad_date = None
    seen: set[str] = set()
    for entry in entries:
        item, date_raw = entry_to_item(entry, url, guid_scope or url)
        if item is None:
            empty += 1
            continue
        if item.published is None:
            if date_raw:
                unreadable += 1
                bad_date = bad_date or date_raw
            else:
                undated += 1
        if not item.guid and not item.link:
            nokey += 1
        key = ("g:" + item.guid) if item.guid else ("l:" + item.link) if item.link else "h:" + content_hash(item.text)
        if key in seen:
            dup += 1
            continue
        seen.add(key)
        parsed.items.append(item)
    if unreadable:
        parsed.notes.append(f"{_n(unreadable, 'item')} with a date that cannot be read (e.g. {bad_date!r})")
    if undated:
        parsed.notes.append(f"{_n(undated, 'item')} without a date")
    if nokey:
        parsed.notes.append(f"{_n(nokey, 'item')} without an id or link (matched by text only)")
    if empty:
        parsed.notes.append(f"{_n(empty, 'item')} without a title or text (skipped)")
    if dup:
        parsed.notes.append(f"{_n(dup, 'item')} repeated within the feed (kept the first)")
    return parsed


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def describe_bozo(exc: Any) -> str:
    """feedparser's bozo exception as a reason an analyst can act on."""
    if exc is None:
        return "ill-formed feed"
    name = type(exc).__name__
    if isinstance(exc, xml.sax.SAXParseException):
        msg = exc.getMessage()
        return f"not well-formed XML at line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {msg}"
    if name == "CharacterEncodingOverride":
        return f"encoding problem: {exc}"
    if name == "CharacterEncodingUnknown":
        return f"unknown character encoding: {exc}"
    if name == "NonXMLContentType":
        return f"wrong content type: {exc}"
    text = " ".join(str(exc).split())[:200]
    return f"{name}: {text}" if text else name


def _detail_type(detail: Any) -> str:
    """The declared type of a feed text; "" when undeclared (the text is then sniffed)."""
    return str(detail.get("type") or "") if isinstance(detail, dict) else ""


_LOOKS_HTML = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|/[a-zA-Z]|!--)|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _plain(value: str | None, mime: str) -> str:
    """Feed text (HTML or plain) as clean plain text, paragraphs kept."""
    if not value:
        return ""
    value = fix_mojibake(value)  # before HTML reduction, which folds the no-break spaces it needs
    html = mime in _HTML_TYPES or (not mime and _LOOKS_HTML.search(value) is not None)
    text = html_to_text(value)[0] if html else value
    return clean_text(text).strip()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def entry_to_item(entry: Any, feed_url: str, guid_scope: str | None = None) -> tuple[Item | None, str | None]:
    """One feedparser entry -> (item or None when it holds no text, the raw date string)."""
    title = _one_line(_plain(entry.get("title"), _detail_type(entry.get("title_detail")))) or None
    bodies = [_plain(c.get("value"), c.get("type", "text/html")) for c in entry.get("content") or []]
    if entry.get("summary"):
        bodies.append(_plain(entry.get("summary"), _detail_type(entry.get("summary_detail"))))
    body = max(bodies, key=len, default="")
    if title and body and not _one_line(body).startswith(title):
        text = f"{title}\n\n{body}"
    else:
        text = body or title or ""
    published, raw = entry_date(entry)
    if not text:
        return None, raw
    guid = _one_line(clean_text(str(entry.get("id") or ""))) or None
    # feedparser takes a permalink guid as the link; "17" resolved against the feed's URL is no link
    raw_link = entry.get("link")
    if isinstance(raw_link, str) and raw_link.strip() and not urlsplit(raw_link.strip()).scheme:
        raw_link = urljoin(feed_url, raw_link.strip())  # a relative link, against the feed's URL
    link = None if entry.get("guidislink") and not _http_link(guid) else _http_link(raw_link)
    return Item(title=title, text=text, link=link, guid=scoped_guid(guid, guid_scope or feed_url) if guid else None,
                published=published), raw


def _http_link(link: Any) -> str | None:
    if not link or not isinstance(link, str):
        return None
    link = link.strip()
    return link if urlsplit(link).scheme in ("http", "https") else None


_GLOBAL_ID = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def scoped_guid(guid: str, feed_url: str) -> str:
    """A guid as stored: kept when it is a URI (globally unique by design), else scoped to the feed.

    >>> scoped_guid("tag:example.org,2024:1", "https://a/f.xml"), scoped_guid("17", "https://a/f.xml")
    ('tag:example.org,2024:1', 'https://a/f.xml#17')
    """
    return guid if _GLOBAL_ID.match(guid) else f"{feed_url}#{guid}"


def entry_date(entry: Any) -> tuple[str | None, str | None]:
    """(ISO date of the item or None, the raw date string). The raw offset is kept when readable."""
    raw_seen = None
    for key in ("published", "updated", "created"):
        raw = dict.get(entry, key)  # not entry.get: feedparser maps updated->published with a warning
        if not raw:
            continue
        raw_seen = raw_seen or str(raw)
        iso = parse_date(str(raw))
        if iso:
            return iso, raw_seen
        parsed = dict.get(entry, key + "_parsed")
        if parsed and _sane_year(parsed[0]):
            return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat(), raw_seen
    return None, raw_seen


def _sane_year(year: int) -> bool:
    return 1990 <= year <= datetime.now(timezone.utc).year + 1


def parse_date(raw: str) -> str | None:
    """RFC 822 or ISO 8601 text -> ISO 8601 with its own UTC offset; None when unreadable.

    >>> parse_date("Sat, 07 Jan 2017 08:00:00 +0900"), parse_date("2017-01-06T12:00:00Z")
    ('2017-01-07T08:00:00+09:00', '2017-01-06T12:00:00+00:00')
    """
    raw = raw.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):  # a date alone stays a date
        try:
            return raw if _sane_year(datetime.fromisoformat(raw).year) else None
        except ValueError:
            return None
    dt = None
    try:
        dt = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        try:
            dt = datetime.fromisoformat(raw.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            return None
    if dt is None or not _sane_year(dt.year):
        return None
    return dt.replace(microsecond=0).isoformat()


_MOJIBAKE = re.compile("[\u00c2\u00c3\u00c5\u00c4\u00e2\u00d0\u00d1][\u0080-\u00bf\u0152\u0153\u0160\u0161"
                       "\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026"
                       "\u2030\u2039\u203a\u20ac\u2122]")


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as Windows-1252 once ('Ã¼' -> 'ü'); anything else is kept.

    Only when the whole string round-trips: a text that merely contains 'Ã' stays as it is.

    >>> fix_mojibake("MÃ¼nchen â€“ Berlin"), fix_mojibake("Ã  la carte")
    ('München – Berlin', 'Ã  la carte')
    """
    if not _MOJIBAKE.search(text):
        return text
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 256:
            out.append(code)
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                return text
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return text


# ---------------------------------------------------------------- storing


@dataclass
class ItemCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)


def classify(store: Store, art: ArticleIn, digest: str) -> tuple[str, int | None]:
    """What to do with an item: ('new'|'update'|'unchanged'|'duplicate', stored article id).

    May clear ``art.url`` when another item (another guid) already holds that link.
    """
    conn = store.conn
    if art.guid:
        row = conn.execute("SELECT id, content_hash, feed_id FROM articles WHERE guid = ?", [art.guid]).fetchone()
        if row:
            return _same_or_update(conn, row, art, digest)
    if art.url:
        row = conn.execute("SELECT id, content_hash, feed_id, guid FROM articles WHERE url = ?", [art.url]).fetchone()
        if row:
            if art.guid and row[3] and row[3] != art.guid:
                art.url = None  # a different item sharing the link: keep it, without the link
            else:
                return _same_or_update(conn, row, art, digest)
    row = conn.execute("SELECT id, feed_id FROM articles WHERE content_hash = ?", [digest]).fetchone()
    if row:  # the same text: seen again in its own feed, or a copy of another source's article
        same_feed = row[1] is not None and row[1] == art.feed_id and not art.guid and not art.url
        return ("unchanged" if same_feed else "duplicate"), row[0]
    return "new", None


def _same_or_update(conn: sqlite3.Connection, row: tuple, art: ArticleIn, digest: str) -> tuple[str, int]:
    """Same item seen again: unchanged, or an update when its text changed in its own feed.

    Only the feed that stored an article may rewrite it: another feed (or the same feed under
    a second URL) carrying the same guid or link with other text counts as a duplicate, or two
    feeds would rewrite the article back and forth on every run.
    """
    article_id, stored_hash, feed_id = row[0], row[1], row[2]
    if stored_hash == digest:
        return "unchanged", article_id
    if feed_id is None or feed_id != art.feed_id:
        return "duplicate", article_id
    other = conn.execute("SELECT id FROM articles WHERE content_hash = ? AND id != ?", [digest, article_id]).fetchone()
    if other:
        return "duplicate", other[0]  # the new text is already stored as another article
    return "update", article_id


@dataclass
class Prepared:
    """An item with its article, its text's hash and, when it needs storing, its events."""

    item: Item
    art: ArticleIn
    digest: str
    events: list | None = None


def prepare_items(store: Store, items: list[Item], *, source: str, feed_id: int,
                  extract: Callable[[str, str | None], list], counts: ItemCounts) -> list[Prepared]:
    """Outside any transaction: find what is new or changed and extract it.

    Extraction is the slow part; doing it before the write transaction keeps the store's write
    lock short, so the analyst's app never waits on it. ``extract`` is called only for new or
    changed items, so an unchanged feed never even loads the extractor. An item whose
    extraction fails is left out and named in ``counts.errors``; the next run tries it again.
    """
    out = []
    for item in items:
        art = item.article(source, feed_id)
        digest = content_hash(art.text)
        action, _ = classify(store, art, digest)
        prepared = Prepared(item, art, digest)
        if action in ("new", "update"):
            try:
                prepared.events = extract(art.text, art.published)
            except Exception as exc:  # noqa: BLE001 - an extractor bug must not lose the other items
                counts.errors.append(f"item {_label(item)!r} not stored: extraction failed "
                                     f"({type(exc).__name__}: {exc})")
                continue
        out.append(prepared)
    return out


def _label(item: Item) -> str:
    return (item.title or item.link or item.guid or "untitled item")[:80]


def write_items(store: Store, prepared: list[Prepared], *, extract: Callable[[str, str | None], list],
                counts: ItemCounts) -> None:
    """Inside the feed's transaction: store what :func:`prepare_items` found, one savepoint each.

    Each item is classified again (another writer may have stored it meanwhile). Database
    errors other than a constraint propagate and roll the whole feed back.
    """
    touched_update = False
    for p in prepared:
        art = p.item.article(p.art.source, p.art.feed_id)
        action, article_id = classify(store, art, p.digest)
        if action == "unchanged":
            counts.unchanged += 1
            continue
        if action == "duplicate":
            counts.duplicates += 1
            continue
        try:
            events = p.events if p.events is not None else extract(art.text, art.published)
        except Exception as exc:  # noqa: BLE001
            counts.errors.append(f"item {_label(p.item)!r} not stored: extraction failed ({type(exc).__name__}: {exc})")
            continue
        try:
            with store.transaction():  # a savepoint: this item, all or nothing
                if action == "new":
                    article_id = insert_article(store, art, p.digest)
                else:
                    update_article(store, article_id, art, p.digest)
                    delete_article_events(store, article_id)
                touched = save_events(store, article_id, events)
        except sqlite3.IntegrityError as exc:
            counts.errors.append(f"item {_label(p.item)!r} not stored: {exc}")
            continue
        counts.events += len(set(touched))
        if action == "new":
            counts.added += 1
        else:
            counts.updated += 1
            touched_update = True
    if touched_update:
        try:
            from briefing.store.curation import replay_curations
        except ImportError:
            return
        replay_curations(store)  # the analyst's corrections survive an item's re-extraction


# ---------------------------------------------------------------- full text (optional)


class FullTextUnavailable(Exception):
    """trafilatura is not installed."""


FULLTEXT_HINT = ("full_text = true needs the optional trafilatura package "
                 "(pip install 'briefing[fulltext]'); stored the feed's own text instead")


def page_article(html: bytes, url: str) -> tuple[str, str | None]:
    """(article body as plain text, the page's publication date or None) via trafilatura.

    Imported here, lazily: it is an optional dependency and a heavy import.
    """
    try:
        import trafilatura
    except ImportError:
        raise FullTextUnavailable(FULLTEXT_HINT) from None
    import json

    raw = trafilatura.extract(html, url=url, output_format="json", with_metadata=True,
                              include_comments=False, include_tables=False)
    if not raw:
        return "", None
    data = json.loads(raw)
    text = fix_mojibake(clean_text(data.get("text") or "")).strip()
    date = data.get("date")
    published = parse_date(str(date)) if date else None
    if date and not published:
        try:
            published = datetime.fromisoformat(str(date)).date().isoformat()
        except ValueError:
            published = None
    return text, published


def with_page_text(item: Item, body: str, page_date: str | None) -> Item:
    """The item with the linked page's body (when it is richer) and its date when the feed had none."""
    text = item.text
    if body and len(body) > len(item.text):
        text = f"{item.title}\n\n{body}" if item.title and not _one_line(body).startswith(item.title) else body
    return Item(title=item.title, text=text, link=item.link, guid=item.guid,
                published=item.published or page_date)
