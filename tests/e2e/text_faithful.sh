#!/usr/bin/env bash
# text_faithful: the text output reads as the PDF would be read aloud
# (issue 23, item 7): tests/e2e/data/text/faithful.xml's article abstract,
# admonition words and titles, "Gambar 1.1." and "Tabel 1.1." labels and
# the glossary's "management by objectives (MBO)", an untitled equation's
# number "(1.1)" (in the EPUB too), each on its line.
# Its PDF and EPUB pass qpdf --check, EPUBCheck and the word check.
# Env: FOLIO, SRC, SHARED.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
"$FOLIO" build tests/e2e/data/text/faithful.xml --text "$t/f.txt" >"$t/log" 2>&1 ||
	{ echo "FAIL: build exited $?:"; cat "$t/log"; exit 1; }
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
# shellcheck source=lib/standards.sh
. "$SRC/tests/e2e/lib/standards.sh"
expect() { # expect LINE WHAT: LINE is a whole line of the output
	if grep -qxF -- "$1" "$t/f.txt"; then
		echo "ok: $2: '$1'"
	else
		echo "FAIL: $2: no line '$1'"; fail=1
	fi
}
expect "Ringkasan artikel ini dalam satu kalimat." "the article's abstract"
expect "Catatan" "a note without a title opens with the word for a note"
expect "Air Panas" "a warning's own title"
expect "  Catatan tanpa judul." "the note's body, indented under its word"
expect "Gambar 1.1. Segitiga Epidemiologi" "a figure's label, number and title"
expect "Tabel 1.1. Jenis Kelompok" "a table's label, number and title"
expect "management by objectives (MBO)" "a glossary term and its acronym"
expect "R = S + I (1.1)" "an untitled equation and its number"
# the abstract comes after the article's title and author, before its text
order=$(grep -nxF -e "Sari Lubis" -e "Ringkasan artikel ini dalam satu kalimat." \
	-e "Organisasi memakai management by objectives." "$t/f.txt" | cut -d: -f1 | tr '\n' ' ')
set -- $order
if [ $# = 3 ] && [ "$1" -lt "$2" ] && [ "$2" -lt "$3" ]; then
	echo "ok: the abstract stands between the author and the text"
else
	echo "FAIL: the abstract is out of place (lines $order)"; fail=1
fi
# the same source in the other formats passes the suite's checks
if "$FOLIO" build tests/e2e/data/text/faithful.xml --pdf "$t/f.pdf" --epub "$t/f.epub" -q; then
	standard_pdf tests/e2e/data/text/faithful.xml "$t/f.pdf"
	standard_epub tests/e2e/data/text/faithful.xml "$t/f.epub"
	if unzip -p "$t/f.epub" 'OEBPS/*.xhtml' |
		grep -qF 'R = S + I</span><span class="equation-number">(1.1)</span></figure>'; then
		ok "EPUB: the untitled equation's number after it"
	else
		bad "EPUB: no number after the untitled equation"
	fi
else
	bad "PDF and EPUB build failed"
fi
[ $fail = 0 ] && echo "text_faithful: all checks passed"
exit $fail
