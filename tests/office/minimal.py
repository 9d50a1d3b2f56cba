#!/usr/bin/env python3
"""minimal.py — a small workbook written part by part, with a cell of every
kind the reader knows: shared strings with rich-text and phonetic runs and
_xHHHH_ escapes, inline strings, numbers in #,##0.00, dates in a built-in
and a 年月日 format and a serial of Lotus's 1900-02-29, booleans, errors,
cached formula results and a formula without one, cells without r, merged
ranges; a 基本信息 sheet keyed like dossier's. For fuzz seeds and for
tests/office/mkhostile.py.

    python3 tests/office/minimal.py OUT.xlsx [--1904]
"""
import sys
import zipfile

NS = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="%sofficeDocument" Target="xl/workbook.xml"/></Relationships>' % REL),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="%sworksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="%sworksheet" Target="worksheets/sheet2.xml"/>'
        '<Relationship Id="rId3" Type="%sstyles" Target="styles.xml"/>'
        '<Relationship Id="rId4" Type="%ssharedStrings" Target="sharedStrings.xml"/></Relationships>' % (REL, REL, REL, REL)),
    "xl/workbook.xml": ('<?xml version="1.0"?><workbook %s>%%s<sheets><sheet name="基本信息" sheetId="1" r:id="rId1"/>'
                        '<sheet name="人员" sheetId="2" r:id="rId2" state="hidden"/></sheets></workbook>' % NS),
    "xl/styles.xml": ('<?xml version="1.0"?><styleSheet %s><numFmts count="1"><numFmt numFmtId="164" '
                      'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="5">'
                      '<xf numFmtId="0"/><xf numFmtId="4"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/>'
                      '</cellXfs></styleSheet>' % NS),
    "xl/sharedStrings.xml": ('<?xml version="1.0"?><sst %s count="6" uniqueCount="6"><si><t>项目</t></si><si><t>值</t></si>'
                             '<si><t>管理办法</t></si><si><t>@scheme</t></si><si><r><rPr><b/></rPr><t>研发</t></r>'
                             '<r><t xml:space="preserve">人员 </t></r><rPh sb="0" eb="1"><t>ケン</t></rPh></si>'
                             '<si><t>行一_x000D__x000A_行二</t></si></sst>' % NS),
    "xl/worksheets/sheet1.xml": ('<?xml version="1.0"?><worksheet %s><sheetData>'
                                 '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
                                 '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><t>ndrc-engineering-2025</t></is></c>'
                                 '<c r="D2" t="s"><v>3</v></c></row>'
                                 '<row r="3"><c r="A3" s="1"><v>21733.82</v></c><c r="B3" s="2"><v>46082</v></c>'
                                 '<c r="C3" s="3"><v>46082.5</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c>'
                                 '<c r="F3" t="str"><f>A1</f><v>项目</v></c><c r="G3"><f>1+1</f></c><c r="H3" s="2"><v>60</v></c>'
                                 '<c r="I3" s="4"><v>0.125</v></c></row>'
                                 '<row r="5"><c t="s"><v>4</v></c><c s="1"/><c><v>0.30000000000000004</v></c><c t="s"><v>5</v></c></row>'
                                 '</sheetData><mergeCells count="2"><mergeCell ref="A5:A7"/><mergeCell ref="C8:E8"/></mergeCells>'
                                 '</worksheet>' % NS),
    "xl/worksheets/sheet2.xml": ('<?xml version="1.0"?><worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
                                 '</row><row r="2"><c r="A2" t="inlineStr"><is><t>@name</t></is></c></row>'
                                 '<row r="3"><c r="A3" t="inlineStr"><is><t>周启明</t></is></c></row></sheetData></worksheet>' % NS),
}


def main():
    pr = '<workbookPr date1904="1"/>' if "--1904" in sys.argv else ""
    with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in PARTS.items():
            z.writestr(name, data.replace("%s", pr) if name == "xl/workbook.xml" else data)


if __name__ == "__main__":
    main()
