#!/bin/sh
# Records NAME.expected for LFE test programs that have no .erl twin by
# running NAME.lfe on the real LFE, built from an lfe/lfe checkout with
# erlc (LFE's src/*.erl need only Erlang/OTP). Nothing of LFE is committed.
# Usage: tests/lfe/record-lfe.sh LFE_CHECKOUT NAME...
set -e
lfe=$(cd "$1" && pwd)
shift
cd "$(dirname "$0")"
tmp=$(mktemp -d)
mkdir "$tmp/ebin"
# The compile options LFE's Makefile takes from get_comp_opts.escript.
erlc -I "$lfe/include" -I "$lfe/src" -o "$tmp/ebin" -DHAS_MAPS=true \
  -DHAS_FULL_KEYS=true -DNEW_REC_CORE=true -DNEW_RAND=true \
  -DNEW_BOOL_GUARD=true -DHAS_FLOOR=true -DHAS_CEIL=true \
  -DNEW_STACKTRACE=true -DEEP48=true "$lfe"/src/*.erl
for n in "$@"; do
  erl -noshell -pa "$tmp/ebin" -eval \
    "{ok,_} = lfe_comp:file(\"$n.lfe\", [report,{outdir,\"$tmp\"}]), code:add_patha(\"$tmp\"), $n:main(), halt()." \
    > "$n.expected"
done
rm -rf "$tmp"
