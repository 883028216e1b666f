#!/bin/sh
# End-to-end: `shenbao build -o OUT` writes its outputs as one unit
# (pipeline/base/outset.h). After any kill -9, OUT holds either the whole
# previous set or the whole new one, byte for byte; what killed runs left
# beside it is removed by the next run; a second build into the same OUT
# while one runs exits 2 and changes nothing; a directory that is not an
# output set is never replaced.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

# Two small declarations whose sets differ: the first 80 rows of the
# real green-design list, and the same with one product renamed.
for v in a b; do
    mkdir -p "$T/$v/annex"
    cp inputs/green-design/form.csv "$T/$v/"
    head -n 80 inputs/green-design/annex/miit-green-design-products.csv \
        > "$T/$v/annex/products.csv"
done
sed -i '5s/,[^,]*,/,改名的企业,/' "$T/b/annex/products.csv"
for v in a b; do
    "$SHENBAO" build -q -o "$T/ref-$v" "$T/$v" > /dev/null 2>&1
    check_eq "reference set $v built" "$?" 1
done
rm -f "$T"/.ref-*.lock
if diff -rq "$T/ref-a" "$T/ref-b" > /dev/null; then
    fail "the two reference sets must differ"
else
    pass
fi

# which DIR: "a" or "b" when DIR equals that reference set byte for byte.
which() {
    if diff -r "$1" "$T/ref-a" > /dev/null 2>&1; then
        echo a
    elif diff -r "$1" "$T/ref-b" > /dev/null 2>&1; then
        echo b
    else
        echo mixed
    fi
}

# How long a build takes here, so that the kills spread over it.
start=$(date +%s%N)
"$SHENBAO" build -q -o "$T/out" "$T/a" > /dev/null 2>&1
ms=$((($(date +%s%N) - start) / 1000000))
check_eq "first build is set a" "$(which "$T/out")" a

# 40 kills at moments spread evenly over 0 .. 1.25 × the build time.
old=0
new=0
cur=a
i=0
while [ "$i" -lt 40 ]; do
    if [ "$cur" = a ]; then next=b; else next=a; fi
    delay=$((ms * 125 * i / 4000))
    "$SHENBAO" build -q -o "$T/out" "$T/$next" > /dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v d="$delay" 'BEGIN { printf "%.3f", d / 1000 }')"
    kill -9 "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
    got=$(which "$T/out")
    if [ "$got" = "$cur" ]; then
        old=$((old + 1))
    elif [ "$got" = "$next" ]; then
        new=$((new + 1))
        cur=$next
    else
        fail "kill $i after ${delay} ms: $T/out is a mix of two sets"
        ls -la "$T/out" | sed 's/^/    /'
        break
    fi
    pass
    i=$((i + 1))
done
echo "kills: $old left the previous set, $new the new one (build ${ms} ms)"
check "some kills landed before the swap" test "$old" -gt 0
check "some kills landed after the swap" test "$new" -gt 0

# The next run cleans up after the killed ones.
"$SHENBAO" build -q -o "$T/out" "$T/a" > /dev/null 2>&1
check_eq "a build after the kills is set a" "$(which "$T/out")" a
check_eq "no staging or old set is left beside OUT" \
    "$(ls -a "$T" | grep -E '^\.out\.(staging|old)-' || true)" ""

# A second build into the same OUT while the first runs: exit 2, and
# the first one's set lands whole.
"$SHENBAO" build -q -o "$T/out" "$T/b" > /dev/null 2>&1 &
pid=$!
n=0
while [ -z "$(ls -a "$T" | grep -E '^\.out\.staging-')" ] && [ "$n" -lt 500 ]; do
    sleep 0.01
    n=$((n + 1))
done
"$SHENBAO" build -q -o "$T/out" "$T/a" > "$T/second.txt" 2>&1
check_eq "a second build into a locked OUT exits 2" "$?" 2
check_grep "it says another run is writing OUT" 'another shenbao run is writing' \
    "$T/second.txt"
wait "$pid"
check_eq "the first build's set lands whole" "$(which "$T/out")" b

# A run that fails (here: no faces) leaves the previous set as it was.
"$SHENBAO" build -q --fonts "$T/no-fonts" -o "$T/out" "$T/a" > "$T/fail.txt" 2>&1
check_eq "a failed build exits 2" "$?" 2
check_eq "and leaves the previous set whole" "$(which "$T/out")" b
check_eq "and no staging directory" \
    "$(ls -a "$T" | grep -E '^\.out\.(staging|old)-' || true)" ""

# A folder that is not an output set is never swapped away.
mkdir -p "$T/mine"
echo keep > "$T/mine/notes.txt"
"$SHENBAO" build -q -o "$T/mine" "$T/a" > "$T/mine.txt" 2>&1
check_eq "a non-empty folder without check.json is refused (exit 2)" "$?" 2
check_eq "and is left as it was" "$(cat "$T/mine/notes.txt")" keep
check_grep "the refusal says why" 'not an output of shenbao' "$T/mine.txt"
finish
