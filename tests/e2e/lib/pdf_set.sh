# pdf_set.sh: the PDFs (with the text output of the same source) the PDF/UA
# check (e2e.pdfua) runs on, built once into $tmp with SOURCE_DATE_EPOCH
# fixed: the documents of epub_set.sh and of tests/golden/documents.
# Sourced with FOLIO, tmp and fail set; a failed build prints its messages
# and sets fail=1.
build_pdf() { # build_pdf NAME SOURCE [options...]
	local name=$1 src=$2
	shift 2
	if ! "$FOLIO" build "$src" --pdf "$tmp/$name.pdf" --text "$tmp/$name.txt" -q "$@" \
		>"$tmp/$name.log" 2>&1; then
		echo "FAIL: folio build $src --pdf --text $* failed:"
		sed 's/^/    /' "$tmp/$name.log" | head -20
		fail=1
	fi
}
build_pdf reader sources/pekerjaan-sosial/reader.xml
build_pdf features tests/e2e/data/epub/features.xml
build_pdf bibliography tests/docbook/bibliography.xml
build_pdf index-ranges tests/e2e/data/index-ranges.xml
build_pdf layout tests/e2e/data/layout.xml
build_pdf astral tests/e2e/data/astral.xml
build_pdf layout-features tests/layout/features.xml
build_pdf layout-scripts tests/layout/scripts.xml
build_pdf warnings tests/golden/data/warnings.xml
build_pdf break tests/layout/break.xml
