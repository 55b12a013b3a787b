#!/usr/bin/env bash
# epub_sample: the EPUB of the sample reader and of the feature sampler
# (tests/e2e/data/epub/features.xml: lists, tables, a figure, notes, code),
# checked as a reading system and a student would need it:
#   - epubcheck (Debian's 4.2.6): any FATAL, ERROR or WARNING fails the test
#   - the container, manifest, well-formedness, lang attributes, every
#     internal link and every footnote's way there and back (check_epub.py)
#   - fidelity: every source word is in the EPUB
#   - two builds, under different time zones, are byte-identical with
#     SOURCE_DATE_EPOCH; without it dcterms:modified is the build's time
#   - the conformance claim, its certifier, dc:source with the ISBN
#   - heading levels across the files of a part and its chapters
#   - an image without alternative text is a warning with file:line, an
#     image outside the source folder an error
# Env: FOLIO (the binary), SRC (repo root).
# ctest-labels: slow (more than 5 s of CPU time; make check leaves it out)
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
tmp=$(mktemp -d /tmp/epub_sample.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
data=tests/e2e/data/epub
reader=sources/pekerjaan-sosial/reader.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

build() { # build NAME SOURCE [options...]: writes $tmp/NAME.epub
	local name=$1 src=$2
	shift 2
	if ! "$FOLIO" build "$src" --epub "$tmp/$name.epub" "$@" >"$tmp/$name.log" 2>&1; then
		bad "folio build $src --epub $* failed:"
		sed 's/^/    /' "$tmp/$name.log" | head -20
		return 1
	fi
	return 0
}

# Byte-identical builds need SOURCE_DATE_EPOCH; without it the package
# is dated when it is built.
SOURCE_DATE_EPOCH=1767225600 build reader "$reader"
SOURCE_DATE_EPOCH=1767225600 TZ=America/New_York build reader2 "$reader"
unset SOURCE_DATE_EPOCH
built_from=$(date -u +%s)
build features "$data/features.xml"
built_to=$(date -u +%s)
build fonts "$data/features.xml" --epub-fonts
SOURCE_DATE_EPOCH=1767225600 TZ=Asia/Jakarta build dated "$data/features.xml"

# ---- epubcheck: two JVMs at a time (each takes seconds to start)
check_one() {
	java -jar /usr/share/java/epubcheck.jar "$tmp/$1.epub" >"$tmp/$1.check" 2>&1
}
pids=()
for name in reader features fonts; do
	[ -s "$tmp/$name.epub" ] || continue
	check_one "$name" &
	pids+=($!)
	if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
wait
for name in reader features fonts; do
	[ -s "$tmp/$name.epub" ] || { bad "$name.epub was not written"; continue; }
	msgs=$(grep -E '^(FATAL|ERROR|WARNING)' "$tmp/$name.check")
	if [ -n "$msgs" ] || ! grep -q 'No errors or warnings detected' "$tmp/$name.check"; then
		bad "epubcheck $name.epub:"
		{ [ -n "$msgs" ] && echo "$msgs" || tail -5 "$tmp/$name.check"; } | sed 's/^/    /' | head -40
	else
		ok "epubcheck $name.epub: no errors or warnings"
	fi
done

# ---- structure, links, footnotes
epubs=()
for name in reader features fonts dated; do
	[ -s "$tmp/$name.epub" ] && epubs+=("$tmp/$name.epub")
done
if [ ${#epubs[@]} -gt 0 ]; then
	if python3 "$data/check_epub.py" "${epubs[@]}" >"$tmp/structure.out"; then
		ok "structure and links: $(grep -c 'internal links' "$tmp/structure.out") EPUBs clean"
	else
		bad "structure and links:"
		sed 's/^/    /' "$tmp/structure.out" | head -60
	fi
fi

# ---- every source word reaches the EPUB
for pair in "$reader:reader" "$data/features.xml:features"; do
	src=${pair%:*} name=${pair##*:}
	[ -s "$tmp/$name.epub" ] || continue
	if out=$(python3 "$SRC/tests/tools/fidelity.py" "$src" --epub "$tmp/$name.epub"); then
		ok "fidelity $name: $out"
	else
		bad "fidelity $name:"
		echo "$out" | sed 's/^/    /'
	fi
done

# ---- reproducible: same sources, same bytes, whatever the time zone
if [ -s "$tmp/reader.epub" ] && [ -s "$tmp/reader2.epub" ]; then
	if cmp -s "$tmp/reader.epub" "$tmp/reader2.epub"; then
		ok "two builds are byte-identical ($(sha256sum <"$tmp/reader.epub" | cut -c1-16))"
	else
		bad "two builds of the reader differ"
	fi
fi
if [ -s "$tmp/dated.epub" ]; then
	modified=$(unzip -p "$tmp/dated.epub" OEBPS/package.opf | grep -o 'dcterms:modified">[^<]*' | cut -d'>' -f2)
	[ "$modified" = "2026-01-01T00:00:00Z" ] && ok "SOURCE_DATE_EPOCH gives dcterms:modified $modified" \
		|| bad "SOURCE_DATE_EPOCH=1767225600 gave dcterms:modified '$modified'"
fi

if [ -s "$tmp/features.epub" ]; then
	modified=$(unzip -p "$tmp/features.epub" OEBPS/package.opf | grep -o 'dcterms:modified">[^<]*' | cut -d'>' -f2)
	at=$(date -u -d "$modified" +%s 2>/dev/null || echo 0)
	[ "$at" -ge "$built_from" ] && [ "$at" -le "$built_to" ] &&
		ok "without SOURCE_DATE_EPOCH dcterms:modified is the build's time ($modified)" ||
		bad "without SOURCE_DATE_EPOCH dcterms:modified is '$modified', not the build's time"
fi

# ---- the conformance claim: made when every check passes, naming the
# publisher; the print edition's ISBN as the source of the page numbers
if [ -s "$tmp/reader.epub" ]; then
	opf=$(unzip -p "$tmp/reader.epub" OEBPS/package.opf)
	grep -q '<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>' <<<"$opf" &&
	grep -q '<meta property="a11y:certifiedBy">Pustaka Folio</meta>' <<<"$opf" &&
		ok "the reader claims EPUB Accessibility 1.1 - WCAG 2.1 AA, certified by its publisher" ||
		bad "the reader makes no conformance claim naming its publisher"
fi
sed '0,/<\/info>/s|</info>|<biblioid class="isbn">978-602-1234-56-7</biblioid></info>|' "$data/features.xml" >"$tmp/isbn.xml"
cp "$data"/*.png "$tmp/" 2>/dev/null
if build isbn "$tmp/isbn.xml"; then
	unzip -p "$tmp/isbn.epub" OEBPS/package.opf | grep -q '<dc:source id="print-source">urn:isbn:9786021234567</dc:source>' &&
		ok "dc:source names the print edition's ISBN" ||
		bad "dc:source does not name the ISBN the source gives"
fi

# ---- heading levels follow the structure across files: a part <h1>,
# its chapter <h2> (in a file of its own), a section there <h3>; a
# chapter outside the parts <h1>
cat >"$tmp/parts.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<book xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="en">
  <info><title>Parts</title></info>
  <part><title>Part One</title>
    <chapter><title>Chapter One</title>
      <para>Words of the first chapter.</para>
      <section><title>A Section</title><para>Words of the section.</para></section>
    </chapter>
  </part>
  <chapter><title>Chapter Alone</title><para>Words outside the parts.</para></chapter>
</book>
EOF
if build parts "$tmp/parts.xml"; then
	# 01 is the made cover, 02 the title page
	levels=$(for f in 03-part 04-chapter 05-chapter; do
		unzip -p "$tmp/parts.epub" "OEBPS/$f.xhtml" | grep -o '<h[1-6]' | tr -d '<' | tr '\n' ' '
		echo -n '| '
	done)
	[ "$levels" = "h1 | h2 h3 | h1 | " ] && ok "heading levels follow parts, chapters and sections ($levels)" ||
		bad "heading levels in part, chapter, chapter files: '$levels', want 'h1 | h2 h3 | h1 | '"
fi

# ---- images: a warning without alt text, an error outside the folder
mkdir -p "$tmp/img/src"
cp "$data/swatch.png" "$tmp/img/src/swatch.png"
cp "$data/swatch.png" "$tmp/img/outside.png"
cat >"$tmp/img/src/noalt.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="en">
  <title>Images</title>
  <figure><title>No words</title>
    <mediaobject><imageobject><imagedata fileref="swatch.png"/></imageobject></mediaobject>
  </figure>
</article>
EOF
if "$FOLIO" build "$tmp/img/src/noalt.xml" --epub "$tmp/img/noalt.epub" >"$tmp/img/noalt.log" 2>&1; then
	if grep -Eq 'noalt\.xml:[0-9]+(:[0-9]+)?: warning: image without alternative text' "$tmp/img/noalt.log"; then
		ok "an image without alt text is a warning with file:line"
	else
		bad "no file:line warning for an image without alt text:"
		sed 's/^/    /' "$tmp/img/noalt.log"
	fi
	unzip -p "$tmp/img/noalt.epub" OEBPS/package.opf | grep -q 'alternativeText' &&
		bad "alternativeText claimed although an image has none"
	unzip -p "$tmp/img/noalt.epub" OEBPS/package.opf | grep -q 'dcterms:conformsTo\|a11y:certifiedBy' &&
		bad "WCAG 2.1 AA claimed although an image has no alt text"
	grep -q 'claims no WCAG 2.1 AA conformance' "$tmp/img/noalt.log" ||
		bad "the warning does not say the conformance claim is dropped"
else
	bad "build of an article with an image without alt text failed:"
	sed 's/^/    /' "$tmp/img/noalt.log"
fi
sed 's|fileref="swatch.png"|fileref="../outside.png"|' "$tmp/img/src/noalt.xml" >"$tmp/img/src/outside.xml"
if "$FOLIO" build "$tmp/img/src/outside.xml" --epub "$tmp/img/outside.epub" >"$tmp/img/outside.log" 2>&1; then
	bad "an image outside the source folder was accepted"
elif grep -Eq 'outside\.xml:[0-9]+(:[0-9]+)?: error: .*outside the source folder' "$tmp/img/outside.log"; then
	ok "an image outside the source folder is an error with file:line"
else
	bad "unexpected output for an image outside the source folder:"
	sed 's/^/    /' "$tmp/img/outside.log"
fi

exit $fail
