#!/usr/bin/env python3
"""Validate devset6 gold files: JSON parses, article name matches, mentions occur
verbatim in the article text, kinds/statuses valid, dates well-formed."""
import json, re, sys, pathlib, datetime

HERE = pathlib.Path(__file__).resolve().parent / "articles"
KINDS = {"meeting", "talks", "call", "video_call", "visit", "dialogue", "summit"}
STATUSES = {"held", "planned", "declined", "cancelled"}
KEYS = ["participants", "mentions", "kind", "status", "date", "date_end",
        "location", "duration_minutes", "topics", "core"]


def ok_date(s):
    if s is None:
        return True
    if not isinstance(s, str):
        return False
    for fmt, rx in (("%Y-%m-%d", r"\d{4}-\d{2}-\d{2}"), ("%Y-%m", r"\d{4}-\d{2}"), ("%Y", r"\d{4}")):
        if re.fullmatch(rx, s):
            try:
                datetime.datetime.strptime(s, fmt)
                return True
            except ValueError:
                return False
    return False


def main():
    errors = []
    txts = sorted(HERE.glob("*.txt"))
    jsons = sorted(HERE.glob("*.json"))
    if {p.stem for p in txts} != {p.stem for p in jsons}:
        errors.append("txt/json stems differ")
    for jp in jsons:
        try:
            g = json.loads(jp.read_text(encoding="utf-8"))
        except Exception as e:  # noqa
            errors.append(f"{jp.name}: bad JSON: {e}")
            continue
        if set(g) != {"article", "published", "meetings"}:
            errors.append(f"{jp.name}: top-level keys {sorted(g)}")
        if g.get("article") != jp.stem + ".txt":
            errors.append(f"{jp.name}: article field {g.get('article')!r}")
        pub = g.get("published")
        if pub is not None and not (ok_date(pub) and len(pub) == 10):
            errors.append(f"{jp.name}: published {pub!r}")
        text = (HERE / (jp.stem + ".txt")).read_text(encoding="utf-8")
        for i, m in enumerate(g.get("meetings", [])):
            where = f"{jp.name}[{i}]"
            if list(m) != KEYS:
                errors.append(f"{where}: keys {list(m)}")
            if m["kind"] not in KINDS:
                errors.append(f"{where}: kind {m['kind']!r}")
            if m["status"] not in STATUSES:
                errors.append(f"{where}: status {m['status']!r}")
            if not ok_date(m["date"]):
                errors.append(f"{where}: date {m['date']!r}")
            if not ok_date(m["date_end"]):
                errors.append(f"{where}: date_end {m['date_end']!r}")
            if m["date_end"] is not None and (m["date"] is None or m["date_end"] < m["date"]):
                errors.append(f"{where}: date_end before date")
            if m["duration_minutes"] is not None and not isinstance(m["duration_minutes"], int):
                errors.append(f"{where}: duration {m['duration_minutes']!r}")
            if not isinstance(m["core"], bool):
                errors.append(f"{where}: core not bool")
            if not m["participants"] or len(set(m["participants"])) != len(m["participants"]):
                errors.append(f"{where}: participants {m['participants']}")
            if set(m["mentions"]) != set(m["participants"]):
                errors.append(f"{where}: mentions keys != participants")
            for name, forms in m["mentions"].items():
                if not forms:
                    errors.append(f"{where}: no mentions for {name}")
                for f in forms:
                    if f not in text:
                        errors.append(f"{where}: mention {f!r} not in text")
        n = len(text.split())
        if not (250 <= n <= 700):
            # CJK sentences count as few "words"; report, do not fail
            print(f"note: {jp.stem}.txt has {n} whitespace words")
    for e in errors:
        print("ERROR", e)
    print(f"{len(jsons)} gold files checked, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
