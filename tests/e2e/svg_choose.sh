#!/usr/bin/env bash
# svg_choose: a mediaobject's imageobjects, chosen per output as DocBook
# XSL does (tests/docbook/svg/choose.xml): SVG before PNG for both; by
# role (fo for the PDF, html for the EPUB); by format (the PDF skips a PDF
# and an EPS for the PNG, the EPUB takes the GIF).  The PDF's choices from
# the pages dump, the EPUB's from its img elements; epubcheck 0/0,
# qpdf --check, the word check; `folio check` passes the same document and
# refuses it once the EPUB's choice is missing, naming that imagedata.
# ctest-labels: slow
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
for tool in qpdf java python3 unzip; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
T=$(mktemp -d /tmp/svg_choose.XXXXXX)
trap 'rm -rf "$T"' EXIT
src=tests/docbook/svg/choose.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }

FOLIO_DUMP_PAGES="$T/c.pages" "$FOLIO" build "$src" --pdf "$T/c.pdf" --epub "$T/c.epub" \
	--text "$T/c.txt" >"$T/log" 2>&1 || { bad "build failed:"; cat "$T/log"; exit 1; }
[ -s "$T/log" ] && { bad "diagnostics:"; cat "$T/log"; }
pdf=$(awk '$1=="image"{n=split($6, p, "/"); printf "%s ", p[n]}' "$T/c.pages")
[ "$pdf" = "shapes.svg shapes.png shapes.png " ] || bad "the PDF chose: $pdf"
epub=$(unzip -p "$T/c.epub" '*.xhtml' | grep -o '<img src="images/[^"]*"' | sed 's/.*images\///; s/"$//' | tr '\n' ' ')
[ "$epub" = "shapes.svg gradients.svg dot.gif " ] || bad "the EPUB chose: $epub"
qpdf --check "$T/c.pdf" >/dev/null 2>&1 || bad "qpdf --check"
java -jar /usr/share/java/epubcheck.jar "$T/c.epub" >"$T/epubcheck" 2>&1
grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$T/epubcheck" ||
	{ bad "epubcheck:"; grep -E "ERROR|WARNING|FATAL" "$T/epubcheck" | head; }
python3 tests/tools/fidelity.py "$src" --pdf "$T/c.pdf" --epub "$T/c.epub" --text "$T/c.txt" \
	>"$T/fid" 2>&1 || { bad "word check:"; head "$T/fid"; }

"$FOLIO" check "$src" >"$T/check" 2>&1 || { bad "folio check failed:"; cat "$T/check"; }
# the EPUB's choice missing: check says so at its imagedata, as the build
mkdir "$T/d" && cp tests/docbook/svg/* "$T/d/" && rm "$T/d/dot.gif"
"$FOLIO" check "$T/d/choose.xml" >"$T/check2" 2>&1; rc=$?
[ $rc -eq 1 ] || bad "folio check with dot.gif missing: exit $rc, not 1"
grep -q 'choose.xml:23:18: error: cannot read image "dot.gif": No such file or directory' "$T/check2" ||
	{ bad "folio check with dot.gif missing:"; cat "$T/check2"; }

[ $fail -eq 0 ] && echo "ok: the PDF and the EPUB each chose their image; check reads both"
exit $fail
