#!/usr/bin/env python3
"""Validate devset4 gold files: JSON parses, article name matches, mentions occur verbatim, fields well-formed."""
import json, re, sys, pathlib
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parent / "articles"
KINDS = {"meeting", "talks", "call", "video_call", "visit", "dialogue", "summit"}
STATUSES = {"held", "planned", "declined", "cancelled"}
FIELDS = ["participants", "mentions", "kind", "status", "date", "date_end",
          "location", "duration_minutes", "topics", "core"]
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

errors = []
stats = Counter()
kinds, statuses = Counter(), Counter()
txts = sorted(ROOT.glob("*.txt"))
for txt in txts:
    js = txt.with_suffix(".json")
    if not js.exists():
        errors.append(f"{txt.name}: missing gold"); continue
    try:
        gold = json.loads(js.read_text(encoding="utf-8"))
    except Exception as e:
        errors.append(f"{js.name}: JSON error {e}"); continue
    text = txt.read_text(encoding="utf-8")
    if gold.get("article") != txt.name:
        errors.append(f"{js.name}: article field {gold.get('article')!r} != {txt.name}")
    pub = gold.get("published")
    if pub is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", pub):
        errors.append(f"{js.name}: bad published {pub!r}")
    stats["articles"] += 1
    stats["published_null"] += pub is None
    n_words = len(text.split())
    for i, m in enumerate(gold["meetings"]):
        where = f"{js.name}#{i}"
        if list(m.keys()) != FIELDS:
            errors.append(f"{where}: fields {list(m.keys())}")
        if m["kind"] not in KINDS: errors.append(f"{where}: kind {m['kind']}")
        if m["status"] not in STATUSES: errors.append(f"{where}: status {m['status']}")
        for k in ("date", "date_end"):
            if m[k] is not None and not DATE_RE.match(m[k]):
                errors.append(f"{where}: bad {k} {m[k]!r}")
        if m["date_end"] and m["date"] and m["date_end"] < m["date"]:
            errors.append(f"{where}: date_end before date")
        if not isinstance(m["core"], bool): errors.append(f"{where}: core not bool")
        if m["duration_minutes"] is not None and not isinstance(m["duration_minutes"], int):
            errors.append(f"{where}: duration not int")
        if set(m["mentions"]) != set(m["participants"]):
            errors.append(f"{where}: mentions keys != participants")
        for p, forms in m["mentions"].items():
            if not forms: errors.append(f"{where}: no mention for {p}")
            for f in forms:
                if f not in text:
                    errors.append(f"{where}: mention {f!r} for {p} not in text")
        stats["meetings"] += 1
        stats["core" if m["core"] else "background"] += 1
        kinds[m["kind"]] += 1
        statuses[m["status"]] += 1

print(f"articles={stats['articles']} published_null={stats['published_null']} "
      f"meetings={stats['meetings']} core={stats['core']} background={stats['background']}")
print("kinds:", dict(sorted(kinds.items())))
print("statuses:", dict(sorted(statuses.items())))
for t in txts:
    print(f"  {t.name}: {len(t.read_text(encoding='utf-8').split())} words")
if errors:
    print("ERRORS:"); [print("  " + e) for e in errors]; sys.exit(1)
print("OK")
