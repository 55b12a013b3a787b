#!/usr/bin/env bash
# pdf_astral: characters beyond U+FFFF that a font of the manifest has are
# set, drawn and extracted.  The PDF's codes are two bytes; such a
# character gets a code from the surrogate range, which the ToUnicode CMap
# maps to its surrogate pair (src/backend/pdf/emit_font.c).  Checks: no
# warning, pdftotext gives every character back, every font is embedded,
# and the first glyph of each character's run has ink (pdftoppm).
set -u
: "${FOLIO:?}" "${SRC:?}"
out=$(mktemp -d /tmp/pdf_astral.XXXXXX)
trap 'rm -rf "$out"' EXIT
FOLIO_DUMP_PAGES=$out/t.pages SOURCE_DATE_EPOCH=1767225600 \
	"$FOLIO" build "$SRC/tests/e2e/data/astral.xml" --pdf "$out/t.pdf" 2>"$out/log" ||
	{ cat "$out/log"; echo "FAIL: build"; exit 1; }
fail=0
if [ -s "$out/log" ]; then cat "$out/log"; echo "FAIL: the build reported something"; fail=1; fi
pdftotext "$out/t.pdf" "$out/t.txt" 2>"$out/ptlog"
[ -s "$out/ptlog" ] && { cat "$out/ptlog"; echo "FAIL: pdftotext warned"; fail=1; }
for ch in 𝔸 𝕓 😀 𐞃 丽; do
	grep -q "$ch" "$out/t.txt" || { echo "FAIL: $ch not extracted"; fail=1; }
done
if pdffonts "$out/t.pdf" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit !bad }'; then
	pdffonts "$out/t.pdf"; echo "FAIL: a font is not embedded"; fail=1
fi
python3 - "$out" "$SRC/tests/e2e/lib" <<'PY' || fail=1
import sys
sys.path.insert(0, sys.argv[2])
from ink import runs, first_glyph_ink
out = sys.argv[1]
all_runs = runs(out + "/t.pages")
fails = 0
for ch, what in (("𝔸", "U+1D538 (DejaVu Sans)"), ("😀", "U+1F600 (DejaVu Sans)"),
                 ("𐞃", "U+10783 (Charis SIL)"), ("丽", "U+2F800 (WenQuanYi Zen Hei)")):
    hit = [r for r in all_runs if r[3].startswith(ch)]
    if not hit:
        print("FAIL: no run starting with %s in the layout" % what)
        fails += 1
        continue
    dark = first_glyph_ink(out + "/t.pdf", hit[0], 16, 22)
    ok = dark > 15
    print("%s: %s drawn (%d dark pixels)" % ("ok" if ok else "FAIL", what, dark))
    fails += not ok
sys.exit(1 if fails else 0)
PY
[ $fail = 0 ] && echo "pdf_astral: set, drawn and extracted"
exit $fail
