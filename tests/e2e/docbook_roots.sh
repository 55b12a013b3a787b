#!/usr/bin/env bash
# ctest-labels: slow
# docbook_roots: DocBook documents whose root is not a book or an article
# (tests/docbook/root-*.xml: a chapter, a set of books, a section, a
# reference entry) and DocBook documents assembled with xpointer includes
# or carrying revision histories (tests/docbook/xpointer.xml,
# revhistory.xml), each built to PDF, EPUB and text:
#   - no diagnostics; qpdf --check; epubcheck 0/0
#   - the lines each document names in "expect-text:" comments appear in
#     its text output, in that order
#   - a line named in "expect-once:" appears exactly once (a chapter
#     root prints its title once, not on a title page too)
#   - no line named in "expect-absent:" comments appears (what an xpointer
#     leaves out)
#   - the word check (fidelity), where it is found; not for a document
#     with xpointer includes, which the tool reads whole (Python's
#     ElementInclude ignores xpointer), so the expect lines check it
# Env: FOLIO (the binary), SRC (repo root), SHARED (../shared).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
for tool in qpdf java python3; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool missing"; exit 77; }
done
T=$(mktemp -d /tmp/docbook_roots.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
SHARED=${SHARED:-$SRC/../shared}
fidelity=
for f in "$SRC/tests/tools/fidelity.py" "$SHARED/tools/fidelity"; do
	[ -f "$f" ] && { fidelity=$f; break; }
done
[ -n "$fidelity" ] || echo "note: no fidelity tool found: word check not run"

n=0
for src in tests/docbook/root-*.xml tests/docbook/xpointer.xml tests/docbook/revhistory.xml; do
	[ -f "$src" ] || continue
	n=$((n + 1))
	name=$(basename "$src" .xml)
	out="$T/$name"
	if ! "$FOLIO" build "$src" --pdf "$out.pdf" --epub "$out.epub" --text "$out.txt" \
		>"$out.log" 2>&1; then
		bad "folio build $src failed:"
		sed 's/^/    /' "$out.log" | head -20
		continue
	fi
	[ -s "$out.log" ] && { bad "$src: diagnostics from a clean source:"; sed 's/^/    /' "$out.log"; }
	qpdf --check "$out.pdf" >"$out.qpdf" 2>&1 || { bad "$src: qpdf --check:"; tail -5 "$out.qpdf"; }
	java -jar /usr/share/java/epubcheck.jar "$out.epub" >"$out.epubcheck" 2>&1
	grep -q "Messages: 0 fatals / 0 errors / 0 warnings" "$out.epubcheck" ||
		{ bad "$src: epubcheck:"; grep -E "ERROR|WARNING|FATAL" "$out.epubcheck" | head -10; }
	if [ -n "$fidelity" ] && ! grep -q 'xpointer="' "$src"; then
		python3 "$fidelity" "$src" --pdf "$out.pdf" --epub "$out.epub" >"$out.fidelity" 2>&1 ||
			{ bad "$src: word check:"; sed 's/^/    /' "$out.fidelity" | head -10; }
	fi
	python3 - "$src" "$out.txt" <<'PY' || fail=1
import re, sys
src, txt = sys.argv[1:3]
wanted = re.findall(r"expect-text: (.*)", open(src, encoding="utf-8").read())
text = re.sub(r"\s+", " ", open(txt, encoding="utf-8").read())
pos, ok = 0, True
if not wanted:
    print(f"FAIL: {src} names no expect-text lines")
    ok = False
for w in wanted:
    i = text.find(" ".join(w.split()), pos)
    if i < 0:
        print(f"FAIL: {src}: text output lacks, in order: {w}")
        ok = False
    else:
        pos = i + len(w)
for w in re.findall(r"expect-once: (.*)", open(src, encoding="utf-8").read()):
    n = text.count(" ".join(w.split()))
    if n != 1:
        print(f"FAIL: {src}: the text output holds {w!r} {n} times, not once")
        ok = False
for w in re.findall(r"expect-absent: (.*)", open(src, encoding="utf-8").read()):
    if " ".join(w.split()) in text:
        print(f"FAIL: {src}: text output holds what it should not: {w}")
        ok = False
sys.exit(0 if ok else 1)
PY
done
[ "$n" -ge 3 ] || bad "only $n test documents found"
[ $fail = 0 ] && echo "ok: $n DocBook documents with other roots built and checked"
exit $fail
