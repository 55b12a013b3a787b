#!/usr/bin/env bash
# pis: DocBook XSL's processing instructions in the PDF's page builder
# (tests/docbook/pis.xml): <?hard-pagebreak?> opens a page, <?dbfo-need
# height?> opens one only when less room is left, <?dbfo keep-together?>
# keeps an informal table off a page it would be cut on (checked against
# the same document without it, which cuts the table); <?dbhtml?>,
# <?xml-stylesheet?> and a PI inside a paragraph are ignored silently.
# Which words open and fill each page from pdftotext; qpdf --check,
# epubcheck 0/0, the word check, the geometry check.
# ctest-labels: slow
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
for tool in qpdf pdftotext java python3; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
T=$(mktemp -d /tmp/pis.XXXXXX)
trap 'rm -rf "$T"' EXIT
src=tests/docbook/pis.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }
pages() { # the marker words of each page of PDF
	local n p
	n=$(pdfinfo "$1" | awk '/^Pages:/{print $2}')
	for ((p = 1; p <= n; p++)); do
		echo "$p: $(pdftotext -f $p -l $p "$1" - | grep -o -E '^(Alpha|Bravo|Charlie|Delta|Echo|Foxtrot|Filler fifth|Golf [a-z]+|Hotel)' | tr '\n' ' ')"
	done
}
"$FOLIO" build "$src" --pdf "$T/p.pdf" --epub "$T/p.epub" --text "$T/p.txt" >"$T/log" 2>&1 ||
	{ bad "build failed:"; cat "$T/log"; exit 1; }
[ -s "$T/log" ] && { bad "diagnostics (PIs are ignored silently):"; cat "$T/log"; }
golf=$(for w in one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty; do printf 'Golf %s ' $w; done)
want="1: Alpha 
2: Bravo Charlie 
3: Delta Echo Foxtrot Filler fifth 
4: ${golf}Hotel "
got=$(pages "$T/p.pdf")
[ "$got" = "$want" ] || { bad "pages:"; echo "$got" | sed 's/^/    /'; }
# without the keep the table is cut across pages 3 and 4
sed 's/<?dbfo keep-together="always"?>//' "$src" >"$T/nokeep.xml"
"$FOLIO" build "$T/nokeep.xml" --pdf "$T/n.pdf" >/dev/null 2>&1 || bad "build without the keep failed"
pages "$T/n.pdf" | grep -q '^3: .*Golf one' || bad "without the keep the table is not cut (the test shows nothing)"
qpdf --check "$T/p.pdf" >/dev/null 2>&1 || bad "qpdf --check"
java -jar /usr/share/java/epubcheck.jar "$T/p.epub" >"$T/epubcheck" 2>&1
grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$T/epubcheck" ||
	{ bad "epubcheck:"; grep -E "ERROR|WARNING|FATAL" "$T/epubcheck" | head; }
python3 tests/tools/fidelity.py "$src" --pdf "$T/p.pdf" --epub "$T/p.epub" --text "$T/p.txt" \
	>"$T/fid" 2>&1 || { bad "word check:"; head "$T/fid"; }
python3 tests/tools/geometry.py "$T/p.pdf" --style styles/a5-reader.style >"$T/geo" 2>&1 ||
	{ bad "geometry check:"; head "$T/geo"; }
[ $fail -eq 0 ] && echo "ok: page breaks, needs and keeps as the PIs ask"
exit $fail
