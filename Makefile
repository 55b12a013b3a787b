# folio: the two commands of the README, and a few more.
#   make reader   install what is missing, build, compile the sample reader to out/
#   make test     install what is missing, build, run the whole test suite
#   make install  build and install under PREFIX (default /usr/local; DESTDIR honoured)
# Other targets: build, deps, bench, test-sanitize, test-tsan, fuzz, clean.

FUZZ_SECONDS ?= 60

BUILD   ?= build
JOBS    ?= 2
READER  := sources/pekerjaan-sosial/reader.xml
NAME    := pengantar-pekerjaan-sosial
SHELL   := /bin/bash

# Debian 12 packages folio needs to build, run and test.
PACKAGES := build-essential cmake pkg-config \
	libxml2-dev libxml2-utils libhpdf-dev libzip-dev libhyphen-dev \
	libharfbuzz-dev libunibreak-dev libicu-dev libqpdf-dev libpng-dev libjpeg-dev \
	libdeflate-dev \
	icc-profiles-free \
	hyphen-id hyphen-en-us \
	fonts-sil-charis fonts-noto-core fonts-dejavu-core fonts-dejavu-extra fonts-wqy-zenhei \
	epubcheck default-jre-headless poppler-utils qpdf python3 valgrind unzip \
	chromium

PREFIX  ?= /usr/local

.PHONY: all reader test build install configure deps bench test-sanitize test-tsan fuzz regen-golden clean

all: build

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
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

configure: deps
	@[ -f $(BUILD)/CMakeCache.txt ] || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

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

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-sanitize: deps
	@[ -f build-sanitize/CMakeCache.txt ] || cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DFOLIO_SANITIZE=ON
	cmake --build build-sanitize -j$(JOBS)
	cd build-sanitize && LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j$(JOBS)

# ThreadSanitizer on the tests that run threads: the determinism test
# (paragraphs set ahead on a second core, the EPUB beside the PDF,
# dictionaries loaded in threads) and the unit tests that start threads
# (found with strace -f -e trace=clone3: test_pagebuild).  Any report
# fails its test (exit code 66).
TSAN_TESTS := ^(e2e\.determinism|unit\.test_pagebuild)$$
test-tsan: deps
	@[ -f build-tsan/CMakeCache.txt ] || cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOLIO_TSAN=ON
	cmake --build build-tsan -j$(JOBS) --target folio test_pagebuild
	cd build-tsan && TSAN_OPTIONS="exitcode=66 second_deadlock_stack=1" ctest --output-on-failure -j$(JOBS) -R '$(TSAN_TESTS)'

bench: build
	cmake --build $(BUILD) --target bench
	python3 bench/run.py $(BUILD)

regen-golden: build
	./$(BUILD)/folio build $(READER) --text tests/golden/$(notdir $(patsubst %/,%,$(dir $(READER)))).txt -q
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
