"""The keyboard-driven app over the store (Textual). Start with :func:`briefing.tui.app.run_app`."""
