#!/bin/sh
# tests/run.sh BUILD_DIR: run every unit test binary in BUILD_DIR/tests and
# every end-to-end script tests/e2e/*.sh (with SHENBAO=BUILD_DIR/shenbao);
# each prints "N passed, N failed" as its last line. Ends with the total.
build=${1:?usage: tests/run.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
export SHENBAO="$top/$build/shenbao"
export SB_BUILD="$top/$build"
# under ASan: third-party leaks only (tests/lsan.supp), full stacks to match
export LSAN_OPTIONS="suppressions=$top/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in "$top/$build"/tests/test_* "$top"/tests/e2e/*.sh; do
    [ "${t##*/}" = lib.sh ] && continue
    case "$t" in *.d) continue ;; esac
    [ -e "$t" ] || continue
    name=${t#"$top/"}
    case "$t" in
    *.sh) (cd "$top" && sh "$t") >"$log" 2>&1 ;;
    *) (cd "$top" && "$t") >"$log" 2>&1 ;;
    esac
    rc=$?
    last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [ -z "$last" ]; then
        echo "CRASH $name (exit $rc, no summary line)"
        sed 's/^/    /' "$log" | tail -n 30
        failed=$((failed + 1))
        continue
    fi
    p=${last%% passed*}
    f=${last#*, }
    f=${f%% failed}
    if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then
        echo "FAIL  $name: $last (exit $rc)"
        grep -v -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | sed 's/^/    /' | tail -n 40
        [ "$f" -eq 0 ] && f=1
    else
        echo "ok    $name: $last"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
