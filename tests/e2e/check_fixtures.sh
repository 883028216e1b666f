#!/bin/sh
# End-to-end, for every edition pipeline/forms/<edition>/ that has
# fixtures (tests/fixtures/<edition>/base): `shenbao check` on the base
# declaration (which names the edition; clean: every rule passes) and
# on each defect fixture tests/fixtures/<edition>/cases/<name>/, which
# is the base changed by the case's mutate.sh (with the helpers of
# tests/fixtures/mutate.sh). The errors and warnings found must be
# exactly the lines of its `expected` file:
#     <severity> <code> <file relative to the declaration>:<row>:<col>
# (":<row>:<col>" left out for findings without a row), the exit status
# the one in its `exit` file (default 1), and each line of its
# `messages` file (if any) must appear in the report; a case's `args`
# file holds options to give check (e.g. --form). Every rule of the
# edition's rules.csv must be failed by some case.
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)

# Errors and warnings of a text report, one "sev code file:row:col" line
# each, the declaration directory stripped from the path.
summarize() {
    sed -n 's/^\(.*\): \(error\|warning\): .* \[\([^]]*\)\]$/\2 \3 \1/p' "$1" |
        sed "s|$2/||" | sort
}

# check_edition EDITION: the base and every case of one edition.
check_edition() {
    ed=$1
    fx=$top/tests/fixtures/$ed
    base=$fx/base
    out=$E2E_TMP/$ed
    mkdir -p "$out"
    check_grep "$ed: the base names its edition" \
        "^edition,\"?[^,]*\"?,\"?$ed\"?\$" "$base/form.csv"
    "$SHENBAO" check -q --max-print 0 "$base" > "$out/base.txt"
    check_eq "$ed: base declaration exit status" "$?" 0
    check_eq "$ed: base declaration has no errors or warnings" \
        "$(summarize "$out/base.txt" "$base")" ""
    "$SHENBAO" check -q -f json "$base" > "$out/base.json"
    check_no_grep "$ed: every rule passes on the base" '"status": "fail"' \
        "$out/base.json"
    check_no_grep "$ed: every rule could be checked on the base" \
        '"status": "skipped"' "$out/base.json"
    check_grep "$ed: rules are listed as checks" '"status": "pass"' \
        "$out/base.json"

    n_cases=0
    for case in "$fx"/cases/*/; do
        [ -f "$case/mutate.sh" ] || continue
        n_cases=$((n_cases + 1))
        name=$(basename "$case")
        dir=$out/$name
        cp -r "$base" "$dir"
        (cd "$dir" && . "$top/tests/fixtures/mutate.sh" && . "$case/mutate.sh")
        args=
        [ -f "$case/args" ] && args=$(cat "$case/args")
        # shellcheck disable=SC2086 # args: options, split on purpose
        "$SHENBAO" check -q --max-print 0 $args "$dir" > "$out/$name.txt" 2>&1
        rc=$?
        exp_rc=1
        [ -f "$case/exit" ] && exp_rc=$(cat "$case/exit")
        check_eq "$ed/$name: exit status" "$rc" "$exp_rc"
        got=$(summarize "$out/$name.txt" "$dir")
        exp=$(grep -v '^#' "$case/expected" | sed '/^$/d' | sort)
        if [ "$got" = "$exp" ]; then
            pass
        else
            fail "$ed/$name: findings differ"
            printf '  expected:\n%s\n  got:\n%s\n' "$exp" "$got" |
                sed 's/^/    /'
        fi
        if [ -f "$case/messages" ]; then
            while IFS= read -r m; do
                check_grep "$ed/$name: message" "$m" "$out/$name.txt"
            done < "$case/messages"
        fi
    done
    check "$ed: has defect cases" [ "$n_cases" -gt 0 ]

    # Every rule of the edition has a case that fails it.
    for id in $(awk -F, 'NR > 1 { print $1 }' \
                    "$top/pipeline/forms/$ed/rules.csv"); do
        if cat "$fx"/cases/*/expected | grep -q "rule\.$id "; then
            pass
        else
            fail "$ed: rule $id has no failing fixture"
        fi
    done
}

editions=0
for form in "$top"/pipeline/forms/*/; do
    ed=$(basename "$form")
    [ -d "$top/tests/fixtures/$ed/base" ] || continue
    editions=$((editions + 1))
    check_edition "$ed"
done
check "fixtures for at least two editions" [ "$editions" -ge 2 ]
finish
