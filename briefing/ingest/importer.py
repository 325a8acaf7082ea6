"""``briefing add``: files into articles, each article through the extractor.

Each file is its own savepoint inside a batch transaction: a file that fails halfway leaves
nothing of itself behind, and the files before it stay imported.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from briefing.errors import BriefingError
from briefing.extract import Extractor, NullExtractor
from briefing.ingest.files import read_article_file
from briefing.store import Store
from briefing.store.articles import ArticleIn, content_hash, find_existing, insert_article, insert_articles
from briefing.store.events import save_events

BATCH = 500  # files per commit: fewer fsyncs on big imports, little lost on a crash


@dataclass
class ImportReport:
    added: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.added} article{'s' if self.added != 1 else ''} added",
                 f"{self.skipped} skipped", f"{self.events} event{'s' if self.events != 1 else ''} found"]
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        return ", ".join(parts)


def add_article(store: Store, art: ArticleIn, extractor: Extractor) -> tuple[int | None, int]:
    """Store one article (unless already stored) and its events: (article id or None, events)."""
    digest = content_hash(art.text)
    if find_existing(store, art, digest):
        return None, 0
    with store.transaction():
        article_id = insert_article(store, art, digest)
        events = extractor.extract(art.text, art.published)
        touched = save_events(store, article_id, events)
    return article_id, len(set(touched))


def _read_new(store: Store, path: Path, report: ImportReport, *, published: str | None, source: str | None,
              seen: set[str] | frozenset[str] = frozenset()) -> tuple[ArticleIn, str] | None:
    """Read one file as an article with its content hash, or None (error or duplicate, reported)."""
    try:
        doc = read_article_file(path)
    except BriefingError as exc:
        report.errors.append(str(exc))
        return None
    art = ArticleIn(text=doc.text, title=doc.title, source=source or "file", path=os.path.abspath(path),
                    published=published)
    digest = content_hash(art.text)
    existing = find_existing(store, art, digest)
    if existing or digest in seen:
        report.skipped += 1
        where = f"article {existing[0]}" if existing else "an earlier file of this import"
        report.notes.append(f"skipped {path}: already stored as {where}")
        return None
    return art, digest


def import_files(
    store: Store,
    paths: list[Path],
    extractor: Extractor,
    *,
    published: str | None = None,
    source: str | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> ImportReport:
    if isinstance(extractor, NullExtractor):
        return _import_without_extraction(store, paths, published=published, source=source, on_file=on_file)
    report = ImportReport()
    conn = store.conn
    pending = 0
    try:
        for path in paths:
            if on_file:
                on_file(path)
            new = _read_new(store, path, report, published=published, source=source)
            if new is None:
                continue
            art, digest = new
            if not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
            try:
                with store.transaction():  # a savepoint: this file, all or nothing
                    article_id = insert_article(store, art, digest)
                    touched = save_events(store, article_id, extractor.extract(art.text, art.published))
            except sqlite3.DatabaseError:
                raise
            except Exception as exc:  # an extractor bug must not lose the other files
                report.errors.append(f"{path}: could not be imported ({type(exc).__name__}: {exc})")
                continue
            report.added += 1
            report.events += len(set(touched))
            pending += 1
            if pending >= BATCH:
                conn.commit()
                pending = 0
        if conn.in_transaction:
            conn.commit()
    except BaseException:
        if conn.in_transaction:
            conn.rollback()  # only the current batch; earlier batches are committed
        raise
    return report


def _import_without_extraction(store: Store, paths: list[Path], *, published: str | None, source: str | None,
                               on_file: Callable[[Path], None] | None) -> ImportReport:
    """Bulk path for ``--no-extract``: with nothing but one row per file, a batch is inserted at once.

    Duplicates are checked against the store and against the batch itself; each batch commits
    on its own, as in the extracting path.
    """
    report = ImportReport()
    batch: list[tuple[ArticleIn, str]] = []
    seen: set[str] = set()

    def flush() -> None:
        if batch:
            with store.transaction():
                insert_articles(store, batch)
            report.added += len(batch)
            batch.clear()
            seen.clear()

    for path in paths:
        if on_file:
            on_file(path)
        new = _read_new(store, path, report, published=published, source=source, seen=seen)
        if new is None:
            continue
        art, digest = new
        seen.add(digest)
        batch.append((art, digest))
        if len(batch) >= BATCH:
            flush()
    flush()
    return report
