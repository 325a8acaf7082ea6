"""The ``briefing`` command: the TUI by default, plus add, ingest, export, reextract, demo, feeds.

Every failure a user can cause ends in one line on standard error and a non-zero exit;
an unexpected one writes the traceback to a crash log and says where (see :mod:`.crash`).
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import Sequence

from briefing import __version__
from briefing.errors import BriefingError, StoreError

EXIT_BAD_INPUT = 1
EXIT_STORE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="A terminal briefing desk for diplomatic and military-to-military contacts. "
                    "With no command, opens the app.",
    )
    parser.add_argument("--db", metavar="PATH", help="database file (default: BRIEFING_DB, the config, "
                        "or the user data directory)")
    parser.add_argument("--config", metavar="PATH", help="configuration file (default: BRIEFING_CONFIG, "
                        "the user config directory, or the bundled config.toml)")
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("tui", help="open the app (the default)", description="Open the app over the store.")
    sub.add_parser("demo", help="load the bundled sample articles if absent, then open the app",
                   description="Load the bundled sample articles into the store (once) and open the app.")

    add = sub.add_parser("add", help="import article files or folders and extract their meetings",
                         description="Import .txt, .md and .html files (or folders of them), "
                                     "then extract the meetings they report.")
    add.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import")
    add.add_argument("--published", metavar="DATE", help="publication date of these articles (e.g. 2024-06-01)")
    add.add_argument("--source", metavar="NAME", help="source name to record (default: file)")
    add.add_argument("--no-extract", action="store_true", help="store the articles without extracting")
    add.add_argument("--quiet", action="store_true", help="print only errors")

    exp = sub.add_parser("export", help="export events as json, csv or markdown",
                         description="Export the store's events. JSON follows the documented shape.")
    exp.add_argument("--format", choices=["json", "csv", "markdown"], default="json")
    exp.add_argument("--output", metavar="FILE", help="write here instead of standard output")
    exp.add_argument("--since", metavar="DATE", help="only events first stored on or after DATE")

    rex = sub.add_parser("reextract", help="re-run extraction over stored articles, keeping curation",
                         description="Re-run the extractor over every stored article (after the gazetteer "
                                     "or the extractor changed). The analyst's curation is kept.")
    rex.add_argument("--quiet", action="store_true", help="print only errors")

    ing = sub.add_parser("ingest", help="fetch the configured feeds once (cron-safe)",
                         description="Fetch every configured feed once, store new items and extract them. "
                                     "Exit 0 when all feeds were fetched, 1 when some failed, 2 on a "
                                     "configuration or store error, 75 when another ingest still runs.")
    ing.add_argument("--feed", metavar="NAME", help="fetch only this feed")
    ing.add_argument("--quiet", action="store_true", help="print only errors")

    try:
        from briefing.ingest.feeds_cli import register_feeds_command
    except ImportError:
        pass
    else:
        register_feeds_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return run(args) or 0
    except BriefingError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return exc.exit_code
    except sqlite3.DatabaseError as exc:
        from briefing.store.database import describe_error

        print(f"briefing: {describe_error(Path(args.db or 'database'), exc)}", file=sys.stderr)
        return EXIT_STORE
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        from briefing.crash import write_crash_report

        where = write_crash_report(exc)
        print(f"briefing: internal error: {type(exc).__name__}: {exc} (report: {where})", file=sys.stderr)
        return 70


def run(args: argparse.Namespace) -> int:
    from briefing.config import load_config, resolve_db_path

    config = load_config(args.config)
    db_path = resolve_db_path(args.db, config)
    command = args.command or "tui"
    if command == "export":
        return cmd_export(args, config, db_path)
    if command == "add":
        return cmd_add(args, config, db_path)
    if command == "reextract":
        return cmd_reextract(args, config, db_path)
    if command == "ingest":
        from briefing.ingest.run import run_ingest

        return run_ingest(db_path, config, feed=args.feed, quiet=args.quiet)
    if command == "feeds":
        return args.feeds_handler(args, config, db_path)
    if command == "demo":
        load_samples(config, db_path)
    return open_app(config, db_path)


def _open(db_path: Path):  # noqa: ANN202
    from briefing.store import open_store
    from briefing.store.actors import sync_gazetteer

    store = open_store(db_path)
    sync_gazetteer(store)
    return store


def cmd_add(args: argparse.Namespace, config, db_path: Path) -> int:  # noqa: ANN001
    from briefing.dates import parse_user_date
    from briefing.extract import make_extractor
    from briefing.ingest.files import collect_paths
    from briefing.ingest.importer import import_files
    from briefing.progress import file_progress

    published = parse_user_date(args.published, "--published") if args.published else None
    paths = collect_paths(args.paths)
    if not paths:
        raise BriefingError("no .txt, .md or .html files found in " + ", ".join(args.paths))
    store = _open(db_path)
    try:
        extractor = make_extractor(store, config, enabled=not args.no_extract and config.get("extract", "enabled", True))
        with file_progress(len(paths), quiet=args.quiet) as advance:
            report = import_files(store, paths, extractor, published=published, source=args.source,
                                  on_file=advance)
    finally:
        store.close()
    if not args.quiet:
        for note in report.notes:
            print(note, file=sys.stderr)
    for error in report.errors:
        print(f"briefing: {error}", file=sys.stderr)
    if not args.quiet:
        print(report.summary())
    return EXIT_BAD_INPUT if report.errors else 0


def cmd_export(args: argparse.Namespace, config, db_path: Path) -> int:  # noqa: ANN001
    from briefing.dates import parse_user_date
    from briefing.export import collect_events, render
    from briefing.store import open_store

    since = parse_user_date(args.since, "--since") if args.since else None
    if not db_path.exists():
        events: list = []
    else:
        store = open_store(db_path)
        try:
            events = collect_events(store, since=since)
        finally:
            store.close()
    text = render(events, args.format)
    if args.output:
        out = Path(args.output).expanduser()
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise BriefingError(f"cannot write {out}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
    return 0


def cmd_reextract(args: argparse.Namespace, config, db_path: Path) -> int:  # noqa: ANN001
    from briefing.extract import make_extractor
    from briefing.extract.reextract import reextract_all

    if not db_path.exists():
        raise StoreError(f"no database at {db_path}")
    store = _open(db_path)
    try:
        report = reextract_all(store, make_extractor(store, config))
    finally:
        store.close()
    if not args.quiet:
        print(report)
    return 0


def load_samples(config, db_path: Path) -> None:  # noqa: ANN001
    """Import the bundled sample articles (those not yet stored)."""
    from briefing.extract import make_extractor
    from briefing.ingest.files import collect_paths
    from briefing.ingest.importer import import_files

    sample_dir = Path(__file__).resolve().parent / "data" / "sample"
    store = _open(db_path)
    try:
        extractor = make_extractor(store, config)
        report = import_files(store, collect_paths([sample_dir]), extractor, source="sample")
    finally:
        store.close()
    if report.added:
        print(f"demo: {report.summary()}", file=sys.stderr)


def open_app(config, db_path: Path) -> int:  # noqa: ANN001
    try:
        from briefing.tui.app import run_app
    except ImportError:
        return print_events(db_path)
    return run_app(db_path, config)


def print_events(db_path: Path) -> int:
    """Until the app exists: the events as a plain table."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from briefing.export import collect_events
    from briefing.store import open_store

    store = open_store(db_path)
    try:
        events = collect_events(store)
    finally:
        store.close()
    table = Table(title=f"{len(events)} events")
    for col in ("date", "kind", "participants", "where", "status", "src"):
        table.add_column(col)
    for ev in events:
        cells = [ev["date"] or "", ev["kind"], " ↔ ".join(p["name"] for p in ev["participants"]),
                 ev["location"] or "", ev["status"], str(len(ev["articles"]))]
        table.add_row(*(Text(c) for c in cells))  # article-derived: never markup
    Console().print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
