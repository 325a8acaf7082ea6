"""End to end: the real ``briefing`` command in a tmux session, driven by keys, read back
from the screen."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = Path(sys.executable).parent / "briefing"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None or not EXE.exists(),
                                reason="needs tmux and the installed briefing command")


class Tmux:
    def __init__(self, command: str, env: dict[str, str]) -> None:
        self.name = f"briefing-test-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", "120", "-y", "36",
                        f"env {exports} {command}"], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True,
                              text=True).stdout

    def send(self, *keys: str) -> None:
        for key in keys:
            subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name], capture_output=True).returncode == 0

    def kill(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def tmux_env(tmp_path):
    home = tmp_path / "home"
    return {f"XDG_{d}_HOME": str(home / d.lower()) for d in ("CONFIG", "DATA", "STATE", "CACHE")} | {
        "TERM": "xterm-256color"}


def test_open_an_event_follow_to_its_article_go_back_and_quit(fixture_db, tmux_env):
    session = Tmux(f"{EXE} --db {fixture_db}", tmux_env)
    try:
        screen = session.wait_for("1 / 4 events")
        assert "Lloyd Austin ↔ Dong Jun" in screen
        session.send("j")
        session.wait_for("2 / 4 events")
        session.send("Enter")
        screen = session.wait_for("sources: 2")
        assert "China said" in screen and "United States said" in screen
        session.send("o")  # the first source: the article whose title carries markup
        screen = session.wait_for("highlights")
        assert "[bold red]Breaking[/]" in screen  # markup in a title is shown, not obeyed
        session.send("BSpace")
        session.wait_for("Facts")
        session.send("Escape")
        session.wait_for("2 / 4 events")
        session.send("/")
        session.send("Hanoi")
        session.send("Enter")
        session.wait_for("search=Hanoi")
        session.send("q")
        deadline = time.monotonic() + 5
        while session.alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not session.alive()
    finally:
        session.kill()


def test_empty_store_tells_what_to_run(empty_db, tmux_env):
    session = Tmux(f"{EXE} --db {empty_db}", tmux_env)
    try:
        screen = session.wait_for("briefing demo")
        assert "briefing add PATH" in screen and "briefing ingest" in screen
    finally:
        session.kill()
