"""One ingest at a time per store: an advisory lock on a file beside the database.

cron may start a run while the last one is still fetching a slow feed. The second run must
exit at once, saying so, rather than fetch everything twice. The lock is ``flock`` (or
``msvcrt.locking`` on Windows) on ``<database>.ingest.lock``: the kernel drops it when the
process dies, even by ``kill -9``, so there is never a stale lock to clean up by hand. The
file keeps the holder's pid for the message.
"""
from __future__ import annotations

import os
from pathlib import Path

from briefing.errors import BriefingError


class LockBusy(BriefingError):
    """Another ingest holds the lock."""

    exit_code = 75  # EX_TEMPFAIL: nothing wrong, try again later


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".ingest.lock")


class IngestLock:
    """``with IngestLock(db_path):`` or raise :class:`LockBusy` without waiting."""

    def __init__(self, db_path: str | os.PathLike) -> None:
        self.path = lock_path_for(Path(db_path))
        self._fh = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        try:
            _try_lock(fh)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip()
            fh.close()
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise LockBusy(f"another briefing ingest is running on this store{who}; not starting a second one") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            try:
                self._fh.seek(0)
                self._fh.truncate()
                _unlock(self._fh)
            finally:
                self._fh.close()
                self._fh = None

    def __enter__(self) -> "IngestLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fh) -> None:  # noqa: ANN001
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh) -> None:  # noqa: ANN001
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fh) -> None:  # noqa: ANN001
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh) -> None:  # noqa: ANN001
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
