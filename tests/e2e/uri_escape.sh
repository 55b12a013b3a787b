#!/usr/bin/env bash
# uri_escape: URLs with '<', '>', spaces, non-ASCII letters and a lone '%'
# (tests/docbook/uri.xml) go percent-encoded into the EPUB's hrefs and the
# PDF's URI actions, and print as written: epubcheck 0/0 (RSC-020 before),
# qpdf --check, the PDF's /URI strings, the printed text, the word check.
# ctest-labels: slow
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
for tool in qpdf pdftotext java python3 unzip; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
T=$(mktemp -d /tmp/uri_escape.XXXXXX)
trap 'rm -rf "$T"' EXIT
src=tests/docbook/uri.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }
"$FOLIO" build "$src" --pdf "$T/u.pdf" --epub "$T/u.epub" --text "$T/u.txt" >"$T/log" 2>&1 ||
	{ bad "build failed:"; cat "$T/log"; exit 1; }
[ -s "$T/log" ] && { bad "diagnostics:"; cat "$T/log"; }
java -jar /usr/share/java/epubcheck.jar "$T/u.epub" >"$T/epubcheck" 2>&1
grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$T/epubcheck" ||
	{ bad "epubcheck:"; grep -E "ERROR|WARNING|FATAL" "$T/epubcheck" | head; }
qpdf --check "$T/u.pdf" >/dev/null 2>&1 || bad "qpdf --check"
want='https://example.org/search?q=%3Csocial%20work%3E
https://example.org/kata%20kunci/pekerjaan-sosial-%C3%BC
https://example.org/%E2%82%AC/50%25-off'
got=$(unzip -p "$T/u.epub" '*.xhtml' | grep -o 'class="link" href="[^"]*"' | sed 's/.*href="//; s/"$//')
[ "$got" = "$want" ] || bad "EPUB hrefs:"$'\n'"$got"
got=$(qpdf --qdf --object-streams=disable "$T/u.pdf" - 2>/dev/null | grep -a '/URI (' | sed 's/.*\/URI (//; s/)$//')
[ "$got" = "$want" ] || bad "PDF URIs:"$'\n'"$got"
pdftotext "$T/u.pdf" - | grep -q 'https://example.org/kata kunci/pekerjaan-sosial-ü' ||
	bad "the PDF does not print the address as written"
python3 tests/tools/fidelity.py "$src" --pdf "$T/u.pdf" --epub "$T/u.epub" --text "$T/u.txt" \
	>"$T/fid" 2>&1 || { bad "word check:"; head "$T/fid"; }
[ $fail -eq 0 ] && echo "ok: addresses encoded in the links, printed as written"
exit $fail
