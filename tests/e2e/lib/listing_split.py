#!/usr/bin/env python3
"""listing_split: the listings of tests/layout/break.xml's "apung" article
split across pages only as their keeps allow.

Each of those listings has N lines "for (int baris_K = 0; baris_K < N;
...)", K = 0..N-1.  Read from the pages dump (FOLIO_DUMP_PAGES): a listing
of up to 8 lines stands on one page; a longer one that splits keeps at
least 3 lines on each side.  Exit 1 naming each listing that does not.
"""
import re
import sys

LINE = re.compile(r'^text .* "for \(int baris_(\d+) = 0; baris_\d+ < (\d+);')


def main():
    pages = []  # per listing: the page of each line, in order
    page = 0
    current = None
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.startswith("page "):
                page = int(line.split()[1])
                continue
            m = LINE.match(line)
            if not m:
                continue
            k, n = int(m.group(1)), int(m.group(2))
            if k == 0:
                current = {"n": n, "pages": []}
                pages.append(current)
            if current is not None:
                current["pages"].append(page)
    bad = 0
    for i, lst in enumerate(pages):
        n, on = lst["n"], lst["pages"]
        if len(on) != n:
            print("listing %d: %d of its %d lines found" % (i + 1, len(on), n))
            bad += 1
            continue
        parts = [on.count(p) for p in sorted(set(on))]
        if len(parts) == 1:
            continue
        if n <= 8 or len(parts) > 2 or min(parts) < 3:
            print("listing %d (%d lines) split %s" % (i + 1, n, "+".join(map(str, parts))))
            bad += 1
    print("%d listings, %d split against their keeps" % (len(pages), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
