"""The one exception type a user may see: its message is the whole story, on one line."""


class BriefingError(Exception):
    """Bad input or a broken store; the CLI prints ``briefing: <message>`` and exits non-zero."""

    exit_code = 1


class ConfigError(BriefingError):
    exit_code = 2


class StoreError(BriefingError):
    exit_code = 2
