#!/usr/bin/env bash
# pdf_layout: page-level qualities of the PDF layout, read from the pages
# dump (FOLIO_DUMP_PAGES) of the sample reader and of a small document
# with a long table, code and other scripts (tests/e2e/data/layout.xml):
#   - facing pages end on the same baseline: every page of body text that
#     is not the last page of its article ends on the text block's last
#     line (vertical justification);
#   - the index is set in two columns whose full columns end on the same
#     baseline;
#   - the contents keep the titles' italics (foreignphrase);
#   - a long table goes on over several pages, its header row repeated
#     at the top of each, a row taller than a page split between pages,
#     a cell spanning rows (morerows) keeping its column;
#   - a wrapped code line goes on further in than the line it continues;
#   - polytonic Greek comes out in one face per word.
# (That the embedded fonts have outlines for Greek and Hangul is
# pdf_glyphs.sh.)
set -u
: "${FOLIO:?}" "${SRC:?}"
out=$(mktemp -d /tmp/pdf_layout.XXXXXX)
trap 'rm -rf "$out"' EXIT
reader=$SRC/sources/pekerjaan-sosial/reader.xml
data=$SRC/tests/e2e/data/layout.xml
FOLIO_DUMP_PAGES=$out/r.pages SOURCE_DATE_EPOCH=1767225600 \
	"$FOLIO" build "$reader" --pdf "$out/r.pdf" -q 2>"$out/log" || { cat "$out/log"; echo "FAIL: build"; exit 1; }
FOLIO_DUMP_PAGES=$out/t.pages SOURCE_DATE_EPOCH=1767225600 \
	"$FOLIO" build "$data" --pdf "$out/t.pdf" -q 2>"$out/log2" || { cat "$out/log2"; echo "FAIL: build"; exit 1; }
python3 - "$out" <<'PY'
import re, subprocess, sys
out = sys.argv[1]
fails = []
def check(ok, what, detail=""):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        if detail:
            print("    " + detail)
        fails.append(what)

def load(path):
    """pages: list of dicts {flags, texts: [(x, y, face, size, text)], items}"""
    pages, size = [], None
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if not f:
            continue
        if f[0] == "pages":
            size = (float(f[3]), float(f[4]))
        elif f[0] == "page" and f[1].isdigit():
            pages.append({"hdr": line, "texts": [], "rules": []})
        elif f[0] == "text" and pages:
            m = re.match(r'text (\S+) (\S+) (\S+) (\S+) "(.*)"(?: scale \S+)?$', line.rstrip("\n"))
            if m:
                pages[-1]["texts"].append((float(m[1]), float(m[2]), m[3], float(m[4]), m[5]))
        elif f[0] == "rule" and pages:
            pages[-1]["rules"].append((float(f[1]), float(f[2]), float(f[3]), float(f[4])))
    return pages, size

pages, size = load(out + "/r.pages")
# -- facing pages: the body's last baseline (text at the body size, below
# the head line, above any footnote rule) on pages followed by a page of
# the same article
body_size = 10.0
def last_base(p):
    ys = [t[1] for t in p["texts"] if abs(t[3] - body_size) < 0.01 and t[1] > 50]
    return max(ys) if ys else None
bottoms, short = {}, []
for i in range(len(pages) - 1):
    p, nxt = pages[i], pages[i + 1]
    if "blank" in p["hdr"] or "opening" in nxt["hdr"] or "blank" in nxt["hdr"]:
        continue
    if not any(abs(t[3] - body_size) < 0.01 for t in p["texts"]):
        continue
    b = last_base(p)
    if b is None:
        continue
    bottoms.setdefault(round(b, 1), []).append(i + 1)
common = max(bottoms, key=lambda k: len(bottoms[k])) if bottoms else None
odd = {k: v for k, v in bottoms.items() if k != common}
check(common is not None and sum(len(v) for v in bottoms.values()) >= 20 and not odd,
      "PDF: %d pages of body text that go on to the next page end on one baseline (%s)"
      % (sum(len(v) for v in bottoms.values()), common),
      "other bottoms: %s" % {k: v[:5] for k, v in odd.items()})

# -- the index: two columns, their full columns on one baseline
small = 8.5
idx = [i for i, p in enumerate(pages) if any(t[4] == "Indeks" and t[3] > 12 for t in p["texts"])]
two, even = False, True
if idx:
    for i in range(idx[0], len(pages)):
        p = pages[i]
        # where lines begin: the leftmost run of each baseline and side
        runs = [t for t in p["texts"] if abs(t[3] - small) < 0.01]
        if not runs:
            continue
        x0 = min(t[0] for t in runs)
        width = size[0] / 2 if size else 200
        starts = {}
        for t in runs:
            side = 0 if t[0] < x0 + width * 0.75 else 1
            key = (round(t[1], 1), side)
            starts[key] = min(starts.get(key, t[0]), t[0])
        left = [y for (y, side) in starts if side == 0]
        right = [y for (y, side) in starts if side == 1]
        # two columns: lines beginning right of the middle, as many as
        # a tenth of those on the left at least
        if len(right) < max(3, len(left) // 10):
            continue
        if left and right:
            two = True
            if i + 1 < len(pages) and abs(max(left) - max(right)) > 0.01:
                even = False
check(bool(idx) and two, "PDF: the index is set in two columns")
check(bool(idx) and even, "PDF: the index's full columns end on one baseline")

# -- contents: italics kept
toc = [p for p in pages[:8] if any(t[4] == "Daftar Isi" for t in p["texts"])]
it = [t for p in toc for t in p["texts"] if "italic" in t[2]]
check(any("Group Work" in t[4] for t in it),
      "PDF: the contents keep the titles' italics (%d italic runs)" % len(it))

tpages, _ = load(out + "/t.pages")
heads = [i for i, p in enumerate(tpages) if any(t[4] == "Keterangan" for t in p["texts"])]
check(len(heads) >= 3, "PDF: the long table runs over %d pages" % len(heads))
def first_line(p):
    body = [t for t in p["texts"] if t[1] > 45]  # below the running head
    return min(body, key=lambda t: t[1])[4] if body else None
rep = all(first_line(tpages[i]) in ("No", "Keterangan", "Nilai") for i in heads[1:])
check(rep, "PDF: its header row heads every page it goes on to")
# the tall row T1: its words on two pages
t1 = [i for i, p in enumerate(tpages) for t in p["texts"] if t[4].startswith("Satu baris tinggi")]
t1end = [i for i, p in enumerate(tpages) for t in p["texts"] if "akhir baris tinggi" in t[4]]
check(t1 and t1end and t1end[0] > t1[0], "PDF: a row taller than the page's rest goes on over the next page")
# morerows: the row after "Mikro" has its first cell in the second column
allt = [t for p in tpages for t in p["texts"]]
mikro = next((t for t in allt if t[4] == "Mikro"), None)
terapi = next((t for t in allt if t[4] == "Terapi"), None)
casework = next((t for t in allt if t[4] == "Casework"), None)
check(mikro and terapi and casework and abs(terapi[0] - casework[0]) < 0.01 and terapi[0] > mikro[0] + 5,
      "PDF: a cell spanning rows keeps its column; the rows beside it start in the next")
# code: the continuation of a wrapped line is further in than its line
code = [t for t in allt if "Mono" in t[2]]
pr = next((t for t in code if t[4].lstrip().startswith('printf(')), None)
after = [t for t in code if pr and t[1] > pr[1]]
nxt = min(after, key=lambda t: t[1]) if after else None
check(pr and nxt and nxt[0] > pr[0] + 5,
      "PDF: a wrapped code line goes on further in (%s > %s)" % (nxt and nxt[0], pr and pr[0]))
# other scripts: one face per word
greek = [t for t in allt if "λόγος" in t[4]]
check(greek and all("DejaVu" in t[2] for t in greek), "PDF: polytonic Greek words in one face")

sys.exit(1 if fails else 0)
PY
