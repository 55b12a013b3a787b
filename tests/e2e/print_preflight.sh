#!/usr/bin/env bash
# print_preflight: `folio preflight` (issue 8).  It must flag, and reject
# under the preset that cares (exit 1): a low-resolution image (offset),
# a missing bleed (offset, pod), an RGB image (offset), a page count that
# is not a multiple of 4 (copyshop), marks beyond the bleed (pod).  It
# must accept what folio writes for each preset (exit 0), list every font
# as embedded and subset, and exit 2 for a file it cannot read.
set -u
: "${FOLIO:?}" "${SRC:?}"
src=$SRC/sources/pekerjaan-sosial/reader.xml
out=$(mktemp -d /tmp/print_preflight.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
export SOURCE_DATE_EPOCH=1767225600

mkdir -p "$out/doc"
python3 - "$out/doc" "$SRC/tests/e2e/lib" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from png import png
d = sys.argv[1]
png(d + "/small.png", 60, 40, 2, lambda x, y: (x * 4, 90, y * 6))      # 60 px over 100 mm: 15 dpi
png(d + "/sharp.png", 600, 400, 0, lambda x, y: ((x ^ y) & 255,))     # 600 px over 40 mm: 381 dpi
PY
cat >"$out/doc/img.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="id">
<title>Gambar</title>
<para>Dua gambar.</para>
<informalfigure><mediaobject><imageobject><imagedata fileref="small.png" width="100mm"/></imageobject></mediaobject></informalfigure>
<informalfigure><mediaobject><imageobject><imagedata fileref="sharp.png" width="40mm"/></imageobject></mediaobject></informalfigure>
</article>
XML

build() { # name, source, options...
	local name=$1 s=$2
	shift 2
	"$FOLIO" build "$s" --pdf "$out/$name.pdf" "$@" 2>"$out/$name.log" || { cat "$out/$name.log"; bad "$name: build failed"; }
}
# pdf, preset ("" for none), want exit status, grep patterns that must appear...
expect() {
	local pdf=$1 preset=$2 want=$3
	shift 3
	local args=("$out/$pdf.pdf")
	[ -n "$preset" ] && args+=(--preset "$preset")
	"$FOLIO" preflight "${args[@]}" >"$out/report" 2>&1
	local rc=$?
	[ "$rc" = "$want" ] || { cat "$out/report"; bad "preflight $pdf ${preset:-(no preset)}: exit $rc, want $want"; }
	for p in "$@"; do
		grep -q -- "$p" "$out/report" || { cat "$out/report"; bad "preflight $pdf ${preset:-(no preset)}: no \"$p\""; }
	done
	cp "$out/report" "$out/$pdf.${preset:-none}.report"
}

build plain "$src"
build img "$out/doc/img.xml" --bleed 3mm
build offset "$src" --print-preset offset
build pod "$src" --print-preset pod
build copyshop "$src" --print-preset copyshop

# a low-resolution image: a warning without a preset, an error for offset
expect img "" 0 "60 x 40 px, DeviceRGB, 15 dpi at placed size  LOW" "warning: 1 images below 300 dpi"
grep -q "600 x 400 px, DeviceGray, 381 dpi at placed size$" "$out/report" || bad "the 381 dpi image is not reported as it is"
expect img offset 1 "error: 1 images below 300 dpi at their placed size (lowest 15 dpi)" \
	"error: RGB colour (in images)" "result: REJECTED for offset"
grep -q "missing bleed" "$out/report" && bad "img has a 3 mm bleed, yet preflight says it is missing"
# a missing bleed, for both presets that trim
# Page counts follow the layout; take them from the files.
pages_of() { pdfinfo "$out/$1.pdf" | awk '/^Pages:/ {print $2}'; }
np=$(pages_of plain)
padded=$(( (np + 3) / 4 * 4 ))
expect plain offset 1 "error: missing bleed: 0.0 mm on $np pages" "no TrimBox" "annotations inside the trim"
expect plain pod 1 "error: missing bleed"
# not a multiple of 4 for a folded booklet
if [ $((np % 4)) != 0 ]; then
	expect plain copyshop 1 "pages: $np (not a multiple of 4)" "error: $np pages is not a multiple of 4"
else
	ni=$(pages_of img)
	[ $((ni % 4)) != 0 ] || bad "neither test PDF has a page count that is not a multiple of 4"
	expect img copyshop 1 "pages: $ni (not a multiple of 4)" "error: $ni pages is not a multiple of 4"
fi
# marks are wrong for print-on-demand
expect offset pod 1 "beyond the bleed"
# what folio writes for each preset passes it
expect offset offset 0 "result: accepted for offset" "PDF/X: PDF/X-1:2001 / PDF/X-1a:2001" \
	"output intent: GTS_PDFX, FOGRA39" "bleed 3.0 mm" "colour in content: DeviceCMYK$"
expect pod pod 0 "result: accepted for pod"
expect copyshop copyshop 0 "result: accepted for copyshop" "pages: $padded (a multiple of 4)" "colour in content: DeviceGray$"
n=$(grep -c "Type0/CIDFontType2 *embedded, subset" "$out/offset.offset.report")
[ "$n" -ge 4 ] || bad "fonts: $n listed as embedded and subset"
grep -q "NOT embedded" "$out/offset.offset.report" && bad "a font reported as not embedded"
# a file that is not a PDF, a bad preset
echo "not a pdf" >"$out/bad.pdf"
"$FOLIO" preflight "$out/bad.pdf" >/dev/null 2>"$out/err"
[ $? = 2 ] || bad "unreadable file: exit status not 2"
grep -q "cannot read" "$out/err" || bad "unreadable file: no message"
"$FOLIO" preflight "$out/plain.pdf" --preset newspaper >/dev/null 2>&1
[ $? = 2 ] || bad "unknown preset: exit status not 2"
[ $fail = 0 ] && echo "print_preflight: ok"
exit $fail
