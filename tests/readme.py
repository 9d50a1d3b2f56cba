#!/usr/bin/env python3
"""readme.py BIN README.md SCRATCH — README's console examples against
what the commands really print.

Each ```console block is run in one bash, in SCRATCH holding a copy of
samples/ and build/dossier as BIN: a line "$ CMD" (continued by a trailing
backslash) is a command, the lines after it are what it must print (standard
output and error together), where a line "..." stands for any number of
lines. Prints "ok - ..." or "not ok - ..." per command."""
import os
import re
import shutil
import subprocess
import sys

binary, readme, scratch = sys.argv[1:4]
text = open(readme, encoding="utf-8").read()
blocks = re.findall(r"^```console\n(.*?)^```", text, re.S | re.M)
os.makedirs(os.path.join(scratch, "build"), exist_ok=True)
shutil.copytree("samples", os.path.join(scratch, "samples"), dirs_exist_ok=True)
link = os.path.join(scratch, "build", "dossier")
if not os.path.lexists(link):
    os.symlink(os.path.abspath(binary), link)
mark = "@@readme-example@@"


def matches(want, have):
    """want may hold "..." lines (any number of lines)"""
    if not want:
        return not have
    if want[0] == "...":
        return any(matches(want[1:], have[i:]) for i in range(len(have) + 1))
    return bool(have) and want[0] == have[0] and matches(want[1:], have[1:])


for bi, block in enumerate(blocks):
    cmds = []  # (command, expected lines)
    lines = block.split("\n")[:-1]
    i = 0
    while i < len(lines):
        if lines[i].startswith("$ "):
            cmd = lines[i][2:]
            while cmd.endswith("\\") and i + 1 < len(lines):
                i += 1
                cmd = cmd + "\n" + lines[i]
            cmds.append([cmd, []])
        elif cmds:
            cmds[-1][1].append(lines[i])
        i += 1
    script = ""
    for cmd, _ in cmds:
        script += "%s\n__s=$?; printf '%s\\n'; (exit $__s)\n" % (cmd, mark)
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    env.pop("DOSSIER_LANG", None)
    out = subprocess.run(["bash", "-c", "exec 2>&1\n" + script], cwd=scratch, env=env,
                         capture_output=True, text=True).stdout
    parts = out.split(mark + "\n")
    for (cmd, want), have in zip(cmds, parts):
        name = "README example %d: $ %s" % (bi + 1, cmd.split("\n")[0][:60])
        if matches(want, have.split("\n")[:-1]):
            print("ok - " + name)
        else:
            print("not ok - " + name)
            for l in have.split("\n")[:12]:
                print("    | " + l)
