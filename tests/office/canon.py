#!/usr/bin/env python3
"""canon.py — print an XML file in a canonical form, to compare two
centre.xml files by content: elements in order, attributes sorted, text
trimmed, comments and whitespace between elements dropped.

    python3 tests/office/canon.py FILE
"""
import sys
import xml.etree.ElementTree as ET


def canon(el, depth, out):
    attrs = " ".join('%s="%s"' % (k, el.attrib[k]) for k in sorted(el.attrib))
    text = (el.text or "").strip()
    out.append("%s<%s%s%s>%s" % ("  " * depth, el.tag, " " if attrs else "", attrs, text))
    for child in el:
        if isinstance(child.tag, str):
            canon(child, depth + 1, out)


def main():
    out = []
    canon(ET.parse(sys.argv[1]).getroot(), 0, out)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
