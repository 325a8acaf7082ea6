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
FIRST_FRAME_TIMEOUT = 30.0  # generous: the whole suite may be running beside this test
STEP_TIMEOUT = 15.0
COMMAND_TIMEOUT = 10.0  # one tmux command

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None or not EXE.exists(),
                                reason="needs tmux and the installed briefing command")


class Tmux:
    """One tmux server of its own (a private socket, no user config) running ``command`` in a
    120x36 pane. Nothing here sleeps a fixed time to let the app catch up: every step waits,
    up to a deadline, for the text it expects on the screen; when the app dies, the pane
    stays (remain-on-exit) so the failure shows its last screen."""

    def __init__(self, command: str, env: dict[str, str], width: int = 120, height: int = 36) -> None:
        tag = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.socket = f"briefing-test-{tag}"
        self.name = f"briefing-{tag}"
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
                  f"env {exports} {command}", check=True)
        self.tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def tmux(self, *args: str, check: bool = False) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if k != "TMUX"}  # not nested in the caller's tmux
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args], capture_output=True,
                              text=True, env=env, check=check, timeout=COMMAND_TIMEOUT)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name).stdout

    def send(self, *keys: str) -> None:
        """Key names (``Enter``, ``BSpace``, ``Escape``, ``j``)."""
        for key in keys:
            self.tmux("send-keys", "-t", self.name, key, check=True)

    def type(self, text: str) -> None:
        """Literal text."""
        self.tmux("send-keys", "-t", self.name, "-l", text, check=True)

    def wait_for(self, text: str, timeout: float = STEP_TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            if not self.alive():
                break
            time.sleep(0.05)
        state = "the app exited" if not self.alive() else f"waited {timeout:.0f} s"
        raise AssertionError(f"{text!r} never appeared ({state}); the screen was:\n{screen}")

    def alive(self) -> bool:
        out = self.tmux("display-message", "-p", "-t", self.name, "#{pane_dead}")
        return out.returncode == 0 and out.stdout.strip() == "0"

    def wait_exit(self, timeout: float = STEP_TIMEOUT) -> bool:
        deadline = time.monotonic() + timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        return not self.alive()

    def kill(self) -> None:
        try:
            self.tmux("kill-server")
        except subprocess.TimeoutExpired:
            pass


@pytest.fixture
def tmux_env(tmp_path):
    home = tmp_path / "home"
    return {f"XDG_{d}_HOME": str(home / d.lower()) for d in ("CONFIG", "DATA", "STATE", "CACHE")} | {
        "TERM": "xterm-256color"}


def test_open_an_event_follow_to_its_article_go_back_and_quit(fixture_db, tmux_env):
    session = Tmux(f"{EXE} --db {fixture_db}", tmux_env)
    try:
        screen = session.wait_for("1 / 4 events", FIRST_FRAME_TIMEOUT)
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
        session.wait_for("search articles")
        session.type("Hanoi")
        session.send("Enter")  # keys are read in order: the text is in the box before Enter
        session.wait_for("search=Hanoi")
        session.send("q")
        assert session.wait_exit(), session.screen()
    finally:
        session.kill()


def test_empty_store_tells_what_to_run(empty_db, tmux_env):
    session = Tmux(f"{EXE} --db {empty_db}", tmux_env)
    try:
        screen = session.wait_for("briefing demo", FIRST_FRAME_TIMEOUT)
        assert "briefing add PATH" in screen and "briefing ingest" in screen
    finally:
        session.kill()
