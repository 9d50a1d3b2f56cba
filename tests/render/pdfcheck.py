#!/usr/bin/env python3
"""pdfcheck.py — independent checks of a rendered PDF against its source.

Usage: pdfcheck.py CHECK PDF [SAMPLE_DIR DOC_PREFIX]

Checks (each prints "ok"/"fail: ..." and exits non-zero on failure):
  text     every heading and every paragraph of sections/DOC_PREFIX-*.md
           that holds no {{...}} reference appears in pdftotext's output, in
           the order of the source (whitespace and page furniture ignored)
  kinsoku  no line of the PDF starts with closing punctuation or ends with
           opening punctuation
  toc      every contents entry names a page on which that heading is found
  bookmarks  one bookmark per heading of the source
  ink PAGE the page, rasterised, carries ink (glyphs really draw)
Uses only poppler's pdftotext and qpdf's JSON, never the code under test.
"""
import json, re, subprocess, sys, glob, os

CLOSE = "，。、；：？！”’）》】」』〕…"
OPEN = "“‘（《【「『〔"

def pdftext(pdf, first=None, last=None, layout=False, raw=False):
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if layout: cmd.append("-layout")
    # -raw: content order, and no dehyphenation (which drops the "-" of
    # 气相色谱-质谱 when a line ends after it)
    if raw: cmd.append("-raw")
    if first: cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(cmd + [pdf, "-"], capture_output=True, text=True, check=True).stdout

def norm(s):
    s = re.sub(r"—\s*\d+\s*—", "", s)          # page numbers
    # pdftotext joins a word broken after a hyphen ("AEC-" / "Q101") into
    # "AECQ101": compare without ASCII hyphens on both sides
    return re.sub(r"[\s-]+", "", s)

def md_blocks(sample, prefix):
    """Headings and plain paragraphs of the source, in document order."""
    out = []
    files = sorted(glob.glob(os.path.join(sample, "sections", prefix + "-*.md")),
                   key=lambda p: int(re.search(r"-(\d+)-", os.path.basename(p)).group(1)))
    for f in files:
        para = []
        for line in open(f, encoding="utf-8").read().split("\n") + [""]:
            if line.startswith("#"):
                out.append(("h", line.lstrip("#").strip()))
                continue
            if line.strip() == "" or line.startswith("|") or line.lstrip().startswith(("-", "*", ">", "1.", "`")):
                if para:
                    out.append(("p", "".join(para)))
                    para = []
                continue
            para.append(line.strip())
    def plain(t):
        t = re.sub(r"\*\*|__|`", "", t)
        t = re.sub(r"(?<!\*)\*(?!\*)", "", t)
        t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
        return t
    return [(k, plain(t)) for k, t in out if "{{" not in t and plain(t).strip()]

def check_text(pdf, sample, prefix):
    body = norm(pdftext(pdf, raw=True))
    pos, missing = 0, []
    for kind, t in md_blocks(sample, prefix):
        n = norm(t)
        i = body.find(n, pos)
        if i < 0:
            missing.append((kind, t[:40], "absent" if body.find(n) < 0 else "out of order"))
        else:
            pos = i + len(n)
    return missing

def visual_lines(pdf):
    """Lines as the eye sees them, rebuilt from pdftotext -bbox word boxes:
    words whose centres share a height are one line, and a gap wider than
    8 pt (a table rule) starts another segment. pdftotext's own line
    grouping (-layout) splits a line where compressed punctuation makes
    two glyph boxes overlap, as in XeLaTeX's output (shared/bench/peers
    tools/check_pdf.py does the same)."""
    import html
    out = []
    bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    for page in bbox.split("<page ")[1:]:
        words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)]
        words.sort(key=lambda w: (w[1] + w[3]) / 2)
        lines = []
        for w in words:
            cy, h = (w[1] + w[3]) / 2, w[3] - w[1]
            if lines and abs(lines[-1][0] - cy) <= 0.35 * h:
                lines[-1][1].append(w)
            else:
                lines.append((cy, [w]))
        for _, ws in lines:
            seg, x1 = "", None
            for w in sorted(ws):
                if x1 is not None and w[0] - x1 > 8:
                    out.append(seg)
                    seg = ""
                seg += w[4]
                x1 = w[2] if x1 is None or seg == w[4] else max(x1, w[2])
            out.append(seg)
    return out

def check_kinsoku(pdf):
    bad = []
    for part in visual_lines(pdf):
        if part and (part[0] in CLOSE or part[-1] in OPEN):
            bad.append(part[:30])
    return bad

def check_toc(pdf):
    """Contents lines look like 'TITLE ······ N'; TITLE must be on page N+front."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    # front matter: the cover, then every page that holds contents entries
    front, entries = 1, []
    for p in range(2, min(pages, 8) + 1):
        found = [(m.group(1).strip(), int(m.group(2)))
                 for m in re.finditer(r"^(.*?)\s*[·.]{3,}\s*(\d+)\s*$", pdftext(pdf, p, layout=True), re.M)]
        if not found:
            break
        entries += found
        front = p
    bad = []
    for title, n in entries:
        if norm(title) not in norm(pdftext(pdf, n + front)):
            bad.append("%s → %d" % (title, n))
    return bad, len(entries)

def check_bookmarks(pdf, sample, prefix):
    j = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                                  capture_output=True, text=True).stdout)
    def count(items):
        return sum(1 + count(i.get("kids", [])) for i in items)
    have = count(j.get("outlines", []))
    want = 0
    for f in glob.glob(os.path.join(sample, "sections", prefix + "-*.md")):
        want += sum(1 for l in open(f, encoding="utf-8") if re.match(r"#{1,6}\s", l))
    return have, want

def check_ink(pdf, page):
    """Rasterise a page: glyphs must put ink on it (text that extracts but
    draws nothing has happened with libharu fonts)."""
    pgm = subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", str(page), "-l", str(page), pdf],
                         capture_output=True, check=True).stdout
    # binary PGM: "P5\n<w> <h>\n255\n" then pixels
    parts = pgm.split(b"\n", 3)
    w, h = map(int, parts[1].split())
    px = parts[3][: w * h]
    dark = sum(1 for b in px if b < 192)
    return dark, w * h

def main():
    what, pdf = sys.argv[1], sys.argv[2]
    if what == "text":
        miss = check_text(pdf, sys.argv[3], sys.argv[4])
        if miss:
            print("fail: %d blocks: %s" % (len(miss), miss[:3])); return 1
    elif what == "kinsoku":
        bad = check_kinsoku(pdf)
        if bad:
            print("fail: %d lines: %s" % (len(bad), bad[:3])); return 1
    elif what == "toc":
        bad, n = check_toc(pdf)
        if bad or n == 0:
            print("fail: %d of %d entries: %s" % (len(bad), n, bad[:3])); return 1
    elif what == "ink":
        dark, total = check_ink(pdf, int(sys.argv[3]))
        if dark < total // 200:
            print("fail: page %s has %d dark pixels of %d" % (sys.argv[3], dark, total)); return 1
    elif what == "bookmarks":
        have, want = check_bookmarks(pdf, sys.argv[3], sys.argv[4])
        if have != want:
            print("fail: %d bookmarks for %d headings" % (have, want)); return 1
    print("ok")
    return 0

sys.exit(main())
