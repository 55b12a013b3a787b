#!/usr/bin/env bash
# ctest-labels: slow
# epub_wellformed: every XML file (XHTML, package, navigation) of an EPUB
# built from every document the suite holds is parsed by libxml2
# (xmllint --noout): the sample reader, the e2e and layout documents,
# the fuzzers' seed documents, the bad-input cases that build, and
# data/epub/hostile.xml, whose text, attributes, text include and BibTeX
# database carry every character XML escapes or allows at its edges.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}" "${SRC:?}"
cd "$SRC" || exit 2
T=$(mktemp -d /tmp/epub_wellformed.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0 n=0 files=0

# check NAME EPUB: xmllint over the EPUB's XML entries
check() {
	local name=$1 epub=$2 dir=$T/x/$1
	mkdir -p "$dir"
	python3 - "$epub" "$dir" <<-'PY' || { echo "FAIL: $name: not a zip"; fail=1; return; }
		import sys, zipfile
		z = zipfile.ZipFile(sys.argv[1])
		for n in z.namelist():
		    if n.endswith(('.xhtml', '.opf', '.ncx', '.xml')):
		        z.extract(n, sys.argv[2])
	PY
	while IFS= read -r -d '' f; do
		files=$((files + 1))
		if ! xmllint --noout --nonet "$f" 2> "$T/lint"; then
			echo "FAIL: $name: ${f#$dir/} is not well-formed:"
			head -5 "$T/lint" | sed 's/^/    /'
			fail=1
		fi
	done < <(find "$dir" -type f -print0)
}

# build NAME SOURCE [must]: the EPUB of SOURCE, checked; a document that
# does not build is an error only when "must" is given
build() {
	local name=$1 src=$2 must=${3:-}
	if ! "$FOLIO" build "$src" --epub "$T/$name.epub" -q > "$T/$name.log" 2>&1; then
		if [ -n "$must" ]; then
			echo "FAIL: folio build $src failed:"; head -5 "$T/$name.log" | sed 's/^/    /'
			fail=1
		fi
		return
	fi
	n=$((n + 1))
	check "$name" "$T/$name.epub"
}

for src in sources/*/reader.xml tests/e2e/data/*.xml tests/e2e/data/epub/*.xml tests/layout/*.xml; do
	build "$(echo "$src" | tr '/' '_')" "$src" must
done
for src in tests/fuzz/corpus/read/*.xml tests/fuzz/corpus/pipeline/*.xml; do
	build "$(echo "$src" | tr '/' '_')" "$src"
done
# bad-input cases that build as they are (no generated input)
for src in tests/bad/*.xml; do
	grep -q 'expect-status: 0' "$src" && ! grep -q 'generate:' "$src" || continue
	build "$(basename "$src" .xml)" "$src" must
done

[ "$n" -ge 10 ] || { echo "FAIL: only $n EPUBs built"; fail=1; }
[ "$fail" = 0 ] || exit 1
echo "epub_wellformed: $files XML files in $n EPUBs, all well-formed"
