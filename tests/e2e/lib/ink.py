"""ink: whether glyphs are drawn, not only extracted (tests/e2e/pdf_glyphs.sh,
tests/e2e/pdf_astral.sh).

The runs come from the `pages` dump folio writes with FOLIO_DUMP_PAGES (a
line per text run: its page, its pen position in points and its text); the
ink from pdftoppm, which renders a small box at a run's first glyph.
"""
import re
import subprocess


def runs(pages_path):
    """(page, x, y, text) of every text run of the dump."""
    out, page = [], 0
    for line in open(pages_path, encoding="utf-8"):
        f = line.split()
        if f and f[0] == "page" and f[1].isdigit():
            page = int(f[1])
        m = re.match(r'text (\S+) (\S+) (\S+) (\S+) "(.*)"(?: scale \S+)?$', line.rstrip("\n"))
        if m:
            out.append((page, float(m[1]), float(m[2]), m[5]))
    return out


def first_glyph_ink(pdf, run, width=18, height=24):
    """Dark pixels in a width x height box (at 144 dpi, 2 pixels a point)
    over the first glyph of run, which sits above its baseline."""
    page, x, y, _ = run
    r = subprocess.run(["pdftoppm", "-r", "144", "-gray", "-f", str(page), "-l", str(page),
                        "-x", str(int(2 * x)), "-y", str(int(2 * (y - 9))),
                        "-W", str(width), "-H", str(height), pdf], capture_output=True)
    px = r.stdout.split(b"\n", 3)[3] if r.stdout.count(b"\n") >= 3 else b""
    return sum(1 for b in px if b < 128)
