#!/bin/sh
# Records NAME.expected for each LFE test program from the real Erlang/OTP:
# NAME.erl is the same program written in Erlang (LFE itself is not
# installed here). Usage: tests/lfe/record.sh [NAME...] (default: all).
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
names=${*:-$(ls *.erl | sed 's/\.erl$//')}
for n in $names; do
  erlc -o "$tmp" "$n.erl"
  erl -noshell -pa "$tmp" -eval "$n:main(), halt()." > "$n.expected"
done
rm -rf "$tmp"
