#!/usr/bin/env bash
# Builds the Python package (python/) into a fresh virtual environment with the two commands the
# README gives and runs its pytest suite. Outside `cargo test`; skips, exit 0, without python3.
#
#   scripts/python_test.sh          SAYWHO_BIN: the binary to compare with (default: cargo build)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v python3 >/dev/null; then
    echo "python_test: skipped: no python3"
    exit 0
fi
if [ -z "${SAYWHO_BIN:-}" ]; then
    cargo build --bin saywho --quiet
    export SAYWHO_BIN=$PWD/target/debug/saywho
fi
venv=${SAYWHO_VENV:-$(mktemp -d)/venv}
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet ./python pytest
# From the tests' folder, so that `import saywho` is the installed package, not python/saywho.
cd python/tests
"$venv/bin/python" -m pytest -q
