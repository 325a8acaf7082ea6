"""briefing: a terminal briefing desk for diplomatic and military-to-military contacts."""

__version__ = "0.1.0"
