#!/bin/sh
# Runs fixtures through an eubeam binary and reports which differ (a quick
# loop for development; cli/tests/elixir.rs is the real test).
EUBEAM=${EUBEAM:-eubeam}
cd "$(dirname "$0")" || exit 1
if [ $# -eq 0 ]; then set -- $(ls *.exs | sed 's/\.exs$//'); fi
pass=0; fail=0
for name in "$@"; do
    out=$(timeout 20 "$EUBEAM" run "$name.exs" 2>/tmp/eubeam_check_stderr)
    status=$?
    want=0; [ -f "$name.exit" ] && want=$(cat "$name.exit")
    if [ "$out" = "$(cat "$name.expected")" ] && [ $status -eq $want ]; then
        pass=$((pass+1))
    else
        fail=$((fail+1)); echo "FAIL $name (exit $status, want $want)"
    fi
done
echo "$pass passed, $fail failed"
