#!/usr/bin/env python3
"""run: the benchmark.  Times folio against the floor (bench/floor.c) on
synthetic readers 1x, 10x, 100x and 300x the sample, and writes
bench/results.md.

usage: run.py BUILD_DIR     (env: BENCH_SIZES="1 10 100 300", BENCH_RUNS=5)

Every figure is the median of BENCH_RUNS runs (min and max beside it);
peak memory is the largest resident set of the process (wait4's rusage).
"""
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
READER = os.path.join(ROOT, "sources", "pekerjaan-sosial", "reader.xml")


def timed(cmd, env=None):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed ({code}):\n{err}")
    return wall, usage.ru_maxrss / 1024.0


def measure(cmd, runs, env=None):
    walls, mems = [], []
    for _ in range(runs):
        w, m = timed(cmd, env)
        walls.append(w)
        mems.append(m)
    return statistics.median(walls), min(walls), max(walls), max(mems)


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {model}, {mem:.0f} GiB, {platform.system()} {platform.release()}"


def main(argv):
    build = argv[1] if len(argv) > 1 else "build"
    folio = os.path.join(ROOT, build, "folio")
    floor = os.path.join(ROOT, build, "bench", "bench_floor")
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1 10 100 300").split()]
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    rows = []
    work = tempfile.mkdtemp(prefix="folio-bench-")
    for n in sizes:
        d = os.path.join(work, f"{n}x")
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), READER, str(n), d], check=True)
        src = os.path.join(d, "reader.xml")
        pdf, epub = os.path.join(d, "r.pdf"), os.path.join(d, "r.epub")
        both = measure([folio, "build", src, "--pdf", pdf, "--epub", epub, "-q"], runs, env)
        pages = pdf_pages(pdf)
        articles = 7 * n
        r = {
            "size": n, "pages": pages, "articles": articles,
            "both": both,
            "pdf": measure([folio, "build", src, "--pdf", pdf, "-q"], runs, env),
            "epub": measure([folio, "build", src, "--epub", epub, "-q"], runs, env),
            "check": measure([folio, "check", src, "-q"], runs, env),
            "floor_xml": measure([floor, "xml", src], runs),
            "floor_pdf": measure([floor, "pdf", src, str(pages), os.path.join(d, "f.pdf")], runs),
            "floor_zip": measure([floor, "zip", epub, os.path.join(d, "f.epub")], runs),
        }
        rows.append(r)
        print(f"{n}x: {pages} pages, both {both[0]:.3f} s", flush=True)

    def cell(m):
        return f"{m[0]*1000:.0f} ({m[1]*1000:.0f}–{m[2]*1000:.0f})"

    out = ["# folio benchmark", "",
           f"Machine: {machine()}.  Medians of {runs} runs in ms (min–max); "
           "peak memory in MB; the floor is bench/floor.c on the same input and page count.", "",
           "| size | articles | pages | pdf+epub | pdf | epub | check | floor xml | floor pdf | floor zip | peak MB (both) | pdf/floor | epub/floor | ms/page (pdf) | ms/article (epub) |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        floor_pdf = r["floor_pdf"][0]  # it parses the XML too
        out.append("| {size}x | {articles} | {pages} | {both} | {pdf} | {epub} | {check} | {fx} | {fp} | {fz} | {mem:.0f} | {rp:.2f} | {re:.2f} | {pp:.2f} | {pa:.2f} |".format(
            size=r["size"], articles=r["articles"], pages=r["pages"],
            both=cell(r["both"]), pdf=cell(r["pdf"]), epub=cell(r["epub"]),
            check=cell(r["check"]), fx=cell(r["floor_xml"]), fp=cell(r["floor_pdf"]),
            fz=cell(r["floor_zip"]), mem=r["both"][3],
            rp=r["pdf"][0] / floor_pdf if floor_pdf else 0,
            re=r["epub"][0] / (r["floor_xml"][0] + r["floor_zip"][0]),
            pp=1000 * r["pdf"][0] / max(r["pages"], 1),
            pa=1000 * r["epub"][0] / r["articles"]))
    out.append("")
    out.append("pdf/floor divides folio's PDF build by the floor's parse-and-write of the same page count; "
               "epub/floor divides folio's EPUB build by the floor's parse plus re-zip of folio's EPUB entries.")
    text = "\n".join(out) + "\n"
    with open(os.path.join(HERE, "results.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main(sys.argv)
