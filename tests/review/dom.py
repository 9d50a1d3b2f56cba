#!/usr/bin/python3
"""dom.py — judge a review report's HTML (as a browser's DOM dump, or the
file itself) against `dossier check --format json` of the same inputs.

    dom.py DOM.html CHECK.json [--sorted KEY[-desc]]

Checks: the summary table has one row per input, with the centre, scheme,
stage, status, errors and warnings the JSON gives; each input's chapter
holds exactly its findings (the multiset of rule ids) or, unreadable, its
reason id; nothing would be fetched (no src, no external href, a CSP that
allows nothing else); with --sorted, the rows are in that order and the
column says so (aria-sort), which only the page's script can have done.
Prints "ok" or one line per problem; exit 0 or 1.
"""
import json
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows = []          # summary rows: {key: text}, with attrs
        self.heads = {}         # data-key -> attrs of the summary's th
        self.centres = {}       # data-input -> {"rules": [...], "reason": str|None}
        self.external = []
        self.csp = None
        self.stack = []
        self.in_summary = self.in_tbody = False
        self.row = None
        self.cell = None
        self.centre = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = a.get("content", "")
        if "src" in a:
            self.external.append(f"<{tag} src={a['src']}>")
        href = a.get("href") or ""
        if href and not href.startswith("#"):
            self.external.append(f"<{tag} href={href}>")
        if tag == "table" and a.get("id") == "summary-table":
            self.in_summary = True
        if self.in_summary and tag == "th" and "data-key" in a:
            self.heads[a["data-key"]] = a
        if self.in_summary and tag == "tbody":
            self.in_tbody = True
        if self.in_tbody and tag == "tr":
            self.row = {"@": a}
        if self.row is not None and tag == "td" and "data-key" in a:
            self.cell = a["data-key"]
            self.row[self.cell] = ""
            if "data-value" in a:
                self.row[self.cell + "@value"] = a["data-value"]
        if tag == "section" and "centre" in (a.get("class") or "").split():
            self.centre = {"rules": [], "reason": None, "status": a.get("data-status")}
            self.centres[a.get("data-input")] = self.centre
        if self.centre is not None and tag == "article" and "finding" in (a.get("class") or "").split():
            self.centre["rules"].append(a.get("data-rule"))
        if self.centre is not None and tag == "div" and "unreadable" in (a.get("class") or "").split():
            self.centre["reason"] = a.get("data-reason")

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        if tag == "tbody":
            self.in_tbody = False
        if tag == "table":
            self.in_summary = False

    def handle_data(self, data):
        if self.row is not None and self.cell:
            self.row[self.cell] += data


def main():
    if len(sys.argv) < 3:
        print("usage: dom.py DOM.html CHECK.json [--sorted KEY[-desc]]")
        return 2
    dom = Dom()
    with open(sys.argv[1], encoding="utf-8") as f:
        dom.feed(f.read())
    with open(sys.argv[2], encoding="utf-8") as f:
        want = json.load(f)["centres"]
    bad = []
    if len(dom.rows) != len(want):
        bad.append(f"summary has {len(dom.rows)} rows, JSON {len(want)} centres")
    by_input = {r["@"].get("data-input"): r for r in dom.rows}
    for c in want:
        r = by_input.get(c["dir"])
        if r is None:
            bad.append(f"{c['dir']}: no summary row")
            continue
        unread = c["status"] == "unreadable"
        expect = {
            "status": c["status"],
            "scheme": c["scheme"] or "—",
            "stage": c["stage"] or "—",
            "errors": "—" if unread else str(c["errors"]),
            "warnings": "—" if unread else str(c["warnings"]),
        }
        have = {
            "status": r["@"].get("data-status"),
            "scheme": r.get("scheme", "").strip(),
            "stage": r.get("stage", "").strip(),
            "errors": r.get("errors", "").strip(),
            "warnings": r.get("warnings", "").strip(),
        }
        for k in expect:
            if expect[k] != have[k]:
                bad.append(f"{c['dir']}: {k} is {have[k]!r} in the DOM, {expect[k]!r} in JSON")
        name = r.get("centre@value", "")
        if c["name"] and name != c["name"]:
            bad.append(f"{c['dir']}: centre {name!r} in the DOM, {c['name']!r} in JSON")
        ch = dom.centres.get(c["dir"])
        if ch is None:
            bad.append(f"{c['dir']}: no chapter")
            continue
        if sorted(ch["rules"]) != sorted(f["rule"] for f in c["findings"]):
            bad.append(f"{c['dir']}: findings {sorted(ch['rules'])} in the DOM, "
                       f"{sorted(f['rule'] for f in c['findings'])} in JSON")
        if unread and ch["reason"] != c.get("reason", {}).get("id"):
            bad.append(f"{c['dir']}: reason {ch['reason']!r} in the DOM, "
                       f"{c.get('reason', {}).get('id')!r} in JSON")
    for e in dom.external:
        bad.append(f"would fetch: {e}")
    if not dom.csp or "default-src 'none'" not in dom.csp:
        bad.append(f"no Content-Security-Policy forbidding fetches ({dom.csp!r})")
    if len(sys.argv) > 4 and sys.argv[3] == "--sorted":
        key, _, desc = sys.argv[4].partition("-")
        num = dom.heads.get(key, {}).get("data-type") == "num"

        def val(r):
            v = r.get(key + "@value", r.get(key, "").strip())
            return float(v) if num else v
        vals = [val(r) for r in dom.rows]
        if vals != sorted(vals, reverse=bool(desc)):
            bad.append(f"rows not sorted by {sys.argv[4]}: {vals}")
        if dom.heads.get(key, {}).get("aria-sort") != ("descending" if desc else "ascending"):
            bad.append(f"column {key} does not say it is sorted: {dom.heads.get(key)}")
    print("\n".join(bad) if bad else "ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
