#!/usr/bin/python3
"""xedit.py — edit an XML file in place for the seeded-defect variants.

    xedit.py FILE set XPATH VALUE      set the text of elements, or an attribute (XPATH/@name)
    xedit.py FILE del XPATH            remove the selected elements or attributes
    xedit.py FILE del-if XPATH         the same, and nothing if nothing is selected
    xedit.py FILE add XPATH XML        append an XML fragment to each selected element
    xedit.py FILE before XPATH XML     insert an XML fragment before each selected element
    xedit.py FILE after XPATH XML      insert an XML fragment after each selected element
    xedit.py FILE inc XPATH DELTA      add DELTA to the number of each selected element or attribute
    xedit.py FILE sumto XPATH DELTA SRC...  set XPATH to the sum of the numbers at the SRC
                                       XPaths plus DELTA (a SRC written -XPATH is subtracted)
    xedit.py FILE get XPATH            print the number (or text) of the first node, or
                                       the value of a numeric expression (count(...))

Several operations may follow one another: FILE op args op args ...
XPATH is XPath 1.0 (lxml). It is an error if an XPATH selects nothing, so a
variant whose setup no longer matches its base sample fails loudly.
"""
import sys
from decimal import Decimal
from lxml import etree

def nodes(doc, xp):
    r = doc.xpath(xp)
    if not isinstance(r, list) or not r:
        sys.exit("xedit: %s selects nothing" % xp)
    return r

def text_of(n):
    return n if isinstance(n, str) else (n.text or '')

def num(n):
    return Decimal(text_of(n).strip().replace(',', ''))

def put(n, value):
    """Write a number back as it was written: same decimals, no separators."""
    old = text_of(n).strip()
    places = len(old.split('.')[1]) if '.' in old else 0
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    out = str(value.quantize(q)) if value == value.to_integral() or places else str(value)
    if isinstance(n, str):
        n.getparent().set(n.attrname, out)
    else:
        n.text = out

def main(argv):
    path, ops = argv[1], argv[2:]
    parser = etree.XMLParser(remove_blank_text=False, resolve_entities=False)
    tree = etree.parse(path, parser)
    doc = tree.getroot()
    i = 0
    while i < len(ops):
        op = ops[i]
        if op == 'set':
            xp, val = ops[i + 1], ops[i + 2]
            if '/@' in xp.rsplit('/', 1)[-1] or xp.rsplit('/', 1)[-1].startswith('@'):
                el_xp, attr = xp.rsplit('/@', 1)
                for e in nodes(doc, el_xp):
                    e.set(attr, val)
            else:
                for e in nodes(doc, xp):
                    e.text = val
            i += 3
        elif op in ('del', 'del-if'):
            found = doc.xpath(ops[i + 1])
            for n in (found if op == 'del-if' and isinstance(found, list) else nodes(doc, ops[i + 1])):
                if isinstance(n, etree._ElementUnicodeResult) or isinstance(n, str):
                    n.getparent().attrib.pop(n.attrname)
                else:
                    n.getparent().remove(n)
            i += 2
        elif op in ('add', 'before', 'after'):
            for e in nodes(doc, ops[i + 1]):
                frag = etree.fromstring(ops[i + 2])
                if op == 'add':
                    e.append(frag)
                elif op == 'before':
                    e.addprevious(frag)
                else:
                    frag.tail = e.tail
                    e.addnext(frag)
            i += 3
        elif op == 'inc':
            for n in nodes(doc, ops[i + 1]):
                put(n, num(n) + Decimal(ops[i + 2]))
            i += 3
        elif op == 'sumto':
            xp, delta, srcs = ops[i + 1], Decimal(ops[i + 2]), []
            j = i + 3
            while j < len(ops) and ops[j] not in ('set', 'del', 'del-if', 'add', 'before', 'after', 'inc', 'sumto', 'get'):
                srcs.append(ops[j])
                j += 1
            total = sum((-num(nodes(doc, x[1:])[0]) if x.startswith('-') else num(nodes(doc, x)[0])
                         for x in srcs), Decimal(0)) + delta
            for n in nodes(doc, xp):
                put(n, total)
            i = j
        elif op == 'get':
            r = doc.xpath(ops[i + 1])
            if isinstance(r, float):  # count(), sum(): an expression's number
                print(int(r) if r == int(r) else r)
                return
            n = nodes(doc, ops[i + 1])[0]
            try:
                print(num(n))
            except Exception:
                print(text_of(n))
            return
        else:
            sys.exit("xedit: unknown operation %s" % op)
    tree.write(path, encoding='UTF-8', xml_declaration=True)

if __name__ == '__main__':
    main(sys.argv)
