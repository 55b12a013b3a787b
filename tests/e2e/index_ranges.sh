#!/usr/bin/env bash
# index_ranges: an index range (class="startofrange" .. "endofrange") prints
# as one span of pages, "rentang, 1–N" with N the page of its end, in the
# PDF and the EPUB; a preferred locator is set in bold.
set -u
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
src=tests/e2e/data/index-ranges.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }
FOLIO_DUMP_PAGES="$t/d.pages" "$FOLIO" build "$src" -q --pdf "$t/r.pdf" --epub "$t/r.epub" ||
	{ echo "FAIL: build exited $?"; exit 1; }
# The label of the page where the range ends ("Akhir topik.").
end=$(awk '/^page / { for (i = 1; i <= NF; i++) if ($i ~ /^label=/) l = substr($i, 7) }
	/"Akhir topik\."/ { print l; exit }' "$t/d.pages")
[ -n "$end" ] && [ "$end" != 1 ] || bad "the range's end is not on a later page (got '$end')"
pdftotext "$t/r.pdf" - | grep -qx "rentang, 1–$end" || bad "PDF: no 'rentang, 1–$end' line"
grep -q 'Charis-SIL/bold [0-9.]* "1"' "$t/d.pages" || bad "PDF: the preferred locator of 'utama' is not bold"
python3 - "$t/r.epub" "$end" <<'PY' || fail=1
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml") and "nav" not in n)
m = re.search(r'rentang</span>, <a [^>]*>(\w+)</a>\u2013<a [^>]*>(\w+)</a>', text)
if not m or m.group(1) != "1" or m.group(2) != sys.argv[2]:
    print(f"FAIL: EPUB: the range does not read 1\u2013{sys.argv[2]}: {m.groups() if m else None}")
    sys.exit(1)
if not re.search(r'utama</span>, <a [^>]*><strong>1</strong></a>', text):
    print("FAIL: EPUB: the preferred locator is not strong")
    sys.exit(1)
PY
[ $fail = 0 ] && echo "index_ranges: 1–$end in both outputs, preferred in bold"
exit $fail
