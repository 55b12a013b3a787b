#!/usr/bin/env python3
"""Writes the PDF/UA checker's fixtures (tests/pdfua/*.pdf) as plain text.

One page, tagged by hand the way a PDF/UA file is: a structure tree
(Document, H1, H2, P with a Link, Figure) whose marked content is
reached through the ParentTree, a rule and a page number marked as
artifacts (the rule drawn by a form XObject), a Type 3 font (its glyphs
are in the file, so it is embedded) with a ToUnicode map, an XMP packet
with dc:title and pdfuaid:part, and a link annotation with /Contents and
an OBJR.  Each broken copy changes one thing, so that the checker must
report exactly the condition named in its file name:

  good.pdf              passes
  untagged-text.pdf     a text run outside marked content (01-005)
  figure-no-alt.pdf     the Figure has no /Alt (13-004)
  heading-gap.pdf       H1 followed by H3 (14-003)
  link-no-objr.pdf      the Link element has no OBJR for its annotation (28-011)

Usage: make_fixtures.py OUTDIR   (tests/pdfua/run.sh compares the output
with the committed files, so they cannot drift from this script).
"""
import os
import sys

XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">A tagged page</rdf:li></rdf:Alt></dc:title>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""

TOUNICODE = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfrange
<20> <7E> <0020>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""


def content(broken):
    heading2 = "H3" if broken == "heading-gap" else "H2"
    lines = [
        "/Artifact BMC q /Fm1 Do Q EMC",
        "/H1 <</MCID 0>> BDC BT /F1 12 Tf 20 250 Td (A tagged page) Tj ET EMC",
        "/%s <</MCID 1>> BDC BT /F1 10 Tf 20 230 Td (First part) Tj ET EMC" % heading2,
        "/P <</MCID 2>> BDC BT /F1 10 Tf 20 210 Td (Read more at) Tj ET EMC",
        "/Link <</MCID 3>> BDC BT /F1 10 Tf 120 210 Td (the site) Tj ET EMC",
        "/Figure <</MCID 4>> BDC q 50 0 0 50 20 120 cm /Im1 Do Q EMC",
        "/Artifact <</Type /Pagination>> BDC BT /F1 8 Tf 140 20 Td (1) Tj ET EMC",
    ]
    if broken == "untagged-text":
        lines.append("BT /F1 10 Tf 20 190 Td (stray words) Tj ET")
    return "\n".join(lines) + "\n"


def objects(broken):
    heading2 = "H3" if broken == "heading-gap" else "H2"
    alt = "" if broken == "figure-no-alt" else " /Alt (A grey square)"
    objr = "" if broken == "link-no-objr" else " <</Type /OBJR /Obj 20 0 R /Pg 3 0 R>>"
    annot_parent = "" if broken == "link-no-objr" else " /StructParent 1"
    body = content(broken)
    glyph = "600 0 0 0 500 700 d1 50 0 450 700 re f"
    form = "0 0 1 rg 10 280 280 2 re f"
    o = {
        1: "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 10 0 R /MarkInfo << /Marked true >>"
           " /Lang (en) /ViewerPreferences << /DisplayDocTitle true >> /Metadata 9 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R"
           " /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 8 0 R /Fm1 21 0 R >> >>"
           " /StructParents 0 /Tabs /S /Annots [20 0 R] >>",
        4: ("<< /Length %d >>" % len(body), body),
        5: "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.001 0 0 0.001 0 0]"
           " /CharProcs << /g 6 0 R >> /Encoding << /Type /Encoding /Differences [32 %s] >>"
           " /FirstChar 32 /LastChar 126 /Widths [%s] /ToUnicode 7 0 R /Resources << >> >>"
           % (" ".join(["/g"] * 95), " ".join(["600"] * 95)),
        6: ("<< /Length %d >>" % len(glyph), glyph),
        7: ("<< /Length %d >>" % len(TOUNICODE), TOUNICODE),
        8: ("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
            " /BitsPerComponent 8 /Length 4 >>", "\x80\x80\x80\x80"),
        9: ("<< /Type /Metadata /Subtype /XML /Length %d >>" % len(XMP.encode()), XMP),
        10: "<< /Type /StructTreeRoot /K 11 0 R /ParentTree 12 0 R /ParentTreeNextKey 2 >>",
        11: "<< /Type /StructElem /S /Document /P 10 0 R /K [13 0 R 14 0 R 15 0 R 17 0 R] >>",
        12: "<< /Nums [0 [13 0 R 14 0 R 15 0 R 16 0 R 17 0 R] 1 16 0 R] >>",
        13: "<< /Type /StructElem /S /H1 /P 11 0 R /Pg 3 0 R /K 0 >>",
        14: "<< /Type /StructElem /S /%s /P 11 0 R /Pg 3 0 R /K 1 >>" % heading2,
        15: "<< /Type /StructElem /S /P /P 11 0 R /Pg 3 0 R /K [2 16 0 R] >>",
        16: "<< /Type /StructElem /S /Link /P 15 0 R /Pg 3 0 R /K [3%s] >>" % objr,
        17: "<< /Type /StructElem /S /Figure /P 11 0 R /Pg 3 0 R /K 4%s >>" % alt,
        18: "<< /Title (A tagged page) /Producer (tests/pdfua/make_fixtures.py) >>",
        20: "<< /Type /Annot /Subtype /Link /Rect [118 205 170 222] /Border [0 0 0]"
            " /Contents (the site, example.org) /A << /S /URI /URI (https://example.org/) >>%s >>"
            % annot_parent,
        21: ("<< /Type /XObject /Subtype /Form /BBox [0 0 300 300] /Length %d >>" % len(form), form),
    }
    return o


def write(path, broken):
    objs = objects(broken)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        val = objs[num]
        out += b"%d 0 obj\n" % num
        if isinstance(val, tuple):
            out += val[0].encode("latin-1") + b"\nstream\n"
            out += val[1].encode("utf-8" if num == 9 else "latin-1") + b"\nendstream"
        else:
            out += val.encode("latin-1")
        out += b"\nendobj\n"
    size = max(objs) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        if num in offsets:
            out += b"%010d 00000 n \n" % offsets[num]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 18 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    with open(path, "wb") as f:
        f.write(out)


def main():
    if len(sys.argv) != 2:
        print("usage: make_fixtures.py OUTDIR", file=sys.stderr)
        return 2
    for name in ("good", "untagged-text", "figure-no-alt", "heading-gap", "link-no-objr"):
        write(os.path.join(sys.argv[1], name + ".pdf"), None if name == "good" else name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
