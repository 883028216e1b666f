#!/bin/sh
# tests/run1.sh BUILD_DIR TEST RESULT: run one test, a unit test binary
# (BUILD_DIR/tests/test_*) or an end-to-end script (tests/e2e/*.sh, with
# SHENBAO=BUILD_DIR/shenbao), from the top of the tree. Its output goes to
# RESULT.log; RESULT gets one line "passed failed exit seconds", where
# passed and failed come from the test's last "N passed, N failed" line
# (both empty when it printed none: a crash). Always exits 0, so that
# `make -k` runs every test; tests/run.sh reads the results.
build=${1:?usage: tests/run1.sh BUILD_DIR TEST RESULT}
t=${2:?}
result=${3:?}
top=$(cd "$(dirname "$0")/.." && pwd)
export SHENBAO="$top/$build/shenbao"
export SB_BUILD="$top/$build"
# under ASan: third-party leaks only (tests/lsan.supp), full stacks to match
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
mkdir -p "$(dirname "$result")"
start=$(date +%s.%N)
case "$t" in
*.sh) (cd "$top" && sh "$t") >"$result.log" 2>&1 ;;
*) (cd "$top" && "$t") >"$result.log" 2>&1 ;;
esac
rc=$?
end=$(date +%s.%N)
last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$result.log" | tail -n 1)
p=${last%% passed*}
f=${last#*, }
f=${f%% failed}
awk -v p="${p:--}" -v f="${f:--}" -v rc="$rc" -v s="$start" -v e="$end" \
    'BEGIN { printf "%s %s %s %.1f\n", p, f, rc, e - s }' > "$result"
exit 0
