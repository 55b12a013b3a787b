#!/usr/bin/env bash
# authors: a reader of collected articles shows who wrote each article
# (issue 23, item 1).  tests/e2e/data/authors.xml has articles by one,
# two and three authors besides the book's editor: its contents page
# (pages dump) has each article's authors under its title, joined in the
# reader's language ("A, B dan C"; "A, B and C" in English), and each
# opening has them with their affiliations; toc.authors = off and
# article.authors = off take them away, and auto leaves them out of a book
# whose articles are by its editor.  The EPUB's navigation document has
# them inside the entry's link, the text output under the title.  The
# outputs pass qpdf --check and the word check (EPUBCheck: e2e.epubcheck5).
# Env: FOLIO, SRC.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
doc=tests/e2e/data/authors.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
# shellcheck source=lib/standards.sh
. "$SRC/tests/e2e/lib/standards.sh"

build() { # build SOURCE NAME [options]: NAME.pdf/.epub/.txt/.pages in $t
	local src=$1 name=$2; shift 2
	"$FOLIO" build "$src" --pdf "$t/$name.pdf" --epub "$t/$name.epub" \
		--text "$t/$name.txt" --pages "$t/$name.pages" -q "$@" ||
		{ bad "build $name exited $?"; return 1; }
}
# the text lines of page LABEL of a pages dump, one a line
page_text() { # page_text PAGES LABEL
	awk -v want="label=$2" '$1=="page"{on=($3==want)} on&&$1=="text"' "$1" |
		sed 's/^text [^"]*"//; s/"$//'
}
contents_page() { # the label of the page that holds "Daftar Isi"/"Contents"
	awk '$1=="page"{l=substr($3, 7)} $1=="text"&&/"(Daftar Isi|Contents)"/{print l; exit}' "$1"
}
has() { # has FILE TEXT WHAT
	if grep -qF -- "$2" "$1"; then ok "$3"; else bad "$3: no '$2' in $(basename "$1")"; fi
}
hasnt() {
	if grep -qF -- "$2" "$1"; then bad "$3: '$2' in $(basename "$1")"; else ok "$3"; fi
}

build $doc on || exit 1
toc=$(contents_page "$t/on.pages")
[ -n "$toc" ] || bad "no contents page in the pages dump"
page_text "$t/on.pages" "$toc" > "$t/toc.txt"
has "$t/toc.txt" "Sari Lubis" "contents: one author"
has "$t/toc.txt" "Budi Santoso dan Dewi Anggraini" "contents: two authors joined by 'dan'"
has "$t/toc.txt" "Ahmad Fauzi, Maria Tambunan dan Tim Puskesmas Medan" "contents: three authors, an organisation among them"
# under the title: the authors' line follows the entry's title line
# under the title: the authors' line comes after the entry (title, leaders,
# page) and before its first section's entry
order=$(grep -nxF -e "Gizi Anak Sekolah" -e "Sari Lubis" -e "Sarapan" "$t/toc.txt" |
	cut -d: -f1 | tr '\n' ' ')
set -- $order
if [ $# = 3 ] && [ "$2" = $(($1 + 3)) ] && [ "$3" = $(($2 + 1)) ]; then
	ok "contents: the authors' line under the title, before its sections"
else
	bad "contents: 'Sari Lubis' is not under 'Gizi Anak Sekolah' (lines $order)"; cat "$t/toc.txt"
fi
if grep -F '"Sari Lubis"' "$t/on.pages" | head -1 | grep -q "italic"; then
	ok "contents: the authors in italics"
else
	bad "contents: the authors are not in italics"
fi
# the openings: names, and the affiliations under them
has "$t/on.pages" '"Departemen Gizi, Universitas Andalas"' "opening: an affiliation, its parts joined"
has "$t/on.pages" '"Budi Santoso dan Dewi Anggraini"' "opening: two authors"
if grep -A1 -F '"Universitas Gadjah Mada"' "$t/on.pages" | tail -1 |
	grep -qF '"Politeknik Kesehatan Yogyakarta"'; then
	ok "opening: two affiliations, a line each"
else
	bad "opening: the second author's affiliation is not the line after the first's"
fi
# the EPUB's navigation document and the text output
unzip -p "$t/on.epub" OEBPS/nav.xhtml > "$t/nav.xhtml"
has "$t/nav.xhtml" 'Imunisasi Dasar<span class="toc-authors"> — Ahmad Fauzi, Maria Tambunan dan Tim Puskesmas Medan Johor</span></a>' \
	"EPUB nav: the authors inside the entry's link"
hasnt "$t/nav.xhtml" 'Kata Pengantar<span' "EPUB nav: no authors for the preface"
has "$t/on.txt" "Sari Lubis, Departemen Gizi, Universitas Andalas" "text: a name and its affiliation"
if grep -A2 -xF "Budi Santoso dan Dewi Anggraini" "$t/on.txt" | grep -qxF "Universitas Gadjah Mada"; then
	ok "text: two authors' affiliations each a paragraph under the names"
else
	bad "text: 'Universitas Gadjah Mada' not under 'Budi Santoso dan Dewi Anggraini'"
fi
has "$t/on.txt" "Ahmad Fauzi, Maria Tambunan dan Tim Puskesmas Medan Johor" "text: an authorgroup's names"
standard_pdf $doc "$t/on.pdf"
# EPUBCheck runs on this book in e2e.epubcheck5 (lib/epub_set.sh)
word_check $doc --epub "$t/on.epub"

# English joins with "and"
sed 's/xml:lang="id"/xml:lang="en"/' $doc > "$t/en.xml"
build "$t/en.xml" en || exit 1
has "$t/en.pages" '"Ahmad Fauzi, Maria Tambunan and Tim Puskesmas Medan' "English: 'and'"
has "$t/en.txt" "Budi Santoso and Dewi Anggraini" "English text output: 'and'"

# the style keys turn each place off
printf 'toc.authors = off\n' > "$t/off.style"
build $doc tocoff --style "$t/off.style" || exit 1
page_text "$t/tocoff.pages" "$(contents_page "$t/tocoff.pages")" > "$t/toc-off.txt"
hasnt "$t/toc-off.txt" "Budi Santoso" "toc.authors = off: no authors in the contents"
has "$t/tocoff.pages" '"Budi Santoso dan Dewi Anggraini"' "toc.authors = off: the opening keeps them"
printf 'article.authors = off\n' > "$t/aoff.style"
build $doc artoff --style "$t/aoff.style" || exit 1
n=$(grep -cF '"Budi Santoso dan Dewi Anggraini"' "$t/artoff.pages")
[ "$n" = 1 ] && ok "article.authors = off: in the contents only" ||
	bad "article.authors = off: the names printed $n times, want 1 (the contents)"
hasnt "$t/artoff.pages" '"Departemen Gizi, Universitas Andalas"' "article.authors = off: no affiliation"

# auto: a book whose only article is by its editor shows no authors;
# toc.authors = on shows them all the same
cat > "$t/editor.xml" <<'XML'
<book xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="id">
  <info><title>Bacaan</title>
    <editor><personname><firstname>Ratna</firstname><surname>Siregar</surname></personname></editor></info>
  <article><info><title>Satu-satunya</title>
    <author><personname><firstname>Ratna</firstname><surname>Siregar</surname></personname></author></info>
    <para>Teks.</para></article>
  <article><info><title>Bersama</title>
    <author><personname><firstname>Ratna</firstname><surname>Siregar</surname></personname>
      <affiliation><orgname>Universitas Sumatera Utara</orgname></affiliation></author>
    <author><personname><firstname>Ratna</firstname><surname>Siregar</surname></personname>
      <affiliation><orgname>Universitas Sumatera Utara</orgname></affiliation></author></info>
    <para>Teks.</para></article>
</book>
XML
build "$t/editor.xml" ed || exit 1
n=$(grep -cF '"Ratna Siregar"' "$t/ed.pages")
[ "$n" = 1 ] && ok "auto: articles by the editor: the name on the title page only" ||
	bad "auto: 'Ratna Siregar' printed $n times in a book by its editor, want 1"
unzip -p "$t/ed.epub" OEBPS/nav.xhtml > "$t/ed-nav.xhtml"
hasnt "$t/ed-nav.xhtml" "toc-authors" "auto: no authors in that book's EPUB contents"
printf 'toc.authors = on\narticle.authors = on\n' > "$t/on.style"
build "$t/editor.xml" edon --style "$t/on.style" || exit 1
n=$(grep -cF '"Ratna Siregar"' "$t/edon.pages")
[ "$n" = 3 ] && ok "on: the editor's one article names her in the contents and at its opening" ||
	bad "on: 'Ratna Siregar' printed $n times, want 3"
n=$(grep -cF '"Universitas Sumatera Utara"' "$t/edon.pages")
[ "$n" = 1 ] && ok "on: an affiliation two authors share, printed once" ||
	bad "on: 'Universitas Sumatera Utara' printed $n times, want 1"
[ $fail = 0 ] && echo "authors: all checks passed"
exit $fail
