#!/usr/bin/env python3
"""setcells.py — change cells of a workbook with openpyxl.

    python3 tests/office/setcells.py IN.xlsx OUT.xlsx 'SHEET!REF=VALUE' ...

REF is a cell ("C7") or names it by the keys dossier export hides, so a
test does not depend on where a row or column lands:

    {KEY}          基本信息: the value (column B) of the row keyed KEY
                   in column D ("{dates/approved}");
    {KEY}N         a list sheet: the column keyed KEY in row 2, row N
                   ("{@fulltime}3");
    {KEY}{ID}      the data table: the column keyed KEY, in the row whose
                   "@id" column holds ID ("{.}{staff_total}").

Prints each cell changed as SHEET!C7, one a line, in the order given.
VALUE is written as text; "n:12.5" writes a number, "" clears the cell.
"""
import re
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def column_keyed(ws, key):
    for cell in ws[2]:
        if cell.value == key:
            return cell.column
    sys.exit("%s: no column keyed %s" % (ws.title, key))


def resolve(ws, ref):
    m = re.fullmatch(r"\{([^}]*)\}(?:(\d+)|\{([^}]*)\})?", ref)
    if not m:
        return ref
    key, row, ident = m.groups()
    if row is None and ident is None:
        for r in range(1, ws.max_row + 1):
            if ws.cell(r, 4).value == key:
                return "B%d" % r
        sys.exit("%s: no row keyed %s" % (ws.title, key))
    col = column_keyed(ws, key)
    if ident is not None:
        idcol = column_keyed(ws, "@id")
        for r in range(3, ws.max_row + 1):
            if ws.cell(r, idcol).value == ident:
                row = r
                break
        else:
            sys.exit("%s: no row for %s" % (ws.title, ident))
    return "%s%s" % (get_column_letter(col), row)


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    for spec in sys.argv[3:]:
        where, value = spec.split("=", 1)
        sheet, ref = where.split("!", 1)
        ref = resolve(wb[sheet], ref)
        if value.startswith("n:"):
            value = float(value[2:])
        wb[sheet][ref].value = value if value != "" else None
        print("%s!%s" % (sheet, ref))
    wb.save(sys.argv[2])


if __name__ == "__main__":
    main()
