"""`briefing add`: files and folders in, duplicates skipped, bad input refused in one line."""
from __future__ import annotations

import json
import sqlite3

from briefing.store import open_store


def _count(db_path, table="articles"):
    return sqlite3.connect(db_path).execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_add_imports_text_files_and_summarises(cli, sample_dir, db_path):
    result = cli("add", *sorted(sample_dir.glob("*.txt")))
    assert result.code == 0
    assert result.out.strip().startswith("4 articles added, 0 skipped,")
    assert "events found" in result.out
    assert _count(db_path) == 4


def test_add_a_folder_takes_its_article_files(cli, sample_dir, db_path):
    assert cli("add", sample_dir).code == 0
    assert _count(db_path) == 4


def test_second_add_skips_what_is_stored_and_says_so(cli, sample_dir, db_path):
    cli("add", sample_dir)
    result = cli("add", sample_dir)
    assert result.code == 0
    assert "0 articles added, 4 skipped" in result.out
    assert "already stored as article" in result.err
    assert _count(db_path) == 4


def test_same_text_under_another_name_is_a_duplicate(cli, tmp_path, db_path):
    (tmp_path / "a.txt").write_text("Defence ministers met in Singapore.\n")
    (tmp_path / "b.txt").write_text("Defence ministers  met in Singapore.")
    result = cli("add", tmp_path / "a.txt", tmp_path / "b.txt")
    assert "1 article added, 1 skipped" in result.out


def test_html_is_reduced_to_readable_text_with_its_title(cli, tmp_path, db_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Talks in Hanoi</title><style>p{}</style></head><body>"
                    "<nav>Home | World</nav><p>The ministers met.</p><script>alert(1)</script>"
                    "<p>They spoke for an hour.</p></body></html>")
    assert cli("add", page).code == 0
    title, text = sqlite3.connect(db_path).execute("SELECT title, text FROM articles").fetchone()
    assert title == "Talks in Hanoi"
    assert text == "The ministers met.\n\nThey spoke for an hour."


def test_markdown_title_comes_from_its_heading(cli, tmp_path, db_path):
    md = tmp_path / "note.md"
    md.write_text("# Ministers meet\n\nThey met on Tuesday.\n")
    cli("add", md)
    assert sqlite3.connect(db_path).execute("SELECT title FROM articles").fetchone()[0] == "Ministers meet"


def test_published_date_in_common_forms_is_stored_as_iso(cli, tmp_path, db_path):
    for i, form in enumerate(["2024-06-01", "1 June 2024", "June 1, 2024"]):
        f = tmp_path / f"a{i}.txt"
        f.write_text(f"Article number {i} about a meeting.")
        assert cli("add", f, "--published", form).code == 0
    dates = {r[0] for r in sqlite3.connect(db_path).execute("SELECT published FROM articles")}
    assert dates == {"2024-06-01"}


def test_malformed_published_date_is_refused_before_anything_is_stored(cli, sample_dir, db_path):
    result = cli("add", sample_dir, "--published", "31/31/2024")
    assert result.code != 0
    assert result.err.count("\n") == 1 and "--published" in result.err
    assert not db_path.exists() or _count(db_path) == 0


def test_source_name_is_recorded(cli, tmp_path, db_path):
    f = tmp_path / "a.txt"
    f.write_text("Some article text.")
    cli("add", f, "--source", "desk-notes")
    assert sqlite3.connect(db_path).execute("SELECT source FROM articles").fetchone()[0] == "desk-notes"


def test_missing_file_is_one_line_error_and_others_still_import(cli, tmp_path, sample_dir, db_path):
    good = next(iter(sorted(sample_dir.glob("*.txt"))))
    result = cli("add", tmp_path / "nope.txt", good)
    assert result.code == 1
    assert "nope.txt: no such file" in result.err
    assert "Traceback" not in result.err
    assert _count(db_path) == 1


def test_binary_file_is_refused(cli, tmp_path, db_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = cli("add", f)
    assert result.code == 1 and "binary" in result.err
    assert _count(db_path) == 0


def test_empty_file_is_refused(cli, tmp_path, db_path):
    f = tmp_path / "empty.txt"
    f.write_text("  \n\n")
    result = cli("add", f)
    assert result.code == 1 and "empty.txt: is empty" in result.err


def test_non_utf8_file_is_refused_with_a_hint(cli, tmp_path, db_path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("中美防长会晤".encode("gb18030"))
    result = cli("add", f)
    assert result.code == 1 and "not UTF-8" in result.err and "iconv" in result.err
    assert result.err.count("\n") == 1


def test_unsupported_file_type_is_refused(cli, tmp_path):
    f = tmp_path / "data.csv"
    f.write_text("a,b\n")
    result = cli("add", f)
    assert result.code == 1 and "unsupported file type" in result.err


def test_escape_sequences_never_reach_the_store(cli, tmp_path, db_path):
    f = tmp_path / "evil.txt"
    f.write_text("Title \x1b[31mred\x1b[0m\x07\nBody \x1b]0;pwned\x07 text")
    cli("add", f)
    title, text = sqlite3.connect(db_path).execute("SELECT title, text FROM articles").fetchone()
    assert "\x1b" not in title + text and "\x07" not in text
    assert title == "Title red"


def test_corrupt_database_is_one_line_error(cli, tmp_path, sample_dir, db_path):
    db_path.write_bytes(b"garbage" * 100)
    result = cli("add", sample_dir)
    assert result.code == 2
    assert result.err.strip().endswith("is not a briefing database (not an SQLite file)")
    assert db_path.read_bytes() == b"garbage" * 100


def test_unwritable_database_path_is_one_line_error(cli, tmp_path, sample_dir):
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    result = cli("--db", blocker / "x" / "s.db", "add", sample_dir, db=False)
    assert result.code == 2 and "cannot create database" in result.err
    assert result.err.count("\n") == 1


def test_failing_extraction_commits_nothing_of_that_file(tmp_path, sample_dir, db_path):
    from briefing.ingest.files import collect_paths
    from briefing.ingest.importer import import_files

    class Exploding:
        def extract(self, text, published):
            if "Singapore" in text:
                raise ValueError("extractor bug")
            return []

    store = open_store(db_path)
    report = import_files(store, collect_paths([sample_dir]), Exploding())
    assert len(report.errors) >= 1 and "extractor bug" in report.errors[0]
    stored = [r[0] for r in store.conn.execute("SELECT text FROM articles")]
    assert stored and not any("Singapore" in t for t in stored)
    assert report.added == len(stored)
    store.close()


def test_export_after_add_names_the_source_files(cli, sample_dir):
    cli("add", sample_dir)
    data = json.loads(cli("export", "--format", "json").out)
    for ev in data["events"]:
        assert all(a["path"].endswith(".txt") for a in ev["articles"])
