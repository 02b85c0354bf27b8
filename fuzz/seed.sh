#!/usr/bin/env bash
# Seed the fuzz corpora from the repository's own programs (and, when erl is
# installed, from term_to_binary of a few terms of every type).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/erlang_parse corpus/ir_compile corpus/binary_to_term \
  corpus/elixir_compile corpus/lfe_compile corpus/gleam_compile corpus/lua_compile
# seed TARGET FILE...: copy each file into the target's corpus.
seed() {
  local target="$1"; shift
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "corpus/$target/$(echo "$f" | tr '/.' '__')"
  done
}
shopt -s globstar nullglob
seed elixir_compile ../examples/*/main.exs ../tests/elixir/**/*.exs ../frontends/elixir/lib/*.ex
seed lfe_compile ../examples/*/main.lfe ../tests/lfe/**/*.lfe
seed gleam_compile ../examples/*/main.gleam ../tests/gleam/**/*.gleam ../frontends/gleam/lib/**/*.gleam
seed lua_compile ../examples/*/main.lua ../tests/lua/**/*.lua
for f in ../examples/*/main.erl ../tests/programs/*.erl ../frontends/erlang/lib/*.erl; do
  [ -f "$f" ] || continue
  name="$(echo "$f" | tr '/.' '__')"
  cp "$f" "corpus/erlang_parse/$name"
  cp "$f" "corpus/ir_compile/$name"
done
if command -v erl >/dev/null 2>&1; then
  erl -noshell -eval '
    Terms = [0, -1, 255, 256, 1 bsl 70, -(1 bsl 70), 1.5, -0.0, atom, '"'"'Ünïcode'"'"',
             [], [1,2,3], [a|b], "string", {}, {a, [b], #{c => d}}, <<>>, <<1,2,3>>,
             <<1:3>>, binary:copy(<<7>>, 100), maps:from_list([{K, K} || K <- lists:seq(1, 40)]),
             self(), make_ref(), fun erlang:abs/1],
    lists:foreach(fun({N, T}) ->
        file:write_file("corpus/binary_to_term/t" ++ integer_to_list(N), term_to_binary(T)),
        file:write_file("corpus/binary_to_term/c" ++ integer_to_list(N), term_to_binary(T, [compressed]))
      end, lists:zip(lists:seq(1, length(Terms)), Terms)),
    halt().'
else
  printf '\x83\x6a' > corpus/binary_to_term/nil
fi
echo "seeded: $(ls corpus/erlang_parse | wc -l) Erlang sources, $(ls corpus/binary_to_term | wc -l) ETF terms," \
  "$(ls corpus/elixir_compile | wc -l) Elixir, $(ls corpus/lfe_compile | wc -l) LFE," \
  "$(ls corpus/gleam_compile | wc -l) Gleam, $(ls corpus/lua_compile | wc -l) Lua sources"
