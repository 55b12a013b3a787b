#!/usr/bin/env python3
"""typo: how evenly a PDF folio wrote sets its justified text, measured
from the PDF itself (poppler's pdftotext -bbox-layout: one box per word,
in the positions a reader's eye sees, horizontal scaling included).

The figures (the same as issue 20 names):
  ratio    per justified body line, the mean gap between its words divided
           by the document's median gap (over all gaps of those lines):
           p5, p50, p95, max;
  loose    share of those lines with a ratio over 1.5;
  tight    share with a ratio under 0.75;
  hyphens  share of justified body lines whose last word ends in a hyphen;
  run      the longest run of consecutive body lines ending in a hyphen
           (a run goes on across a page turn);
  overfull body lines whose right end passes the text block's right edge
           by more than TOL (0.5 pt), beyond what the protrusion table
           below lets the line's last character hang out;
  pages    the page count.

What a justified body line is (everything else is left out):
  - it lies inside the text block vertically (running heads and folios
    stand in the margins and are not lines of text);
  - its words are all of the body's height: the height most words of the
    document have, within 0.6 pt (headings, captions, footnotes, code
    and tables set in other sizes drop out; so do lines mixing them);
  - it reaches the block's right edge: its right end is within TOL of the
    edge, or past it by no more than its last character's protrusion (a
    paragraph's last line, centred text, a ragged or shorter measure,
    table cells and code end before the edge);
  - it starts at or inside the block's left edge, no further in than a
    third of the measure (centred text of full width is justified);
  - it has at least 4 words (3 gaps: a mean of fewer says little), no
    leader (three or more one-character "." words: contents entries) and
    no gap wider than the measure's tenth (tabular columns).
  A hyphenated line end counts only on a justified body line; the run
  counts body lines of body height that reach the right edge.

The text block: the page (pdfinfo -box: the trim box) less the style's
margins, inner on the left of odd pages when two-sided (as
tests/tools/geometry.py reads them); --style names the style the PDF was
built with (default: folio's default, styles/a5-reader.style).
--pages FIRST LAST measures only those pages (the body of a book).

usage: typo.py FILE.pdf [--style FILE.style] [--one-sided] [--pages F L]
       [--json] [--check p95=1.6,loose=10,...]
Prints one line of figures; with --check, exits 1 when a figure passes
its bound (p95, max: ratios; loose, tight, hyphens: percent; run,
overfull: counts), 2 on a usage or tool error.
"""
import argparse
import collections
import json
import os
import re
import statistics
import subprocess
import sys

TOL = 0.5
BODY_HEIGHT_TOL = 0.6

# How far a line's last character may hang past the right edge (in em,
# by character): geometry.py's table, the most src/layout/protrude.c
# lets each hang.
from geometry import HANG_RIGHT  # noqa: E402

WORD_RE = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
                     r'yMax="([-\d.]+)">(.*?)</word>')


def unescape(t):
    return (t.replace("&lt;", "<").replace("&gt;", ">")
             .replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&"))


def length(text):
    m = re.fullmatch(r"\s*([0-9.]+)\s*(mm|cm|pt|in)?\s*", text)
    if not m:
        raise ValueError("not a length: %r" % text)
    return float(m[1]) * {"mm": 72 / 25.4, "cm": 72 / 2.54, "pt": 1,
                          "in": 72, None: 1}[m[2]]


def read_style(path):
    keys = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0]
            if "=" in line:
                k, v = line.split("=", 1)
                keys[k.strip()] = v.strip()
    return {"inner": length(keys.get("margin.inner", "20mm")),
            "outer": length(keys.get("margin.outer", "20mm")),
            "top": length(keys.get("margin.top", "20mm")),
            "bottom": length(keys.get("margin.bottom", "20mm")),
            "two_sided": keys.get("two-sided", "yes") in ("yes", "on", "1", "true")}


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        print("typo: %s failed: %s" % (cmd[0], p.stderr.strip()), file=sys.stderr)
        sys.exit(2)
    return p.stdout


def trim_boxes(pdf):
    """Per page (1-based): the trim box in pdftotext's coordinates
    (x right, y down from the media box's top)."""
    media, trim = {}, {}
    for line in run(["pdfinfo", "-box", "-f", "1", "-l", "1000000", pdf]).splitlines():
        m = re.match(r"Page\s+(\d+)\s+(MediaBox|TrimBox):\s+([-\d.]+)\s+([-\d.]+)"
                     r"\s+([-\d.]+)\s+([-\d.]+)", line)
        if m:
            (media if m[2] == "MediaBox" else trim)[int(m[1])] = \
                tuple(float(m[i]) for i in range(3, 7))
    boxes = {}
    for p, (mx0, my0, mx1, my1) in media.items():
        tx0, ty0, tx1, ty1 = trim.get(p, (mx0, my0, mx1, my1))
        h = my1 - my0
        boxes[p] = (tx0 - mx0, h - (ty1 - my0), tx1 - mx0, h - (ty0 - my0))
    return boxes


def pages_of(pdf):
    """[(page number, [line]), ...]; a line is a list of words
    (x0, y0, x1, y1, text) in pdftotext's reading order."""
    xml = run(["pdftotext", "-bbox-layout", pdf, "-"])
    pages = []
    for no, page in enumerate(xml.split("<page ")[1:], 1):
        lines = []
        for ln in re.findall(r"<line .*?</line>", page, re.S):
            ws = [(float(a), float(b), float(c), float(d), unescape(t))
                  for a, b, c, d, t in WORD_RE.findall(ln)]
            if ws:
                lines.append(ws)
        pages.append((no, lines))
    return pages


def hang(word, size):
    return HANG_RIGHT.get(word[-1:], 0.0) * size if word else 0.0


def body_height(pages):
    heights = collections.Counter(round(w[3] - w[1], 1)
                                  for _, lines in pages for ln in lines for w in ln)
    return heights.most_common(1)[0][0] if heights else 0.0


def style_block(style, box, page_no):
    tx0, ty0, tx1, ty1 = box
    left_m, right_m = style["inner"], style["outer"]
    if style["two_sided"] and page_no % 2 == 0:
        left_m, right_m = right_m, left_m
    return (tx0 + left_m, ty0 + style["top"], tx1 - right_m, ty1 - style["bottom"])


def measure(pdf, style, first=1, last=None):
    pages = pages_of(pdf)
    boxes = trim_boxes(pdf)
    height = body_height(pages)
    size = height / 1.6 if height else 10.0  # an em, roughly, from the box height
    ratios_in, gaps_all = [], []
    hyph = run_len = max_run = over = 0
    for no, lines in pages:
        if no < first or (last is not None and no > last):
            continue
        left, top, right, bottom = style_block(style, boxes[no], no)
        measure_w = right - left
        for ln in lines:
            mid = (ln[0][1] + ln[0][3]) / 2
            if mid < top or mid > bottom:
                continue  # running head, folio
            if not all(abs((w[3] - w[1]) - height) <= BODY_HEIGHT_TOL for w in ln):
                continue  # not body text
            end, last_word = ln[-1][2], ln[-1][4]
            allowed = TOL + hang(last_word, size)
            if end > right + allowed:
                over += 1
            reaches = right - TOL <= end <= right + allowed
            hyphen_end = reaches and len(last_word) > 1 and last_word.endswith(("-", "\u2010"))
            if hyphen_end:
                run_len += 1
                max_run = max(max_run, run_len)
            else:
                run_len = 0
            if not reaches or len(ln) < 4:
                continue
            if ln[0][0] < left - TOL - size or ln[0][0] > left + measure_w / 3:
                continue
            if sum(1 for w in ln if w[4] == ".") >= 3:
                continue  # leaders: a contents entry
            gaps = [ln[i + 1][0] - ln[i][2] for i in range(len(ln) - 1)]
            if min(gaps) <= 0 or max(gaps) > measure_w / 10:
                continue
            if hyphen_end:
                hyph += 1
            ratios_in.append(statistics.mean(gaps))
            gaps_all += gaps
    n = len(ratios_in)
    fig = {"pdf": os.path.basename(pdf), "pages": len(pages), "lines": n,
           "hyphens": 0.0, "run": max_run, "overfull": over}
    if n == 0:
        fig.update(p5=0.0, p50=0.0, p95=0.0, max=0.0, loose=0.0, tight=0.0)
        return fig
    med = statistics.median(gaps_all)
    r = sorted(x / med for x in ratios_in)

    def q(p):
        return r[min(n - 1, int(p * n))]

    fig.update(p5=q(0.05), p50=q(0.5), p95=q(0.95), max=r[-1],
               loose=100.0 * sum(1 for x in r if x > 1.5) / n,
               tight=100.0 * sum(1 for x in r if x < 0.75) / n,
               hyphens=100.0 * hyph / n)
    return fig


def line_of(f):
    return ("%(pdf)s: %(pages)d pages, %(lines)d justified lines; ratio p5 %(p5).2f "
            "p50 %(p50).2f p95 %(p95).2f max %(max).2f; loose %(loose).1f%% "
            "tight %(tight).1f%%; hyphens %(hyphens).1f%%, run %(run)d; "
            "overfull %(overfull)d" % f)


def main():
    ap = argparse.ArgumentParser(description="evenness of justified text in a PDF")
    ap.add_argument("pdf")
    ap.add_argument("--style", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "styles", "a5-reader.style"))
    ap.add_argument("--pages", nargs=2, type=int, metavar=("FIRST", "LAST"))
    ap.add_argument("--one-sided", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", default="",
                    help="bounds, e.g. p95=1.6,loose=10,hyphens=40,run=3,overfull=0")
    a = ap.parse_args()
    try:
        style = read_style(a.style)
    except (OSError, ValueError) as e:
        print("typo: %s: %s" % (a.style, e), file=sys.stderr)
        sys.exit(2)
    if a.one_sided:
        style["two_sided"] = False
    first, last = a.pages if a.pages else (1, None)
    f = measure(a.pdf, style, first, last)
    print(json.dumps(f) if a.json else line_of(f))
    bad = []
    for item in filter(None, a.check.split(",")):
        k, _, v = item.partition("=")
        if k not in f or not v:
            print("typo: unknown bound %r" % item, file=sys.stderr)
            sys.exit(2)
        if f[k] > float(v):
            bad.append("%s %.2f > %s" % (k, f[k], v))
    if f["lines"] == 0 and a.check:
        bad.append("no justified lines found")
    for b in bad:
        print("typo: %s: %s" % (a.pdf, b), file=sys.stderr)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
