"""Fetching one feed's bytes: HTTP(S) with hard limits, or a local file the user named.

Why each limit exists: cron runs this unattended, so a feed that hangs, trickles, redirects
forever or sends a gzip bomb must cost a bounded amount of time and memory and end in one
readable error naming the feed. Concretely:

- only ``http``/``https`` (and ``file:`` or a plain path, when the user configured it);
  any other scheme is refused before a socket is opened, and redirects never leave HTTP(S);
- a connect timeout, a read timeout (between bytes) and a total deadline for the whole body;
- at most ``max_redirects`` redirects;
- at most ``max_bytes`` of *decoded* body: gzip/deflate are inflated here, chunk by chunk with
  ``max_length``, so a small compressed body cannot expand past the cap in memory;
- conditional requests (``If-None-Match`` / ``If-Modified-Since``): a 304 costs one round trip.

The bytes go to feedparser untouched (never a URL: feedparser would fetch it itself).
"""
from __future__ import annotations

import email.utils
import os
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx

ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
          "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")


class FetchError(Exception):
    """Why a feed could not be fetched, in words for the analyst (no traceback)."""


@dataclass
class Limits:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    user_agent: str = "briefing"

    @classmethod
    def from_config(cls, config) -> "Limits":  # noqa: ANN001
        get = config.get
        return cls(
            connect_timeout=float(get("ingest", "connect_timeout", 10)),
            read_timeout=float(get("ingest", "read_timeout", 20)),
            total_timeout=float(get("ingest", "total_timeout", 60)),
            max_bytes=int(get("ingest", "max_bytes", 10_000_000)),
            max_redirects=int(get("ingest", "max_redirects", 5)),
            user_agent=config.user_agent,
        )


@dataclass
class Fetched:
    """What came back: a body (``not_modified`` False) or a 304 (``body`` empty)."""

    url: str  # the final URL, after redirects
    status: int  # HTTP status (200 for a local file)
    body: bytes = b""
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    permanent_redirect: str | None = None  # where a 301/308 said the feed now lives


def local_path(url: str) -> Path | None:
    """The local file a feed URL names (``file:`` URL or a plain path), else None.

    >>> local_path("file:///tmp/a.xml"), local_path("/tmp/a.xml"), local_path("https://x/a.xml")
    (PosixPath('/tmp/a.xml'), PosixPath('/tmp/a.xml'), None)
    """
    parts = urlsplit(url)
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost"):
            return None
        return Path(unquote(parts.path))
    if parts.scheme == "" or (len(parts.scheme) == 1 and os.name == "nt"):
        return Path(url).expanduser()
    return None


def check_url(url: str) -> None:
    """Refuse anything but http(s) and local files; a :class:`FetchError` says which scheme."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        if not parts.hostname:
            raise FetchError(f"{url!r} has no host name")
        return
    if local_path(url) is not None:
        return
    raise FetchError(f"refused URL scheme {parts.scheme!r} (only http, https or a local file)")


def make_client(limits: Limits) -> httpx.Client:
    """One client per run: connection reuse across feeds on the same host."""
    timeout = httpx.Timeout(connect=limits.connect_timeout, read=limits.read_timeout,
                            write=limits.read_timeout, pool=limits.total_timeout)
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        headers={"User-Agent": limits.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
        limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
        trust_env=False,  # no proxy or netrc surprises under cron
    )


def fetch(url: str, client: httpx.Client, limits: Limits, *, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """Fetch ``url`` once within ``limits``; raise :class:`FetchError` with the reason."""
    check_url(url)
    path = local_path(url)
    if path is not None:
        return _fetch_file(path, limits, last_modified)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + limits.total_timeout
    try:
        with client.stream("GET", url, headers=headers) as resp:
            moved = _permanent_redirect(resp)
            final = str(resp.url)
            if resp.url.scheme not in ("http", "https"):
                raise FetchError(f"redirected to a refused scheme: {final}")
            if resp.status_code == 304:
                return Fetched(url=final, status=304, not_modified=True, etag=resp.headers.get("etag") or etag,
                               last_modified=resp.headers.get("last-modified") or last_modified,
                               permanent_redirect=moved)
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
            if resp.status_code != 200:
                raise FetchError(f"unexpected HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
            body = _read_body(resp, limits, deadline)
            return Fetched(url=final, status=200, body=body, etag=resp.headers.get("etag"),
                           last_modified=resp.headers.get("last-modified"),
                           headers={k.lower(): v for k, v in resp.headers.items()}, permanent_redirect=moved)
    except FetchError:
        raise
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {limits.max_redirects} redirects") from None
    except httpx.ConnectTimeout:
        raise FetchError(f"could not connect within {limits.connect_timeout:g} s") from None
    except httpx.ReadTimeout:
        raise FetchError(f"no data for {limits.read_timeout:g} s (read timeout)") from None
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out ({type(exc).__name__})") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("redirected to a refused scheme (only http and https)") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect: {_reason(exc)}") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {_reason(exc)}") from None


def _permanent_redirect(resp: httpx.Response) -> str | None:
    moved = None
    for hop in resp.history:
        if hop.status_code in (301, 308):
            moved = hop.headers.get("location") and str(hop.url.join(hop.headers["location"]))
        else:
            break  # a temporary hop after: the old URL stays the one to use
    return moved


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]


def _read_body(resp: httpx.Response, limits: Limits, deadline: float) -> bytes:
    cap = limits.max_bytes
    length = resp.headers.get("content-length")
    if length and length.isdigit() and int(length) > cap:
        raise FetchError(f"body too large ({int(length):,} bytes; the limit is {cap:,})")
    decoder = _Inflater(resp.headers.get("content-encoding", ""))
    out = bytearray()
    for chunk in resp.iter_raw():
        out += decoder.feed(chunk, cap + 1 - len(out))
        if len(out) > cap:
            raise FetchError(f"body larger than the limit of {cap:,} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"body not received within {limits.total_timeout:g} s")
    out += decoder.flush(cap + 1 - len(out))
    if len(out) > cap:
        raise FetchError(f"body larger than the limit of {cap:,} bytes")
    return bytes(out)


class _Inflater:
    """gzip / deflate decoding that never produces more than asked for (no bomb in memory)."""

    def __init__(self, encoding: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip() and c.strip().lower() != "identity"]
        if len(codings) > 1:
            raise FetchError(f"unsupported content encoding {encoding!r}")
        self.coding = codings[0] if codings else ""
        if self.coding in ("gzip", "x-gzip"):
            self.obj = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif self.coding == "deflate":
            self.obj = zlib.decompressobj()  # zlib-wrapped; raw deflate is tried on the first error
            self.first = True
        elif self.coding == "":
            self.obj = None
        else:
            raise FetchError(f"unsupported content encoding {encoding!r}")

    def feed(self, data: bytes, room: int) -> bytes:
        if self.obj is None:
            return data
        try:
            out = self.obj.decompress(data, max(room, 1))
        except zlib.error:
            if self.coding == "deflate" and getattr(self, "first", False):
                self.obj = zlib.decompressobj(-zlib.MAX_WBITS)
                self.first = False
                return self.feed(data, room)
            raise FetchError(f"body is not valid {self.coding} data") from None
        self.first = False
        return out  # anything left in unconsumed_tail means the cap was hit; the caller stops

    def flush(self, room: int) -> bytes:
        if self.obj is None:
            return b""
        try:
            out = self.obj.decompress(self.obj.unconsumed_tail, max(room, 1)) if self.obj.unconsumed_tail else b""
            return out + (self.obj.flush() if len(out) < room else b"")
        except zlib.error:
            raise FetchError(f"body is not valid {self.coding} data") from None


def _fetch_file(path: Path, limits: Limits, last_modified: str | None) -> Fetched:
    """A local feed file: 'not modified' when its modification time is what we saw last."""
    try:
        st = path.stat()
        stamp = email.utils.format_datetime(datetime.fromtimestamp(st.st_mtime, timezone.utc), usegmt=True)
        stamp = f"{stamp} ({st.st_size} bytes, {st.st_mtime_ns})"
        if last_modified and last_modified == stamp:
            return Fetched(url=path.resolve().as_uri(), status=304, not_modified=True, last_modified=stamp)
        if not path.is_file():
            raise FetchError(f"{path} is not a regular file")
        if st.st_size > limits.max_bytes:
            raise FetchError(f"file too large ({st.st_size:,} bytes; the limit is {limits.max_bytes:,})")
        with path.open("rb") as fh:
            body = fh.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise FetchError(f"no such file: {path}") from None
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(body) > limits.max_bytes:
        raise FetchError(f"file larger than the limit of {limits.max_bytes:,} bytes")
    # application/xml: the file's own XML declaration names its encoding (RFC 7303)
    return Fetched(url=path.resolve().as_uri(), status=200, body=body, last_modified=stamp,
                   headers={"content-type": "application/xml"})
