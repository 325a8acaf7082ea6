"""Opening the store: checks, pragmas and numbered migrations from ``db/migrations``.

Every way a database file can be wrong (not SQLite, truncated, from a newer briefing,
unwritable) becomes a one-line :class:`StoreError` naming the file, never a traceback.
"""
from __future__ import annotations

import re
import sqlite3
import struct
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import sqlite_utils

from briefing.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"


def migrations_dir() -> Path:
    """``db/migrations`` in a checkout; ``briefing/_db/migrations`` in an installed wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_db" / "migrations", here.parent / "db" / "migrations"):
        if candidate.is_dir():
            return candidate
    raise StoreError("the schema migrations (db/migrations) are missing from this installation")


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(migrations_dir().glob("*.sql")):
        m = re.match(r"(\d+)_", path.name)
        if m:
            found.append((int(m.group(1)), path))
    return found


def latest_version() -> int:
    return max((n for n, _ in migrations()), default=0)


@dataclass
class Store:
    """An open store: the sqlite-utils database and where it lives."""

    db: sqlite_utils.Database
    path: Path

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of work: commits on success, rolls back everything on any error."""
        conn = self.conn
        if conn.in_transaction:
            # Nested: a savepoint, so an inner failure undoes only the inner work.
            name = f"sp{id(object())}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            conn.execute(f"RELEASE {name}")
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])


def _check_file(path: Path) -> None:
    """Cheap checks before SQLite sees the file: magic bytes and a truncated tail."""
    try:
        size = path.stat().st_size
        if size == 0:
            return  # SQLite treats an empty file as a new database
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"cannot read database {path}: {exc.strerror or exc}") from None
    if not header.startswith(SQLITE_MAGIC):
        raise StoreError(f"{path} is not a briefing database (not an SQLite file)")
    if len(header) < 100:
        raise StoreError(f"database {path} is truncated (only {size} bytes)")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", header[28:32])[0]
    change_counter, valid_for = header[24:28], header[92:96]
    wal = path.with_name(path.name + "-wal")
    wal_pending = wal.exists() and wal.stat().st_size > 0
    # The in-header size is trustworthy only when valid-for matches the change counter.
    if change_counter == valid_for and not wal_pending and size < page_count * page_size:
        raise StoreError(
            f"database {path} is truncated ({size} bytes, header says {page_count * page_size}); "
            "restore it from a backup"
        )


def open_store(path: str | Path, *, create: bool = True, migrate: bool = True) -> Store:
    """Open (and create or upgrade) the store at ``path``.

    >>> store = open_store(":memory:")  # doctest: +SKIP
    """
    memory = str(path) == ":memory:"
    path = Path(path) if memory else Path(path).expanduser()
    if not memory:
        if path.is_dir():
            raise StoreError(f"database path {path} is a directory")
        if path.exists():
            _check_file(path)
        elif not create:
            raise StoreError(f"no database at {path}")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create database at {path}: {exc.strerror or exc}") from None
    try:
        conn = sqlite3.connect(str(path) if not memory else ":memory:", timeout=10,
                               isolation_level=None, check_same_thread=False)
        conn.isolation_level = ""  # transactions begin implicitly on writes; see Store.transaction
        db = sqlite_utils.Database(conn)
        conn.execute("PRAGMA busy_timeout = 10000")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        latest = latest_version()
        if version > latest:
            raise StoreError(
                f"database {path} was written by a newer briefing (schema {version}, this one knows "
                f"{latest}); upgrade briefing"
            )
        if version == 0 and not memory and path.stat().st_size > 0 and _has_foreign_tables(conn):
            raise StoreError(f"{path} is an SQLite database but not a briefing one")
        if not memory:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal" and version < latest:
                raise StoreError(f"cannot use WAL mode on {path} (journal mode is {mode})")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        store = Store(db=db, path=path)
        if migrate and version < latest:
            _migrate(store, version)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_describe(path, exc)) from None
    except OSError as exc:
        raise StoreError(f"cannot open database {path}: {exc.strerror or exc}") from None
    return store


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0


def _migrate(store: Store, current: int) -> None:
    for number, path in migrations():
        if number <= current:
            continue
        sql = path.read_text(encoding="utf-8")
        conn = store.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.commit()
        except BaseException:
            conn.rollback()
            raise


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements (``sqlite3.complete_statement`` knows about triggers)."""
    statements, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


def _describe(path: Path, exc: sqlite3.DatabaseError) -> str:
    msg = str(exc)
    if "not a database" in msg:
        return f"{path} is not a briefing database (not an SQLite file)"
    if "malformed" in msg or "corrupt" in msg:
        return f"database {path} is corrupt ({msg}); restore it from a backup"
    if "readonly" in msg or "unable to open" in msg:
        return f"cannot write database {path} ({msg}); check the path and its permissions"
    if "locked" in msg or "busy" in msg:
        return f"database {path} is busy ({msg}); try again"
    return f"database {path}: {msg}"


def describe_error(path: Path, exc: sqlite3.DatabaseError) -> str:
    """The one-line message for an SQLite error met after opening."""
    return _describe(path, exc)
