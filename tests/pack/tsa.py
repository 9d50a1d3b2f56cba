#!/usr/bin/env python3
"""tsa.py — a loopback RFC 3161 time-stamp authority for the tests, and the
edits a test makes to time-stamped packages.

  tsa.py setup DIR CA_CERT CA_KEY NAME [DAYS]
      make DIR/NAME.key, DIR/NAME.pem (EC P-256, extendedKeyUsage critical
      timeStamping, issued by CA), DIR/NAME.chain (it and CA, what tokens
      carry) and DIR/NAME.cnf for `openssl ts -reply`
  tsa.py serve PORTFILE CNF [bad]
      answer POSTed queries on 127.0.0.1 (a free port, written to PORTFILE)
      with `openssl ts -reply -config CNF`; with "bad", answer HTTP 500
  tsa.py splice FROM TO OUT
      OUT is package TO with the time-stamp token of package FROM in its
      .p7s: a token over another signature
  tsa.py token PKG OUT
      write the token of PKG's .p7s to OUT (DER), for `openssl ts -verify`

The server runs until killed (the test stops it by its process id).
"""
import http.server
import os
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mkhostile as mk  # noqa: E402  (the DER and ZIP helpers)

TST_OID = "1.2.840.113549.1.9.16.2.14"


def setup(d, ca_cert, ca_key, name, days="30"):
    key, csr, pem = (os.path.join(d, name + x) for x in (".key", ".csr", ".pem"))
    ext, cnf = os.path.join(d, name + ".ext"), os.path.join(d, name + ".cnf")
    serial = os.path.join(d, name + ".serial")
    subprocess.run(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt",
                    "ec_paramgen_curve:P-256", "-out", key], check=True)
    subprocess.run(["openssl", "req", "-new", "-key", key, "-subj",
                    "/C=CN/O=dossier TEST TSA/CN=%s (TEST)" % name, "-out", csr], check=True)
    open(ext, "w").write("[x]\nbasicConstraints=critical,CA:FALSE\n"
                         "keyUsage=critical,digitalSignature\n"
                         "extendedKeyUsage=critical,timeStamping\n"
                         "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n")
    subprocess.run(["openssl", "x509", "-req", "-in", csr, "-CA", ca_cert, "-CAkey", ca_key,
                    "-CAcreateserial", "-CAserial", serial + ".ca", "-days", days, "-sha256",
                    "-extfile", ext, "-extensions", "x", "-out", pem], check=True,
                   stderr=subprocess.DEVNULL)
    open(serial, "w").write("01\n")
    # the token carries the TSA's certificate and its issuer
    chain = os.path.join(d, name + ".chain")
    open(chain, "wb").write(open(pem, "rb").read() + open(ca_cert, "rb").read())
    open(cnf, "w").write(
        "[tsa]\ndefault_tsa = t\n[t]\n"
        "serial = %s\nsigner_cert = %s\nsigner_key = %s\ncerts = %s\n"
        "signer_digest = sha256\ndefault_policy = 1.2.3.4.1\n"
        "digests = sha256, sha384, sha512\naccuracy = secs:1\nordering = no\n"
        "tsa_name = no\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n"
        % (serial, pem, key, chain))


def serve(portfile, cnf, bad):
    class H(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            q = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if bad:
                self.send_response(500)
                self.end_headers()
                return
            with tempfile.TemporaryDirectory() as t:
                qf, rf = os.path.join(t, "q.tsq"), os.path.join(t, "r.tsr")
                open(qf, "wb").write(q)
                r = subprocess.run(["openssl", "ts", "-reply", "-config", cnf, "-queryfile", qf,
                                    "-out", rf], stderr=subprocess.DEVNULL)
                body = open(rf, "rb").read() if r.returncode == 0 else b""
            self.send_response(200 if body else 400)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    srv = http.server.HTTPServer(("127.0.0.1", 0), H)
    tmp = portfile + ".tmp"
    open(tmp, "w").write(str(srv.server_address[1]))
    os.rename(tmp, portfile)
    srv.serve_forever()


def p7s_of(pkg):
    return zipfile.ZipFile(pkg).read("META-INF/signature.p7s")


def token_of(p7):
    for a in mk.P7(p7).uattrs or []:
        t, vals = mk.der_items(mk.der_items(a)[0][1])
        if t[2] == mk.oid(TST_OID):
            return a, mk.der_items(vals[1])[0][2]
    sys.exit("tsa.py: no time-stamp token in the signature")


def splice(src, dst, out):
    attr, _ = token_of(p7s_of(src))
    c = mk.P7(p7s_of(dst))
    c.uattrs = [attr]
    z = zipfile.ZipFile(dst)
    es = []
    for i in z.infolist():
        data = z.read(i.filename)
        if i.filename == "META-INF/signature.p7s":
            data = bytes(c)
        es.append(mk.Entry(i.filename, data, i.compress_type))
    open(out, "wb").write(mk.build(es))


def main():
    cmd = sys.argv[1]
    if cmd == "setup":
        setup(*sys.argv[2:7])
    elif cmd == "serve":
        serve(sys.argv[2], sys.argv[3], len(sys.argv) > 4 and sys.argv[4] == "bad")
    elif cmd == "splice":
        splice(*sys.argv[2:5])
    elif cmd == "token":
        open(sys.argv[3], "wb").write(token_of(p7s_of(sys.argv[2]))[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
