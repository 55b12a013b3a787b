#!/usr/bin/env bash
# scripts_world: tests/scripts/world.xml (an Arabic hadith with harakat in a
# block quote, an Indonesian paragraph with an Arabic phrase and numbers, a
# Hebrew line with points, Devanagari, Bengali and Tamil lines) built to PDF,
# EPUB and text.
#   - no missing glyph: every script has a face in fonts/fonts.conf
#   - the glyphs the PDF draws for each shaped run (read back from the PDF:
#     codes, CIDToGIDMap, the subset's outlines) are hb-shape's for the same
#     text, font and direction, and the ActualTexts hold the source's
#     Arabic and Hebrew words, with their vowels, in reading order
#     (tests/e2e/lib/check_shaping.py)
#   - right to left in the PDF: the hadith's first word is its first line's
#     rightmost, the hadith takes two lines or more; in the mixed paragraph
#     the Arabic phrase's first word is right of its last (the right edge
#     itself is unit.test_bidi's)
#   - the word check: every word in the EPUB and the text output, and in
#     the PDF every word but the Arabic and Hebrew ones (poppler's
#     pdftotext scrambles shaped Arabic; the ActualText check has them)
#   - the EPUB: dir="rtl" on the Arabic quote, the Hebrew paragraph and the
#     Arabic phrase and nowhere else; epubcheck and qpdf --check clean;
#     the geometry check
# ctest-labels: slow
set -u
: "${FOLIO:?}" "${SRC:?}"
for tool in hb-shape qpdf pdftotext java; do
	command -v "$tool" >/dev/null || { echo "skip: $tool is missing (make test-deps)"; exit 77; }
done
# Debian's python3-fonttools, whichever python3 comes first on the path
py=python3
$py -c 'import fontTools' 2>/dev/null || py=/usr/bin/python3
$py -c 'import fontTools' 2>/dev/null ||
	{ echo "skip: python3-fonttools is missing (make test-deps)"; exit 77; }
tmp=$(mktemp -d /tmp/scripts_world.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
doc=$SRC/tests/scripts/world.xml

FOLIO_DUMP_PAGES=$tmp/w.pages SOURCE_DATE_EPOCH=1767225600 \
	"$FOLIO" build "$doc" --pdf "$tmp/w.pdf" --epub "$tmp/w.epub" \
	--text "$tmp/w.txt" 2>"$tmp/log" || { cat "$tmp/log"; bad "build"; exit 1; }
if grep -E "no font in the font manifest" "$tmp/log"; then
	bad "a character without a face"
else
	ok "every character has a face"
fi

if $py "$SRC/tests/e2e/lib/check_shaping.py" "$doc" "$tmp/w.pdf" \
	"$SRC/fonts/fonts.conf" >"$tmp/shaping" 2>&1; then
	ok "$(tail -1 "$tmp/shaping")"
else
	bad "shaping:"; cat "$tmp/shaping"
fi

# Right to left in the pages dump: items are in reading order, each with
# its x; the hadith's first word (إِنَّمَا) is the rightmost of its line.
python3 - "$tmp/w.pages" >"$tmp/order" 2>&1 <<'PY' || bad "$(cat "$tmp/order")"
import re, sys
items = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'text (\S+) (\S+) (\S+) (\S+) "(.*?)"(?: actual "(.*)")?$', line.rstrip("\n"))
    if m:
        items.append((float(m.group(1)), float(m.group(2)), m.group(3), m.group(6)))
def find(word):
    return next(i for i in items if i[3] and i[3].startswith(word))
first = find("إِنَّمَا")
line = [i for i in items if i[1] == first[1]]
assert first[0] == max(i[0] for i in line), "the hadith's first word is not the rightmost of its line"
lines = {y for x, y, font, actual in items
         if font.startswith("Noto-Naskh") and first[1] <= y < first[1] + 40}
assert len(lines) >= 2, "the hadith has fewer than two lines"
la, lb = find("لَا"), find("ضِرَارَ")
assert la[1] == lb[1] and la[0] > lb[0], "the Arabic phrase is not right to left"
print("ok")
PY
[ "$(cat "$tmp/order")" = ok ] && ok "right to left: the hadith starts at the right, the phrase reads from the right"

python3 "$SRC/tests/tools/fidelity.py" "$doc" --epub "$tmp/w.epub" --text "$tmp/w.txt" \
	>"$tmp/fid" 2>&1 && ok "word check: EPUB and text" || { bad "word check:"; cat "$tmp/fid"; }
python3 "$SRC/tests/tools/fidelity.py" "$doc" --pdf "$tmp/w.pdf" --except-rtl \
	>"$tmp/fidp" 2>&1 && ok "word check: PDF (Arabic and Hebrew by their ActualText)" ||
	{ bad "word check, PDF:"; cat "$tmp/fidp"; }

mkdir "$tmp/epub" && (cd "$tmp/epub" && unzip -q ../w.epub)
grep -rhoE '<[a-z]+ [^>]*dir="[a-z]+"' "$tmp/epub/OEBPS" | sort >"$tmp/dirs"
printf '%s\n' '<blockquote xml:lang="ar" lang="ar" dir="rtl"' \
	'<p xml:lang="he" lang="he" dir="rtl"' \
	'<span class="foreignphrase" xml:lang="ar" lang="ar" dir="rtl"' | sort >"$tmp/want"
if cmp -s "$tmp/dirs" "$tmp/want"; then
	ok "EPUB: dir=\"rtl\" on the Arabic and Hebrew text, nowhere else"
else
	bad "EPUB directions:"; diff "$tmp/want" "$tmp/dirs"
fi

qpdf --check "$tmp/w.pdf" >"$tmp/qpdf.out" 2>&1 && ok "qpdf --check" ||
	{ bad "qpdf --check:"; head -20 "$tmp/qpdf.out"; }
java -jar /usr/share/java/epubcheck.jar "$tmp/w.epub" >"$tmp/check" 2>&1
if grep -qE '^(FATAL|ERROR|WARNING)' "$tmp/check" || ! grep -q 'No errors or warnings detected' "$tmp/check"; then
	bad "epubcheck:"; grep -E '^(FATAL|ERROR|WARNING)' "$tmp/check" | head -20
else
	ok "epubcheck: no errors or warnings"
fi
python3 "$SRC/tests/tools/geometry.py" "$tmp/w.pdf" --style "$SRC/styles/a5-reader.style" \
	>"$tmp/geo" 2>&1 && ok "geometry" || { bad "geometry:"; tail -20 "$tmp/geo"; }
exit $((fails > 0))
