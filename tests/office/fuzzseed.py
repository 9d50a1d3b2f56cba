#!/usr/bin/env python3
"""fuzzseed.py — a .xlsx or .docx as the parts list of the office fuzz
targets (tests/fuzz/fuzz_office.h): "@@ NAME" lines, each followed by the
part's bytes. Media, themes, comments and drawings are left out (the
readers never open them) and every other part is kept whole, so the seed
stays small and readable.

    python3 tests/office/fuzzseed.py IN.xlsx > SEED
"""
import sys
import zipfile


def main():
    out = sys.stdout.buffer
    with zipfile.ZipFile(sys.argv[1]) as z:
        for name in z.namelist():
            if name.startswith(("word/media/", "xl/media/", "docProps/", "xl/theme/", "word/theme/",
                                "xl/comments", "xl/drawings/", "xl/printerSettings/")):
                continue
            data = z.read(name)
            out.write(b"@@ " + name.encode() + b"\n" + data)
            if not data.endswith(b"\n"):
                out.write(b"\n")


if __name__ == "__main__":
    main()
