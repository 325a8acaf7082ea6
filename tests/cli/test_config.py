"""Where configuration and the database are found, and bad configuration refused."""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.config import bundled_config_path, load_config, resolve_db_path, user_config_path
from briefing.errors import ConfigError


def test_bundled_default_is_used_when_nothing_else_exists():
    config = load_config()
    assert config.path == bundled_config_path()
    assert config.get("extract", "enabled") is True


def test_user_config_dir_beats_the_bundled_default():
    path = user_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[tui]\ntheme = 'nord'\n")
    config = load_config()
    assert config.path == path and config.get("tui", "theme") == "nord"
    assert config.get("extract", "enabled") is True  # defaults still underneath


def test_env_beats_user_dir_and_flag_beats_env(tmp_path, monkeypatch):
    user = user_config_path()
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text("[tui]\ntheme = 'user'\n")
    env = tmp_path / "env.toml"
    env.write_text("[tui]\ntheme = 'env'\n")
    flag = tmp_path / "flag.toml"
    flag.write_text("[tui]\ntheme = 'flag'\n")
    monkeypatch.setenv("BRIEFING_CONFIG", str(env))
    assert load_config().get("tui", "theme") == "env"
    assert load_config(flag).get("tui", "theme") == "flag"


def test_db_path_order_flag_env_config_user_dir(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text(f"[store]\npath = '{tmp_path / 'from-config.db'}'\n")
    config = load_config(cfg)
    assert resolve_db_path(None, load_config()).name == "briefing.db"
    assert "briefing" in str(resolve_db_path(None, load_config()).parent)
    assert resolve_db_path(None, config) == tmp_path / "from-config.db"
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None, config) == tmp_path / "env.db"
    assert resolve_db_path(tmp_path / "flag.db", config) == tmp_path / "flag.db"


def test_invalid_toml_is_refused_naming_the_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[store\npath = 1")
    with pytest.raises(ConfigError, match="bad.toml is not valid TOML"):
        load_config(bad)


def test_missing_config_file_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "none.toml")


def test_feed_without_url_is_refused(tmp_path):
    bad = tmp_path / "c.toml"
    bad.write_text("[[feeds]]\nname = 'x'\n")
    with pytest.raises(ConfigError, match="feed #1 has no url"):
        load_config(bad)


def test_bad_config_on_the_command_line_exits_2_with_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = [")
    assert main(["--config", str(bad), "export"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing: config file") and err.count("\n") == 1


def test_help_and_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and "briefing 0." in capsys.readouterr().out
    for sub in ("add", "export", "ingest", "reextract", "demo"):
        with pytest.raises(SystemExit) as exc:
            main([sub, "--help"])
        assert exc.value.code == 0
        assert capsys.readouterr().out.startswith("usage: briefing")


def test_default_config_file_documents_every_section():
    text = Path(bundled_config_path()).read_text()
    for section in ("[store]", "[extract]", "[ingest]", "[tui]", "[[feeds]]"):
        assert section in text
