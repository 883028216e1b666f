#!/bin/sh
# End-to-end: reading an annex in two parts on two threads (a file of 8
# MiB or more, see sb_annex_open) must give exactly what reading it in
# order gives. SHENBAO_SPLIT_MIN=1 splits every file, however small, at
# its middle line; --threads 1 reads every file in order. Both runs of
# `shenbao check` must print the same JSON (every finding, position and
# message, the omitted counts under a small --max-findings cap, every
# rule result) and the same text, with the same exit status, on: the
# base declaration, every defect fixture, the bundled inputs, and
# variants made here for what only a split can get wrong (a duplicate
# whose rows lie in both halves or only in the second, blank lines and
# rows, quotes and invalid bytes in one half, money that does not add
# up exactly in another order, a last line without a line break).
. "$(dirname "$0")/lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
base=$top/tests/fixtures/platform-2023/base

# same NAME DIR: both ways must agree.
same() {
    for fmt in json text; do
        SHENBAO_SPLIT_MIN=1 "$SHENBAO" check -q -f "$fmt" --max-findings 3 \
            --max-print 0 "$2" >"$E2E_TMP/split.out" 2>&1
        rc1=$?
        "$SHENBAO" check -q -f "$fmt" --max-findings 3 --max-print 0 \
            --threads 1 "$2" >"$E2E_TMP/order.out" 2>&1
        rc2=$?
        check_eq "$1 ($fmt): exit status split = in order" "$rc1" "$rc2"
        if cmp -s "$E2E_TMP/split.out" "$E2E_TMP/order.out"; then
            pass
        else
            fail "$1 ($fmt): split and in-order reports differ"
            diff "$E2E_TMP/order.out" "$E2E_TMP/split.out" | head -n 20 |
                sed 's/^/    /'
        fi
    done
}

# variant NAME COMMANDS: a copy of the base changed by COMMANDS (run in
# it with the fixture helpers), then compared.
variant() {
    dir=$E2E_TMP/v-$1
    rm -rf "$dir"
    cp -r "$base" "$dir"
    (cd "$dir" && . "$top/tests/fixtures/mutate.sh" && eval "$2")
    same "$1" "$dir"
}

same base "$base"
same sample "$top/inputs/sample"
same green-design "$top/inputs/green-design"
for case in "$top"/tests/fixtures/platform-2023/cases/*/; do
    name=$(basename "$case")
    dir=$E2E_TMP/$name
    cp -r "$base" "$dir"
    (cd "$dir" && . "$top/tests/fixtures/mutate.sh" && . "$case/mutate.sh")
    same "$name" "$dir"
done

d=annex/devices.csv
n=$(wc -l <"$top/tests/fixtures/platform-2023/base/$d")
variant dup-across "set_cell $d $n 2 \$(get_cell $d 3 2)"
variant dup-second-half "set_cell $d $n 2 \$(get_cell $d $((n - 1)) 2)"
variant dup-both-halves "set_cell $d $((n - 1)) 2 \$(get_cell $d 2 2);
    set_cell $d $n 2 \$(get_cell $d 2 2)"
variant blank-second-half "printf '\n\n,,,,,,,,,\n' >>$d"
variant blank-both-halves "printf '\n,,,,,,,,,\n' >>$d;
    awk 'NR == 4 { print \"\" } 1' $d >$d.new && mv $d.new $d"
variant quote-second-half "set_cell $d $n 3 '\"名称,带逗号\"'"
variant quote-first-half "set_cell $d 3 3 '\"名称,带逗号\"'"
variant runaway-second-half "set_cell $d $n 3 '\"没有闭合'"
variant invalid-byte-second-half "set_cell $d $n 3 \$(printf 'a\\377b')"
variant dup-many "awk -F, -v OFS=, 'NR > 1 && NR % 3 == 0 { \$2 = \"ID\" (NR % 5) } 1' \
    $d >$d.new && mv $d.new $d"
variant crlf "sed 's/\$/\r/' $d >$d.new && mv $d.new $d"
variant no-final-newline "head -c -1 $d >$d.new && mv $d.new $d"
variant money-inexact "e=annex/enterprises.csv;
    awk -F, -v OFS=, 'NR > 1 { \$8 = NR \".345678\" } 1' \$e >\$e.new &&
    mv \$e.new \$e"
variant ragged-second-half "printf '1,2,3\n' >>$d"

finish
