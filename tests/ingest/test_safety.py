"""Hostile feeds: entity bombs and external entities stay inert, bodies are capped before parsing.

Why no defusedxml: feedparser 6 removes the DOCTYPE (and with it every entity declaration)
before expat sees the document, and switches external general entities off; expat >= 2.4
also refuses billion-laughs amplification. These tests pin that down, so a feedparser
upgrade that changed it would fail here rather than in production.
"""
from __future__ import annotations

import sqlite3
import time

from briefing.ingest.feeds import parse_feed
from briefing.ingest.run import ingest_feeds

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>bomb</title>
<item><title>Laughs &lol9;</title><guid>urn:bomb</guid><description>body &lol9;</description></item>
</channel></rss>"""


def xxe(target: str) -> bytes:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{target}"> <!ENTITY % pe SYSTEM "file://{target}"> %pe;]>
<rss version="2.0"><channel><title>xxe</title>
<item><title>Secret: &xxe;</title><guid>urn:xxe</guid><description>x &xxe; y</description></item>
</channel></rss>""".encode()


def test_billion_laughs_is_not_expanded():
    t0 = time.monotonic()
    parsed = parse_feed(LAUGHS, url="http://h/f", headers={"content-type": "application/rss+xml"})
    assert time.monotonic() - t0 < 1
    assert all(len(i.text) < 1000 for i in parsed.items)
    assert "lollollol" not in " ".join(i.text for i in parsed.items)


def test_quadratic_blowup_is_not_expanded():
    big = b"<!DOCTYPE rss [<!ENTITY a \"" + b"A" * 100_000 + b"\">]>"
    body = b'<?xml version="1.0"?>\n' + big + b'<rss version="2.0"><channel><title>q</title><item><title>t</title>' \
        + b"<description>" + b"&a;" * 10_000 + b"</description></item></channel></rss>"
    parsed = parse_feed(body, url="http://h/f", headers={"content-type": "application/rss+xml"})
    assert all(len(i.text) < 200_000 for i in parsed.items)


def test_external_entities_never_read_a_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    parsed = parse_feed(xxe(str(secret)), url="http://h/f", headers={"content-type": "application/rss+xml"})
    assert "TOP-SECRET-TOKEN" not in " ".join((i.title or "") + i.text for i in parsed.items)


def test_hostile_feeds_end_up_inert_in_the_store(server, make_config, db_path, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    config = make_config([{"name": "bomb", "url": server.add("/bomb", LAUGHS)},
                          {"name": "xxe", "url": server.add("/xxe", xxe(str(secret)))},
                          {"name": "huge", "url": server.add("/huge", b"<rss>" + b"x" * 3_000_000)}],
                         max_bytes=1_000_000)
    report = ingest_feeds(db_path, config)
    huge = next(f for f in report.feeds if f.name == "huge")
    assert huge.failed and "too large" in huge.error
    conn = sqlite3.connect(db_path)
    try:
        texts = " ".join(t for (t,) in conn.execute("SELECT coalesce(title, '') || text FROM articles"))
    finally:
        conn.close()
    assert "TOP-SECRET-TOKEN" not in texts and len(texts) < 10_000


def test_feed_links_with_other_schemes_are_not_stored():
    body = b"""<rss version="2.0"><channel><title>t</title><item><title>x</title>
    <link>javascript:alert(1)</link><guid isPermaLink="false">urn:j</guid><description>d</description></item>
    </channel></rss>"""
    parsed = parse_feed(body, url="http://h/f", headers={"content-type": "application/rss+xml"})
    assert parsed.items[0].link is None
