#!/usr/bin/env bash
# languages: tests/e2e/data/languages.xml, a German article with French,
# Indonesian, Arabic, Hebrew and Japanese passages, built to PDF and EPUB.
#   - no "no language table" warning for de, fr, ar, he, ja; no missing glyph
#     (Arabic and Hebrew have faces in fonts/fonts.conf)
#   - German generated words and quotation marks („…‚…‘“, Hinweis,
#     Tabelle) and French guillemets with no-break spaces in the PDF
#   - German words hyphenated by German patterns (vor-han-de-nen,
#     Ziel-ver-ein-ba-rung), read from the layout dump
#   - the EPUB marks the Arabic and Hebrew blocks and the Arabic phrase in
#     the Indonesian paragraph dir="rtl", and nothing else
#   - qpdf --check and epubcheck clean
# Arabic and Hebrew shaping and right-to-left order are e2e.scripts_world's.
set -u
: "${FOLIO:?}" "${SRC:?}"
tmp=$(mktemp -d /tmp/languages.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }

FOLIO_DUMP_PAGES=$tmp/t.pages SOURCE_DATE_EPOCH=1767225600 \
	"$FOLIO" build "$SRC/tests/e2e/data/languages.xml" --pdf "$tmp/t.pdf" \
	--epub "$tmp/t.epub" 2>"$tmp/log" || { cat "$tmp/log"; bad "build"; exit 1; }
if grep -E "no language table|no font in the font manifest" "$tmp/log"; then
	bad "a language without a table or a character without a face"
else
	ok "every language has a table and every character a face"
fi

pdftotext -enc UTF-8 "$tmp/t.pdf" "$tmp/t.txt"
want() {
	if grep -qF -- "$1" "$2"; then ok "$3"; else bad "$3: no \"$1\""; fi
}
want "„Ich will wissen, was über mich ‚festgehalten‘ wird.“" "$tmp/t.txt" "German quotation marks, outer and inner"
want "Hinweis" "$tmp/t.txt" "German word for a note"
want "Tabelle 1." "$tmp/t.txt" "German word for a table"
# the French quotation may end a line after the guillemet's word: read
# the text with its lines joined
tr '\n' ' ' <"$tmp/t.txt" >"$tmp/t1.txt"
want "« l’aide qu’on reçoit" "$tmp/t1.txt" "French guillemets with no-break spaces"
want ', die vor-"' "$tmp/t.pages" "German hyphenation (vor-han-de-nen)"
want ' eine Zielver-"' "$tmp/t.pages" "German hyphenation (Ziel-ver-ein-ba-rung)"

mkdir "$tmp/epub" && (cd "$tmp/epub" && unzip -q ../t.epub)
grep -rhoE '<[a-z]+ [^>]*dir="[a-z]+"' "$tmp/epub/OEBPS" | sort >"$tmp/dirs"
printf '%s\n' '<blockquote xml:lang="ar" lang="ar" dir="rtl"' \
	'<p xml:lang="he" lang="he" dir="rtl"' \
	'<span class="foreignphrase" xml:lang="ar" lang="ar" dir="rtl"' | sort >"$tmp/want"
if cmp -s "$tmp/dirs" "$tmp/want"; then
	ok "EPUB: dir=\"rtl\" on the Arabic and Hebrew text, nowhere else"
else
	bad "EPUB directions:"; diff "$tmp/want" "$tmp/dirs"
fi

qpdf --check "$tmp/t.pdf" >"$tmp/qpdf.out" 2>&1 && ok "qpdf --check" ||
	{ bad "qpdf --check:"; head -20 "$tmp/qpdf.out"; }
java -jar /usr/share/java/epubcheck.jar "$tmp/t.epub" >"$tmp/check" 2>&1
if grep -qE '^(FATAL|ERROR|WARNING)' "$tmp/check" || ! grep -q 'No errors or warnings detected' "$tmp/check"; then
	bad "epubcheck:"; grep -E '^(FATAL|ERROR|WARNING)' "$tmp/check" | head -20
else
	ok "epubcheck: no errors or warnings"
fi
exit $((fails > 0))
