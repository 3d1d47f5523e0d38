#!/usr/bin/env python3
"""Consistency check for the article fixtures in this folder.

Run from anywhere:  python3 tests/articles/check_fixtures.py
Checks, for every NAME.json / NAME.txt pair:
  - the JSON parses and has the expected fields and kinds;
  - every quote text, not_quote, entity name/alias, pledge key/amount,
    not_pledge and not_entity appears verbatim in the article;
  - the quote-marked stretches of the article (double marks, straight or
    curly; an unclosed mark runs to the end of its paragraph) are exactly
    the listed quotes plus the listed double-quoted not_quotes, and the
    quotes are listed in text order;
  - every named speaker / pledge actor is one of the listed entities;
  - the article has 3 to 10 blocks (headline included) separated by blank lines;
  - README.md has one line per fixture.
Exits non-zero on any problem.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"person", "organization", "place", "document", "event", "other"}
OPEN = {'"': '"', "\u201c": "\u201d"}


def paragraphs(text):
    blocks, cur, pos = [], None, 0
    for line in text.splitlines(keepends=True):
        if line.strip() == "":
            if cur is not None:
                blocks.append(cur)
                cur = None
        else:
            body = line.rstrip("\r\n")
            if cur is None:
                cur = [pos, pos + len(body)]
            else:
                cur[1] = pos + len(body)
        pos += len(line)
    if cur is not None:
        blocks.append(cur)
    return blocks


def stretches(text):
    out = []
    for start, end in paragraphs(text):
        i, inside, close, qstart = start, False, None, 0
        while i < end:
            ch = text[i]
            if not inside and ch in OPEN:
                inside, close, qstart = True, OPEN[ch], i + 1
            elif inside and ch == close:
                out.append((qstart, text[qstart:i]))
                inside = False
            i += 1
        if inside:
            out.append((qstart, text[qstart:end].rstrip()))
    return out


def check(name):
    errs = []
    with open(os.path.join(HERE, name + ".json"), encoding="utf-8") as fh:
        j = json.load(fh)
    with open(os.path.join(HERE, name + ".txt"), encoding="utf-8", newline="") as fh:
        text = fh.read()

    def need(s, what):
        if s not in text:
            errs.append(f"{what} not in text: {s!r}")

    for k in ("pattern", "quotes", "entities"):
        if k not in j:
            errs.append(f"missing field {k}")
    n_blocks = len(paragraphs(text))
    if not 3 <= n_blocks <= 10:
        errs.append(f"{n_blocks} blocks (want 3..10)")
    ent_names = set()
    for e in j.get("entities", []):
        if e.get("kind", e.get("kind_gap")) not in KINDS:
            errs.append(f"bad entity kind {e}")
        # (A reading list's "Surname, Given" and an editor's "[Given] Surname"
        # or "Given [Surname]" give the name "Given Surname".)
        words = e["name"].split()
        given, last = " ".join(words[:-1]), words[-1] if words else ""
        # A nickname written inside ("Given “Nick” Surname") also gives it.
        nickname = re.search(re.escape(given) + r' [“"][^”"]+[”"] ' + re.escape(last), text) if given else None
        assembled = len(words) >= 2 and (nickname is not None or any(
            form in text for form in (f"{last}, {given}", f"[{given}] {last}", f"{given} [{last}]")))
        # A state named by its abbreviation alone (", Ariz." or "in Ariz." -> Arizona).
        abbreviated = any(re.search(r"(, |\bin )" + re.escape(a) + r"\.", text) for a in e.get("aliases", []))
        if not assembled and not abbreviated:
            need(e["name"], "entity name")
        ent_names.add(e["name"])
        for a in e.get("aliases", []):
            need(a, f"alias of {e['name']}")
    for n in j.get("not_entities", []):
        need(n, "not_entity")
    # quotes
    pos = 0
    found = stretches(text)
    found_texts = [t for _, t in found]
    for q in j.get("quotes", []):
        if q.get("kind") not in ("direct", "partial"):
            errs.append(f"bad quote kind {q}")
        if q.get("speaker") is not None and q["speaker"] not in ent_names:
            errs.append(f"speaker not among entities: {q['speaker']!r}")
        idx = text.find(q["text"], pos)
        if idx < 0:
            errs.append(f"quote not found (in order): {q['text']!r}")
        else:
            pos = idx + len(q["text"])
    expected = [q["text"] for q in j.get("quotes", [])]
    for nq in j.get("not_quotes", []):
        need(nq, "not_quote")
        if nq in found_texts:
            expected.append(nq)
        elif not any(nq in t for t in expected):
            errs.append(f"not_quote neither a stretch nor inside a quote: {nq!r}")
    if sorted(expected) != sorted(found_texts):
        missing = [t for t in found_texts if t not in expected]
        extra = [t for t in expected if t not in found_texts]
        errs.append(f"stretch mismatch: unlisted={missing!r} not-a-stretch={extra!r}")
    # pledges
    for p in j.get("pledges", []) or []:
        need(p["key"], "pledge key")
        if p["actor"] not in ent_names:
            errs.append(f"pledge actor not among entities: {p['actor']!r}")
        if p.get("amount") is not None and p["amount"] not in p["key"]:
            errs.append(f"amount not inside key: {p['amount']!r}")
    for n in j.get("not_pledges", []) or []:
        need(n, "not_pledge")
    return errs


def main():
    names = sorted(f[:-5] for f in os.listdir(HERE) if f.endswith(".json"))
    txts = sorted(f[:-4] for f in os.listdir(HERE) if f.endswith(".txt"))
    bad = 0
    if names != txts:
        print("unpaired files:", set(names) ^ set(txts))
        bad += 1
    readme = open(os.path.join(HERE, "README.md"), encoding="utf-8").read()
    for n in names:
        errs = check(n)
        if not re.search(r"^- `" + re.escape(n) + r"`", readme, re.M):
            errs.append("no README line")
        for e in errs:
            print(f"{n}: {e}")
        bad += bool(errs)
    print(f"{len(names)} fixtures, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
