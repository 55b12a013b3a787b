#!/usr/bin/env bash
# pdf_tags: the tagged PDF (issue 19; doc/print.md, "Tagged PDF").
#   - tests/layout/features.xml and a document made
#     here (figure with alt text, equation, footnote, table, lists, a
#     paragraph in English, nested sections) are tagged by default and
#     pass tests/e2e/lib/check_tags.py: structure tree, every text object,
#     image and path of every page inside MCID or Artifact content, the
#     parent tree, links with OBJR and /Contents, heading levels, lists,
#     TH /Scope, Note /ID, Figure and Formula /Alt;
#     (the sample reader: pdf_tags_sample, slow);
#   - the made document claims PDF/UA-1 (pdfuaid:part in the XMP);
#     features.xml, whose figure has no alt text, does not, and
#     says why in a warning (an error under --strict);
#   - the structure's text holds the words of the page (pdfinfo
#     -struct-text against pdftotext), in the made document's source
#     order (the footnote after its paragraph, the figure where it
#     stands);
#   - --no-tags gives no StructTreeRoot and the same pages dump and text
#     as the tagged build; the checker fails on it, and on a copy with one
#     text object unmarked;
#   - --pdfa 2b with tags is PDF/A-2a with pdfuaid and its extension
#     schema; qpdf --check is clean everywhere.
set -u
: "${FOLIO:?}" "${SRC:?}"
out=$(mktemp -d /tmp/pdf_tags.XXXXXX)
trap 'rm -rf "$out"' EXIT
check="python3 $SRC/tests/e2e/lib/check_tags.py"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
export SOURCE_DATE_EPOCH=1767225600

build() { # name source [options]: builds name.pdf and name.pages
	local name=$1 src=$2
	shift 2
	FOLIO_DUMP_PAGES=$out/$name.pages "$FOLIO" build "$src" --pdf "$out/$name.pdf" "$@" \
		2>"$out/$name.err" || { cat "$out/$name.err"; bad "$name: build failed"; return 1; }
	qpdf --check "$out/$name.pdf" >"$out/$name.qpdf" 2>&1 ||
		{ tail -3 "$out/$name.qpdf"; bad "$name: qpdf --check"; }
	return 0
}

features=$SRC/tests/layout/features.xml
build features "$features" && $check "$out/features.pdf" --no-claim-ua || bad "features: structure"
build features_nt "$features" --no-tags && $check "$out/features_nt.pdf" --untagged || bad "features --no-tags"
$check "$out/features_nt.pdf" >/dev/null && bad "the checker passes an untagged PDF"
cmp -s "$out/features.pages" "$out/features_nt.pages" || bad "tags changed the layout (pages dump)"
pdftotext "$out/features.pdf" "$out/features.txt"
pdftotext "$out/features_nt.pdf" "$out/features_nt.txt"
cmp -s "$out/features.txt" "$out/features_nt.txt" || bad "tags changed pdftotext's text"
# one text object left unmarked: the checker must see it
qpdf --qdf --object-streams=disable "$out/features.pdf" "$out/qdf.pdf"
python3 - "$out/qdf.pdf" "$out/broken.pdf" <<'PY'
import re, sys
d = open(sys.argv[1], "rb").read()
# the first MCID sequence of a content stream loses its BDC and EMC
m = re.search(rb"/[A-Za-z0-9]+ ?<</MCID 0>> ?BDC\n(BT\n.*?ET\n)EMC\n", d, re.S)
assert m, "no MCID 0 sequence"
open(sys.argv[2], "wb").write(d[:m.start()] + m.group(1) + d[m.end():])
PY
fix-qdf "$out/broken.pdf" >"$out/fixed.pdf"
$check "$out/fixed.pdf" | grep -q "outside marked content" || bad "the checker misses an unmarked text object"
grep -q "features.xml:[0-9]*:[0-9]*: warning: <mediaobject> without alternative text" "$out/features.err" ||
	{ cat "$out/features.err"; bad "features: no warning for the figure without alt text"; }
"$FOLIO" build "$features" --strict --pdf "$out/strict.pdf" 2>"$out/strict.err"
[ $? = 1 ] && grep -q "error: <mediaobject> without alternative text" "$out/strict.err" ||
	bad "--strict does not refuse a figure without alt text"
"$FOLIO" build "$features" --strict --no-tags --pdf "$out/strict_nt.pdf" 2>"$out/strict_nt.err" ||
	bad "--no-tags --strict: the untagged PDF needs no alt text"

mkdir -p "$out/doc"
cp "$SRC/tests/layout/diagram.png" "$out/doc/"
cat >"$out/doc/tags.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<article xmlns="http://docbook.org/ns/docbook" version="5.0" xml:lang="id">
  <info><title>Uji Struktur</title></info>
  <section>
    <title>Bagian Satu</title>
    <para>Paragraf pertama menyebut catatan.<footnote><para>Isi catatan kaki.</para></footnote> Kalimat sesudah catatan.</para>
    <para xml:lang="en">A paragraph in English.</para>
    <figure>
      <title>Diagram siklus</title>
      <mediaobject>
        <imageobject><imagedata fileref="diagram.png"/></imageobject>
        <textobject><phrase>Lingkaran empat tahap pertolongan</phrase></textobject>
      </mediaobject>
    </figure>
    <para>Paragraf sesudah gambar.</para>
    <section>
      <title>Bagian Dalam</title>
      <equation><title>Skor</title><mathphrase>s = a + b</mathphrase></equation>
      <itemizedlist><listitem><para>Butir satu.</para></listitem><listitem><para>Butir dua.</para></listitem></itemizedlist>
      <informaltable><tr><th>Kode</th><th>Arti</th></tr><tr><td>A</td><td>Satu</td></tr></informaltable>
    </section>
  </section>
</article>
XML
build doc "$out/doc/tags.xml" && $check "$out/doc.pdf" --claims-ua || bad "made document: structure"
[ -s "$out/doc.err" ] && { cat "$out/doc.err"; bad "made document: diagnostics"; }
pdfinfo -struct-text "$out/doc.pdf" >"$out/doc.struct" 2>&1
pdfinfo -struct "$out/doc.pdf" >"$out/doc.tree" 2>&1
python3 - "$out/doc.struct" "$out/doc.tree" "$out/doc.pdf" <<'PY' || fail=1
import re, subprocess, sys
struct = open(sys.argv[1]).read()
tree = open(sys.argv[2]).read()
bad = []
# the structure's words in order: the footnote after its paragraph, the
# figure's caption where the figure stands
words = re.findall(r'"([^"]*)"', struct)
text = " ".join(" ".join(words).split())
order = ["Uji Struktur", "Bagian Satu", "Paragraf pertama menyebut catatan.",
         "Kalimat sesudah catatan.", "Isi catatan kaki.", "A paragraph in English.",
         "Diagram siklus", "Paragraf sesudah gambar.", "Bagian Dalam", "Butir satu.", "Kode"]
at = 0
for w in order:
    i = text.find(w, at)
    if i < 0:
        bad.append("%r not in the structure's text after position %d" % (w, at))
    else:
        at = i + len(w)
for want in ("H1", "H2", "H3", "Note", "Figure", "Formula", "Caption", "L", "LI", "Lbl",
             "LBody", "Table", "TH", "TD", "Sect"):
    if not re.search(r"^\s*%s\b" % want, tree, re.M):
        bad.append("no %s element" % want)
if "/Scope /Column" not in tree:
    bad.append("TH without /Scope")
js = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[3]], capture_output=True,
                    text=True).stdout
if "Lingkaran empat tahap pertolongan" not in js:
    bad.append("the figure's /Alt is not its textobject")
if not re.search(r'"/Alt": "[^"]*s = a \+ b', js):
    bad.append("the equation's /Alt is not its text")
if not re.search(r'"/Lang": "u:en"', js):
    bad.append("no /Lang en on the English paragraph")
if not re.search(r'"/Lang": "u:id"', js):
    bad.append("no /Lang id on the catalog")
for b in bad:
    print("FAIL: made document: " + b)
sys.exit(1 if bad else 0)
PY

# PDF/A-2b with tags: PDF/A-2a, and PDF/UA beside it
build a2 "$out/doc/tags.xml" --pdfa 2b && $check "$out/a2.pdf" --claims-ua || bad "PDF/A-2a: structure"
qpdf --json=2 --json-key=qpdf --json-stream-data=inline --decode-level=generalized "$out/a2.pdf" |
	python3 -c '
import base64, json, sys
q = json.load(sys.stdin)["qpdf"][1]
xmp = b"".join(base64.b64decode(v["stream"]["data"]) for v in q.values()
               if isinstance(v, dict) and "stream" in v and v["stream"]["dict"].get("/Type") == "/Metadata")
need = [b"<pdfaid:part>2</pdfaid:part>", b"<pdfaid:conformance>A</pdfaid:conformance>",
        b"<pdfuaid:part>1</pdfuaid:part>", b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"]
miss = [n.decode() for n in need if n not in xmp]
print("FAIL: PDF/A-2a XMP lacks " + ", ".join(miss)) if miss else None
sys.exit(1 if miss else 0)' || fail=1

[ $fail = 0 ] && echo "ok: tagged PDFs"
exit $fail
