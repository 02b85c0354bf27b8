#!/bin/sh
# Record the expected output of Lua test programs from the real Lua 5.4.
# Run from the repository root:  sh tests/lua/record.sh [tests/lua/NAME.lua ...]
# Writes NAME.expected (stdout), and for programs that fail, NAME.exit (the
# status) and NAME.stderr (the first line of stderr).
set -u
[ $# -eq 0 ] && set -- tests/lua/*.lua
for f in "$@"; do
  base=${f%.lua}
  lua5.4 "$f" > "$base.expected" 2> /tmp/lua_record_err
  status=$?
  rm -f "$base.exit" "$base.stderr"
  if [ $status -ne 0 ]; then
    echo $status > "$base.exit"
    head -n 1 /tmp/lua_record_err > "$base.stderr"
  fi
done
