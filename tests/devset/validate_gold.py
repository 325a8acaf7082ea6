#!/usr/bin/env python3
"""Sanity-check the devset gold files: python3 tests/devset/validate_gold.py [DIR]"""
import glob, json, os, re, sys

D = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "articles")
KINDS = {"meeting", "talks", "call", "video_call", "visit", "dialogue", "summit"}
STATUS = {"held", "planned", "declined", "cancelled"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FIELDS = ["participants", "mentions", "kind", "status", "date", "date_end", "location",
          "duration_minutes", "topics", "core"]
errs, n_meet, n_core = [], 0, 0
jsons = sorted(glob.glob(os.path.join(D, "*.json")))
txts = sorted(glob.glob(os.path.join(D, "*.txt")))
if [t[:-4] for t in txts] != [j[:-5] for j in jsons]:
    errs.append(("*", "txt/json files not paired"))
for j in jsons:
    name = os.path.basename(j)
    g = json.load(open(j, encoding="utf-8"))
    text = open(j[:-5] + ".txt", encoding="utf-8").read()
    if g.get("article") != os.path.basename(j[:-5] + ".txt"):
        errs.append((name, "article field"))
    p = g.get("published")
    if p is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", p):
        errs.append((name, "published", p))
    words = len(text.split())
    if not 250 <= words <= 700:
        errs.append((name, "word count", words))
    ms = g.get("meetings")
    if not isinstance(ms, list):
        errs.append((name, "meetings not a list")); continue
    if ms and not any(m.get("core") for m in ms):
        errs.append((name, "no core meeting"))
    for m in ms:
        n_meet += 1; n_core += bool(m.get("core"))
        missing = [f for f in FIELDS if f not in m]
        if missing:
            errs.append((name, "missing fields", missing)); continue
        if m["kind"] not in KINDS: errs.append((name, "kind", m["kind"]))
        if m["status"] not in STATUS: errs.append((name, "status", m["status"]))
        for f in ("date", "date_end"):
            if m[f] is not None and not DATE.match(m[f]): errs.append((name, f, m[f]))
        if m["date_end"] and (not m["date"] or len(m["date"]) != 10 or m["date_end"] < m["date"]):
            errs.append((name, "date_end", m["date"], m["date_end"]))
        if not m["participants"] or set(m["mentions"]) != set(m["participants"]):
            errs.append((name, "participants/mentions keys differ", m["participants"]))
        for canon, forms in m["mentions"].items():
            if not forms: errs.append((name, "no mention for", canon))
            for s in forms:
                if s not in text: errs.append((name, "mention not in text", canon, s))
        if m["duration_minutes"] is not None and not isinstance(m["duration_minutes"], int):
            errs.append((name, "duration_minutes"))
        if not isinstance(m["topics"], list) or not isinstance(m["core"], bool):
            errs.append((name, "topics/core type"))
for e in errs:
    print("ERROR", *e)
print(f"{len(jsons)} articles, {n_meet} meetings ({n_core} core, {n_meet - n_core} background), "
      f"{len(errs)} errors")
sys.exit(1 if errs else 0)
