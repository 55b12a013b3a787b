#!/usr/bin/env bash
# epub_summary: schema:accessibilitySummary says, in the book's language,
# what that book offers and nothing it lacks.  The sample reader
# (Indonesian): the print edition's page list, glossary links from the
# text and back to the pages, index links; it has no images, so no word
# on alt text.  The feature sampler (English, images with alt text, no
# glossary or index): the page list and "every image has a text
# alternative", no glossary or index sentence.  unit.test_epub checks the
# same on a small book.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
tmp=$(mktemp -d /tmp/epub_summary.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600
"$FOLIO" build sources/pekerjaan-sosial/reader.xml -q --epub "$tmp/r.epub" || { echo "FAIL: reader build"; exit 1; }
"$FOLIO" build tests/e2e/data/epub/features.xml -q --epub "$tmp/f.epub" || { echo "FAIL: features build"; exit 1; }
python3 - "$tmp/r.epub" "$tmp/f.epub" <<'PY'
import re, sys, zipfile
def summary(path):
    opf = zipfile.ZipFile(path).read("OEBPS/package.opf").decode()
    m = re.search(r'property="schema:accessibilitySummary">([^<]*)<', opf)
    return m.group(1) if m else ""
cases = [
    (sys.argv[1], ["Nomor halaman edisi cetak", "Istilah di dalam teks ditautkan ke entri glosariumnya.",
                   "Entri glosarium menautkan kembali", "Setiap entri indeks menautkan"],
     ["teks alternatif"]),
    (sys.argv[2], ["Page numbers of the print edition", "Every image has a text alternative."],
     ["glossary", "index", "no text alternative"]),
]
bad = 0
for path, want, never in cases:
    s = summary(path)
    for w in want:
        if w not in s:
            print("FAIL: %s: the summary lacks %r:\n    %s" % (path.rsplit("/", 1)[1], w, s))
            bad = 1
    for w in never:
        if w in s:
            print("FAIL: %s: the summary claims %r:\n    %s" % (path.rsplit("/", 1)[1], w, s))
            bad = 1
if not bad:
    print("ok: each summary says what its book offers and no more")
sys.exit(bad)
PY
