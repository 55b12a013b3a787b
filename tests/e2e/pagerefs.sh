#!/usr/bin/env bash
# pagerefs: page references in print (issue 23, item 2).
# tests/e2e/data/pagerefs.xml: xrefs to a section, a figure, a table, an
# example and an equation on later pages print the page the pages dump
# puts the target on, "(hlm. N)"; one to a figure on its own page does not
# (xref.page = other-page, the default); xref.page = always and never,
# xref.page.format = see and comma, English ("(p. N)"); xrefstyle per
# reference ("select: label title page", "labelnumber", "nopage",
# "title pageabbrev"); the EPUB and the text keep their links without
# pages.  The PDF passes qpdf --check and the word check.
# Env: FOLIO, SRC.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
doc=tests/e2e/data/pagerefs.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
# shellcheck source=lib/standards.sh
. "$SRC/tests/e2e/lib/standards.sh"

build() { # build SOURCE NAME [options]: NAME.pdf, .pages, .txt (text of the PDF)
	local src=$1 name=$2; shift 2
	"$FOLIO" build "$src" --pdf "$t/$name.pdf" --pages "$t/$name.pages" -q "$@" \
		2>"$t/$name.log" || { bad "build $name exited $?"; cat "$t/$name.log"; return 1; }
	# the PDF's text, lines joined: a reference may wrap
	pdftotext "$t/$name.pdf" - | tr '\n' ' ' | tr -s ' ' > "$t/$name.txt"
}
has() { # has NAME TEXT WHAT
	if grep -qF -- "$2" "$t/$1.txt"; then ok "$3"; else bad "$3: no '$2' in the $1 PDF"; fi
}
hasnt() {
	if grep -qF -- "$2" "$t/$1.txt"; then bad "$3: '$2' in the $1 PDF"; else ok "$3"; fi
}
# the label of the page whose dest is #ID in a pages dump
page_of() { # page_of NAME ID
	awk -v id="#$2" '$1=="page"{l=substr($3, 7)} $1=="dest"&&$NF==id{print l; exit}' "$t/$1.pages"
}

build $doc def || exit 1
pm=$(page_of def s-metode) pt=$(page_of def tbl-timbang) pe=$(page_of def ex-catatan)
pq=$(page_of def eq-imt) pf=$(page_of def fig-alur) pd=$(page_of def fig-dekat)
p0=$(page_of def p-rujukan)
echo "targets: section $pm, table $pt, example $pe, equation $pq, figure $pf; near figure $pd, references $p0"
[ -n "$pm" ] && [ "$pm" != "$p0" ] || bad "the section is not on another page than the references ($pm, $p0)"
[ "$pd" = "$p0" ] || bad "the near figure is not on the references' page ($pd, $p0)"
has def "Metode Penimbangan (hlm. $pm)" "a section's page"
has def "Tabel 1.1 (hlm. $pt)" "a table's page"
has def "Contoh 1.1 (hlm. $pe)" "an example's page"
has def "Persamaan 1.1 (hlm. $pq)" "an equation's page"
has def "bar 1.2 (hlm. $pf)" "a figure's page"
has def "tampak pada Gambar 1.1, di" "a figure on the same page: no page"
has def "rujukan: 1.1: Metode Penimbangan (hlm. $pm);" "select: label title page"
has def "nomornya saja: 1.1 (hlm. $pt);" "select: labelnumber, the page as the style says"
has def "tanpa halaman: Metode Penimbangan;" "select: nopage"
has def "singkatan: Alur Pelayanan, hlm. $pf." "select: title pageabbrev"
hasnt def "(hlm. 00)" "no first-pass placeholder left"
standard_pdf $doc "$t/def.pdf"

printf 'xref.page = always\n' > "$t/always.style"
build $doc always --style "$t/always.style" || exit 1
has always "tampak pada Gambar 1.1 (hlm. $pd)" "always: a figure on the same page too"
printf 'xref.page = never\n' > "$t/never.style"
build $doc never --style "$t/never.style" || exit 1
has never "ada pada Metode Penimbangan, hasil" "never: no page after a plain xref"
has never "rujukan: 1.1: Metode Penimbangan (hlm. $pm);" "never: an xrefstyle that asks for the page still has it"
printf 'xref.page.format = see\n' > "$t/see.style"
build $doc see --style "$t/see.style" || exit 1
has see "Tabel 1.1 (lihat hlm. $(page_of see tbl-timbang))" "format see"
printf 'xref.page.format = comma\n' > "$t/comma.style"
build $doc comma --style "$t/comma.style" || exit 1
# shorter references may move the table: its page in this build
has comma "Tabel 1.1, hlm. $(page_of comma tbl-timbang)" "format comma"
sed 's/xml:lang="id"/xml:lang="en"/' $doc > "$t/en.xml"
build "$t/en.xml" en || exit 1
has en "Table 1.1 (p. $(page_of en tbl-timbang))" "English: (p. N)"

# the EPUB and the text: links without pages
"$FOLIO" build $doc --epub "$t/p.epub" --text "$t/p.txt" -q || bad "EPUB and text build"
if unzip -p "$t/p.epub" 'OEBPS/*.xhtml' | grep -q "hlm\."; then bad "the EPUB prints page references"
else ok "the EPUB has no page references"; fi
if grep -q "hlm\." "$t/p.txt"; then bad "the text output prints page references"
else ok "the text output has no page references"; fi
grep -qF "1.1: Metode Penimbangan" "$t/p.txt" && ok "text: select: label title" ||
	bad "text: no '1.1: Metode Penimbangan'"
word_check $doc --epub "$t/p.epub"

# an xrefstyle folio does not read: a warning at the xref
cat > "$t/bad.xml" <<'XML'
<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T</title>
<section xml:id="s"><title>S</title><para>See <xref linkend="s" xrefstyle="template: %t"/>.</para></section>
</article>
XML
"$FOLIO" check "$t/bad.xml" 2>"$t/bad.log"
if grep -qF 'bad.xml:2:' "$t/bad.log" && grep -qF 'warning: xrefstyle="template: %t" is not understood' "$t/bad.log"; then
	ok "an unknown xrefstyle is a warning at the xref"
else
	bad "no warning for xrefstyle=\"template: %t\":"; cat "$t/bad.log"
fi
[ $fail = 0 ] && echo "pagerefs: all checks passed"
exit $fail
