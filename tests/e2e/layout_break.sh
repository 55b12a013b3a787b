#!/usr/bin/env bash
# layout_break: the torture document for long words and wide tables
# (tests/layout/break.xml) in every style:
#   - it builds, and says what it had to do as path:line:col warnings
#     (a listing wrapped, a table set smaller, a word broken inside);
#   - the PDF passes qpdf --check and the geometric check: nothing
#     overprints, nothing leaves the text block;
#   - URLs, a DOI and an e-mail address reach the PDF's text whole: their
#     lines joined again give them back, with no hyphen added;
#   - wrapped code lines show the continuation mark;
#   - no page of body text is more than a fifth empty (tests/tools/
#     pagefill.py on the pages dump), and the 6- and 9-line listings of
#     the "apung" article split only as their keeps allow;
#   - a numbered equation prints "(2.1)" at the margin, its xrefs
#     "Persamaan 2.1" and its title as a caption;
#   - an index sub-entry list continued in a new column repeats its
#     heading with "(lanjutan)";
#   - the 8-column table's header words stay whole where the table fits
#     the measure at a smaller size (A4, B5);
#   - every source word is in the PDF and the EPUB (tests/tools/fidelity.py),
#     and the EPUB passes EPUBCheck.
set -u
: "${FOLIO:?}" "${SRC:?}"
src=$SRC/tests/layout/break.xml
out=$(mktemp -d /tmp/layout_break.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
fidelity=$SRC/tests/tools/fidelity.py
for style in "$SRC"/styles/*.style; do
	name=$(basename "$style" .style)
	pdf=$out/$name.pdf epub=$out/$name.epub
	FOLIO_DUMP_PAGES=$out/$name.pages SOURCE_DATE_EPOCH=1767225600 \
		"$FOLIO" build "$src" --style "$style" --pdf "$pdf" --epub "$epub" 2>"$out/$name.log" \
		|| { cat "$out/$name.log"; bad "$name: build failed"; continue; }
	# every diagnostic a located warning of the kinds this document asks for
	grep -v -E '^[^:]+/break\.xml:[0-9]+:[0-9]+: warning: (a line of this listing is wider|the table.s columns are too wide|a word wider than its measure)' \
		"$out/$name.log" >"$out/$name.other"
	[ -s "$out/$name.other" ] && { head -5 "$out/$name.other"; bad "$name: other diagnostics"; }
	grep -q 'listing is wider' "$out/$name.log" || bad "$name: no warning for the wrapped listing"
	[ "$(grep -c 'listing is wider' "$out/$name.log")" = 3 ] || bad "$name: want one warning per wrapped listing (3)"
	qpdf --check "$pdf" >/dev/null 2>&1 || bad "$name: qpdf --check"
	python3 "$SRC/tests/tools/geometry.py" "$pdf" --style "$style" >"$out/$name.geo" \
		|| { tail -5 "$out/$name.geo"; bad "$name: geometric check"; }
	python3 "$SRC/tests/tools/pagefill.py" "$out/$name.pages" --style "$style" >"$out/$name.fill" \
		|| { cat "$out/$name.fill"; bad "$name: a page of body text more than a fifth empty"; }
	# the 6-line listings whole, the 9-line ones 3 lines or more each side
	python3 "$SRC/tests/e2e/lib/listing_split.py" "$out/$name.pages" >"$out/$name.split" \
		|| { cat "$out/$name.split"; bad "$name: a listing split against its keeps"; }
	# the long sub-entry lists run on to a new column under their heading
	grep -q '(lanjutan)"' "$out/$name.pages" || bad "$name: no index heading repeated with (lanjutan)"
	pdftotext -raw "$pdf" "$out/$name.txt"
	joined=$(tr -d '\n' <"$out/$name.txt")
	for want in \
		'https://www.kemensos.go.id/uploads/topics/dokumen-perencanaan/rencana-strategis-kementerian-sosial-republik-indonesia-tahun-2020-2024-revisi-pertama.pdf' \
		'10.1177/00208728211073400.supplement-2021-international-social-work-special-issue-on-covid19' \
		'sekretariat.jenderal.perencanaan.program.kesejahteraan@kemensos-republik-indonesia.go.id' \
		'compute_social_welfare_index_for_every_household_in_the_province_2024'; do
		case $joined in *"$want"*) ;; *) bad "$name: not whole in the PDF's text: $want" ;; esac
	done
	# equations: the number at the margin, the xrefs and the title's caption
	spaced=$(tr '\n' ' ' <"$out/$name.txt")
	for want in 's) / 3 (2.1)' 'w = 1 / n (2.2)' 'dengan Persamaan 2.1, bobotnya' 'dengan Persamaan 2.2, dan' 'Persamaan 2.1. Indeks kesejahteraan keluarga'; do
		case $spaced in *"$want"*) ;; *) bad "$name: equations: no \"$want\" in the PDF's text" ;; esac
	done
	grep -q '↪' "$out/$name.txt" || bad "$name: no continuation mark on the wrapped code lines"
	if [ "$name" != a5-reader ]; then
		for word in Pertanggungjawaban Kemasyarakatan Keberlanjutan Kesejahteraan Pendampingan; do
			grep -q -w "$word" "$out/$name.txt" || bad "$name: the header word $word is broken"
		done
	fi
	python3 "$fidelity" "$src" --pdf "$pdf" --epub "$epub" >"$out/$name.fid" \
		|| { tail -5 "$out/$name.fid"; bad "$name: fidelity"; }
done
if [ -f /usr/share/java/epubcheck.jar ]; then
	java -jar /usr/share/java/epubcheck.jar "$out/a5-reader.epub" >"$out/check" 2>&1
	grep -q -E '^(FATAL|ERROR|WARNING)' "$out/check" && { grep -E '^(FATAL|ERROR|WARNING)' "$out/check" | head -5; bad "epubcheck"; }
	grep -q 'No errors or warnings' "$out/check" || bad "epubcheck did not finish clean"
else
	echo "SKIP (EPUBCheck part): no /usr/share/java/epubcheck.jar"
fi
[ $fail = 0 ] && echo "layout_break: ok"
exit $fail
