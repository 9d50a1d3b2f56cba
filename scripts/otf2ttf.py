#!/usr/bin/python3
"""otf2ttf.py IN.otf OUT.ttf — an OpenType/CFF font with TrueType outlines.

libharu 2.3.0 embeds only TrueType (glyf) fonts, and the free 仿宋 and bold
宋 dossier falls back to (Fandol Fang, Fandol Song Bold) ship as CFF. Every
glyph is redrawn through fontTools' cu2qu (cubic to quadratic curves, at
most 1 font unit off the original outline), the CFF table is replaced by
glyf/loca, maxp becomes version 1.0 and post format 3 (no glyph names:
nothing reads them, and a CID font's 8,000 "cidNNNNN" names only cost
space). Hinting is not added. The output is written to a temporary file
and renamed, so a failed run leaves nothing behind.

Needs python3-fonttools (Debian). Run at build time by scripts/fonts.sh.
"""
import os
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERR = 1.0  # font units (1/1000 em for Fandol)


def convert(src, dst):
    font = TTFont(src)
    if "CFF " not in font:
        raise SystemExit("otf2ttf: %s has no CFF outlines" % src)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # TrueType contours run clockwise, PostScript ones counter-clockwise
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    for t in ("VORG", "CFF2"):
        if t in font:
            del font[t]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    for k in ("maxZones",):
        setattr(maxp, k, 1)
    for k in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
              "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
              "maxComponentDepth"):
        setattr(maxp, k, 0)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"
    tmp = "%s.tmp.%d" % (dst, os.getpid())
    try:
        font.save(tmp)  # recalculates bounding boxes and maxp
        os.replace(tmp, dst)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[0])
    convert(sys.argv[1], sys.argv[2])
