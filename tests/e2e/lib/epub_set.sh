# epub_set.sh: the EPUBs the external checkers (e2e.ace, e2e.epubcheck5) run
# on, built once into $tmp with SOURCE_DATE_EPOCH fixed.  Sourced with
# FOLIO, tmp and fail set; a failed build prints its messages and sets fail=1.
# One list, so that both checkers always see the same books.
build_epub() { # build_epub NAME SOURCE [options...]
	local name=$1 src=$2
	shift 2
	if ! "$FOLIO" build "$src" --epub "$tmp/$name.epub" -q "$@" >"$tmp/$name.log" 2>&1; then
		echo "FAIL: folio build $src --epub $* failed:"
		sed 's/^/    /' "$tmp/$name.log" | head -20
		fail=1
	fi
}
build_epub reader sources/pekerjaan-sosial/reader.xml
build_epub features tests/e2e/data/epub/features.xml
build_epub fonts tests/e2e/data/epub/features.xml --epub-fonts
build_epub bibliography tests/docbook/bibliography.xml
build_epub svg tests/docbook/svg/figures.xml
build_epub index-ranges tests/e2e/data/index-ranges.xml
build_epub layout tests/e2e/data/layout.xml
build_epub astral tests/e2e/data/astral.xml
build_epub equations tests/math/equations.xml
build_epub authors tests/e2e/data/authors.xml
build_epub pagerefs tests/e2e/data/pagerefs.xml
build_epub terms tests/e2e/data/terms.xml --style tests/e2e/data/terms-bold.style
