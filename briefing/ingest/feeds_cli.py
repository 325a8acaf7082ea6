"""``briefing feeds list | add URL | remove NAME | import-opml FILE | export-opml``.

``add``, ``remove`` and ``import-opml`` edit the configuration file in use (``--config``,
``BRIEFING_CONFIG`` or the user's ``config.toml``); when that is the bundled default, they
write the user config directory's ``config.toml`` instead, which is laid over the defaults.
The file is edited with tomlkit, so the user's comments and layout survive, and replaced
atomically (a crash mid-write never leaves half a config).
"""
from __future__ import annotations

import argparse
import os
import re
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from briefing.errors import BriefingError, ConfigError


def register_feeds_command(subparsers) -> None:  # noqa: ANN001
    feeds = subparsers.add_parser(
        "feeds", help="list, add, remove, import or export the configured feeds",
        description="Manage the [[feeds]] of the configuration file. add/remove/import-opml edit the "
                    "config in use (the user's config.toml when the bundled default is in use).")
    sub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION")
    sub.add_parser("list", help="the configured feeds and how their last fetch went")
    add = sub.add_parser("add", help="add a feed (http/https URL, or a local file)")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", help="short name (default: from the URL's host)")
    add.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag (repeatable)")
    add.add_argument("--full-text", action="store_true",
                     help="fetch each item's page for the article body (needs briefing[fulltext])")
    rm = sub.add_parser("remove", help="remove a feed by name (its stored articles stay)")
    rm.add_argument("name", metavar="NAME")
    imp = sub.add_parser("import-opml", help="add the feeds an OPML file lists (newsboat, other readers)")
    imp.add_argument("file", metavar="FILE")
    exp = sub.add_parser("export-opml", help="write the feeds as OPML 2.0")
    exp.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    feeds.set_defaults(feeds_handler=handle, feeds_parser=feeds)


def handle(args: argparse.Namespace, config, db_path: Path) -> int:  # noqa: ANN001
    action = getattr(args, "feeds_command", None) or "list"
    if action == "list":
        return cmd_list(config, db_path)
    if action == "add":
        return cmd_add(config, args.url, name=args.name, tags=args.tag, full_text=args.full_text)
    if action == "remove":
        return cmd_remove(config, args.name)
    if action == "import-opml":
        return cmd_import(config, Path(args.file).expanduser())
    if action == "export-opml":
        return cmd_export(config, args.output)
    raise BriefingError(f"unknown feeds action {action!r}")


# ---------------------------------------------------------------- list and export


def cmd_list(config, db_path: Path) -> int:  # noqa: ANN001
    status = _feed_status(db_path)
    if not config.feeds:
        print(f"no feeds configured in {config.path}; add one with `briefing feeds add URL`")
        return 0
    for feed in config.feeds:
        url = str(feed["url"])
        row = status.get(url) or {}
        extras = []
        if feed.get("tags"):
            extras.append("tags: " + ", ".join(str(t) for t in feed["tags"]))
        if feed.get("full_text"):
            extras.append("full text")
        line = f"{feed['name']}\t{url}" + (f"\t({'; '.join(extras)})" if extras else "")
        print(_safe(line))
        if row:
            last = f"  last fetch {row['last_fetch'] or 'never'}: {row['last_status'] or '-'}, " \
                   f"{row['items_total']} articles stored"
            if row.get("last_error"):
                last += f"; {row['last_error']}"
            print(_safe(last))
    return 0


def _safe(text: str) -> str:
    from briefing.textsafe import clean_text

    return clean_text(text)


def _feed_status(db_path: Path) -> dict[str, dict[str, Any]]:
    if not db_path or not Path(db_path).is_file():
        return {}
    try:
        conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            cur = conn.execute("SELECT url, last_fetch, last_status, last_error, items_total FROM feeds")
            return {r[0]: dict(zip(("url", "last_fetch", "last_status", "last_error", "items_total"), r)) for r in cur}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return {}


def cmd_export(config, output: str | None) -> int:  # noqa: ANN001
    from briefing.ingest.opml import render_opml

    text = render_opml(config.feeds)
    if output:
        out = Path(output).expanduser()
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise BriefingError(f"cannot write {out}: {exc.strerror or exc}") from None
        print(f"{len(config.feeds)} feeds written to {out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


# ---------------------------------------------------------------- editing the config file


def target_config_path(config) -> Path:  # noqa: ANN001
    """The file add/remove edit: the config in use, unless it is the bundled default."""
    from briefing.config import bundled_config_path, user_config_path

    try:
        bundled = bundled_config_path()
    except ConfigError:
        bundled = None
    if bundled is not None and Path(config.path).resolve() == bundled.resolve():
        return user_config_path()
    return Path(config.path)


USER_HEADER = """\
# briefing — your configuration. Only what differs from the defaults needs to be here;
# see the bundled config.toml for every setting. `briefing feeds add/remove` edit this file.
"""


def _load_doc(path: Path):  # noqa: ANN202
    try:
        import tomlkit
    except ImportError:
        raise ConfigError("editing the configuration needs the tomlkit package (pip install tomlkit)") from None
    if not path.exists():
        return tomlkit.parse(USER_HEADER)
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 - tomlkit's parse errors have no common public base
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def _feeds_of(doc) -> list:  # noqa: ANN001
    feeds = doc.get("feeds")
    return list(feeds) if feeds is not None else []


def _write_doc(path: Path, doc) -> None:  # noqa: ANN001
    import tomlkit

    text = tomlkit.dumps(doc)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        fd, tmp = tempfile.mkstemp(prefix=".config.", suffix=".toml", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            if mode is not None:
                os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ConfigError(f"cannot write config file {path}: {exc.strerror or exc}") from None


def normalise_feed_url(url: str) -> str:
    """http(s) URLs as given; a local file (explicitly named) as its absolute path; else refused."""
    from briefing.ingest.fetch import local_path

    url = url.strip()
    scheme = urlsplit(url).scheme.lower()
    if scheme in ("http", "https"):
        if not urlsplit(url).hostname:
            raise BriefingError(f"{url!r} has no host name")
        return url
    path = local_path(url)
    if path is not None:
        if not path.is_file():
            raise BriefingError(f"{url}: no such file (a feed is an http/https URL or a local file)")
        return str(path.resolve())
    raise BriefingError(f"refused feed URL {url!r}: scheme {scheme!r} (only http, https or a local file)")


def default_name(url: str, taken: set[str]) -> str:
    """A short unique name from the URL: its host (without www.), then host and path if taken.

    >>> default_name("https://www.example.org/world/rss.xml", set())
    'example.org'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if not host:
        host = Path(parts.path or url).stem or "feed"
    candidates = [host]
    slug = re.sub(r"[^a-z0-9]+", "-", parts.path.lower()).strip("-")
    slug = re.sub(r"-(rss|xml|atom|feed)$", "", slug)
    if slug and parts.hostname:
        candidates.append(f"{host}-{slug}")
    for name in candidates:
        if name not in taken:
            return name
    i = 2
    while f"{host}-{i}" in taken:
        i += 1
    return f"{host}-{i}"


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    i = 2
    while f"{name} ({i})" in taken:
        i += 1
    return f"{name} ({i})"


def _add_to_doc(doc, feeds: list[dict[str, Any]]) -> None:  # noqa: ANN001
    import tomlkit

    existing = doc.get("feeds")
    if existing is None:
        existing = tomlkit.aot()
        doc.append("feeds", existing)
    for feed in feeds:
        if isinstance(existing, tomlkit.items.AoT):
            table = tomlkit.table()
        else:  # feeds = [ {...}, ... ] written inline
            table = tomlkit.inline_table()
        table["name"] = feed["name"]
        table["url"] = feed["url"]
        if feed.get("tags"):
            table["tags"] = list(feed["tags"])
        if feed.get("full_text"):
            table["full_text"] = True
        existing.append(table)


def _taken(config, doc) -> tuple[set[str], set[str]]:  # noqa: ANN001
    names = {str(f.get("name") or f.get("url")) for f in list(config.feeds) + _feeds_of(doc)}
    urls = {str(f.get("url")) for f in list(config.feeds) + _feeds_of(doc)}
    return names, urls


def cmd_add(config, url: str, *, name: str | None = None, tags: list[str] | None = None,  # noqa: ANN001
            full_text: bool = False) -> int:
    url = normalise_feed_url(url)
    path = target_config_path(config)
    doc = _load_doc(path)
    names, urls = _taken(config, doc)
    if url in urls:
        raise BriefingError(f"{url} is already configured")
    if name is not None:
        name = " ".join(name.split())
        if not name:
            raise BriefingError("--name must not be empty")
        if name in names:
            raise BriefingError(f"a feed named {name!r} already exists; choose another --name")
    else:
        name = default_name(url, names)
    _add_to_doc(doc, [{"name": name, "url": url, "tags": tags or [], "full_text": full_text}])
    _write_doc(path, doc)
    print(f"added feed {name!r} ({url}) to {path}")
    if full_text:
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            print("briefing: warning: full text needs the optional trafilatura package: "
                  "pip install 'briefing[fulltext]'", file=sys.stderr)
    return 0


def cmd_remove(config, name: str) -> int:  # noqa: ANN001
    path = target_config_path(config)
    doc = _load_doc(path)
    feeds = doc.get("feeds")
    index = None
    for i, feed in enumerate(_feeds_of(doc)):
        if str(feed.get("name") or feed.get("url")) == name:
            index = i
            break
    if index is None:
        known = ", ".join(sorted(str(f["name"]) for f in config.feeds)) or "none"
        raise BriefingError(f"no feed named {name!r} in {path} (configured: {known})")
    del feeds[index]
    if not _feeds_of(doc):
        del doc["feeds"]
    _write_doc(path, doc)
    print(f"removed feed {name!r} from {path} (its stored articles stay)")
    return 0


def cmd_import(config, file: Path) -> int:  # noqa: ANN001
    from briefing.ingest.opml import parse_opml

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise BriefingError(f"cannot read {file}: {exc.strerror or exc}") from None
    listed = parse_opml(data, where=str(file))
    path = target_config_path(config)
    doc = _load_doc(path)
    names, urls = _taken(config, doc)
    new, already, refused = [], 0, []
    for feed in listed:
        if urlsplit(feed.url).scheme.lower() not in ("http", "https"):
            refused.append(feed.url)  # an OPML file never names a local file for us
            continue
        if feed.url in urls:
            already += 1
            continue
        name = _unique(feed.name, names) if feed.name else default_name(feed.url, names)
        names.add(name)
        urls.add(feed.url)
        new.append({"name": name, "url": feed.url, "tags": feed.tags, "full_text": feed.full_text})
    if new:
        _add_to_doc(doc, new)
        _write_doc(path, doc)
    for url in refused:
        print(f"briefing: skipped {url!r}: only http and https feeds are imported", file=sys.stderr)
    print(f"{len(new)} feed{'s' if len(new) != 1 else ''} added to {path}, {already} already configured"
          + (f", {len(refused)} refused" if refused else ""))
    return 0
