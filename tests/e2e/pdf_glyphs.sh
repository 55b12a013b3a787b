#!/usr/bin/env bash
# pdf_glyphs: glyphs of fallback fonts are drawn, not only extracted.
# DejaVu's polytonic Greek letters are composite glyphs whose components
# are composite again, and WenQuanYi Zen Hei's Hangul syllables are
# composites of glyphs numbered above 32767; libharu 2.3.0 keeps only the
# first level of components and reads their numbers as signed, so its
# subsets lacked those outlines; folio's own subsets (fonts_subset_make
# in src/layout/fonts.h) must keep them.  Renders the runs of
# tests/e2e/data/layout.xml with pdftoppm and counts dark pixels.
set -u
: "${FOLIO:?}" "${SRC:?}"
out=$(mktemp -d /tmp/pdf_glyphs.XXXXXX)
trap 'rm -rf "$out"' EXIT
FOLIO_DUMP_PAGES=$out/t.pages SOURCE_DATE_EPOCH=1767225600 \
	"$FOLIO" build "$SRC/tests/e2e/data/layout.xml" --pdf "$out/t.pdf" -q 2>"$out/log" ||
	{ cat "$out/log"; echo "FAIL: build"; exit 1; }
python3 - "$out" "$SRC/tests/e2e/lib" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from ink import runs, first_glyph_ink
out = sys.argv[1]
all_runs = runs(out + "/t.pages")
fails = 0
# the first glyph of each run: Ἐ (a composite of a composite: E and a
# breathing mark) and 사 (components numbered above 32767)
for word, script in (("Ἐν", "polytonic Greek (DejaVu Serif)"), ("사회복지", "Hangul (WenQuanYi Zen Hei)")):
    hit = [r for r in all_runs if word in r[3]]
    if not hit:
        print("FAIL: no %s run in the layout" % script)
        fails += 1
        continue
    dark = first_glyph_ink(out + "/t.pdf", hit[0])
    ok = dark > 30
    print("%s: %s glyphs drawn (%d dark pixels in the run's first glyph)"
          % ("ok" if ok else "FAIL", script, dark))
    fails += not ok
sys.exit(1 if fails else 0)
PY
