"""Fetching over HTTP with limits: conditional requests, errors, redirects, timeouts, size, gzip."""
from __future__ import annotations

import gzip
import time

import pytest

from briefing.ingest.fetch import FetchError, Limits, check_url, fetch, make_client
from tests.ingest.conftest import http_date, items, rss


@pytest.fixture
def limits():
    return Limits(connect_timeout=2, read_timeout=0.5, total_timeout=2, max_bytes=100_000, max_redirects=2,
                  user_agent="briefing-test/1")


@pytest.fixture
def client(limits):
    c = make_client(limits)
    yield c
    c.close()


def test_sends_the_user_agent_and_accepts_gzip(server, client, limits):
    url = server.add("/f", rss(items(2)))
    fetch(url, client, limits)
    headers = server.requests[-1].headers
    assert headers["user-agent"] == "briefing-test/1"
    assert "gzip" in headers["accept-encoding"]


def test_etag_is_sent_back_and_a_304_returns_no_body(server, client, limits):
    url = server.add("/f", rss(items(2)), etag='"v1"')
    first = fetch(url, client, limits)
    assert first.etag == '"v1"' and first.body
    second = fetch(url, client, limits, etag=first.etag)
    assert server.requests[-1].headers["if-none-match"] == '"v1"'
    assert second.not_modified and second.body == b""


def test_last_modified_gives_a_conditional_request(server, client, limits):
    stamp = http_date()
    url = server.add("/f", rss(items(1)), last_modified=stamp)
    first = fetch(url, client, limits)
    second = fetch(url, client, limits, last_modified=first.last_modified)
    assert server.requests[-1].headers["if-modified-since"] == stamp
    assert second.not_modified


def test_server_error_is_reported_with_its_status(server, client, limits):
    url = server.add("/f", b"oops", status=500, content_type="text/plain")
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch(url, client, limits)


def test_redirects_are_followed_and_a_permanent_move_is_noted(server, client, limits):
    target = server.add("/new", rss(items(1)))
    url = server.add("/old", status=301, location=target)
    got = fetch(url, client, limits)
    assert got.url == target and got.body
    assert got.permanent_redirect == target


def test_too_many_redirects_fail(server, client, limits):
    server.add("/a", status=302, location=server.url("/b"))
    server.add("/b", status=302, location=server.url("/c"))
    server.add("/c", status=302, location=server.url("/a"))
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch(server.url("/a"), client, limits)


def test_redirect_to_a_file_url_is_refused(server, client, limits):
    url = server.add("/sneaky", status=302, location="file:///etc/passwd")
    with pytest.raises(FetchError, match="refused scheme"):
        fetch(url, client, limits)


def test_a_slow_server_times_out(server, client, limits):
    url = server.add("/slow", rss(items(1)), delay=1.5)
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="read timeout|timed out"):
        fetch(url, client, limits)
    assert time.monotonic() - t0 < 1.4


def test_a_trickling_body_hits_the_total_deadline(server, client, limits):
    url = server.add("/trickle", rss(items(40)), trickle=0.2)
    t0 = time.monotonic()
    with pytest.raises(FetchError, match="not received within"):
        fetch(url, client, limits)
    assert time.monotonic() - t0 < 3


def test_an_oversized_body_is_refused_by_its_length(server, client, limits):
    url = server.add("/big", b"x" * 200_000)
    with pytest.raises(FetchError, match="too large"):
        fetch(url, client, limits)


def test_an_oversized_body_without_length_is_cut_off(server, client, limits):
    url = server.add("/big", b"x" * 200_000, length=False)
    with pytest.raises(FetchError, match="larger than the limit"):
        fetch(url, client, limits)


def test_gzip_is_decoded(server, client, limits):
    body = rss(items(3))
    url = server.add("/gz", body, gzip=True)
    assert fetch(url, client, limits).body == body


def test_a_gzip_bomb_stops_at_the_size_limit(server, client, limits):
    bomb = b"\0" * 50_000_000  # 50 MB of zeros: about 50 KB compressed
    route_url = server.add("/bomb", b"")
    server.routes["/bomb"].body = bomb
    server.routes["/bomb"].gzip = True
    assert len(gzip.compress(bomb)) < limits.max_bytes
    with pytest.raises(FetchError, match="larger than the limit"):
        fetch(route_url, client, limits)


@pytest.mark.parametrize("url", ["ftp://example.org/feed.xml", "gopher://x/", "javascript:alert(1)",
                                 "data:text/xml,<rss/>", "file://otherhost/etc/passwd", "http:///nohost"])
def test_schemes_other_than_http_and_local_files_are_refused(url):
    with pytest.raises(FetchError):
        check_url(url)


def test_a_local_file_named_explicitly_is_read_and_then_not_modified(tmp_path, client, limits):
    path = tmp_path / "feed.xml"
    path.write_bytes(rss(items(1)))
    first = fetch(str(path), client, limits)
    assert first.body and first.status == 200
    assert fetch(path.as_uri(), client, limits, last_modified=first.last_modified).not_modified


def test_connection_refused_is_one_line(client, limits):
    with pytest.raises(FetchError, match="cannot connect"):
        fetch("http://127.0.0.1:9/feed.xml", client, limits)
