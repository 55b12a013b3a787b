#!/usr/bin/env bash
# scripts_languages: tests/scripts/languages.xml, an English article with
# German, French, Portuguese, Italian, Japanese, Chinese, Korean, Malay,
# Javanese and Sundanese sections, built to PDF and EPUB.
#   - no warning: every language has a table, every character a face
#   - each section's generated words and quotation marks (Tabela, Nota,
#     Tabella, Suggerimento; « … » with thin no-break spaces in French)
#   - the German section is even: word-space ratio p95 <= 1.5 and no line
#     past the margin (tests/e2e/lib/scripts_check.py evenness), and its
#     words are hyphenated where Debian's German patterns allow (german)
#   - Japanese and Chinese lines obey kinsoku and are justified by the
#     space between characters (kinsoku); Korean lines break at spaces
#   - French: no line ends right after an elision's apostrophe
#   - a Japanese book's running heads are its titles cut with "…"
#   - every word in both outputs (fidelity), no overprint or text outside
#     the text block (geometry), qpdf --check and epubcheck clean
set -u
: "${FOLIO:?}" "${SRC:?}"
tmp=$(mktemp -d /tmp/scripts_languages.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
doc=$SRC/tests/scripts/languages.xml
check=$SRC/tests/e2e/lib/scripts_check.py

FOLIO_DUMP_PAGES=$tmp/t.pages SOURCE_DATE_EPOCH=1767225600 \
	"$FOLIO" build "$doc" --pdf "$tmp/t.pdf" --epub "$tmp/t.epub" 2>"$tmp/log" ||
	{ cat "$tmp/log"; bad "build"; exit 1; }
if [ -s "$tmp/log" ]; then
	bad "diagnostics:"; cat "$tmp/log"
else
	ok "no diagnostics"
fi

pdftotext -enc UTF-8 "$tmp/t.pdf" "$tmp/t.txt"
want() {
	if grep -qF -- "$1" "$2"; then ok "$3"; else bad "$3: no \"$1\""; fi
}
want "Tabela 1." "$tmp/t.txt" "Portuguese word for a table"
want "Nota" "$tmp/t.txt" "Portuguese word for a note"
want "Tabella 2." "$tmp/t.txt" "Italian word for a table"
want "Suggerimento" "$tmp/t.txt" "Italian word for a tip"
want "« on m’a envoyé d’un guichet à l’autre »" "$tmp/t.txt" "French guillemets in the PDF"
mkdir "$tmp/epub" && (cd "$tmp/epub" && unzip -q ../t.epub)
if grep -rqF "«"$'\u202f'"on m’a envoyé d’un guichet à l’autre"$'\u202f'"»" "$tmp/epub"; then
	ok "French guillemets with thin no-break spaces (U+202F) in the EPUB"
else
	bad "French guillemets: no thin no-break spaces in the EPUB"
fi
if grep -qE "[’']-?$" "$tmp/t.txt"; then
	bad "a line ends after an apostrophe:"; grep -E "[’']-?$" "$tmp/t.txt"
else
	ok "no line ends after an apostrophe"
fi

python3 "$check" evenness "$tmp/t.pdf" 1 1 && ok "German section even" ||
	bad "German section uneven or overfull"
python3 "$check" german "$tmp/t.pages" /usr/share/hyphen/hyph_de_DE.dic \
	"Wer in einem" "L’accompagnement" && ok "German hyphenation" ||
	bad "German words not hyphenated by the German patterns"
python3 "$check" kinsoku "$tmp/t.pdf" "$tmp/t.pages" && ok "kinsoku and CJK justification" ||
	bad "kinsoku or CJK justification"

# Korean: the lines, joined by spaces, give the paragraph back word for word
python3 - "$doc" "$tmp/t.pages" <<'PY' && ok "Korean breaks at spaces" || bad "Korean broken inside a word"
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
para = re.search(r'xml:id="ko".*?<para>(.*?)</para>', src, re.S).group(1)
# (a justified line's run may end in " scale N": font expansion)
lines = [m.group(1) for m in re.finditer(r'^text \S+ \S+ \S+ 10\.000 "((?:[^"\\]|\\.)*)"',
         open(sys.argv[2], encoding="utf-8").read(), re.M)
         if re.search("[\uac00-\ud7a3]", m.group(1))]
got = " ".join(lines)
print("korean:", len(lines), "lines")
sys.exit(0 if got == " ".join(para.split()) and len(lines) >= 3 else 1)
PY

# running heads in Japanese: the title itself, cut between two characters
# where a line may break, with "…"; never "…" alone
para='<para>日本の地域福祉では、社会福祉協議会のコミュニティソーシャルワーカーが大きな役割を果たしている。</para>'
{
	echo '<book xmlns="http://docbook.org/ns/docbook" version="5.1" xml:lang="ja">'
	echo '<info><title>地域福祉の実践と理論についての非常に長い書名の本、その全体像を見渡すための試み</title></info>'
	echo '<chapter><title>コミュニティソーシャルワーカーの役割と地域における支え合いの仕組みづくりについての長い章題</title>'
	for _ in $(seq 40); do echo "$para"; done
	echo '</chapter></book>'
} >"$tmp/heads.xml"
FOLIO_DUMP_PAGES=$tmp/heads.pages "$FOLIO" build "$tmp/heads.xml" --pdf "$tmp/heads.pdf" 2>"$tmp/heads.log" ||
	{ cat "$tmp/heads.log"; bad "build of the Japanese book"; }
python3 - "$tmp/heads.xml" "$tmp/heads.pages" <<'PY' && ok "Japanese running heads" || bad "Japanese running heads"
import re, sys
titles = re.findall(r"<title>(.*?)</title>", open(sys.argv[1], encoding="utf-8").read())
heads = re.findall(r'^text \S+ \S+ \S+ 8\.000 "(.*…)"$', open(sys.argv[2], encoding="utf-8").read(), re.M)
print("heads:", heads)
good = [h for h in heads if len(h) > 1 and any(t.startswith(h[:-1]) for t in titles)
        and h[-2] not in "、。ー」"]
sys.exit(0 if heads and len(good) == len(heads) and len(set(heads)) == 2 else 1)
PY

python3 "$SRC/tests/tools/fidelity.py" "$doc" --pdf "$tmp/t.pdf" --epub "$tmp/t.epub" &&
	ok "fidelity" || bad "fidelity"
python3 "$SRC/tests/tools/geometry.py" "$tmp/t.pdf" --style "$SRC/styles/a5-reader.style" &&
	ok "geometry" || bad "geometry"
qpdf --check "$tmp/t.pdf" >"$tmp/qpdf.out" 2>&1 && ok "qpdf --check" ||
	{ bad "qpdf --check:"; head -20 "$tmp/qpdf.out"; }
java -jar /usr/share/java/epubcheck.jar "$tmp/t.epub" >"$tmp/check" 2>&1
if grep -qE '^(FATAL|ERROR|WARNING)' "$tmp/check" || ! grep -q 'No errors or warnings detected' "$tmp/check"; then
	bad "epubcheck:"; grep -E '^(FATAL|ERROR|WARNING)' "$tmp/check" | head -20
else
	ok "epubcheck: no errors or warnings"
fi
exit $((fails > 0))
