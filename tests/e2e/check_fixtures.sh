#!/bin/sh
# End-to-end: `shenbao check` on the base declaration (clean: every rule
# passes) and on each defect fixture tests/fixtures/cases/<name>/, which
# is the base changed by its mutate.sh. The errors and warnings found
# must be exactly the lines of its `expected` file:
#     <severity> <code> <file relative to the declaration>:<row>:<col>
# (":<row>:<col>" left out for findings without a row), and the exit
# status the one in its `exit` file (default 1).
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
base=$top/tests/fixtures/base

# Errors and warnings of a text report, one "sev code file:row:col" line
# each, the declaration directory stripped from the path.
summarize() {
    sed -n 's/^\(.*\): \(error\|warning\): .* \[\([^]]*\)\]$/\2 \3 \1/p' "$1" |
        sed "s|$2/||" | sort
}

"$SHENBAO" check -q --max-print 0 "$base" > "$E2E_TMP/base.txt"
check_eq "base declaration exit status" "$?" 0
check_eq "base declaration has no errors or warnings" \
    "$(summarize "$E2E_TMP/base.txt" "$base")" ""
"$SHENBAO" check -q -f json "$base" > "$E2E_TMP/base.json"
check_no_grep "every rule passes on the base" '"status": "fail"' \
    "$E2E_TMP/base.json"
check_no_grep "every rule could be checked on the base" '"status": "skipped"' \
    "$E2E_TMP/base.json"
check_grep "rules are listed as checks" '"status": "pass"' "$E2E_TMP/base.json"

for case in "$top"/tests/fixtures/cases/*/; do
    name=$(basename "$case")
    dir=$E2E_TMP/$name
    cp -r "$base" "$dir"
    (cd "$dir" && . "$top/tests/fixtures/mutate.sh" && . "$case/mutate.sh")
    "$SHENBAO" check -q --max-print 0 "$dir" > "$E2E_TMP/$name.txt" 2>&1
    rc=$?
    exp_rc=1
    [ -f "$case/exit" ] && exp_rc=$(cat "$case/exit")
    check_eq "$name: exit status" "$rc" "$exp_rc"
    got=$(summarize "$E2E_TMP/$name.txt" "$dir")
    exp=$(grep -v '^#' "$case/expected" | sed '/^$/d' | sort)
    if [ "$got" = "$exp" ]; then
        pass
    else
        fail "$name: findings differ"
        printf '  expected:\n%s\n  got:\n%s\n' "$exp" "$got" | sed 's/^/    /'
    fi
    if [ -f "$case/messages" ]; then
        while IFS= read -r m; do
            check_grep "$name: message" "$m" "$E2E_TMP/$name.txt"
        done < "$case/messages"
    fi
done
# Every rule of the edition has a case that fails it.
for id in $(awk -F, 'NR > 1 { print $1 }' "$top/pipeline/forms/platform-2023/rules.csv"); do
    if grep -q "rule\.$id " "$top"/tests/fixtures/cases/*/expected; then
        pass
    else
        fail "rule $id has no failing fixture"
    fi
done
finish
