#!/bin/sh
# The house's layout: no include or call points up a stage, none goes round
# (tests/e2e/layers.py says what is checked).
exec python3 "$(dirname "$0")/layers.py" "$(cd "$(dirname "$0")/../.." && pwd)" "${SB_BUILD:-}"
