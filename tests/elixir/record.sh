#!/bin/sh
# Records the expected output of Elixir fixtures from the real `elixir`.
cd "$(dirname "$0")" || exit 1
if [ $# -eq 0 ]; then set -- $(ls *.exs | sed 's/\.exs$//'); fi
for name in "$@"; do
    elixir "$name.exs" > "$name.expected" 2> /tmp/elixir_record_stderr
    status=$?
    rm -f "$name.exit" "$name.stderr_contains"
    if [ $status -ne 0 ]; then
        echo $status > "$name.exit"
        grep '^\*\* (' /tmp/elixir_record_stderr | head -1 > "$name.stderr_contains"
    fi
done
