# shenbao: one non-recursive GNU Makefile (see README "Building").
#   make            build build/release/shenbao
#   make run        install missing Debian packages, build, run the main job
#   make test       build and run every test (unit + end-to-end)
#   make asan       the whole suite again under ASan + UBSan
#   make deps       apt-get install whatever Debian package is missing
#   make bench      benchmarks against peer tools (writes BENCHMARKS.md)
#   make rebaseline regenerate the chart pixel baselines (tests/fixtures/charts)
#   make install    install under $(DESTDIR)$(PREFIX) (default /usr/local)
#   make uninstall  remove what make install installed
# V=1 shows the commands.

FLAVOUR ?= release
BUILD   := build/$(FLAVOUR)
BIN     := $(BUILD)/shenbao

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla \
           -Wimplicit-fallthrough -Werror
PKGS     = pangocairo pangoft2 cairo-pdf cairo-svg cairo-png fontconfig \
           libcmark xlsxwriter poppler-glib libpng jansson \
           libzip expat freexl
ifeq ($(FLAVOUR),asan)
  CFLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
           -fno-omit-frame-pointer
  LDFLAGS += -fsanitize=address,undefined
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Ipipeline -Ireports \
             $(WARN) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP
# libcsv ships no pkg-config file.
LDLIBS     = $(PKG_LIBS) -lcsv -lm -lpthread

# The stages, bottom to top (see README "Architecture"); an #include may
# point only at the same folder or one listed before it (tests/layers.sh).
PIPELINE := base findings read cells form rules check
REPORTS  := typeset chart volume xlsx report html cli
LIB_SRC  := $(filter-out reports/cli/main.c, \
              $(wildcard $(PIPELINE:%=pipeline/%/*.c) $(REPORTS:%=reports/%/*.c)))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/reports/cli/main.o
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC := $(wildcard tests/bench/*.c)
TOOL_BIN := $(TOOL_SRC:tests/bench/%.c=$(BUILD)/tools/%)
DEPS     := $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(TEST_BIN:=.d) $(TOOL_BIN:=.d)

Q = $(if $(V),,@)

# Debian packages: to build, to run the tests, and to render.
DEB_PKGS = gcc make pkg-config libc6-dev libcsv-dev libcmark-dev \
           libcairo2-dev libpango1.0-dev libfontconfig-dev \
           libxlsxwriter-dev libpoppler-glib-dev libpng-dev \
           libjansson-dev \
           poppler-utils mupdf-tools unzip libxml2-utils python3 \
           python3-jsonschema \
           libzip-dev libexpat1-dev libfreexl-dev python3-openpyxl python3-xlwt \
           chromium chromium-driver python3-selenium
DEB_PKGS += strace clang libclang-rt-dev

.PHONY: all deps run test test-runs FORCE asan check-sample tools bench clean format headers \
        rebaseline fuzz install uninstall

all: $(BIN) $(TOOL_BIN)

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" -ne 0 ]; then echo "make deps: run as root to install:$$missing" >&2; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BIN): $(MAIN_OBJ) $(LIB_OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  CC LD   $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Itests -MF $@.d $(LDFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

$(BUILD)/tools/%: tests/bench/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	@echo "  CC LD   $@"
	$(Q)$(CC) $(ALL_CFLAGS) -MF $@.d $(LDFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The main job: build each bundled declaration into outputs/<name>/ (the
# findings as text, JSON and JUnit, the charts, the report and volumes).
# Findings (exit 1) are the job's result, not a failure of make; a failed
# run (exit 2) is.
RUN_INPUTS = sample green-design platform-2020 platform-2018 app-solution-2021 lighthouse-2021 \
             pilot-2020-gb pilot-2020-ts pilot-2020-cd
# A department's batch: the three 2020 pilot declarations are one call.
RUN_BATCH  = pilot-2020-gb pilot-2020-ts pilot-2020-cd

run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)for d in $(RUN_INPUTS); do \
	  echo "== shenbao build inputs/$$d -o outputs/$$d"; \
	  $(BIN) build -q -o outputs/$$d inputs/$$d; rc=$$?; \
	  [ $$rc -le 1 ] || exit $$rc; \
	  echo "-- outputs/$$d/check.txt:"; cat outputs/$$d/check.txt; \
	done
	$(Q)echo "== shenbao batch -o outputs/batch/汇总表.xlsx$(RUN_BATCH:%= inputs/%)"; \
	mkdir -p outputs/batch; \
	$(BIN) batch -q -o outputs/batch/汇总表.xlsx $(RUN_BATCH:%=inputs/%) \
	  > outputs/batch/check.txt; rc=$$?; cat outputs/batch/check.txt; \
	[ $$rc -le 1 ] || exit $$rc

# Every unit test binary and end-to-end script runs at once (make -j,
# slowest first so they do not finish last), each through tests/run1.sh
# into $(BUILD)/results/; tests/run.sh prints the summary.
TEST_E2E  := $(filter-out tests/e2e/lib.sh,$(wildcard tests/e2e/*.sh))
TEST_SLOW := check_split.sh nightly.sh charts_render.sh report_sample.sh volumes.sh \
             typeset_measure.sh check_fixtures.sh html.sh progress.sh
TEST_RUNS := $(TEST_SLOW:%=$(BUILD)/results/e2e/%.result) \
             $(filter-out $(TEST_SLOW:%=tests/e2e/%), $(TEST_E2E)) \
             $(TEST_BIN:$(BUILD)/tests/%=$(BUILD)/results/unit/%.result)
TEST_RUNS := $(patsubst tests/e2e/%,$(BUILD)/results/e2e/%.result,$(TEST_RUNS))
JOBS      ?= $(shell nproc)

test: deps
	$(Q)$(MAKE) --no-print-directory all $(TEST_BIN)
	$(Q)rm -rf $(BUILD)/results
	$(Q)$(MAKE) --no-print-directory -j$(JOBS) test-runs
	$(Q)sh tests/run.sh $(BUILD)

test-runs: $(TEST_RUNS)

$(BUILD)/results/e2e/%.result: FORCE
	$(Q)sh tests/run1.sh $(BUILD) tests/e2e/$* $@

$(BUILD)/results/unit/%.result: FORCE
	$(Q)sh tests/run1.sh $(BUILD) $(BUILD)/tests/$* $@

FORCE:

asan: deps
	$(Q)ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	  LSAN_OPTIONS=print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(MAKE) --no-print-directory FLAVOUR=asan test

# Coverage-guided fuzzing with clang's libFuzzer: each target in
# tests/fuzz/ runs FUZZ_SECONDS from its seed corpus (tests/fuzz/corpus/
# NAME, copied to build/fuzz/ so that what libFuzzer adds stays there);
# the targets link the whole library (pipeline and reports). Every target
# runs; one that finds a crash or leak prints the sanitizer's report and
# the input (kept as build/fuzz/NAME-crash-*; whole log: build/fuzz/
# NAME.log), and fuzz fails after the last target.
FUZZ_SECONDS ?= 60
FUZZ_SRC := $(LIB_SRC)
fuzz: deps
	$(Q)failed=""; for t in tests/fuzz/fuzz_*.c; do \
	  n=$$(basename $$t .c); mkdir -p build/fuzz; \
	  echo "  FUZZ    $$n ($(FUZZ_SECONDS) s)"; \
	  clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 \
	    -D_POSIX_C_SOURCE=200809L -Ipipeline \
	    -Ireports $(PKG_CFLAGS) -o build/fuzz/$$n $$t $(FUZZ_SRC) $(LDLIBS) \
	    || exit 1; \
	  mkdir -p build/fuzz/corpus-$$n; \
	  cp tests/fuzz/corpus/$${n#fuzz_}/* build/fuzz/corpus-$$n/; \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp:print_suppressions=0 \
	  ASAN_OPTIONS=fast_unwind_on_malloc=0 \
	  build/fuzz/$$n -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/$$n- \
	    build/fuzz/corpus-$$n > build/fuzz/$$n.log 2>&1 \
	    && { tail -3 build/fuzz/$$n.log; continue; }; \
	  sed -n '/^==[0-9]*== *ERROR/,/^SUMMARY/p;/^Base64:/p;/Test unit written/p' \
	    build/fuzz/$$n.log | head -80; \
	  failed="$$failed $$n"; \
	done; [ -z "$$failed" ] || { echo "fuzz: failed:$$failed"; exit 1; }

tools: $(TOOL_BIN)

# After a deliberate change to the charts, the fonts or cairo/pango:
# review the changed PNGs in git before committing them.
rebaseline: tools
	$(Q)SB_BUILD=$(CURDIR)/$(BUILD) SB_REBASELINE=1 sh tests/e2e/charts_pixels.sh

bench: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh tests/bench/run.sh $(BUILD)

# Every public header compiles on its own.
headers:
	$(Q)for h in pipeline/*/*.h reports/*/*.h; do \
	  echo "#include \"$$h\"" | $(CC) $(ALL_CFLAGS) -I. -x c -fsyntax-only -o /dev/null - || exit 1; \
	done

format:
	clang-format -i pipeline/*/*.[ch] reports/*/*.[ch] tests/unit/*.[ch] tests/bench/*.c

clean:
	rm -rf build

# Installed layout (README "Installing"): the binary finds its data in
# ../share/shenbao beside it (sb_datadir), so PREFIX is not compiled in.
PREFIX  ?= /usr/local
BINDIR  := $(PREFIX)/bin
DATADIR := $(PREFIX)/share/shenbao
MANDIR  := $(PREFIX)/share/man/man1
COMPDIR := $(PREFIX)/share/bash-completion/completions
DOCDIR  := $(PREFIX)/share/doc/shenbao

install: $(BIN)
	$(Q)install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/fonts \
	  $(DESTDIR)$(MANDIR) $(DESTDIR)$(COMPDIR) $(DESTDIR)$(DOCDIR)
	$(Q)install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/shenbao
	$(Q)for f in $$(cd pipeline && find forms -type f | sort); do \
	  install -D -m 644 pipeline/$$f $(DESTDIR)$(DATADIR)/pipeline/$$f || exit 1; \
	done
	$(Q)install -m 644 fonts/* $(DESTDIR)$(DATADIR)/fonts/
	$(Q)install -m 644 doc/shenbao.1 $(DESTDIR)$(MANDIR)/shenbao.1
	$(Q)install -m 644 doc/shenbao.bash $(DESTDIR)$(COMPDIR)/shenbao
	$(Q)install -m 644 LICENSE CHANGELOG.md README.md $(DESTDIR)$(DOCDIR)/
	@echo "  INSTALL $(DESTDIR)$(PREFIX)"

uninstall:
	$(Q)rm -f $(DESTDIR)$(BINDIR)/shenbao $(DESTDIR)$(MANDIR)/shenbao.1 \
	  $(DESTDIR)$(COMPDIR)/shenbao
	$(Q)rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)
	@echo "  UNINSTALL $(DESTDIR)$(PREFIX)"

-include $(DEPS)
