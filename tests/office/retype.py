#!/usr/bin/env python3
"""retype.py — write, with openpyxl, a new workbook holding the data of a
workbook dossier exported, typed the many ways office workers type it.

    python3 tests/office/retype.py IN.xlsx OUT.xlsx

Every sheet, every cell, written afresh by openpyxl (its own shared
strings, styles and no validation), and varied by position: a date as a
date in a 年月日 format, as the text 2023年1月1日, 2023/1/1 or 2023.1.1, or as
the bare Excel serial; a number as a number in its format, as the text it
shows, or in full-width digits; 是/否 as text or as a boolean cell. The
import must give back the same centre.xml.
"""
import datetime
import sys

import openpyxl

FULL = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


def shown(value, fmt):
    """The text Excel shows for a number in format fmt (#,##0.00 ...)."""
    dec = len(fmt.split(".")[1]) if "." in fmt else 0
    text = ("{:,.%df}" if "," in fmt else "{:.%df}") % dec
    return text.format(value)


def retype(value, fmt, k):
    if isinstance(value, datetime.datetime):
        d = value.date()
        way = k % 5
        if way == 0:
            return d, 'yyyy"年"m"月"d"日"'
        if way == 1:
            return "%d年%d月%d日" % (d.year, d.month, d.day), "General"
        if way == 2:
            return "%d/%d/%d" % (d.year, d.month, d.day), "General"
        if way == 3:
            return "%d.%d.%d" % (d.year, d.month, d.day), "General"
        return (d - datetime.date(1899, 12, 30)).days, "General"
    if isinstance(value, bool):
        return value, fmt
    if isinstance(value, (int, float)):
        way = k % 3
        if way == 0 or fmt in ("General", "0") and isinstance(value, float):
            return value, fmt
        text = shown(value, fmt) if fmt not in ("General",) else str(value)
        return (text if way == 1 else text.translate(FULL)), "General"
    if value in ("是", "否") and k % 2:
        return value == "是", "General"
    return value, "General"


def main():
    src = openpyxl.load_workbook(sys.argv[1])
    out = openpyxl.Workbook()
    out.remove(out.active)
    k = 0
    for ws in src.worksheets:
        new = out.create_sheet(ws.title)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                # the header and key rows of a list stay as they are
                value, fmt = (cell.value, "General") if cell.row <= 2 else \
                    retype(cell.value, cell.number_format, k)
                k += 1
                c = new.cell(row=cell.row, column=cell.column, value=value)
                c.number_format = fmt
    out.save(sys.argv[2])


if __name__ == "__main__":
    main()
