#!/bin/sh
# tests/e2e/charts_pixels.sh: each demo chart rendered small (480×270,
# 0.5 px/pt) against its baseline in tests/fixtures/charts, by RMS of the
# pixel difference on 0–255 (matplotlib's compare_images), tolerance
# $SB_RMS_TOL (default 2). Differing renders are kept in
# $SB_BUILD/charts-pixels/ for a look.
#
# Baselines depend on the fonts in fonts/ and on the cairo, pango,
# freetype and pixman versions (recorded in tests/fixtures/charts/
# VERSIONS). After a deliberate change, regenerate them with
# `make rebaseline` (this script with SB_REBASELINE=1) and review the
# changed PNGs before committing.
set -u
build=${SB_BUILD:?SB_BUILD is not set}
demo=$build/tools/chart_demo
top=$(cd "$(dirname "$0")/../.." && pwd)
fixtures=$top/tests/fixtures/charts
tol=${SB_RMS_TOL:-2}
passed=0
failed=0

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! "$demo" --small "$out"; then
    echo "FAIL: chart_demo --small"
    echo "0 passed, 1 failed"
    exit 1
fi

versions() {
    for p in cairo pango freetype2 pixman-1 fontconfig; do
        printf '%s %s\n' "$p" "$(pkg-config --modversion "$p" 2>/dev/null)"
    done
    (cd "$top/fonts" && sha256sum FandolHei-Regular.otf)
}

if [ "${SB_REBASELINE:-}" = 1 ]; then
    mkdir -p "$fixtures"
    rm -f "$fixtures"/*.png
    cp "$out"/*.png "$fixtures"/
    versions >"$fixtures/VERSIONS"
    n=$(ls "$fixtures"/*.png | wc -l)
    echo "rebaselined $n charts in tests/fixtures/charts"
    echo "$n passed, 0 failed"
    exit 0
fi

if ! versions | cmp -s - "$fixtures/VERSIONS"; then
    echo "note: library or font versions differ from the baselines':"
    versions | diff "$fixtures/VERSIONS" - | sed 's/^/    /'
fi
for png in "$out"/*.png; do
    n=${png##*/}
    if [ ! -f "$fixtures/$n" ]; then
        echo "FAIL: no baseline for $n (make rebaseline)"
        failed=$((failed + 1))
        continue
    fi
    rms=$("$demo" --rms "$fixtures/$n" "$png") || rms=999
    if awk -v r="$rms" -v t="$tol" 'BEGIN { exit !(r <= t) }'; then
        passed=$((passed + 1))
    else
        echo "FAIL: $n differs from its baseline: RMS $rms > $tol"
        mkdir -p "$build/charts-pixels"
        cp "$png" "$build/charts-pixels/$n"
        failed=$((failed + 1))
    fi
done
for b in "$fixtures"/*.png; do
    [ -f "$out/${b##*/}" ] || {
        echo "FAIL: baseline ${b##*/} has no chart"
        failed=$((failed + 1))
    }
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
