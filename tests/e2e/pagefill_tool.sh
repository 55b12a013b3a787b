#!/usr/bin/env bash
# pagefill_tool: the empty-page check (tests/tools/pagefill.py) that
# e2e.layout_break runs on the torture document catches what it must
# (issue 16: a page of body text more than a fifth empty):
#   - a page of a division with text only in its top third fails (exit 1)
#     and is named; the same page with footnotes at its foot fails too
#     (notes stand at the foot whatever the body above them holds);
#   - a full page, a full page with footnotes, the last page of a
#     division and a blank page pass;
#   - a real pages dump (tests/layout/break.xml, A5) passes, and fails
#     once the lower part of one of its middle pages' body is taken away;
#   - a file that is not a pages dump exits 2.
# Env: FOLIO, SRC.
set -u
: "${FOLIO:?}" "${SRC:?}"
tool=$SRC/tests/tools/pagefill.py
style=$SRC/styles/a5-reader.style
t=$(mktemp -d /tmp/pagefill_tool.XXXXXX)
trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
expect() { # expect STATUS WHAT FILE [GREP]
	python3 "$tool" "$3" --style "$style" >"$t/out" 2>&1
	local st=$?
	if [ "$st" != "$1" ]; then bad "$2: exit $st, want $1: $(tail -2 "$t/out")"; return; fi
	if [ -n "${4:-}" ] && ! grep -qF -- "$4" "$t/out"; then bad "$2: no '$4' in: $(cat "$t/out")"; return; fi
	ok "$2"
}
# A5 with the a5-reader margins: the text block runs from y 48.2 to 544.3
lines() { # lines FROM TO: text lines every 13.2 pt from y FROM below TO
	awk -v a="$1" -v b="$2" 'BEGIN{for (y = a; y <= b; y += 13.2) printf "text 51.024 %.3f Charis-SIL/regular 10.000 \"kata\"\n", y}'
}
notes() { # a footnote rule and two note lines at the foot
	printf 'rule 51.024 515.000 70.866 0.400\ntext 51.024 528.000 Charis-SIL/regular 8.500 "catatan"\n'
	printf 'text 51.024 540.000 Charis-SIL/regular 8.500 "catatan"\n'
}
dump() { # dump PAGE2...: three pages of a division, page 2's body from stdin
	printf 'pages 4 size 419.528 595.276 style a5-reader passes 1\n'
	printf 'page 1 label=1 opening\n'; lines 60 540
	printf 'page 2 label=2\n'; cat
	printf 'page 3 label=3\n'; lines 60 540
	printf 'page 4 label=4 opening\n'; lines 60 100
}
lines 60 200 | dump >"$t/short.pages"
expect 1 "a page with text in its top third fails" "$t/short.pages" "page 2: "
{ lines 60 200; notes; } | dump >"$t/short-notes.pages"
expect 1 "the same page with footnotes at its foot fails" "$t/short-notes.pages" "page 2: "
lines 60 540 | dump >"$t/full.pages"
expect 0 "full pages pass" "$t/full.pages" "0 too empty"
{ lines 60 505; notes; } | dump >"$t/full-notes.pages"
expect 0 "a full page with footnotes passes" "$t/full-notes.pages"
# page 3 short: the last page of the division (page 4 opens one)
{ printf 'pages 3 size 419.528 595.276 style a5-reader passes 1\n'
  printf 'page 1 label=1 opening\n'; lines 60 540
  printf 'page 2 label=2\n'; lines 60 120
  printf 'page 3 label=3 opening\n'; lines 60 540; } >"$t/last.pages"
expect 0 "the last page of a division passes" "$t/last.pages"
{ printf 'pages 3 size 419.528 595.276 style a5-reader passes 1\n'
  printf 'page 1 label=1 opening\n'; lines 60 540
  printf 'page 2 label=2 blank\n'
  printf 'page 3 label=3 opening\n'; lines 60 540; } >"$t/blank.pages"
expect 0 "a blank page passes" "$t/blank.pages"
printf 'not a dump\n' >"$t/junk.pages"
expect 2 "a file that is no pages dump" "$t/junk.pages"

# a real dump passes; with the lower part of a middle page's body gone
# (as if the page builder had moved it on), it fails and names that page
FOLIO_DUMP_PAGES=$t/break.pages SOURCE_DATE_EPOCH=1767225600 \
	"$FOLIO" build "$SRC/tests/layout/break.xml" --style "$style" --pdf "$t/break.pdf" -q 2>/dev/null ||
	bad "break.xml did not build"
expect 0 "break.xml in A5 passes" "$t/break.pages" "0 too empty"
victim=$(python3 - "$t/break.pages" <<'PY'
import sys
pages = []
for line in open(sys.argv[1]):
    w = line.split()
    if w and w[0] == "page":
        pages.append((int(w[1]), set(w[2:])))
# a page neither blank, an opening, nor the last of its division
for k in range(1, len(pages) - 1):
    no, flags = pages[k]
    if not flags & {"blank", "opening"} and not pages[k + 1][1] & {"blank", "opening"}:
        print(no)
        break
PY
)
[ -n "$victim" ] || bad "no middle page in break.xml's dump"
awk -v v="$victim" '$1=="page"{p=$2} !(p==v && ($1=="text"||$1=="image"||$1=="rule") && $3>250)' \
	"$t/break.pages" >"$t/cut.pages"
expect 1 "break.xml with page $victim cut short fails" "$t/cut.pages" "page $victim: "
[ $fail = 0 ] && echo "pagefill_tool: all checks passed"
exit $fail
