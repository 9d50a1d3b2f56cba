#!/usr/bin/env python3
"""setcells.py — change cells of a workbook with openpyxl.

    python3 tests/office/setcells.py IN.xlsx OUT.xlsx 'SHEET!REF=VALUE' ...

VALUE is written as text; "n:12.5" writes a number, "" clears the cell.
"""
import sys

import openpyxl


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    for spec in sys.argv[3:]:
        where, value = spec.split("=", 1)
        sheet, ref = where.split("!")
        if value.startswith("n:"):
            value = float(value[2:])
        wb[sheet][ref].value = value if value != "" else None
    wb.save(sys.argv[2])


if __name__ == "__main__":
    main()
