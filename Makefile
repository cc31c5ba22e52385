# Makefile — builds stellwerk (release, -O2) and the ASan+UBSan test build.
#
#   make            build/stellwerk (BUILD=dir builds elsewhere, e.g. one tree per helper)
#   make asan       build/asan/stellwerk
#   make tests      unit and web test programs under build/asan/tests/
#   make check      everything, then scripts/test --quick
#   make po-update  refresh po/stellwerk.pot and merge it into po/de.po
VERSION   := 0.1.0
BUILD     ?= build
CC        ?= cc
PKGS      := sqlite3 libmicrohttpd libsodium jansson libzip libxml-2.0 libical libcurl
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lpthread
WARN      := -std=c17 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wstrict-prototypes \
             -Wmissing-prototypes -Wformat=2 -Werror
CPPFLAGS  := -Isrc -I$(BUILD)/gen -DSTELLWERK_VERSION='"$(VERSION)"'
REL_FLAGS := -O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=2
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

SRC       := $(sort $(wildcard src/*/*.c))
MAIN      := src/main.c
ASSETS    := $(sort $(shell find assets data -type f 2>/dev/null))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_LIB  := $(filter-out $(UNIT_SRC),$(sort $(wildcard tests/unit/*.c)))
WEB_SRC   := $(sort $(wildcard tests/web/test_*.c))
WEB_LIB   := $(filter-out $(WEB_SRC),$(sort $(wildcard tests/web/*.c)))

REL_OBJ   := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRC)) $(BUILD)/obj/gen/embedded.o
SAN_OBJ   := $(patsubst src/%.c,$(BUILD)/asan/obj/%.o,$(SRC)) $(BUILD)/asan/obj/gen/embedded.o
UNIT_BIN  := $(patsubst tests/unit/%.c,$(BUILD)/asan/tests/unit/%,$(UNIT_SRC))
WEB_BIN   := $(patsubst tests/web/%.c,$(BUILD)/asan/tests/web/%,$(WEB_SRC))

.PHONY: all asan tests check clean po-update
all: $(BUILD)/stellwerk
asan: $(BUILD)/asan/stellwerk
tests: $(UNIT_BIN) $(WEB_BIN)

# --- generated sources: compiled catalogs and the embedded file table -------
$(BUILD)/gen/de.mo: po/de.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

$(BUILD)/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -O1 -o $@ $<

$(BUILD)/gen/embedded.c: $(BUILD)/embed $(ASSETS) $(BUILD)/gen/de.mo
	$(BUILD)/embed $@ $(foreach f,$(ASSETS),$(f)=$(f)) locale/de.mo=$(BUILD)/gen/de.mo

# --- release build -----------------------------------------------------------
$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo 'CC      $<'
	@$(CC) $(WARN) $(REL_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj/gen/embedded.o: $(BUILD)/gen/embedded.c
	@mkdir -p $(@D)
	$(CC) -std=c17 -O1 $(CPPFLAGS) -c -o $@ $<

$(BUILD)/stellwerk: $(REL_OBJ) $(BUILD)/obj/main.o
	$(CC) $(REL_FLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/obj/main.o: $(MAIN)
	@mkdir -p $(@D)
	@echo 'CC      $<'
	@$(CC) $(WARN) $(REL_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

# --- sanitizer build and tests ------------------------------------------------
$(BUILD)/asan/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo 'CC asan $<'
	@$(CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/asan/obj/gen/embedded.o: $(BUILD)/gen/embedded.c
	@mkdir -p $(@D)
	$(CC) -std=c17 -O1 $(CPPFLAGS) -c -o $@ $<

$(BUILD)/asan/obj/main.o: $(MAIN)
	@mkdir -p $(@D)
	@echo 'CC asan $<'
	@$(CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/asan/libstellwerk.a: $(SAN_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/asan/stellwerk: $(BUILD)/asan/obj/main.o $(BUILD)/asan/libstellwerk.a
	$(CC) $(SAN_FLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/asan/tests/unit/%: tests/unit/%.c $(UNIT_LIB) $(BUILD)/asan/libstellwerk.a
	@mkdir -p $(@D)
	@echo 'LD test $@'
	@$(CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) $(PKG_CFLAGS) -Itests/unit -o $@ $< $(UNIT_LIB) $(BUILD)/asan/libstellwerk.a $(PKG_LIBS) -lcmocka

$(BUILD)/asan/tests/web/%: tests/web/%.c $(WEB_LIB) $(BUILD)/asan/libstellwerk.a
	@mkdir -p $(@D)
	@echo 'LD test $@'
	@$(CC) $(WARN) $(SAN_FLAGS) $(CPPFLAGS) -Itests/web $(PKG_CFLAGS) -o $@ $< $(WEB_LIB) $(BUILD)/asan/libstellwerk.a $(PKG_LIBS) -lcmocka -lcurl

check: all asan tests
	scripts/test --quick

po-update:
	xgettext --no-wrap --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=i18n_ngettext:1,2 --add-comments=TRANSLATORS \
	  --package-name=stellwerk --package-version=$(VERSION) --sort-by-file -o po/stellwerk.pot $(MAIN) $(SRC)
	msgmerge --no-wrap --quiet --update --backup=none --no-fuzzy-matching po/de.po po/stellwerk.pot

clean:
	rm -rf $(BUILD)

-include $(REL_OBJ:.o=.d) $(SAN_OBJ:.o=.d) $(BUILD)/obj/main.d $(BUILD)/asan/obj/main.d
