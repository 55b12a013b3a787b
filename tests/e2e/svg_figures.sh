#!/usr/bin/env bash
# svg_figures: SVG figures (tests/docbook/svg/figures.xml: shapes, text
# inside the SVG with a script, handlers and entities, gradients with
# opacity, a large diagram) built to PDF, EPUB and text:
#   - one warning (the script and handlers removed), qpdf --check,
#     epubcheck 0/0, the word check, the geometry check
#   - the PDF draws them as vectors: Form XObjects, no image; the SVG's
#     text is text in fonts cairo embedded (pdffonts, pdftotext)
#   - each figure's box, rendered by pdftoppm, against rsvg-convert's
#     rendering of the SVG at that size (tests/e2e/lib/svg_compare.py)
#   - the EPUB carries the cleaned SVGs as image/svg+xml: no script, no
#     handler, entities expanded
#   - --color gray draws them as grey pixels at 300 dpi, with a warning
#     per file, and the file names no RGB colour space
# ctest-labels: slow
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
for tool in qpdf pdftotext pdftoppm pdffonts pdfimages java python3 rsvg-convert unzip; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool missing (make test-deps)"; exit 77; }
done
T=$(mktemp -d /tmp/svg_figures.XXXXXX)
trap 'rm -rf "$T"' EXIT
src=tests/docbook/svg/figures.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }

if ! FOLIO_DUMP_PAGES="$T/f.pages" "$FOLIO" build "$src" --pdf "$T/f.pdf" --epub "$T/f.epub" \
	--text "$T/f.txt" >"$T/log" 2>&1; then
	bad "folio build $src failed:"; sed 's/^/    /' "$T/log" | head -20
	exit 1
fi
expected='tests/docbook/svg/figures.xml:18:20: warning: the SVG "text.svg", line 3: an event handler and 2 more removed: an SVG in a book runs no code'
[ "$(cat "$T/log")" = "$expected" ] || { bad "diagnostics:"; sed 's/^/    /' "$T/log"; }

qpdf --check "$T/f.pdf" >"$T/qpdf" 2>&1 || { bad "qpdf --check:"; tail -5 "$T/qpdf"; }
java -jar /usr/share/java/epubcheck.jar "$T/f.epub" >"$T/epubcheck" 2>&1
grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$T/epubcheck" ||
	{ bad "epubcheck:"; grep -E "ERROR|WARNING|FATAL" "$T/epubcheck" | head -10; }
python3 tests/tools/fidelity.py "$src" --pdf "$T/f.pdf" --epub "$T/f.epub" --text "$T/f.txt" \
	>"$T/fidelity" 2>&1 || { bad "word check:"; head -10 "$T/fidelity"; }
python3 tests/tools/geometry.py "$T/f.pdf" --style styles/a5-reader.style >"$T/geometry" 2>&1 ||
	{ bad "geometry check:"; head -10 "$T/geometry"; }

# vectors: a form per figure (and cairo's transparency groups inside
# them), no image; the SVG's own text and fonts
forms=$(qpdf --qdf --object-streams=disable "$T/f.pdf" - 2>/dev/null | grep -a -c '/Subtype /Form')
[ "$forms" -ge 4 ] || bad "$forms Form XObjects, not 4 or more"
[ "$(pdfimages -list "$T/f.pdf" | tail -n +3 | wc -l)" -eq 0 ] || bad "the PDF has images: $(pdfimages -list "$T/f.pdf")"
pdffonts "$T/f.pdf" | grep -q 'DejaVuSans .*yes yes' || bad "DejaVu Sans of text.svg not embedded: $(pdffonts "$T/f.pdf")"
pdftotext "$T/f.pdf" - | tr '\n' ' ' >"$T/f.pdf.txt"
for words in "Klien dan pekerja sosial" "bekerja bersama" "Dinas Sosial" "Jejaring layanan di sekitar klien"; do
	grep -q "$words" "$T/f.pdf.txt" || bad "'$words' (text inside an SVG) is not text in the PDF"
done

# each figure's box against librsvg's rendering of it
r=150
awk '$1=="page"{p=$2} $1=="image"{print p, $2, $3, $4, $5, $6}' "$T/f.pages" >"$T/boxes"
[ "$(wc -l <"$T/boxes")" -eq 4 ] || bad "the pages dump has $(wc -l <"$T/boxes") images, not 4"
while read -r page x y w h file; do
	read -r px py pw ph < <(python3 -c "print(*(round(v * $r / 72) for v in ($x, $y, $w, $h)))")
	pdftoppm -r $r -f "$page" -l "$page" -x "$px" -y "$py" -W "$pw" -H "$ph" "$T/f.pdf" "$T/crop"
	rsvg-convert -w "$pw" -h "$ph" -b white "$file" -o "$T/ref.png"
	out=$(python3 tests/e2e/lib/svg_compare.py --mean 12 --share 0.05 "$T"/crop-*.ppm "$T/ref.png") ||
		bad "$(basename "$file"): the page's drawing differs from librsvg's: $out"
	rm -f "$T"/crop-*.ppm
done <"$T/boxes"

# the EPUB's SVGs: cleaned, typed
unzip -o -q "$T/f.epub" -d "$T/e"
n=$(ls "$T"/e/*/images/*.svg 2>/dev/null | wc -l)
[ "$n" -eq 4 ] || bad "the EPUB has $n SVG files, not 4"
grep -q 'media-type="image/svg+xml"' "$T"/e/*/*.opf || bad "no image/svg+xml in the package"
if grep -l -E '<script|onload|onclick|<!DOCTYPE|&label;' "$T"/e/*/images/*.svg; then
	bad "an SVG in the EPUB keeps a script, a handler or its DOCTYPE"
fi
grep -q 'Klien dan pekerja sosial' "$T"/e/*/images/text.svg || bad "the entity of text.svg is not expanded"

# grey output: pixels at 300 dpi, converted, one warning per file
"$FOLIO" build "$src" --pdf "$T/g.pdf" --color gray >"$T/glog" 2>&1 || { bad "--color gray failed:"; cat "$T/glog"; }
[ "$(grep -c 'is drawn as pixels at 300 dpi: this print output (grey)' "$T/glog")" -eq 4 ] ||
	{ bad "--color gray: not one warning per SVG:"; cat "$T/glog"; }
qpdf --check "$T/g.pdf" >/dev/null 2>&1 || bad "qpdf --check of the grey PDF"
pdfimages -list "$T/g.pdf" | tail -n +3 | awk '$6 != "gray" {bad=1} END {exit bad}' ||
	bad "--color gray: an image not grey: $(pdfimages -list "$T/g.pdf")"
if qpdf --qdf --object-streams=disable "$T/g.pdf" - 2>/dev/null | grep -a -q 'DeviceRGB'; then
	bad "--color gray: the PDF names DeviceRGB"
fi

[ $fail -eq 0 ] && echo "ok: 4 SVG figures as vectors, like librsvg's rendering; EPUB clean; grey as pixels"
exit $fail
