#!/bin/sh
# Records expected/ from the real LFE and ltest (see README.md).
# usage: LTEST_EBIN=DIR ./record.sh LFE_EBIN   (from this folder)
set -e
ebin=$1
rec=$(mktemp -d)
for f in *.lfe; do
  erl -noshell -pa "$ebin" -pa "$LTEST_EBIN" -eval "{ok,_}=lfe_comp:file(\"$f\",[{outdir,\"$rec\"}]), halt()." >/dev/null 2>&1
done
for m in calc-tests ltest-asserts-tests; do
  erl -noshell -pa "$ebin" -pa "$rec" -eval "io:format(\"~p~n\", [eunit:test('$m', [verbose])]), halt()." > expected/$m.verbose.txt
  erl -noshell -pa "$ebin" -pa "$rec" -eval "io:format(\"~p~n\", [eunit:test('$m')]), halt()." > expected/$m.txt
done
erl -noshell -pa "$ebin" -pa "$rec" -eval "eunit:test(['calc-tests', 'ltest-asserts-tests'], []), halt()." > expected/eubeam_test.txt
rm -rf "$rec"
