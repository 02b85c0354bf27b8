-module(unicode_gc).
-export([main/0]).

%% unicode_util:gc/1, the first extended grapheme cluster: combining marks,
%% CR LF, regional-indicator flags, a ZWJ emoji sequence, Hangul jamo, a
%% string that is not UTF-8 after its first cluster, and stepping through
%% long binaries cluster by cluster. (Indic conjuncts are left out: OTP 25
%% follows Unicode 14, we follow Unicode 16, which joins them.)
main() ->
    Cases = [<<"e\x{301}x"/utf8>>, "e\x{301}x", <<>>, [], <<"ab">>, "\r\nx",
             <<16#1F1EB/utf8, 16#1F1F7/utf8, "z">>, <<255, 1>>,
             <<16#1F469/utf8, 16#200D/utf8, 16#1F469/utf8, 16#200D/utf8, 16#1F467/utf8, "!">>,
             <<16#1100/utf8, 16#1161/utf8, 16#11A8/utf8, "k">>,
             <<"a", 255>>, <<16#1F44B/utf8, 16#1F3FD/utf8>>],
    [io:format("~w~n", [unicode_util:gc(C)]) || C <- Cases],
    Long = binary:copy(<<"e\x{301}"/utf8>>, 100),
    io:format("~w~n", [walk(Long, 0)]),
    Comb = <<"a", (binary:copy(<<16#301/utf8>>, 100))/binary, "b">>,
    [G | R] = unicode_util:gc(Comb),
    io:format("~w ~w~n", [length(G), R]).

walk(B, N) ->
    case unicode_util:gc(B) of
        [] -> N;
        [_ | R] -> walk(R, N + 1)
    end.
