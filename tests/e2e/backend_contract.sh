#!/usr/bin/env bash
# backend_contract: what the back-end contract (include/folio/backend.h)
# promises, seen from the command line.
#   - --paper and the sides reach layout as data, for every back end that
#     lays out the print edition: the `pages` dump built alone is the PDF's
#     own layout (FOLIO_DUMP_PAGES), and an EPUB built alone carries the
#     same page-list, byte for byte, as one that took the PDF's page map
#   - --epub-fonts embeds the style's text family as the font manifest
#     lists it (files, licence file and licence name), not a fixed one;
#     EPUBCheck passes; a family the EPUB cannot embed is a fatal error
# Env: FOLIO (the binary), SRC (repo root).
set -u
: "${FOLIO:?FOLIO must name the folio binary}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$SRC" || exit 2
tmp=$(mktemp -d /tmp/backend_contract.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600
doc=tests/e2e/data/epub/features.xml
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

run() { # run LOG folio-arguments...: a build that must succeed
	local log=$1
	shift
	if ! "$FOLIO" build "$@" >"$tmp/$log" 2>&1; then
		bad "folio build $* failed:"
		sed 's/^/    /' "$tmp/$log" | head -20
		return 1
	fi
}

# ---- the print edition's page, as data
paper=(--paper 170x240mm --one-sided)
FOLIO_DUMP_PAGES=$tmp/pdf.pages run both.log "$doc" --pdf "$tmp/both.pdf" \
	--epub "$tmp/both.epub" "${paper[@]}"
run pages.log "$doc" --pages "$tmp/alone.pages" "${paper[@]}"
run epub.log "$doc" --epub "$tmp/alone.epub" "${paper[@]}"
run plain.log "$doc" --pages "$tmp/plain.pages"
if cmp -s "$tmp/pdf.pages" "$tmp/alone.pages"; then
	ok "the pages dump built alone is the PDF's layout with ${paper[*]}"
else
	bad "the pages dump built alone differs from the PDF's layout with ${paper[*]}"
fi
if cmp -s "$tmp/plain.pages" "$tmp/alone.pages"; then
	bad "${paper[*]} changed nothing in the pages dump"
fi
# 170 x 240 mm is 481.890 x 680.315 pt
grep -q '^pages [0-9]* size 481.890 680.315 ' "$tmp/alone.pages" ||
	bad "the pages dump is not on 170 x 240 mm: $(head -1 "$tmp/alone.pages")"
if cmp -s "$tmp/both.epub" "$tmp/alone.epub"; then
	ok "the EPUB built alone has the page-list of the one built with the PDF"
else
	bad "the EPUB built alone differs from the one built with the PDF (${paper[*]})"
fi
qpdf --check "$tmp/both.pdf" >"$tmp/qpdf.out" 2>&1 || {
	bad "qpdf --check both.pdf:"
	sed 's/^/    /' "$tmp/qpdf.out" | head -10
}

# ---- the EPUB's fonts: the style's text family, from the manifest
manifest=fonts/fonts.conf
family="DejaVu Serif"
printf 'font.text = %s\n' "$family" >"$tmp/serif.style"
run fonts.log "$doc" --epub "$tmp/fonts.epub" --epub-fonts --style "$tmp/serif.style"
mkdir -p "$tmp/fonts"
(cd "$tmp/fonts" && unzip -q ../fonts.epub) || bad "fonts.epub does not unzip"
for style in regular italic bold bolditalic; do
	line=$(grep -E "^face $family +\| *$style +\|" "$manifest")
	file=$(echo "$line" | awk -F'|' '{gsub(/ /, "", $3); print $3}')
	inside=$tmp/fonts/OEBPS/fonts/dejavu-serif-$style.ttf
	if [ -z "$file" ]; then
		bad "no $family $style in $manifest"
	elif ! cmp -s "$file" "$inside"; then
		bad "fonts/dejavu-serif-$style.ttf is not $file"
	fi
done
regular=$(grep -E "^face $family +\| *regular +\|" "$manifest")
package=$(echo "$regular" | awk -F'|' '{gsub(/ /, "", $4); print $4}')
licence=$(echo "$regular" | awk -F'|' '{sub(/^ +/, "", $5); sub(/ +$/, "", $5); print $5}')
cmp -s "/usr/share/doc/$package/copyright" "$tmp/fonts/OEBPS/fonts/LICENSE.txt" ||
	bad "fonts/LICENSE.txt is not $package's copyright file"
css=$tmp/fonts/OEBPS/css/fonts.css
grep -qF "font-family: \"$family\";" "$css" || bad "fonts.css does not declare $family"
grep -qF "$licence: see ../fonts/LICENSE.txt" "$css" || bad "fonts.css does not name the licence ($licence)"
if grep -qi charis "$css" || ls "$tmp/fonts/OEBPS/fonts" | grep -qi charis; then
	bad "Charis SIL embedded although the style's text family is $family"
fi
[ $fail = 0 ] && ok "--epub-fonts embeds $family, its files and licence from $manifest"
java -jar /usr/share/java/epubcheck.jar "$tmp/fonts.epub" >"$tmp/fonts.check" 2>&1
msgs=$(grep -E '^(FATAL|ERROR|WARNING)' "$tmp/fonts.check")
if [ -n "$msgs" ] || ! grep -q 'No errors or warnings detected' "$tmp/fonts.check"; then
	bad "epubcheck fonts.epub:"
	{ [ -n "$msgs" ] && echo "$msgs" || tail -5 "$tmp/fonts.check"; } | sed 's/^/    /' | head -20
else
	ok "epubcheck fonts.epub: no errors or warnings"
fi

# A family in a font collection cannot be embedded as one file; a family
# the manifest lacks has nothing to embed.  Both are fatal: exit 2, and the
# EPUB is not written.
printf 'font.text = WenQuanYi Zen Hei\n' >"$tmp/cjk.style"
"$FOLIO" build "$doc" --epub "$tmp/cjk.epub" --epub-fonts --style "$tmp/cjk.style" \
	>"$tmp/cjk.log" 2>&1
rc=$?
if [ $rc != 2 ] || [ -e "$tmp/cjk.epub" ] || ! grep -q 'font collection' "$tmp/cjk.log"; then
	bad "a text family in a collection: exit $rc, want 2 and a message:"
	sed 's/^/    /' "$tmp/cjk.log" | head -5
else
	ok "a text family in a font collection is refused"
fi
printf 'font.text = No Such Family\n' >"$tmp/none.style"
"$FOLIO" build "$doc" --epub "$tmp/none.epub" --epub-fonts --style "$tmp/none.style" \
	>"$tmp/none.log" 2>&1
rc=$?
if [ $rc != 2 ] || [ -e "$tmp/none.epub" ] || ! grep -q 'No Such Family' "$tmp/none.log"; then
	bad "a text family not in the manifest: exit $rc, want 2 and its name:"
	sed 's/^/    /' "$tmp/none.log" | head -5
else
	ok "a text family not in the manifest is refused"
fi
exit $fail
