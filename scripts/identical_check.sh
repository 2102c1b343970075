#!/usr/bin/env bash
# Structural changes must not change what `saywho extract --format jsonl` prints.
#   scripts/identical_check.sh record DIR   # write the outputs of the current build to DIR
#   scripts/identical_check.sh compare DIR  # compare the current build's outputs with DIR
# Covers the shared development corpora, the reference article and every saved page.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?record or compare}
dir=${2:?a folder for the outputs}
shared=${SHARED:-../shared/corpus}
[ -d "$shared" ] || { echo "identical_check: no shared corpus at $shared" >&2; exit 2; }
# PROFILE=dev checks a debug build (slower to run, quicker to build); the output is the same.
profile=${PROFILE:-release}
cargo build --profile "$profile" -q
dir_of_profile=$([ "$profile" = dev ] && echo debug || echo "$profile")
bin=${CARGO_TARGET_DIR:-target}/$dir_of_profile/saywho
# A fixed folder: the page files' paths are part of the output (their ids).
out=target/identical-check
rm -rf "$out"; mkdir -p "$out"
for corpus in polnear-dev canadian-dev web-dev; do
  "$bin" extract --input jsonl --format jsonl "$shared/$corpus.jsonl" >"$out/$corpus.jsonl"
done
"$bin" extract --format jsonl "$shared/seed-ukraine-talks.txt" >"$out/reference.jsonl"
for page in "$shared"/html-dev/*.html.gz; do
  name=$(basename "$page" .html.gz)
  gunzip -c "$page" >"$out/$name.html"
  "$bin" extract --format jsonl "$out/$name.html" >>"$out/html-dev.jsonl"
  rm "$out/$name.html"
done
if [ "$mode" = record ]; then
  mkdir -p "$dir"; cp "$out"/*.jsonl "$dir"/
  echo "recorded $(ls "$dir" | wc -l) outputs in $dir"
else
  status=0
  for f in "$out"/*.jsonl; do
    if cmp -s "$f" "$dir/$(basename "$f")"; then echo "same: $(basename "$f")"
    else echo "DIFFERENT: $(basename "$f")"; status=1; fi
  done
  exit $status
fi
