#!/usr/bin/env bash
# pdf_errors: what the PDF back end says about bad input, and that it
# writes nothing then.  A missing image and a corrupt PNG are errors at
# the imagedata's file:line:col; an image outside the document's folder is
# refused; a style file that cannot be read is fatal with its path; a
# character no font has is one warning naming U+XXXX and its file:line.
set -u
: "${FOLIO:?}" "${SRC:?}"
out=$(mktemp -d /tmp/pdf_errors.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
mkdir -p "$out/doc"
cp "$SRC/tests/layout/corrupt.png" "$out/doc/"
doc() { # name, body
	cat >"$out/doc/$1.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="id">
<title>Uji</title>
$2
</article>
XML
}
doc missing '<para>Teks.</para>
<figure><title>G</title><mediaobject><imageobject><imagedata fileref="tidak-ada.png"/></imageobject></mediaobject></figure>'
doc corrupt '<para>Teks.</para>
<informalfigure><mediaobject><imageobject><imagedata fileref="corrupt.png"/></imageobject></mediaobject></informalfigure>'
doc outside '<para>Teks.</para>
<informalfigure><mediaobject><imageobject><imagedata fileref="../../../etc/hostname"/></imageobject></mediaobject></informalfigure>'
doc glyph '<para>Satu &#xE000; dua &#xE000; tiga.</para>'

"$FOLIO" build "$out/doc/missing.xml" --pdf "$out/m.pdf" 2>"$out/m.err" && bad "missing image: exit 0"
grep -q "missing.xml:5:[0-9]*: error: cannot read image \"tidak-ada.png\"" "$out/m.err" || { cat "$out/m.err"; bad "missing image: no error at its place"; }
[ -e "$out/m.pdf" ] && bad "missing image: a PDF was written"

"$FOLIO" build "$out/doc/corrupt.xml" --pdf "$out/c.pdf" 2>"$out/c.err" && bad "corrupt PNG: exit 0"
grep -q "corrupt.xml:5:[0-9]*: error: .*corrupt.png" "$out/c.err" || { cat "$out/c.err"; bad "corrupt PNG: no error at its place"; }

"$FOLIO" build "$out/doc/outside.xml" --pdf "$out/o.pdf" 2>"$out/o.err" && bad "outside image: exit 0"
grep -q "outside.xml:5:[0-9]*: error: .*image" "$out/o.err" || { cat "$out/o.err"; bad "outside image: not refused"; }

"$FOLIO" build "$out/doc/glyph.xml" --style /nonexistent/x.style --pdf "$out/s.pdf" 2>"$out/s.err"
[ $? = 2 ] || bad "missing style: exit status not 2"
grep -q "/nonexistent/x.style.*fatal" "$out/s.err" || { cat "$out/s.err"; bad "missing style: no fatal naming it"; }

"$FOLIO" build "$out/doc/glyph.xml" --pdf "$out/g.pdf" 2>"$out/g.err" || { cat "$out/g.err"; bad "missing glyph: build failed"; }
n=$(grep -c "glyph.xml:4:[0-9]*: warning: .*U+E000" "$out/g.err")
[ "$n" = 1 ] || { cat "$out/g.err"; bad "missing glyph: $n warnings, want exactly 1"; }
[ $fail = 0 ] && echo "pdf_errors: ok"
exit $fail
