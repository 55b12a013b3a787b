#!/usr/bin/env bash
# pdf_tags_sample: the sample reader as a tagged PDF (see pdf_tags.sh):
# tests/e2e/lib/check_tags.py passes and it claims PDF/UA-1; --no-tags
# gives an untagged PDF that the checker refuses, with the same pages
# dump and the same pdftotext text.
# ctest-labels: slow (more than 5 s of CPU time; make check leaves it out)
set -u
: "${FOLIO:?}" "${SRC:?}"
out=$(mktemp -d /tmp/pdf_tags_sample.XXXXXX)
trap 'rm -rf "$out"' EXIT
check="python3 $SRC/tests/e2e/lib/check_tags.py"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
export SOURCE_DATE_EPOCH=1767225600

build() { # name source [options]: builds name.pdf and name.pages
	local name=$1 src=$2
	shift 2
	FOLIO_DUMP_PAGES=$out/$name.pages "$FOLIO" build "$src" --pdf "$out/$name.pdf" "$@" \
		2>"$out/$name.err" || { cat "$out/$name.err"; bad "$name: build failed"; return 1; }
	qpdf --check "$out/$name.pdf" >"$out/$name.qpdf" 2>&1 ||
		{ tail -3 "$out/$name.qpdf"; bad "$name: qpdf --check"; }
	return 0
}

sample=$SRC/sources/pekerjaan-sosial/reader.xml
build sample "$sample" -q && $check "$out/sample.pdf" --claims-ua || bad "sample: structure"
build sample_nt "$sample" -q --no-tags && $check "$out/sample_nt.pdf" --untagged || bad "sample --no-tags"
$check "$out/sample_nt.pdf" >/dev/null && bad "the checker passes an untagged PDF"
cmp -s "$out/sample.pages" "$out/sample_nt.pages" || bad "tags changed the layout (pages dump)"
pdftotext "$out/sample.pdf" "$out/sample.txt"
pdftotext "$out/sample_nt.pdf" "$out/sample_nt.txt"
cmp -s "$out/sample.txt" "$out/sample_nt.txt" || bad "tags changed pdftotext's text"

[ $fail = 0 ] && echo "ok: the sample reader, tagged"
exit $fail
