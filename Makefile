# hearsay — build, test, install.
#   make                 build/hearsay, build/libhearsay.a, build/libhearsay.so
#   make test            set up (Debian packages), build and run the whole test suite
#   make test SAN=1      the same under ASan + UBSan (objects in build-san/)
#   make demo            set up, build and run the main job on examples/
#   make install PREFIX=/usr/local

CC      ?= cc
PREFIX  ?= /usr/local
SAN     ?= 0
VALGRIND ?= 0
PKGS    := jansson libutf8proc zlib sqlite3 gumbo libmicrohttpd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -ljansson -lutf8proc -lz -lsqlite3 -lgumbo -lmicrohttpd)

ifeq ($(SAN),1)
  B       := build-san
  OPT     := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DHS_ARENA_MALLOC
  LDSAN   := -fsanitize=address,undefined
else
  B       := build
  OPT     ?= -O2 -g
  LDSAN   :=
endif

CFLAGS_ALL := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter \
              -fPIC -Iinclude -Isrc $(PKG_CFLAGS) $(OPT) $(CFLAGS)
LDLIBS_ALL := $(PKG_LIBS) -lpthread -lm $(LDLIBS)

LIB_SRC  := $(shell find src -name '*.c' ! -path 'src/cli/*' | sort)
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/obj/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(B)/obj/%.o)

.PHONY: all setup test unit demo install clean fuzz bench
all: $(B)/hearsay $(B)/libhearsay.a $(B)/libhearsay.so $(B)/test_unit

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(B)/libhearsay.a: $(LIB_OBJ)
	@rm -f $@
	@echo "  AR    $@"
	@ar rcs $@ $^

$(B)/libhearsay.so: $(LIB_OBJ)
	@echo "  LD    $@"
	@$(CC) -shared $(LDSAN) -o $@ $^ $(LDLIBS_ALL)

$(B)/hearsay: $(CLI_OBJ) $(B)/libhearsay.a
	@echo "  LD    $@"
	@$(CC) $(LDSAN) -o $@ $(CLI_OBJ) $(B)/libhearsay.a $(LDLIBS_ALL)

$(B)/bench_text: $(B)/obj/bench/text/bench_text.o $(B)/libhearsay.a
	@echo "  LD    $@"
	@$(CC) $(LDSAN) -o $@ $< $(B)/libhearsay.a $(LDLIBS_ALL)

$(B)/bench_link: $(B)/obj/bench/link/bench_link.o $(B)/libhearsay.a
	@echo "  LD    $@"
	@$(CC) $(LDSAN) -o $@ $< $(B)/libhearsay.a $(LDLIBS_ALL)

$(B)/bench_attrib: $(B)/obj/bench/attrib/bench_attrib.o $(B)/libhearsay.a
	@echo "  LD    $@"
	@$(CC) $(LDSAN) -o $@ $< $(B)/libhearsay.a $(LDLIBS_ALL)

bench: all
	@sh bench/text/run.sh
	@sh bench/link/run.sh
	@sh bench/attrib/run.sh

$(B)/test_unit: $(TEST_OBJ) $(B)/libhearsay.a
	@echo "  LD    $@"
	@$(CC) $(LDSAN) -o $@ $(TEST_OBJ) $(B)/libhearsay.a $(LDLIBS_ALL)

setup:
	@sh scripts/setup.sh

# The README's test command: set up, build, run everything, end with 'N passed, N failed'.
# VALGRIND=1 runs the suite under valgrind memcheck.
test: setup
	@$(MAKE) --no-print-directory all
	@VALGRIND=$(VALGRIND) sh tests/run.sh $(B)

unit: all
	@$(B)/test_unit

demo: setup
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(B)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	           $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/hearsay
	install -m 755 $(B)/hearsay $(DESTDIR)$(PREFIX)/bin/hearsay
	install -m 644 $(B)/libhearsay.a $(DESTDIR)$(PREFIX)/lib/libhearsay.a
	install -m 755 $(B)/libhearsay.so $(DESTDIR)$(PREFIX)/lib/libhearsay.so
	install -m 644 include/hearsay.h $(DESTDIR)$(PREFIX)/include/hearsay.h
	for d in models data web; do [ ! -d $$d ] || cp -R $$d $(DESTDIR)$(PREFIX)/share/hearsay/; done
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(shell sed -n 's/.*HS_VERSION_STRING "\(.*\)"/\1/p' include/hearsay.h)|' \
	    -e 's|@REQUIRES@|$(PKGS)|' scripts/hearsay.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/hearsay.pc

# Fuzzing (clang + libFuzzer): make fuzz [FUZZ_TIME=60] runs every fuzz/fuzz_*.c for FUZZ_TIME
# seconds from the seeds in fuzz/corpus/NAME (copied to build-fuzz/corpus/NAME, which grows);
# the HTML target also starts from the test pages in tests/html/.
FB          := build-fuzz
FUZZ_TIME   ?= 60
FUZZ_NAMES  := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
               -DHS_ARENA_MALLOC -Iinclude -Isrc $(PKG_CFLAGS)
FUZZ_OBJ    := $(LIB_SRC:%.c=$(FB)/obj/%.o)

$(FB)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $< (fuzz)"
	@clang $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FB)/libhearsay.a: $(FUZZ_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(FB)/fuzz_%: fuzz/fuzz_%.c $(FB)/libhearsay.a
	@echo "  LD    $@"
	@clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $< $(FB)/libhearsay.a $(LDLIBS_ALL) -o $@

fuzz: setup
	@$(MAKE) --no-print-directory $(FUZZ_NAMES:%=$(FB)/fuzz_%)
	@for n in $(FUZZ_NAMES); do \
	    mkdir -p $(FB)/corpus/$$n; cp -n fuzz/corpus/$$n/* $(FB)/corpus/$$n/ 2>/dev/null; \
	    [ $$n != html ] || cp -n tests/html/*.html $(FB)/corpus/html/; \
	    echo "  FUZZ  $$n ($(FUZZ_TIME) s)"; \
	    $(FB)/fuzz_$$n -max_total_time=$(FUZZ_TIME) -max_len=65536 -rss_limit_mb=2048 -print_final_stats=0 \
	        -artifact_prefix=$(FB)/crash-$$n- $(FB)/corpus/$$n > $(FB)/fuzz_$$n.log 2>&1 \
	        || { tail -40 $(FB)/fuzz_$$n.log; echo "fuzz: $$n failed (artifact in $(FB)/)"; exit 1; }; \
	    grep -E '^#[0-9]+.*DONE' $(FB)/fuzz_$$n.log | tail -1; \
	done

clean:
	rm -rf build build-san build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
