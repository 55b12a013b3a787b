#!/usr/bin/env bash
# ctest-labels: slow
# install_make: the Makefile's `make install DESTDIR=... PREFIX=...`
# (issue 23, item 5) builds folio in a build folder of its own and stages
# it under DESTDIR/PREFIX; the staged folio, run from another folder and
# moved to yet another place, finds its styles by name, its font manifest,
# its hyphenation lists and its template there and nowhere else: strace
# shows every data file it opens is the installed one (none from the
# source tree), and a style's description changed in the installed copy is
# the one `folio styles` lists.  (e2e.install covers `cmake --install`.)
# Env: SRC.
set -u
SRC=${SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
t=$(mktemp -d /tmp/install_make.XXXXXX)
trap 'rm -rf "$t"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

if ! make -C "$SRC" install BUILD="$t/build" DESTDIR="$t/dest" PREFIX=/opt/folio JOBS=2 \
	>"$t/make.log" 2>&1; then
	echo "FAIL: make install:"; tail -20 "$t/make.log"; exit 1
fi
p=$t/dest/opt/folio
for f in bin/folio bin/folio-preflight share/man/man1/folio.1 \
	share/folio/styles/a4-reader.style share/folio/styles/epub.css \
	share/folio/fonts/fonts.conf share/folio/hyphenation/id.txt \
	share/folio/templates/reader/reader.xml; do
	[ -s "$p/$f" ] || bad "make install did not stage $f"
done
[ $fail = 0 ] && ok "make install staged binaries, man page, styles, fonts, hyphenation, template"

# moved after staging, as a package manager's files land elsewhere than
# the build's PREFIX: it still finds its data beside itself
mv "$p" "$t/moved"
p=$t/moved
sed -i '1s/.*/# a4-reader.style: the staged A4 style./' "$p/share/folio/styles/a4-reader.style"
mkdir -p "$t/work" && cd "$t/work" || exit 2
unset FOLIO_STYLES
"$p/bin/folio" styles | grep -q '^a4-reader  *the staged A4 style\.$' &&
	ok "folio styles lists the installed styles" ||
	bad "folio styles does not read the installed folder: $("$p/bin/folio" styles 2>&1)"
run=("$p/bin/folio" build "$SRC/sources/pekerjaan-sosial/reader.xml" -o out --style a4-reader -q)
if command -v strace >/dev/null; then
	FOLIO_CACHE_DIR= FOLIO_THREADS=1 strace -f -qq -e trace=openat -o "$t/open.log" "${run[@]}" \
		>"$t/b.log" 2>&1 || bad "the installed folio failed: $(head -3 "$t/b.log")"
	opened() { grep -v ENOENT "$t/open.log" | grep -oE '"[^"]*'"$1"'"' | tr -d '"' | sort -u; }
	for what in styles/a4-reader.style fonts/fonts.conf hyphenation/id.txt; do
		got=$(opened "$what")
		if [ "$got" = "$p/share/folio/$what" ]; then ok "reads the installed $what"
		else bad "$what read from: ${got:-nowhere}"; fi
	done
	if grep -v ENOENT "$t/open.log" | grep -qF "\"$SRC/styles" ||
		grep -v ENOENT "$t/open.log" | grep -qF "\"$SRC/fonts"; then
		bad "the installed folio opens data in the source tree"
	else
		ok "nothing read from the source tree's styles or fonts"
	fi
else
	echo "note: no strace; the files read are not checked"
	"${run[@]}" >"$t/b.log" 2>&1 || bad "the installed folio failed: $(head -3 "$t/b.log")"
fi
[ -s out/reader.pdf ] && ok "the installed folio builds the sample with --style a4-reader" ||
	bad "no PDF from the installed folio"
"$p/bin/folio" new lecture >/dev/null 2>&1 && [ -s lecture/reader.xml ] &&
	ok "folio new from the installed template" || bad "installed folio new failed"
[ $fail = 0 ] && echo "install_make: all checks passed"
exit $fail
