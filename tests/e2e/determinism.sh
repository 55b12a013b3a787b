#!/usr/bin/env bash
# determinism: the same sources give byte-identical PDF, EPUB and text, run
# after run, whatever the time zone, the locale or the output folder.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
src=sources/pekerjaan-sosial/reader.xml
fail=0
build() { # build DIR [ENV...]
	local dir=$1; shift
	mkdir -p "$dir"
	env "$@" "$FOLIO" build "$src" -q --pdf "$dir/r.pdf" --epub "$dir/r.epub" --text "$dir/r.txt" \
		|| { echo "FAIL: build in $dir exited $?"; fail=1; }
}
build "$t/a" SOURCE_DATE_EPOCH=1767225600
build "$t/b" SOURCE_DATE_EPOCH=1767225600 TZ=Asia/Jakarta LC_ALL=C.UTF-8
build "$t/c/deeper/folder" SOURCE_DATE_EPOCH=1767225600 TZ=America/New_York LANG=id_ID.UTF-8
for f in r.pdf r.epub r.txt; do
	for other in b c/deeper/folder; do
		cmp -s "$t/a/$f" "$t/$other/$f" || { echo "FAIL: $f differs between a and $other"; fail=1; }
	done
done
# One thread or several: paragraphs set ahead on a second core, the EPUB
# written beside the PDF and the dictionaries loaded in threads change
# nothing.  Also on a reader ten times the sample, where the worker and
# the main flow meet in the middle of seventy articles.
build "$t/f" SOURCE_DATE_EPOCH=1767225600 FOLIO_THREADS=1
for f in r.pdf r.epub r.txt; do
	cmp -s "$t/a/$f" "$t/f/$f" || { echo "FAIL: $f differs with FOLIO_THREADS=1"; fail=1; }
done
python3 bench/gen.py "$src" 10 "$t/ten" >/dev/null || { echo "FAIL: bench/gen.py"; fail=1; }
for n in 1 2; do
	env SOURCE_DATE_EPOCH=1767225600 FOLIO_THREADS=$n "$FOLIO" build "$t/ten/reader.xml" -q \
		--pdf "$t/ten/$n.pdf" --epub "$t/ten/$n.epub" || { echo "FAIL: 10x build"; fail=1; }
done
for f in pdf epub; do
	cmp -s "$t/ten/1.$f" "$t/ten/2.$f" || { echo "FAIL: 10x $f differs between one thread and two"; fail=1; }
done
# The EPUB alone, with its own layout and its files deflated on one thread
# or two, is the EPUB built with the PDF.
for n in 1 2; do
	env SOURCE_DATE_EPOCH=1767225600 FOLIO_THREADS=$n "$FOLIO" build "$t/ten/reader.xml" -q \
		--epub "$t/ten/alone$n.epub" || { echo "FAIL: 10x EPUB build"; fail=1; }
	cmp -s "$t/ten/1.epub" "$t/ten/alone$n.epub" ||
		{ echo "FAIL: 10x EPUB alone ($n threads) differs from the one built with the PDF"; fail=1; }
done
# Without SOURCE_DATE_EPOCH both are dated by the clock (the PDF's Info
# dates, the EPUB's dcterms:modified: e2e.pdf_dates), the rest must not
# depend on it.
build "$t/d"
sleep 1
build "$t/e"
for d in d e; do
	unzip -p "$t/$d/r.epub" OEBPS/package.opf | grep -v 'dcterms:modified' >"$t/$d/opf"
done
cmp -s "$t/d/opf" "$t/e/opf" || { echo "FAIL: the EPUB's package depends on the time of the build beyond dcterms:modified"; fail=1; }
for d in d e; do
	# the Info dates (D:...) and the XMP's (ISO 8601, written with the
	# tagged PDF's title and identifier)
	python3 -c 'import re, sys; d = open(sys.argv[1], "rb").read(); d = re.sub(rb"D:[0-9]{14}", b"D:X", d); sys.stdout.buffer.write(re.sub(rb"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?", b"T", d))' \
		"$t/$d/r.pdf" >"$t/$d/undated.pdf"
done
cmp -s "$t/d/undated.pdf" "$t/e/undated.pdf" ||
	{ echo "FAIL: r.pdf depends on the time of the build beyond its dates"; fail=1; }
[ $fail = 0 ] && echo "determinism: identical outputs"
exit $fail
