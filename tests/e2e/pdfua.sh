#!/usr/bin/env bash
# pdfua: every PDF the suite builds from its documents (tests/e2e/lib/
# pdf_set.sh) passes the PDF/UA checker (tests/tools/pdfua.py): the
# Matterhorn conditions it implements, and the structure read in the order
# of folio's text output of the same source.
#
# Runs only with a folio that writes tagged PDF (its --help names
# --no-tags); before that it skips (exit 77), since an untagged PDF fails
# by design (e2e.pdfua_checker tests that).
# ctest-labels: slow
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
if ! "$FOLIO" --help 2>&1 | grep -q -- '--no-tags'; then
	echo "SKIP: this folio writes untagged PDF (no --no-tags in folio --help)"
	exit 77
fi
for tool in qpdf pdfinfo; do
	command -v $tool >/dev/null || { echo "SKIP: $tool is missing ('make deps' installs it)"; exit 77; }
done
tmp=$(mktemp -d /tmp/pdfua.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600
fail=0

. "$SRC/tests/e2e/lib/pdf_set.sh"

# Documents that are not PDF/UA on purpose, with the conditions they must
# fail and no other: layout-features has a figure without alt text (the
# case e2e.pdf_tags checks folio warns about), so folio claims no PDF/UA.
expected_failures() {
	case $1 in
	layout-features) echo "06-002 13-004" ;;
	esac
}

for pdf in "$tmp"/*.pdf; do
	name=$(basename "$pdf" .pdf)
	expect=$(expected_failures "$name")
	if [ -n "$expect" ]; then
		out=$(python3 tests/tools/pdfua.py "$pdf" --text "$tmp/$name.txt" --max 5)
		got=$(grep -o '\[Matterhorn [0-9-]*\]' <<<"$out" | tr -d '[]' | sed 's/Matterhorn //' | sort -u | tr '\n' ' ' | sed 's/ $//')
		if [ "$got" = "$expect" ]; then
			echo "ok: $name.pdf fails exactly $expect, as it must"
		else
			echo "FAIL: $name.pdf: expected to fail $expect, got: ${got:-nothing}"
			sed 's/^/    /' <<<"$out" | head -20
			fail=1
		fi
		continue
	fi
	if out=$(python3 tests/tools/pdfua.py "$pdf" --text "$tmp/$name.txt" --max 5); then
		echo "ok: $name.pdf: ${out#*: }"
	else
		echo "FAIL: $name.pdf is not PDF/UA:"
		sed 's/^/    /' <<<"$out" | head -60
		fail=1
	fi
done
exit $fail
