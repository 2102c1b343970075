#!/usr/bin/env bash
# saywho under Spark (and GNU parallel) gives the bytes `saywho extract --input jsonl --format
# jsonl` gives. Outside `cargo test`: it needs Java 17 and PySpark (see scripts/spark_extract.py
# for the setup) and skips, exit 0, when either is missing.
#
#   scripts/spark_test.sh [CORPUS.jsonl]     (default: ../shared/corpus/polnear-dev.jsonl)
#
# SAYWHO_BIN names a built binary; otherwise target/release/saywho is built.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-../shared/corpus/polnear-dev.jsonl}
if ! command -v java >/dev/null; then
    echo "spark_test: skipped: no java (apt-get install -y openjdk-17-jre-headless)"
    exit 0
fi
if ! python3 -c 'import pyspark' 2>/dev/null; then
    echo "spark_test: skipped: no pyspark (pip install pyspark)"
    exit 0
fi
if [ ! -f "$corpus" ]; then
    echo "spark_test: skipped: no corpus at $corpus"
    exit 0
fi
bin=${SAYWHO_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release --bin saywho --quiet
    bin=target/release/saywho
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
# compare NAME FILE: FILE must equal the binary's own output.
compare() {
    if cmp -s "$work/expected.jsonl" "$2"; then
        echo "spark_test: $1: identical ($(wc -l <"$2") lines)"
    else
        echo "spark_test: $1: DIFFERS from saywho extract" >&2
        fail=1
    fi
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }
since() { echo "$(($(now_ms) - $1)) ms"; }

# Bad lines fail the binary's run (exit 1) but still give the results of the others.
start=$(now_ms)
"$bin" extract --input jsonl --format jsonl --jobs 1 "$corpus" >"$work/expected.jsonl" || true
echo "spark_test: saywho extract --jobs 1: $(since "$start")"

start=$(now_ms)
python3 scripts/spark_extract.py --master 'local[2]' --partitions 4 --saywho "$bin" \
    "$corpus" "$work/parts" 2>"$work/spark.log"
echo "spark_test: spark local[2], 4 partitions: $(since "$start")"
cat "$work"/parts/part-* >"$work/parts.jsonl"
compare "spark part files" "$work/parts.jsonl"

python3 scripts/spark_extract.py --master 'local[2]' --partitions 3 --saywho "$bin" \
    --single-file "$corpus" "$work/single.jsonl" 2>>"$work/spark.log"
compare "spark --single-file" "$work/single.jsonl"

# A cluster in miniature: two executor processes with folders of their own, the binary shipped
# with --files and named as it lands there, as on a real cluster.
if command -v spark-submit >/dev/null; then
    start=$(now_ms)
    spark-submit --master 'local-cluster[2,1,1024]' --files "$bin" \
        scripts/spark_extract.py --saywho ./saywho "$corpus" "$work/cluster" >>"$work/spark.log" 2>&1
    echo "spark_test: spark-submit local-cluster[2,1,1024] --files: $(since "$start")"
    cat "$work"/cluster/part-* >"$work/cluster.jsonl"
    compare "spark-submit --files" "$work/cluster.jsonl"
fi

if command -v parallel >/dev/null; then
    start=$(now_ms)
    parallel --pipepart -a "$corpus" --block 256k --keep-order \
        "$bin" extract --input jsonl --format jsonl --jobs 1 >"$work/parallel.jsonl" || true
    echo "spark_test: GNU parallel --pipepart: $(since "$start")"
    compare "GNU parallel" "$work/parallel.jsonl"
else
    echo "spark_test: GNU parallel: skipped (apt-get install -y parallel)"
fi

if [ "$fail" -ne 0 ]; then
    sed -n '1,40p' "$work/spark.log" >&2
    exit 1
fi
echo "spark_test: passed"
