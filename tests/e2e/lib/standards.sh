# standards.sh: the three checks every document the suite builds passes,
# for the tests of tests/e2e that build their own documents.  Source it;
# it uses bad/ok from the test and SRC, SHARED from the environment.
#   standard_pdf SOURCE.xml FILE.pdf    qpdf --check and the word check
#   standard_epub SOURCE.xml FILE.epub  EPUBCheck (no FATAL, ERROR or
#                                       WARNING) and the word check
# The word check is tests/tools/fidelity.py when the repository has it,
# else $SHARED/tools/fidelity; neither is a failure.

word_check() { # word_check SOURCE --pdf|--epub FILE
	local tool=
	[ -f "$SRC/tests/tools/fidelity.py" ] && tool=$SRC/tests/tools/fidelity.py
	[ -z "$tool" ] && [ -f "${SHARED:-$SRC/../shared}/tools/fidelity" ] &&
		tool=${SHARED:-$SRC/../shared}/tools/fidelity
	if [ -z "$tool" ]; then
		bad "no word check (tests/tools/fidelity.py or \$SHARED/tools/fidelity)"
		return
	fi
	local res
	if res=$(python3 "$tool" "$1" "$2" "$3" 2>&1); then
		ok "word check $(basename "$3"): $res"
	else
		bad "word check $(basename "$3"):"; echo "$res" | head
	fi
}

standard_pdf() {
	if qpdf --check "$2" >/dev/null 2>&1; then ok "qpdf --check $(basename "$2")"
	else bad "qpdf --check $(basename "$2"): $(qpdf --check "$2" 2>&1 | tail -3)"; fi
	word_check "$1" --pdf "$2"
}

standard_epub() {
	local log
	log=$(java -jar /usr/share/java/epubcheck.jar "$2" 2>&1)
	if echo "$log" | grep -qE '^(FATAL|ERROR|WARNING)'; then
		bad "epubcheck $(basename "$2"):"; echo "$log" | grep -E '^(FATAL|ERROR|WARNING)' | head
	else
		ok "epubcheck $(basename "$2"): no errors or warnings"
	fi
	word_check "$1" --epub "$2"
}
