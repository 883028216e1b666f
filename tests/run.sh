#!/bin/sh
# tests/run.sh BUILD_DIR: the summary of a test run. `make test` runs every
# unit test binary and every end-to-end script at once (make -j, one
# tests/run1.sh each, results in BUILD_DIR/results/); this prints a line
# per test in name order (ok, FAIL with the tail of its output, or CRASH
# when it printed no "N passed, N failed" line), the slowest tests, and
# ends with the total "N passed, N failed". Exit status 1 if any failed.
build=${1:?usage: tests/run.sh BUILD_DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
results=$top/$build/results
passed=0
failed=0
n=0
for r in "$results"/*/*.result; do
    [ -e "$r" ] || continue
    n=$((n + 1))
    name=${r#"$results/"}
    name=${name%.result}
    read -r p f rc secs < "$r"
    if [ "$p" = - ]; then
        echo "CRASH $name (exit $rc, no summary line)"
        sed 's/^/    /' "$r.log" | tail -n 30
        failed=$((failed + 1))
        continue
    fi
    if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then
        echo "FAIL  $name: $p passed, $f failed (exit $rc)"
        grep -v -E '^[0-9]+ passed, [0-9]+ failed$' "$r.log" |
            sed 's/^/    /' | tail -n 40
        [ "$f" -eq 0 ] && f=1
    else
        echo "ok    $name: $p passed, $f failed (${secs} s)"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
done
if [ "$n" -eq 0 ]; then
    echo "no test results in $results"
    failed=1
fi
echo "slowest:" $(for r in "$results"/*/*.result; do
    read -r p f rc secs < "$r"; n=${r#"$results/"}; echo "$secs ${n%.result}"
done | sort -rn | head -n 5 | awk '{ printf "%s %s s,", $2, $1 }')
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
