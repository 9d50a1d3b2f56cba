#!/usr/bin/env python3
"""ref2centre.py REF_DIR OUT_DIR — turn the peers' reference.json into a
dossier centre directory (centre.xml for the bench-reference outline and one
sections/ref-N.md per h1), so `dossier render` typesets the same content as
the peers. Runs once, outside the timed command (see dossier-ref.sh)."""
import json, os, sys

ref, out = sys.argv[1], sys.argv[2]
doc = json.load(open(os.path.join(ref, "reference.json"), encoding="utf-8"))
os.makedirs(os.path.join(out, "sections"), exist_ok=True)
os.makedirs(os.path.join(out, "evidence"), exist_ok=True)

def runs(rs):
    return "".join("**%s**" % t if k == "b" else t for k, t in rs)

def cell(t):
    return str(t).replace("|", "\\|")

sections, cur = [], None
for b in doc["blocks"]:
    t = b["type"]
    if t == "h1":
        cur = ["# " + b["text"], ""]
        sections.append(cur)
    elif t == "h2":
        cur += ["## " + b["text"], ""]
    elif t == "p":
        cur += [runs(b["runs"]), ""]
    elif t == "ul":
        cur += ["- " + i for i in b["items"]] + [""]
    elif t == "table":
        al = {"l": ":--", "c": ":-:", "r": "--:"}
        cur += ["**%s**" % b["caption"], "",
                "| " + " | ".join(cell(c) for c in b["header"]) + " |",
                "|" + "|".join(al.get(a, "---") for a in b.get("align", ["l"] * len(b["header"]))) + "|"]
        cur += ["| " + " | ".join(cell(c) for c in r) + " |" for r in b["rows"]] + [""]
for i, s in enumerate(sections, 1):
    open(os.path.join(out, "sections", "ref-%d.md" % i), "w", encoding="utf-8").write("\n".join(s))

host = doc.get("subtitle", "").split("　")[0].replace("依托单位：", "") or "依托单位"
open(os.path.join(out, "centre.xml"), "w", encoding="utf-8").write("""<?xml version="1.0" encoding="UTF-8"?>
<centre version="2" scheme="bench-reference" stage="confirm">
  <identity>
    <name>%s</name>
    <name-en>Reference report</name-en>
    <field>储能材料</field>
    <legal-form>独立法人</legal-form>
    <status>筹建期</status>
    <host><name>%s</name><uscc>91110000600037341L</uscc><type>企业</type></host>
    <supervisor>主管单位</supervisor>
    <director>主任</director>
  </identity>
  <dates><incubation start="2021-07-01" end="2023-12-31"/><report-year>2023</report-year></dates>
  <submissions><submission document="summary-report" date="2024-03-15"/></submissions>
  <indicators period-start="2021-07-01" period-end="2023-12-31"/>
  <evidence-list/>
</centre>
""" % (doc["title"].replace("筹建期总结报告", ""), host))
