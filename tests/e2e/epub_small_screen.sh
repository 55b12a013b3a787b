#!/usr/bin/env bash
# ctest-labels: slow
# epub_small_screen: the EPUB on phones and tablets (issue 23, item 8).
#   - rendered: tests/e2e/data/small-screen/small.xml (an 8-column table,
#     a 1200-pixel image, a note, glossary, index, title page) in headless
#     Chromium at 320, 480 and 768 CSS px and at 200% text; nothing may run
#     past the viewport, the page may not scroll sideways, and at 320 px
#     the wide table scrolls inside its own box (tests/e2e/lib/
#     epub_overflow.py says how).  Skipped (77) without chromium.
#   - the CSS (styles/epub.css), parsed for the rules that make it so:
#     first paragraph in an admonition not indented, hanging indents for
#     index and bibliography entries, the title page's headings centred,
#     no break after a glossary term or a heading, images within the
#     screen, the table box scrolling.
#   - the EPUB passes EPUBCheck and the word check.
# Env: FOLIO, SRC, SHARED.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
# shellcheck source=lib/standards.sh
. "$SRC/tests/e2e/lib/standards.sh"

# ---- the CSS rules, by parsing the sheet
python3 - "$SRC/styles/epub.css" <<'PY' || fail=1
import re, sys
css = re.sub(r"/\*.*?\*/", "", open(sys.argv[1], encoding="utf-8").read(), flags=re.S)
rules = []
for sel, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
    decls = dict((k.strip(), v.strip()) for k, v in
                 (d.split(":", 1) for d in body.split(";") if ":" in d))
    for s in sel.split(","):
        rules.append((" ".join(s.split()), decls))
def value(selector, prop):
    v = None
    for s, d in rules:      # the last rule wins, as in the cascade
        if s == selector and prop in d:
            v = d[prop]
    return v
checks = [
    (".admonition > p:first-child", "text-indent", "0"),
    (".admonition > .title + p", "text-indent", "0"),
    ("ul.index-entries li", "text-indent", "-1.5em"),
    ("ul.index-entries li", "padding-left", "1.5em"),
    ("ul.bibliography > li", "text-indent", "-1.5em"),
    (".titlepage h1", "text-align", "center"),
    (".titlepage .subtitle", "text-align", "center"),
    ("dt", "break-after", "avoid"),
    ("dd", "break-before", "avoid"),
    ("h2", "break-after", "avoid"),
    ("img", "max-width", "100%"),
    (".table-wrap", "overflow-x", "auto"),
    (".table-wrap caption", "text-align", "left"),
]
bad = 0
for sel, prop, want in checks:
    got = value(sel, prop)
    if got != want:
        print("FAIL: epub.css: %s { %s } is %r, not %r" % (sel, prop, got, want)); bad = 1
    else:
        print("ok: epub.css: %s { %s: %s }" % (sel, prop, want))
# td and th may not break anywhere: that squeezes a wide table into
# letter-wide columns instead of letting it scroll
for sel in ("td", "th"):
    if value(sel, "overflow-wrap") == "anywhere":
        print("FAIL: epub.css: %s breaks anywhere" % sel); bad = 1
sys.exit(bad)
PY

# ---- rendered in Chromium
if ! command -v chromium >/dev/null 2>&1; then
	echo "SKIP: no chromium (Debian package chromium) for the rendering check"
	[ $fail = 0 ] && exit 77
	exit 1
fi
export SOURCE_DATE_EPOCH=1700000000
"$FOLIO" build tests/e2e/data/small-screen/small.xml --epub "$t/s.epub" -q ||
	{ bad "build failed"; exit 1; }
standard_epub tests/e2e/data/small-screen/small.xml "$t/s.epub"
python3 tests/e2e/lib/epub_overflow.py "$t/s.epub" 01-cover.xhtml 02-titlepage.xhtml \
	03-chapter.xhtml 04-glossary.xhtml 05-index.xhtml >"$t/render" 2>&1
rc=$?
cat "$t/render"
[ $rc = 0 ] || bad "Chromium found an overflow (exit $rc)"
grep -q "^ok: 03-chapter.xhtml at 320 px, 100% text: .*scrolling-tables=1" "$t/render" &&
	ok "the 8-column table scrolls in its own box at 320 px" ||
	bad "the 8-column table does not scroll in its box at 320 px"
[ $fail = 0 ] && echo "epub_small_screen: all checks passed"
exit $fail
