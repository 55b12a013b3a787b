#!/usr/bin/env bash
# run.sh NAME SOURCE [STYLE]: the golden files of one feature document.
#
# With a STYLE (a style file), the document is built in it and only the
# page dump is kept: the same document in another style (the sample with
# font expansion and protrusion off must be set as before them).
#
# Four views of SOURCE, each compared with tests/golden/NAME.EXT:
#   .txt    the text output          folio build SOURCE --text
#   .pages  the page dump            folio build SOURCE --pages (the PDF's
#                                    layout, one positioned item a line)
#   .tree   the tree dump            FOLIO_DUMP_TREE=FILE folio check SOURCE
#                                    (the tree after read and resolve)
#   .check  the diagnostics          folio check SOURCE: its stderr, then
#                                    a line "exit status N"
# Run from the repository root with SOURCE relative to it, so every path
# printed is relative; the repository's absolute path, where a dump names
# a file by it (images in the page dump), is written as "$SRC".
#
# With REGEN=1 the files are written instead of compared (make
# regen-golden); review the diff before committing it.  A difference is
# shown as the first lines of a unified diff.
#
# Environment: FOLIO (the binary), SRC (the repository root), REGEN.
set -u
name=${1:?usage: run.sh NAME SOURCE}
source=${2:?usage: run.sh NAME SOURCE [STYLE]}
style=${3:-}
views="txt pages tree check"
style_opt=()
if [ -n "$style" ]; then
	style_opt=(--style "$style")
	views=pages
fi
: "${FOLIO:?FOLIO must name the folio binary}"
: "${SRC:?SRC must name the repository root}"
cd "$SRC" || exit 2
golden=tests/golden
t=$(mktemp -d /tmp/golden.XXXXXX)
trap 'rm -rf "$t"' EXIT
export SOURCE_DATE_EPOCH=1767225600 TZ=UTC LC_ALL=C.UTF-8
fail=0

"$FOLIO" build "$source" "${style_opt[@]}" -q --text "$t/txt" --pages "$t/pages.raw" 2>"$t/build.err" || {
	echo "FAIL: folio build $source exited $?:"
	sed 's/^/  | /' "$t/build.err"
	exit 1
}
sed "s#$SRC/#\$SRC/#g" "$t/pages.raw" >"$t/pages"
FOLIO_DUMP_TREE=$t/tree "$FOLIO" check "$source" 2>"$t/check"
echo "exit status $?" >>"$t/check"
[ -s "$t/tree" ] || { echo "FAIL: FOLIO_DUMP_TREE wrote nothing"; exit 1; }

for ext in $views; do
	want=$golden/$name.$ext
	if [ "${REGEN:-}" = 1 ]; then
		cmp -s "$t/$ext" "$want" 2>/dev/null || { cp "$t/$ext" "$want"; echo "wrote $want"; }
		continue
	fi
	if [ ! -f "$want" ]; then
		echo "FAIL: no $want (make regen-golden writes it)"
		fail=1
	elif ! diff -u "$want" "$t/$ext" >"$t/diff"; then
		echo "FAIL: $source: the $ext view differs from $want:"
		head -n 40 "$t/diff"
		fail=1
	else
		echo "ok: $want ($(wc -l <"$want") lines)"
	fi
done
exit $fail
