#!/usr/bin/env bash
# pdf_dates: the outputs are dated when they are built, or at
# SOURCE_DATE_EPOCH.  With it: the PDF's Info dates and XMP dates (PDF/A,
# which also writes an /ID) are that second, and a rebuild gives the same
# bytes, /ID included.  Without it: the PDF's CreationDate, ModDate and XMP
# dates and the EPUB's dcterms:modified are all the same second, between
# the clock before and after the build.
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
command -v pdfinfo >/dev/null || { echo "SKIP: pdfinfo (poppler-utils) is missing"; exit 77; }
tmp=$(mktemp -d /tmp/pdf_dates.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
src=tests/e2e/data/layout.xml
fail=0

# dates PDF [EPUB]: every date the files carry, one a line, as seconds.
dates() {
	python3 - "$@" <<'PY'
import calendar, re, subprocess, sys, time, zipfile
def secs(s):
    return calendar.timegm(time.strptime(s[:19], "%Y-%m-%dT%H:%M:%S"))
info = subprocess.run(["pdfinfo", "-isodates", sys.argv[1]], capture_output=True, text=True).stdout
meta = subprocess.run(["pdfinfo", "-meta", sys.argv[1]], capture_output=True, text=True).stdout
for key in ("CreationDate", "ModDate"):
    m = re.search(r"^%s:\s+(\S+)" % key, info, re.M)
    print(key, secs(m.group(1)) if m else "missing")
for key in ("CreateDate", "ModifyDate", "MetadataDate"):
    m = re.search(r"<xmp:%s>([^<]+)<" % key, meta)
    print("xmp:" + key, secs(m.group(1)) if m else "missing")
if len(sys.argv) > 2:
    opf = zipfile.ZipFile(sys.argv[2]).read("OEBPS/package.opf").decode()
    m = re.search(r'property="dcterms:modified">([^<]+)<', opf)
    print("dcterms:modified", secs(m.group(1)) if m else "missing")
PY
}

for run in 1 2; do
	SOURCE_DATE_EPOCH=1767225600 "$FOLIO" build $src -q --pdfa 2b --pdf "$tmp/sde$run.pdf" ||
		{ echo "FAIL: build with SOURCE_DATE_EPOCH"; exit 1; }
done
cmp -s "$tmp/sde1.pdf" "$tmp/sde2.pdf" || { echo "FAIL: two builds with SOURCE_DATE_EPOCH differ"; fail=1; }
qpdf --show-object=trailer "$tmp/sde1.pdf" | grep -q '/ID \[' ||
	{ echo "FAIL: the PDF/A has no /ID"; fail=1; }
got=$(dates "$tmp/sde1.pdf")
if [ "$(awk '{print $2}' <<<"$got" | sort -u)" != 1767225600 ]; then
	echo "FAIL: with SOURCE_DATE_EPOCH=1767225600 the dates are:"
	sed 's/^/    /' <<<"$got"
	fail=1
else
	echo "ok: with SOURCE_DATE_EPOCH every date is 1767225600 and the rebuild is identical"
fi

before=$(date +%s)
env -u SOURCE_DATE_EPOCH "$FOLIO" build $src -q --pdfa 2b --pdf "$tmp/now.pdf" --epub "$tmp/now.epub" ||
	{ echo "FAIL: build without SOURCE_DATE_EPOCH"; exit 1; }
after=$(date +%s)
got=$(dates "$tmp/now.pdf" "$tmp/now.epub")
when=$(awk '{print $2}' <<<"$got" | sort -u)
if [ "$(wc -l <<<"$when")" != 1 ] || [ "$when" = missing ] ||
   [ "$when" -lt "$before" ] || [ "$when" -gt "$after" ]; then
	echo "FAIL: without SOURCE_DATE_EPOCH the dates are not one time between $before and $after:"
	sed 's/^/    /' <<<"$got"
	fail=1
else
	echo "ok: without SOURCE_DATE_EPOCH every date is the build's time ($when)"
fi
exit $fail
