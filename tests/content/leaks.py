#!/usr/bin/env python3
"""leaks.py — nothing of the machinery shows through to a reader.

    leaks.py pdf OUTLINE PDF...
    leaks.py messages [--strict] KNOWN MESSAGES.tsv OUTLINE...
    leaks.py --self-test

A reader's text must hold no outline field id (a whole word equal to one
of the outline's <field id>), no template braces ({{ }} ｛｛ ｝｝ in any
mix) and no unfilled placeholder ({name}).

pdf: the text of each PDF (pdftotext) against the fields of OUTLINE.

messages: MESSAGES.tsv is what tests/content/messages.c printed (every
message of every rule, expanded with its kind's placeholders). KNOWN lists
"RULE PART" pairs whose outline text is known to fail (the messages are
the lead's to reword); those print as "# TODO" lines, and a listed pair
that no longer fails is itself a failure, so the list only shrinks.
--strict ignores KNOWN.

Prints "ok - ..." / "not ok - ..." lines; exits 1 on any failure.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

BRACES = re.compile(r"[{｛][{｛]|[}｝][}｝]")
PLACEHOLDER = re.compile(r"[{｛][a-z][a-z0-9_-]*[}｝]")
WORD = re.compile(r"[A-Za-z0-9_]+")


def field_ids(outlines):
    ids = set()
    for o in outlines:
        for f in ET.parse(o).getroot().iter("field"):
            ids.add(f.get("id"))
    return ids


def problems(text, ids):
    out = []
    for m in BRACES.finditer(text):
        out.append("template braces %r" % text[max(0, m.start() - 12):m.end() + 12])
    for m in PLACEHOLDER.finditer(text):
        out.append("unfilled placeholder %r" % m.group(0))
    for m in WORD.finditer(text):
        if m.group(0) in ids:
            out.append("field id %r in %r" % (m.group(0), text[max(0, m.start() - 12):m.end() + 12]))
    return out


def pdf_mode(outline, pdfs):
    ids = field_ids([outline])
    bad = 0
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], stdout=subprocess.PIPE,
                              check=True).stdout.decode("utf-8", "replace")
        # a word wrapped at a line end is still the word
        p = problems(text, ids) + problems(re.sub(r"-?\n", "", text), ids)
        p = list(dict.fromkeys(p))
        print(("ok - " if not p else "not ok - ") +
              "%s: no field id, template brace or unfilled placeholder in its text" % pdf)
        for x in p[:5]:
            print("    | " + x)
        bad += bool(p)
    return bad


def messages_mode(strict, known_path, tsv, outlines):
    ids = field_ids(outlines)
    known = set()
    if not strict:
        for line in open(known_path, encoding="utf-8"):
            line = line.split("#", 1)[0].split()
            if len(line) >= 2:
                known.add((line[0], line[1]))
    seen, failing, total, bad = set(), set(), 0, 0
    for line in open(tsv, encoding="utf-8"):
        path, rule, part, text = line.rstrip("\n").split("\t", 3)
        total += 1
        seen.add((rule, part))
        p = problems(text, ids)
        if not p:
            continue
        failing.add((rule, part))
        if (rule, part) in known:
            print("# TODO (outline text, for the lead) %s %s: %s" % (rule, part, "; ".join(p)))
        else:
            bad += 1
            print("not ok - message %s %s (%s): %s" % (rule, part, path, "; ".join(p)))
            print("    | " + text)
    for k in sorted(known - failing):
        bad += 1
        where = "clean now" if k in seen else "no such rule message"
        print("not ok - %s %s is listed in %s but is %s: remove it" % (k[0], k[1], known_path, where))
    if not bad:
        print("ok - finding messages: %d of %d clean, %d outline texts listed for rewording in %s"
              % (total - len(failing), total, len(failing), known_path))
    return bad


def self_test():
    ids = {"rd_staff", "revenue"}
    cases = [
        ("研发人员152人", 0), ("改为 {{fig:x}}", 1), ("改为 ｛｛fig:x｝｝", 1), ("引用 {ref}", 1),
        ("rd_staff 缺失", 1), ("(revenue)", 1), ("rd_staffs 与 xrevenue", 0), ("{a b}", 0),
        ("字面的 { 与 }", 0), ("E99 缺失", 0),
    ]
    bad = 0
    for text, want in cases:
        got = len(problems(text, ids))
        if bool(got) != bool(want):
            bad += 1
            print("self-test failed: %r: %d problems" % (text, got))
    print("self-test %s (%d cases)" % ("failed" if bad else "passed", len(cases)))
    return 1 if bad else 0


if __name__ == "__main__":
    a = sys.argv[1:]
    if a == ["--self-test"]:
        sys.exit(self_test())
    if len(a) >= 3 and a[0] == "pdf":
        sys.exit(1 if pdf_mode(a[1], a[2:]) else 0)
    if len(a) >= 4 and a[0] == "messages":
        strict = a[1] == "--strict"
        if strict:
            a = a[1:]
        sys.exit(1 if messages_mode(strict, a[1], a[2], a[3:]) else 0)
    sys.exit(__doc__.split("\n\n")[1])
