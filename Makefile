# Bridgeplan — the README's two commands (`make run`, `make test`) and the other targets.
# Each target installs what is missing first (scripts/install-deps.sh), so a fresh Debian
# machine needs nothing else.

CARGO_FEATURES := --features custom-protocol
BIN := target/debug/bridgeplan
export WEBKIT_DISABLE_DMABUF_RENDERER := 1

.PHONY: run test deps ui build test-rust test-bindings test-ui test-e2e bench lint clean

## Build and open the app (on the demo workspace at first start).
run: build
	./$(BIN)

## Every test: Rust unit + integration + IPC, generated types, UI components, end-to-end.
test: deps test-rust test-bindings test-ui test-e2e

deps:
	@bash scripts/install-deps.sh

ui: deps
	cd ui && npm run build

# The app binary with the UI built in (no dev server needed).
build: ui
	cargo build $(CARGO_FEATURES)

# `cargo test` also builds the app binary with these features; the end-to-end tests drive it.
test-rust: ui
	cargo test --workspace $(CARGO_FEATURES)

# The TypeScript types are generated from the Rust types by the tests above; a stale
# checked-in copy fails here.
test-bindings: test-rust
	@git diff --exit-code --stat -- ui/src/lib/bindings || \
	  (echo "ui/src/lib/bindings is stale: commit the regenerated files." && exit 1)
	@test -z "$$(git ls-files --others --exclude-standard ui/src/lib/bindings)" || \
	  (echo "New generated types in ui/src/lib/bindings are not committed." && exit 1)

test-ui: deps
	cd ui && npm run check && npm test

test-e2e: test-rust
	xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 tests/e2e/

## Release build and measurements → target/bench/results.json
bench: ui
	python3 scripts/bench.py

lint: deps
	cargo clippy --workspace --all-targets $(CARGO_FEATURES) -- -D warnings
	cd ui && npm run check

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
