#!/bin/sh
# End-to-end: one message prefix (issue 17). Failing invocations (an
# unknown option, an unknown command, a missing directory, a bad
# --format, a bad --form, an unreadable file) exit 2, and every line
# they print on stderr starts "shenbao: " but the hint naming --help
# ("Try 'shenbao CMD --help'."); a usage error names its option.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP
cp -r inputs/sample "$T/s"
chmod 000 "$T/s/form.csv"
n=0
for inv in "check --bogus inputs/sample" "chekc inputs/sample" \
           "check $T/nowhere" "check -f yaml inputs/sample" \
           "inspect --form nope inputs/sample/annex/devices.csv" "inspect $T/nowhere.csv" \
           "xlsx -o $T/x.xlsx" "diff $T/none.json $T/none2.json"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    "$SHENBAO" $inv > /dev/null 2> "$T/e$n"
    check_eq "$inv: exit 2" "$?" 2
    check_grep "$inv: a message" '^shenbao: ' "$T/e$n"
    grep -Ev "^(shenbao: |Try 'shenbao( [a-z]+)? --help'\.$)" "$T/e$n" > "$T/bad$n"
    check_eq "$inv: no unprefixed line" "$(wc -l < "$T/bad$n")" 0
done
if [ "$(id -u)" -ne 0 ]; then
    "$SHENBAO" check -q "$T/s" > /dev/null 2> "$T/u"
    check_eq "an unreadable form.csv: exit 2" "$?" 2
    check_grep "named, prefixed" '^shenbao: .*form.csv' "$T/u"
fi
check_grep "an unknown option names the option" '^shenbao: check: unknown option "--bogus"' "$T/e1"
check_grep "a bad --format names the option" '^shenbao: check: --format: ' "$T/e4"
finish
