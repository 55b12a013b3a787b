#!/usr/bin/env bash
# print_standards: PDF/X-1a and PDF/A (issue 8), read back through
# qpdf --json with decoded stream data.
#   PDF/X-1a: PDF 1.3; GTS_PDFXVersion, GTS_PDFXConformance, Trapped
#   /False, Title and dates in Info; a GTS_PDFX output intent naming a
#   registered condition; TrimBox inside BleedBox inside MediaBox on every
#   page; a document ID; no annotations, soft masks or RGB images.
#   PDF/A-1b and -2b: PDF 1.4 / 1.7; an unfiltered /Type /Metadata
#   /Subtype /XML packet that xmllint accepts and whose title, author,
#   subject, producer, tool and dates equal the Info dictionary's (a
#   title with & and < is escaped); pdfaid part and conformance (tagged,
#   the default, -2b is PDF/A-2a; --no-tags keeps it -2b, -1b stays 1b); a
#   GTS_PDFA1 intent with a 3-component ICC profile; a CIDSet in every
#   font descriptor that holds every code the text uses; a ToUnicode CMap
#   with bfranges that map every code used to itself; every annotation
#   with /F 4; no soft masks (an RGBA PNG is flattened).
# All: qpdf --check clean, fonts embedded, poppler silent, and two builds
# byte-identical.
# ctest-labels: slow (more than 5 s of CPU time; make check leaves it out)
set -u
: "${FOLIO:?}" "${SRC:?}"
src=$SRC/sources/pekerjaan-sosial/reader.xml
out=$(mktemp -d /tmp/print_standards.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
export SOURCE_DATE_EPOCH=1767225600

mkdir -p "$out/doc"
python3 - "$out/doc" "$SRC/tests/e2e/lib" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from png import png
png(sys.argv[1] + "/rgba.png", 32, 32, 6, lambda x, y: (200, x * 8, y * 8, 100 if (x + y) % 2 else 255))
PY
cat >"$out/doc/amp.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" xmlns:xlink="http://www.w3.org/1999/xlink" version="5.0" xml:lang="id">
<info><title>Kerja &amp; Kelompok &lt;Uji&gt; “kutip”</title>
<author><personname>Sri &amp; Budi</personname></author></info>
<para>Lihat <link xlink:href="https://example.org/?a=1&amp;b=2">situs</link>.</para>
<informalfigure><mediaobject><imageobject><imagedata fileref="rgba.png" width="30mm"/></imageobject></mediaobject></informalfigure>
</article>
XML

build() { # name, source, options...
	local name=$1 s=$2
	shift 2
	"$FOLIO" build "$s" --pdf "$out/$name.pdf" "$@" 2>"$out/$name.log" || { cat "$out/$name.log"; bad "$name: build failed"; return 1; }
	"$FOLIO" build "$s" --pdf "$out/$name.2.pdf" "$@" 2>/dev/null
	cmp -s "$out/$name.pdf" "$out/$name.2.pdf" || bad "$name: two builds differ"
	qpdf --check "$out/$name.pdf" >"$out/$name.qpdf" 2>&1 || { tail -3 "$out/$name.qpdf"; bad "$name: qpdf --check"; }
	pdfinfo "$out/$name.pdf" >"$out/$name.info" 2>"$out/$name.err"
	pdffonts "$out/$name.pdf" >"$out/$name.fonts" 2>>"$out/$name.err"
	pdftotext "$out/$name.pdf" /dev/null 2>>"$out/$name.err"
	[ -s "$out/$name.err" ] && { head -3 "$out/$name.err"; bad "$name: poppler printed warnings"; }
	tail -n +3 "$out/$name.fonts" | awk '{ if ($(NF-4) != "yes") print }' | grep -q . && bad "$name: a font is not embedded"
	qpdf --json=2 --json-key=qpdf --json-key=pages --json-stream-data=inline \
		--decode-level=generalized "$out/$name.pdf" >"$out/$name.json"
	return 0
}

check() { # name, kind (x1a, a1b, a2b)
	python3 - "$out/$1.json" "$2" "$1" "$out" <<'PY' || fail=1
import base64, json, re, subprocess, sys
js, kind, name, out = sys.argv[1:5]
ok = True
def bad(msg):
    global ok
    print("FAIL: %s: %s" % (name, msg))
    ok = False

doc = json.load(open(js))
objs = doc["qpdf"][1]
version = doc["qpdf"][0]["pdfversion"]
trailer = objs["trailer"]["value"]
def get(ref):
    return objs["obj:" + ref] if isinstance(ref, str) and ref.endswith(" R") else None
def val(ref):
    o = get(ref)
    return o.get("value", o.get("stream", {}).get("dict")) if o else ref
def data(ref):
    return base64.b64decode(get(ref)["stream"]["data"])
def text(v):
    return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v

root = val(trailer["/Root"])
info = val(trailer["/Info"])
ident = trailer.get("/ID")
if not ident or len(ident) != 2 or any(len(i) != 34 for i in ident):
    bad("no document ID of two 16-byte strings: %s" % ident)
if "/Encrypt" in trailer:
    bad("encrypted")
intents = root.get("/OutputIntents", [])
for o in objs.values():
    d = o.get("stream", {}).get("dict", {})
    if "/SMask" in d:
        bad("a soft mask (transparency)"); break
pages = [val(p["object"]) for p in doc["pages"]]

if kind == "x1a":
    if version != "1.3":
        bad("PDF version %s, want 1.3" % version)
    for key, want in (("/GTS_PDFXVersion", "PDF/X-1:2001"), ("/GTS_PDFXConformance", "PDF/X-1a:2001"),
                      ("/Trapped", "/False")):
        if text(info.get(key)) != want:
            bad("Info %s is %s, want %s" % (key, info.get(key), want))
    for key in ("/Title", "/CreationDate", "/ModDate"):
        if key not in info:
            bad("Info has no " + key)
    x = [i for i in intents if i.get("/S") == "/GTS_PDFX"]
    if len(x) != 1 or not text(x[0].get("/OutputConditionIdentifier")) or "/RegistryName" not in x[0]:
        bad("no GTS_PDFX output intent with a registered condition: %s" % intents)
    for i, p in enumerate(pages):
        if "/Annots" in p:
            bad("page %d has annotations" % (i + 1)); break
        t, b, m = p.get("/TrimBox"), p.get("/BleedBox"), p.get("/MediaBox")
        if not t or not b:
            bad("page %d lacks TrimBox or BleedBox" % (i + 1)); break
        inside = lambda a, c: a[0] >= c[0] - 1e-3 and a[1] >= c[1] - 1e-3 and a[2] <= c[2] + 1e-3 and a[3] <= c[3] + 1e-3
        if not (inside(t, b) and inside(b, m)):
            bad("page %d boxes not nested: %s %s %s" % (i + 1, t, b, m)); break
    for o in objs.values():
        d = o.get("stream", {}).get("dict", {})
        if d.get("/Subtype") == "/Image" and d.get("/ColorSpace") not in ("/DeviceCMYK", "/DeviceGray"):
            bad("an image in %s" % d.get("/ColorSpace")); break
else:
    want_version, part = ("1.4", "1") if kind == "a1b" else ("1.7", "2")
    conformance = "A" if kind == "a2b" else "B"
    if version != want_version:
        bad("PDF version %s, want %s" % (version, want_version))
    meta = get(root.get("/Metadata", ""))
    if meta is None:
        bad("no Metadata stream")
        sys.exit(1)
    md = meta["stream"]["dict"]
    if md.get("/Type") != "/Metadata" or md.get("/Subtype") != "/XML" or "/SubType" in md or "/Filter" in md:
        bad("metadata stream dictionary %s" % md)
    xmp = data(root["/Metadata"])
    open(out + "/" + name + ".xmp", "wb").write(xmp)
    r = subprocess.run(["xmllint", "--noout", out + "/" + name + ".xmp"], capture_output=True, text=True)
    if r.returncode or r.stderr:
        bad("XMP is not well-formed: " + r.stderr[:300])
    import xml.etree.ElementTree as ET
    ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
          "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/",
          "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}
    tree = ET.fromstring(xmp[xmp.index(b"<x:xmpmeta"):xmp.rindex(b"</x:xmpmeta>") + 12])
    def x(path):
        e = tree.find(".//" + path, ns)
        return e.text if e is not None else None
    def pdfdate(d):
        m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([-+])(\d\d)'(\d\d)'", text(d) or "")
        return "%s-%s-%sT%s:%s:%s%s%s:%s" % m.groups() if m else None
    pairs = ((x("dc:title/rdf:Alt/rdf:li"), text(info.get("/Title")), "title"),
             (x("dc:creator/rdf:Seq/rdf:li"), text(info.get("/Author")), "author"),
             (x("dc:description/rdf:Alt/rdf:li"), text(info.get("/Subject")), "subject"),
             (x("pdf:Producer"), text(info.get("/Producer")), "producer"),
             (x("xmp:CreatorTool"), text(info.get("/Creator")), "creator tool"),
             (x("xmp:CreateDate"), pdfdate(info.get("/CreationDate")), "creation date"),
             (x("xmp:ModifyDate"), pdfdate(info.get("/ModDate")), "modification date"),
             (x("pdfaid:part"), part, "pdfaid:part"), (x("pdfaid:conformance"), conformance, "conformance"))
    for got, want, what in pairs:
        if got != want:
            bad("XMP %s is %r, Info says %r" % (what, got, want))
    a = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if len(a) != 1 or val(a[0].get("/DestOutputProfile", "")) is None or \
       (val(a[0]["/DestOutputProfile"]) or {}).get("/N") != 3:
        bad("no GTS_PDFA1 output intent with a 3-component ICC profile: %s" % intents)
    # every annotation prints
    for i, p in enumerate(pages):
        for ref in p.get("/Annots", []):
            if val(ref).get("/F") != 4:
                bad("page %d: an annotation without /F 4" % (i + 1)); break
    # codes used per font, from the content streams
    used = {}
    for p in pages:
        fonts = p.get("/Resources", {}).get("/Font", {})
        contents = p["/Contents"]
        for ref in (contents if isinstance(contents, list) else [contents]):
            s = data(ref).decode("latin-1")
            # marked-content properties (an /ActualText) are not glyphs
            s = re.sub(r"<<.*?>>\s*BDC", "BDC", s, flags=re.S)
            font = None
            for m in re.finditer(r"/(\w+) [\d.]+ Tf|<([0-9A-F]+)>|\((?:\\.|[^\\)])*\)", s):
                if m.group(1):
                    font = fonts.get("/" + m.group(1))
                elif m.group(2) and font:
                    h = m.group(2)
                    used.setdefault(font, set()).update(int(h[i:i + 4], 16) for i in range(0, len(h), 4))
    if not used:
        bad("no text found")
    for fref, codes in used.items():
        font = val(fref)
        desc = val(val(font["/DescendantFonts"][0])["/FontDescriptor"])
        if "/CIDSet" not in desc:
            bad("font %s has no CIDSet" % font.get("/BaseFont")); continue
        bits = data(desc["/CIDSet"])
        missing = [c for c in codes if c // 8 >= len(bits) or not (bits[c // 8] >> (7 - c % 8)) & 1]
        if missing:
            bad("CIDSet of %s lacks codes %s" % (font.get("/BaseFont"), [hex(c) for c in missing[:5]]))
        cmap = data(font["/ToUnicode"]).decode("latin-1")
        if "begincidrange" in cmap:
            bad("ToUnicode of %s has a cidrange" % font.get("/BaseFont"))
        mapped = set()
        for lo, hi, dst in re.findall(r"<([0-9A-F]{4})> <([0-9A-F]{4})> <([0-9A-F]{4})>", cmap):
            if lo != dst:
                bad("ToUnicode maps %s to %s" % (lo, dst))
            mapped.update(range(int(lo, 16), int(hi, 16) + 1))
        if codes - mapped:
            bad("ToUnicode of %s lacks %s" % (font.get("/BaseFont"), [hex(c) for c in sorted(codes - mapped)[:5]]))
print("%s: %s checks %s" % (name, kind, "passed" if ok else "FAILED"))
sys.exit(0 if ok else 1)
PY
}

build x1a "$src" --pdfx 1a && check x1a x1a
build offset "$src" --print-preset offset && check offset x1a
build a1b "$src" --pdfa && check a1b a1b
build a2b "$src" --pdfa 2b && check a2b a2b
build a2bu "$src" --pdfa 2b --no-tags && check a2bu a2bu
build amp "$out/doc/amp.xml" --pdfa && check amp a1b
grep -q "^Title: *Kerja & Kelompok <Uji> “kutip”" "$out/amp.info" 2>/dev/null || bad "amp: pdfinfo shows the title as $(grep Title "$out/amp.info")"
build amp_x "$out/doc/amp.xml" --pdfx 1a && check amp_x x1a
# contradictions are refused before anything is written
"$FOLIO" build "$src" --pdf "$out/no.pdf" --pdfx 1a --color rgb 2>"$out/no.err"
[ $? = 2 ] && grep -q "PDF/X-1a allows no RGB" "$out/no.err" || { cat "$out/no.err"; bad "--pdfx 1a --color rgb not refused"; }
"$FOLIO" build "$src" --pdf "$out/no.pdf" --pdfx 1a --pdfa 2>"$out/no.err"
[ $? = 2 ] || bad "--pdfx with --pdfa not refused"
[ -e "$out/no.pdf" ] && bad "a refused build wrote a PDF"
[ $fail = 0 ] && echo "print_standards: ok"
exit $fail
