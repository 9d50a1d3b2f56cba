#!/bin/bash
# fuzz.sh — replay the fuzz corpora as ordinary tests (tests/fuzz/).
#
#   tests/suites/fuzz.sh BUILD_DIR SCRATCH_DIR
#
# Run by tests/run.sh for every build (normal and ASan+UBSan). For each
# target tests/fuzz/fuzz_NAME.c, BUILD_DIR/fuzz/replay_NAME (the target
# linked with tests/fuzz/replay.c by gcc) runs every seed in
# tests/fuzz/corpus/NAME/ and every input that once crashed it in
# tests/fuzz/crashes/NAME/. Prints one "ok - ..." or "not ok - ..." per
# directory. The libFuzzer binaries themselves are `make fuzz`
# (doc/fuzzing.md).
set -u
cd "$(dirname "$0")/../.." || exit 2
B=${1:?usage: fuzz.sh BUILD_DIR SCRATCH_DIR}
T=${2:?usage: fuzz.sh BUILD_DIR SCRATCH_DIR}
export LANG=C.UTF-8 LC_ALL=C.UTF-8 TMPDIR=$T
unset DOSSIER_DATADIR
mkdir -p "$T"

for src in tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	name=${name#fuzz_}
	bin=$B/fuzz/replay_$name
	if [ ! -x "$bin" ]; then
		echo "not ok - fuzz $name: $bin not built"
		continue
	fi
	for kind in corpus crashes; do
		dir=tests/fuzz/$kind/$name
		if [ ! -d "$dir" ]; then
			echo "not ok - fuzz $name: no $dir"
			continue
		fi
		if timeout 300 "$bin" "$dir" >"$T/$name-$kind.out" 2>&1; then
			echo "ok - fuzz $name: $kind ($(grep -o 'replayed [0-9]* inputs' "$T/$name-$kind.out"))"
		else
			echo "not ok - fuzz $name: $kind (exit $?)"
			grep -v '^    #[0-9]' "$T/$name-$kind.out" | sed 's/^/    | /' | head -30
		fi
	done
	# the scratch directory of each replay is removed at exit
	ls -d "$T"/dossier-fuzz.* >/dev/null 2>&1 &&
		{ echo "not ok - fuzz $name: scratch directory left behind"; rm -rf "$T"/dossier-fuzz.*; }
done
exit 0
