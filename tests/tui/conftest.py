"""Fixtures for the app's tests: a small hand-made store whose every row is known.

The extractor is tested elsewhere; here events, actors, claims and evidence are inserted
by SQL so that the screens and snapshots do not move when the extractor improves. One
article's title carries markup and an escape sequence, to prove they show as text.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from briefing.store import open_store

ART1 = (
    "SINGAPORE - US Defense Secretary Lloyd Austin met Chinese Defense Minister Dong Jun on "
    "Friday (May 31) at the Shangri-La Dialogue. The two held a 75-minute meeting, slightly longer "
    "than planned. China's defence ministry spokesman Wu Qian said the talks were \"positive, "
    "pragmatic and constructive\". Austin raised concern about provocative PLA activity near Taiwan. "
    "Dong Jun said Taiwan is purely China's internal affair."
)
ART2 = (
    "Austin and Dong spoke by video call in April, the first such contact in over a year. "
    "The Pentagon said Austin stressed the importance of military communication."
)
ART3 = "Vietnam's Phan Van Giang received Dong Jun in Hanoi. No date was given."
NASTY_TITLE = "[bold red]Breaking[/] \x1b[31mred alert\x1b[0m"


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def build_fixture_store(path: Path) -> Path:
    """Three articles, four actors, four events (one undated), claims, evidence, mentions."""
    store = open_store(path)
    c = store.conn
    with store.transaction():
        c.executemany(
            "INSERT INTO articles (id, content_hash, source, path, title, published, fetched_at, language, text) "
            "VALUES (?, ?, 'file', ?, ?, ?, '2024-06-01T00:00:00', 'en', ?)",
            [(1, "h1", "samples/a1.txt", "Austin meets Dong Jun in Singapore", "2024-05-31", ART1),
             (2, "h2", "samples/a2.txt", NASTY_TITLE, "2024-04-17", ART2),
             (3, "h3", "samples/a3.txt", "Hanoi visit", None, ART3)])
        c.executemany(
            "INSERT INTO actors (id, key, name, kind, country, source) VALUES (?, ?, ?, 'person', ?, 'bundled')",
            [(1, "lloyd_austin", "Lloyd Austin", "US"), (2, "dong_jun", "Dong Jun", "CN"),
             (3, "phan_van_giang", "Phan Van Giang", "VN"), (4, "wu_qian", "Wu Qian", "CN")])
        c.executemany("INSERT INTO aliases (actor_id, alias, norm, source) VALUES (?, ?, ?, 'bundled')",
                      [(1, "Austin", "austin"), (2, "Dong", "dong")])
        c.executemany(
            "INSERT INTO events (id, kind, status, date, date_precision, location, duration_minutes, summary, "
            "event_key, first_seen, sort_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-06-01', ?)",
            [(1, "meeting", "held", "2024-05-31", "day", "Singapore", 75, "Austin and Dong met in Singapore.",
              "k1", "2024-05-31"),
             (2, "video_call", "held", "2024-04", "month", None, None, "Video call.", "k2", "2024-04-00"),
             (3, "visit", "held", None, None, "Hanoi", None, "Dong visited Hanoi.", "k3", None),
             (4, "meeting", "planned", "2024-11", "month", None, None, "A further meeting.", "k4", "2024-11-00")])
        c.executemany("INSERT INTO participants (event_id, actor_id, role, side) VALUES (?, ?, ?, ?)",
                      [(1, 1, "US Defense Secretary", "US"), (1, 2, "Chinese Defense Minister", "CN"),
                       (2, 1, None, "US"), (2, 2, None, "CN"),
                       (3, 3, None, "VN"), (3, 2, None, "CN"),
                       (4, 1, None, "US"), (4, 2, None, "CN")])
        c.executemany("INSERT INTO event_articles (event_id, article_id, summary, core) VALUES (?, ?, ?, ?)",
                      [(1, 1, "Austin and Dong held a 75-minute meeting at the Shangri-La Dialogue.", 1),
                       (1, 2, "The ministers had last spoken by video call.", 0),
                       (2, 2, "Austin and Dong spoke by video call in April.", 1),
                       (3, 3, "Phan Van Giang received Dong Jun in Hanoi.", 1),
                       (4, 1, "A further meeting is planned.", 0)])
        mentions = []
        for actor, needle, article, text, event in [(1, "Lloyd Austin", 1, ART1, 1), (2, "Dong Jun", 1, ART1, 1),
                                                    (1, "Austin", 2, ART2, 2), (2, "Dong", 2, ART2, 2),
                                                    (3, "Phan Van Giang", 3, ART3, 3), (2, "Dong Jun", 3, ART3, 3)]:
            s, e = _span(text, needle)
            mentions.append((event, article, actor, needle, s, e))
        c.executemany("INSERT INTO mentions (event_id, article_id, actor_id, mention, start, end) "
                      "VALUES (?, ?, ?, ?, ?, ?)", mentions)
        evidence = []
        for event, article, text, fld, value, needle in [
                (1, 1, ART1, "date", "2024-05-31", "Friday (May 31)"),
                (1, 1, ART1, "duration", "75", "75-minute"),
                (1, 1, ART1, "location", "Singapore", "SINGAPORE"),
                (1, 1, ART1, "participants", "Lloyd Austin, Dong Jun", "Lloyd Austin met"),
                (2, 2, ART2, "date", "2024-04", "in April"),
                (2, 2, ART2, "kind", "video_call", "video call")]:
            s, e = _span(text, needle)
            sentence_start = text.rfind(". ", 0, s) + 2 if text.rfind(". ", 0, s) >= 0 else 0
            sentence_end = text.find(".", e) + 1 or len(text)
            evidence.append((event, article, fld, value, text[sentence_start:sentence_end], s, e))
        c.executemany("INSERT INTO evidence (event_id, article_id, field, value, sentence, start, end) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)", evidence)
        claims = []
        for side, speaker, needle in [("CN", "Wu Qian", "\"positive, pragmatic and constructive\""),
                                      ("US", "Lloyd Austin", "provocative PLA activity near Taiwan"),
                                      ("CN", "Dong Jun", "Taiwan is purely China's internal affair")]:
            s, e = _span(ART1, needle)
            claims.append((1, 1, side, speaker, needle.strip('"'), s, e))
        c.executemany("INSERT INTO claims (event_id, article_id, side, speaker, text, start, end) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)", claims)
        c.executemany("INSERT INTO topics (event_id, topic) VALUES (?, ?)",
                      [(1, "Taiwan Strait"), (1, "South China Sea"), (2, "military communication")])
    store.close()
    return path


@pytest.fixture
def fixture_db(tmp_path) -> Path:
    return build_fixture_store(tmp_path / "fixture.db")


@pytest.fixture
def empty_db(tmp_path) -> Path:
    path = tmp_path / "empty.db"
    open_store(path).close()
    return path
