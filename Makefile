# Bridgeplan — the README's two commands (`make run`, `make test`) and the other targets.
# Each target installs what is missing first (scripts/install-deps.sh), so a fresh Debian
# machine needs nothing else.

CARGO_FEATURES := --features custom-protocol
BIN := target/debug/bridgeplan
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
export WEBKIT_DISABLE_DMABUF_RENDERER := 1

# The dates the date-sensitive suites run under (the core's clock reads BRIDGEPLAN_TODAY): a
# Wednesday (the day a weekend bug showed), a Sunday, and 29 February (a Tuesday). The first
# runs every test; the others run the Rust suites (core, CLI, IPC, reports), the UI tests and
# the plan end-to-end file.
TEST_DATES := 2026-12-02 2027-01-03 2028-02-29
FIRST_DATE := $(firstword $(TEST_DATES))
OTHER_DATES := $(wordlist 2,$(words $(TEST_DATES)),$(TEST_DATES))
# Built once per date would be wasteful: this test builds the demo for every day of a year.
YEAR_TEST := the_demo_tells_the_same_story_on_every_day_of_a_year

.PHONY: run test deps ui build check-format test-rust test-bindings test-ui test-e2e test-package package bench fuzz lint format clean

## Build and open the app (on the demo workspace at first start).
run: build
	./$(BIN)

## Every test: formatting and lints, Rust unit + integration + IPC under several dates,
## generated types, UI type check and components, end-to-end.
test: deps check-format lint test-rust test-bindings test-ui test-e2e test-package

deps:
	@bash scripts/install-deps.sh

ui: deps
	cd ui && npm run build

# The app binary with the UI built in (no dev server needed).
build: ui
	cargo build $(CARGO_FEATURES)

# Formatting is checked, never fixed, here: `make format` fixes it.
check-format: deps
	cargo fmt --all --check
	cd ui && npm run format:check

format: deps
	cargo fmt --all
	cd ui && npm run format

# `cargo test` also builds the app binary with these features; the end-to-end tests drive it.
test-rust: ui
	BRIDGEPLAN_TODAY=$(FIRST_DATE) cargo test --workspace $(CARGO_FEATURES)
	@for day in $(OTHER_DATES); do \
	  echo "== the Rust suites on $$day"; \
	  BRIDGEPLAN_TODAY=$$day cargo test --workspace $(CARGO_FEATURES) -- --skip $(YEAR_TEST) || exit 1; \
	done

# The TypeScript types are generated from the Rust types by the tests above; a stale
# checked-in copy fails here.
test-bindings: test-rust
	@git diff --exit-code --stat -- ui/src/lib/bindings || \
	  (echo "ui/src/lib/bindings is stale: commit the regenerated files." && exit 1)
	@test -z "$$(git ls-files --others --exclude-standard ui/src/lib/bindings)" || \
	  (echo "New generated types in ui/src/lib/bindings are not committed." && exit 1)

test-ui: deps
	cd ui && npm run check
	@for day in $(TEST_DATES); do \
	  echo "== the UI tests on $$day"; \
	  (cd ui && BRIDGEPLAN_TODAY=$$day npm test) || exit 1; \
	done

test-e2e: test-rust
	BRIDGEPLAN_TODAY=$(FIRST_DATE) xvfb-run -a -s "-screen 0 1280x800x24" bash tests/e2e/run.sh
	@for day in $(OTHER_DATES); do \
	  echo "== the plan (timeline) end-to-end test on $$day"; \
	  BRIDGEPLAN_TODAY=$$day xvfb-run -a -s "-screen 0 1280x800x24" node --test tests/e2e/plan.test.mjs || exit 1; \
	done

## The desktop package: a .deb of the release build → target/release/bundle/deb/, checked.
package: ui
	cd ui && npm run tauri -- build --bundles deb
	bash tests/package/check-deb.sh target/release/bundle/deb/Bridgeplan_$(VERSION)_amd64.deb

# The package test bundles the debug binary the Rust tests built (no second build) and checks
# what a desktop reads from it: binary, desktop entry, file type, icons.
test-package: test-rust
	cd ui && npm run tauri -- bundle --debug --bundles deb
	bash tests/package/check-deb.sh target/debug/bundle/deb/Bridgeplan_$(VERSION)_amd64.deb

## Release build and measurements → target/bench/results.json
bench: ui
	python3 scripts/bench.py

# Clippy with every warning an error (the UI's type check runs in test-ui). It needs ui/dist:
# the app embeds it.
lint: ui
	cargo clippy --workspace --all-targets $(CARGO_FEATURES) -- -D warnings

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules

## The crash harness with 1,000 SIGKILLs (`make test` runs 20); prints the seed and a summary.
.PHONY: crash
crash:
	CRASH_KILLS=1000 cargo test -p bridgeplan-core --test workspace crash:: -- --nocapture

## Every importer's fuzz target for FUZZ_SECONDS seconds each (60 unless set; the long runs use
## 3600). Installs cargo-fuzz when missing.
fuzz: deps
	@command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	bash scripts/fuzz.sh
