#!/usr/bin/env bash
# fidelity_tool: the word check (tests/tools/fidelity.py) finds what it
# must and only that.  On a small source with an include, inline markup,
# a footnote, CJK text and the elements that are not printed:
#   - a faithful text output passes (exit 0)
#   - an output without one word fails (exit 1) and names the word
#   - a word written twice but printed once fails (a multiset)
#   - "kese-" / "jahteraan" at a line end counts as "kesejahteraan",
#     "buku-" / "buku" as "buku" twice, also when run together ("bukubuku",
#     as pdftotext joins them)
#   - indexterm, remark, alt, a role="database" glossary and foreign
#     elements are not required; a CJK character missing is
#   - folio's own PDF and EPUB of the source pass
#   - usage errors and unreadable files exit 2
set -u
: "${FOLIO:?}" "${SRC:?}"
fid=$SRC/tests/tools/fidelity.py
t=$(mktemp -d /tmp/fidelity_tool.XXXXXX)
trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
expect() { # expect STATUS WHAT -- args...: runs fidelity.py, output in $t/out
	local want=$1 what=$2
	shift 3
	python3 "$fid" "$@" >"$t/out" 2>&1
	local got=$?
	[ "$got" = "$want" ] || { bad "$what: exit $got, want $want"; sed 's/^/  | /' "$t/out"; }
}

mkdir -p "$t/src"
cat >"$t/src/doc.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude"
         xmlns:x="urn:example" version="5.0" xml:lang="id">
  <title>Kesejahteraan Sosial</title>
  <para>Buku-buku tentang <emphasis>kese</emphasis>jahteraan<indexterm><primary>indeksonly</primary></indexterm>
    sosial<footnote><para>Catatan kaki.</para></footnote> dibaca dua kali, dua kali.<remark>remarkonly</remark></para>
  <xi:include href="part.xml"/>
  <para>社会福祉 <x:private>foreignonly</x:private></para>
  <mediaobject><imageobject><imagedata fileref="grey.png"/></imageobject>
    <textobject><phrase>altonly</phrase></textobject></mediaobject>
  <glossary role="database"><glossentry><glossterm>glosarium</glossterm>
    <glossdef><para>databaseonly</para></glossdef></glossentry></glossary>
</article>
XML
python3 - "$t/src" "$SRC/tests/e2e/lib" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from png import png
png(sys.argv[1] + "/grey.png", 8, 8, 0, lambda x, y: (128,))
PY
cat >"$t/src/part.xml" <<'XML'
<section xmlns="http://docbook.org/ns/docbook"><title>Bagian</title>
  <para>Teks dari berkas lain.</para></section>
XML
words='Kesejahteraan Sosial Buku-buku tentang kesejahteraan sosial dibaca dua kali, dua kali.
Catatan kaki. Bagian Teks dari berkas lain. 社会福祉'

printf '%s\n' "$words" >"$t/good.txt"
expect 0 "a faithful output" -- "$t/src/doc.xml" --text "$t/good.txt"
grep -qx "text: 23 of 23 words" "$t/out" || { bad "word count"; cat "$t/out"; }

printf '%s\n' "$words" | sed 's/berkas //' >"$t/lost.txt"
expect 1 "a lost word" -- "$t/src/doc.xml" --text "$t/lost.txt"
grep -q "missing: berkas (source 1, found 0)" "$t/out" || { bad "the lost word is not named"; cat "$t/out"; }

printf '%s\n' "$words" | sed 's/dua kali, dua kali/dua kali/' >"$t/once.txt"
expect 1 "a word printed once of two" -- "$t/src/doc.xml" --text "$t/once.txt"
grep -q "missing: dua (source 2, found 1)" "$t/out" || { bad "the multiset count"; cat "$t/out"; }

printf '%s\n' "$words" | sed 's/福/ /' >"$t/cjk.txt"
expect 1 "a CJK character lost" -- "$t/src/doc.xml" --text "$t/cjk.txt"
grep -q "missing: 福" "$t/out" || { bad "the CJK character is not named"; cat "$t/out"; }

printf '%s\n' "$words" | sed 's/tentang kesejahteraan sosial/tentang kese-\njahteraan sosial/; s/Buku-buku/Buku-\nbuku/' >"$t/hyph.txt"
expect 0 "line-end hyphens" -- "$t/src/doc.xml" --text "$t/hyph.txt"
printf '%s\n' "$words" | sed 's/Buku-buku/Bukubuku/' >"$t/joined.txt"
expect 0 "a text hyphen joined by pdftotext" -- "$t/src/doc.xml" --text "$t/joined.txt"

if "$FOLIO" build "$t/src/doc.xml" -q --pdf "$t/doc.pdf" --epub "$t/doc.epub" 2>"$t/build.err"; then
	expect 0 "folio's PDF and EPUB" -- "$t/src/doc.xml" --pdf "$t/doc.pdf" --epub "$t/doc.epub"
else
	bad "folio build of the test source failed"; cat "$t/build.err"
fi

expect 2 "no output named" -- "$t/src/doc.xml"
expect 2 "an unknown option" -- "$t/src/doc.xml" --docx x
expect 2 "a missing source" -- "$t/src/nope.xml" --text "$t/good.txt"
expect 2 "an EPUB that is no zip" -- "$t/src/doc.xml" --epub "$t/good.txt"
[ $fail = 0 ] && echo "fidelity_tool: ok"
exit $fail
