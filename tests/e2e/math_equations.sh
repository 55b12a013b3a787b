#!/usr/bin/env bash
# math_equations: the course reader's equations (tests/math/equations.xml,
# MathML in equation, informalequation and inlineequation) built to PDF,
# EPUB and text.  Checks: a clean build; qpdf --check; EPUBCheck 0/0 with
# the mathml property on the content document and every math element in
# MathML's namespace with its alttext; the word check finds every
# identifier and number of the equations in each output; the text output
# gives the linear forms; geometry (no overprint, nothing outside the
# text block) in every style.
# ctest-labels: slow
set -u
: "${FOLIO:?}" "${SRC:?}"
T=$(mktemp -d /tmp/math_equations.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
src=$SRC/tests/math/equations.xml
if ! SOURCE_DATE_EPOCH=1767225600 "$FOLIO" build "$src" --pdf "$T/m.pdf" --epub "$T/m.epub" \
	--text "$T/m.txt" >"$T/log" 2>&1; then
	bad "folio build $src failed:"
	sed 's/^/    /' "$T/log" | head -20
	exit 1
fi
[ -s "$T/log" ] && { bad "diagnostics from a clean source:"; sed 's/^/    /' "$T/log"; }

qpdf --check "$T/m.pdf" >"$T/qpdf" 2>&1 || { bad "qpdf --check:"; tail -5 "$T/qpdf"; }
java -jar /usr/share/java/epubcheck.jar "$T/m.epub" >"$T/epubcheck" 2>&1
grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$T/epubcheck" ||
	{ bad "epubcheck:"; grep -E "ERROR|WARNING|FATAL" "$T/epubcheck" | head -10; }
unzip -p "$T/m.epub" OEBPS/package.opf | grep -q 'properties="mathml"' ||
	bad "the content document is not marked mathml in the manifest"
n_src=$(grep -o '<mml:math[ >]' "$src" | wc -l)
n_epub=$(unzip -p "$T/m.epub" 'OEBPS/*.xhtml' |
	grep -o '<math xmlns="http://www.w3.org/1998/Math/MathML"[^>]* alttext="[^"]' | wc -l)
[ "$n_src" = "$n_epub" ] || bad "$n_src math elements in the source, $n_epub with alttext in the EPUB"
python3 "$SRC/tests/tools/fidelity.py" "$src" --pdf "$T/m.pdf" --epub "$T/m.epub" \
	--text "$T/m.txt" >"$T/fidelity" 2>&1 || { bad "word check:"; sed 's/^/    /' "$T/fidelity" | head -20; }
for want in 'H_c = 1 − 1/R_0' 'y_i = β_0 + β_1 x_i + ε_i' 'x = (−b ± √(b^2 − 4a c))/(2a)' \
	'A = ([a, b; c, d])'; do
	grep -qF "$want" "$T/m.txt" || bad "the text output lacks the linear form \"$want\""
done
# the tagged PDF's formulas: /Alt is the linear form (the Formula
# element of the herd-immunity threshold reads "H_c = 1 - 1/R_0")
qpdf --qdf --object-streams=disable "$T/m.pdf" "$T/q.pdf" 2>/dev/null
want_alt=$(printf 'H_c = 1 \u2212 1/R_0' | iconv -f UTF-8 -t UTF-16BE | od -An -tx1 | tr -d ' \n')
grep -aq "/Alt <feff$want_alt>" "$T/q.pdf" || bad "no Formula with /Alt \"H_c = 1 − 1/R_0\" in the tagged PDF"
for style in "$SRC"/styles/*.style; do
	pdf=$T/g-$(basename "$style" .style).pdf
	"$FOLIO" build "$src" --style "$style" --pdf "$pdf" -q 2>"$T/glog" || { bad "build in $style"; continue; }
	python3 "$SRC/tests/tools/geometry.py" "$pdf" --style "$style" >"$T/geo" 2>&1 ||
		{ bad "geometry in $(basename "$style"):"; sed 's/^/    /' "$T/geo" | head -10; }
done
[ $fail = 0 ] && echo "math_equations: PDF, EPUB and text checked"
exit $fail
