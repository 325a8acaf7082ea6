"""A rich progress bar for long imports, only on a terminal and only when it is worth it."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

SHOW_FROM = 20  # files; fewer finish before a bar would be read


@contextmanager
def file_progress(total: int, quiet: bool = False) -> Iterator[Callable[[Path], None]]:
    if quiet or total < SHOW_FROM or not sys.stderr.isatty():
        yield lambda path: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("import", total=total)
        first = True

        def advance(path: Path) -> None:
            nonlocal first
            if not first:
                progress.advance(task)
            first = False

        yield advance
        progress.update(task, completed=total)
