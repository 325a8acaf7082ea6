"""What happens when briefing itself breaks.

A user should never read a traceback (it leaks article text and local paths into a terminal
that may be shared, and says nothing about what to do). Instead the traceback goes to a
file in the user log directory and the user gets one line naming that file, to attach to
a bug report.
"""
from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

import platformdirs


def write_crash_report(exc: BaseException) -> Path | str:
    folder = Path(platformdirs.user_log_dir("briefing"))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    except OSError:
        return "not written: the log directory is not writable"
    return path
