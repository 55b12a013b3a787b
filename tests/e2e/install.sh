#!/usr/bin/env bash
# install: `cmake --install` into a temporary prefix (DESTDIR as well) puts
# folio, folio-preflight, the man page, the styles, the font manifest, the
# hyphenation lists and the template where the installed folio finds them:
# from another folder it lists the installed styles (proved by changing one
# description there), builds the sample reader with --style a4-reader and
# --preset copyshop, starts a reader with `folio new`, and runs preflight.
# Env: FOLIO, SRC, BUILD (the build tree).
set -u
: "${BUILD:?BUILD must name the build tree}"
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
t=$(mktemp -d /tmp/install.XXXXXX)
trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

if ! DESTDIR="$t/dest" cmake --install "$BUILD" --prefix /opt/folio >"$t/install.log" 2>&1; then
	echo "FAIL: cmake --install:"; tail "$t/install.log"; exit 1
fi
p=$t/dest/opt/folio
for f in bin/folio bin/folio-preflight share/man/man1/folio.1 \
	share/folio/styles/a4-reader.style share/folio/styles/epub.css \
	share/folio/fonts/fonts.conf share/folio/hyphenation/id.txt \
	share/folio/templates/reader/reader.xml share/folio/templates/reader/references.bib; do
	[ -s "$p/$f" ] || bad "not installed: $f"
done
[ $fail = 0 ] && ok "installed under DESTDIR/opt/folio: binaries, man page, styles, fonts, hyphenation, template"

# the installed styles are the ones found: mark one of them
sed -i '1s/.*/# a4-reader.style: the installed A4 style./' "$p/share/folio/styles/a4-reader.style"
mkdir -p "$t/work" && cd "$t/work" || exit 2
unset FOLIO_STYLES
"$p/bin/folio" styles | grep -q '^a4-reader  *the installed A4 style\.$' &&
	ok "folio styles lists the installed styles" ||
	bad "folio styles does not read the installed folder: $("$p/bin/folio" styles 2>&1)"

export SOURCE_DATE_EPOCH=1700000000
if "$p/bin/folio" build "$SRC/sources/pekerjaan-sosial/reader.xml" -o out \
	--style a4-reader --preset copyshop --format pdf,epub -q >"$t/b.log" 2>&1; then
	ok "the installed folio builds the sample from another folder"
else
	bad "the installed folio failed:"; head "$t/b.log"
fi
"$p/bin/folio" preflight out/reader.pdf --preset copyshop >"$t/pf.log" 2>&1 &&
	ok "folio preflight runs the installed folio-preflight" ||
	bad "preflight: $(tail -3 "$t/pf.log")"
"$p/bin/folio" new lecture >/dev/null 2>&1 &&
	"$p/bin/folio" build lecture/reader.xml -o lecture/out --style a4-reader --preset copyshop >"$t/n.log" 2>&1 &&
	[ ! -s "$t/n.log" ] && ok "folio new from the installed template builds cleanly" ||
	bad "installed folio new: $(cat "$t/n.log")"
MANPATH="$p/share/man" man -w folio >/dev/null 2>&1 || [ -s "$p/share/man/man1/folio.1" ] ||
	bad "man page not found"
[ $fail = 0 ] && echo "install: all checks passed"
exit $fail
