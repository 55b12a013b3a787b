#!/usr/bin/env bash
# print_color: --color gray and --color cmyk (issue 8).  A checker reads
# the content streams of `qpdf --qdf --object-streams=disable` output and
# lists the colour operators: under gray only g/G may appear and text is
# set after "0 g"; under cmyk only k/K, text after "0 0 0 1 k", crop marks
# in registration colour "1 1 1 1 K".  Every image XObject is DeviceGray
# or DeviceCMYK with no soft mask, including an RGBA and an RGB PNG.  The
# default (RGB) PDF of the sample has no colour operator at all.
# ctest-labels: slow (more than 5 s of CPU time; make check leaves it out)
set -u
: "${FOLIO:?}" "${SRC:?}"
src=$SRC/sources/pekerjaan-sosial/reader.xml
out=$(mktemp -d /tmp/print_color.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
export SOURCE_DATE_EPOCH=1767225600

mkdir -p "$out/doc"
python3 - "$out/doc" "$SRC/tests/e2e/lib" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from png import png
d = sys.argv[1]
png(d + "/rgba.png", 32, 32, 6, lambda x, y: (255, x * 8, y * 8, 128 if (x // 4 + y // 4) % 2 else 255))
png(d + "/rgb.png", 30, 20, 2, lambda x, y: (x * 8, 100, y * 12))
png(d + "/gray.png", 20, 20, 0, lambda x, y: ((x * y) & 255,))
PY
cat >"$out/doc/img.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="id">
<title>Warna</title>
<para>Gambar berwarna.</para>
<informalfigure><mediaobject><imageobject><imagedata fileref="rgba.png" width="30mm"/></imageobject></mediaobject></informalfigure>
<informalfigure><mediaobject><imageobject><imagedata fileref="rgb.png" width="30mm"/></imageobject></mediaobject></informalfigure>
<informalfigure><mediaobject><imageobject><imagedata fileref="gray.png" width="20mm"/></imageobject></mediaobject></informalfigure>
</article>
XML

build() { # name, source, options...
	local name=$1 s=$2
	shift 2
	"$FOLIO" build "$s" --pdf "$out/$name.pdf" "$@" 2>"$out/$name.log" || { cat "$out/$name.log"; bad "$name: build failed"; return 1; }
	qpdf --check "$out/$name.pdf" >/dev/null 2>&1 || bad "$name: qpdf --check"
	qpdf --qdf --object-streams=disable "$out/$name.pdf" "$out/$name.qdf.pdf" || bad "$name: qpdf --qdf"
	qpdf --json=2 --json-key=qpdf "$out/$name.pdf" >"$out/$name.json"
	pdftotext "$out/$name.pdf" /dev/null 2>"$out/$name.err"
	pdffonts "$out/$name.pdf" >/dev/null 2>>"$out/$name.err"
	[ -s "$out/$name.err" ] && { head -3 "$out/$name.err"; bad "$name: poppler printed warnings"; }
	return 0
}

# name, model (gray, cmyk, none), marks (0/1)
check() {
	python3 - "$out/$1.qdf.pdf" "$out/$1.json" "$2" "$3" "$1" <<'PY' || fail=1
import json, re, sys
qdf, js, model, marks, name = sys.argv[1:6]
ok = True
def bad(msg):
    global ok
    print("FAIL: %s: %s" % (name, msg))
    ok = False

data = open(qdf, "rb").read()
# the page content streams: qpdf --qdf marks each with a comment
streams = re.findall(rb"%% Contents for page \d+\n.*?\nstream\n(.*?)\nendstream", data, re.S)
if not streams:
    bad("no content streams found")

def tokens(s):
    # strings and hex strings are data, not operators
    s = re.sub(rb"\((?:\\.|[^\\)])*\)", b" ", s)
    s = re.sub(rb"<[0-9A-Fa-f\s]*>", b" ", s)
    return s.split()

COLOUR = {b"g", b"G", b"rg", b"RG", b"k", b"K", b"cs", b"CS", b"sc", b"SC", b"scn", b"SCN", b"sh"}
allowed = {"gray": {b"g", b"G"}, "cmyk": {b"k", b"K"}, "none": set()}[model]
black = {"gray": [b"0", b"g"], "cmyk": [b"0", b"0", b"0", b"1", b"k"], "none": None}[model]
used = set()
for i, s in enumerate(streams):
    t = tokens(s)
    ops = {x for x in t if x in COLOUR}
    used |= ops
    if "TJ".encode() in t and black:
        first_bt = t.index(b"BT")
        prefix = t[:first_bt]
        if not any(prefix[j:j + len(black)] == black for j in range(len(prefix))):
            bad("page %d sets text without %s first" % (i + 1, b" ".join(black).decode()))
            break
    if marks == "1" and model == "cmyk" and b"1 1 1 1 K" not in b" ".join(t):
        bad("page %d: no marks in registration colour (1 1 1 1 K)" % (i + 1))
        break
extra = used - allowed
if extra:
    bad("colour operators other than %s: %s" % (sorted(x.decode() for x in allowed) or "none",
                                                 sorted(x.decode() for x in extra)))
objs = json.load(open(js))["qpdf"][1]
images = 0
for k, o in objs.items():
    d = o.get("stream", {}).get("dict", {})
    if d.get("/Subtype") != "/Image":
        continue
    images += 1
    cs = d.get("/ColorSpace")
    want = {"gray": "/DeviceGray", "cmyk": "/DeviceCMYK"}.get(model)
    if want and cs != want:
        bad("image %s has colour space %s, want %s" % (k, cs, want))
    if want and "/SMask" in d:
        bad("image %s has a soft mask" % k)
print("%s: %d content streams, operators %s, %d images" %
      (name, len(streams), sorted(x.decode() for x in used), images))
sys.exit(0 if ok else 1)
PY
}

build rgb "$src" && check rgb none 0
build gray "$src" --color gray && check gray gray 0
build cmyk "$src" --color cmyk --bleed 3mm --marks && check cmyk cmyk 1
build img_gray "$out/doc/img.xml" --color gray && check img_gray gray 0
build img_cmyk "$out/doc/img.xml" --color cmyk --marks && check img_cmyk cmyk 1
# the default keeps RGB images as they are (and the RGBA one's mask)
"$FOLIO" build "$out/doc/img.xml" --pdf "$out/img_rgb.pdf" 2>/dev/null || bad "img_rgb: build failed"
pdfimages -list "$out/img_rgb.pdf" | grep -q " smask " || bad "img_rgb: the RGBA PNG lost its alpha in the screen PDF"
n=$(pdfimages -list "$out/img_gray.pdf" | tail -n +3 | grep -c .)
[ "$n" = 3 ] || bad "img_gray: $n images, want 3 (no masks)"
[ $fail = 0 ] && echo "print_color: ok"
exit $fail
