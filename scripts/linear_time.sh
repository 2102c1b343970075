#!/usr/bin/env bash
# Hostile inputs (runs of marks, one endless sentence, of punctuation or of names and pronouns,
# thousands of people sharing a first name, nesting 20,000 deep, misnested `<b><div>`, pages of
# many elements) at sizes n and 2n: the larger may take at most 2.5 times as long.
# Timed here, on a quiet machine; `cargo test` runs the same tests counting instructions under
# valgrind instead, which a busy machine does not change. PROFILE=release for the README's figures.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PROFILE:-dev}
SAYWHO_LINEAR_COST=time cargo test --profile "$profile" --test linear_time -- --test-threads=1 --nocapture "$@"
