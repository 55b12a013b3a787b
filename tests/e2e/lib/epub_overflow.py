#!/usr/bin/env python3
"""epub_overflow: renders EPUB chapters in headless Chromium at phone and
tablet widths and reports every element that runs past the viewport.

Chromium's headless window is never narrower than about 500 px, so each
chapter is shown in an iframe of the width under test (320, 480, 768 CSS
px; the iframe is the chapter's viewport), once at 100% and once at 200%
text (the root font size doubled, as a reader's text-size setting does).
A script in the chapter measures, after load, every element's box: one
whose right edge passes the viewport is an overflow, unless it is inside
a .table-wrap, the box a wide table scrolls in.  It also records whether
the page itself can scroll sideways.

usage: epub_overflow.py BOOK.epub CHAPTER.xhtml... [--shots DIR]
Prints one line per chapter, width and text size; exits 1 on an overflow,
2 when Chromium cannot be run.
"""
import os, re, shutil, subprocess, sys, tempfile, zipfile

WIDTHS = (320, 480, 768)
PROBE = r'''<script type="text/javascript">//<![CDATA[
window.addEventListener("load", function () {
  var vw = document.documentElement.clientWidth, bad = [];
  var all = document.body.getElementsByTagName("*");
  for (var i = 0; i < all.length; i++) {
    var e = all[i], r = e.getBoundingClientRect(), held = false;
    for (var a = e.parentElement; a; a = a.parentElement)
      if (a.classList && a.classList.contains("table-wrap")) held = true;
    if (!held && r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5))
      bad.push(e.tagName.toLowerCase() + (e.className ? "." + e.className : "") +
               " " + Math.round(r.left) + ".." + Math.round(r.right));
  }
  var wraps = document.querySelectorAll(".table-wrap"), scrolling = 0;
  for (var j = 0; j < wraps.length; j++)
    if (wraps[j].scrollWidth > wraps[j].clientWidth) scrolling++;
  document.documentElement.setAttribute("data-overflow",
    "viewport=" + vw + " page-scroll=" + (document.documentElement.scrollWidth > vw ? 1 : 0) +
    " scrolling-tables=" + scrolling + " overflowing=" + bad.length +
    (bad.length ? " " + bad.slice(0, 8).join("; ") : ""));
});
//]]></script>'''
ZOOM = '<style type="text/css">html { font-size: 200%; }</style>'


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run(browser, url, extra):
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu",
           "--allow-file-access-from-files", "--hide-scrollbars",
           "--virtual-time-budget=5000"] + extra + [url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout


def main(argv):
    shots = None
    if "--shots" in argv:
        i = argv.index("--shots")
        shots = argv[i + 1]
        del argv[i:i + 2]
    if len(argv) < 3:
        print(__doc__)
        return 2
    browser = chromium()
    if browser is None:
        print("epub_overflow: no chromium found")
        return 2
    book, chapters = argv[1], argv[2:]
    tmp = tempfile.mkdtemp(prefix="epub_overflow.")
    try:
        with zipfile.ZipFile(book) as z:
            z.extractall(tmp)
        failed = 0
        for chap in chapters:
            src = None
            for root, _, files in os.walk(tmp):
                if chap in files:
                    src = os.path.join(root, chap)
            if src is None:
                print("FAIL: %s not in %s" % (chap, book))
                failed = 1
                continue
            text = open(src, encoding="utf-8").read()
            base = os.path.splitext(src)[0]
            frames = []
            for zoom in (100, 200):
                probe = PROBE + (ZOOM if zoom == 200 else "")
                page = "%s.probe%d.xhtml" % (base, zoom)
                with open(page, "w", encoding="utf-8") as f:
                    f.write(text.replace("</body>", probe + "</body>", 1))
                for w in WIDTHS:
                    frames.append((w, zoom, os.path.basename(page)))
            wrapper = os.path.join(os.path.dirname(src), "probe-%s.html" % os.path.basename(base))
            with open(wrapper, "w", encoding="utf-8") as f:
                f.write("<!DOCTYPE html><html><body style='margin:0'>")
                for k, (w, zoom, page) in enumerate(frames):
                    f.write("<iframe id='f%d' src='%s' style='width:%dpx;height:900px;"
                            "border:1px solid red;vertical-align:top'></iframe>" % (k, page, w))
                f.write("<pre id='out'></pre><script>window.addEventListener('load',"
                        "function(){var s='';for(var k=0;k<%d;k++){var d=document."
                        "getElementById('f'+k).contentDocument;s+='frame'+k+' '+"
                        "(d?d.documentElement.getAttribute('data-overflow'):'unreadable')+"
                        "'\\n';}document.getElementById('out').textContent=s;});</script>"
                        "</body></html>" % len(frames))
            url = "file://" + wrapper
            dom = run(browser, url, ["--window-size=2400,1000", "--dump-dom"])
            m = re.search(r"<pre id=\"out\">(.*?)</pre>", dom, re.S)
            lines = m.group(1).strip().splitlines() if m else []
            if len(lines) != len(frames):
                print("FAIL: %s: Chromium gave no measurements" % chap)
                failed = 1
                continue
            for (w, zoom, _), line in zip(frames, lines):
                ok = "overflowing=0" in line and "page-scroll=0" in line and \
                     ("viewport=%d" % w) in line
                print("%s: %s at %d px, %d%% text: %s" %
                      ("ok" if ok else "FAIL", chap, w, zoom, line.split(" ", 1)[1]))
                failed |= not ok
            if shots:
                os.makedirs(shots, exist_ok=True)
                shot = os.path.join(os.path.abspath(shots), os.path.basename(base) + ".png")
                run(browser, url, ["--window-size=2400,1000", "--screenshot=" + shot])
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
