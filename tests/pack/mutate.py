#!/usr/bin/env python3
"""mutate.py — flip random bits of a valid package and run dossier verify on
each mutant: it must never crash, and whenever it accepts one, what it
extracted must be byte for byte what was signed.

Usage: mutate.py BIN CA PKG WORKDIR COUNT [SEED]
Prints "N mutants: A accepted (content intact), R rejected" and exits 1 on
any crash, exit status outside {0, 1}, files left by a rejection, or an
accepted mutant whose content differs.
"""
import os
import random
import shutil
import subprocess
import sys
import zipfile


def main():
    binary, ca, pkg, work, count = sys.argv[1:6]
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    rnd = random.Random(seed)
    data = open(pkg, "rb").read()
    z = zipfile.ZipFile(pkg)
    orig = {i.filename: z.read(i.filename) for i in z.infolist() if i.filename != "mimetype"}
    env = dict(os.environ, ASAN_OPTIONS="exitcode=86:detect_leaks=1", UBSAN_OPTIONS="exitcode=86")
    os.makedirs(work, exist_ok=True)
    mutant = os.path.join(work, "mutant.asice")
    out = os.path.join(work, "out")
    accepted = rejected = 0
    failures = []
    for k in range(int(count)):
        b = bytearray(data)
        how = rnd.random()
        if how < 0.8:
            for _ in range(rnd.choice((1, 1, 1, 2, 3, 8))):
                b[rnd.randrange(len(b))] ^= 1 << rnd.randrange(8)
        elif how < 0.9:  # overwrite a little-endian field with an extreme value
            pos = rnd.randrange(len(b) - 4)
            b[pos:pos + 4] = rnd.choice((b"\xff\xff\xff\xff", b"\0\0\0\0", b"\xff\xff\0\0"))
        else:  # cut or duplicate a slice
            i, j = sorted(rnd.randrange(len(b)) for _ in range(2))
            b = b[:i] + b[j:] if rnd.random() < 0.5 else b[:j] + b[i:j] + b[j:]
        open(mutant, "wb").write(b)
        shutil.rmtree(out, ignore_errors=True)
        r = subprocess.run([binary, "verify", "-q", "--ca", ca, "--extract", out, mutant],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)
        if r.returncode == 1:
            rejected += 1
            if os.path.exists(out):
                failures.append("mutant %d: rejected but left files" % k)
        elif r.returncode == 0:
            accepted += 1
            for name, content in orig.items():
                p = os.path.join(out, name)
                if not os.path.isfile(p) or open(p, "rb").read() != content:
                    failures.append("mutant %d: accepted with different content in %s" % (k, name))
                    break
        else:
            failures.append("mutant %d: exit %d: %s" % (k, r.returncode,
                                                        r.stderr.decode(errors="replace")[-300:]))
            open(os.path.join(work, "crash-%d.asice" % k), "wb").write(b)
    print("%s mutants: %d accepted (content intact), %d rejected" % (count, accepted, rejected))
    for f in failures[:10]:
        print(f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
