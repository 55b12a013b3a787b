#!/usr/bin/env bash
# pdf_styles: each shipped page style builds the sample reader cleanly
# (qpdf --check, fonts embedded and subset, every source word present,
# pdftotext silent) with the page size the style asks for.
set -u
: "${FOLIO:?}" "${SRC:?}"
src=$SRC/sources/pekerjaan-sosial/reader.xml
[ -f "$src" ] || { echo "no sample reader at $src"; exit 1; }
out=$(mktemp -d /tmp/pdf_styles.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
for style in a5-reader:419.528x595.276 a4-reader:595.276x841.89 b5-book:498.898x708.661; do
	name=${style%%:*}; size=${style#*:}
	pdf=$out/$name.pdf
	"$FOLIO" build "$src" --style "$SRC/styles/$name.style" --pdf "$pdf" 2>"$out/$name.log" \
		|| { cat "$out/$name.log"; bad "$name: build failed"; continue; }
	[ -s "$out/$name.log" ] && { head -3 "$out/$name.log"; bad "$name: diagnostics on the sample"; }
	qpdf --check "$pdf" >/dev/null 2>&1 || bad "$name: qpdf --check"
	pdffonts "$pdf" | tail -n +3 | awk '{ n = NF; if ($(n-4) != "yes" || $(n-3) != "yes") bad = 1 } END { exit bad }' \
		|| bad "$name: a font not embedded or not subset"
	pdftotext "$pdf" /dev/null 2>"$out/$name.err"; [ -s "$out/$name.err" ] && bad "$name: pdftotext warnings"
	python3 "$SRC/tests/tools/fidelity.py" "$src" --pdf "$pdf" >"$out/$name.fid" || { cat "$out/$name.fid"; bad "$name: fidelity"; }
	got=$(pdfinfo "$pdf" | awk '/^Page size:/ { printf "%sx%s", $3, $5 }')
	[ "$got" = "$size" ] || bad "$name: page size $got, want $size"
done
[ $fail = 0 ] && echo "pdf_styles: ok"
exit $fail
