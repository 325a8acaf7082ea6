"""Configuration: where it is found, what it says, where the database lives.

Lookup order for the file: ``--config``, ``BRIEFING_CONFIG``, the user config directory,
the bundled default. Database path: ``--db``, ``BRIEFING_DB``, ``[store] path``, the user
data directory. The user's file is laid over the bundled defaults, so it need only hold
what it changes.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from briefing import __version__
from briefing.errors import ConfigError

APP = "briefing"


def bundled_config_path() -> Path:
    """The default config.toml: beside the package in a checkout, inside it when installed."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_default_config.toml", here.parent / "config.toml"):
        if candidate.is_file():
            return candidate
    raise ConfigError("the bundled default config.toml is missing from this installation")


def user_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP)) / "config.toml"


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP))


def user_state_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP))


@dataclass
class Config:
    data: dict[str, Any]
    path: Path  # the file the user's settings came from (the bundled file if none)
    feeds: list[dict[str, Any]] = field(default_factory=list)

    def get(self, section: str, key: str, default: Any = None) -> Any:
        return self.data.get(section, {}).get(key, default)

    @property
    def user_agent(self) -> str:
        return str(self.get("ingest", "user_agent", "briefing/{version}")).replace("{version}", __version__)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def find_config_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("BRIEFING_CONFIG")
    if env:
        return Path(env).expanduser()
    user = user_config_path()
    if user.is_file():
        return user
    return bundled_config_path()


def load_config(explicit: str | os.PathLike | None = None) -> Config:
    path = find_config_path(explicit)
    defaults = _read_toml(bundled_config_path())
    data = defaults if path == bundled_config_path() else _merge(defaults, _read_toml(path))
    _validate(data, path)
    return Config(data=data, path=path, feeds=list(data.get("feeds", [])))


def _validate(data: dict[str, Any], path: Path) -> None:
    for section in ("store", "extract", "ingest", "tui"):
        if section in data and not isinstance(data[section], dict):
            raise ConfigError(f"config file {path}: [{section}] must be a table")
    feeds = data.get("feeds", [])
    if not isinstance(feeds, list):
        raise ConfigError(f"config file {path}: feeds must be an array of tables ([[feeds]])")
    names: set[str] = set()
    for i, feed in enumerate(feeds, 1):
        if not isinstance(feed, dict) or not feed.get("url"):
            raise ConfigError(f"config file {path}: feed #{i} has no url")
        name = str(feed.get("name") or feed["url"])
        if name in names:
            raise ConfigError(f"config file {path}: two feeds are named {name!r}")
        names.add(name)
        feed.setdefault("name", name)
    threshold = data.get("extract", {}).get("fuzzy_threshold", 86)
    if not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
        raise ConfigError(f"config file {path}: [extract] fuzzy_threshold must be a number from 0 to 100")


def resolve_db_path(explicit: str | os.PathLike | None, config: Config) -> Path:
    """``--db``, else ``BRIEFING_DB``, else ``[store] path``, else the user data directory."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("BRIEFING_DB")
    if env:
        return Path(env).expanduser()
    configured = config.get("store", "path", "")
    if configured:
        return Path(str(configured)).expanduser()
    return user_data_dir() / "briefing.db"
