"""``briefing ingest``: fetch every configured feed once, store new items, extract them.

Two entry points:

- :func:`ingest_feeds` — the programmatic API (the TUI's feeds screen calls it from a worker
  thread). Returns an :class:`IngestReport`; ``progress(result, done, total)`` is called in the
  calling thread after each feed is stored.
- :func:`run_ingest` — the CLI: the lock, the log file, the messages and the exit status
  (0 every feed fetched, 1 some failed, 2 configuration or store error, 75 another run holds
  the lock).

How a run is shaped, and why:

- Fetching and parsing run in a bounded thread pool (``[ingest] concurrency``): the network is
  the slow part. Writing happens in the calling thread only, one transaction per feed (the
  feed's row and all its items together), so ``kill -9`` at any moment leaves every feed
  either fully stored or untouched, and the next run completes the work.
- A feed's validators (ETag, Last-Modified, the hash of the body) are saved only when all of
  its items were stored, so a feed with a failed item is fetched in full again next time.
- Extraction runs before the write transaction (the store's write lock stays short while the
  analyst's app reads) and only for new or changed items; an unchanged run never loads the
  extractor at all.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from briefing.errors import BriefingError, ConfigError, StoreError
from briefing.ingest.feeds import (
    FULLTEXT_HINT,
    FullTextUnavailable,
    Item,
    ItemCounts,
    ParsedFeed,
    page_article,
    parse_feed,
    prepare_items,
    with_page_text,
    write_items,
)
from briefing.ingest.fetch import Fetched, FetchError, Limits, check_url, fetch, make_client
from briefing.store import Store, open_store
from briefing.store.articles import now_iso

log = logging.getLogger("briefing.ingest")
log.addHandler(logging.NullHandler())  # never the last-resort handler on stderr (it would draw over the TUI)

EXIT_OK, EXIT_SOME_FAILED, EXIT_CONFIG_OR_STORE = 0, 1, 2

Progress = Callable[["FeedResult", int, int], None]


@dataclass
class FeedResult:
    """What happened to one feed in one run."""

    name: str
    url: str
    status: str = "pending"  # ok | not modified | unchanged | error | cancelled
    http_status: int | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0  # items seen again, already stored as they are
    duplicates: int = 0  # items whose text is stored under another item
    events: int = 0
    error: str | None = None  # why the feed failed (status "error")
    warnings: list[str] = field(default_factory=list)  # ill-formed feed, undated items, ...
    item_errors: list[str] = field(default_factory=list)  # items left out (tried again next run)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.status in ("error", "cancelled") or bool(self.item_errors)

    @property
    def items(self) -> int:
        return self.added + self.updated + self.unchanged + self.duplicates

    def describe(self) -> str:
        """One line: what the analyst needs to know about this feed."""
        if self.status in ("error", "cancelled"):
            return f"{self.name}: failed: {self.error}"
        if self.status in ("not modified", "unchanged"):
            return f"{self.name}: {self.status}"
        parts = [f"{self.added} new", f"{self.updated} updated", f"{self.unchanged + self.duplicates} already stored",
                 f"{self.events} event{'s' if self.events != 1 else ''}"]
        line = f"{self.name}: " + ", ".join(parts)
        if self.item_errors:
            line += f"; {len(self.item_errors)} item{'s' if len(self.item_errors) != 1 else ''} failed"
        return line


@dataclass
class IngestReport:
    feeds: list[FeedResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[FeedResult]:
        return [f for f in self.feeds if f.failed]

    @property
    def added(self) -> int:
        return sum(f.added for f in self.feeds)

    @property
    def updated(self) -> int:
        return sum(f.updated for f in self.feeds)

    @property
    def events(self) -> int:
        return sum(f.events for f in self.feeds)

    @property
    def items(self) -> int:
        return sum(f.items for f in self.feeds)

    @property
    def exit_code(self) -> int:
        return EXIT_SOME_FAILED if self.failed else EXIT_OK

    def summary(self) -> str:
        n = len(self.feeds)
        quiet = sum(f.status in ("not modified", "unchanged") for f in self.feeds)
        parts = [f"{n} feed{'s' if n != 1 else ''}: {n - len(self.failed)} fetched"
                 + (f" ({quiet} unchanged)" if quiet else ""), f"{len(self.failed)} failed"]
        return (", ".join(parts) + f"; {self.added} article{'s' if self.added != 1 else ''} added, "
                f"{self.updated} updated, {self.events} event{'s' if self.events != 1 else ''} found "
                f"in {self.seconds:.1f} s")


# ---------------------------------------------------------------- the programmatic API


def select_feeds(config, name: str | None = None) -> list[dict[str, Any]]:  # noqa: ANN001
    """The configured feeds to fetch (all, or the one named); :class:`ConfigError` otherwise."""
    feeds = [dict(f) for f in config.feeds]
    if not feeds:
        raise ConfigError(f"no feeds configured in {config.path}; add one with `briefing feeds add URL`")
    if name is None:
        return feeds
    chosen = [f for f in feeds if f["name"] == name]
    if not chosen:
        names = ", ".join(sorted(f["name"] for f in feeds))
        raise ConfigError(f"no feed named {name!r} in {config.path} (configured: {names})")
    return chosen


def ingest_feeds(store: Store | str | Path, config, feed: str | None = None,  # noqa: ANN001
                 progress: Progress | None = None, *, extractor=None,  # noqa: ANN001
                 cancel: threading.Event | None = None) -> IngestReport:
    """Fetch the configured feeds (or the one named ``feed``) once and store what is new.

    ``store`` is an open :class:`Store` or a database path (opened and closed here).
    ``progress(result, done, total)`` is called in this thread after each feed is committed.
    Setting ``cancel`` stops after the feed being written; the rest are reported "cancelled".
    Raises :class:`ConfigError` (no such feed) or :class:`StoreError` (the store failed);
    a feed's own failure never raises, it is in its :class:`FeedResult`.
    """
    feeds = select_feeds(config, feed)
    own = not isinstance(store, Store)
    st = open_store(store) if own else store
    try:
        return _Run(st, config, feeds, progress, extractor, cancel).run()
    finally:
        if own:
            st.close()


@dataclass
class _FeedState:
    id: int
    etag: str | None
    last_modified: str | None
    body_hash: str | None


@dataclass
class _Outcome:
    result: FeedResult
    fetched: Fetched | None = None
    parsed: ParsedFeed | None = None
    body_hash: str | None = None


def _meta_key(feed_id: int) -> str:
    return f"ingest.body_sha256.{feed_id}"


class _Run:
    def __init__(self, store: Store, config, feeds: list[dict[str, Any]], progress: Progress | None,  # noqa: ANN001
                 extractor, cancel: threading.Event | None) -> None:  # noqa: ANN001
        self.store, self.config, self.feeds = store, config, feeds
        self.progress, self.cancel = progress, cancel
        self._extractor = extractor
        self.limits = Limits.from_config(config)
        self.concurrency = max(1, int(config.get("ingest", "concurrency", 4)))
        self.db_file = None if str(store.path) == ":memory:" else Path(store.path)

    # -- the writer thread (the caller's)

    def run(self) -> IngestReport:
        started = time.monotonic()
        report = IngestReport()
        states, refused = self._register()
        results: dict[str, FeedResult] = {}
        total = len(self.feeds)
        done = 0
        for res in refused:
            results[res.name] = res
            done += 1
            self._log(res)
            if self.progress:
                self.progress(res, done, total)
        todo = [f for f in self.feeds if f["name"] in states]
        client = make_client(self.limits)
        pool = ThreadPoolExecutor(max_workers=min(self.concurrency, max(1, len(todo))),
                                  thread_name_prefix="briefing-fetch")
        try:
            futures: dict[Future, dict[str, Any]] = {
                pool.submit(self._work, f, states[f["name"]], client): f for f in todo}
            for fut in as_completed(futures):
                feed = futures[fut]
                if self.cancel is not None and self.cancel.is_set():
                    res = FeedResult(feed["name"], feed["url"], status="cancelled", error="cancelled")
                else:
                    try:
                        outcome = fut.result()
                    except Exception as exc:  # noqa: BLE001 - _work catches; belt and braces
                        outcome = _Outcome(FeedResult(feed["name"], feed["url"], status="error",
                                                      error=f"internal error: {type(exc).__name__}: {exc}"))
                    res = self._write(outcome, states[feed["name"]])
                results[res.name] = res
                done += 1
                self._log(res)
                if self.progress:
                    self.progress(res, done, total)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            client.close()
        report.feeds = [results[f["name"]] for f in self.feeds if f["name"] in results]
        report.seconds = time.monotonic() - started
        return report

    def _register(self) -> tuple[dict[str, _FeedState], list[FeedResult]]:
        """Give every selected feed its row (by url, else by name) and read its validators."""
        conn = self.store.conn
        states: dict[str, _FeedState] = {}
        refused: list[FeedResult] = []
        urls: dict[str, str] = {}
        try:
            with self.store.transaction():
                for feed in self.feeds:
                    name, url = str(feed["name"]), str(feed["url"]).strip()
                    feed["url"] = url
                    try:
                        check_url(url)
                    except FetchError as exc:
                        refused.append(FeedResult(name, url, status="error", error=str(exc)))
                        continue
                    if url in urls:
                        refused.append(FeedResult(name, url, status="error",
                                                  error=f"same URL as feed {urls[url]!r}; remove one of them"))
                        continue
                    urls[url] = name
                    states[name] = self._feed_row(conn, name, url)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot record the feeds in {self.store.path}: {exc}") from None
        return states, refused

    def _feed_row(self, conn: sqlite3.Connection, name: str, url: str) -> _FeedState:
        row = conn.execute("SELECT id, name FROM feeds WHERE url = ?", [url]).fetchone()
        if row is None:
            row = conn.execute("SELECT id, name FROM feeds WHERE name = ?", [name]).fetchone()
            if row:  # the feed moved to a new URL: its validators belong to the old one
                conn.execute("UPDATE feeds SET url = ?, etag = NULL, last_modified = NULL WHERE id = ?", [url, row[0]])
                conn.execute("DELETE FROM meta WHERE key = ?", [_meta_key(row[0])])
            else:
                feed_id = conn.execute("INSERT INTO feeds (name, url) VALUES (?, ?)", [name, url]).lastrowid
                row = (feed_id, name)
        if row[1] != name:  # renamed in the config; free the name if an old row holds it
            conn.execute("UPDATE feeds SET name = name || ' #' || id WHERE name = ? AND id != ?", [name, row[0]])
            conn.execute("UPDATE feeds SET name = ? WHERE id = ?", [name, row[0]])
        feed_id = row[0]
        etag, last_modified = conn.execute("SELECT etag, last_modified FROM feeds WHERE id = ?", [feed_id]).fetchone()
        body_hash = self.store.meta(_meta_key(feed_id))
        return _FeedState(feed_id, etag, last_modified, body_hash)

    def _extract(self, text: str, published: str | None) -> list:
        if self._extractor is None:
            from briefing.extract import make_extractor

            enabled = bool(self.config.get("extract", "enabled", True))
            if enabled:
                try:
                    from briefing.store.actors import sync_gazetteer
                except ImportError:
                    pass
                else:
                    sync_gazetteer(self.store)
            self._extractor = make_extractor(self.store, self.config, enabled=enabled)
        return self._extractor.extract(text, published)

    def _write(self, outcome: _Outcome, state: _FeedState) -> FeedResult:
        """Commit one feed: its row and its items in one transaction."""
        res, store, conn = outcome.result, self.store, self.store.conn
        t0 = time.monotonic()
        counts = ItemCounts()
        try:
            prepared = []
            if res.status == "ok" and outcome.parsed is not None:
                prepared = prepare_items(store, outcome.parsed.items, source=res.name, feed_id=state.id,
                                         extract=self._extract, counts=counts)
            with store.transaction():
                if prepared:
                    write_items(store, prepared, extract=self._extract, counts=counts)
                res.added, res.updated, res.unchanged = counts.added, counts.updated, counts.unchanged
                res.duplicates, res.events = counts.duplicates, counts.events
                res.item_errors = counts.errors
                self._update_feed_row(conn, outcome, state)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                res.status, res.error = "error", f"the store stayed busy ({exc}); will retry next run"
                res.added = res.updated = res.events = 0
                return res
            raise StoreError(f"database {store.path}: {exc} (while storing feed {res.name!r})") from None
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"database {store.path}: {exc} (while storing feed {res.name!r})") from None
        res.seconds += time.monotonic() - t0
        return res

    def _update_feed_row(self, conn: sqlite3.Connection, outcome: _Outcome, state: _FeedState) -> None:
        res = outcome.result
        notes = res.warnings + res.item_errors
        if res.status == "error":
            conn.execute("UPDATE feeds SET last_fetch = ?, last_status = 'error', last_error = ? WHERE id = ?",
                         [now_iso(), res.error, state.id])
            return
        clean = not res.item_errors
        fetched = outcome.fetched
        etag = fetched.etag if fetched and clean else state.etag
        last_modified = fetched.last_modified if fetched and clean else state.last_modified
        if fetched and clean and not fetched.not_modified and not (fetched.etag or fetched.last_modified):
            etag = last_modified = None  # the server stopped sending validators
        conn.execute(
            "UPDATE feeds SET etag = ?, last_modified = ?, last_fetch = ?, last_status = ?, last_error = ?,"
            " items_total = items_total + ? WHERE id = ?",
            [etag, last_modified, now_iso(), res.status, "; ".join(notes) or None, res.added, state.id],
        )
        if res.status == "ok" and outcome.body_hash:
            if clean:
                self.store.set_meta(_meta_key(state.id), outcome.body_hash)
            else:
                conn.execute("DELETE FROM meta WHERE key = ?", [_meta_key(state.id)])

    def _log(self, res: FeedResult) -> None:
        if res.failed:
            log.error("feed %s (%s) failed: %s", res.name, res.url, res.error or f"{len(res.item_errors)} items failed")
            for err in res.item_errors:
                log.error("feed %s: %s", res.name, err)
        else:
            log.info("%s (%.2f s)", res.describe(), res.seconds)
        for warning in res.warnings:
            log.warning("feed %s: %s", res.name, warning)

    # -- the fetching threads

    def _work(self, feed: dict[str, Any], state: _FeedState, client) -> _Outcome:  # noqa: ANN001
        res = FeedResult(str(feed["name"]), str(feed["url"]))
        t0 = time.monotonic()
        try:
            if self.cancel is not None and self.cancel.is_set():
                res.status, res.error = "cancelled", "cancelled"
                return _Outcome(res)
            return self._fetch_and_parse(feed, state, client, res)
        except FetchError as exc:
            res.status, res.error = "error", str(exc)
            return _Outcome(res)
        except Exception as exc:  # noqa: BLE001 - one broken feed never stops the others
            log.exception("feed %s: unexpected error", res.name)
            res.status, res.error = "error", f"internal error: {type(exc).__name__}: {exc}"
            return _Outcome(res)
        finally:
            res.seconds = time.monotonic() - t0

    def _fetch_and_parse(self, feed: dict[str, Any], state: _FeedState, client, res: FeedResult) -> _Outcome:  # noqa: ANN001
        full_text = bool(feed.get("full_text", False))
        fetched = fetch(res.url, client, self.limits, etag=state.etag, last_modified=state.last_modified)
        res.http_status = fetched.status
        if fetched.permanent_redirect:
            res.warnings.append(f"moved permanently to {fetched.permanent_redirect}; update the feed's url")
        if fetched.not_modified:
            res.status = "not modified"
            return _Outcome(res, fetched)
        body_hash = hashlib.sha256(fetched.body + (b"\0full_text" if full_text else b"")).hexdigest()
        if body_hash == state.body_hash:
            res.status = "unchanged"
            return _Outcome(res, fetched, body_hash=body_hash)
        parsed = parse_feed(fetched.body, url=fetched.url, headers=fetched.headers, guid_scope=res.url)
        if parsed.error:
            res.status, res.error = "error", parsed.error
            return _Outcome(res, fetched)
        if parsed.problem:
            res.warnings.append(f"ill-formed feed ({parsed.problem}); kept the {len(parsed.items)} items that parsed")
        res.warnings.extend(parsed.notes)
        if full_text and parsed.items:
            parsed.items = self._full_text(parsed.items, client, res)
        res.status = "ok"
        return _Outcome(res, fetched, parsed, body_hash)

    def _full_text(self, items: list[Item], client, res: FeedResult) -> list[Item]:  # noqa: ANN001
        """Replace new items' summaries by their linked pages' bodies (items already stored are kept)."""
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            res.warnings.append(FULLTEXT_HINT)
            return items
        known = _KnownItems(self.db_file)
        out, failures = [], []
        try:
            for item in items:
                if not item.link or known.has(item):
                    out.append(item)
                    continue
                try:
                    page = fetch(item.link, client, self.limits)
                    body, date = page_article(page.body, page.url)
                    out.append(with_page_text(item, body, date))
                except (FetchError, FullTextUnavailable) as exc:
                    failures.append(f"{item.link}: {exc}")
                    out.append(item)
                except Exception as exc:  # noqa: BLE001 - a page the extractor chokes on keeps its summary
                    failures.append(f"{item.link}: {type(exc).__name__}: {exc}")
                    out.append(item)
        finally:
            known.close()
        if failures:
            res.warnings.append(f"full text not fetched for {len(failures)} item(s), kept the summary "
                                f"(e.g. {failures[0]})")
        return out


class _KnownItems:
    """A read-only look into the store from a fetching thread: is this item stored already?"""

    def __init__(self, db_file: Path | None) -> None:
        self.conn = None
        if db_file is not None and db_file.exists():
            self.conn = sqlite3.connect(f"{db_file.resolve().as_uri()}?mode=ro", uri=True, timeout=10)

    def has(self, item: Item) -> bool:
        if self.conn is None:
            return False
        for column, value in (("guid", item.guid), ("url", item.link)):
            if value and self.conn.execute(f"SELECT 1 FROM articles WHERE {column} = ?", [value]).fetchone():
                return True
        return False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


# ---------------------------------------------------------------- the command


def run_ingest(db_path: Path, config, feed: str | None = None, quiet: bool = False) -> int:  # noqa: ANN001
    """``briefing ingest``: the lock, the log file, one line per feed, the exit status."""
    from briefing.ingest.lock import IngestLock, LockBusy

    handler = _attach_log_file()
    try:
        try:
            with IngestLock(Path(db_path)):
                log.info("ingest started (store %s, config %s)", db_path, config.path)
                report = ingest_feeds(Path(db_path), config, feed=feed,
                                      progress=None if quiet else _print_progress)
        except LockBusy as exc:
            log.warning("%s", exc)
            print(f"briefing: {exc}", file=sys.stderr)
            return exc.exit_code
        except BriefingError as exc:
            log.error("%s", exc)
            print(f"briefing: {exc}", file=sys.stderr)
            return exc.exit_code if exc.exit_code != 1 else EXIT_CONFIG_OR_STORE
        except sqlite3.DatabaseError as exc:
            from briefing.store.database import describe_error

            msg = describe_error(Path(db_path), exc)
            log.error("%s", msg)
            print(f"briefing: {msg}", file=sys.stderr)
            return EXIT_CONFIG_OR_STORE
        for res in report.feeds:
            if res.failed:
                print(f"briefing: feed {res.name!r} ({res.url}) failed: {res.error or '; '.join(res.item_errors)}",
                      file=sys.stderr)
                if res.error and res.item_errors:
                    for err in res.item_errors:
                        print(f"briefing: feed {res.name!r}: {err}", file=sys.stderr)
        if report.failed:
            names = ", ".join(r.name for r in report.failed)
            print(f"briefing: {len(report.failed)} of {len(report.feeds)} feeds failed: {names}", file=sys.stderr)
        log.info("ingest finished: %s", report.summary())
        if not quiet:
            print(report.summary())
        return report.exit_code
    finally:
        if handler is not None:
            logging.getLogger("briefing.ingest").removeHandler(handler)
            handler.close()


def _print_progress(res: FeedResult, done: int, total: int) -> None:
    if not res.failed:
        print(f"[{done}/{total}] {res.describe()}", flush=True)
    for warning in res.warnings:
        print(f"briefing: warning: feed {res.name!r}: {warning}", file=sys.stderr)


def log_file_path() -> Path:
    from briefing.config import user_state_dir

    return user_state_dir() / "ingest.log"


def _attach_log_file() -> logging.Handler | None:
    """Append to ``ingest.log`` in the user state directory (rotated at 1 MB, 3 kept)."""
    from logging.handlers import RotatingFileHandler

    path = log_file_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:
        print(f"briefing: warning: cannot write the log file {path}: {exc.strerror or exc}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(message)s"))
    logger = logging.getLogger("briefing.ingest")
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return handler
