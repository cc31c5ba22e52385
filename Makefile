# Makefile — builds stellwerk (release, -O2) and the ASan+UBSan test build.
#
#   make            build/stellwerk
#   make asan       build/asan/stellwerk
#   make tests      unit and web test programs under build/asan/tests/
#   make check      everything, then scripts/test --quick
#   make po-update  refresh po/stellwerk.pot and merge it into po/de.po
VERSION   := 0.1.0
CC        ?= cc
PKGS      := sqlite3 libmicrohttpd libsodium jansson libzip libxml-2.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lpthread
WARN      := -std=c17 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wformat=2 -Werror
CPPFLAGS  := -Isrc -Ibuild/gen -DSTELLWERK_VERSION='"$(VERSION)"'
REL_FLAGS := -O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=2
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

SRC       := $(sort $(wildcard src/*/*.c))
MAIN      := src/main.c
ASSETS    := $(sort $(shell find assets data -type f 2>/dev/null))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_LIB  := $(filter-out $(UNIT_SRC),$(sort $(wildcard tests/unit/*.c)))
WEB_SRC   := $(sort $(wildcard tests/web/test_*.c))
WEB_LIB   := $(filter-out $(WEB_SRC),$(sort $(wildcard tests/web/*.c)))

REL_OBJ   := $(patsubst src/%.c,build/obj/%.o,$(SRC)) build/obj/gen/embedded.o
SAN_OBJ   := $(patsubst src/%.c,build/asan/obj/%.o,$(SRC)) build/asan/obj/gen/embedded.o
UNIT_BIN  := $(patsubst tests/unit/%.c,build/asan/tests/unit/%,$(UNIT_SRC))
WEB_BIN   := $(patsubst tests/web/%.c,build/asan/tests/web/%,$(WEB_SRC))

.PHONY: all asan tests check clean po-update
all: build/stellwerk
asan: build/asan/stellwerk
tests: $(UNIT_BIN) $(WEB_BIN)

# --- generated sources: compiled catalogs and the embedded file table -------
build/gen/de.mo: po/de.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

build/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -O1 -o $@ $<

build/gen/embedded.c: build/embed $(ASSETS) build/gen/de.mo
	build/embed $@ $(foreach f,$(ASSETS),$(f)=$(f)) locale/de.mo=build/gen/de.mo

# --- release build -----------------------------------------------------------
build/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo 'CC      $<'
	@$(CC) $(WARN) $(REL_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

build/obj/gen/embedded.o: build/gen/embedded.c
	@mkdir -p $(@D)
	$(CC) -std=c17 -O1 $(CPPFLAGS) -c -o $@ $<

build/stellwerk: $(REL_OBJ) build/obj/main.o
	$(CC) $(REL_FLAGS) -o $@ $^ $(PKG_LIBS)

build/obj/main.o: $(MAIN)
	@mkdir -p $(@D)
	@echo 'CC      $<'
	@$(CC) $(WARN) $(REL_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

# --- sanitizer build and tests ------------------------------------------------
build/asan/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo 'CC asan $<'
	@$(CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

build/asan/obj/gen/embedded.o: build/gen/embedded.c
	@mkdir -p $(@D)
	$(CC) -std=c17 -O1 $(CPPFLAGS) -c -o $@ $<

build/asan/obj/main.o: $(MAIN)
	@mkdir -p $(@D)
	@echo 'CC asan $<'
	@$(CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

build/asan/libstellwerk.a: $(SAN_OBJ)
	rm -f $@
	ar rcs $@ $^

build/asan/stellwerk: build/asan/obj/main.o build/asan/libstellwerk.a
	$(CC) $(SAN_FLAGS) -o $@ $^ $(PKG_LIBS)

build/asan/tests/unit/%: tests/unit/%.c $(UNIT_LIB) build/asan/libstellwerk.a
	@mkdir -p $(@D)
	@echo 'LD test $@'
	@$(CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -Itests/unit -o $@ $< $(UNIT_LIB) build/asan/libstellwerk.a $(PKG_LIBS) -lcmocka

build/asan/tests/web/%: tests/web/%.c $(WEB_LIB) build/asan/libstellwerk.a
	@mkdir -p $(@D)
	@echo 'LD test $@'
	@$(CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) -Itests/web $(PKG_CFLAGS) -o $@ $< $(WEB_LIB) build/asan/libstellwerk.a $(PKG_LIBS) -lcmocka -lcurl

check: all asan tests
	scripts/test --quick

po-update:
	xgettext --no-wrap --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=i18n_ngettext:1,2 --add-comments=TRANSLATORS \
	  --package-name=stellwerk --package-version=$(VERSION) --sort-by-file -o po/stellwerk.pot $(MAIN) $(SRC)
	msgmerge --no-wrap --quiet --update --backup=none --no-fuzzy-matching po/de.po po/stellwerk.pot

clean:
	rm -rf build

-include $(REL_OBJ:.o=.d) $(SAN_OBJ:.o=.d) build/obj/main.d build/asan/obj/main.d
