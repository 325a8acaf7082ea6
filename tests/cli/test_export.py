"""`briefing export`: the JSON contract, CSV, Markdown, --since, and an empty store."""
from __future__ import annotations

import csv
import io
import json

from briefing.extract.model import Claim, Evidence, ExtractedEvent, Participant
from briefing.store import open_store
from briefing.store.articles import ArticleIn, insert_article
from briefing.store.events import save_events


def _seed(db_path):
    store = open_store(db_path)
    with store.transaction():
        aid = insert_article(store, ArticleIn(text="Austin and Dong Jun met in Singapore.", title="Talks [bold]x[/bold]",
                                              path="/data/002_x.txt", published="2024-06-01"))
        save_events(store, aid, [ExtractedEvent(
            kind="meeting", status="held", date="2024-05-31", date_precision="day", location="Singapore",
            duration_minutes=75, topics=["Taiwan Strait"], core=True,
            participants=[Participant(name="Lloyd Austin", mention="Austin", role="US Secretary of Defense", country="US"),
                          Participant(name="Dong Jun", mention="Dong Jun", country="CN")],
            claims=[Claim(text="positive, pragmatic and constructive", side="CN", speaker="Wu Qian")],
            evidence=[Evidence("duration", "75", "a 75-minute meeting", 0, 5)],
        )])
    store.close()


def test_json_export_has_the_documented_shape(cli, db_path):
    _seed(db_path)
    data = json.loads(cli("export", "--format", "json").out)
    (ev,) = data["events"]
    assert set(ev) == {"id", "kind", "status", "date", "date_end", "location", "duration_minutes",
                       "participants", "topics", "claims", "articles"}
    assert ev["date"] == "2024-05-31" and ev["duration_minutes"] == 75 and ev["date_end"] is None
    austin = ev["participants"][0]
    assert austin == {"name": "Lloyd Austin", "aliases": ["Austin"], "role": "US Secretary of Defense", "country": "US"}
    assert ev["claims"] == [{"side": "CN", "speaker": "Wu Qian", "text": "positive, pragmatic and constructive"}]
    assert ev["articles"][0]["path"] == "/data/002_x.txt" and ev["articles"][0]["url"] is None


def test_empty_store_exports_an_empty_list(cli, db_path):
    assert json.loads(cli("export").out) == {"events": []}
    assert cli("export", "--format", "csv").out.splitlines()[0].startswith("id,date")
    assert "No events" in cli("export", "--format", "markdown").out


def test_csv_has_one_row_per_event(cli, db_path):
    _seed(db_path)
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv").out)))
    assert len(rows) == 1 and rows[0]["participants"] == "Lloyd Austin; Dong Jun"


def test_markdown_is_grouped_by_date_and_inert(cli, db_path):
    _seed(db_path)
    md = cli("export", "--format", "markdown").out
    assert "## 2024-05-31" in md and "Lloyd Austin (US) ↔ Dong Jun (CN)" in md
    assert "Talks \\[bold\\]x\\[/bold\\]" in md  # article text cannot become markup


def test_since_limits_to_events_first_stored_then(cli, db_path):
    _seed(db_path)
    assert json.loads(cli("export", "--since", "2000-01-01").out)["events"]
    assert json.loads(cli("export", "--since", "2999-01-01").out)["events"] == []


def test_output_file_is_written(cli, db_path, tmp_path):
    _seed(db_path)
    out = tmp_path / "e.json"
    assert cli("export", "--output", out).code == 0
    assert json.loads(out.read_text())["events"]


def test_bad_since_date_is_one_line_error(cli, db_path):
    result = cli("export", "--since", "not-a-date")
    assert result.code == 1 and "--since" in result.err and result.err.count("\n") == 1


def test_unwritable_output_is_one_line_error(cli, db_path, tmp_path):
    result = cli("export", "--output", tmp_path / "missing-dir" / "e.json")
    assert result.code == 1 and "cannot write" in result.err
