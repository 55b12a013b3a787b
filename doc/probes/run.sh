#!/usr/bin/env bash
# Compiles and runs the probes behind doc/libraries.md, each in a scratch
# folder, and prints what they show.  Not part of the test suite: these
# record facts about the Debian 12 libraries, to be run again when a
# library changes.  Usage: doc/probes/run.sh [PROBE...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
cc() { command cc -std=c11 -D_DEFAULT_SOURCE -O1 -w -o "$t/$1" "$here/$1.c" "${@:2}"; }
probes=${*:-xml hpdf hpdf_save zip hyphen hb unibreak fribidi icu deflate jpeg png qpdf qpdf_cleanup pdftotext rsvg}
for p in $probes; do
	echo "== $p"
	case $p in
	xml)      cc xml $(pkg-config --cflags --libs libxml-2.0); "$t/xml" "$t" ;;
	hpdf)     cc hpdf -lhpdf; (cd "$t" && ./hpdf)
	          echo "4. pdftotext -bbox, x of the second word, Tw 0 and Tw 20:"
	          for f in tw0 tw20; do pdftotext -bbox "$t/$f.pdf" - 2>/dev/null | grep -m2 '<word' | tail -1 | sed 's/.*xMin="\([0-9.]*\)".*>\(.*\)<.*/  '$f': xMin \1 \2/'; done
	          echo "5. pdftotext on libharu's own UTF-8 TrueType font:"
	          pdftotext "$t/tw0.pdf" - 2>&1 >/dev/null | sort | uniq -c | sed 's/^/  /'
	          echo "6. page-box calls in hpdf.h: $(grep -c -i 'trimbox\|bleedbox' /usr/include/hpdf.h)"
	          qpdf --qdf --object-streams=disable "$t/tw0.pdf" "$t/q.pdf"
	          map=$(grep -a -o '/CIDToGIDMap [0-9]*' "$t/q.pdf" | awk '{print $2}')
	          echo "7. one line of text in Charis: PDF $(stat -c %s "$t/tw0.pdf") bytes, font program (Length1) $(grep -a -o '/Length1 [0-9]*' "$t/q.pdf" | awk '{print $2}') bytes of the .ttf's $(stat -c %s /usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf), CIDToGIDMap $(qpdf --show-object="$map" --filtered-stream-data "$t/q.pdf" | wc -c) bytes" ;;
	zip)      cc zip $(pkg-config --cflags --libs libzip)
	          for tz in UTC Asia/Jakarta America/New_York; do
		          z="$t/${tz//\//-}.zip"; TZ=$tz "$t/zip" "$z"
		          echo "  TZ=$tz: sha256 $(sha256sum "$z" | cut -c1-16), DOS time $(od -An -tx1 -j10 -N4 "$z")"
	          done ;;
	hyphen)   cc hyphen -lhyphen; "$t/hyphen" ;;
	hb)       cc hb $(pkg-config --cflags --libs harfbuzz); "$t/hb" ;;
	unibreak) cc unibreak $(pkg-config --cflags --libs libunibreak); "$t/unibreak" ;;
	fribidi)  cc fribidi $(pkg-config --cflags --libs fribidi); "$t/fribidi" ;;
	icu)      cc icu $(pkg-config --cflags --libs icu-uc icu-i18n); "$t/icu" ;;
	deflate)  cc deflate $(pkg-config --cflags --libs libdeflate zlib)
	          cat "$here"/../../sources/pekerjaan-sosial/*.xml "$here"/../../sources/pekerjaan-sosial/*/*.xml >"$t/in" 2>/dev/null
	          "$t/deflate" "$t/in"
	          echo "  compression calls: $(grep -o 'libdeflate_[a-z_]*compress[a-z_]*(' /usr/include/libdeflate.h | sort -u | tr -d '(' | tr '\n' ' ')" ;;
	jpeg)     cc jpeg -ljpeg; printf 'not a jpeg at all' >"$t/bad.jpg"
	          (cd "$t" && ./jpeg bad.jpg 2>&1 | sed 's/^/  stderr: /'; echo "  exit status ${PIPESTATUS[0]}") || true ;;
	png)      cc png $(pkg-config --cflags --libs libpng)
	          python3 -c "import zlib,struct
def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d))
raw=b''.join(b'\\0'+b'\\x80'*100 for _ in range(100))
png=b'\\x89PNG\\r\\n\\x1a\\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',100,100,8,0,0,0,0))+chunk(b'IDAT',zlib.compress(raw))+chunk(b'IEND',b'')
open('$t/cut.png','wb').write(png[:len(png)//2])"
	          "$t/png" "$t/cut.png"
	          echo "  the same file through libharu (hpdf_png.c):"
	          cc hpdf_png -lhpdf; set +e; (cd "$t" && ./hpdf_png cut.png) 2>&1 | sed 's/^/  /'
	          echo "  exit status ${PIPESTATUS[0]}"; set -e ;;
	hpdf_save) cc hpdf_save -lhpdf; "$t/hpdf_save" ;;
	qpdf_cleanup) cc qpdf_cleanup $(pkg-config --cflags --libs libqpdf)
	          printf 'not a pdf' >"$t/bad.pdf"; "$t/qpdf_cleanup" "$t/bad.pdf" 2>&1 ;;
	pdftotext) cc pdftotext -lhpdf; (cd "$t" && ./pdftotext)
	          echo "  pdftotext:      $(pdftotext "$t/hyphens.pdf" - | tr '\n' ' ')"
	          echo "  pdftotext -raw: $(pdftotext -raw "$t/hyphens.pdf" - | tr '\n' ' ')" ;;
	rsvg)     cc rsvg $(pkg-config --cflags --libs librsvg-2.0 cairo-pdf)
	          printf '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#08c" opacity="0.5"/><text x="10" y="60" font-family="DejaVu Sans" font-size="30">Teks</text></svg>' >"$t/a.svg"
	          printf '<svg xmlns="http://www.w3.org/2000/svg" width="100%%" viewBox="0 0 400 300"><circle cx="200" cy="150" r="100"/></svg>' >"$t/b.svg"
	          printf '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="/etc/hostname" width="5" height="5"/></svg>' >"$t/c.svg"
	          "$t/rsvg" "$t/a.svg" "$t/b.svg" "$t/c.svg"
	          echo "  a.svg.pdf, pdffonts: $(pdffonts "$t/a.svg.pdf" | tail -n +3 | awk '{print $1, $2, $3, "emb=" $(NF-4)}')"
	          echo "  a.svg.pdf, page resources: $(qpdf --show-object=3 "$t/a.svg.pdf" 2>/dev/null | head -c 300)"
	          echo "  a.svg.pdf, colour spaces named: $(qpdf --qdf --object-streams=disable "$t/a.svg.pdf" - | grep -a -o -E '/Device(RGB|CMYK|Gray)|/Transparency' | sort | uniq -c | tr -s ' \n' ' ')"
	          echo "  symbol binding before main(), folio linked against librsvg and libqpdf or not:"
	          printf 'int main(void){return 0;}' >"$t/m.c"
	          command cc -o "$t/plain" "$t/m.c"
	          command cc -o "$t/linked" "$t/m.c" -Wl,--no-as-needed $(pkg-config --libs librsvg-2.0 libqpdf)
	          for b in plain linked; do echo "    $b: $(LD_DEBUG=statistics "$t/$b" 2>&1 | grep -m1 'final number of relocations:' | sed 's/.*: *//') symbol relocations"; done ;;
	qpdf)     folio=${BUILD:-build}
	          echo "  shared libraries: folio $(ldd "$folio/folio" | wc -l), folio-preflight $(ldd "$folio/folio-preflight" | wc -l)"
	          echo "  brought in by libqpdf: $(ldd "$folio/folio-preflight" | awk '{print $1}' | grep -E 'stdc|gnutls|jpeg|crypto|nettle|z\.so' | tr '\n' ' ')" ;;
	esac
done
