#!/usr/bin/env python3
"""uncovered.py — the elements and attributes of centre.xsd a centre.xml
does not hold, one path a line (/centre/staff/person/@senior); nothing if
it holds them all.

    uncovered.py centre.xsd centre.xml

A test that round-trips such a file through the workbook covers the
whole schema, not only what the samples happen to use.
"""
import re
import sys

from lxml import etree

XS = "{http://www.w3.org/2001/XMLSchema}"


def main():
    xsd = etree.parse(sys.argv[1]).getroot()
    named = {n.get("name"): n for n in xsd
             if n.tag in (XS + "complexType", XS + "attributeGroup")}

    def decls(node):
        """Element and attribute declarations of a content model."""
        for c in node:
            if c.tag in (XS + "element", XS + "attribute"):
                yield c
            elif c.tag == XS + "attributeGroup" and c.get("ref"):
                yield from decls(named[c.get("ref")])
            elif c.tag in (XS + "sequence", XS + "choice", XS + "all", XS + "complexType",
                           XS + "simpleContent", XS + "complexContent", XS + "extension",
                           XS + "restriction"):
                yield from decls(c)

    want = set()

    def walk(decl, path, depth=0):
        want.add(path)
        if depth > 30:
            return
        models = [decl] + ([named[decl.get("type")]] if decl.get("type") in named else [])
        for m in models:
            for d in decls(m):
                if d.tag == XS + "attribute":
                    want.add(path + "/@" + d.get("name"))
                else:
                    walk(d, path + "/" + d.get("name"), depth + 1)

    root = next(n for n in xsd if n.tag == XS + "element")
    walk(root, "/" + root.get("name"))
    doc = etree.parse(sys.argv[2])
    have = set()
    for e in doc.iter():
        if not isinstance(e.tag, str):
            continue
        p = re.sub(r"\[\d+\]", "", doc.getpath(e))
        have.add(p)
        have.update(p + "/@" + a for a in e.attrib)
    for p in sorted(want - have):
        print(p)


if __name__ == "__main__":
    main()
