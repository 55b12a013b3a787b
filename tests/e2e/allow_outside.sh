#!/usr/bin/env bash
# allow_outside: --allow-outside lets every kind of file leave the source's
# folder (an include, an image, a BibTeX database), and without it each is
# refused with an error naming the file.  Built to PDF and EPUB.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
T=$(mktemp -d /tmp/allow_outside.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
mkdir -p "$T/src" "$T/elsewhere"
cp tests/layout/diagram.png "$T/elsewhere/figure.png"
cat >"$T/elsewhere/part.xml" <<'XML'
<section xmlns="http://docbook.org/ns/docbook"><title>From elsewhere</title>
<para>Included from outside <citation>knuth84</citation>.</para></section>
XML
cat >"$T/elsewhere/refs.bib" <<'BIB'
@book{knuth84, author = {Donald E. Knuth}, title = {The TeXbook},
  publisher = {Addison-Wesley}, year = {1984}}
BIB
cat >"$T/src/doc.xml" <<'XML'
<article xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude"
         xmlns:xlink="http://www.w3.org/1999/xlink" version="5.0" xml:lang="en">
  <title>Files from elsewhere</title>
  <xi:include href="../elsewhere/part.xml"/>
  <figure><title>A figure from elsewhere</title>
    <mediaobject><imageobject><imagedata fileref="../elsewhere/figure.png"/></imageobject>
      <textobject><phrase>A diagram</phrase></textobject></mediaobject>
  </figure>
  <bibliography role="database" xlink:href="../elsewhere/refs.bib"/>
  <bibliography role="auto"/>
</article>
XML
# Without the option: the include is refused (the read stops there).
"$FOLIO" build "$T/src/doc.xml" --pdf "$T/a.pdf" >"$T/log1" 2>&1 && bad "built without --allow-outside"
grep -q "cannot include '.*part.xml': it is outside the source folder" "$T/log1" ||
	{ bad "no include refusal:"; cat "$T/log1"; }
cp "$T/src/doc.xml" "$T/src/doc2.xml"
# Without the include, the database is refused (resolve stops there).
sed -i '/xi:include/d' "$T/src/doc.xml"
"$FOLIO" build "$T/src/doc.xml" --pdf "$T/b.pdf" >"$T/log2" 2>&1 &&
	bad "database outside built without --allow-outside"
grep -q "the database '../elsewhere/refs.bib' is outside the source folder" "$T/log2" ||
	{ bad "no database refusal:"; cat "$T/log2"; }
# Without the database, the image is refused, in the PDF and the EPUB.
sed -i '/bibliography/d' "$T/src/doc.xml"
"$FOLIO" build "$T/src/doc.xml" --pdf "$T/b.pdf" >"$T/log3" 2>&1 &&
	bad "image outside built to PDF without --allow-outside"
grep -q "image \"../elsewhere/figure.png\" is outside the document's folder" "$T/log3" ||
	{ bad "no image refusal (PDF):"; cat "$T/log3"; }
"$FOLIO" build "$T/src/doc.xml" --epub "$T/b.epub" >"$T/log4" 2>&1 &&
	bad "image outside built to EPUB without --allow-outside"
grep -q "image '../elsewhere/figure.png' is outside the source folder" "$T/log4" ||
	{ bad "no image refusal (EPUB):"; cat "$T/log4"; }
# With it, all three are read, in both outputs.
"$FOLIO" build "$T/src/doc2.xml" --allow-outside --pdf "$T/c.pdf" --epub "$T/c.epub" \
	--text "$T/c.txt" >"$T/log5" 2>&1 || { bad "--allow-outside build failed:"; cat "$T/log5"; }
[ -s "$T/log5" ] && { bad "diagnostics with --allow-outside:"; cat "$T/log5"; }
grep -q "Included from outside" "$T/c.txt" || bad "the include is missing"
grep -q "The TeXbook" "$T/c.txt" || bad "the database's entry is missing"
unzip -l "$T/c.epub" 2>/dev/null | grep -qi "\.png" || bad "the image is not in the EPUB"
if command -v pdfimages >/dev/null; then
	[ "$(pdfimages -list "$T/c.pdf" | tail -n +3 | wc -l)" -ge 1 ] || bad "the image is not in the PDF"
fi
[ $fail = 0 ] && echo "ok: --allow-outside covers includes, images and databases"
exit $fail
