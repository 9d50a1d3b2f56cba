#!/usr/bin/env python3
"""mkhostile.py — hostile workbooks and documents built from good ones.

    python3 tests/office/mkhostile.py GOOD.xlsx GOOD.docx OUTDIR

Writes OUTDIR/NAME.xlsx and OUTDIR/NAME.docx, each a copy of the good file
with one part replaced, and OUTDIR/expect.txt: one line per file, "NAME
TEXT", the text dossier's refusal must contain (the part and the limit).
"""
import os
import sys
import zipfile

LAUGHS = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
          + "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10) for i in range(8))
          + ']><x>&i;</x>')


def copy_with(src, dst, replace, extra=()):
    """Copy zip src to dst, with the parts in `replace` (name -> bytes or a
    generator of chunks) instead of their own."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        for name in names:
            if name in replace:
                continue
            zout.writestr(zin.getinfo(name), zin.read(name))
        for name, data in list(replace.items()) + list(extra):
            if callable(data):
                with zout.open(name, "w", force_zip64=True) as f:
                    for chunk in data():
                        f.write(chunk)
            else:
                zout.writestr(name, data)


def spaces(total, head, tail):
    def gen():
        yield head
        left = total - len(head) - len(tail)
        block = b" " * (1 << 20)
        while left > 0:
            n = min(left, len(block))
            yield block[:n]
            left -= n
        yield tail
    return gen


def main():
    good_x, good_d, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    expect = []
    sheet = "xl/worksheets/sheet1.xml"
    sst = "xl/sharedStrings.xml"
    body = "word/document.xml"
    ws = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    # a part that inflates past the per-part cap (80 MiB of spaces)
    copy_with(good_x, os.path.join(out, "bomb-size.xlsx"),
              {sheet: spaces(80 << 20, ws, b"<sheetData/></worksheet>")})
    expect.append("bomb-size.xlsx %s: inflates to too many bytes (limit 67108864)" % sheet)
    # under the cap, but compressed a thousand to one
    copy_with(good_x, os.path.join(out, "bomb-ratio.xlsx"),
              {sheet: spaces(40 << 20, ws, b"<sheetData/></worksheet>")})
    expect.append("bomb-ratio.xlsx %s: its compression ratio is abnormal (a zip bomb?) (limit 500)" % sheet)
    # entities: a billion laughs in the shared strings
    copy_with(good_x, os.path.join(out, "laughs.xlsx"), {sst: LAUGHS})
    expect.append("laughs.xlsx %s: holds a DOCTYPE (DTD) declaration" % sst)
    # an external entity
    copy_with(good_x, os.path.join(out, "xxe.xlsx"),
              {sheet: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                      '<worksheet><sheetData><row><c t="inlineStr"><is><t>&e;</t></is></c></row>'
                      '</sheetData></worksheet>'})
    expect.append("xxe.xlsx %s: holds a DOCTYPE (DTD) declaration" % sheet)
    # a huge shared string table, declared and real
    copy_with(good_x, os.path.join(out, "strings-declared.xlsx"),
              {sst: '<?xml version="1.0"?><sst uniqueCount="50000000"><si><t>a</t></si></sst>'})
    expect.append("strings-declared.xlsx %s: the shared string table declares too many items (limit 1000000)" % sst)
    copy_with(good_x, os.path.join(out, "strings.xlsx"),
              {sst: lambda: iter([b'<?xml version="1.0"?><sst>', b"<si><t>x</t></si>" * 1000001, b"</sst>"])})
    expect.append("strings.xlsx %s: too many shared strings (limit 1000000)" % sst)
    # deep nesting
    copy_with(good_x, os.path.join(out, "deep.xlsx"),
              {sheet: '<?xml version="1.0"?><worksheet>' + "<x>" * 5000 + "</x>" * 5000 + "</worksheet>"})
    expect.append("deep.xlsx %s: XML nested too deeply" % sheet)
    # absurd dimensions
    copy_with(good_x, os.path.join(out, "merge-sheet.xlsx"),
              {sheet: '<?xml version="1.0"?><worksheet><sheetData/><mergeCells>'
                      '<mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>'})
    expect.append("merge-sheet.xlsx %s: merged ranges cover too many cells (limit 1000000)" % sheet)
    copy_with(good_x, os.path.join(out, "far-cell.xlsx"),
              {sheet: '<?xml version="1.0"?><worksheet><sheetData><row r="2000000"><c r="A2000000">'
                      '<v>1</v></c></row></sheetData></worksheet>'})
    expect.append("far-cell.xlsx %s: a row number is invalid or beyond Excel's range" % sheet)
    # not a workbook at all; an encrypted workbook is an OLE2 file
    with open(os.path.join(out, "notzip.xlsx"), "wb") as f:
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    expect.append("notzip.xlsx not an Office file (not readable as a ZIP archive)")
    # documents
    w = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    copy_with(good_d, os.path.join(out, "bomb-size.docx"),
              {body: spaces(80 << 20, w, b"</w:body></w:document>")})
    expect.append("bomb-size.docx %s: inflates to too many bytes (limit 67108864)" % body)
    copy_with(good_d, os.path.join(out, "laughs.docx"), {body: LAUGHS})
    expect.append("laughs.docx %s: holds a DOCTYPE (DTD) declaration" % body)
    copy_with(good_d, os.path.join(out, "deep.docx"),
              {body: w.decode() + "<w:tbl><w:tr><w:tc>" * 2000 + "</w:tc></w:tr></w:tbl>" * 2000
                     + "</w:body></w:document>"})
    expect.append("deep.docx %s: XML nested too deeply" % body)
    with open(os.path.join(out, "notzip.docx"), "wb") as f:
        f.write(b"{\\rtf1 not a docx}")
    expect.append("notzip.docx not an Office file (not readable as a ZIP archive)")
    with open(os.path.join(out, "expect.txt"), "w") as f:
        f.write("\n".join(expect) + "\n")


if __name__ == "__main__":
    main()
