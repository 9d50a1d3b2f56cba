#!/usr/bin/env python3
"""mkdocx.py — Word documents with what Word writes and pandoc and
LibreOffice do not: numbering generated for headings (一、 （一）), a
{{fig:}} reference split over runs, bold next to Chinese quotes, lists,
merged cells, an image, a text box, a footnote, hidden text, tracked
changes, a table of contents, a header; and a document with no heading
styles at all, whose headings are only "一、" and "（一）".

    python3 tests/office/mkdocx.py OUTDIR

Writes OUTDIR/features.docx and OUTDIR/plain.docx. What dossier must read
from them is tests/office/features.md and tests/office/plain.md.
"""
import os
import sys
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' \
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' \
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="%sofficeDocument" Target="word/document.xml"/></Relationships>' % REL)
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%sstyles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="%snumbering" Target="numbering.xml"/>'
            '<Relationship Id="rId3" Type="%sheader" Target="header1.xml"/>'
            '<Relationship Id="rId4" Type="%shyperlink" Target="https://www.ndrc.gov.cn/" TargetMode="External"/>'
            '</Relationships>' % (REL, REL, REL, REL))
STYLES = ('<?xml version="1.0" encoding="UTF-8"?><w:styles %s>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
          '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
          '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="My Sub"/><w:basedOn w:val="2"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>'
          '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>'
          '</w:styles>' % W)
NUMBERING = ('<?xml version="1.0" encoding="UTF-8"?><w:numbering %s>'
             '<w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%%1、"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%%2）"/></w:lvl>'
             '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="◦"/></w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="%%1."/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
             '</w:numbering>' % W)
HEADER = '<?xml version="1.0" encoding="UTF-8"?><w:hdr %s><w:p><w:r><w:t>先进功率半导体中心</w:t></w:r></w:p></w:hdr>' % W


def p(runs, style=None, num=None):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>%s%s</w:pPr>" % ('<w:pStyle w:val="%s"/>' % style if style else "",
                                       '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % num if num else "")
    return "<w:p>%s%s</w:p>" % (ppr, runs)


def r(text, b=False, i=False, extra=""):
    rpr = "".join(x for x, on in (("<w:b/>", b), ("<w:i/>", i)) if on) + extra
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % ("<w:rPr>%s</w:rPr>" % rpr if rpr else "", text)


def cell(text, pr=""):
    return "<w:tc>%s%s</w:tc>" % ("<w:tcPr>%s</w:tcPr>" % pr if pr else "", p(r(text)))


DRAWING = ('<w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="图片 1"/>'
           '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic>'
           '</wp:inline></w:drawing></w:r>')
TEXTBOX = ('<w:r><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
           '<w:p><w:r><w:t>框中文字</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>'
           '</a:graphic></wp:anchor></w:drawing></w:r>')

FEATURES = "".join([
    p(r("一、摘要") + r("\t1"), style="TOC1"),                                         # 1: contents, skipped
    p(r("摘要"), style="1"),                                                          # 2: # 一、摘要
    p(r("研发投入") + r("达到", b=True) + r("{{fig:", i=True) + "<w:proofErr w:type=\"spellStart\"/>"
      + r("rd_") + r("expenditure}}", b=True) + r("。")),                             # 3
    p(r("中心") + r("“重点”", b=True) + r("项目，") + r("强调", i=True) + r("与")
      + '<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>样式加粗</w:t></w:r>' + r("。")),  # 4
    p(r("建安工程"), style="2"),                                                       # 5: ## （一）建安工程
    p(r("第一项"), num=(0, 2)),                                                       # 6
    p(r("其下一项"), num=(1, 2)),                                                     # 7
    p(r("第二项"), num=(0, 2)),                                                       # 8
    p(r("这里有一张图") + DRAWING),                                                   # 9: image
    p(r("正文有脚注") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r("。")),        # 10: footnote
    p(r("可见") + r("隐藏", extra="<w:vanish/>") + r("文字。")),                        # 11: hidden
    p(r("修订") + '<w:del w:id="1" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>'
      + '<w:ins w:id="2" w:author="a">' + r("加上") + "</w:ins>" + r("。")),           # 12: revisions
    '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
    + "<w:tr>%s%s</w:tr>" % (cell("项目", '<w:gridSpan w:val="2"/>'), cell("金额"))
    + "<w:tr>%s%s%s</w:tr>" % (cell("建安", '<w:vMerge w:val="restart"/>'), cell("土建"), cell("8,412.56"))
    + "<w:tr>%s%s%s</w:tr>" % (cell("", "<w:vMerge/>"), cell("装修 | 改造"), cell("786.34"))
    + "</w:tbl>",                                                                    # 13-20: table
    p(r("详见") + '<w:hyperlink r:id="rId4">' + r("国家发展改革委网站") + "</w:hyperlink>" + r("。")),  # 21
    p(r("*星号* 与 # 井号 和 1. 序号")),                                               # 22
    p(r("第一行") + "<w:r><w:br/></w:r>" + r("第二行")),                                # 23
    p(r("有文本框") + TEXTBOX),                                                       # 24
    p(r("子标题"), style="3"),                                                        # 25: ## （二）子标题
    p(r("　　首行缩进的段落，缩进不算文字。")),                                          # 26
])

PLAIN = "".join([
    p(r("一、摘要")),
    p(r("中心于2023年启动建设。")),
    p(r("（一）建安工程")),
    p(r("一是中试厂房改造、洁净室改造。这是正文，不是标题。")),
    p(r("二、主要建设内容完成情况")),
    p(r("正文。")),
])


def write(path, body, header=True):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/numbering.xml", NUMBERING)
        if header:
            z.writestr("word/header1.xml", HEADER)
        z.writestr("word/document.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s'
                   '<w:sectPr/></w:body></w:document>' % (W, body))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "features.docx"), FEATURES)
    write(os.path.join(out, "plain.docx"), PLAIN, header=False)


if __name__ == "__main__":
    main()
