#!/usr/bin/env python3
"""check_shaping: the shaped scripts of a PDF, read back from the PDF.

usage: check_shaping.py SOURCE.xml OUT.pdf FONTS.conf

For every run the PDF marks with an /ActualText (a marked-content /Span
around a text object):
  - the glyphs it draws are read back: its content-stream codes, through
    the font's CIDToGIDMap to glyphs of the embedded subset, each taken
    as its outline (fontTools' DecomposingRecordingPen: a subset renumbers glyphs,
    an outline does not change);
  - HarfBuzz itself (hb-shape, libharfbuzz-bin) shapes the ActualText in
    the font the manifest names for that subset, right to left when the
    text holds Arabic or Hebrew; its glyphs' outlines must be the drawn
    ones, in the same order (runs of punctuation alone are left out).
And the Arabic and Hebrew words of the source (letters with their marks)
must be, in order, the Arabic and Hebrew words of the ActualTexts: every
such word is there with its vowels, in reading order.

Exit 0 all agree, 1 something differs (printed), 2 usage or a tool missing.
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

try:
    from fontTools.ttLib import TTFont
    from fontTools.pens.recordingPen import DecomposingRecordingPen
except ImportError:
    print("check_shaping: python3-fonttools is not installed (make test-deps)")
    sys.exit(2)

RTL_WORD = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+")
LETTERS = re.compile("[^\\W\\d_]")


def qpdf_json(pdf):
    out = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline",
                          "--decode-level=generalized", pdf, "-"],
                         capture_output=True, check=True)
    return json.loads(out.stdout)["qpdf"][1]


def deref(objs, v):
    while isinstance(v, str) and v.endswith(" R"):
        v = objs["obj:" + v]
        v = v.get("value", v.get("stream"))
    return v


def stream(objs, ref):
    ref = ref if ref.endswith(" R") else ref + " R"
    o = objs["obj:" + ref]["stream"]
    return o["dict"], base64.b64decode(o.get("data", ""))


def base_name(name):
    return name.split("+", 1)[-1].lstrip("/")


def manifest(path):
    """PostScript-ish name of each face file, by opening each face."""
    files = {}
    for line in open(path, encoding="utf-8"):
        if not line.startswith("face "):
            continue
        parts = [p.strip() for p in line[5:].split("|")]
        file = parts[2].split("#")[0]
        try:
            f = TTFont(file, lazy=True, fontNumber=0)
            ps = f["name"].getDebugName(6)
        except Exception:
            continue
        if ps:
            files[ps] = file
    return files


class Face:
    def __init__(self, objs, ref, files):
        font = deref(objs, ref)
        self.name = base_name(font["/BaseFont"])
        desc = deref(objs, font["/DescendantFonts"][0])
        fd = deref(objs, desc["/FontDescriptor"])
        _, data = stream(objs, fd["/FontFile2"])
        import io
        self.subset = TTFont(io.BytesIO(data))
        m = desc.get("/CIDToGIDMap")
        self.cid2gid = None
        if isinstance(m, str) and m.endswith(" R"):
            _, b = stream(objs, m)
            self.cid2gid = [b[i] << 8 | b[i + 1] for i in range(0, len(b) - 1, 2)]
        self.file = None
        for ps, file in files.items():
            if self.name.startswith(ps.replace(" ", "")) or ps.startswith(self.name):
                self.file = file
        self.original = TTFont(self.file) if self.file else None

    def drawn(self, code):
        gid = self.cid2gid[code] if self.cid2gid and code < len(self.cid2gid) else code
        return outline(self.subset, gid)


def outline(font, gid):
    order = font.getGlyphOrder()
    if gid >= len(order):
        return ("no glyph", gid)
    glyphs = font.getGlyphSet()
    pen = DecomposingRecordingPen(glyphs)  # components by outline, not name
    glyphs[order[gid]].draw(pen)
    adv = font["hmtx"][order[gid]][0]
    return (adv, tuple((op, tuple(args)) for op, args in pen.value))


def hb_glyphs(file, text, rtl):
    out = subprocess.run(["hb-shape", "--no-glyph-names", "--no-positions",
                          "--no-clusters", "--no-advances",
                          "--direction=" + ("rtl" if rtl else "ltr"), file, text],
                         capture_output=True, text=True, check=True).stdout.strip()
    return [int(g) for g in out.strip("[]").split("|") if g]


# a run's sequence: /Span <</ActualText <FEFF...>>> BDC untagged, with its
# /MCID first when the PDF is tagged
TOKEN = re.compile(rb"/Span\s*<<\s*(?:/MCID\s+\d+\s*)?/ActualText\s*<(?:FEFF|feff)([0-9A-Fa-f]*)>\s*>>\s*BDC|EMC|"
                   rb"/(F\d+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]+)>")


def runs_of_page(data, fonts):
    """(actual text, font resource name, codes) per marked run."""
    runs, cur, font = [], None, None
    for m in TOKEN.finditer(data):
        if m.group(1) is not None:
            cur = [bytes.fromhex(m.group(1).decode()).decode("utf-16-be"), None, []]
        elif m.group(0) == b"EMC":
            if cur:
                runs.append(cur)
            cur = None
        elif m.group(2):
            font = m.group(2).decode()
            if cur:
                cur[1] = font
        elif cur is not None:
            h = m.group(3)
            cur[2] += [int(h[i:i + 4], 16) for i in range(0, len(h), 4)]
    return runs


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    src, pdf, conf = argv[1:]
    files = manifest(conf)
    objs = qpdf_json(pdf)
    pages = [k for k, v in objs.items()
             if isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Page"]
    pages.sort(key=lambda k: int(k.split(":")[1].split()[0]))
    faces, fails, checked, actual_words = {}, 0, 0, []
    for pk in pages:
        page = objs[pk]["value"]
        res = deref(objs, page["/Resources"])
        fontres = deref(objs, res.get("/Font", {}))
        contents = page["/Contents"]
        refs = contents if isinstance(contents, list) else [contents]
        data = b"".join(stream(objs, r)[1] for r in refs)
        for text, fname, codes in runs_of_page(data, fontres):
            actual_words += RTL_WORD.findall(text)
            if not LETTERS.search(text):
                continue
            ref = fontres[fname if fname.startswith("/") else "/" + fname]
            if ref not in faces:
                faces[ref] = Face(objs, ref, files)
            face = faces[ref]
            if face.original is None:
                print(f"FAIL: no manifest file for font {face.name}")
                fails += 1
                continue
            rtl = bool(RTL_WORD.search(text))
            want = [outline(face.original, g) for g in hb_glyphs(face.file, text, rtl)]
            got = [face.drawn(c) for c in codes]
            checked += 1
            if want != got:
                fails += 1
                print(f"FAIL: {text!r} in {face.name}: the PDF draws {len(got)} glyphs, "
                      f"hb-shape gives {len(want)}; first difference at "
                      f"{next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))}")
    root = ET.parse(src).getroot()
    source_words = RTL_WORD.findall("".join(root.itertext()))
    if source_words != actual_words:
        fails += 1
        print("FAIL: the Arabic and Hebrew words of the ActualTexts are not the source's:")
        for i, (a, b) in enumerate(zip(source_words, actual_words)):
            if a != b:
                print(f"  word {i}: source {a!r}, ActualText {b!r}")
                break
        print(f"  source {len(source_words)} words, ActualText {len(actual_words)}")
    print(f"check_shaping: {checked} shaped runs compared with hb-shape, "
          f"{len(actual_words)} Arabic and Hebrew words in ActualText; {fails} failures")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
