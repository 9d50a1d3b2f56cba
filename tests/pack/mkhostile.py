#!/usr/bin/env python3
"""mkhostile.py — build the hostile-package corpus for tests/suites/pack.sh.

Usage: mkhostile.py RSA_PKG SM2_PKG KEYS OTHER OUTDIR

RSA_PKG and SM2_PKG are valid packages made by `dossier pack` (RSA and SM2
signers from the test PKI in KEYS); OTHER is a second, untrusted test PKI
(`dossier keygen`). Writes OUTDIR/<case>.asice and OUTDIR/cases.txt, one line
per case: "<case> <reason id dossier verify must give>".

Each case is one attack or defect from doc/package.md (the 23 cases of the
signed-package research notes and more). Unless a case says otherwise, the
manifest lists the hostile entry and is validly signed with the trusted test
key: a dishonest or compromised signer can do that, so the verifier must not
rely on the signature alone. The ZIP files are written byte by byte here (not
with zipfile), so every field can be made wrong on purpose.
"""
import base64
import hashlib
import os
import re
import struct
import subprocess
import sys
import tempfile
import urllib.parse
import zipfile
import zlib

DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1
DOS_TIME = 0
MIME = {".pdf": "application/pdf", ".txt": "text/plain", ".xml": "application/xml",
        ".md": "text/markdown"}


class Entry:
    """One ZIP entry; keyword arguments override what a honest writer would put."""

    def __init__(self, name, data, method=8, **kw):
        self.name = name.encode() if isinstance(name, str) else name
        self.data = data
        self.method = method
        self.flags = kw.get("flags", 0 if self.name == b"mimetype" else 0x0800)
        self.mode = kw.get("mode", 0o100644)
        self.made_by = kw.get("made_by", 0x0314)
        self.local_name = kw.get("local_name")
        self.lextra = kw.get("lextra", b"")
        self.cextra = kw.get("cextra", b"")
        self.crc = kw.get("crc")
        self.local_crc = kw.get("local_crc")
        self.usize = kw.get("usize")
        self.comp = kw.get("comp")
        self.offset = kw.get("offset")      # central offset override
        self.central_only = kw.get("central_only", False)
        self.gap_before = kw.get("gap_before", b"")
        self.csize_delta = kw.get("csize_delta", 0)
        self.z64_local = kw.get("z64_local", False)     # sizes in a local ZIP64 extra
        self.z64_central = kw.get("z64_central", "")    # fields moved to a central ZIP64 extra


def deflate(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def build(entries, prepend=b"", append=b"", comment=b"", shift=False, cd_junk=b"",
          eocd_count=None, zip64_eocd=False):
    """Serialise entries; returns bytes. `shift`: offsets count the prepended bytes.
    ZIP64 records are written where an entry or `zip64_eocd` asks for them,
    whatever the sizes, as the format allows."""
    out = bytearray(prepend)
    base = 0 if shift else len(prepend)
    central = bytearray()
    n = 0
    for e in entries:
        comp = e.comp if e.comp is not None else (e.data if e.method == 0 else deflate(e.data))
        crc = e.crc if e.crc is not None else zlib.crc32(e.data)
        usize = e.usize if e.usize is not None else len(e.data)
        csize = len(comp) + e.csize_delta
        need = 45 if (e.z64_local or e.z64_central) else 20
        if not e.central_only:
            out += e.gap_before
            off = len(out) - base
            lname = e.local_name if e.local_name is not None else e.name
            lextra = e.lextra
            ls, lu = csize, usize
            if e.z64_local:
                lextra = struct.pack("<HHQQ", 1, 16, usize, csize) + lextra
                ls = lu = 0xFFFFFFFF
            out += struct.pack("<IHHHHHIIIHH", 0x04034B50, need, e.flags, e.method, DOS_TIME,
                               DOS_DATE, e.local_crc if e.local_crc is not None else crc,
                               ls, lu, len(lname), len(lextra))
            out += lname + lextra + comp
        else:
            off = None
        if e.offset is not None:
            off = e.offset
        cextra, cs, cu, co = e.cextra, csize, usize, off
        if e.z64_central:
            vals = b""
            if "u" in e.z64_central:
                vals += struct.pack("<Q", usize)
                cu = 0xFFFFFFFF
            if "c" in e.z64_central:
                vals += struct.pack("<Q", csize)
                cs = 0xFFFFFFFF
            if "o" in e.z64_central:
                vals += struct.pack("<Q", off)
                co = 0xFFFFFFFF
            cextra = struct.pack("<HH", 1, len(vals)) + vals + cextra
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (e.made_by & 0xFF00) | need,
                               need, e.flags, e.method, DOS_TIME, DOS_DATE, crc, cs, cu,
                               len(e.name), len(cextra), 0, 0, 0, (e.mode << 16) & 0xFFFFFFFF, co)
        central += e.name + cextra
        n += 1
    cd_off = len(out) - base
    out += central + cd_junk
    count = n if eocd_count is None else eocd_count
    if zip64_eocd:
        rec = len(out) - base
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 0x032D, 45, 0, 0, n, n,
                           len(central) + len(cd_junk), cd_off)
        out += struct.pack("<IIQI", 0x07064B50, 0, rec, 1)
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                           0xFFFFFFFF, len(comment)) + comment
    else:
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count,
                           len(central) + len(cd_junk), cd_off, len(comment)) + comment
    return bytes(out + append)


def read_pkg(path):
    z = zipfile.ZipFile(path)
    ents = [(i.filename, z.read(i.filename), i.compress_type) for i in z.infolist()]
    return ents


def split_manifest(xml):
    head = xml[:xml.index("  <DataObjectReference")]
    tail = xml[xml.index("  <ASiCManifestExtensions"):]
    blocks = re.findall(r"  <DataObjectReference .*?</DataObjectReference>\n", xml, re.S)
    return head, blocks, tail


def block(name, data, role="evidence", size=None, sha=None, sm3=False, alg=None):
    uri = urllib.parse.quote(name if isinstance(name, str) else name.decode("utf-8", "replace"),
                             safe="/")
    ext = os.path.splitext(name if isinstance(name, str) else "")[1].lower()
    mime = MIME.get(ext, "application/octet-stream")
    digest = base64.b64encode(sha or hashlib.sha256(data).digest()).decode()
    sm3line = ""
    if sm3:
        s = base64.b64encode(sm3 if isinstance(sm3, bytes) else
                             hashlib.new("sm3", data).digest()).decode()
        sm3line = ('        <d:digest algorithm="urn:oid:1.2.156.10197.1.401">%s</d:digest>\n' % s)
    return ("  <DataObjectReference URI=\"%s\" MimeType=\"%s\">\n"
            "    <ds:DigestMethod Algorithm=\"%s\"/>\n"
            "    <ds:DigestValue>%s</ds:DigestValue>\n"
            "    <DataObjectReferenceExtensions>\n"
            "      <Extension Critical=\"false\">\n"
            "        <d:entry size=\"%d\" role=\"%s\" supports=\"\"/>\n"
            "%s"
            "      </Extension>\n"
            "    </DataObjectReferenceExtensions>\n"
            "  </DataObjectReference>\n") % (
                uri, mime, alg or "http://www.w3.org/2001/04/xmlenc#sha256", digest,
                len(data) if size is None else size, role, sm3line)


def run(*cmd, data=None):
    r = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode:
        sys.exit("mkhostile: %s failed: %s" % (cmd[0:3], r.stderr.decode()))
    return r.stdout


class Signer:
    def __init__(self, tmp):
        self.tmp = tmp

    def cms(self, manifest, key, cert, chain=None, noattr=False):
        m = os.path.join(self.tmp, "m.xml")
        s = os.path.join(self.tmp, "s.p7s")
        open(m, "wb").write(manifest)
        cmd = ["openssl", "cms", "-sign", "-binary", "-md", "sha256", "-nosmimecap",
               "-in", m, "-signer", cert, "-inkey", key, "-outform", "DER", "-out", s]
        cmd.append("-noattr" if noattr else "-cades")
        if chain:
            cmd += ["-certfile", chain]
        run(*cmd)
        return open(s, "rb").read()

    def sm2(self, manifest, key):
        m = os.path.join(self.tmp, "m.xml")
        s = os.path.join(self.tmp, "s.sm2")
        open(m, "wb").write(manifest)
        run("openssl", "dgst", "-sm3", "-sign", key, "-sigopt", "distid:1234567812345678",
            "-out", s, m)
        return open(s, "rb").read()


def main():
    rsa_pkg, sm2_pkg, keys, other, outdir = sys.argv[1:6]
    os.makedirs(outdir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="mkhostile-")
    sg = Signer(tmp)
    K = lambda n: os.path.join(keys, n)
    O = lambda n: os.path.join(other, n)
    cases = []

    base = read_pkg(rsa_pkg)
    man = dict((n, d) for n, d, _ in base)["META-INF/ASiCManifest.xml"].decode()
    data = [(n, d, m) for n, d, m in base if n != "mimetype" and not n.startswith("META-INF/")]
    head, blocks, tail = split_manifest(man)
    ev = [x for x in data if x[0].startswith("evidence/")]
    stored_ev = ev[0]

    def entries(data_list, meta):
        es = [Entry("mimetype", b"application/vnd.etsi.asic-e+zip", 0)]
        for n, d, m in data_list:
            es.append(Entry(n, d, m))
        for n, d in meta:
            es.append(Entry(n, d, 0 if n.endswith((".p7s", ".sm2")) else 8))
        return es

    def signed(extra_blocks=(), drop=(), replace=None, manifest=None):
        xml = manifest
        if xml is None:
            bl = [b for b in blocks if not any('URI="%s"' % urllib.parse.quote(d, safe="/") in b
                                               for d in drop)]
            if replace:
                bl = [replace(b) for b in bl]
            xml = head + "".join(bl) + "".join(extra_blocks) + tail
        xb = xml.encode()
        sig = sg.cms(xb, K("rsa.key"), K("rsa.pem"), K("chain.pem"))
        return [("META-INF/ASiCManifest.xml", xb), ("META-INF/signature.p7s", sig)]

    orig_meta = [("META-INF/ASiCManifest.xml", man.encode()),
                 ("META-INF/signature.p7s",
                  dict((n, d) for n, d, _ in base)["META-INF/signature.p7s"])]

    def save(name, reason, blob):
        open(os.path.join(outdir, name + ".asice"), "wb").write(blob)
        cases.append((name, reason))

    def hostile(name, reason, ename, edata, method=8, listed=True, **kw):
        meta = signed([block(ename, edata)]) if listed else orig_meta
        es = entries(data, [])
        es.append(Entry(ename, edata, method, **kw))
        es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
        save(name, reason, build(es))

    valid = build(entries(data, orig_meta))
    # control: the same package rebuilt by this writer must pass, so every
    # rejection below is due to its one defect
    save("c00-control", "pass", valid)
    # ZIP64 records where no size needs them are legal and must pass too,
    # in every combination a writer may choose (as packages over 4 GiB have)
    for tag, loc, cen, eocd in (("local", True, "", False), ("offset", False, "o", True),
                                ("sizes", True, "uc", False), ("all", True, "uco", True)):
        es = entries(data, orig_meta)
        for e in es[1:]:
            e.z64_local, e.z64_central = loc, cen
        save("c00-zip64-%s" % tag, "pass", build(es, zip64_eocd=eocd))

    # --- the 23 cases of the research notes (numbering kept) ---
    hostile("c01-zip-slip", "name-dotdot", "../../tmp/evil.sh", b"#!/bin/sh\necho owned\n")
    hostile("c02-absolute", "name-absolute", "/tmp/evil.sh", b"#!/bin/sh\n")
    hostile("c03-backslash", "name-backslash", "..\\..\\evil.bat", b"@echo owned\r\n")
    es = entries(data, orig_meta)
    es.insert(2, Entry("centre.xml", b"<centre>forged</centre>\n", 8))
    save("c04-duplicate", "name-duplicate", build(es))
    hostile("c05-unlisted", "manifest-unlisted", "evidence/E99-extra.pdf", b"%PDF-1.4 extra\n",
            method=0, listed=False)
    save("c06-missing", "manifest-missing-entry",
         build(entries([x for x in data if x[0] != stored_ev[0]], orig_meta)))
    forged = bytes((b ^ 0x5A) for b in stored_ev[1])
    es = entries(data, orig_meta)
    for e in es:
        if e.name == stored_ev[0].encode():
            e.data = forged
    save("c07-replaced-crc-ok", "digest-mismatch", build(es))
    es = entries(data, orig_meta)
    for e in es:
        if e.name == stored_ev[0].encode():
            e.crc = zlib.crc32(e.data)
            e.comp = e.data[:10] + bytes([e.data[10] ^ 1]) + e.data[11:]
            e.method = 0
    save("c08-byte-flipped", "crc-mismatch", build(es))
    edited = man.replace('centre="', 'centre="伪造')
    save("c09-manifest-edited", "signature-invalid",
         build(entries(data, [("META-INF/ASiCManifest.xml", edited.encode()), orig_meta[1]])))
    sig = sg.cms(man.encode(), O("rsa.key"), O("rsa.pem"), O("chain.pem"))
    save("c10-untrusted-signer", "signature-untrusted",
         build(entries(data, [orig_meta[0], ("META-INF/signature.p7s", sig)])))
    save("c11-truncated-tail", "zip-eocd", valid[:-10])
    save("c11b-truncated-half", "zip-eocd", valid[:len(valid) // 2])
    hostile("c12-symlink", "zip-symlink", "evidence/link.pdf", b"/etc/passwd", method=0,
            mode=0o120777)
    bomb = deflate(bytes(50 << 20))
    meta = signed([block("evidence/small.bin", b"x" * 1000)])
    es = entries(data, [])
    es.append(Entry("evidence/small.bin", b"x" * 1000, 8, comp=bomb, usize=1000))
    es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
    save("c13-lying-size", "inflate-overflow", build(es))
    hostile("c14-gbk-name", "name-utf8", "扫描件.pdf".encode("gbk"), b"%PDF", method=0,
            listed=False, flags=0)
    hostile("c14b-utf8-no-flag", "name-utf8-flag", "evidence/扫描件.pdf", b"%PDF", method=0,
            listed=False, flags=0)
    es = entries(data, orig_meta)
    es[3].local_name = es[3].name[:-4] + b"X.md" if es[3].name.endswith(b".md") else b"evil.pdf"
    save("c15-local-name", "zip-local-name", build(es))
    save("c16-prepended", "zip-prepended", build(entries(data, orig_meta), prepend=os.urandom(4096)))
    save("c16b-sfx-stub", "zip-prepended",
         build(entries(data, orig_meta), prepend=b"MZ" + os.urandom(4094), shift=True))
    save("c17-appended", "zip-trailing", valid + os.urandom(4096))
    es = entries(data, orig_meta)
    mt = es.pop(0)
    mt.method = 8
    es.append(mt)
    save("c18-mimetype-last", "mimetype", build(es))
    es = entries(data, orig_meta)
    es[0].method = 8
    save("c18b-mimetype-deflated", "mimetype", build(es))
    # 19: a second central record pointing at an existing local header
    es = entries(data, orig_meta)
    plain = build(es)
    zf = zipfile.ZipFile(__import__("io").BytesIO(plain))
    target = zf.getinfo(stored_ev[0])
    es.insert(es.index(next(e for e in es if e.name == stored_ev[0].encode())) + 1,
              Entry("evidence/evil.pdf", stored_ev[1], 0, central_only=True,
                    offset=target.header_offset))
    save("c19-shared-local-header", "zip-overlap", build(es))
    # 19b: an entry quoted inside another stored entry's data
    inner_name = b"evidence/inner.pdf"
    inner_data = b"%PDF-1.4 inner\n"
    inner_local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 0, DOS_TIME, DOS_DATE,
                              zlib.crc32(inner_data), len(inner_data), len(inner_data),
                              len(inner_name), 0) + inner_name + inner_data
    outer_data = b"%PDF-1.4 outer\n" + inner_local + b"%%EOF\n"
    meta = signed([block("evidence/inner.pdf", inner_data), block("evidence/outer.pdf", outer_data)])
    es = entries(data, [])
    es.append(Entry("evidence/outer.pdf", outer_data, 0))
    pre = build(es)  # to learn where outer's data starts
    zf = zipfile.ZipFile(__import__("io").BytesIO(pre))
    oi = zf.getinfo("evidence/outer.pdf")
    inner_off = oi.header_offset + 30 + len("evidence/outer.pdf") + len(b"%PDF-1.4 outer\n")
    es.append(Entry(inner_name, inner_data, 0, central_only=True, offset=inner_off))
    es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
    save("c19b-quoted-overlap", "zip-overlap", build(es))
    hostile("c20-encrypted", "zip-encrypted", "evidence/secret.pdf", b"%PDF secret", method=0,
            flags=0x0801)
    big = bytes(64 << 20)
    meta = signed([block("evidence/bomb.bin", big)])
    es = entries(data, [])
    es.append(Entry("evidence/bomb.bin", big, 8))
    es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
    save("c21-deflate-bomb", "limit-ratio", build(es))

    # --- more names ---
    hostile("c22-drive-letter", "name-drive", "C:evil.txt", b"x")
    hostile("c23-control-char", "name-control", "evidence/evil\x1b[31m.txt", b"x")
    meta = signed([block("evidence/Report.pdf", b"%PDF a"), block("evidence/report.pdf", b"%PDF b")])
    es = entries(data, []) + [Entry("evidence/Report.pdf", b"%PDF a", 0),
                              Entry("evidence/report.pdf", b"%PDF b", 0)]
    es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
    save("c24-case-duplicate", "name-duplicate-folded", build(es))
    hostile("c25-not-nfc", "name-not-nfc", "evidence/cafe\u0301.pdf", b"%PDF")
    meta = signed([block("evidence/a.pdf", b"%PDF a"), block("evidence/a.pdf/b.pdf", b"%PDF b")])
    es = entries(data, []) + [Entry("evidence/a.pdf", b"%PDF a", 0),
                              Entry("evidence/a.pdf/b.pdf", b"%PDF b", 0)]
    es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
    save("c26-file-and-folder", "name-file-folder", build(es))
    hostile("c27-directory-entry", "zip-directory", "evidence/dir/", b"", method=0,
            listed=False, mode=0o040755)
    hostile("c28-data-descriptor", "zip-data-descriptor", "evidence/dd.pdf", b"%PDF", method=0,
            flags=0x0808)
    up = b"evidence/other-name.pdf"
    ucrc = struct.pack("<I", zlib.crc32(b"evidence/up.pdf"))
    hostile("c29-unicode-path-extra", "zip-extra", "evidence/up.pdf", b"%PDF", method=0,
            cextra=struct.pack("<HH", 0x7075, 5 + len(up)) + b"\x01" + ucrc + up)
    save("c30-signature-removed", "meta-inf-missing", build(entries(data, [orig_meta[0]])))
    sig = sg.cms(man.encode(), K("rsa.key"), K("rsa.pem"), K("chain.pem"), noattr=True)
    save("c31-no-signed-attributes", "signature-attributes",
         build(entries(data, [orig_meta[0], ("META-INF/signature.p7s", sig)])))
    # a certificate from the trusted CA that is for TLS clients, not signing
    ck, cc = os.path.join(tmp, "client.key"), os.path.join(tmp, "client.pem")
    csr, ext = os.path.join(tmp, "client.csr"), os.path.join(tmp, "ext.cnf")
    open(ext, "w").write("[x]\nbasicConstraints=critical,CA:FALSE\n"
                         "keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n"
                         "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n")
    run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-out", ck)
    run("openssl", "req", "-new", "-key", ck, "-subj", "/C=CN/CN=TLS client (TEST)", "-out", csr)
    run("openssl", "x509", "-req", "-in", csr, "-CA", K("issuing-ca.pem"), "-CAkey",
        K("issuing-ca.key"), "-CAcreateserial", "-CAserial", os.path.join(tmp, "serial"),
        "-days", "30", "-sha256", "-extfile", ext, "-extensions", "x", "-out", cc)
    sig = sg.cms(man.encode(), ck, cc, K("chain.pem"))
    save("c32-client-auth-cert", "signer-usage",
         build(entries(data, [orig_meta[0], ("META-INF/signature.p7s", sig)])))
    doct = man.replace('<?xml version="1.0" encoding="UTF-8"?>\n',
                       '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE ASiCManifest [\n'
                       '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n', 1)
    save("c33-doctype", "manifest-xml", build(entries(data, signed(manifest=doct))))
    dup = head + "".join(blocks) + blocks[-1] + tail
    save("c34-manifest-duplicate", "manifest-duplicate", build(entries(data, signed(manifest=dup))))
    wrong = head + "".join(re.sub(r'size="(\d+)"', lambda m: 'size="%d"' % (int(m.group(1)) + 1), b, 1)
                           if i == 1 else b for i, b in enumerate(blocks)) + tail
    save("c35-manifest-size", "manifest-size", build(entries(data, signed(manifest=wrong))))
    es = entries(data, orig_meta)
    es.append(Entry("META-INF/evil.xml", b"<x/>", 8))
    save("c36-meta-inf-extra", "meta-inf-unexpected", build(es))

    # --- SM2 ---
    sbase = read_pkg(sm2_pkg)
    sman = dict((n, d) for n, d, _ in sbase)["META-INF/ASiCManifest.xml"]
    sdata = [(n, d, m) for n, d, m in sbase if n != "mimetype" and not n.startswith("META-INF/")]
    smeta = [(n, d) for n, d, _ in sbase if n.startswith("META-INF/")]
    flipped = [(n, (d[:-1] + bytes([d[-1] ^ 1])) if n.endswith(".sm2") else d) for n, d in smeta]
    save("c37-sm2-signature-tampered", "sm2-signature-invalid", build(entries(sdata, flipped)))
    shead, sblocks, stail = split_manifest(sman.decode())
    bad_sm3 = re.sub(r'(algorithm="urn:oid:1.2.156.10197.1.401">)([^<]+)',
                     lambda m: m.group(1) + base64.b64encode(bytes(32)).decode(), sblocks[0], 1)
    sx = (shead + bad_sm3 + "".join(sblocks[1:]) + stail).encode()
    ssig = sg.sm2(sx, K("sm2.key"))
    save("c38-sm3-mismatch", "sm3-mismatch",
         build(entries(sdata, [(n, sx if n.endswith(".xml") else ssig if n.endswith(".sm2") else d)
                              for n, d in smeta])))
    osig = sg.sm2(sman, O("sm2.key"))
    ocert = open(O("sm2.pem"), "rb").read()
    save("c39-sm2-untrusted", "sm2-untrusted",
         build(entries(sdata, [(n, osig if n.endswith(".sm2") else ocert if n.endswith("signer.pem")
                                else d) for n, d in smeta])))

    # --- more ZIP structure ---
    save("c40-zip-comment", "zip-comment", build(entries(data, orig_meta), comment=b"hello"))
    save("c41-zip64-placeholder", "zip-zip64", build(entries(data, orig_meta), eocd_count=0xFFFF))
    save("c42-empty-zip", "zip-empty", build([]))
    save("c43-not-a-zip", "zip-eocd", os.urandom(1000))
    hostile("c44-reserved-name", "name-reserved", "Meta-Inf/evil.xml", b"<x/>")
    hostile("c45-device-name", "name-device", "evidence/CON.pdf", b"%PDF")
    hostile("c46-trailing-dot", "name-trailing", "evidence/x.", b"x")
    sha1 = head + "".join(b.replace("xmlenc#sha256", "xmldsig#sha1") if i == 0 else b
                          for i, b in enumerate(blocks)) + tail
    save("c47-sha1-digest", "manifest-algorithm", build(entries(data, signed(manifest=sha1))))
    hostile("c48-stored-size", "zip-stored-size", "evidence/s.pdf", b"%PDF-1.4", method=0,
            usize=9, listed=False)
    es = entries(data, orig_meta)
    es[2].local_crc = (zlib.crc32(es[2].data) ^ 1)
    save("c49-local-crc", "zip-local-mismatch", build(es))
    es = entries(data, orig_meta)
    es[3].gap_before = b"hidden payload!!"
    save("c50-gap", "zip-gap", build(es))
    save("c51-central-junk", "zip-central", build(entries(data, orig_meta), cd_junk=b"junk" * 4))
    noncanon = head + blocks[0].replace('URI="centre.xml"', 'URI="%63entre.xml"') + \
        "".join(blocks[1:]) + tail
    save("c52-uri-not-canonical", "manifest-uri", build(entries(data, signed(manifest=noncanon))))
    hostile("c53-nul-in-name", "name-control", b"evidence/a\x00b.pdf", b"%PDF", listed=False)
    hostile("c54-char-device", "zip-not-regular", "evidence/tty.pdf", b"", method=0,
            listed=False, mode=0o020644)
    hostile("c55-method-bzip2", "zip-method", "evidence/b.pdf", b"%PDF", method=12,
            listed=False, comp=b"BZh9")

    with open(os.path.join(outdir, "cases.txt"), "w") as f:
        for n, r in cases:
            f.write("%s %s\n" % (n, r))
    print(len(cases))


if __name__ == "__main__":
    main()
