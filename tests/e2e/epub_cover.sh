#!/usr/bin/env bash
# epub_cover: a book whose source has no cover gets one in its EPUB, and a
# source cover wins.  For the sample reader (no cover in its source):
#   - images/cover.svg is the package's cover-image, images/cover.png (a
#     1200x1800 PNG) is EPUB 2's <meta name="cover">;
#   - the cover page comes first in the spine, holds the SVG with the
#     title as its alt text, and is not in the navigation's contents;
#   - the SVG names the title, the subtitle, the editor and the publisher,
#     set in the style's text family;
#   - builds with SOURCE_DATE_EPOCH that draw the cover, read it from the
#     cache (covercache.c, one thread) and have no cache are the same bytes.
# EPUBCheck (both), Ace and the small-screen rendering check the reader's
# EPUB, cover included, in e2e.epub_sample, e2e.epubcheck5, e2e.ace and
# e2e.epub_small_screen (slow tests).
# For the feature sampler (a <cover> in its info) the cover is the
# source's image and no cover is made; a mediaobject role="cover" counts
# as a source cover too.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
tmp=$(mktemp -d /tmp/epub_cover.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# The first build draws the cover (an empty cache), the second reads it
# from the cache, the third has no cache: the same bytes each time.
export FOLIO_CACHE_DIR=$tmp/cache
"$FOLIO" build sources/pekerjaan-sosial/reader.xml -q --epub "$tmp/r1.epub" || bad "reader build"
ls "$tmp"/cache/cover-*.png >/dev/null 2>&1 || bad "the drawn cover is not in the cache"
FOLIO_THREADS=1 "$FOLIO" build sources/pekerjaan-sosial/reader.xml -q --epub "$tmp/r2.epub" || bad "reader build, one thread"
FOLIO_CACHE_DIR= "$FOLIO" build sources/pekerjaan-sosial/reader.xml -q --epub "$tmp/r3.epub" || bad "reader build, no cache"
cmp -s "$tmp/r1.epub" "$tmp/r2.epub" && cmp -s "$tmp/r1.epub" "$tmp/r3.epub" &&
	echo "ok: the reader's EPUB with its cover is the same bytes drawn, from the cache and without one" ||
	bad "builds of the reader's EPUB differ (drawn, cached, no cache)"
"$FOLIO" build tests/e2e/data/epub/features.xml -q --epub "$tmp/f.epub" || bad "features build"
# The same source with DocBook 4's cover: a mediaobject role="cover" in info.
cp -r tests/e2e/data/epub "$tmp/m"
python3 - "$tmp/m/features.xml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"<cover>\s*<mediaobject>", '<mediaobject role="cover">', s)
s = re.sub(r"</mediaobject>\s*</cover>", "</mediaobject>", s)
open(sys.argv[1], "w", encoding="utf-8").write(s)
PY
"$FOLIO" build "$tmp/m/features.xml" -q --epub "$tmp/m.epub"; rc=$?
[ $rc = 0 ] || bad "build with a mediaobject role=cover"

python3 - "$tmp/r1.epub" "$tmp/f.epub" "$tmp/m.epub" <<'PY' || fail=1
import re, struct, sys, zipfile
bad = 0
def fail(msg):
    global bad
    print("FAIL: " + msg)
    bad = 1

z = zipfile.ZipFile(sys.argv[1])
opf = z.read("OEBPS/package.opf").decode()
if '<item id="cover-image" href="images/cover.svg" media-type="image/svg+xml" properties="cover-image"/>' not in opf:
    fail("the reader's package has no SVG cover-image")
if '<item id="cover-png" href="images/cover.png" media-type="image/png"/>' not in opf:
    fail("the reader's package has no PNG cover")
if '<meta name="cover" content="cover-png"/>' not in opf:
    fail("EPUB 2's cover meta does not name the PNG")
spine = re.findall(r'<itemref idref="([^"]+)"', opf)
items = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
first = items.get(spine[0], "") if spine else ""
if not first.endswith("cover.xhtml"):
    fail("the spine starts with %s, not the cover page" % first)
else:
    page = z.read("OEBPS/" + first).decode()
    if '<img src="images/cover.svg" alt="Pengantar Pekerjaan Sosial"/>' not in page:
        fail("the cover page does not show the SVG with the title as alt text:\n" + page)
nav = z.read("OEBPS/nav.xhtml").decode()
toc = nav.split('epub:type="toc"', 1)[1].split("</nav>", 1)[0]
if first and first in toc:
    fail("the cover page is in the contents")
svg = z.read("OEBPS/images/cover.svg").decode()
for want in ("Pengantar", "Pekerjaan Sosial", "Bacaan Kuliah", "Ratna Dewi Kusumawardani",
             "Pustaka Folio", 'font-family="Charis SIL"', "<title>Pengantar Pekerjaan Sosial</title>"):
    if want not in svg:
        fail("the cover SVG lacks %r" % want)
png = z.read("OEBPS/images/cover.png")
if png[:8] != b"\x89PNG\r\n\x1a\n" or struct.unpack(">II", png[16:24]) != (1200, 1800):
    fail("images/cover.png is not a 1200x1800 PNG")
for path, what in ((sys.argv[2], "<cover>"), (sys.argv[3], 'mediaobject role="cover"')):
    f = zipfile.ZipFile(path)
    fopf = f.read("OEBPS/package.opf").decode()
    if "cover.svg" in fopf or "cover.png" in fopf:
        fail("a cover was made for a source with a %s" % what)
    if not re.search(r'<item id="cover-image" href="images/[^"]+\.png" media-type="image/png" properties="cover-image"/>', fopf):
        fail("the source's %s image is not the cover-image" % what)
    if '<meta name="cover" content="cover-image"/>' not in fopf:
        fail("EPUB 2's cover meta does not name the source's %s image" % what)
if not bad:
    print("ok: made cover (SVG cover-image, PNG 1200x1800, first in the spine, not in the contents); source covers win")
sys.exit(bad)
PY

exit $fail
