#!/usr/bin/env python3
"""geometry: reads a PDF folio built back and checks, from the PDF itself
(poppler's pdftotext -bbox-layout, one box per word), that nothing
overprints and nothing leaves the text block:

  - overlap: two words whose boxes intersect (each box taken as the
    middle half of its height and a hair in from its sides, so that the
    ascenders of one line may reach into the line above, as they do in
    any tight leading, but two glyphs on one spot never pass);
  - outside: a word not inside the text block the style gives (the page's
    trim box less margin.inner/outer/top/bottom, inner on the left of a
    recto in a two-sided style).  What the styles deliberately put in the
    margins is allowed: the running head and the folio, which stand on
    one baseline in the top margin or (folio.bottom) the bottom margin,
    inside the text block's width; words wholly outside the trim box
    (the slug of a page with bleed or crop marks).

  Protrusion (src/layout/protrude.c): the characters that hang into the
  margin at the start or end of a justified line may pass the block's side
  by the share of an em HANG_LEFT / HANG_RIGHT give them (the most the
  table lets them hang in the shipped text faces), the em taken from the
  word box's height (poppler's box is 1.3 to 1.65 em tall, so the
  allowance errs on the generous side); no other character gets more
  than --tolerance.

usage: geometry.py FILE.pdf --style FILE.style [--one-sided] [--tolerance PT]
Prints one line per defect and a summary; exit 1 when any is found, 2 on
a usage or tool error.
"""
import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

PAGES = {"a4": (595.276, 841.89), "a5": (419.528, 595.276),
         "b5": (498.898, 708.661), "letter": (612.0, 792.0)}


def length(text):
    m = re.fullmatch(r"\s*([0-9.]+)\s*(mm|cm|pt|in)?\s*", text)
    if not m:
        raise ValueError("not a length: %r" % text)
    v = float(m[1])
    return v * {"mm": 72 / 25.4, "cm": 72 / 2.54, "pt": 1, "in": 72, None: 1}[m[2]]


def read_style(path):
    keys = {}
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if "=" in line:
            k, v = line.split("=", 1)
            keys[k.strip()] = v.strip()
    return {
        "inner": length(keys.get("margin.inner", "20mm")),
        "outer": length(keys.get("margin.outer", "20mm")),
        "top": length(keys.get("margin.top", "20mm")),
        "bottom": length(keys.get("margin.bottom", "20mm")),
        "two_sided": keys.get("two-sided", "yes") == "yes",
    }


def trim_boxes(pdf):
    """Per page (1-based): (x0, y0, x1, y1, media_h) of the trim box, in
    pdftotext's coordinates (y down from the media box's top)."""
    out = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", "100000", pdf],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("geometry: pdfinfo failed on %s: %s" % (pdf, out.stderr.strip()))
    media, trim = {}, {}
    for line in out.stdout.splitlines():
        m = re.match(r"Page\s+(\d+)\s+(MediaBox|TrimBox):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", line)
        if m:
            box = tuple(float(m[i]) for i in range(3, 7))
            (media if m[2] == "MediaBox" else trim)[int(m[1])] = box
    boxes = {}
    for p, (mx0, my0, mx1, my1) in media.items():
        tx0, ty0, tx1, ty1 = trim.get(p, (mx0, my0, mx1, my1))
        h = my1 - my0
        boxes[p] = (tx0 - mx0, h - (ty1 - my0), tx1 - mx0, h - (ty0 - my0))
    return boxes


def words(pdf):
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("geometry: pdftotext failed on %s: %s" % (pdf, out.stderr.strip()))
    text = re.sub(r"<!DOCTYPE[^>]*>", "", out.stdout)
    root = ET.fromstring(text)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        ws = []
        for w in page.iter("{http://www.w3.org/1999/xhtml}word"):
            box = tuple(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            ws.append((box, w.text or ""))
        pages.append(ws)
    del ns
    return pages


# Protrusion allowances, in em, by character: protrude.c's share of the
# glyph's advance times the widest advance of that character in the
# shipped text faces, rounded up.
HANG_RIGHT = {"-": 0.3, "\u2010": 0.3, "\u00ad": 0.3, "\u2013": 0.3, "\u2014": 0.3,
              ".": 0.22, ",": 0.22, "\u2026": 0.3, ":": 0.15, ";": 0.15,
              "!": 0.1, "?": 0.1, "'": 0.22, '"': 0.25, "\u2018": 0.22,
              "\u2019": 0.22, "\u201c": 0.25, "\u201d": 0.25, "\u00ab": 0.22,
              "\u00bb": 0.22, "\u2039": 0.15, "\u203a": 0.15, ")": 0.1, "]": 0.1}
HANG_LEFT = {"\u2013": 0.3, "\u2014": 0.3, "'": 0.22, '"': 0.25, "\u2018": 0.22,
             "\u2019": 0.22, "\u201c": 0.25, "\u201d": 0.25, "\u201a": 0.22,
             "\u201e": 0.22, "\u00ab": 0.22, "\u00bb": 0.22, "\u2039": 0.15,
             "\u203a": 0.15, "(": 0.1, "[": 0.1}


def hang(word, box, right):
    """How far word may pass the block's side by protrusion (pt)."""
    if not word:
        return 0.0
    em = (box[3] - box[1]) / 1.3
    table, ch = (HANG_RIGHT, word[-1]) if right else (HANG_LEFT, word[0])
    return table.get(ch, 0.0) * em


def core(box):
    """The part of a word's box two words may never share."""
    x0, y0, x1, y1 = box
    h = y1 - y0
    inset = min(0.4, (x1 - x0) / 4)
    return (x0 + inset, y0 + h / 4, x1 - inset, y1 - h / 4)


def overlaps(ws):
    found = []
    cores = sorted((core(b), t) for b, t in ws)
    for i, (a, ta) in enumerate(cores):
        for b, tb in cores[i + 1:]:
            if b[1] >= a[3]:
                break
            if b[0] < a[2] and a[0] < b[2] and b[1] < a[3] and a[1] < b[3]:
                found.append((ta, tb, a, b))
    return found


def text_block(style, trim, page_no, two_sided):
    tx0, ty0, tx1, ty1 = trim
    recto = page_no % 2 == 1
    left = style["inner"] if (recto or not two_sided) else style["outer"]
    right = style["outer"] if (recto or not two_sided) else style["inner"]
    return (tx0 + left, ty0 + style["top"], tx1 - right, ty1 - style["bottom"])


def outside(ws, block, trim, tol):
    bx0, by0, bx1, by1 = block
    tx0, ty0, tx1, ty1 = trim
    bad, head, foot = [], [], []
    for box, t in ws:
        x0, y0, x1, y1 = box
        if x1 <= tx0 or x0 >= tx1 or y1 <= ty0 or y0 >= ty1:
            continue  # the slug, beyond the trim
        mid = (y0 + y1) / 2
        inside_x = (x0 >= bx0 - tol - hang(t, box, False) and
                    x1 <= bx1 + tol + hang(t, box, True))
        if not inside_x or x0 < tx0 or x1 > tx1:
            bad.append((t, box, "x %.1f-%.1f of the block's %.1f-%.1f" % (x0, x1, bx0, bx1)))
        elif mid < by0:
            head.append((t, box))
        elif mid > by1:
            foot.append((t, box))
    # the running head and folio: one baseline in each margin
    for band, name in ((head, "top"), (foot, "bottom")):
        bases = sorted({round(b[3], 0) for _, b in band})
        if len(bases) > 1:
            for t, b in band:
                if round(b[3], 0) != bases[0 if name == "top" else -1] or len(bases) > 2:
                    bad.append((t, b, "in the %s margin on a second line (y %.1f-%.1f; block %.1f-%.1f)"
                                % (name, b[1], b[3], by0, by1)))
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdf")
    ap.add_argument("--style", required=True)
    ap.add_argument("--one-sided", action="store_true")
    ap.add_argument("--tolerance", type=float, default=0.5,
                    help="how far a glyph may reach past the block's side (pt)")
    a = ap.parse_args()
    style = read_style(a.style)
    two = style["two_sided"] and not a.one_sided
    boxes = trim_boxes(a.pdf)
    pages = words(a.pdf)
    defects = 0
    for i, ws in enumerate(pages, 1):
        trim = boxes.get(i)
        if trim is None:
            continue
        for ta, tb, _, _ in overlaps(ws):
            print("%s: page %d: overlap: %r and %r" % (a.pdf, i, ta, tb))
            defects += 1
        block = text_block(style, trim, i, two)
        for t, _, why in outside(ws, block, trim, a.tolerance):
            print("%s: page %d: outside: %r %s" % (a.pdf, i, t, why))
            defects += 1
    print("%s: %d pages, %d defects" % (a.pdf, len(pages), defects))
    return 1 if defects else 0


if __name__ == "__main__":
    sys.exit(main())
