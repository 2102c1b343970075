#!/usr/bin/env bash
# Builds the Python package (python/) into a virtual environment and runs its pytest suite.
# `cargo test` runs it through tests/python_package.rs. Skips, exit 0, without python3 and venv or
# when maturin and pytest cannot be installed (no package index); a failed build or test fails.
#
#   scripts/python_test.sh    SAYWHO_BIN: the binary to compare with (default: cargo build)
#                             SAYWHO_VENV: the environment to use (default: a fresh one)
#                             CARGO_TARGET_DIR: where maturin builds (kept between runs)
set -euo pipefail
cd "$(dirname "$0")/.."
skip() { echo "python_test: skipped: $1"; exit 0; }
command -v python3 >/dev/null || skip "no python3"
if [ -z "${SAYWHO_BIN:-}" ]; then
    cargo build --bin saywho --quiet
    export SAYWHO_BIN=$PWD/target/debug/saywho
fi
venv=${SAYWHO_VENV:-$(mktemp -d)/venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" >/dev/null 2>&1 || skip "python3 has no venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check 'maturin>=1.5,<2' 'pytest>=7' \
    || skip "maturin and pytest could not be installed"
# The same build as `pip install ./python`, with the build tools installed above (on PATH).
PATH="$venv/bin:$PATH" "$venv/bin/pip" install --quiet --disable-pip-version-check --no-build-isolation --force-reinstall \
    --no-deps ./python
# From the tests' folder, so that `import saywho` is the installed package, not python/saywho.
cd python/tests
"$venv/bin/python" -m pytest -q -p no:cacheprovider
