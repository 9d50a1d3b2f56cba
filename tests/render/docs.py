#!/usr/bin/python3
"""docs.py BIN SAMPLE — the documents a sample's stage submits, one a line:
   OUTPUT KIND SECTION-PREFIX
(OUTPUT the file stem render writes, KIND report/plan/data, SECTION-PREFIX the
part of its section ids before the first '-', or '-' for a data table),
read from the outline (dossier explain --format json) and centre.xml."""
import json, subprocess, sys
import xml.etree.ElementTree as ET

def main():
    bin_, sample = sys.argv[1], sys.argv[2]
    root = ET.parse(sample + '/centre.xml').getroot()
    scheme = root.get('scheme')
    outline = json.loads(subprocess.run([bin_, 'explain', '--format', 'json', scheme],
                                        capture_output=True, text=True, check=True).stdout)
    docs = {d['id']: d for d in outline['documents']}
    for sub in root.iter('submission'):
        d = docs[sub.get('document')]
        prefix = d['sections'][0]['id'].split('-')[0] if d['sections'] else '-'
        print(d['output'], d['kind'], prefix)

if __name__ == '__main__':
    main()
