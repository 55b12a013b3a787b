#!/usr/bin/env bash
# text_golden: the text back end's rendering of the sample reader, compared
# with tests/golden/pekerjaan-sosial.txt.  After an intended change, review
# the diff and refresh the golden with `make regen-golden`.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
"$FOLIO" build sources/pekerjaan-sosial/reader.xml --text "$t/r.txt" -q || { echo "FAIL: build exited $?"; exit 1; }
if ! diff -u tests/golden/pekerjaan-sosial.txt "$t/r.txt" >"$t/diff"; then
	echo "FAIL: the text output differs from tests/golden/pekerjaan-sosial.txt:"
	head -n 60 "$t/diff"
	exit 1
fi
echo "text_golden: identical ($(wc -l <"$t/r.txt") lines)"
