"""The app's screens: one module per screen (events, event_detail, article, help, filters,
and actor, network, timeline, feeds). ``briefing.tui.app`` imports them when first needed."""
