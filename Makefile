# IAM Playground. Two commands:
#   make serve   install what is missing, build, and serve the app at http://127.0.0.1:8080
#   make test    install what is missing, then every check, stopping at the first failure
# `make help` lists the smaller targets. Every install step checks first, so a warm machine
# skips it; nothing is downloaded but packages from crates.io, npm and Debian.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.NOTPARALLEL:
.DELETE_ON_ERROR:

# Cargo and rustup must keep their homes when the browser steps point HOME at a scratch folder.
CARGO_HOME ?= $(HOME)/.cargo
RUSTUP_HOME ?= $(HOME)/.rustup
export CARGO_HOME RUSTUP_HOME
# wasm-opt comes from npm `binaryen` and must win over any other on the PATH (Debian's is too
# old and breaks the app).
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_HOME)/bin:$(PATH)
export npm_config_update_notifier := false
export npm_config_fund := false
export npm_config_audit := false

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
WASM_OPT_VERSION := $(shell sed -n 's/^wasm_opt = "version_\([0-9]*\)"$$/\1/p' Trunk.toml)
E2E_PORT ?= 4173
SCRATCH := $(CURDIR)/e2e/.tmp
# Chromium writes under HOME and leaves large folders in TMPDIR: keep both in a scratch folder.
BROWSER_ENV := HOME=$(SCRATCH)/home TMPDIR=$(SCRATCH)/tmp XDG_CONFIG_HOME=$(SCRATCH)/home/.config \
	XDG_CACHE_HOME=$(SCRATCH)/home/.cache CHROMEDRIVER=$$(command -v chromedriver)

# Prints how long a step took; used as `$(call timed,name,command)`.
timed = @echo "==> $(1)"; SECONDS=0; $(2); echo "<== $(1): $${SECONDS}s"

.PHONY: bench-browser help serve test setup setup-test rust-target wasm-bindgen trunk npm crates chromium check-pins \
	fmt clippy lint unit wasm-test build e2e wasm-size screenshots clean

help:
	@echo "make serve       build and serve the app at http://127.0.0.1:8080 (live reload)"
	@echo "make test        fmt, clippy, cargo test, wasm tests, release build, Playwright e2e"
	@echo "make setup       install the toolchain for building (wasm32 target, Trunk, wasm-bindgen, npm packages)"
	@echo "make setup-test  setup, plus Debian's chromium and chromium-driver"
	@echo "make lint        cargo fmt --check and clippy"
	@echo "make unit        cargo test --workspace"
	@echo "make wasm-test   the app's wasm-bindgen tests in headless Chromium"
	@echo "make build       trunk build --release into dist/"
	@echo "make e2e         release build, then the Playwright suite against dist/"
	@echo "make wasm-size   the release wasm's and the course bundle's sizes, raw and gzip"
	@echo "make screenshots screenshots of the built app into e2e/.tmp/shots"

# --- the two commands --------------------------------------------------------------------------

serve: setup
	trunk serve

test: setup-test
	@SECONDS=0; \
	$(MAKE) --no-print-directory lint unit wasm-test e2e; \
	echo "make test: all checks passed in $${SECONDS}s"

# --- installing what is missing ----------------------------------------------------------------

setup: rust-target wasm-bindgen trunk npm crates check-pins

setup-test: setup chromium

rust-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown

wasm-bindgen:
	@if [[ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 2 minutes)"; \
		cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

trunk:
	@if [[ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]]; then \
		echo "installing trunk $(TRUNK_VERSION) (about 7 minutes)"; \
		cargo install --force --locked trunk --version $(TRUNK_VERSION); \
	fi

# The build's course step runs `cargo --frozen` (it never downloads): fetch the crates first.
crates:
	@cargo fetch --locked --quiet

npm: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is missing; install Node.js 20 or newer" >&2; exit 1; }
	npm ci --no-progress
	@touch $@

chromium:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		echo "installing Debian's chromium and chromium-driver"; \
		sudo=; [[ $$(id -u) == 0 ]] || sudo=sudo; \
		$$sudo apt-get update; \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends chromium chromium-driver; \
	fi

# The versions Trunk checks must be the ones installed: say so plainly instead of failing later.
check-pins: npm
	@grep -qx 'wasm_bindgen = "$(WASM_BINDGEN_VERSION)"' Trunk.toml || { \
		echo "error: Trunk.toml [tools] wasm_bindgen must be \"$(WASM_BINDGEN_VERSION)\", the version in Cargo.lock" >&2; exit 1; }
	@wasm-opt --version | grep -q "version $(WASM_OPT_VERSION)\b" || { \
		echo "error: wasm-opt on the PATH is \`$$(wasm-opt --version)\`; Trunk.toml wants version $(WASM_OPT_VERSION) (npm \`binaryen\`)" >&2; exit 1; }

# --- checks ------------------------------------------------------------------------------------

fmt:
	$(call timed,cargo fmt --check,cargo fmt --all --check)

clippy:
	$(call timed,clippy,cargo clippy --workspace --all-targets -- -D warnings)

lint: fmt clippy

unit:
	$(call timed,cargo test,cargo test --workspace)

wasm-test: setup-test
	@mkdir -p $(SCRATCH)/home $(SCRATCH)/tmp
	$(call timed,wasm-bindgen-test (headless Chromium),\
		$(BROWSER_ENV) cargo test -p iamplay-app --target wasm32-unknown-unknown --test browser --test storage --test frame --test drawing)
	@rm -rf $(SCRATCH)/tmp

build: setup
	$(call timed,trunk build --release,trunk build --release)

e2e: build setup-test
	@rm -rf $(SCRATCH) && mkdir -p $(SCRATCH)/home $(SCRATCH)/tmp
	$(call timed,playwright (against dist/),\
		$(BROWSER_ENV) E2E_PORT=$(E2E_PORT) E2E_SCRATCH=$(SCRATCH) playwright test --config e2e/playwright.config.mjs)
	@rm -rf $(SCRATCH)/tmp

# --- measuring and looking ---------------------------------------------------------------------

wasm-size:
	@for file in dist/*_bg.wasm dist/course-*.json; do \
		echo "$$file: $$(stat -c %s $$file) bytes raw, $$(gzip -9 -c $$file | wc -c) bytes gzip -9"; \
	done

# Keystroke-to-checks time of the learning loop in Chromium (not part of `make test`).
bench-browser: build setup-test
	$(BROWSER_ENV) node e2e/perf/keystroke.mjs 200

screenshots: build setup-test
	@mkdir -p $(SCRATCH)/home $(SCRATCH)/tmp
	$(BROWSER_ENV) node scripts/screenshot.mjs $(SCRATCH)/shots

clean:
	rm -rf dist $(SCRATCH) node_modules/.installed
