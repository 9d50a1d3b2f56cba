#!/usr/bin/env python3
"""tables.py — every table a document prints, cell by cell, against the data.

    tables.py OUTLINE CENTRE_DIR OUT_DIR     (OUT_DIR: what `dossier render
                                              --format both` wrote)
    tables.py --self-test

Three comparisons, each cell by cell (white space removed, nothing else):

1. Generated tables. Every <table id="ID"> of a report XML whose ID is a
   table of the outline is computed again here from centre.xml and the
   outline, without dossier's code: XPath by lxml, numbers by Python's
   Decimal, converted between units and printed the way the documents
   print them (thousands commas, money with at least two decimals, dates as
   2025年3月1日, 合计 rows, "（万元）" in headers, field labels and units for
   plan targets, completion rounded half away from zero). The evaluation
   table (evaluation-tables.xml) likewise: every group's fields and the plan
   targets, label, unit, printed value and evidence.
2. The PDF. Every ruled table of each PDF is read back from the file
   itself: the vertical rules of each row (content streams decompressed by
   qpdf) give its cells, and each word pdftotext -bbox finds is put in the
   cell that holds its centre. The rows, in page order with repeated header
   rows dropped, must be the XML's table rows (reports) or the rows of
   comparison 1 (the evaluation table), cell for cell.

Prints "ok - ..." / "not ok - ..." lines; exits 1 if any comparison fails.
"""
import decimal
import os
import re
import subprocess
import sys
import tempfile

from lxml import etree

decimal.getcontext().prec = 60
D = decimal.Decimal
R = "{urn:dossier:report:1}"
T = "{urn:dossier:tables:1}"
WS = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
UNITS = {"": 1, "元": 1, "千元": 1000, "万元": 10000, "百万元": 1000000, "亿元": 100000000,
         "人": 1, "名": 1, "项": 1, "件": 1, "家": 1, "个": 1, "台套": 1, "台": 1, "套": 1,
         "次": 1, "篇": 1, "部": 1, "条": 1, "批": 1, "人月": 1, "平方米": 1, "m²": 1,
         "m2": 1, "㎡": 1, "万平方米": 10000, "%": 1, "％": 1}
DIMS = {"": 0, "人月": 5, "%": 4, "％": 4}
for u in ("元", "千元", "万元", "百万元", "亿元"):
    DIMS[u] = 1
for u in ("人", "名", "项", "件", "家", "个", "台套", "台", "套", "次", "篇", "部", "条", "批"):
    DIMS[u] = 2
for u in ("平方米", "m²", "m2", "㎡", "万平方米"):
    DIMS[u] = 3
CN = "一二三四五六七八九十"


def norm(s):
    return WS.sub("", s or "")


# ---------- numbers as the documents print them ----------

def dec(s):
    """A decimal as centre.xml writes it ("44,265.84"), or None."""
    t = (s or "").strip()
    if not re.fullmatch(r"[+-]?[0-9][0-9,]*(\.[0-9]{0,6})?|[+-]?\.[0-9]{1,6}", t):
        return None
    return D(t.replace(",", ""))


def fmt(v, min_dec):
    """Exact, thousands commas, at least min_dec decimals."""
    neg = v < 0
    s = format(abs(v), "f")
    ip, _, fp = s.partition(".")
    fp = fp.rstrip("0")
    fp += "0" * (min_dec - len(fp))
    ip = "{:,}".format(int(ip))
    return ("-" if neg else "") + ip + ("." + fp if fp else "")


def unit_of(node, default=""):
    """The node's own @unit, else its nearest ancestor's, else default."""
    e = node.getparent() if isinstance(node, etree._ElementUnicodeResult) else node
    while e is not None and isinstance(e.tag, str):
        if e.get("unit") is not None:
            return e.get("unit")
        e = e.getparent()
    return default


def in_unit(text, frm, to, money):
    """text (in unit frm) printed in unit to, or None when it cannot be."""
    v = dec(text)
    if v is None or frm not in UNITS or to not in UNITS:
        return None
    return fmt(v * UNITS[frm] / UNITS[to], 2 if money else 0) + to


def strip_unit(v, unit):
    if v is not None and unit and len(v) > len(unit) and v.endswith(unit):
        return v[:-len(unit)]
    return v


def cn_date(s):
    m = re.match(r"\s*(\d{1,4})-(\d{1,2})-(\d{1,2})", s or "")
    return "%d年%d月%d日" % tuple(int(x) for x in m.groups()) if m else ""


def pct2(a, b):
    """a / b in percent, half away from zero, two decimals."""
    if b == 0:
        return None
    q = (a * 100 / b).quantize(D("0.01"), rounding=decimal.ROUND_HALF_UP)
    return format(q, "f")


# ---------- the data ----------

class Data:
    def __init__(self, outline, centre_dir):
        self.o = etree.parse(outline).getroot()
        self.c = etree.parse(os.path.join(centre_dir, "centre.xml")).getroot()
        # a stage that proposes the plan (targets="plan"): targets beside
        # today's values, no completion
        st = [s for s in self.o.iter("stage") if s.get("id") == self.c.get("stage")]
        self.plan = bool(st) and st[0].get("targets") == "plan"
        self.fields = {f.get("id"): f for f in self.o.iter("field")}
        self.tables = {t.get("id"): t for t in self.o.iter("table")}

    def value_node(self, fid):
        n = self.c.xpath("indicators/value[@id=$i]", i=fid)
        return n[0] if n else None

    def canon(self, f):
        """A field's value in canonical units, or None."""
        n = self.value_node(f.get("id"))
        if n is None:
            return None
        v = dec(n.text or "")
        u = unit_of(n, f.get("unit") or "")
        if v is None or u not in UNITS:
            return None
        return v * UNITS[u], DIMS[u]

    def fig(self, fid):
        """What {{fig:FIELD}} prints: value and unit."""
        f = self.fields.get(fid)
        if f is None:
            return None
        if f.get("derived"):
            m = re.fullmatch(r"field:(\S+) / field:(\S+)", f.get("derived"))
            a = self.canon(self.fields[m.group(1)]) if m and m.group(1) in self.fields else None
            b = self.canon(self.fields[m.group(2)]) if m and m.group(2) in self.fields else None
            p = pct2(a[0], b[0]) if a and b else None
            return p + "%" if p is not None else None
        n = self.value_node(fid)
        if n is None:
            return None
        if f.get("type") in ("text", "date", "bool"):
            return norm_space(n.text or "")
        return in_unit(n.text or "", unit_of(n, f.get("unit") or ""), f.get("unit") or "",
                       f.get("type") == "money")

    def target(self, t):
        """A plan target as both tables print it: label, unit, target, actual,
        completion, evidence."""
        fid = t.get("field") or ""
        f = self.fields.get(fid)
        unit = (f.get("unit") if f is not None and f.get("unit") else unit_of(t, ""))
        money = f is not None and f.get("type") == "money"
        frm = unit_of(t, (f.get("unit") or "") if f is not None else "")
        tv = in_unit(t.text or "", frm, unit, money)
        done = None
        v = dec(t.text or "")
        if (f is not None and not f.get("derived") and v is not None and frm in UNITS):
            have = self.canon(f)
            if have and have[1] == DIMS[frm]:
                done = pct2(have[0], v * UNITS[frm])
        av = self.fig(fid) if f is not None else None
        label = f.get("label") if f is not None else fid
        return [label, unit, strip_unit(tv, unit) or "—", strip_unit(av, unit) or "—",
                done or "—", " ".join((t.get("evidence") or "").split())]

    def generated(self, tid):
        """Header and body rows of {{table:ID}}."""
        t = self.tables[tid]
        nodes = self.c.xpath(t.get("rows"))
        if t.get("kind") == "targets":
            if self.plan:
                rows = [["指标", "单位", "目标值", "现状值"]]
            else:
                rows = [["指标", "单位", "目标值", "完成值", "完成率（%）"]]
            for n in nodes:
                if isinstance(n.tag, str) and n.tag == "target":
                    rows.append(self.target(n)[:4] if self.plan else self.target(n)[:5])
            return rows
        cols = t.findall("col")
        rows = [[c.get("title") + ("（%s）" % c.get("unit") if c.get("unit") else "") for c in cols]]
        total = self.c.xpath(t.get("total")) if t.get("total") else []
        body = list(nodes) + ([total[0]] if isinstance(total, list) and total else [])
        for r, n in enumerate(body):
            row = []
            for k, c in enumerate(cols):
                typ = c.get("type") or "text"
                expr = c.get("value")
                text = n.xpath("string(%s)" % expr)
                if r == len(nodes) and k == 0 and (not text or expr in ("@kind", "@name")):
                    text = "合计"
                if typ not in ("text", "date") and text:
                    got = n.xpath(expr)
                    if isinstance(got, list) and got:
                        money = typ == "money"
                        frm = unit_of(got[0], "") if money else ""
                        to = c.get("unit") if money and c.get("unit") else frm
                        f = in_unit(text, frm, to, money)
                        if f is not None:
                            text = strip_unit(f, c.get("unit"))
                elif typ == "date":
                    text = cn_date(text) or text
                row.append(text)
            rows.append(row)
        return rows

    def evaluation(self, doc_id):
        """The printed evaluation table: (caption, rows) per group, then targets."""
        doc = [d for d in self.o.iter("document") if d.get("id") == doc_id][0]
        out = []
        for gi, g in enumerate(doc.findall("group")):
            rows = [["序号", "指标", "单位", "数值", "证明材料"]]
            for i, f in enumerate(g.findall("field"), 1):
                n = self.value_node(f.get("id"))
                v = strip_unit(self.fig(f.get("id")), f.get("unit"))
                ev = " ".join((n.get("evidence") or "").split()) if n is not None else ""
                rows.append([str(i), f.get("label") + ("（计算值）" if f.get("derived") else ""),
                             f.get("unit") or "", v if v is not None else "—", ev])
            out.append((g.get("title"), rows))
        ts = self.c.xpath("/centre/targets/target")
        if ts and self.plan:
            rows = [["序号", "指标", "单位", "目标值", "现状值", "证明材料"]]
            for i, t in enumerate(ts, 1):
                v = self.target(t)
                rows.append([str(i)] + v[:4] + v[5:])
            out.append(("建设目标", rows))
        elif ts:
            rows = [["序号", "指标", "单位", "目标值", "完成值", "完成率（%，计算值）", "证明材料"]]
            for i, t in enumerate(ts, 1):
                rows.append([str(i)] + self.target(t))
            out.append(("目标完成情况", rows))
        return out


def norm_space(s):
    return s.strip(" \t\r\n\u3000")


# ---------- the XML ----------

def xml_text(e):
    return "".join(e.itertext())


def report_tables(path):
    """(id, caption, rows) of every table of a report XML, in order."""
    root = etree.parse(path).getroot()
    out = []
    for t in root.iter(R + "table"):
        rows = [[xml_text(c) for c in r.findall(R + "cell")] for r in t.findall(R + "row")]
        out.append((t.get("id"), t.findtext(R + "caption"), rows))
    return out


def tables_xml_rows(path):
    """The evaluation table as its XML says it is printed."""
    root = etree.parse(path).getroot()
    out = []

    def shown(e):
        return e.get("display") if e is not None and e.get("display") else "—"

    for part in root:
        refs = lambda f: " ".join(e.get("ref") for e in f.findall(T + "evidence"))
        if part.tag == T + "group":
            rows = [["序号", "指标", "单位", "数值", "证明材料"]]
            for i, f in enumerate(part.findall(T + "field"), 1):
                val = None
                for k in ("value", "date", "boolean", "text"):
                    if f.find(T + k) is not None:
                        val = f.find(T + k)
                        break
                lab = f.findtext(T + "label") + ("（计算值）" if f.get("derived") == "true" else "")
                rows.append([str(i), lab, f.findtext(T + "unit") or "", shown(val), refs(f)])
            out.append((part.get("title"), rows))
        elif part.tag == T + "targets" and part.get("title") == "建设目标":
            # a plan stage: no completion
            rows = [["序号", "指标", "单位", "目标值", "现状值", "证明材料"]]
            for i, f in enumerate(part.findall(T + "target"), 1):
                rows.append([str(i), f.findtext(T + "label"), f.findtext(T + "unit") or "",
                             shown(f.find(T + "planned")), shown(f.find(T + "actual")), refs(f)])
            out.append((part.get("title"), rows))
        elif part.tag == T + "targets":
            rows = [["序号", "指标", "单位", "目标值", "完成值", "完成率（%，计算值）", "证明材料"]]
            for i, f in enumerate(part.findall(T + "target"), 1):
                rows.append([str(i), f.findtext(T + "label"), f.findtext(T + "unit") or "",
                             shown(f.find(T + "planned")), shown(f.find(T + "actual")),
                             shown(f.find(T + "completion")), refs(f)])
            out.append((part.get("title"), rows))
    return out


# ---------- the PDF ----------

NUM = rb"[-+]?(?:\d+\.?\d*|\.\d+)"
TOKEN = re.compile(rb"(" + NUM + rb")|([A-Za-z*'\"]+)|(\[|\]|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|/[^\s/\[\]()<>]+)")


def page_rules(pdf, tmp):
    """Per page: line segments drawn (x0, y0, x1, y1), from the content."""
    q = os.path.join(tmp, "q.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, q], check=True)
    data = open(q, "rb").read()
    pages = {}
    for m in re.finditer(rb"%% Contents for page (\d+)\n.*?stream\n(.*?)\nendstream", data, re.S):
        segs = pages.setdefault(int(m.group(1)), [])
        stack, cur = [], None
        for t in TOKEN.finditer(m.group(2)):
            if t.group(1):
                stack.append(float(t.group(1)))
                continue
            op = t.group(2)
            if op == b"m" and len(stack) >= 2:
                cur = (stack[-2], stack[-1])
            elif op == b"l" and len(stack) >= 2 and cur:
                segs.append((cur[0], cur[1], stack[-2], stack[-1]))
                cur = (stack[-2], stack[-1])
            elif op == b"re" and len(stack) >= 4:
                x, y, w, h = stack[-4:]
                segs += [(x, y, x, y + h), (x + w, y, x + w, y + h)]
            stack = []
    return pages


def page_words(pdf):
    """Per page: (height, [(x0, y0, x1, y1, text)]) in PDF coordinates."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], stdout=subprocess.PIPE,
                         check=True).stdout.decode("utf-8")
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        h = float(pm.group(2))
        words = []
        for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                             pm.group(3)):
            x0, y0, x1, y1 = (float(w.group(i)) for i in range(1, 5))
            text = w.group(5).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
            words.append((x0, h - y1, x1, h - y0, text))
        pages.append(words)
    return pages


def pdf_rows(pdf):
    """Every ruled table row of the PDF, in reading order: a list of cells.
    A row is the band between two horizontal rules that column rules cross
    from top to bottom (rules may be drawn per row or merged over many);
    its cells lie between those column rules."""
    with tempfile.TemporaryDirectory() as tmp:
        rules = page_rules(pdf, tmp)
    words = page_words(pdf)
    rows = []
    e = 0.05
    for pi, pw in enumerate(words, 1):
        hs, vs = [], []
        for x0, y0, x1, y1 in rules.get(pi, []):
            if abs(y0 - y1) < 0.01 and abs(x0 - x1) > 0.5:
                hs.append((y0, min(x0, x1), max(x0, x1)))
            elif abs(x0 - x1) < 0.01 and abs(y0 - y1) > 0.5:
                vs.append((x0, max(y0, y1), min(y0, y1)))
        levels = sorted({round(h[0], 2) for h in hs}, reverse=True)
        for top, bot in zip(levels, levels[1:]):
            xs = sorted({round(x, 2) for x, vt, vb in vs if vt >= top - e and vb <= bot + e})
            # the band is a row if rules close it above and below over its width
            if len(xs) < 2 or not any(abs(y - top) < e and x0 <= xs[0] + e and x1 >= xs[-1] - e for y, x0, x1 in hs) \
                    or not any(abs(y - bot) < e and x0 <= xs[0] + e and x1 >= xs[-1] - e for y, x0, x1 in hs):
                continue
            cells = [[] for _ in xs[1:]]
            for x0, y0, x1, y1, text in pw:
                cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
                if not (bot < cy < top):
                    continue
                for i in range(len(xs) - 1):
                    if xs[i] < cx < xs[i + 1]:
                        cells[i].append((cy, y1 - y0, x0, text))
            rows.append([cell_text(c) for c in cells])
    return rows


def cell_text(words):
    """Words of one cell in reading order: lines top down (words whose
    centres are within half a word's height of each other share a line:
    Latin and Chinese faces have different boxes), each left to right."""
    lines = []
    for cy, h, x0, text in sorted(words, key=lambda w: -w[0]):
        if lines and abs(lines[-1][0] - cy) < h / 2:
            lines[-1][1].append((x0, text))
        else:
            lines.append((cy, [(x0, text)]))
    return "".join(t for _, ws in lines for _, t in sorted(ws))


# ---------- comparing ----------

class Result:
    def __init__(self):
        self.bad = 0

    def check(self, ok, name, detail=""):
        print(("ok - " if ok else "not ok - ") + name)
        if not ok:
            self.bad += 1
            for line in detail.splitlines()[:8]:
                print("    | " + line)


def diff_rows(want, got):
    """First difference of two lists of rows, cell by cell, or ""."""
    for i in range(max(len(want), len(got))):
        if i >= len(want):
            return "extra row %d: %r" % (i, got[i])
        if i >= len(got):
            return "missing row %d: %r" % (i, want[i])
        w, g = [norm(c) for c in want[i]], [norm(c) for c in got[i]]
        if len(w) != len(g):
            return "row %d has %d cells, expected %d: %r" % (i, len(g), len(w), got[i])
        for k in range(len(w)):
            if w[k] != g[k]:
                return "row %d cell %d: %r, expected %r" % (i, k, got[i][k], want[i][k])
    return ""


def match_pdf(tables, prows):
    """tables: [(name, rows)] in document order; prows: the PDF's rows.
    Header rows a page break repeated are skipped. "" or the difference."""
    p = 0
    for name, rows in tables:
        head = [norm(c) for c in rows[0]]
        for i, want in enumerate(rows):
            if i > 0:
                while p < len(prows) and [norm(c) for c in prows[p]] == head and \
                        [norm(c) for c in want] != head:
                    p += 1  # the header again at the top of a page
            if p >= len(prows):
                return "%s: row %d missing from the PDF: %r" % (name, i, want)
            d = diff_rows([want], [prows[p]])
            if d:
                return "%s: %s" % (name, d.replace("row 0", "row %d" % i))
            p += 1
    if p < len(prows):
        return "the PDF has %d more table rows, first %r" % (len(prows) - p, prows[p])
    return ""


def run(outline, centre, out):
    res = Result()
    data = Data(outline, centre)
    name = os.path.basename(os.path.normpath(centre))
    for d in data.o.iter("document"):
        stem = d.get("output") or d.get("id")
        xml = os.path.join(out, stem + ".xml")
        pdf = os.path.join(out, stem + ".pdf")
        if not os.path.exists(xml):
            continue
        if d.get("kind") == "data":
            want = data.evaluation(d.get("id"))
            got = tables_xml_rows(xml)
            bad = ""
            for (wt, wr), (gt, gr) in zip(want, got):
                bad = bad or (wt != gt and "group %r, expected %r" % (gt, wt)) or \
                    (diff_rows(wr, gr) and "%s: %s" % (wt, diff_rows(wr, gr)))
            if len(want) != len(got):
                bad = bad or "%d tables, expected %d" % (len(got), len(want))
            res.check(not bad, "%s/%s.xml: every field and target as centre.xml has it" % (name, stem), bad)
            tables = want
        else:
            tables_x = report_tables(xml)
            gen = [t for t in tables_x if t[0] in data.tables]
            bad = ""
            for tid, cap, rows in gen:
                want = data.generated(tid)
                d2 = diff_rows(want, rows)
                if d2:
                    bad = "table %s: %s" % (tid, d2)
                    break
                if cap != data.tables[tid].get("title"):
                    bad = "table %s: caption %r" % (tid, cap)
                    break
            res.check(not bad and gen, "%s/%s.xml: %d generated tables as centre.xml has them"
                      % (name, stem, len(gen)), bad or "no generated table")
            tables = [(t[0] or "table", t[2]) for t in tables_x]
        if os.path.exists(pdf):
            d3 = match_pdf(tables, pdf_rows(pdf))
            res.check(not d3, "%s/%s.pdf: every table cell as the %s says" %
                      (name, stem, "data" if d.get("kind") == "data" else "XML"), d3)
    return res.bad


# ---------- self-test ----------

def self_test():
    res = Result()
    res.check(fmt(D("44265.84"), 2) == "44,265.84" and fmt(D("1234567"), 0) == "1,234,567"
              and fmt(D("0.5"), 2) == "0.50" and fmt(D("-1200.125"), 2) == "-1,200.125",
              "numbers: commas, at least two decimals for money, exact")
    res.check(in_unit("5,000.00", "万元", "万元", True) == "5,000.00万元"
              and in_unit("12000", "元", "万元", True) == "1.20万元"
              and in_unit("abc", "", "", False) is None, "units converted exactly")
    res.check(pct2(D("44265.84"), D("44000")) == "100.60" and pct2(D(1), D(3)) == "33.33"
              and pct2(D(2), D(3)) == "66.67" and pct2(D(1), D(8)) == "12.50"
              and pct2(D("0.0125"), D(1)) == "1.25" and pct2(D(1), D(0)) is None,
              "completion rounded half away from zero")
    res.check(cn_date("2025-03-01") == "2025年3月1日" and cn_date("x") == "", "Chinese dates")
    w = [["a", "b"], ["1", "2"], ["3", "4"]]
    res.check(match_pdf([("t", w)], [["a", "b"], ["1", "2"], ["a", "b"], ["3", "4"]]) == "",
              "a header repeated after a page break is skipped")
    res.check("cell 1" in match_pdf([("t", w)], [["a", "b"], ["1", "2"], ["3", "5"]]),
              "a changed cell is found")
    res.check("cell 0" in match_pdf([("t", w)], [["a", "b"], ["12", ""], ["3", "4"]]),
              "text moved to the next cell is found")
    res.check(match_pdf([("t", w)], [["a", "b"], ["1", "2"]]) != "", "a missing row is found")
    res.check(match_pdf([("t", w)], w + [["5", "6"]]) != "", "an extra row is found")
    return 1 if res.bad else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    sys.exit(1 if run(*sys.argv[1:]) else 0)
