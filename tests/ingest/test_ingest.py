"""`ingest_feeds` and `briefing ingest`: items into articles, dedupe, updates, failures, exit codes."""
from __future__ import annotations

import sqlite3

import pytest

from briefing.cli import main
from briefing.errors import ConfigError
from briefing.ingest.run import ingest_feeds, log_file_path
from briefing.store import open_store
from tests.ingest.conftest import CountingExtractor, items, rss, write_config


def _rows(db_path, sql="SELECT title, url, guid, published, text, source FROM articles ORDER BY id"):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_items_become_articles_with_title_link_guid_date_and_plain_text(server, make_config, db_path):
    body = rss([{"title": "Austin meets Dong", "link": "http://example.org/a", "guid": "urn:a",
                 "pubDate": "Fri, 31 May 2024 10:00:00 +0800", "description": "short <b>summary</b>",
                 "content": "<p>Lloyd Austin met Dong Jun in Singapore.</p><script>x()</script><p>For 75 minutes.</p>"}])
    config = make_config([{"name": "world", "url": server.add("/f", body)}])
    report = ingest_feeds(db_path, config)
    assert report.exit_code == 0 and report.added == 1
    title, url, guid, published, text, source = _rows(db_path)[0]
    assert (title, url, guid, source) == ("Austin meets Dong", "http://example.org/a", "urn:a", "world")
    assert published == "2024-05-31T10:00:00+08:00"  # the feed's own offset kept
    assert text == "Austin meets Dong\n\nLloyd Austin met Dong Jun in Singapore.\n\nFor 75 minutes."


def test_a_second_run_stores_nothing_and_a_304_costs_no_parse(server, make_config, db_path):
    url = server.add("/f", rss(items(5)), etag='"e1"')
    config = make_config([{"name": "f", "url": url}])
    assert ingest_feeds(db_path, config).added == 5
    again = ingest_feeds(db_path, config)
    assert again.added == 0 and again.feeds[0].status == "not modified"
    assert server.requests[-1].headers["if-none-match"] == '"e1"'
    assert len(_rows(db_path)) == 5


def test_an_unchanged_body_without_validators_is_not_parsed_again(server, make_config, db_path):
    config = make_config([{"name": "f", "url": server.add("/f", rss(items(5)))}])
    ingest_feeds(db_path, config)
    again = ingest_feeds(db_path, config)
    assert again.feeds[0].status == "unchanged" and again.added == 0


def test_same_items_in_a_changed_document_are_not_stored_twice(server, make_config, db_path):
    url = server.add("/f", rss(items(3)))
    config = make_config([{"name": "f", "url": url}])
    ingest_feeds(db_path, config)
    server.routes["/f"].body = rss(items(4), title="Test feed, now with four")
    report = ingest_feeds(db_path, config)
    assert (report.added, report.feeds[0].unchanged) == (1, 3)
    assert len(_rows(db_path)) == 4


def test_an_updated_item_updates_its_article_and_is_extracted_again(server, make_config, db_path):
    first = items(2)
    url = server.add("/f", rss(first))
    config = make_config([{"name": "f", "url": url}])
    extractor = CountingExtractor()
    ingest_feeds(db_path, config, extractor=extractor)
    assert len(extractor.calls) == 2
    changed = [dict(first[0], description="<p>Correction: the ministers met in Jakarta.</p>"), first[1]]
    server.routes["/f"].body = rss(changed)
    report = ingest_feeds(db_path, config, extractor=extractor)
    assert (report.added, report.updated) == (0, 1)
    assert len(extractor.calls) == 3 and "Jakarta" in extractor.calls[-1]
    texts = [r[0] for r in _rows(db_path, "SELECT text FROM articles ORDER BY id")]
    assert len(texts) == 2 and "Jakarta" in texts[0]


def test_items_without_guid_are_matched_by_link_then_by_text(server, make_config, db_path):
    body = rss([{"title": "A", "link": "http://example.org/x", "description": "one"},
                {"title": "B", "description": "no link, no guid"}])
    config = make_config([{"name": "f", "url": server.add("/f", body)}])
    ingest_feeds(db_path, config)
    server.routes["/f"].body = body + b"\n"  # new bytes, same items
    report = ingest_feeds(db_path, config)
    assert report.added == 0 and report.feeds[0].unchanged == 2


def test_short_guids_of_two_feeds_do_not_collide(server, make_config, db_path):
    a = server.add("/a", rss([{"title": "A one", "guid": "1", "description": "first feed's item"}]))
    b = server.add("/b", rss([{"title": "B one", "guid": "1", "description": "second feed's item"}]))
    report = ingest_feeds(db_path, make_config([{"name": "a", "url": a}, {"name": "b", "url": b}]))
    assert report.added == 2


def test_one_feed_cannot_rewrite_another_feeds_article(server, make_config, db_path):
    a = server.add("/a", rss([{"title": "T", "guid": "urn:x", "description": "version A"}]))
    b = server.add("/b", rss([{"title": "T", "guid": "urn:x", "description": "version B"}]))
    config = make_config([{"name": "a", "url": a}, {"name": "b", "url": b}])
    ingest_feeds(db_path, config)
    for _ in range(2):
        server.routes["/a"].body += b" "
        server.routes["/b"].body += b" "
        report = ingest_feeds(db_path, config)
        assert report.added == 0 and report.updated == 0


def test_the_same_feed_under_two_urls_is_stored_once(server, make_config, db_path):
    body = rss(items(4))
    config = make_config([{"name": "one", "url": server.add("/one", body)},
                          {"name": "two", "url": server.add("/two", body)}], concurrency=1)
    report = ingest_feeds(db_path, config)
    assert report.added == 4 and sum(f.duplicates + f.unchanged for f in report.feeds) == 4


def test_a_broken_feed_does_not_block_the_others(server, make_config, db_path):
    config = make_config([{"name": "good", "url": server.add("/good", rss(items(3)))},
                          {"name": "down", "url": server.add("/down", b"", status=500)},
                          {"name": "html", "url": server.add("/html", b"<html><body><p>Not a feed</p></body></html>",
                                                            content_type="text/html")}])
    report = ingest_feeds(db_path, config)
    assert report.added == 3 and report.exit_code == 1
    failed = {f.name: f.error for f in report.failed}
    assert set(failed) == {"down", "html"}
    assert "HTTP 500" in failed["down"] and "not an RSS or Atom feed" in failed["html"]
    rows = dict(_rows(db_path, "SELECT name, last_status FROM feeds"))
    assert rows == {"good": "ok", "down": "error", "html": "error"}


def test_a_feed_served_with_a_wrong_content_type_is_kept_and_reported(server, make_config, db_path):
    config = make_config([{"name": "plain", "url": server.add("/p", rss(items(2)), content_type="text/plain")}])
    report = ingest_feeds(db_path, config)
    assert report.added == 2 and report.exit_code == 0
    assert any("content type" in w for w in report.feeds[0].warnings)


def test_an_ill_formed_feed_keeps_what_parsed_and_says_why(server, make_config, db_path):
    body = rss(items(2)).replace(b"</channel></rss>", b"<item><title>cut")
    report = ingest_feeds(db_path, make_config([{"name": "cut", "url": server.add("/cut", body)}]))
    feed = report.feeds[0]
    assert feed.status == "ok" and feed.added >= 2
    assert any("ill-formed" in w and "line" in w for w in feed.warnings)


def test_control_characters_and_escape_sequences_are_stripped(server, make_config, db_path):
    body = rss([{"title": "Red \x1b[31malert\x1b[0m", "guid": "urn:e",
                 "description": "bell\x07 and \x1b]0;title\x07 osc"}]).replace(b"\x07", b"&#7;")
    ingest_feeds(db_path, make_config([{"name": "esc", "url": server.add("/e", body)}]))
    title, text = _rows(db_path, "SELECT title, text FROM articles")[0]
    assert "\x1b" not in title + text and "\x07" not in text
    assert title == "Red alert"


def test_progress_is_called_once_per_feed_in_the_calling_thread(server, make_config, db_path):
    import threading

    config = make_config([{"name": f"f{i}", "url": server.add(f"/{i}", rss(items(1, prefix=f"p{i}")))}
                          for i in range(3)])
    seen = []
    ingest_feeds(db_path, config, progress=lambda res, done, total: seen.append(
        (res.name, done, total, threading.current_thread() is threading.main_thread())))
    assert sorted(s[0] for s in seen) == ["f0", "f1", "f2"]
    assert [s[1] for s in seen] == [1, 2, 3] and all(s[2] == 3 and s[3] for s in seen)


def test_an_open_store_can_be_passed_and_stays_open(server, make_config, db_path):
    store = open_store(db_path)
    try:
        ingest_feeds(store, make_config([{"name": "f", "url": server.add("/f", rss(items(1)))}]))
        assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        store.close()


def test_unknown_feed_name_is_a_config_error(server, make_config, db_path):
    with pytest.raises(ConfigError, match="no feed named 'nope'"):
        ingest_feeds(db_path, make_config([{"name": "f", "url": server.add("/f", rss(items(1)))}]), feed="nope")


def test_extraction_runs_on_new_items(server, tmp_path, db_path):
    from briefing.config import load_config

    path = write_config(tmp_path, [{"name": "f", "url": server.add("/f", rss(items(2)))}])
    path.write_text(path.read_text().replace("enabled = false", "enabled = true"))
    report = ingest_feeds(db_path, load_config(path))
    assert report.added == 2 and report.exit_code == 0


# ---------------------------------------------------------------- the command


def _cli(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_exit_0_when_every_feed_was_fetched(server, tmp_path, db_path, capsys):
    cfg = write_config(tmp_path, [{"name": "f", "url": server.add("/f", rss(items(2)))}])
    code, out, err = _cli(capsys, "--db", db_path, "--config", cfg, "ingest")
    assert code == 0 and "2 articles added" in out and err == ""


def test_cli_exit_1_names_the_failed_feed_on_stderr(server, tmp_path, db_path, capsys):
    cfg = write_config(tmp_path, [{"name": "good", "url": server.add("/g", rss(items(1)))},
                                  {"name": "broken", "url": server.add("/b", b"", status=503)}])
    code, out, err = _cli(capsys, "--db", db_path, "--config", cfg, "ingest", "--quiet")
    assert code == 1 and out == ""
    assert "broken" in err and "HTTP 503" in err and "good" not in err


def test_cli_quiet_prints_nothing_when_all_is_well(server, tmp_path, db_path, capsys):
    cfg = write_config(tmp_path, [{"name": "p", "url": server.add("/p", rss(items(1)), content_type="text/plain")}])
    code, out, err = _cli(capsys, "--db", db_path, "--config", cfg, "ingest", "--quiet")
    assert (code, out, err) == (0, "", "")


def test_cli_exit_2_for_a_config_without_feeds(tmp_path, db_path, capsys):
    cfg = write_config(tmp_path, [])
    code, _, err = _cli(capsys, "--db", db_path, "--config", cfg, "ingest")
    assert code == 2 and "no feeds configured" in err


def test_cli_exit_2_for_an_unknown_feed(server, tmp_path, db_path, capsys):
    cfg = write_config(tmp_path, [{"name": "f", "url": server.add("/f", rss(items(1)))}])
    code, _, err = _cli(capsys, "--db", db_path, "--config", cfg, "ingest", "--feed", "other")
    assert code == 2 and "no feed named 'other'" in err


def test_cli_exit_2_for_a_broken_store(server, tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    cfg = write_config(tmp_path, [{"name": "f", "url": server.add("/f", rss(items(1)))}])
    code, _, err = _cli(capsys, "--db", bad, "--config", cfg, "ingest")
    assert code == 2 and "not a briefing database" in err


def test_cli_fetches_only_the_named_feed(server, tmp_path, db_path, capsys):
    cfg = write_config(tmp_path, [{"name": "a", "url": server.add("/a", rss(items(1, prefix="a")))},
                                  {"name": "b", "url": server.add("/b", rss(items(1, prefix="b")))}])
    code, _, _ = _cli(capsys, "--db", db_path, "--config", cfg, "ingest", "--feed", "b")
    assert code == 0 and server.routes["/a"].hits == 0 and server.routes["/b"].hits == 1


def test_cli_refuses_a_non_http_scheme_and_names_the_feed(tmp_path, db_path, capsys):
    cfg = write_config(tmp_path, [{"name": "ftp", "url": "ftp://example.org/feed.xml"}])
    code, _, err = _cli(capsys, "--db", db_path, "--config", cfg, "ingest")
    assert code == 1 and "ftp" in err and "refused URL scheme" in err


def test_cli_writes_a_log_file_in_the_user_state_directory(server, tmp_path, db_path, capsys):
    cfg = write_config(tmp_path, [{"name": "broken", "url": server.add("/b", b"", status=500)}])
    _cli(capsys, "--db", db_path, "--config", cfg, "ingest", "--quiet")
    log = log_file_path().read_text()
    assert "ingest started" in log and "broken" in log and "HTTP 500" in log


def test_a_cancelled_run_stops_and_reports_the_rest_cancelled(server, make_config, db_path):
    import threading

    cancel = threading.Event()
    config = make_config([{"name": f"f{i}", "url": server.add(f"/{i}", rss(items(1, prefix=f"c{i}")))}
                          for i in range(4)], concurrency=1)
    report = ingest_feeds(db_path, config, progress=lambda res, done, total: cancel.set(), cancel=cancel)
    statuses = [f.status for f in report.feeds]
    assert statuses.count("ok") == 1 and statuses.count("cancelled") == 3
