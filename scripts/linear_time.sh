#!/usr/bin/env bash
# Hostile inputs (runs of marks, one endless sentence, of punctuation or of names and pronouns,
# thousands of people sharing a first name, nesting 20,000 deep, misnested `<b><div>`, pages of
# many elements) at sizes n and 2n: the larger may take at most 2.5 times as long.
# Timing tests: run them on a quiet machine. PROFILE=release for the figures the README gives.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PROFILE:-dev}
cargo test --profile "$profile" --test linear_time -- --ignored --test-threads=1 --nocapture "$@"
