"""The real-world feed corpus (../shared/corpus/feeds): every file taken without a crash,
ill-formed ones reported, and nothing stored twice (second run, or the same files under
other URLs). Served over loopback with the headers upstream recorded where there are any.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from briefing.ingest.run import ingest_feeds

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "feeds"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/feeds is not beside the repository")


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name not in ("LICENSE", "MANIFEST.md")
                  and not p.name.startswith("LICENSE"))


def _content_type(data: bytes) -> str:
    """The file's own recorded `Header: Content-type: ...` comment, else a plain XML type."""
    m = re.search(rb"Header:\s*Content-type:\s*([^\r\n]+?)\s*(?:-->|\r|\n)", data[:2000], re.I)
    return m.group(1).decode("latin-1") if m else "application/xml"


@pytest.fixture
def corpus_served(server):
    files = corpus_files()
    for i, path in enumerate(files):
        data = path.read_bytes()
        server.add(f"/a/{i}", data, content_type=_content_type(data))
        server.add(f"/b/{i}", data, content_type=_content_type(data))
    return files


def _count(db_path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def test_every_corpus_file_is_ingested_reported_and_never_stored_twice(server, corpus_served, make_config, db_path):
    files = corpus_served
    assert len(files) > 400
    feeds = [{"name": f"a{i}", "url": server.url(f"/a/{i}")} for i in range(len(files))]
    config = make_config(feeds, concurrency=8)
    first = ingest_feeds(db_path, config)
    assert len(first.feeds) == len(files)
    internal = [f for f in first.feeds if f.error and "internal error" in f.error]
    assert internal == []
    stored = _count(db_path)
    assert stored > 800

    by_name = {f.name: f for f in first.feeds}
    real = {p.relative_to(CORPUS).as_posix(): by_name[f"a{i}"] for i, p in enumerate(files)}
    uol = real["real/rss-parser/uolNoticias.rss"]
    assert uol.added == 15 and any("encoding" in w for w in uol.warnings)
    assert any("date that cannot be read" in w for w in uol.warnings)
    assert any("without a date" in w for w in real["real/FeedReader/Rss20JapanTimes.xml"].warnings)
    assert real["real/FeedReader/Rss20IndianExpress.xml"].added == 200
    assert real["feedparser/illformed/rss_empty_document.xml"].failed
    for i, p in enumerate(files):
        if "/illformed/" in p.as_posix() and not by_name[f"a{i}"].failed and "chardet" in p.as_posix():
            assert by_name[f"a{i}"].warnings, p  # undeclared legacy encodings are reported
    for res in first.feeds:
        if res.failed:
            assert res.error and "\n" not in res.error

    # Second run: nothing new.
    second = ingest_feeds(db_path, config)
    assert second.added == 0 and second.updated == 0 and _count(db_path) == stored

    # The same files under other URLs: parsed again, and still nothing new.
    other = make_config([{"name": f"b{i}", "url": server.url(f"/b/{i}")} for i in range(len(files))], concurrency=8)
    third = ingest_feeds(db_path, other)
    assert third.added == 0 and third.updated == 0 and _count(db_path) == stored

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles WHERE text GLOB '*[\x01-\x08\x1b]*'").fetchone()[0] == 0
        tpm = conn.execute("SELECT text FROM articles WHERE guid LIKE 'tag:talkingpointsmemo.com%'").fetchall()
        assert len(tpm) == 20 and not any("<script" in t or "twitter-tweet" in t for (t,) in tpm)
    finally:
        conn.close()


def test_mojibake_in_real_feeds_is_repaired(server, make_config, db_path):
    path = CORPUS / "real" / "FeedReader" / "Rss20Spiegel.xml"
    url = server.add("/spiegel", path.read_bytes(), content_type="application/rss+xml")
    ingest_feeds(db_path, make_config([{"name": "spiegel", "url": url}]))
    conn = sqlite3.connect(db_path)
    try:
        texts = " ".join(t for (t,) in conn.execute("SELECT text FROM articles"))
    finally:
        conn.close()
    assert "Ã¼" not in texts and "ü" in texts
