#!/usr/bin/env bash
# bibliography_outputs: citations and generated reference lists of the sample
# reader in both outputs (issue 11), checked against the sources by
# tests/e2e/lib/check_bibliography.py:
#   PDF  "Daftar Pustaka" holds each cited work once (Zastrow 2017 once),
#        each article's "Referensi" exactly the works it cites, sorted by
#        author, year, title; each citation a link, on its words, landing on
#        its entry in its article's list; APA surface forms in the text:
#        "(Toseland & Rivas, 2017)" and the Zastrow reference word for word.
#   EPUB the same lists marked epub:type="bibliography" role="doc-bibliography",
#        each citation a role="doc-biblioref" link to its entry, book titles
#        in <em>/<i>.
# epubcheck and fidelity are other tests' business.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}" "${SRC:?}"
cd "$SRC" || exit 2
T=$(mktemp -d /tmp/bibliography_outputs.XXXXXX)
trap 'rm -rf "$T"' EXIT
reader=sources/pekerjaan-sosial/reader.xml
if ! "$FOLIO" build "$reader" --pdf "$T/r.pdf" --epub "$T/r.epub" -q >"$T/log" 2>&1; then
	echo "FAIL: folio build $reader failed:"
	sed 's/^/    /' "$T/log" | head -20
	exit 1
fi
python3 tests/e2e/lib/check_bibliography.py "$reader" "$T/r.pdf" "$T/r.epub"
