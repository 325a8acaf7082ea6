"""Shared fixtures: a temporary store, the sample articles, and the CLI run in-process."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "briefing" / "data" / "sample"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's config, data or logs."""
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE_DIR


class CliResult:
    def __init__(self, code: int, out: str, err: str):
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def cli(capsys, db_path):
    """Run ``briefing --db <tmp> ARGS...`` in-process; returns code, stdout, stderr."""

    def run(*args: str, db: bool = True) -> CliResult:
        argv = (["--db", str(db_path)] if db else []) + [str(a) for a in args]
        code = main(argv)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
