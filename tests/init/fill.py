#!/usr/bin/env python3
"""fill.py — fill a centre.xml made by `dossier init` from a sample's data,
as an office worker would: every value init left empty is written from the
sample (or, where the sample has none, the line is deleted as "does not
apply"), and every part of the sample init offered only as a commented-out
skeleton is taken in.

    fill.py INIT.xml SAMPLE.xml OUT.xml

Fails (exit 1, saying where) if init asks for something the sample cannot
fill in a place other than an optional one, or if the sample holds an
element init offers nowhere (neither live nor in a commented skeleton at
that place): init would then not lead to the sample's dossier. Prints what
it did: "filled N, deleted M, taken in K".
"""
import re
import sys

from lxml import etree


def key(path):
    """/centre/staff/person[3]/@name -> centre/staff/person/@name"""
    return re.sub(r"\[\d+\]", "", path)


def offered(init):
    """Paths init offers: its live elements and attributes, and those of
    the skeletons in its comments (relative to the comment's parent)."""
    paths = set()
    for e in init.iter():
        if isinstance(e, etree._Comment):
            # the skeleton: from the first line that starts with a tag
            lines = (e.text or "").split("\n")
            frag = None
            for i, line in enumerate(lines):
                if line.strip().startswith("<"):
                    try:
                        frag = etree.fromstring("\n".join(lines[i:]).strip())
                    except etree.XMLSyntaxError:
                        pass
                    break
            if frag is None:
                # a comment about the next element: the optional
                # attributes it names ("可选属性…：province 所在省份；…",
                # 'date="YYYY-MM-DD"')
                nxt = e.getnext()
                while nxt is not None and not isinstance(nxt.tag, str):
                    nxt = nxt.getnext()
                if nxt is None:
                    continue
                text = e.text or ""
                names = re.findall(r'([a-z][a-z-]*)="', text)
                for line in text.split("\n"):
                    if "可选属性" in line:
                        names += re.findall(r"[：；]([a-z][a-z-]*) ", line)
                p = key(init.getroottree().getpath(nxt))
                for a in names:
                    paths.add(p + "/@" + a)
                continue
            base = key(init.getroottree().getpath(e.getparent()))
            for f in frag.iter():
                rel = key(frag.getroottree().getpath(f))  # /name/...
                p = base + rel
                paths.add(p)
                for a in f.attrib:
                    paths.add(p + "/@" + a)
            continue
        if not isinstance(e.tag, str):
            continue
        p = key(init.getroottree().getpath(e))
        paths.add(p)
        for a in e.attrib:
            paths.add(p + "/@" + a)
    return paths


def main():
    init = etree.parse(sys.argv[1]).getroot()
    sample = etree.parse(sys.argv[2]).getroot()
    offers = offered(init)
    bad = []
    # every element and attribute of the sample has its place in init
    for e in sample.iter():
        if not isinstance(e.tag, str):
            continue
        p = key(sample.getroottree().getpath(e))
        if p not in offers:
            bad.append("the sample's %s has no place in init's centre.xml" % p)
        for a in e.attrib:
            if p + "/@" + a not in offers:
                bad.append("the sample's %s/@%s has no place in init's centre.xml" % (p, a))
    # every value init left empty: from the sample, or deleted if optional
    filled = deleted = 0
    st = sample.getroottree()
    for e in list(init.iter()):
        if not isinstance(e.tag, str):
            continue
        path = init.getroottree().getpath(e)
        if e.tag == "value":  # the data table: by field id, not position
            hits = sample.xpath("/centre/indicators/value[@id=$id]", id=e.get("id"))
        elif e.tag == "submission":
            hits = sample.xpath("/centre/submissions/submission[@document=$d]", d=e.get("document"))
        else:
            hits = st.xpath(path)
        for a, v in list(e.attrib.items()):
            if v.strip():
                continue
            if hits and hits[0].get(a) is not None:
                e.set(a, hits[0].get(a))
                filled += 1
            else:
                bad.append("init asks for %s/@%s, which the sample does not have" % (path, a))
        if len(e) == 0 and not (e.text or "").strip() and e.tag != "submission":
            if hits and len(hits[0]):
                pass  # a container here (a data table without fields at this stage)
            elif hits and (hits[0].text or "").strip():
                e.text = hits[0].text
                filled += 1
            elif e.tag == "value":
                e.getparent().remove(e)  # a field this centre does not give
                deleted += 1
            else:
                bad.append("init asks for %s, which the sample does not have" % path)
    if bad:
        sys.stderr.write("\n".join(bad) + "\n")
        sys.exit(1)
    # what the sample has beyond init's live skeleton is taken in: the
    # result is the sample's data in init's file
    taken = sum(1 for e in sample.iter() if isinstance(e.tag, str)) - \
        sum(1 for e in init.iter() if isinstance(e.tag, str))
    etree.ElementTree(sample).write(sys.argv[3], encoding="UTF-8", xml_declaration=True)
    print("filled %d, deleted %d, taken in %d" % (filled, deleted, taken))


if __name__ == "__main__":
    main()
