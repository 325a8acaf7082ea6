#!/usr/bin/env python3
"""Validate devset7 gold files: parse, article name, verbatim mentions, kinds, statuses, dates."""
import json, re, sys, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"meeting","talks","call","video_call","visit","dialogue","summit"}
STATUSES = {"held","planned","declined","cancelled"}
DATE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')
KEYS = {"participants","mentions","kind","status","date","date_end","location","duration_minutes","topics","core"}
def okdate(s, full=False):
    if s is None: return True
    if not isinstance(s,str) or not DATE.match(s): return False
    import datetime
    p = s.split('-')
    try:
        if len(p)==3: datetime.date(int(p[0]),int(p[1]),int(p[2]))
        elif len(p)==2: assert 1<=int(p[1])<=12
    except Exception: return False
    return True
errs=[]; n_art=0; n_meet=0; n_core=0
txts = sorted(glob.glob(os.path.join(HERE,'articles','*.txt')))
for t in txts:
    n_art+=1
    base=os.path.basename(t)
    j=t[:-4]+'.json'
    if not os.path.exists(j): errs.append(f'{base}: no json'); continue
    text=open(t,encoding='utf-8').read()
    words=len(text.split())
    if not 250<=words<=700: errs.append(f'{base}: {words} words')
    try: g=json.load(open(j,encoding='utf-8'))
    except Exception as e: errs.append(f'{base}: json error {e}'); continue
    if set(g)!={"article","published","meetings"}: errs.append(f'{base}: top keys {set(g)}')
    if g.get("article")!=base: errs.append(f'{base}: article field {g.get("article")}')
    if g["published"] is not None and not (okdate(g["published"]) and len(g["published"])==10): errs.append(f'{base}: published {g["published"]}')
    for i,m in enumerate(g["meetings"]):
        n_meet+=1; n_core+=bool(m.get("core"))
        w=f'{base} #{i}'
        if set(m)!=KEYS: errs.append(f'{w}: keys {set(m)^KEYS}')
        if m["kind"] not in KINDS: errs.append(f'{w}: kind {m["kind"]}')
        if m["status"] not in STATUSES: errs.append(f'{w}: status {m["status"]}')
        if not okdate(m["date"]): errs.append(f'{w}: date {m["date"]}')
        if not okdate(m["date_end"]): errs.append(f'{w}: date_end {m["date_end"]}')
        if m["date_end"] and (not m["date"] or m["date_end"]<m["date"]): errs.append(f'{w}: date_end before date')
        if m["duration_minutes"] is not None and not isinstance(m["duration_minutes"],int): errs.append(f'{w}: duration')
        if not isinstance(m["core"],bool): errs.append(f'{w}: core')
        if not m["participants"]: errs.append(f'{w}: no participants')
        if set(m["mentions"])!=set(m["participants"]): errs.append(f'{w}: mentions keys != participants')
        for p,ms in m["mentions"].items():
            if not ms: errs.append(f'{w}: no mention for {p}')
            for s in ms:
                if s not in text: errs.append(f'{w}: mention not in text: {s!r}')
    if g["meetings"] and not any(m["core"] for m in g["meetings"]): errs.append(f'{base}: no core meeting')
for j in glob.glob(os.path.join(HERE,'articles','*.json')):
    if not os.path.exists(j[:-5]+'.txt'): errs.append(f'{os.path.basename(j)}: no txt')
print(f'articles={n_art} meetings={n_meet} core={n_core}')
for e in errs: print('ERROR', e)
sys.exit(1 if errs else 0)
