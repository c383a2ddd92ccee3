#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets) for FUZZ_SECONDS seconds each (60 unless set) and
# prints, per target, the inputs tried, the corpus reached and whether anything crashed.
# FUZZ_TARGETS="mspdi csv" runs only those, so long runs can share the cores in parallel.
# Seeds: Microsoft Project's and Trello's own files from ../shared/fixtures, read in place; a
# Jira and a plain CSV export and the demo's JSON export written here. A crash stops the run
# with its input in fuzz/artifacts/<target>/ (turn it into a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-60}"
FIXTURES=../shared/fixtures
WORK=target/fuzz-seeds
mkdir -p "$WORK"/{jira,csv,workspace_json}

# cargo-fuzz drives libFuzzer through the compiler's sanitizer flags, which the stable
# toolchain accepts with RUSTC_BOOTSTRAP. No sanitizer: the code is safe Rust, the hunt is for
# panics, and debug assertions catch overflow.
export RUSTC_BOOTSTRAP=1
FLAGS=(--release --debug-assertions --sanitizer none)

cat > "$WORK/jira/scrum.csv" <<'CSV'
Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Created,Resolved,Sprint,Sprint,Custom field (Story Points),Custom field (Epic Link),Labels,Labels
Checkout revamp,SHOP-1,10001,Epic,In Progress,High,Maria Chen,03/Nov/25 9:15 AM,,,,,,,
Pay by invoice,SHOP-2,10002,Story,Done,Medium,Maria Chen,04/Nov/25 10:00 AM,14/Nov/25 5:03 PM,Sprint 1,Sprint 2,5,SHOP-1,payments,backend
"Card form ""errors""",SHOP-3,10003,Bug,Code Review,Highest,,2025-11-05T11:30:00.000+0100,,Sprint 2,,3,SHOP-1,"front
end",
CSV
cp "$WORK/jira/scrum.csv" "$WORK/csv/jira.csv"
printf 'Title;Status;Due;Estimate (h)\r\nOrder switches;To do;2026-12-10;8\r\n"Swap core; floor 2";Doing;;\r\n' > "$WORK/csv/items.csv"
printf 'Title\tProbability\tImpact\nVendor late\t4\t3\n' > "$WORK/csv/risks.tsv"
if [ ! -s "$WORK/workspace_json/demo.json" ]; then
  cargo build --quiet --features custom-protocol
  rm -f "$WORK/demo.bridgeplan"
  target/debug/bridgeplan demo "$WORK/demo.bridgeplan" >/dev/null
  target/debug/bridgeplan export "$WORK/demo.bridgeplan" --format json "$WORK/workspace_json/demo.json" >/dev/null
fi

seeds() {
  case "$1" in
    mspdi) echo "$FIXTURES/mspdi" ;;
    trello) echo "$FIXTURES/trello" ;;
    *) echo "$WORK/$1" ;;
  esac
}

cd fuzz
cargo fuzz build "${FLAGS[@]}"
for target in ${FUZZ_TARGETS:-mspdi workspace_json trello jira csv}; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  log="../target/fuzz-$target.log"
  # New inputs go to the first folder only; the seeds are read, never written.
  if ! cargo fuzz run "${FLAGS[@]}" "$target" "$corpus" "../$(seeds "$target")" -- \
      -max_total_time="$SECONDS_EACH" -max_len=1048576 -print_final_stats=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target crashed; its input is in fuzz/artifacts/$target/"
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "fuzz: $target: ${SECONDS_EACH} s, ${runs:-?} inputs, $(ls "$corpus" | wc -l) in the corpus, no crash"
done
