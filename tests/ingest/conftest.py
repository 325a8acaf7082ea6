"""A feed server on loopback (127.0.0.1, port 0) and helpers to write configs and feeds.

Each route is a :class:`Route`: body, content type, ETag / Last-Modified (answered with 304),
status, a delay before or during the body, gzip, a redirect. Requests are recorded so tests
can check conditional headers and the User-Agent.
"""
from __future__ import annotations

import gzip
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from briefing.config import load_config


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # before the headers
    trickle: float = 0.0  # between chunks of the body
    gzip: bool = False
    location: str | None = None  # for 3xx
    length: bool = True  # send Content-Length
    hits: int = 0


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out as separate writes

            def log_message(self, *args) -> None:  # noqa: ANN002
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append(Request(self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path)
                if route is None:
                    self._send(404, b"not found", "text/plain")
                    return
                route.hits += 1
                if route.delay:
                    time.sleep(route.delay)
                if route.location:
                    self.send_response(route.status)
                    self.send_header("Location", route.location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                inm, ims = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
                if route.status == 200 and ((route.etag and inm == route.etag)
                                            or (route.last_modified and ims == route.last_modified and not inm)):
                    self.send_response(304)
                    if route.etag:
                        self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = gzip.compress(route.body) if route.gzip else route.body
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.gzip:
                    self.send_header("Content-Encoding", "gzip")
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                if route.length:
                    self.send_header("Content-Length", str(len(body)))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                try:
                    if route.trickle:
                        for i in range(0, len(body), 64):
                            self.wfile.write(body[i:i + 64])
                            self.wfile.flush()
                            time.sleep(route.trickle)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if not route.length:
                    self.close_connection = True

            def _send(self, status: int, body: bytes, ctype: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        ThreadingHTTPServer.request_queue_size = 128  # the default 5 drops concurrent SYNs (1 s retransmit)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes = b"", **kw) -> str:  # noqa: ANN003
        self.routes[path] = Route(body=body, **kw)
        return self.url(path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = FeedServer()
    yield s
    s.close()


def http_date(ts: float = 1_700_000_000) -> str:
    return format_datetime(datetime.fromtimestamp(ts, timezone.utc), usegmt=True)


def rss(items: list[dict], title: str = "Test feed") -> bytes:
    """A small RSS 2.0 document; item keys: title, link, guid, description, content, pubDate."""
    out = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
           f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{escape(title)}</title>'
           f'<link>http://example.org/</link><description>d</description>']
    for it in items:
        out.append("<item>")
        for key in ("title", "link", "guid", "description", "pubDate"):
            if it.get(key) is not None:
                out.append(f"<{key}>{escape(str(it[key]))}</{key}>")
        if it.get("content") is not None:
            out.append(f"<content:encoded>{escape(it['content'])}</content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "".join(out).encode("utf-8")


def items(n: int, prefix: str = "item", **extra) -> list[dict]:  # noqa: ANN003
    return [{"title": f"{prefix} {i}: ministers meet", "link": f"http://example.org/{prefix}/{i}",
             "guid": f"http://example.org/{prefix}/{i}", "pubDate": "Fri, 31 May 2024 10:00:00 +0800",
             "description": f"<p>The defence ministers of {prefix} {i} met in Singapore for talks.</p>", **extra}
            for i in range(n)]


def write_config(tmp_path: Path, feeds: list[dict], **ingest) -> Path:  # noqa: ANN003
    """A config file with these feeds and [ingest] settings; returns its path."""
    lines = ["[ingest]"]
    settings = {"connect_timeout": 2, "read_timeout": 2, "total_timeout": 5, "concurrency": 4, **ingest}
    for key, value in settings.items():
        lines.append(f"{key} = {value!r}" if not isinstance(value, str) else f'{key} = "{value}"')
    lines.append("[extract]\nenabled = false")
    for feed in feeds:
        lines.append("[[feeds]]")
        for key, value in feed.items():
            if isinstance(value, bool):
                lines.append(f"{key} = {'true' if value else 'false'}")
            elif isinstance(value, list):
                lines.append(f"{key} = [{', '.join(repr(v) for v in value)}]".replace("'", '"'))
            else:
                lines.append(f'{key} = "{value}"')
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def make_config(tmp_path):
    def make(feeds: list[dict], **ingest):  # noqa: ANN003, ANN202
        return load_config(write_config(tmp_path, feeds, **ingest))

    return make


class CountingExtractor:
    """Finds nothing, but counts what it was asked to read."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def extract(self, text: str, published: str | None) -> list:
        self.calls.append(text)
        return []
