"""Reading article files from disk: .txt, .md and .html, alone or in folders."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.ingest.html_text import html_to_text
from briefing.textsafe import clean_text

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


@dataclass
class FileArticle:
    path: Path
    text: str
    title: str | None


def collect_paths(paths: list[str | Path]) -> list[Path]:
    """Expand folders (recursively, sorted) into the article files they hold; keep files as given."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                              and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            out.append(path)  # a missing or odd file is reported when it is read
    return out


def read_article_file(path: Path) -> FileArticle:
    """Read one file into text and a title; a :class:`BriefingError` says why one cannot be read."""
    suffix = path.suffix.lower()
    try:
        with open(path, "rb") as fh:  # no separate exists()/is_file(): one system call fewer per file
            data = fh.read()
    except FileNotFoundError:
        raise BriefingError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BriefingError(f"{path}: not a regular file") from None
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if suffix not in SUFFIXES:
        raise BriefingError(f"{path}: unsupported file type {suffix or '(none)'} (use .txt, .md or .html)")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefingError(f"{path}: looks like a binary file, not text")
    text = _decode(path, data)
    if suffix in {".html", ".htm"}:
        text, title = html_to_text(text)
    else:
        title = None
    text = clean_text(text).strip()
    if not text:
        raise BriefingError(f"{path}: is empty")
    if title is None:
        title = _first_line_title(text, markdown=suffix in {".md", ".markdown"})
    return FileArticle(path=path, text=text, title=title)


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BriefingError(f"{path}: has a UTF-16 mark but is not valid UTF-16") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BriefingError(
            f"{path}: is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f GB18030 -t UTF-8"
        ) from None


def _first_line_title(text: str, markdown: bool) -> str:
    first = text.splitlines()[0].strip()
    if markdown:
        first = re.sub(r"^#+\s*", "", first)
    return first if len(first) <= 160 else first[:157].rstrip() + "…"
