#!/usr/bin/env bash
# new_reader: a lecturer's first five minutes (issue 23, items 5 and 9).
#   - `folio styles` lists every shipped style, one line each, with its
#     description; `--style NAME` finds a shipped style and a project's own
#     styles/NAME.style; an unknown name is a usage error naming where it
#     looked; `--style PATH` still works
#   - `--preset` is accepted on build as on preflight (`--print-preset` too)
#   - `folio new DIR` writes the template; the reader builds in both
#     formats with `--style a4-reader --preset copyshop` without a warning,
#     and the outputs pass qpdf --check, EPUBCheck and the word check
#   - `folio new` never replaces a file
# Env: FOLIO (the binary), SRC (repo root), SHARED (../shared).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
SHARED=${SHARED:-$SRC/../shared}
t=$(mktemp -d /tmp/new_reader.XXXXXX)
trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
export SOURCE_DATE_EPOCH=1700000000

# ---- folio styles
"$FOLIO" styles >"$t/styles" 2>&1 || bad "folio styles exited $?"
for s in "$SRC"/styles/*.style; do
	name=$(basename "$s" .style)
	line=$(grep -E "^$name +[a-z]" "$t/styles")
	if [ -z "$line" ] || [ "$(grep -c "^$name " "$t/styles")" != 1 ]; then
		bad "folio styles: no single described line for $name"; cat "$t/styles"
	fi
done
grep -q '^a4-reader  *a one-sided A4 reader' "$t/styles" &&
	ok "folio styles: $(wc -l <"$t/styles") styles, described" ||
	bad "folio styles: a4-reader's description missing"

# ---- folio new
cd "$t" || exit 2
"$FOLIO" new lecture >"$t/new.log" 2>&1 || bad "folio new exited $?: $(cat "$t/new.log")"
for f in reader.xml articles/01-introduction.xml glossary.xml references.bib; do
	[ -s "lecture/$f" ] || bad "folio new wrote no $f"
done
echo "my own notes" >"$t/mine.xml"
mkdir -p taken && cp "$t/mine.xml" taken/glossary.xml
if "$FOLIO" new taken >"$t/new2.log" 2>&1; then
	bad "folio new over an existing glossary.xml succeeded"
elif [ "$(cat taken/glossary.xml)" != "my own notes" ] || [ -e taken/reader.xml ]; then
	bad "folio new changed a folder it refused"
else
	ok "folio new refuses a folder with a template file in it, touching nothing"
fi

# ---- the new reader, by style name and preset, from another folder
mkdir -p elsewhere && cd elsewhere || exit 2
if "$FOLIO" build ../lecture/reader.xml -o out --style a4-reader --preset copyshop >"$t/b.log" 2>&1; then
	if [ -s "$t/b.log" ]; then
		bad "the new reader built with messages:"; sed 's/^/    /' "$t/b.log"
	else
		ok "the new reader builds silently with --style a4-reader --preset copyshop"
	fi
else
	bad "building the new reader failed:"; sed 's/^/    /' "$t/b.log"
fi
pdf=out/reader.pdf epub=out/reader.epub
"$FOLIO" build ../lecture/reader.xml --pages "$t/a4.pages" --style a4-reader -q &&
	head -1 "$t/a4.pages" | grep -q "style a4-reader" &&
	ok "--style a4-reader is the a4-reader style" || bad "--style a4-reader did not set the a4-reader style"
# shellcheck source=lib/standards.sh
. "$SRC/tests/e2e/lib/standards.sh"
standard_pdf ../lecture/reader.xml "$pdf"
standard_epub ../lecture/reader.xml "$epub"

# ---- a project's own style by name, a path, an unknown name
mkdir -p ../lecture/styles
sed 's/^name = a4-reader/name = house/' "$SRC/styles/a4-reader.style" >../lecture/styles/house.style
"$FOLIO" build ../lecture/reader.xml --pages "$t/house.pages" --style house -q &&
	head -1 "$t/house.pages" | grep -q "style house" &&
	ok "--style house finds the project's styles/house.style" ||
	bad "--style house: $(head -1 "$t/house.pages" 2>&1)"
"$FOLIO" styles ../lecture/reader.xml | grep -q '^house ' &&
	ok "folio styles SOURCE lists the project's own style" || bad "folio styles SOURCE misses house"
"$FOLIO" build ../lecture/reader.xml --pages "$t/path.pages" --style "$SRC/styles/b5-book.style" -q &&
	head -1 "$t/path.pages" | grep -q "style b5-book" &&
	ok "--style PATH still works" || bad "--style PATH"
"$FOLIO" build ../lecture/reader.xml --pdf "$t/x.pdf" --style a4-reder >"$t/unk.log" 2>&1
rc=$?
if [ $rc = 2 ] && grep -q "no style named 'a4-reder'" "$t/unk.log" && [ ! -e "$t/x.pdf" ]; then
	ok "an unknown style name: exit 2, $(head -1 "$t/unk.log")"
else
	bad "unknown style name: exit $rc: $(cat "$t/unk.log")"
fi

# ---- --preset and --print-preset on build
for opt in --preset --print-preset; do
	"$FOLIO" build ../lecture/reader.xml --pdf "$t/p$opt.pdf" $opt offset -q >"$t/p.log" 2>&1 ||
		bad "build $opt offset failed: $(cat "$t/p.log")"
done
cmp -s "$t/p--preset.pdf" "$t/p--print-preset.pdf" &&
	ok "--preset and --print-preset give the same PDF" || bad "--preset differs from --print-preset"
"$FOLIO" build ../lecture/reader.xml --pdf "$t/q.pdf" --preset nosuch >"$t/q.log" 2>&1
[ $? = 2 ] && ok "--preset nosuch: usage error" || bad "--preset nosuch: $(cat "$t/q.log")"

[ $fail = 0 ] && echo "new_reader: all checks passed"
exit $fail
