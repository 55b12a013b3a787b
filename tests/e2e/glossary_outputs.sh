#!/usr/bin/env bash
# glossary_outputs: the generated glossary of the sample reader in both
# outputs (issue 6), checked against the sources by tests/e2e/lib/check_glossary.py:
#   PDF  "Glosarium": every used term (and what its see/see-also reach) once,
#        in Indonesian collation order under letter headings; each "hlm."
#        list sorted and merged, each page holding the term and the list
#        equal to the pages of the uses; locators and see-also links; each
#        use in the text a link to its entry.
#   EPUB epub:type="glossary" role="doc-glossary", dl/dt/dd with dfn, the
#        same entries in the same order, each use a link to its entry, back
#        links from each entry to the first of its uses on each print page.
# epubcheck and fidelity are other tests' business.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}" "${SRC:?}"
cd "$SRC" || exit 2
T=$(mktemp -d /tmp/glossary_outputs.XXXXXX)
trap 'rm -rf "$T"' EXIT
reader=sources/pekerjaan-sosial/reader.xml
if ! "$FOLIO" build "$reader" --pdf "$T/r.pdf" --epub "$T/r.epub" -q >"$T/log" 2>&1; then
	echo "FAIL: folio build $reader failed:"
	sed 's/^/    /' "$T/log" | head -20
	exit 1
fi
python3 tests/e2e/lib/check_glossary.py "$reader" "$T/r.pdf" "$T/r.epub"
