"""`briefing feeds`: list, add, remove (comments kept), OPML import and export round trip."""
from __future__ import annotations

import pytest

from briefing.cli import main
from briefing.config import load_config, user_config_path
from briefing.errors import BriefingError
from briefing.ingest.opml import parse_opml, render_opml

NEWSBOAT_OPML = b"""<?xml version="1.0"?>
<opml version="1.0">
  <head><title>newsboat - Exported Feeds</title></head>
  <body>
    <outline type="rss" xmlUrl="https://www.defense.gov/rss" htmlUrl="https://www.defense.gov/" title="defense.gov"/>
    <outline title="Asia" text="Asia">
      <outline type="rss" text="Xinhua" xmlUrl="http://www.xinhuanet.com/english/rss/worldrss.xml"/>
    </outline>
    <outline type="rss" text="local" xmlUrl="file:///etc/passwd"/>
  </body>
</opml>"""


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def cfg(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("# my settings\n[ingest]\nconcurrency = 2  # be gentle\n\n"
                    "# the feeds I read\n[[feeds]]\nname = \"keep\"\nurl = \"https://example.org/keep.xml\"\n")
    return path


def test_add_appends_a_feed_and_keeps_the_comments(cfg, capsys):
    code, out, _ = _run(capsys, "--config", cfg, "feeds", "add", "https://www.example.com/world/rss.xml",
                        "--tag", "defence", "--tag", "asia")
    assert code == 0 and "added feed 'example.com'" in out
    text = cfg.read_text()
    assert "# my settings" in text and "# be gentle" in text and "# the feeds I read" in text
    feeds = load_config(cfg).feeds
    assert feeds[-1] == {"name": "example.com", "url": "https://www.example.com/world/rss.xml",
                         "tags": ["defence", "asia"]}


def test_add_refuses_other_schemes_duplicates_and_taken_names(cfg, capsys):
    assert _run(capsys, "--config", cfg, "feeds", "add", "ftp://example.org/x")[0] == 1
    code, _, err = _run(capsys, "--config", cfg, "feeds", "add", "https://example.org/keep.xml")
    assert code == 1 and "already configured" in err
    code, _, err = _run(capsys, "--config", cfg, "feeds", "add", "https://example.org/b.xml", "--name", "keep")
    assert code == 1 and "already exists" in err


def test_add_takes_an_explicit_local_file(cfg, tmp_path, capsys):
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss/>")
    assert _run(capsys, "--config", cfg, "feeds", "add", feed, "--name", "local")[0] == 0
    assert load_config(cfg).feeds[-1]["url"] == str(feed.resolve())


def test_remove_deletes_only_that_feed(cfg, capsys):
    _run(capsys, "--config", cfg, "feeds", "add", "https://example.net/a.xml", "--name", "other")
    code, out, _ = _run(capsys, "--config", cfg, "feeds", "remove", "keep")
    assert code == 0 and "removed feed 'keep'" in out
    assert [f["name"] for f in load_config(cfg).feeds] == ["other"]
    assert "# be gentle" in cfg.read_text()
    code, _, err = _run(capsys, "--config", cfg, "feeds", "remove", "keep")
    assert code == 1 and "no feed named 'keep'" in err


def test_with_the_bundled_config_add_writes_the_user_config(capsys):
    code, out, _ = _run(capsys, "feeds", "add", "https://example.org/rss", "--name", "mine")
    assert code == 0 and str(user_config_path()) in out
    assert load_config().feeds == [{"name": "mine", "url": "https://example.org/rss"}]


def test_list_shows_feeds_and_their_last_fetch(cfg, capsys, db_path):
    code, out, _ = _run(capsys, "--db", db_path, "--config", cfg, "feeds", "list")
    assert code == 0 and "keep\thttps://example.org/keep.xml" in out


def test_import_opml_from_newsboat_takes_folders_as_tags_and_refuses_files(cfg, tmp_path, capsys):
    opml = tmp_path / "feeds.opml"
    opml.write_bytes(NEWSBOAT_OPML)
    code, out, err = _run(capsys, "--config", cfg, "feeds", "import-opml", opml)
    assert code == 0 and "2 feeds added" in out and "file:///etc/passwd" in err
    feeds = {f["name"]: f for f in load_config(cfg).feeds}
    assert feeds["defense.gov"]["url"] == "https://www.defense.gov/rss"
    assert feeds["Xinhua"]["tags"] == ["Asia"]
    code, out, _ = _run(capsys, "--config", cfg, "feeds", "import-opml", opml)
    assert "0 feeds added" in out and "2 already configured" in out


def test_opml_round_trip_keeps_names_urls_tags_and_full_text(cfg, tmp_path, capsys):
    _run(capsys, "--config", cfg, "feeds", "add", "https://example.com/x.xml", "--name", "x & y",
         "--tag", "defence", "--full-text")
    out_file = tmp_path / "out.opml"
    assert _run(capsys, "--config", cfg, "feeds", "export-opml", "--output", out_file)[0] == 0
    fresh = tmp_path / "fresh.toml"
    fresh.write_text("")
    assert _run(capsys, "--config", fresh, "feeds", "import-opml", out_file)[0] == 0
    strip = lambda feeds: [{k: v for k, v in f.items()} for f in feeds]  # noqa: E731
    assert strip(load_config(fresh).feeds) == strip(load_config(cfg).feeds)


def test_export_is_opml_newsboat_can_read():
    text = render_opml([{"name": "a", "url": "https://example.org/a.xml", "tags": ["t"]}])
    assert '<opml version="2.0">' in text and 'xmlUrl="https://example.org/a.xml"' in text and 'type="rss"' in text
    assert parse_opml(text.encode())[0].tags == ["t"]


def test_opml_with_entities_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>'
    with pytest.raises(BriefingError, match="refused"):
        parse_opml(bomb)
