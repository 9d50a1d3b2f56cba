#!/usr/bin/python3
"""race_patch.py PKG ENTRY PATCH — for the race test of tests/suites/pack.sh.

Writes to PATCH the bytes that replace the stored (uncompressed) ENTRY's
data in PKG with other bytes of the same CRC-32, so that the ZIP layer's
own check still passes and only the manifest's SHA-256 can tell; prints
the offset in PKG where they go. The first 16 bytes of the entry are
changed and bytes 16..19 chosen (a 32 × 32 linear system over GF(2),
CRC-32 being linear in its input for a fixed length) to restore the CRC."""
import struct
import sys
import zipfile
import zlib

pkg, entry, out = sys.argv[1:4]
z = zipfile.ZipFile(pkg)
info = z.getinfo(entry)
assert info.compress_type == zipfile.ZIP_STORED, "entry must be stored"
data = bytearray(z.read(entry))
assert len(data) >= 24
raw = open(pkg, "rb").read()
h = info.header_offset
assert raw[h:h + 4] == b"PK\x03\x04"
nlen, elen = struct.unpack("<HH", raw[h + 26:h + 30])
start = h + 30 + nlen + elen
assert raw[start:start + len(data)] == bytes(data)

target = zlib.crc32(bytes(data))
new = bytearray(data)
for i in range(16):
    new[i] ^= 0x5A
W = 16  # the four bytes W..W+3 are solved for
base = zlib.crc32(bytes(new))
# column k: how flipping bit k of the window changes the CRC
cols = []
for k in range(32):
    t = bytearray(new)
    t[W + k // 8] ^= 1 << (k % 8)
    cols.append(zlib.crc32(bytes(t)) ^ base)
want = base ^ target
# Gaussian elimination: rows are CRC bits, columns window bits
rows = []
for bit in range(32):
    r = 0
    for k in range(32):
        if (cols[k] >> bit) & 1:
            r |= 1 << k
    rows.append([r, (want >> bit) & 1])
sol = 0
piv = []
for k in range(32):
    p = next((i for i in range(len(piv), 32) if (rows[i][0] >> k) & 1), None)
    if p is None:
        continue
    i = len(piv)
    rows[i], rows[p] = rows[p], rows[i]
    for j in range(32):
        if j != i and (rows[j][0] >> k) & 1:
            rows[j][0] ^= rows[i][0]
            rows[j][1] ^= rows[i][1]
    piv.append(k)
for i, k in enumerate(piv):
    if rows[i][1]:
        sol |= 1 << k
for k in range(32):
    if (sol >> k) & 1:
        new[W + k // 8] ^= 1 << (k % 8)
assert zlib.crc32(bytes(new)) == target, "no CRC-preserving change found"
assert new != data
open(out, "wb").write(bytes(new[:W + 4]))
print(start)
