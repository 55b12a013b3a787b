#!/usr/bin/env bash
# pdf_sample: the sample reader as a PDF book (issues 3 and 4).
# Builds sources/pekerjaan-sosial/reader.xml twice with the default style
# and checks: qpdf --check clean; every font embedded and subset; every
# source word present (tests/tools/fidelity.py); pdftotext silent; the two
# builds byte-identical; page labels i.. then 1..; every article opens on
# a right-hand (odd) page; blank and opening pages carry no running head;
# the contents' page numbers are the pages where the headings are.
set -u
: "${FOLIO:?}" "${SRC:?}"
src=$SRC/sources/pekerjaan-sosial/reader.xml
[ -f "$src" ] || { echo "no sample reader at $src"; exit 1; }
out=$(mktemp -d /tmp/pdf_sample.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

FOLIO_DUMP_PAGES=$out/a.pages SOURCE_DATE_EPOCH=1767225600 \
	"$FOLIO" build "$src" --pdf "$out/a.pdf" 2>"$out/log1" || { cat "$out/log1"; bad "build failed"; exit 1; }
SOURCE_DATE_EPOCH=1767225600 "$FOLIO" build "$src" --pdf "$out/b.pdf" 2>"$out/log2" || bad "second build failed"
cmp -s "$out/a.pdf" "$out/b.pdf" || bad "two builds differ"

qpdf --check "$out/a.pdf" >"$out/qpdf" 2>&1 || { cat "$out/qpdf"; bad "qpdf --check"; }
pdffonts "$out/a.pdf" | tail -n +3 >"$out/fonts"
[ -s "$out/fonts" ] || bad "no fonts"
awk '{ n = NF; if ($(n-4) != "yes" || $(n-3) != "yes") print }' "$out/fonts" >"$out/unembedded"
[ -s "$out/unembedded" ] && { cat "$out/unembedded"; bad "a font not embedded or not subset"; }

pdftotext -enc UTF-8 "$out/a.pdf" "$out/a.txt" 2>"$out/pdftotext.err"
[ -s "$out/pdftotext.err" ] && { head -3 "$out/pdftotext.err"; bad "pdftotext printed warnings"; }
python3 "$SRC/tests/tools/fidelity.py" "$src" --pdf "$out/a.pdf" >"$out/fid" || { cat "$out/fid"; bad "fidelity below 100%"; }

qpdf --json=2 --json-key=pagelabels "$out/a.pdf" >"$out/labels.json"
python3 - "$out" <<'PY' || fail=1
import json, re, subprocess, sys
out = sys.argv[1]
ok = True
def bad(msg):
    global ok
    print("FAIL:", msg)
    ok = False

labels = json.load(open(out + "/labels.json"))["pagelabels"]
styles = [(l["index"], l["label"].get("/S"), l["label"].get("/St", 1)) for l in labels]
if len(styles) != 2 or styles[0][:2] != (0, "/r") or styles[1][1] != "/D" or styles[1][2] != 1:
    bad("page labels are not i.. then 1..: %s" % styles)

pages, outline, opening, blank, items = {}, [], set(), set(), {}
cur = None
for line in open(out + "/a.pages", encoding="utf-8"):
    f = line.split()
    if f[0] == "page":
        cur = int(f[1]); pages[cur] = f[2][6:]
        if "opening" in f: opening.add(cur)
        if "blank" in f: blank.add(cur)
        items[cur] = []
    elif f[0] == "outline":
        outline.append((int(f[1]), int(f[3]), " ".join(f[5:])))
    elif cur is not None:
        items[cur].append(f)

# articles (level 1 in the body) open on odd pages
body_start = styles[1][0] + 1 if len(styles) == 2 else 1
for level, page, title in outline:
    if level == 1 and page % 2 == 0:
        bad("%r opens on even page %d" % (title, page))
# blank pages are empty; opening pages have nothing in the head line
for p in blank:
    if items[p]:
        bad("blank page %d is not empty" % p)
for p in opening | blank:
    for f in items[p]:
        if f[0] == "text" and float(f[2]) < 40:
            bad("running head or folio on opening page %d: %s" % (p, " ".join(f[:6])))
            break

# contents: each entry is a link to its heading with the page number at
# its right end; the heading's anchor must be on the page of that label
dest_page = {}
for p, its in items.items():
    for f in its:
        if f[0] == "dest":
            dest_page.setdefault(f[3], p)
entries = 0
toc = [p for p, its in items.items() if any(f[0] == "text" and "Daftar" in " ".join(f[5:]) and "Isi" in " ".join(f[5:]) for f in its)]
for p in sorted(toc)[:1]:
    q = p
    while q in items and (q == p or pages[q].isalpha()):
        texts = [f for f in items[q] if f[0] == "text"]
        for f in items[q]:
            if f[0] != "link" or q not in items:
                continue
            top, h = float(f[2]), float(f[4])
            line = [t for t in texts if top <= float(t[2]) <= top + h]
            if not line:
                continue
            num = max(line, key=lambda t: float(t[1]))
            label = " ".join(num[5:]).strip('"')
            if not re.fullmatch(r"[0-9]+|[ivxlc]+", label):
                continue  # a wrapped title's first line
            target = f[6]
            if target not in dest_page:
                bad("contents entry -> %s has no anchor" % target)
                continue
            if pages[dest_page[target]] != label:
                bad("contents says %s is on page %s, it is on %s" % (target, label, pages[dest_page[target]]))
            entries += 1
        q += 1
if entries < 10:
    bad("only %d contents entries found" % entries)
sys.exit(0 if ok else 1)
PY
[ $fail = 0 ] && echo "pdf_sample: ok ($(grep -c '^page ' "$out/a.pages") pages)"
exit $fail
