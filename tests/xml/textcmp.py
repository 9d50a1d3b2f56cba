#!/usr/bin/env python3
"""textcmp.py — does a dossier XML document carry the same text as its PDF?

    textcmp.py DOC.xml DOC.pdf          compare (pdftotext extracts the PDF)
    textcmp.py DOC.xml --text PDF.txt   compare with text already extracted
    textcmp.py --self-test              check the comparison itself

Exit 0 and print "same text (N units)" when the PDF's body is exactly the
XML's text; else exit 1 and show where they part.

How the two texts are made comparable (see doc/xml.md, "Same content as the
PDF"):

XML side (read with Python's expat, not libxml2). The body is cut into
units in reading order: each heading, paragraph and code block is a unit;
a list item contributes its blocks; a table contributes its caption and then
each row, a row being its cells. For a report the units come from <body>;
for a data table the printed form is rebuilt from the data: per group the
heading "number、title", the caption, the fixed header row
(序号 指标 单位 数值 证明材料) and per field the row number, label (+
"（计算值）" when derived), unit, @display (or "—" without a value) and
evidence ids; the targets table likewise. Metadata (shown on the cover) is
not compared.

PDF side: `pdftotext -raw` (content-stream order), page-number lines
"— N —" dropped.

Both sides: Unicode NFKC, then every white-space character removed, so
line wrapping, justification spaces and indentation do not matter.

Matching: the XML units must appear in the PDF text in order, with nothing
in between but furniture: table numbers "表N" before captions, list
markers (1. （1） •), "续表", and table header rows repeated after a page
break. Everything before the first unit's occurrence that lets the whole
body match is the cover and the table of contents; after the last unit only
furniture may follow. A table row whose cells were drawn interleaved (line
1 of every cell, then line 2) still matches if the row's characters are the
same multiset. Anything else — a missing, changed, extra or reordered
character — is a difference.
"""
import collections
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

R = "{urn:dossier:report:1}"
T = "{urn:dossier:tables:1}"
SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
PAGENUM = re.compile(r"^\s*[—–-]\s*\d+\s*[—–-]\s*$")
FURNITURE = [re.compile(p) for p in (
    r"表\d+",                       # table number before a caption
    r"续表\d*", r"\(续\)",            # continued table
    r"\d{1,3}[.．、)]", r"\(\d{1,3}\)",  # ordered list markers
    r"[•·●○■□◆◇▪▫◦‣⁃∙*\-–—]",       # bullets
)]


def norm(s):
    return SPACE.sub("", unicodedata.normalize("NFKC", s or ""))


class Row:
    """A table row: its cells (normalised); header rows may repeat."""

    def __init__(self, cells, header):
        self.cells = [norm(c) for c in cells]
        self.header = header
        self.text = "".join(self.cells)


# ---------- XML side ----------

def inline(e):
    out = [e.text or ""]
    for c in e:
        if c.tag != R + "br":
            out.append(inline(c))
        out.append(c.tail or "")
    return "".join(out)


def report_blocks(e, units):
    for b in e:
        tag = b.tag[len(R):]
        if tag in ("heading", "paragraph"):
            units.append(norm(inline(b)))
        elif tag == "code-block":
            units.append(norm(b.text))
        elif tag == "list":
            for item in b.findall(R + "item"):
                report_blocks(item, units)
        elif tag in ("quote", "section"):
            report_blocks(b, units)
        elif tag == "table":
            cap = b.find(R + "caption")
            if cap is not None and norm(cap.text):
                units.append(norm(cap.text))
            for row in b.findall(R + "row"):
                units.append(Row([inline(c) for c in row.findall(R + "cell")],
                                 row.get("header") == "true"))


def shown(e):
    if e is None:
        return "—"
    return e.get("display") or "—"


def table_units(root):
    units = []
    for part in root:
        if part.tag == T + "group":
            head = ["序号", "指标", "单位", "数值", "证明材料"]
        elif part.tag == T + "targets" and part.get("title") == "建设目标":
            # a stage that proposes the plan: targets beside today's values
            head = ["序号", "指标", "单位", "目标值", "现状值", "证明材料"]
        elif part.tag == T + "targets":
            head = ["序号", "指标", "单位", "目标值", "完成值", "完成率（%，计算值）", "证明材料"]
        else:
            continue
        units.append(norm((part.get("number") or "") + "、" + part.get("title", "")))
        units.append(norm(part.get("title", "")))
        units.append(Row(head, True))
        for i, f in enumerate(list(part), 1):
            label = f.findtext(T + "label") or ""
            unit = f.findtext(T + "unit") or ""
            refs = " ".join(e.get("ref") for e in f.findall(T + "evidence"))
            if part.tag == T + "group":
                if f.get("derived") == "true":
                    label += "（计算值）"
                val = None
                for k in ("value", "date", "boolean", "text"):
                    if f.find(T + k) is not None:
                        val = f.find(T + k)
                        break
                cells = [str(i), label, unit, shown(val), refs]
            elif len(head) == 6:
                cells = [str(i), label, unit, shown(f.find(T + "planned")),
                         shown(f.find(T + "actual")), refs]
            else:
                cells = [str(i), label, unit, shown(f.find(T + "planned")),
                         shown(f.find(T + "actual")), shown(f.find(T + "completion")), refs]
            units.append(Row(cells, False))
    return units


def xml_units(path):
    root = ET.parse(path).getroot()
    if root.tag == R + "report":
        units = []
        report_blocks(root.find(R + "body"), units)
    elif root.tag == T + "tables":
        units = table_units(root)
    else:
        raise SystemExit("textcmp: %s: not a dossier report or tables document" % path)
    return [u for u in units if (u.text if isinstance(u, Row) else u)]


# ---------- PDF side ----------

def pdf_text(path):
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", path, "-"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         check=True).stdout.decode("utf-8", "replace")
    return prepare(raw)


def prepare(raw):
    lines = []
    for page in raw.split("\f"):
        lines.extend(l for l in page.split("\n") if not PAGENUM.match(l))
    return norm("\n".join(lines))


# ---------- matching ----------

def skip_furniture(p, pos, headers):
    for h in headers:
        if h and p.startswith(h, pos):
            return pos + len(h)
    for rx in FURNITURE:
        m = rx.match(p, pos)
        if m and m.end() > pos:
            return m.end()
    return None


def match_at(p, pos, units):
    """Match every unit from pos; returns (ok, units matched, pos)."""
    headers = []
    for i, u in enumerate(units):
        pieces = u.cells if isinstance(u, Row) else [u]
        start = pos
        ok = True
        for piece in pieces:
            while not p.startswith(piece, pos):
                nxt = skip_furniture(p, pos, headers)
                if nxt is None:
                    ok = False
                    break
                pos = nxt
            if not ok:
                break
            pos += len(piece)
        if not ok and isinstance(u, Row):
            # cells drawn interleaved: same characters, other order
            pos = start
            while True:
                seg = p[pos:pos + len(u.text)]
                if collections.Counter(seg) == collections.Counter(u.text):
                    pos += len(u.text)
                    ok = True
                    break
                nxt = skip_furniture(p, pos, headers)
                if nxt is None:
                    break
                pos = nxt
        if not ok:
            return False, i, start
        if isinstance(u, Row) and u.header and u.text not in headers:
            headers.append(u.text)
    while pos < len(p):
        nxt = skip_furniture(p, pos, headers)
        if nxt is None:
            return False, len(units), pos
        pos = nxt
    return True, len(units), pos


def compare(units, p):
    first = units[0].cells[0] if isinstance(units[0], Row) else units[0]
    best = None
    start = p.find(first)
    while start >= 0:
        ok, n, pos = match_at(p, start, units)
        if ok:
            return True, "same text (%d units)" % len(units)
        if best is None or n > best[0]:
            best = (n, pos)
        start = p.find(first, start + 1)
    if best is None:
        return False, "the PDF does not contain the first unit %r" % first[:60]
    n, pos = best
    if n == len(units):
        return False, "the PDF has extra text after the body: %r" % p[pos:pos + 80]
    u = units[n]
    want = u.text if isinstance(u, Row) else u
    k = 0
    while k < len(want) and pos + k < len(p) and want[k] == p[pos + k]:
        k += 1
    k = max(0, k - 20)
    return False, ("unit %d of %d differs (at character %d of the unit)\n  xml: %r\n  pdf: %r"
                   % (n + 1, len(units), k + 20 if k else 0, want[k:k + 70], p[pos + k:pos + k + 70]))


# ---------- self-test ----------

SELF_XML = """<?xml version="1.0" encoding="UTF-8"?>
<report xmlns="urn:dossier:report:1" version="1" document="annual-report">
 <metadata/>
 <body>
  <section id="s1" number="一" title="基本情况">
   <heading level="1">一、基本情况</heading>
   <paragraph>中心共有职工<fig field="staff_total">186人</fig>，其中<strong>研发人员</strong>152人。Latin words wrap here.</paragraph>
   <list ordered="true" start="1"><item><paragraph>第一项</paragraph></item><item><paragraph>第二项</paragraph></item></list>
   <table columns="2"><caption>资金筹措情况</caption>
    <row header="true"><cell>来源</cell><cell>金额（万元）</cell></row>
    <row><cell>中央财政资金</cell><cell numeric="true">5,000.00</cell></row>
    <row><cell>地方财政资金与依托单位自筹合计</cell><cell numeric="true">33,265.84</cell></row>
   </table>
  </section>
  <section id="s2" number="二" title="计划">
   <heading level="1">二、计划</heading>
   <paragraph>下一年度继续推进。</paragraph>
  </section>
 </body>
</report>
"""

SELF_PDF = ("某某技术创新中心\n年度报告\n依托单位：某某公司\n\f"
            "目 录\n一、基本情况 ·········· 1\n二、计划 ·········· 2\n\f"
            "— 1 —\n一、基本情况\n中 心 共 有 职 工 186 人 ， 其 中 研 发\n"
            "人员152人。Latin words\nwrap here.\n1. 第一项\n2. 第二项\n"
            "表1 资金筹措情况\n来源 金额（万\n元）\n中央财政资金 5,000.00\n\f"
            "— 2 —\n来源 金额（万\n元）\n地方财政资金与 33,265.84\n依托单位自筹合计\n"
            "二、计划\n下一年度继续推进。\n")


def self_test():
    import os
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".xml", delete=False, encoding="utf-8") as f:
        f.write(SELF_XML)
        path = f.name
    try:
        units = xml_units(path)
    finally:
        os.unlink(path)
    cases = [
        ("identical body with cover, contents, page numbers, wrapping", SELF_PDF, True),
        ("a changed digit", SELF_PDF.replace("186", "187"), False),
        ("a missing paragraph", SELF_PDF.replace("下一年度继续推进。", ""), False),
        ("an extra paragraph", SELF_PDF.replace("二、计划\n", "二、计划\n多出的一段。\n"), False),
        ("extra text at the end", SELF_PDF + "附：未在 XML 中的文字\n", False),
        ("sections swapped", SELF_PDF.replace("二、计划\n下一年度继续推进。\n", "").replace(
            "— 1 —\n", "— 1 —\n二、计划\n下一年度继续推进。\n"), False),
        ("a missing table row", SELF_PDF.replace("中央财政资金 5,000.00\n", ""), False),
        ("a cell moved to another row", SELF_PDF.replace("中央财政资金 5,000.00", "中央财政资金").replace(
            "地方财政资金与 33,265.84", "地方财政资金与 5,000.00 33,265.84"), False),
    ]
    bad = 0
    for name, text, want in cases:
        ok, msg = compare(units, prepare(text))
        if ok != want:
            bad += 1
            print("self-test failed: %s: got %s (%s)" % (name, ok, msg.splitlines()[0]))
    if bad:
        return 1
    print("self-test passed (%d cases)" % len(cases))
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) == 4 and argv[2] == "--text":
        with open(argv[3], encoding="utf-8") as f:
            text = prepare(f.read())
    elif len(argv) == 3:
        text = pdf_text(argv[2])
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    units = xml_units(argv[1])
    if not units:
        print("textcmp: %s has no body text" % argv[1])
        return 1
    ok, msg = compare(units, text)
    print(msg)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
