#!/usr/bin/env bash
# ace: Ace by DAISY, the checker accessibility offices run on EPUBs, finds
# no violation (of any impact) in the sample reader's EPUB nor in the EPUBs
# the other tests build from the test documents (the feature sampler with
# and without embedded fonts, the DocBook bibliography, index ranges, the
# layout document, astral-plane text).
#
# Ace runs in Debian's chromium through puppeteer; `make deps` installs it
# from npm into BUILD/npm-tools with no browser download.  Without it the
# test is skipped (exit 77) and says how to install it.
# Env: FOLIO (the binary), SRC (repo root), BUILD (the build folder).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-$SRC/build}
cd "$SRC" || exit 2
ace=$BUILD/npm-tools/node_modules/.bin/ace-puppeteer
chromium=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}
if [ ! -x "$ace" ] || [ ! -x "$chromium" ]; then
	echo "SKIP: Ace by DAISY ($ace) or chromium ($chromium) is missing; 'make test-deps' installs both"
	exit 77
fi
tmp=$(mktemp -d /tmp/ace.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600
fail=0

. "$SRC/tests/e2e/lib/epub_set.sh"

# Each violation as "impact rule: file (what)", from Ace's EARL report.
violations() { # violations REPORT.json
	python3 - "$1" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
for doc in report.get("assertions", []):
    for a in doc.get("assertions", []):
        test = a.get("earl:test", {})
        res = a.get("earl:result", {})
        where = res.get("earl:pointer", {}).get("css", [""])
        print("%s %s: %s %s (%s)" % (test.get("earl:impact", "?"), test.get("dct:title", "?"),
              doc.get("earl:testSubject", {}).get("url", "?"), where[0] if where else "",
              res.get("dct:description", "").strip().splitlines()[0][:160] if res.get("dct:description") else ""))
EOF
}

for epub in "$tmp"/*.epub; do
	name=$(basename "$epub" .epub)
	if ! PUPPETEER_EXECUTABLE_PATH=$chromium "$ace" -s -f -o "$tmp/$name-report" \
		-t "$tmp/$name-temp" "$epub" >"$tmp/$name.ace" 2>&1 ||
	   [ ! -s "$tmp/$name-report/report.json" ]; then
		echo "FAIL: Ace could not check $name.epub:"
		sed 's/^/    /' "$tmp/$name.ace" | tail -20
		fail=1
		continue
	fi
	found=$(violations "$tmp/$name-report/report.json")
	if [ -n "$found" ]; then
		echo "FAIL: Ace finds $(wc -l <<<"$found") violations in $name.epub:"
		sed 's/^/    /' <<<"$found" | head -40
		fail=1
	else
		echo "ok: Ace finds no violation in $name.epub"
	fi
done
exit $fail
