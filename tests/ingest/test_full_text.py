"""full_text = true: the linked page's body replaces a summary (trafilatura, optional)."""
from __future__ import annotations

import json
import sqlite3
import sys
import types

from briefing.ingest.run import ingest_feeds
from tests.ingest.conftest import rss


def _fake_trafilatura(monkeypatch):
    mod = types.ModuleType("trafilatura")

    def extract(html, url=None, output_format="txt", with_metadata=False, **kw):  # noqa: ANN001, ANN003
        text = html.decode() if isinstance(html, bytes) else html
        body = text.split("<article>")[1].split("</article>")[0]
        return json.dumps({"text": body, "date": "2024-05-31"})

    mod.extract = extract
    monkeypatch.setitem(sys.modules, "trafilatura", mod)


def _feed(server):
    page = server.add("/page", b"<html><body><nav>menu</nav><article>Lloyd Austin and Dong Jun met in Singapore "
                               b"for 75 minutes on Friday, a meeting both sides called candid.</article></body></html>",
                      content_type="text/html")
    return server.add("/f", rss([{"title": "Ministers meet", "link": page, "guid": "urn:ft",
                                  "description": "Summary only."}]))


def test_the_linked_page_body_is_stored_with_its_date(server, make_config, db_path, monkeypatch):
    _fake_trafilatura(monkeypatch)
    report = ingest_feeds(db_path, make_config([{"name": "ft", "url": _feed(server), "full_text": True}]))
    assert report.added == 1 and report.exit_code == 0
    text, published = sqlite3.connect(db_path).execute("SELECT text, published FROM articles").fetchone()
    assert text.startswith("Ministers meet\n\nLloyd Austin and Dong Jun met") and "menu" not in text
    assert published == "2024-05-31"
    hits = server.routes["/page"].hits
    server.routes["/f"].body += b" "
    ingest_feeds(db_path, make_config([{"name": "ft", "url": server.url("/f"), "full_text": True}]))
    assert server.routes["/page"].hits == hits  # a stored item's page is not fetched again


def test_without_trafilatura_the_summary_is_kept_and_the_fix_named(server, make_config, db_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails
    report = ingest_feeds(db_path, make_config([{"name": "ft", "url": _feed(server), "full_text": True}]))
    assert report.added == 1
    assert any("briefing[fulltext]" in w for w in report.feeds[0].warnings)
