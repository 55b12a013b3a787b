#!/usr/bin/env bash
# glossterm_face: uses of glossary terms marked in print and in the EPUB
# alike (issue 23, item 4).  tests/e2e/data/terms.xml built with
# glossterm.face = none (the default: the uses stay in the text's face),
# italic, bold and underline (a rule under each use, in the pages dump),
# and bold with glossterm.first-use-only = yes (the first use in each
# article only; a firstterm before it is the first use); the EPUB's uses
# carry the class its style sheet marks.  The PDFs pass qpdf --check and
# the word check.
# Env: FOLIO, SRC.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
doc=tests/e2e/data/terms.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
# shellcheck source=lib/standards.sh
. "$SRC/tests/e2e/lib/standards.sh"

build() { # build NAME STYLE-LINES: NAME.pdf, .pages, .epub in $t
	printf '%b' "$2" > "$t/$1.style"
	"$FOLIO" build $doc --style "$t/$1.style" --pdf "$t/$1.pdf" --pages "$t/$1.pages" \
		--epub "$t/$1.epub" -q || { bad "build $1 exited $?"; return 1; }
}
# the faces of the text runs "imunisasi" on the article pages (labels 1-3),
# in order, one a line
faces() { # faces NAME WORD
	awk -v w="$2" '$1=="page"{on=($3=="label=1"||$3=="label=3")}
		on&&$1=="text"&&index($0, w)>0{print $4}' "$t/$1.pages" | tr '\n' ' '
}
expect_faces() { # expect_faces NAME WORD WANT WHAT
	local got; got=$(faces "$1" "$2")
	if [ "$got" = "$3" ]; then ok "$4: $got"; else bad "$4: '$got', want '$3'"; fi
}
classes() { # the classes of the EPUB's glossary links, in order
	unzip -p "$t/$1.epub" 'OEBPS/*.xhtml' | grep -o '<a [^>]*glossref[^>]*>' |
		sed 's/.*class="\([^"]*\)".*/\1/' | tr '\n' ' '
}
expect_classes() {
	local got; got=$(classes "$1")
	if [ "$got" = "$2" ]; then ok "$3: $got"; else bad "$3: '$got', want '$2'"; fi
}
rules() { # underlines on the article pages: rules half a point thick (10 pt type; the title block's rule is 0.6 pt)
	awk '$1=="page"{on=($3=="label=1"||$3=="label=3")} on&&$1=="rule"&&$5=="0.500"' "$t/$1.pages" | wc -l
}

R=Charis-SIL/regular I=Charis-SIL/italic B=Charis-SIL/bold
build none '' || exit 1
expect_faces none imunisasi "$R $R $R $R " "none: uses in the text's face"
[ "$(rules none)" = 0 ] && ok "none: no underlines" || bad "none: $(rules none) underlines"
expect_classes none "glossterm glossterm firstterm glossterm glossterm glossterm " "none: EPUB classes"
standard_pdf $doc "$t/none.pdf"
build italic 'glossterm.face = italic\n' || exit 1
expect_faces italic imunisasi "$I $I $I $I " "italic"
expect_classes italic "glossterm term-italic glossterm term-italic firstterm glossterm term-italic glossterm term-italic glossterm term-italic " "italic: EPUB classes"
build bold 'glossterm.face = bold\n' || exit 1
expect_faces bold imunisasi "$B $B $B $B " "bold"
build under 'glossterm.face = underline\n' || exit 1
expect_faces under imunisasi "$R $R $R $R " "underline: the face stays"
[ "$(rules under)" = 5 ] && ok "underline: a rule under each of the 5 uses" ||
	bad "underline: $(rules under) rules, want 5"
# each rule spans its use's link (same x and width) and sits just under
# the baseline of the line it is on (the text line after it in the dump)
awk '$1=="link"{lx=$2; lw=$4} $1=="rule"&&$5=="0.500"{
	if ($2 != lx || $4 != lw) { print "not under a link: " $0; bad=1 } ry=$3; n++}
	$1=="text"&&ry!=""{ if (ry <= $3 || ry > $3 + 2) { print "off the baseline: " $0; bad=1 } ry=""}
	END{exit bad || n != 5}' "$t/under.pages" && ok "underline: under each use, just below the baseline" ||
	bad "underline: a rule is not under its word"
standard_pdf $doc "$t/under.pdf"
build first 'glossterm.face = bold\nglossterm.first-use-only = yes\n' || exit 1
expect_faces first imunisasi "$B $R $B $R " "first use in each article only"
expect_faces first posyandu "$I $R " "after a firstterm the glossterm is no first use"
expect_classes first "glossterm term-bold glossterm firstterm glossterm glossterm term-bold glossterm " "first-use-only: EPUB classes"
word_check $doc --epub "$t/first.epub"
[ $fail = 0 ] && echo "glossterm_face: all checks passed"
exit $fail
