"""Articles: one row per distinct article, deduplicated by guid, url and content hash."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone

from briefing.store.database import Store


@dataclass
class ArticleIn:
    text: str
    title: str | None = None
    source: str | None = None
    path: str | None = None
    url: str | None = None
    guid: str | None = None
    published: str | None = None
    language: str | None = None
    feed_id: int | None = None


def content_hash(text: str) -> str:
    """sha256 of the text with white space folded, so re-wrapped copies count as one."""
    if not text.isascii():  # isascii is a quick C check; NFC only matters beyond ASCII
        text = unicodedata.normalize("NFC", text)
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def guess_language(text: str) -> str:
    """'zh' when most letters are Chinese characters, else 'en' (the extractor's two languages).

    >>> guess_language("中越外长在北京会面"), guess_language("Ministers met in Beijing.")
    ('zh', 'en')
    """
    sample = text[:2000]
    if not _CJK.search(sample):
        return "en"
    cjk = len(_CJK.findall(sample))
    latin = sum(map(len, _LATIN.findall(sample)))
    return "zh" if cjk > latin else "en"


def find_existing(store: Store, art: ArticleIn, digest: str) -> tuple[int, str] | None:
    """(id, how it matched) of an article already stored as this one, by guid, url or hash."""
    conn = store.conn
    for column, value in (("guid", art.guid), ("url", art.url), ("content_hash", digest)):
        if value:
            row = conn.execute(f"SELECT id, content_hash FROM articles WHERE {column} = ?", [value]).fetchone()
            if row:
                return row[0], column
    return None


def insert_article(store: Store, art: ArticleIn, digest: str | None = None) -> int:
    digest = digest or content_hash(art.text)
    cur = store.conn.execute(
        "INSERT INTO articles (url, guid, content_hash, source, path, title, published, fetched_at,"
        " language, text, feed_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [art.url, art.guid, digest, art.source, art.path, art.title, art.published, now_iso(),
         art.language or guess_language(art.text), art.text, art.feed_id],
    )
    return int(cur.lastrowid)


def insert_articles(store: Store, rows: list[tuple[ArticleIn, str]]) -> None:
    """Insert many (article, content hash) pairs in one statement batch (the bulk import path)."""
    fetched = now_iso()
    store.conn.executemany(
        "INSERT INTO articles (url, guid, content_hash, source, path, title, published, fetched_at,"
        " language, text, feed_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(a.url, a.guid, digest, a.source, a.path, a.title, a.published, fetched,
          a.language or guess_language(a.text), a.text, a.feed_id) for a, digest in rows],
    )


def update_article(store: Store, article_id: int, art: ArticleIn, digest: str | None = None) -> None:
    digest = digest or content_hash(art.text)
    store.conn.execute(
        "UPDATE articles SET content_hash = ?, title = coalesce(?, title), published = coalesce(?, published),"
        " text = ?, language = ?, updated_at = ? WHERE id = ?",
        [digest, art.title, art.published, art.text, art.language or guess_language(art.text), now_iso(),
         article_id],
    )


def get_article(store: Store, article_id: int) -> dict | None:
    cur = store.conn.execute("SELECT * FROM articles WHERE id = ?", [article_id])
    row = cur.fetchone()
    return dict(zip([c[0] for c in cur.description], row)) if row else None
