#!/usr/bin/env bash
# print_booklet: imposition (issue 8).  The sample reader (A5) is built
# plain and with --impose booklet: the sheets are A4 landscape, their
# number is the page count padded to a multiple of 4, halved; the text of
# each half of each sheet side (pdftotext of that region) is the text of
# the page saddle-stitch order puts there ([n,1], [2,n-1], [n-2,3], ...),
# blank where the padding is.  The same for --impose 2up ([1,2], [3,4]).
# The imposed files keep every font embedded, stay clean under qpdf and
# poppler, and creep moves inner pages toward the fold only.
# ctest-labels: slow (more than 5 s of CPU time; make check leaves it out)
set -u
: "${FOLIO:?}" "${SRC:?}"
src=$SRC/sources/pekerjaan-sosial/reader.xml
out=$(mktemp -d /tmp/print_booklet.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

export SOURCE_DATE_EPOCH=1767225600
"$FOLIO" build "$src" --pdf "$out/plain.pdf" 2>"$out/log" || { cat "$out/log"; exit 1; }
"$FOLIO" build "$src" --pdf "$out/booklet.pdf" --impose booklet 2>"$out/log" || { cat "$out/log"; bad "booklet build"; }
"$FOLIO" build "$src" --pdf "$out/2up.pdf" --impose 2up 2>"$out/log" || { cat "$out/log"; bad "2up build"; }
"$FOLIO" build "$src" --pdf "$out/creep.pdf" --impose booklet --creep 0.5mm 2>"$out/log" || { cat "$out/log"; bad "creep build"; }

for f in booklet 2up creep; do
	qpdf --check "$out/$f.pdf" >"$out/$f.qpdf" 2>&1 || bad "$f: qpdf --check"
	pdffonts "$out/$f.pdf" 2>"$out/$f.err" | tail -n +3 | awk '{ if ($(NF-4) != "yes") print }' | grep -q . &&
		bad "$f: a font is not embedded"
	pdfinfo "$out/$f.pdf" >/dev/null 2>>"$out/$f.err"
	[ -s "$out/$f.err" ] && { head -3 "$out/$f.err"; bad "$f: poppler printed warnings"; }
done

python3 - "$out" <<'PY' || fail=1
import re, subprocess, sys
out = sys.argv[1]
ok = True
def bad(msg):
    global ok
    print("FAIL:", msg)
    ok = False

def info(pdf):
    t = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", t).group(1))
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", t).groups())
    return pages, w, h

def words(pdf, page, x=None, w=None, height=None):
    cmd = ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page)]
    if x is not None:
        cmd += ["-x", str(x), "-y", "0", "-W", str(w), "-H", str(height)]
    r = subprocess.run(cmd + [pdf, "-"], capture_output=True, text=True)
    if r.stderr:
        bad("pdftotext printed: " + r.stderr[:200])
    return sorted(r.stdout.split())

n, pw, ph = info(out + "/plain.pdf")
page_words = [words(out + "/plain.pdf", p) for p in range(1, n + 1)]

def check(name, order):
    pdf = out + "/" + name + ".pdf"
    sides, sw, sh = info(pdf)
    if sides != len(order):
        bad("%s: %d sheet sides, want %d" % (name, sides, len(order)))
        return
    if abs(sw - 2 * pw) > 0.1 or abs(sh - ph) > 0.1:
        bad("%s: sheet %.2f x %.2f, want %.2f x %.2f (A4 landscape)" % (name, sw, sh, 2 * pw, ph))
    half = int(pw)  # pdftotext crops in whole points at 72 dpi
    for s, (left, right) in enumerate(order):
        for slot, page, x in ((0, left, 0), (1, right, half + 1)):
            got = words(pdf, s + 1, x, half, int(sh) + 1)
            want = page_words[page - 1] if page <= n else []
            if got != want:
                bad("%s: sheet side %d %s shows %s..., want page %d %s..." %
                    (name, s + 1, "left" if slot == 0 else "right", got[:6], page, want[:6]))
                return

m = (n + 3) // 4 * 4
booklet = []
for k in range(m // 4):
    booklet.append((m - 2 * k, 2 * k + 1))
    booklet.append((2 * k + 2, m - 2 * k - 1))
check("booklet", booklet)
check("creep", booklet)
check("2up", [(2 * s + 1, 2 * s + 2) for s in range((n + 1) // 2)])
if m == n:
    bad("the sample has %d pages; the padding is not exercised" % n)
sys.exit(0 if ok else 1)
PY

# creep: the outermost sheet is unchanged, an inner one moves toward the fold
python3 - "$out" <<'PY' || fail=1
import subprocess, sys, re
out = sys.argv[1]
def xs(pdf, side):
    t = subprocess.run(["pdftotext", "-bbox", "-f", str(side), "-l", str(side), pdf, "-"],
                       capture_output=True, text=True).stdout
    return [float(v) for v in re.findall(r'<word xMin="([\d.]+)"', t)]
ok = True
for side, want in ((1, 0.0), (9, 4 * 0.5 * 72 / 25.4)):
    a, b = xs(out + "/booklet.pdf", side), xs(out + "/creep.pdf", side)
    if not a or len(a) != len(b):
        print("FAIL: creep: side %d words differ" % side); ok = False; continue
    # left half moves right, right half moves left, by the same amount
    shifts = [(bb - aa) if aa < 419 else (aa - bb) for aa, bb in zip(a, b)]
    if any(abs(s - want) > 0.05 for s in shifts):
        print("FAIL: creep on side %d: shifts %s, want %.2f" % (side, sorted(set(round(s, 2) for s in shifts))[:5], want))
        ok = False
sys.exit(0 if ok else 1)
PY
[ $fail = 0 ] && echo "print_booklet: ok"
exit $fail
