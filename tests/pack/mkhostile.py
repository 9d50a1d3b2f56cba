#!/usr/bin/env python3
"""mkhostile.py — build the hostile-package corpus for tests/suites/pack.sh.

Usage: mkhostile.py RSA_PKG SM2_PKG KEYS OTHER OUTDIR

RSA_PKG and SM2_PKG are valid packages made by `dossier pack` (RSA and SM2
signers from the test PKI in KEYS); OTHER is a second, untrusted test PKI
(`dossier keygen`). Writes OUTDIR/<case>.asice and OUTDIR/cases.txt, one line
per case: "<case> <reason id dossier verify must give> [verify options]".
Round two (more_cases) adds every refusal of doc/package.md in the forms an
attacker writes it; the CMS cases take the genuine .p7s apart (class P7) and
put it back changed, re-signing the signed attributes with KEYS/rsa.key when
they change, as a dishonest signer would.

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
        self.z64_len = kw.get("z64_len")                # that extra cut or padded to this
        self.ext_attr = kw.get("ext_attr")              # external attributes, as they are
        self.needed = kw.get("needed")                  # "version needed" of both headers
        self.disk = kw.get("disk", 0)                   # central "disk number start"
        self.local = kw.get("local", {})                # local header fields that differ:
                                                        # method, flags, time, usize, csize


def deflate(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def build(entries, prepend=b"", append=b"", comment=b"", shift=False, cd_junk=b"",
          eocd_count=None, zip64_eocd=False, after_cd=b"", after_data=b"", eocd_disk=0,
          z64_disks=1, z64_count=None, z64_rec=None):
    """Serialise entries; returns bytes. `shift`: offsets count the prepended bytes.
    ZIP64 records are written where an entry or `zip64_eocd` asks for them,
    whatever the sizes, as the format allows. `after_data`: bytes between the
    last entry and the central directory; `after_cd`: bytes between the central
    directory and the end records, counted in neither."""
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
        if e.needed is not None:
            need = e.needed
        lo = e.local
        if not e.central_only:
            out += e.gap_before
            off = len(out) - base
            lname = e.local_name if e.local_name is not None else e.name
            lextra = e.lextra
            ls, lu = csize, usize
            if e.z64_local:
                lextra = struct.pack("<HHQQ", 1, 16, usize, csize) + lextra
                ls = lu = 0xFFFFFFFF
            out += struct.pack("<IHHHHHIIIHH", lo.get("sig", 0x04034B50), need,
                               lo.get("flags", e.flags), lo.get("method", e.method),
                               lo.get("time", DOS_TIME), DOS_DATE,
                               e.local_crc if e.local_crc is not None else crc,
                               lo.get("csize", ls), lo.get("usize", lu),
                               lo.get("nlen", len(lname)), len(lextra))
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
            if e.z64_len is not None:
                vals = (vals + bytes(e.z64_len))[:e.z64_len]
            cextra = struct.pack("<HH", 1, len(vals)) + vals + cextra
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (e.made_by & 0xFF00) | need,
                               need, e.flags, e.method, DOS_TIME, DOS_DATE, crc, cs, cu,
                               len(e.name), len(cextra), 0, e.disk, 0,
                               e.ext_attr if e.ext_attr is not None else (e.mode << 16) & 0xFFFFFFFF,
                               co)
        central += e.name + cextra
        n += 1
    out += after_data
    cd_off = len(out) - base
    out += central + cd_junk + after_cd
    count = n if eocd_count is None else eocd_count
    if zip64_eocd:
        rec = len(out) - base
        zc = n if z64_count is None else z64_count
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 0x032D, 45, 0, 0, zc, zc,
                           len(central) + len(cd_junk), cd_off)
        out += struct.pack("<IIQI", 0x07064B50, 0, rec if z64_rec is None else z64_rec,
                           z64_disks)
        ec = 0xFFFF if eocd_count is None else eocd_count
        out += struct.pack("<IHHHHIIH", 0x06054B50, eocd_disk, 0, ec, ec, 0xFFFFFFFF,
                           0xFFFFFFFF, len(comment)) + comment
    else:
        out += struct.pack("<IHHHHIIH", 0x06054B50, eocd_disk, 0, count, count,
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


def cert_der(pem):
    """DER of the first certificate of PEM bytes."""
    b64 = re.search(rb"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", pem, re.S)
    return base64.b64decode(b"".join(b64.group(1).split()))


def bind_sm2(manifest, cert_pem):
    """The SM2 manifest naming another signer certificate (certificate-sm3)."""
    d = base64.b64encode(hashlib.new("sm3", cert_der(cert_pem)).digest())
    return re.sub(rb'certificate-sm3="[^"]*"', b'certificate-sm3="' + d + b'"', manifest)


def run(*cmd, data=None):
    r = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode:
        sys.exit("mkhostile: %s failed: %s" % (cmd[0:3], r.stderr.decode()))
    return r.stdout


class Signer:
    def __init__(self, tmp):
        self.tmp = tmp

    def cms(self, manifest, key, cert, chain=None, noattr=False, md="sha256"):
        m = os.path.join(self.tmp, "m.xml")
        s = os.path.join(self.tmp, "s.p7s")
        open(m, "wb").write(manifest)
        cmd = ["openssl", "cms", "-sign", "-binary", "-md", md, "-nosmimecap",
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


# ---- DER, as an attacker edits a signature file ----

def der_len(n):
    if n < 128:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, content):
    return bytes([tag]) + der_len(len(content)) + content


def der_items(b):
    """The TLVs of b, each as (tag, content, raw)."""
    out, i = [], 0
    while i < len(b):
        tag, n, j = b[i], b[i + 1], i + 2
        if n & 0x80:
            k = n & 0x7F
            n, j = int.from_bytes(b[j:j + k], "big"), j + k
        out.append((tag, b[j:j + n], b[i:j + n]))
        i = j + n
    return out


def oid(dotted):
    parts = [int(x) for x in dotted.split(".")]
    body = bytes([40 * parts[0] + parts[1]])
    for v in parts[2:]:
        enc = [v & 0x7F]
        v >>= 7
        while v:
            enc.append(0x80 | (v & 0x7F))
            v >>= 7
        body += bytes(reversed(enc))
    return tlv(0x06, body)


def der_set(items):
    return tlv(0x31, b"".join(sorted(items)))


def attr(type_oid, *values):
    return tlv(0x30, oid(type_oid) + tlv(0x31, b"".join(values)))


OID_CTYPE, OID_MD, OID_TIME = "1.2.840.113549.1.9.3", "1.2.840.113549.1.9.4", "1.2.840.113549.1.9.5"
OID_DATA, OID_SIGNED = "1.2.840.113549.1.7.1", "1.2.840.113549.1.7.2"


class P7:
    """A CAdES .p7s taken apart into the fields an attacker edits; bytes()
    puts it back (signedAttrs as given, so an unsorted SET stays unsorted)."""

    def __init__(self, der):
        ci = der_items(der)[0][1]
        sd = der_items(der_items(ci)[1][1])[0][1]
        f = der_items(sd)
        self.version, self.dalgs, self.eci = f[0][2], f[1][2], f[2][2]
        self.certs = self.crls = None
        rest = f[3:]
        if rest[0][0] == 0xA0:
            self.certs = [x[2] for x in der_items(rest[0][1])]
            rest = rest[1:]
        if rest[0][0] == 0xA1:
            self.crls = rest[0][2]
            rest = rest[1:]
        self.signers = [x[2] for x in der_items(rest[0][1])]
        si = der_items(der_items(self.signers[0])[0][1])
        self.sver, self.sid, self.dalg = si[0][2], si[1][2], si[2][2]
        self.sattrs = [x[2] for x in der_items(si[3][1])]
        self.salg, self.sig = si[4][2], si[5][2]
        self.uattrs = [x[2] for x in der_items(si[6][1])] if len(si) > 6 else None

    def attr_value(self, type_oid):
        for a in self.sattrs:
            t, vals = der_items(der_items(a)[0][1])
            if t[2] == oid(type_oid):
                return der_items(vals[1])[0][2]
        return None

    def set_attrs(self, attrs, key, md="sha256", sort=True):
        """New signed attributes, signed with `key` (RSA, PKCS#1 v1.5)."""
        self.sattrs = sorted(attrs) if sort else list(attrs)
        blob = tlv(0x31, b"".join(self.sattrs))
        r = subprocess.run(["openssl", "dgst", "-" + md, "-sign", key], input=blob,
                           stdout=subprocess.PIPE, check=True)
        self.sig = tlv(0x04, r.stdout)

    def signer(self):
        body = self.sver + self.sid + self.dalg + tlv(0xA0, b"".join(self.sattrs)) + \
            self.salg + self.sig
        if self.uattrs is not None:
            body += tlv(0xA1, b"".join(self.uattrs))
        return tlv(0x30, body)

    def __bytes__(self):
        signers = [self.signer()] + self.signers[1:]
        sd = self.version + self.dalgs + self.eci
        if self.certs is not None:
            sd += tlv(0xA0, b"".join(self.certs))
        if self.crls is not None:
            sd += self.crls
        sd += tlv(0x31, b"".join(signers))
        return tlv(0x30, oid(OID_SIGNED) + tlv(0xA0, tlv(0x30, sd)))


def issue(tmp, name, subj, ca_cert, ca_key, key_alg, md="sha256", ku="digitalSignature,nonRepudiation",
          sm2=False, ca=False):
    """A key and a certificate for it from the given CA; returns (key, cert) paths."""
    k, c = os.path.join(tmp, name + ".key"), os.path.join(tmp, name + ".pem")
    csr, ext = os.path.join(tmp, name + ".csr"), os.path.join(tmp, name + ".cnf")
    run("openssl", "genpkey", "-out", k, *key_alg)
    open(ext, "w").write("[x]\nbasicConstraints=critical,CA:%s\nkeyUsage=critical,%s\n"
                         "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
                         % ("TRUE" if ca else "FALSE", "keyCertSign,cRLSign" if ca else ku))
    gm = ["-sigopt", "distid:1234567812345678"] if sm2 else []
    run("openssl", "req", "-new", "-key", k, "-subj", subj, "-out", csr, *(["-sm3"] + gm if sm2 else []))
    run("openssl", "x509", "-req", "-in", csr, "-CA", ca_cert, "-CAkey", ca_key, "-CAcreateserial",
        "-CAserial", os.path.join(tmp, "serial"), "-days", "30", *(["-" + md] if md else []), *gm,
        *(["-vfyopt", "distid:1234567812345678"] if sm2 else []),
        "-extfile", ext, "-extensions", "x", "-out", c)
    return k, c


def issue_dated(tmp, name, subj, ca_cert, ca_key, start, end):
    """An RSA signer certificate valid from `start` to `end` (YYYYMMDDHHMMSSZ), made with
    `openssl ca`, the one OpenSSL 3.0 tool that takes explicit dates."""
    d = os.path.join(tmp, "ca-" + name)
    os.makedirs(d)
    open(os.path.join(d, "index.txt"), "w").close()
    open(os.path.join(d, "serial"), "w").write("1000\n")
    cnf = os.path.join(d, "ca.cnf")
    open(cnf, "w").write("[ca]\ndefault_ca=c\n[c]\ndatabase=%s/index.txt\nnew_certs_dir=%s\n"
                         "serial=%s/serial\ndefault_md=sha256\npolicy=p\nunique_subject=no\n"
                         "[p]\ncommonName=supplied\n[x]\nbasicConstraints=critical,CA:FALSE\n"
                         "keyUsage=critical,digitalSignature,nonRepudiation\n"
                         "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n" % (d, d, d))
    k, csr, c = os.path.join(d, "k.pem"), os.path.join(d, "r.csr"), os.path.join(d, "c.pem")
    run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", k)
    run("openssl", "req", "-new", "-key", k, "-subj", subj, "-out", csr)
    run("openssl", "ca", "-batch", "-notext", "-config", cnf, "-extensions", "x", "-cert", ca_cert,
        "-keyfile", ca_key, "-startdate", start, "-enddate", end, "-in", csr, "-out", c)
    return k, c


def more_cases(L):
    """Round two: the signer bound to the SM2 signature, the algorithm policy,
    the aggregate cap, every rule of RFC 5652 a verifier can check, nothing
    unsigned, and every refusal of doc/package.md in the forms an attacker
    writes it (each encoding, case and spelling)."""
    data, orig_meta, man, blocks, head, tail = (L[k] for k in ("data", "orig_meta", "man",
                                                               "blocks", "head", "tail"))
    entries, signed, save, hostile, sg, K, O, tmp = (L[k] for k in (
        "entries", "signed", "save", "hostile", "sg", "K", "O", "tmp"))
    sdata, smeta, sman = L["sdata"], L["smeta"], L["sman"]
    p7 = dict(orig_meta)["META-INF/signature.p7s"]
    assert bytes(P7(p7)) == p7, "P7 must give back the signature it took apart"

    def with_p7s(sig, manifest=None):
        return build(entries(data, [("META-INF/ASiCManifest.xml", manifest or man.encode()),
                                    ("META-INF/signature.p7s", sig)]))

    def p7case(name, reason, edit):
        c = P7(p7)
        edit(c)
        save(name, reason, with_p7s(bytes(c)))

    def signer_case(name, reason, key, cert, chain=K("chain.pem"), md="sha256"):
        save(name, reason, with_p7s(sg.cms(man.encode(), key, cert, chain, md=md)))

    # --- the CAdES signer: the algorithm policy ---
    ica, ika = K("issuing-ca.pem"), K("issuing-ca.key")
    rsa = lambda bits: ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:%d" % bits]
    ec = lambda curve: ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve]
    signer_case("c57-rsa1024-signer", "policy-rsa-size",
                *issue(tmp, "rsa1024", "/C=CN/CN=RSA-1024 signer (TEST)", ica, ika, rsa(1024)))
    signer_case("c58-rsa512-signer", "policy-rsa-size",
                *issue(tmp, "rsa512", "/C=CN/CN=RSA-512 signer (TEST)", ica, ika, rsa(512)))
    signer_case("c59-sha1-signer-cert", "policy-cert-hash",
                *issue(tmp, "sha1", "/C=CN/CN=SHA-1 signed (TEST)", ica, ika, rsa(2048), md="sha1"))
    signer_case("c60-secp256k1-signer", "policy-curve",
                *issue(tmp, "k1", "/C=CN/CN=secp256k1 signer (TEST)", ica, ika, ec("secp256k1")))
    signer_case("c61-sha1-cms-digest", "signature-algorithm", K("rsa.key"), K("rsa.pem"), md="sha1")
    # every link of the chain: a weak intermediate under the trusted root
    for tag, alg, md, reason in (("rsa1024", rsa(1024), "sha256", "policy-rsa-size"),
                                 ("sha1", ec("P-256"), "sha1", "policy-cert-hash")):
        ik, ic = issue(tmp, "inter-" + tag, "/C=CN/CN=Weak intermediate %s (TEST)" % tag,
                       K("ca.pem"), K("ca.key"), alg, md=md, ca=True)
        sk, sc = issue(tmp, "below-" + tag, "/C=CN/CN=Signer below %s (TEST)" % tag, ic, ik,
                       ec("P-256"))
        signer_case("c62-weak-intermediate-" + tag, reason, sk, sc, ic)
    # an intermediate whose key is of a type the policy does not know (DSA,
    # signing the leaf with SHA-256, so the leaf itself passes)
    params = os.path.join(tmp, "dsa-params.pem")
    run("openssl", "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024",
        "-out", params)
    ik, ic = issue(tmp, "inter-dsa", "/C=CN/CN=DSA intermediate (TEST)", K("ca.pem"), K("ca.key"),
                   ["-paramfile", params], ca=True)
    sk, sc = issue(tmp, "below-dsa", "/C=CN/CN=Signer below DSA (TEST)", ic, ik, ec("P-256"))
    signer_case("c62-weak-intermediate-dsa", "policy-key-type", sk, sc, ic)
    # a signer certificate that has expired (valid 2020-2021), and one for
    # certificate signing only
    ek, ecert = issue_dated(tmp, "expired", "/CN=Expired signer (TEST)", ica, ika,
                            "20200101000000Z", "20210101000000Z")
    signer_case("c63-signer-expired", "signer-expired", ek, ecert)
    signer_case("c64-key-usage-agreement", "signer-usage",
                *issue(tmp, "agree", "/C=CN/CN=Key agreement only (TEST)", ica, ika, ec("P-256"),
                       ku="keyAgreement"))

    # --- the CAdES file: nothing unsigned, strict DER, RFC 5652 ---
    big = attr("1.2.3.4.5", tlv(0x04, b"\x5a" * (68 << 10)))
    p7case("c65-p7s-unsigned-attribute", "signature-unsigned-attribute",
           lambda c: setattr(c, "uattrs", [big]))
    p7case("c65b-p7s-countersignature", "signature-unsigned-attribute",
           lambda c: setattr(c, "uattrs", [attr("1.2.840.113549.1.9.6", c.signer())]))
    tst = "1.2.840.113549.1.9.16.2.14"
    p7case("c65c-p7s-timestamp-token-junk", "timestamp-format",
           lambda c: setattr(c, "uattrs", [attr(tst, tlv(0x30, b""))]))
    p7case("c65e-p7s-two-timestamp-attributes", "signature-unsigned-attribute",
           lambda c: setattr(c, "uattrs", [attr(tst, tlv(0x30, b"")), attr(tst, tlv(0x30, b""))]))
    p7case("c65f-p7s-timestamp-two-values", "signature-unsigned-attribute",
           lambda c: setattr(c, "uattrs", [attr(tst, tlv(0x30, b""), tlv(0x30, b"\x05\x00"))]))
    p7case("c65d-p7s-empty-unsigned-attributes", "signature-format",
           lambda c: setattr(c, "uattrs", []))
    save("c66-p7s-trailing-bytes", "signature-format", with_p7s(p7 + b"\0" * 16))
    # BER: the same structure with an indefinite length outside
    ci = der_items(p7)[0][1]
    save("c66b-p7s-indefinite-length", "signature-encoding",
         with_p7s(b"\x30\x80" + ci + b"\0\0"))
    save("c66c-p7s-long-form-length", "signature-encoding",
         with_p7s(b"\x30\x84" + len(ci).to_bytes(4, "big") + ci))

    def resign(attrs, **kw):
        def edit(c):
            c.set_attrs(attrs(c), K("rsa.key"), **kw)
        return edit

    def others(c, *drop):
        return [a for a in c.sattrs if der_items(der_items(a)[0][1])[0][2] not in
                [oid(d) for d in drop]]
    ctype_other = attr(OID_CTYPE, oid(OID_SIGNED))
    p7case("c67-content-type-mismatch", "signature-content-type",
           resign(lambda c: others(c, OID_CTYPE) + [ctype_other]))
    p7case("c67b-content-type-twice", "signature-attributes",
           resign(lambda c: others(c) + [ctype_other]))
    md = lambda c: c.attr_value(OID_MD)
    p7case("c67c-message-digest-twice", "signature-attributes",
           resign(lambda c: others(c) + [attr(OID_MD, tlv(0x04, bytes(32)))]))
    p7case("c67d-message-digest-two-values", "signature-attributes",
           resign(lambda c: others(c, OID_MD) + [attr(OID_MD, *sorted([md(c), tlv(0x04, bytes(32))]))]))
    p7case("c67e-message-digest-missing", "signature-attributes",
           resign(lambda c: others(c, OID_MD)))
    p7case("c67f-unknown-signed-attribute", "signature-attributes",
           resign(lambda c: others(c) + [attr("1.2.840.113549.1.9.16.2.4", tlv(0x30, tlv(0x0C, b"x")))]))
    p7case("c67g-signing-time-generalized", "signature-attributes",
           resign(lambda c: others(c, OID_TIME) + [attr(OID_TIME, tlv(0x18, b"20260320000000Z"))]))
    p7case("c67h-signed-attributes-unsorted", "signature-encoding",
           resign(lambda c: sorted(c.sattrs, reverse=True), sort=False))
    p7case("c67i-signing-time-before-validity", "signing-time",
           resign(lambda c: others(c, OID_TIME) + [attr(OID_TIME, tlv(0x17, b"000101000000Z"))]))
    p7case("c68-signeddata-version", "signature-format",
           lambda c: setattr(c, "version", tlv(0x02, b"\x03")))
    p7case("c68b-signerinfo-version", "signature-format",
           lambda c: setattr(c, "sver", tlv(0x02, b"\x03")))
    sha1_alg = tlv(0x30, oid("1.3.14.3.2.26") + tlv(0x05, b""))
    p7case("c68c-digest-algorithms-extra", "signature-format",
           lambda c: setattr(c, "dalgs", der_set([der_items(c.dalgs)[0][1], sha1_alg])))
    p7case("c68d-digest-algorithms-empty", "signature-format",
           lambda c: setattr(c, "dalgs", tlv(0x31, b"")))
    p7case("c68e-signature-algorithm-other-hash", "signature-algorithm",
           lambda c: setattr(c, "salg", tlv(0x30, oid("1.2.840.113549.1.1.13") + tlv(0x05, b""))))
    p7case("c69-p7s-crls", "signature-format",
           lambda c: setattr(c, "crls", tlv(0xA1, tlv(0x30, tlv(0x30, b"")))))
    stranger = open(O("ca.pem"), "rb").read()
    p7case("c69b-p7s-extra-certificate", "signature-extra-certificate",
           lambda c: setattr(c, "certs", sorted(c.certs + [cert_der(stranger)])))
    p7case("c69c-p7s-attribute-certificate", "signature-format",
           lambda c: setattr(c, "certs", sorted(c.certs + [tlv(0xA2, b"")])))
    p7case("c69d-p7s-signer-certificate-removed", "signature-format",
           lambda c: setattr(c, "certs", [x for x in c.certs if x != cert_der(open(K("rsa.pem"), "rb").read())]))
    p7case("c69e-p7s-two-signers", "signature-format",
           lambda c: setattr(c, "signers", [c.signer(), c.signer()]))
    p7case("c69f-p7s-econtent-type-other", "signature-format",
           lambda c: setattr(c, "eci", tlv(0x30, oid("1.2.840.113549.1.9.16.1.4"))))
    p7case("c69g-p7s-not-detached", "signature-format",
           lambda c: setattr(c, "eci", tlv(0x30, oid(OID_DATA) + tlv(0xA0, tlv(0x04, man.encode())))))

    # --- SM2: the signer bound, the files exact ---
    sm = dict(smeta)
    cert_pem = sm["META-INF/sm2-signer.pem"]

    def sm2_pkg(name, reason, manifest=None, sig=None, cert=None, chain=None):
        m = manifest if manifest is not None else sman
        if manifest is not None and sig is None:
            sig = sg.sm2(m, K("sm2.key"))
        meta = [("META-INF/ASiCManifest.xml", m),
                ("META-INF/signature.sm2", sig if sig is not None else sm["META-INF/signature.sm2"]),
                ("META-INF/sm2-signer.pem", cert if cert is not None else cert_pem)]
        if chain is not None:
            meta.append(("META-INF/sm2-chain.pem", chain))
        save(name, reason, build(entries(sdata, meta)))

    csr, swapped = os.path.join(tmp, "swap.csr"), os.path.join(tmp, "swap.pem")
    ext = os.path.join(tmp, "swap.cnf")
    open(ext, "w").write("[x]\nbasicConstraints=critical,CA:FALSE\n"
                         "keyUsage=critical,digitalSignature,nonRepudiation\n"
                         "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n")
    gm = ["-sigopt", "distid:1234567812345678"]
    run("openssl", "req", "-new", "-key", K("sm2.key"), "-subj", "/C=CN/O=Another unit/CN=Someone else (TEST)",
        "-sm3", *gm, "-out", csr)
    run("openssl", "x509", "-req", "-in", csr, "-CA", K("sm2-ca.pem"), "-CAkey", K("sm2-ca.key"),
        "-CAcreateserial", "-CAserial", os.path.join(tmp, "serial-sm2"), "-days", "30", "-sm3", *gm,
        "-vfyopt", "distid:1234567812345678", "-extfile", ext, "-extensions", "x", "-out", swapped)
    # the same key, certified by the same trusted CA for someone else
    sm2_pkg("c56-sm2-certificate-swapped", "sm2-signer-mismatch", cert=open(swapped, "rb").read())
    sm2_pkg("c70-sm2-signer-file-text", "sm2-certificate-file",
            cert=b"Signer certificate of the centre\n" + cert_pem + b"see also our web site\n")
    sm2_pkg("c70b-sm2-signer-file-private-key", "sm2-certificate-file",
            cert=cert_pem + open(K("sm2.key"), "rb").read())
    sm2_pkg("c70c-sm2-signer-file-two-certificates", "sm2-certificate-file",
            cert=cert_pem + open(K("sm2-ca.pem"), "rb").read())
    sm2_pkg("c70d-sm2-signer-file-der", "sm2-certificate-file", cert=cert_der(cert_pem))
    sm2_pkg("c70e-sm2-signer-file-crlf", "sm2-certificate-file", cert=cert_pem.replace(b"\n", b"\r\n"))
    sm2_pkg("c70f-sm2-signer-file-old-label", "sm2-certificate-file",
            cert=cert_pem.replace(b"CERTIFICATE-----", b"X509 CERTIFICATE-----"))
    sm2_pkg("c70g-sm2-signer-file-too-large", "limit-meta", cert=cert_pem + b" " * (64 << 10))
    chained = sman.replace(b'certificate="META-INF/sm2-signer.pem"',
                           b'certificate="META-INF/sm2-signer.pem" chain="META-INF/sm2-chain.pem"')
    sm2_pkg("c71-sm2-chain-file-junk", "sm2-certificate-file", manifest=chained,
            chain=open(K("sm2-ca.pem"), "rb").read() + b"junk\n")
    sm2_pkg("c71b-sm2-chain-extra-certificate", "signature-extra-certificate", manifest=chained,
            chain=open(O("sm2-ca.pem"), "rb").read())
    ssig = sm["META-INF/signature.sm2"]
    sm2_pkg("c72-sm2-signature-trailing-byte", "sm2-signature-format", sig=ssig + b"\0")
    body = der_items(ssig)[0][1]
    sm2_pkg("c72b-sm2-signature-long-form-length", "sm2-signature-format",
            sig=b"\x30\x81" + bytes([len(body)]) + body)
    unbound = re.sub(rb' certificate-sm3="[^"]*"', b"", sman)
    sm2_pkg("c73-sm2-signer-unbound", "manifest-structure", manifest=unbound)

    # --- the aggregate cap: many entries, each under the ratio cap ---
    mib = bytes(1 << 20)
    z = deflate(mib)
    names = ["evidence/bomb/%04d.bin" % i for i in range(1024)]
    meta = signed([block(n, mib) for n in names])
    es = entries(data, [])
    es += [Entry(n, mib, 8, comp=z) for n in names]
    es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
    save("c74-many-entries-bomb", "limit-expansion", build(es))
    # the limits the options set, on the valid package (and 2 MiB of random
    # a and b, which deflate about 6:1, for the ratio)
    valid = build(entries(data, orig_meta))
    ab = bytes(97 + (x & 1) for x in os.urandom(2 << 20))
    for tag, reason, opt in (("entries", "limit-entries", "--max-entries 5"),
                             ("entry-size", "limit-entry-size", "--max-entry-size 1000"),
                             ("total", "limit-total-size", "--max-total 10000"),
                             ("package", "limit-package-size", "--max-package 1000"),
                             ("expansion", "limit-expansion", "--max-expansion 1"),
                             ("ratio", "limit-ratio", "--max-ratio 2")):
        save("c75-limit-" + tag, reason, valid if tag != "ratio" else build(
            entries(data, []) + [Entry("evidence/z.bin", ab, 8)] +
            [Entry(n, d, 0 if n.endswith(".p7s") else 8)
             for n, d in signed([block("evidence/z.bin", ab)])]), opt)

    # --- ZIP structure, each form ---
    def variant(name, reason, edit=None, **kw):
        es = entries(data, orig_meta)
        if edit:
            edit(es)
        save(name, reason, build(es, **kw))

    def on(i, **fields):
        def edit(es):
            for k, v in fields.items():
                setattr(es[i], k, v)
        return edit
    variant("c76-multidisk-eocd", "zip-multidisk", eocd_disk=1)
    variant("c76b-multidisk-central", "zip-multidisk", on(2, disk=1))
    variant("c76c-multidisk-zip64-locator", "zip-multidisk", zip64_eocd=True, z64_disks=2)
    variant("c77-gap-after-last-entry", "zip-gap", after_data=b"hidden payload!!")
    variant("c77b-gap-before-end-record", "zip-gap", after_cd=b"hidden payload!!")
    variant("c78-local-method", "zip-local-mismatch", on(2, local={"method": 0}))
    variant("c78b-local-size", "zip-local-mismatch", on(2, local={"usize": 1}))
    variant("c78c-local-flags", "zip-local-mismatch", on(2, local={"flags": 0x0802}))
    variant("c78d-local-time", "zip-local-mismatch", on(2, local={"time": 0x1234}))
    hostile("c79-encrypted-strong", "zip-encrypted", "evidence/s.pdf", b"%PDF", method=0,
            listed=False, flags=0x0841)
    hostile("c79b-encrypted-masked-headers", "zip-encrypted", "evidence/s.pdf", b"%PDF", method=0,
            listed=False, flags=0x2800)
    hostile("c79c-encrypted-aes-method", "zip-encrypted", "evidence/s.pdf", b"%PDF", method=99,
            listed=False)
    hostile("c79d-encrypted-aes-extra", "zip-encrypted", "evidence/s.pdf", b"%PDF", method=0,
            listed=False, cextra=struct.pack("<HHH2sBH", 0x9901, 7, 2, b"AE", 3, 0))
    hostile("c80-unknown-flag", "zip-flags", "evidence/f.pdf", b"%PDF", method=0, listed=False,
            flags=0x0810)
    hostile("c80b-extra-local-only", "zip-extra", "evidence/t.pdf", b"%PDF", method=0,
            listed=False, lextra=struct.pack("<HHBI", 0x5455, 5, 1, 0))
    hostile("c80c-extra-ntfs", "zip-extra", "evidence/t.pdf", b"%PDF", method=0, listed=False,
            cextra=struct.pack("<HHI", 0x000A, 4, 0))
    hostile("c81-method-lzma", "zip-method", "evidence/l.pdf", b"%PDF", method=14, listed=False,
            comp=b"\x00" * 8)
    hostile("c81b-method-deflate64", "zip-method", "evidence/l.pdf", b"%PDF", method=9,
            listed=False, comp=b"\x00" * 8)
    hostile("c82-directory-slash", "zip-directory", "evidence/dir/", b"", method=0, listed=False)
    hostile("c82b-directory-dos-attribute", "zip-directory", "evidence/dosdir", b"", method=0,
            listed=False, made_by=0x0014, ext_attr=0x10)
    hostile("c82c-host-ntfs", "zip-not-regular", "evidence/n.pdf", b"%PDF", method=0,
            listed=False, made_by=0x0A14)
    hostile("c82d-fifo", "zip-not-regular", "evidence/fifo.pdf", b"", method=0, listed=False,
            mode=0o010644)
    variant("c83-zip64-extra-length", "zip-zip64", on(2, z64_central="u", z64_len=16))
    variant("c83b-zip64-local-one-size", "zip-zip64", on(2, local={"usize": 0xFFFFFFFF}))
    variant("c83c-zip64-counts-disagree", "zip-zip64", zip64_eocd=True, eocd_count=3)
    variant("c83d-zip64-locator-offset", "zip-zip64", zip64_eocd=True, z64_rec=0)
    variant("c84-version-needed", "zip-version", on(2, needed=63))
    variant("c84b-no-local-header", "zip-local", on(2, local={"sig": 0x08074B50}))
    variant("c84c-local-name-past-end", "zip-truncated", on(-1, local={"nlen": 0xFFFF}))
    variant("c85-mimetype-extra-field", "mimetype", on(0, z64_local=True))
    variant("c85b-mimetype-utf8-flag", "mimetype", on(0, flags=0x0800))
    variant("c85c-mimetype-content", "mimetype", on(0, data=b"application/zip"))
    variant("c85d-mimetype-newline", "mimetype", on(0, data=b"application/vnd.etsi.asic-e+zip\n"))

    # --- names, each form ---
    for tag, reason, name in (
            ("dotdot-middle", "name-dotdot", "evidence/../../x.sh"),
            ("dotdot-alone", "name-dotdot", ".."),
            ("dotdot-last", "name-dotdot", "evidence/.."),
            ("empty-component", "name-dot", "evidence//x.pdf"),
            ("dot-component", "name-dot", "./evidence/x.pdf"),
            ("unc-path", "name-absolute", "//server/share/x.pdf"),
            ("drive-slash", "name-drive", "C:/x.pdf"),
            ("ntfs-stream", "name-drive", "evidence/x.pdf:evil"),
            ("question-mark", "name-windows", "evidence/x?.pdf"),
            ("star", "name-windows", "evidence/*.pdf"),
            ("pipe", "name-windows", "evidence/a|b.pdf"),
            ("quote", "name-windows", 'evidence/"x".pdf'),
            ("angle", "name-windows", "evidence/<x>.pdf"),
            ("del", "name-control", "evidence/x\x7f.pdf"),
            ("c1-next-line", "name-control", "evidence/x\u0085.pdf"),
            ("bidi-override", "name-control", "evidence/x\u202efdp.exe"),
            ("zero-width-space", "name-control", "evidence/x\u200b.pdf"),
            ("byte-order-mark", "name-control", "evidence/\ufeffx.pdf"),
            ("private-use", "name-control", "evidence/x\ue000.pdf"),
            ("unassigned", "name-control", "evidence/x\u0378.pdf"),
            ("line-separator", "name-control", "evidence/x\u2028.pdf"),
            ("noncharacter", "name-control", "evidence/x\uffff.pdf"),
            ("trailing-space", "name-trailing", "evidence/x.pdf "),
            ("folder-trailing-dot", "name-trailing", "evidence/dir./x.pdf"),
            ("device-nul", "name-device", "evidence/nul"),
            ("device-com1-ext", "name-device", "evidence/com1.txt"),
            ("device-com0", "name-device", "evidence/COM0.pdf"),
            ("device-superscript", "name-device", "evidence/LPT\u00b9.pdf"),
            ("device-space-before-ext", "name-device", "evidence/CON .txt"),
            ("device-conin", "name-device", "evidence/conin$"),
            ("component-256", "name-too-long", "evidence/" + "x" * 256),
            ("name-1025", "name-too-long", "evidence/" + "/".join(["y" * 200] * 6)[:1016]),
            ("empty", "name-empty", ""),
            ("nfd", "name-not-nfc", "evidence/e\u0301.pdf"),
            ("reserved-mimetype", "name-reserved", "MIMETYPE"),
            ("reserved-meta-inf-lower", "name-reserved", "meta-inf/x.xml"),
            ("reserved-meta-inf-file", "name-reserved", "META-INF"),
            ("meta-inf-case", "meta-inf-unexpected", "META-INF/signature.P7S"),
            ("meta-inf-subfolder", "meta-inf-unexpected", "META-INF/sub/signature.p7s")):
        hostile("c86-name-" + tag, reason, name, b"x", listed=False)
    for tag, bad in (("overlong-slash", b"evidence/a\xc0\xafb.pdf"),
                     ("surrogate", b"evidence/a\xed\xa0\x80.pdf"),
                     ("past-unicode", b"evidence/a\xf5\x80\x80\x80.pdf"),
                     ("lone-continuation", b"evidence/a\x80.pdf")):
        hostile("c86b-name-utf8-" + tag, "name-utf8", bad, b"x", listed=False)
    for tag, a, b in (("sharp-s", "evidence/Straße.pdf", "evidence/strasse.pdf"),
                      ("final-sigma", "evidence/σ.pdf", "evidence/ς.pdf"),
                      ("ascii-case", "evidence/I.pdf", "evidence/i.pdf")):
        meta = signed([block(a, b"%PDF a"), block(b, b"%PDF b")])
        es = entries(data, []) + [Entry(a, b"%PDF a", 0), Entry(b, b"%PDF b", 0)]
        es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
        save("c87-fold-" + tag, "name-duplicate-folded", build(es))
    meta = signed([block("evidence/A.pdf", b"%PDF a"), block("evidence/a.pdf/b.pdf", b"%PDF b")])
    es = entries(data, []) + [Entry("evidence/A.pdf", b"%PDF a", 0),
                              Entry("evidence/a.pdf/b.pdf", b"%PDF b", 0)]
    es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
    save("c87b-file-and-folder-case", "name-file-folder", build(es))

    # --- the manifest, each spelling ---
    def man_case(name, reason, text):
        save(name, reason, build(entries(data, signed(manifest=text))))
    enc = next(b for b in blocks if "%E" in b)
    lower = re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), enc)
    man_case("c88-uri-lowercase-hex", "manifest-uri", man.replace(enc, lower))
    man_case("c88b-uri-escaped-slash", "manifest-uri", man.replace('URI="sections/', 'URI="sections%2F', 1))
    raw = urllib.parse.unquote(re.search(r'URI="([^"]*%E[^"]*)"', enc).group(1))
    man_case("c88d-uri-raw-unicode", "manifest-uri",
             man.replace(re.search(r'URI="([^"]*%E[^"]*)"', enc).group(1), raw, 1))

    def digest_edit(f):
        b0 = blocks[0]
        dv = re.search(r"<ds:DigestValue>([^<]+)</ds:DigestValue>", b0).group(1)
        return man.replace(b0, b0.replace(dv, f(dv)), 1)
    # the last character before '=' carries 2 unused bits: set one
    alt = lambda dv: dv[:-2] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".index(dv[-2]) ^ 1] + "="
    man_case("c89-digest-base64-spelling", "manifest-digest", digest_edit(alt))
    man_case("c89b-digest-inner-space", "manifest-digest", digest_edit(lambda dv: dv[:20] + " " + dv[20:]))
    man_case("c89c-digest-short", "manifest-digest",
             digest_edit(lambda dv: base64.b64encode(base64.b64decode(dv)[:31]).decode()))
    man_case("c89d-digest-method-sm3", "manifest-algorithm",
             man.replace("http://www.w3.org/2001/04/xmlenc#sha256", "urn:oid:1.2.156.10197.1.401", 1))
    man_case("c89e-digest-method-case", "manifest-algorithm",
             man.replace("http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2001/04/xmlenc#SHA256", 1))
    attrs40 = " ".join('a%d="x"' % i for i in range(40))
    man_case("c90-manifest-many-attributes", "manifest-structure",
             man.replace("<ASiCManifest ", "<ASiCManifest " + attrs40 + " ", 1))
    man_case("c90b-manifest-comment", "manifest-structure",
             man.replace("  <DataObjectReference", "  <!-- note -->\n  <DataObjectReference", 1))
    man_case("c90c-manifest-processing-instruction", "manifest-structure",
             man.replace("  <DataObjectReference", "  <?pi x?>\n  <DataObjectReference", 1))
    man_case("c90d-manifest-cdata", "manifest-structure",
             man.replace("</ds:DigestValue>", "<![CDATA[]]></ds:DigestValue>", 1))
    man_case("c90d2-manifest-comment-after-root", "manifest-structure", man + "<!-- after -->\n")
    man_case("c90d3-manifest-pi-before-root", "manifest-structure",
             man.replace("<ASiCManifest ", "<?pi x?>\n<ASiCManifest ", 1))
    man_case("c90e-manifest-unknown-element", "manifest-structure",
             man.replace("  <ASiCManifestExtensions", "  <Other/>\n  <ASiCManifestExtensions", 1))
    man_case("c90f-manifest-unknown-attribute", "manifest-structure",
             man.replace('<d:entry size=', '<d:entry extra="1" size=', 1))
    man_case("c90g-manifest-critical", "manifest-structure",
             man.replace('Critical="false"', 'Critical="true"', 1))
    man_case("c90h-manifest-entity", "manifest-xml", man.replace('centre="', 'centre="&amp;&foo;', 1))
    man_case("c90i-manifest-doctype-late", "manifest-xml",
             man.replace("  <DataObjectReference", "<!DOCTYPE x>\n  <DataObjectReference", 1))
    # a signature file the manifest does not declare, one it declares missing
    save("c91-undeclared-p7s", "meta-inf-unexpected",
         build(entries(sdata, smeta + [("META-INF/signature.p7s", p7)])))
    save("c91b-sm2-signer-file-missing", "meta-inf-missing",
         build(entries(sdata, [(n, d) for n, d in smeta if not n.endswith("signer.pem")])))

    # --- inflating, each failure ---
    text = b"<x>" + b"inflate me " * 400 + b"</x>\n"
    good = deflate(text)
    for tag, reason, kw in (("short", "inflate-short", {"usize": len(text) + 10}),
                            ("corrupt", "inflate-error", {"comp": b"\xff" * 40}),
                            ("truncated", "inflate-truncated", {"comp": good[:len(good) // 2]}),
                            ("trailing", "inflate-trailing", {"comp": good + b"\0" * 8})):
        size = kw.get("usize", len(text))
        meta = signed([block("evidence/i.xml", text, size=size)])
        es = entries(data, []) + [Entry("evidence/i.xml", text, 8, **kw)]
        es += [Entry(n, d, 0 if n.endswith(".p7s") else 8) for n, d in meta]
        save("c92-inflate-" + tag, reason, build(es))


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

    def save(name, reason, blob, opts=""):
        open(os.path.join(outdir, name + ".asice"), "wb").write(blob)
        cases.append((name, reason, opts))

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
    # a foreign SM2 signer who made the whole package: the manifest names
    # its certificate, its key signs
    ocert = open(O("sm2.pem"), "rb").read()
    oman = bind_sm2(sman, ocert)
    osig = sg.sm2(oman, O("sm2.key"))
    save("c39-sm2-untrusted", "sm2-untrusted",
         build(entries(sdata, [(n, osig if n.endswith(".sm2") else ocert if n.endswith("signer.pem")
                                else oman if n.endswith(".xml") else d) for n, d in smeta])))

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

    more_cases(locals())
    with open(os.path.join(outdir, "cases.txt"), "w") as f:
        for n, r, o in cases:
            f.write(("%s %s %s" % (n, r, o)).rstrip() + "\n")
    print(len(cases))


if __name__ == "__main__":
    main()
