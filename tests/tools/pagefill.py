#!/usr/bin/env python3
"""pagefill: no page of body text is left more than a fifth empty.

Reads the pages dump folio writes with FOLIO_DUMP_PAGES=FILE and the
style the document was built in (for its margins and footnote rule).  A
page's body ends at its lowest text baseline, image or rule inside the
text block and above its footnotes (the running head and folio stand in
the margins; footnotes stand at the foot of the text block whatever the
body above them holds, so they never count as filling it: the body's
room ends at the footnote rule).  A page fails when more than a fifth of
the text block's height is left between its body and the foot (or its
footnote rule), unless it is blank, or it is the last page before a page
that opens a division (the last page of a division), or the document's
last page.

Usage: pagefill.py PAGES --style FILE.style [--max-empty 0.2]
Exit 0 when every page is filled, 1 when some page is not (each named on
a line of its own), 2 on bad input.
"""
import argparse
import re
import sys

def die(msg):
    """Bad input: exit 2, as the usage line says."""
    print("pagefill: " + msg, file=sys.stderr)
    sys.exit(2)


UNITS = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0, None: 1.0}


def length(text):
    m = re.fullmatch(r"\s*([0-9.]+)\s*(mm|cm|pt|in)?\s*", text)
    if not m:
        die("not a length: %r" % text)
    return float(m.group(1)) * UNITS[m.group(2)]


def margins(path):
    keys = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if "=" in line:
                k, v = line.split("=", 1)
                keys[k.strip()] = v.strip()
    return (length(keys.get("margin.top", "17mm")),
            length(keys.get("margin.bottom", "18mm")),
            length(keys.get("footnote.rule", "25mm")))


NOTE_RULE_THICK = 0.4  # the footnote rule's thickness (pagebuild.c)


def read_pages(path, note_rule):
    """Yields per page its number, flags, the bottoms of what it sets and
    the top of its footnote rule (None without notes); and the page
    height."""
    pages, height = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.split()
            if not w:
                continue
            if w[0] == "pages" and "size" in w:
                height = float(w[w.index("size") + 2])
            elif w[0] == "page":
                pages.append({"no": int(w[1]), "flags": set(w[2:]), "bottoms": [],
                              "notes": None})
            elif pages and w[0] == "text":
                pages[-1]["bottoms"].append(float(w[2]))
            elif (pages and w[0] == "rule" and abs(float(w[4]) - NOTE_RULE_THICK) < 0.01
                  and abs(float(w[3]) - note_rule) < 0.01):
                pages[-1]["notes"] = float(w[2])
            elif pages and w[0] in ("image", "rule"):
                pages[-1]["bottoms"].append(float(w[2]) + float(w[4]))
    if height is None:
        die("%s is not a pages dump" % path)
    return pages, height


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages")
    ap.add_argument("--style", required=True)
    ap.add_argument("--max-empty", type=float, default=0.2)
    a = ap.parse_args()
    top, bottom, note_rule = margins(a.style)
    pages, height = read_pages(a.pages, note_rule)
    block = height - top - bottom
    bad = 0
    for k, pg in enumerate(pages):
        if "blank" in pg["flags"]:
            continue
        last = k + 1 == len(pages)
        if last or pages[k + 1]["flags"] & {"opening", "blank"}:
            continue  # the last page of a division
        foot = height - bottom if pg["notes"] is None else pg["notes"]
        inside = [y for y in pg["bottoms"] if top - 0.5 <= y <= foot + 0.5]
        low = max(inside) if inside else top
        empty = (foot - low) / block
        if empty > a.max_empty:
            print("%s: page %d: %.0f%% of the text block empty (content ends at y %.1f)"
                  % (a.pages, pg["no"], 100 * empty, low))
            bad += 1
    print("%s: %d pages, %d too empty" % (a.pages, len(pages), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
