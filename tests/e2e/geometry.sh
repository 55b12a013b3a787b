#!/usr/bin/env bash
# ctest-labels: slow
# geometry: every document the tests build, in every style in styles/
# (and the sample with bleed and crop marks), read back from the PDF by
# tests/tools/geometry.py: no two words overprint, no word leaves the text
# block except the running head and folio in their margins.
# Known defects that belong to other work are listed in KNOWN below with
# the reason; a listed one that passes fails the test, so the list is
# kept true.
set -u
: "${FOLIO:?}" "${SRC:?}"
command -v pdftotext >/dev/null || { echo "SKIP: no pdftotext (poppler-utils)"; exit 77; }
out=$(mktemp -d /tmp/geometry.XXXXXX)
trap 'rm -rf "$out"' EXIT
# document:style  reason (documents are named by their file's stem; those
# under tests/e2e/data/epub/ as epub-STEM)
declare -A KNOWN=()
docs=("$SRC/sources/pekerjaan-sosial/reader.xml" "$SRC"/tests/layout/*.xml "$SRC"/tests/scripts/*.xml "$SRC"/tests/e2e/data/*.xml "$SRC"/tests/e2e/data/epub/*.xml)
fail=0
run() { # name style pdf [extra args...]
	local name=$1 style=$2 pdf=$3; shift 3
	local key="$name:$(basename "$style" .style)"
	if python3 "$SRC/tests/tools/geometry.py" "$pdf" --style "$style" "$@" >"$out/g.log" 2>&1; then
		if [ -n "${KNOWN[$key]+x}" ]; then
			echo "FAIL: $key passes now: take it off the known list"; fail=1
		else
			echo "ok: $key"
		fi
	elif [ -n "${KNOWN[$key]+x}" ]; then
		echo "known failure: $key (${KNOWN[$key]}): $(tail -1 "$out/g.log")"
	else
		grep -v ' defects$' "$out/g.log" | head -10; echo "FAIL: $key: $(tail -1 "$out/g.log")"; fail=1
	fi
}
for doc in "${docs[@]}"; do
	[ -f "$doc" ] || continue
	name=$(basename "$doc" .xml)
	case $doc in */epub/*) name=epub-$name ;; esac
	for style in "$SRC"/styles/*.style; do
		pdf=$out/$name-$(basename "$style" .style).pdf
		SOURCE_DATE_EPOCH=1767225600 "$FOLIO" build "$doc" --style "$style" --pdf "$pdf" -q 2>"$out/build.log"
		if [ ! -s "$pdf" ]; then
			cat "$out/build.log"; echo "FAIL: $name: no PDF in $(basename "$style")"; fail=1; continue
		fi
		run "$name" "$style" "$pdf"
	done
done
# bleed and crop marks move the trim box in the media box
pdf=$out/reader-bleed.pdf
"$FOLIO" build "$SRC/sources/pekerjaan-sosial/reader.xml" --bleed 3mm --marks --pdf "$pdf" -q 2>"$out/build.log" \
	&& run reader-bleed "$SRC/styles/a5-reader.style" "$pdf" \
	|| { cat "$out/build.log"; echo "FAIL: the sample with bleed did not build"; fail=1; }
[ $fail = 0 ] && echo "geometry: ok"
exit $fail
