-module(phash_terms).
-export([main/0]).
-compile([{nowarn_deprecated_function, [{erlang, phash, 2}]}]).

terms() ->
    [a, ok, '', 'hello world', 'éa', 'Ω', [], {}, [a], [a, b], "abc", "abcd", "abcde",
     [1, 2, 3, 300], [300 | 4], [1 | 2], "ab" ++ [a | "cd"], {a, b}, {1, {2, [3]}},
     0, 1, -1, 42, 255, 256, -256, 134217727, 134217728, -134217728, -134217729,
     16#7fffffff, 16#ffffffff, 16#100000000, 1 bsl 59, -(1 bsl 59), 1 bsl 60,
     1 bsl 64, -(1 bsl 64), 123456789012345678901234567890, -(1 bsl 100),
     0.0, -0.0, 1.0, -1.5, 3.14159, 1.0e300, 2.5e-10,
     <<>>, <<1>>, <<1, 2, 3>>, <<"hello world!">>, <<"hello world!!">>,
     <<"0123456789abcdefghijklmnopqrstuvwxyz">>, <<1:1>>, <<5:3>>, <<1, 2, 7:4>>,
     #{}, #{a => 1}, #{a => 1, b => 2}, #{1 => [x], {t} => <<"b">>, "s" => 2.0},
     maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]),
     fun lists:map/2, fun erlang:abs/1,
     {dict, [{k, v}]}, [{a, 1}, {b, 2}], lists:seq(1, 20), [[], [[]]], {[], {}}].

main() ->
    lists:foreach(
      fun(T) ->
              io:format("~w ~w ~w ~w ~w~n",
                        [erlang:phash2(T), erlang:phash2(T, 97),
                         erlang:phash(T, 16#ffffffff), erlang:phash(T, 1000),
                         erlang:phash2(T, 1 bsl 32)])
      end, terms()),
    Err = fun(F) -> try F() catch error:R -> R end end,
    io:format("~w~n", [[Err(fun() -> erlang:phash(a, 0) end),
                        Err(fun() -> erlang:phash2(a, 0) end),
                        Err(fun() -> erlang:phash2(a, (1 bsl 32) + 1) end),
                        erlang:phash(a, 1 bsl 32),
                        Err(fun() -> erlang:phash(a, x) end)]]),
    io:format("~w~n", [[erlang:append_element({a, b}, c), erlang:append_element({}, [1]),
                        Err(fun() -> erlang:append_element(x, 1) end)]]),
    io:format("~w~n", [[erlang:make_tuple(3, a), erlang:make_tuple(0, a),
                        erlang:make_tuple(4, [], [{2, x}, {4, y}, {2, z}]),
                        Err(fun() -> erlang:make_tuple(-1, a) end),
                        Err(fun() -> erlang:make_tuple(2, a, [{3, b}]) end)]]).
