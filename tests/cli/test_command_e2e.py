"""The real `briefing` command in a subprocess: what cron and scripts see."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def run(*args, env_extra=None, tmp_path=None):
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "briefing", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=120)


def test_add_then_export_through_the_command(tmp_path, sample_dir):
    db = tmp_path / "s.db"
    added = run("--db", db, "add", sample_dir)
    assert added.returncode == 0, added.stderr
    assert "4 articles added" in added.stdout
    exported = run("--db", db, "export", "--format", "json")
    assert exported.returncode == 0
    data = json.loads(exported.stdout)
    assert isinstance(data["events"], list)


def test_database_path_from_environment(tmp_path, sample_dir):
    db = tmp_path / "env.db"
    result = run("add", sample_dir, env_extra={"BRIEFING_DB": str(db)})
    assert result.returncode == 0 and db.exists()


@pytest.mark.parametrize("args,needle", [
    (["add", "/nonexistent/file.txt"], "no such file"),
    (["add", "--published", "2024-02-30", "x.txt"], "not a real date"),
    (["export", "--since", "yesterday-ish"], "--since"),
])
def test_bad_input_gives_one_line_and_no_traceback(tmp_path, args, needle):
    result = run("--db", tmp_path / "s.db", *args)
    assert result.returncode != 0
    assert needle in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_corrupt_database_gives_one_line(tmp_path):
    db = tmp_path / "s.db"
    db.write_bytes(b"\x00" * 4096)
    result = run("--db", db, "export")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_help_lists_every_command():
    result = run("--help")
    for word in ("add", "export", "ingest", "reextract", "demo"):
        assert word in result.stdout
