#!/usr/bin/env bash
# Times `saywho extract --jobs 1` against `--jobs 2` on a 70 MB JSONL stream (the PolNeAR dev
# set 32 times with fresh ids, built in a temporary folder, never committed) with hyperfine,
# checks the outputs are the same bytes, and measures peak memory on a 1 GB stream from a pipe
# with /usr/bin/time -v. Needs hyperfine (apt-get install -y hyperfine) and ../shared.
#
#   scripts/jobs_bench.sh [RUNS]    (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
corpus=../shared/corpus/polnear-dev.jsonl
cargo build --release --bin saywho --quiet
bin=$PWD/target/release/saywho
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# repeat COPIES: the corpus COPIES times, each copy's ids prefixed with its number.
repeat() {
    python3 - "$corpus" "$1" <<'PY'
import sys
lines = open(sys.argv[1], "rb").read().splitlines()
out = sys.stdout.buffer
for copy in range(int(sys.argv[2])):
    for line in lines:
        out.write(line.replace(b'{"id": "', b'{"id": "r%d/' % copy, 1) + b"\n")
PY
}

repeat 32 >"$work/70mb.jsonl"
echo "jobs_bench: $(du -m "$work/70mb.jsonl" | cut -f1) MB, $(wc -l <"$work/70mb.jsonl") articles"
for jobs in 1 2; do
    "$bin" extract --input jsonl --format jsonl --jobs $jobs "$work/70mb.jsonl" >"$work/out$jobs"
done
cmp "$work/out1" "$work/out2" && echo "jobs_bench: --jobs 1 and --jobs 2 give the same bytes"
hyperfine --warmup 1 --runs "$runs" \
    "$bin extract --input jsonl --format jsonl --jobs 1 $work/70mb.jsonl" \
    "$bin extract --input jsonl --format jsonl --jobs 2 $work/70mb.jsonl"

repeat 489 | /usr/bin/time -v "$bin" extract --input jsonl --format jsonl --jobs 2 \
    2>"$work/time" >/dev/null
echo "jobs_bench: 1 GB stream, --jobs 2:"
grep -E "Elapsed|Maximum resident" "$work/time"
