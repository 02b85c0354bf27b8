#!/bin/sh
# Parser completeness against OTP's own code (issue 5, "must show"):
# `eubeam check` on every .erl file of OTP's stdlib and kernel, then
# `eubeam ir` piped to `erlc +from_core` for each. The sources are read in
# place (Debian: `apt-get install erlang-src`), never copied into the repo.
#
#   tests/otp/otp_parse.sh [EUBEAM] [OTP_LIB_DIR]
#
# Prints one line per failure and the two figures; the failures and figures
# are recorded in spec/erlang.md. Exit status 0 always (it reports).
set -u
EUBEAM=${1:-target/debug/eubeam}
LIB=${2:-/usr/lib/erlang/lib}
STDLIB=$(ls -d "$LIB"/stdlib-* | sort -V | tail -1)
KERNEL=$(ls -d "$LIB"/kernel-* | sort -V | tail -1)
if [ ! -d "$STDLIB/src" ] || [ ! -d "$KERNEL/src" ]; then
    echo "no OTP sources under $LIB (apt-get install erlang-src)" >&2
    exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
INC="-I $STDLIB/include -I $KERNEL/include -I $STDLIB/src -I $KERNEL/src"
total=0; checked=0; ir_ok=0
for f in "$STDLIB"/src/*.erl "$KERNEL"/src/*.erl; do
    total=$((total + 1))
    name=$(basename "$f" .erl)
    # shellcheck disable=SC2086
    if ! timeout 60 "$EUBEAM" check $INC "$f" >/dev/null 2>"$TMP/err"; then
        echo "check failed: $f: $(grep -m1 'error' "$TMP/err")"
        continue
    fi
    checked=$((checked + 1))
    mkdir -p "$TMP/$name"
    # shellcheck disable=SC2086
    if ! timeout 60 "$EUBEAM" ir $INC "$f" >"$TMP/$name/$name.core" 2>"$TMP/err"; then
        echo "ir failed: $f: $(grep -m1 'error' "$TMP/err")"
        continue
    fi
    if (cd "$TMP/$name" && timeout 300 erlc +from_core "$name.core" >"$TMP/erlc" 2>&1); then
        ir_ok=$((ir_ok + 1))
    else
        echo "erlc +from_core rejected: $f: $(grep -v Warning "$TMP/erlc" | head -1)"
    fi
    rm -rf "${TMP:?}/$name"
done
echo "eubeam check: $checked/$total pass"
echo "erlc +from_core accepts eubeam ir: $ir_ok/$total"
