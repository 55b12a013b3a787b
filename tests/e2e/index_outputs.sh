#!/usr/bin/env bash
# index_outputs: the back-of-book index of the sample reader in both outputs
# (issue 7), checked against the indexterm marks of the sources by
# tests/e2e/lib/check_index.py:
#   PDF  "Indeks" in two columns, at least 60 primary headings, every
#        heading of the sources once at its level, in Indonesian collation
#        order under letter headings; locators sorted as numbers and merged
#        into ranges (3–5, never 3, 4, 5), each page holding the term and
#        the locators equal to the pages of the marks; locators and see
#        references are links.
#   EPUB epub:type="index" role="doc-index", the same headings in the same
#        order, every locator landing in the paragraph of its mark at the
#        mark, numbered with the print page.
# epubcheck and fidelity are other tests' business.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}" "${SRC:?}"
cd "$SRC" || exit 2
T=$(mktemp -d /tmp/index_outputs.XXXXXX)
trap 'rm -rf "$T"' EXIT
reader=sources/pekerjaan-sosial/reader.xml
if ! "$FOLIO" build "$reader" --pdf "$T/r.pdf" --epub "$T/r.epub" -q >"$T/log" 2>&1; then
	echo "FAIL: folio build $reader failed:"
	sed 's/^/    /' "$T/log" | head -20
	exit 1
fi
python3 tests/e2e/lib/check_index.py "$reader" "$T/r.pdf" "$T/r.epub"
