#!/usr/bin/env bash
# docbook_elements: tests/docbook/elements.xml, a document of the DocBook
# elements whose parts folio joins or lays out itself (menu paths, key
# combinations, simple lists, segmented lists) and tables with cells
# spanning columns and rows in both models, built to PDF, EPUB and
# text:
#   - no diagnostics; qpdf --check; epubcheck 0/0
#   - the lines its "expect-text:" comments name appear in the text
#     output, in that order, and in the PDF's text (pdftotext -layout), in order
#     (a simple list's columns, " | " in the text output, read across
#     each row there: the rows are set across and down as asked)
#   - the word check (fidelity) and the geometry check of the PDF
#   - in the PDF, cells after a cell spanning rows in their own columns
# Env: FOLIO (the binary), SRC (repo root), SHARED (../shared).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
for tool in qpdf java python3 pdftotext; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
T=$(mktemp -d /tmp/docbook_elements.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
src=tests/docbook/elements.xml
out=$T/elements
if ! "$FOLIO" build "$src" --pdf "$out.pdf" --epub "$out.epub" --text "$out.txt" >"$out.log" 2>&1; then
	bad "folio build $src failed:"; sed 's/^/    /' "$out.log" | head -20; exit 1
fi
[ -s "$out.log" ] && { bad "$src: diagnostics from a clean source:"; sed 's/^/    /' "$out.log"; }
qpdf --check "$out.pdf" >"$out.qpdf" 2>&1 || { bad "qpdf --check:"; tail -5 "$out.qpdf"; }
java -jar /usr/share/java/epubcheck.jar "$out.epub" >"$out.epubcheck" 2>&1
grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$out.epubcheck" ||
	{ bad "epubcheck:"; grep -E "ERROR|WARNING|FATAL" "$out.epubcheck" | head -10; }
python3 tests/tools/fidelity.py "$src" --pdf "$out.pdf" --epub "$out.epub" >"$out.fidelity" 2>&1 ||
	{ bad "word check:"; sed 's/^/    /' "$out.fidelity" | head -10; }
python3 tests/tools/geometry.py "$out.pdf" --style styles/a5-reader.style >"$out.geo" 2>&1 ||
	{ bad "geometry:"; head -10 "$out.geo"; }
pdftotext -layout "$out.pdf" "$out.pdftxt"
python3 - "$src" "$out.txt" "$out.pdftxt" <<'PY' || fail=1
import re, sys
src, txt, pdftxt = sys.argv[1:4]
wanted = re.findall(r"expect-text: (.*)", open(src, encoding="utf-8").read())
ok = bool(wanted) or print(f"FAIL: {src} names no expect-text lines")
for name in (txt, pdftxt):
    # the PDF's lines may end in a hyphen the line break added
    text = re.sub(r"\s+", " ", open(name, encoding="utf-8").read())
    pos = 0
    for w in wanted:
        if name == pdftxt:  # the text output's cells " | " are columns there
            w = w.replace(" | ", " ")
        i = text.find(" ".join(w.split()), pos)
        if i < 0:
            print(f"FAIL: {name.rsplit('.', 1)[1]} output lacks, in order: {w}")
            ok = False
        else:
            pos = i + len(w)
sys.exit(0 if ok else 1)
PY
# spans in the PDF: the cells after a cell spanning rows stand in the
# columns they belong to, a cell spanning columns starts in its first
pdftotext -bbox "$out.pdf" "$out.bbox.html"
python3 - "$out.bbox.html" <<'PY' || fail=1
import re, sys
# x from the text block's left (the page's leftmost word): a table may
# run over a left- and a right-hand page
x = {}
for page in open(sys.argv[1], encoding="utf-8").read().split("<page ")[1:]:
    words = [(float(a), w) for a, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', page)]
    left = min((a for a, _ in words), default=0)
    for a, w in words:
        x.setdefault(w, a - left)
ok = True
for a, b in (("b3", "b2"), ("c3", "c2"), ("across", "r1b"), ("r3b", "r1b"), ("whole", "tall")):
    if a not in x or b not in x or abs(x[a] - x[b]) > 0.5:
        print(f"FAIL: PDF: {a!r} is not in the column of {b!r}: {x.get(a)} {x.get(b)}")
        ok = False
sys.exit(0 if ok else 1)
PY
[ $fail = 0 ] && echo "ok: $src built to PDF, EPUB and text and checked"
exit $fail
