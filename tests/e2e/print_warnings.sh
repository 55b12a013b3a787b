#!/usr/bin/env bash
# print_warnings: with a print preset the build warns about what preflight
# would reject or warn about (issue 23, item 6), at the imagedata's
# file:line:col:
#   - an image under 300 dpi at its placed size (tests/e2e/data/text's
#     24x16-pixel swatch), under every preset, and preflight agrees
#   - an RGB image converted for grey (copyshop) or CMYK (offset, pod)
#   - a file whose page count preflight --preset copyshop rejects (2-up
#     sheets of a book whose padded count is not a multiple of 8): the
#     build warns exactly when preflight rejects
#   - without a preset: none of these warnings
#   - the PDFs pass qpdf --check and the word check
# Env: FOLIO, SRC, SHARED.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
src=tests/e2e/data/text/faithful.xml
line=$(grep -n 'fileref="swatch.png"' "$src" | cut -d: -f1)
col=$(grep 'fileref="swatch.png"' "$src" | awk '{ print index($0, "<imagedata") }')
at="$src:$line:$col"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
# shellcheck source=lib/standards.sh
. "$SRC/tests/e2e/lib/standards.sh"

for preset in copyshop offset pod; do
	"$FOLIO" build "$src" --pdf "$t/$preset.pdf" --preset $preset >"$t/$preset.log" 2>&1 ||
		{ bad "build --preset $preset failed: $(cat "$t/$preset.log")"; continue; }
	grep -qF "$at: warning: image 'swatch.png' prints at 150 dpi" "$t/$preset.log" &&
		ok "$preset: the low-resolution image, at $at" ||
		bad "$preset: no low-resolution warning at $at: $(cat "$t/$preset.log")"
	model=CMYK; [ $preset = copyshop ] && model=grey
	grep -qF "$at: warning: RGB image 'swatch.png' is converted to $model" "$t/$preset.log" &&
		ok "$preset: the RGB image converted to $model" ||
		bad "$preset: no RGB conversion warning: $(cat "$t/$preset.log")"
	standard_pdf "$src" "$t/$preset.pdf"
	"$FOLIO" preflight "$t/$preset.pdf" --preset $preset >"$t/$preset.pf" 2>&1
	grep -q "below 300 dpi" "$t/$preset.pf" &&
		ok "$preset: preflight finds the same image" ||
		bad "$preset: preflight does not see the low image: $(cat "$t/$preset.pf")"
done
"$FOLIO" build "$src" --pdf "$t/plain.pdf" >"$t/plain.log" 2>&1
grep -q "dpi\|RGB image\|multiple of 4" "$t/plain.log" &&
	bad "warnings without a preset: $(cat "$t/plain.log")" ||
	ok "no print warnings without a preset"

# page count: 2-up copyshop sheets; the build's warning matches preflight
agree=0
for doc in "$src" tests/docbook/bibliography.xml sources/pekerjaan-sosial/reader.xml; do
	"$FOLIO" build "$doc" --pdf "$t/2up.pdf" --preset copyshop --impose 2up >"$t/2up.log" 2>&1 ||
		{ bad "2up build of $doc failed"; continue; }
	warned=0; grep -q "not a multiple of 4" "$t/2up.log" && warned=1
	rejected=0
	"$FOLIO" preflight "$t/2up.pdf" --preset copyshop 2>&1 | grep -q "is not a multiple of 4" && rejected=1
	n=$(qpdf --show-npages "$t/2up.pdf")
	if [ $warned = $rejected ]; then
		ok "$doc 2-up: $n pages; build warned $warned, preflight rejected $rejected"
		[ $warned = 1 ] && agree=1
	else
		bad "$doc 2-up: $n pages; build warned $warned but preflight rejected $rejected"
	fi
done
[ $agree = 1 ] || bad "no document gave a page count preflight rejects: the warning went untried"
[ $fail = 0 ] && echo "print_warnings: all checks passed"
exit $fail
