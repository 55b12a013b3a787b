#!/usr/bin/env bash
# print_boxes: page geometry of the print options (issue 8).  For each of
# --paper, --bleed, --marks, the presets and a custom one-sided size, the
# sample reader is built and pdfinfo -box must show the expected
# MediaBox, TrimBox and BleedBox on EVERY page (and the page dictionaries
# must hold TrimBox and BleedBox themselves); qpdf --check is clean; all
# fonts embedded; pdfinfo, pdffonts and pdftotext print nothing on
# stderr; copyshop pads the page count to a multiple of 4.
# ctest-labels: slow (more than 5 s of CPU time; make check leaves it out)
set -u
: "${FOLIO:?}" "${SRC:?}"
src=$SRC/sources/pekerjaan-sosial/reader.xml
out=$(mktemp -d /tmp/print_boxes.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# name, expected "media_w media_h trim_x0 trim_y0 trim_x1 trim_y1 bleed", options...
check() {
	local name=$1 want=$2
	shift 2
	local pdf=$out/$name.pdf
	SOURCE_DATE_EPOCH=1767225600 "$FOLIO" build "$src" --pdf "$pdf" "$@" 2>"$out/$name.log" ||
		{ cat "$out/$name.log"; bad "$name: build failed ($*)"; return; }
	qpdf --check "$pdf" >"$out/$name.qpdf" 2>&1 || { tail -3 "$out/$name.qpdf"; bad "$name: qpdf --check"; }
	local n
	n=$(pdfinfo "$pdf" 2>"$out/$name.err1" | awk '/^Pages:/ { print $2 }')
	pdfinfo -box -f 1 -l "$n" "$pdf" >"$out/$name.box" 2>>"$out/$name.err1"
	pdffonts "$pdf" >"$out/$name.fonts" 2>"$out/$name.err2"
	pdftotext -enc UTF-8 "$pdf" "$out/$name.txt" 2>"$out/$name.err3"
	for e in 1 2 3; do
		[ -s "$out/$name.err$e" ] && { head -3 "$out/$name.err$e"; bad "$name: a poppler tool printed warnings"; }
	done
	tail -n +3 "$out/$name.fonts" | awk '{ if ($(NF-4) != "yes") print }' | grep -q . &&
		bad "$name: a font is not embedded"
	qpdf --json=2 --json-key=pages --json-key=qpdf "$pdf" >"$out/$name.json"
	python3 - "$out/$name.box" "$out/$name.json" "$want" "$name" <<'PY' || fail=1
import json, re, sys
box_file, json_file, want, name = sys.argv[1:5]
mw, mh, tx0, ty0, tx1, ty1, bleed = map(float, want.split())
ok = True
def bad(msg):
    global ok
    print("FAIL: %s: %s" % (name, msg))
    ok = False
boxes = {}
for line in open(box_file):
    m = re.match(r"Page\s+(\d+) (\w+):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", line)
    if m:
        boxes.setdefault(int(m.group(1)), {})[m.group(2)] = [float(m.group(i)) for i in range(3, 7)]
if not boxes:
    bad("no per-page boxes from pdfinfo")
near = lambda a, b: abs(a - b) < 0.02
for p, b in sorted(boxes.items()):
    media, trim, bl = b["MediaBox"], b["TrimBox"], b["BleedBox"]
    if not (near(media[0], 0) and near(media[1], 0) and near(media[2], mw) and near(media[3], mh)):
        bad("page %d MediaBox %s, want 0 0 %s %s" % (p, media, mw, mh)); break
    if not all(near(a, w) for a, w in zip(trim, (tx0, ty0, tx1, ty1))):
        bad("page %d TrimBox %s, want %s" % (p, trim, (tx0, ty0, tx1, ty1))); break
    wantb = (tx0 - bleed, ty0 - bleed, tx1 + bleed, ty1 + bleed)
    if not all(near(a, w) for a, w in zip(bl, wantb)):
        bad("page %d BleedBox %s, want %s" % (p, bl, wantb)); break
data = json.load(open(json_file))
objs = data["qpdf"][1]
for i, page in enumerate(data["pages"]):
    d = objs["obj:" + page["object"]]["value"]
    for key in ("/TrimBox", "/BleedBox"):
        if key not in d:
            bad("page %d has no %s entry" % (i + 1, key)); break
sys.exit(0 if ok else 1)
PY
	echo "$n" >"$out/$name.pages"
}

a5w=419.528; a5h=595.276; b=8.504; m=25.512
ab=$(python3 -c "print($a5w+2*$b, $a5h+2*$b, $b, $b, $a5w+$b, $a5h+$b, $b)")
abm=$(python3 -c "e=$b+$m; print($a5w+2*e, $a5h+2*e, e, e, $a5w+e, $a5h+e, $b)")
check a4 "595.276 841.89 0 0 595.276 841.89 0" --paper a4
check bleed "$ab" --bleed 3mm
check marks "$abm" --bleed 3mm --marks
check offset "$abm" --print-preset offset
check pod "$ab" --print-preset pod
check offset_nomarks "$ab" --print-preset offset --no-marks
custom=$(python3 -c "w=170*72/25.4; h=240*72/25.4; e=5*72/25.4; print(w+2*e, h+2*e, e, e, w+e, h+e, e)")
check custom "$custom" --paper 170x240mm --one-sided --bleed 5mm
check copyshop "$a5w $a5h 0 0 $a5w $a5h 0" --print-preset copyshop

[ "$(pdfinfo "$out/offset.pdf" | awk '/^PDF version/ { print $3 }')" = 1.3 ] || bad "offset: not PDF 1.3"
n=$(cat "$out/copyshop.pages" 2>/dev/null || echo 1)
[ $((n % 4)) = 0 ] || bad "copyshop: $n pages, not a multiple of 4"
# one-sided: no blank versos before openings, so fewer or as many pages
[ -s "$out/custom.pages" ] && [ -s "$out/bleed.pages" ] &&
	[ "$(cat "$out/custom.pages")" -le "$(cat "$out/bleed.pages")" ] || bad "one-sided larger page did not shorten the book"
# a bad paper name is a fatal error naming it, and writes nothing
"$FOLIO" build "$src" --pdf "$out/x.pdf" --paper a11 2>"$out/x.err"
[ $? = 2 ] || bad "--paper a11: exit status not 2"
grep -q "unknown paper 'a11'" "$out/x.err" || { cat "$out/x.err"; bad "--paper a11: no message naming it"; }
[ -e "$out/x.pdf" ] && bad "--paper a11: a PDF was written"
[ $fail = 0 ] && echo "print_boxes: ok"
exit $fail
