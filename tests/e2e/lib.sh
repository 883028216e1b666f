# tests/e2e/lib.sh: assertions for end-to-end tests (sourced by each
# tests/e2e/*.sh). Each check prints nothing when it passes and a FAIL
# line when it does not; `finish` prints "N passed, N failed" and sets
# the exit status. $SHENBAO is the binary under test (tests/run.sh).
: "${SHENBAO:?run through tests/run.sh or set SHENBAO}"
e2e_passed=0
e2e_failed=0
E2E_TMP=$(mktemp -d)
trap 'rm -rf "$E2E_TMP"' EXIT

pass() { e2e_passed=$((e2e_passed + 1)); }
fail() {
    e2e_failed=$((e2e_failed + 1))
    echo "FAIL: $*"
}

# check DESCRIPTION COMMAND...: the command must succeed.
check() {
    d=$1
    shift
    if "$@"; then pass; else fail "$d"; fi
}

# check_eq DESCRIPTION GOT EXPECTED
check_eq() {
    if [ "$2" = "$3" ]; then
        pass
    else
        fail "$1: got [$2], expected [$3]"
    fi
}

# check_grep DESCRIPTION PATTERN FILE: an extended regex must match.
check_grep() {
    if grep -Eq -- "$2" "$3"; then
        pass
    else
        fail "$1: /$2/ not found in $3"
    fi
}

# check_no_grep DESCRIPTION PATTERN FILE
check_no_grep() {
    if grep -Eq -- "$2" "$3"; then
        fail "$1: /$2/ found in $3"
    else
        pass
    fi
}

# limit_memory KB: cap the address space of this (sub)shell at KB, as
# `ulimit -v` does; not under AddressSanitizer, which reserves terabytes
# of address space at start (there the release build's run holds the
# bound, the ASan run the memory safety).
limit_memory() {
    case "$SHENBAO" in
    */asan/*) ;;
    *) ulimit -v "$1" ;;
    esac
}

finish() {
    echo "$e2e_passed passed, $e2e_failed failed"
    [ "$e2e_failed" -eq 0 ]
}
