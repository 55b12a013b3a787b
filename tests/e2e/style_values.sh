#!/usr/bin/env bash
# style_values: a page style's numbers are checked where they are read
# (src/layout/style.c): NaN, infinities, zero sizes, negative or huge
# lengths, fractional counts and margins that leave no text block are
# errors naming the key, the file and line, and the range; the build
# exits 1 before any layout and writes no PDF.  A text that is not
# UTF-8 or holds a control character is refused too.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}" "${SRC:?}"
T=$(mktemp -d /tmp/style_values.XXXXXX)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
printf '<article xmlns="http://docbook.org/ns/docbook"><title>t</title><para>Text.</para></article>\n' > a.xml
fail=0

# case LINE MESSAGE: a style of "# comment" then LINE must fail with MESSAGE
case_() {
	printf '# a style\n%b\n' "$1" > s.style
	rm -rf out && mkdir out
	"$FOLIO" build a.xml --style s.style -o out --format pdf > log 2>&1
	local st=$?
	if [ "$st" != 1 ]; then
		echo "FAIL: '$1': exit $st, want 1"; fail=1
	fi
	if ! grep -qF -- "$2" log; then
		echo "FAIL: '$1': stderr lacks: $2"; sed 's/^/    /' log | head -3; fail=1
	fi
	if [ -n "$(ls -A out)" ]; then
		echo "FAIL: '$1': left $(ls out)"; fail=1
	fi
}
len='(units: mm, cm, in, pt)'
case_ 'size.text = 0' "s.style:2:1: error: size.text = 0: out of range; size.text takes a length from 1 pt to 200 pt $len"
case_ 'size.text = -3pt' "s.style:2:1: error: size.text = -3pt: out of range; size.text takes a length from 1 pt to 200 pt $len"
case_ 'size.text = nan' "s.style:2:1: error: size.text = nan: not a value it takes; size.text takes a length from 1 pt to 200 pt $len"
case_ 'leading = inf' "s.style:2:1: error: leading = inf: not a value it takes; leading takes a length from 1 pt to 400 pt $len"
case_ 'leading = 1e999pt' "s.style:2:1: error: leading = 1e999pt: not a value it takes"
case_ 'heading2.size = 0x10' "s.style:2:1: error: heading2.size = 0x10: not a value it takes"
case_ 'page.width = 0' "s.style:2:1: error: page.width = 0: out of range; page.width takes a length from 72 pt to 14400 pt $len"
case_ 'page.height = 300in' "s.style:2:1: error: page.height = 300in: out of range"
case_ 'index.columns = 0' "s.style:2:1: error: index.columns = 0: out of range; index.columns takes a whole number from 1 to 16"
case_ 'index.columns = 2.5' "s.style:2:1: error: index.columns = 2.5: not a value it takes; index.columns takes a whole number from 1 to 16"
case_ 'toc.depth = -1' "s.style:2:1: error: toc.depth = -1: out of range; toc.depth takes a whole number from 0 to 10"
case_ 'margin.inner = 70mm\nmargin.outer = 70mm' "s.style: error: the text block is 8.0 x 176.0 mm: the page (148.0 x 210.0 mm) less its margins must leave at least 30 x 30 mm"
case_ 'margin.top = 100mm\nmargin.bottom = 100mm' "s.style: error: the text block is 116.0 x 10.0 mm"
case_ 'name = caf\xe9' "s.style:2:11: error: the style holds the byte 0xE9, which is not UTF-8"
case_ 'name = a\x01b' "s.style:2:9: error: the style holds the control character U+0001, which XML does not allow"
case_ 'expansion = 6' "s.style:2:1: error: expansion = 6: out of range; expansion takes a percentage from 0 to 5"
case_ 'expansion = -1' "s.style:2:1: error: expansion = -1: out of range; expansion takes a percentage from 0 to 5"
case_ 'expansion.step = -0.5' "s.style:2:1: error: expansion.step = -0.5: out of range; expansion.step takes a percentage from 0 to 5"
case_ 'expansion = nan' "s.style:2:1: error: expansion = nan: not a value it takes"
case_ 'protrusion = maybe' "s.style:2:1: error: protrusion = maybe: not a value it takes; protrusion takes yes or no"
case_ 'toc.authors = maybe' "s.style:2:1: error: toc.authors = maybe: not a value it takes; toc.authors takes off, on or auto"
case_ 'glossterm.face = red' "s.style:2:1: error: glossterm.face = red: not a value it takes; glossterm.face takes none, italic, bold or underline"
case_ 'align = sideways' "s.style:2:1: error: align = sideways: not a value it takes; align takes justify or ragged"

# a good style with every number at an edge of its range still builds
printf 'size.text = 1pt\nleading = 400pt\nindex.columns = 16\nmargin.inner = 0\npretolerance = -1\n' > s.style
rm -rf out && mkdir out
if ! "$FOLIO" build a.xml --style s.style -o out --format pdf > log 2>&1; then
	echo "FAIL: a style at the edges of its ranges does not build:"; sed 's/^/    /' log | head -3; fail=1
fi
[ "$fail" = 0 ] || exit 1
echo "style_values: all cases as expected"
