%% The string module (OTP 20+ API and the old list API), our own code from
%% OTP 25's documentation, checked against erl.
%%
%% Strings are chardata. Every function first flattens its argument to a
%% list of code points; results come back as a binary when the argument was
%% a binary and as a flat list otherwise (OTP sometimes returns deeper
%% chardata for deep input; the characters are the same). Graphemes are
%% simplified: "\r\n" is one grapheme, as is a character followed by
%% combining marks (U+0300..U+036F, U+1AB0..U+1AFF, U+1DC0..U+1DFF,
%% U+20D0..U+20FF, U+FE20..U+FE2F); other extended clusters (emoji
%% sequences, Hangul syllable blocks) count per code point.
-module(string).
-export([is_empty/1, length/1, to_graphemes/1, reverse/1, equal/2, equal/3,
         equal/4, slice/2, slice/3, pad/2, pad/3, pad/4, trim/1, trim/2,
         trim/3, chomp/1, take/2, take/3, take/4, titlecase/1, to_integer/1,
         to_float/1, prefix/2, split/2, split/3, replace/3, replace/4,
         lexemes/2, nth_lexeme/3, find/2, find/3, next_grapheme/1,
         next_codepoint/1, len/1, concat/2, chr/2, rchr/2, str/2, rstr/2,
         span/2, cspan/2, substr/2, substr/3, sub_string/2, sub_string/3,
         tokens/2, chars/2, chars/3, copies/2, words/1, words/2, sub_word/2,
         sub_word/3, strip/1, strip/2, strip/3, left/2, left/3, right/2,
         right/3, centre/2, centre/3, join/2, list_to_integer/1,
         list_to_float/1]).

%% ---- helpers ----

cps(S) when is_list(S); is_binary(S) ->
    case unicode:characters_to_list(S) of
        L when is_list(L) -> L;
        _ -> erlang:error(badarg, [S])
    end.

%% The result in the argument's type.
back(Orig, L) when is_binary(Orig) -> unicode:characters_to_binary(L);
back(_, L) -> L.

is_mark(C) ->
    (C >= 16#300 andalso C =< 16#36F) orelse (C >= 16#1AB0 andalso C =< 16#1AFF)
        orelse (C >= 16#1DC0 andalso C =< 16#1DFF)
        orelse (C >= 16#20D0 andalso C =< 16#20FF)
        orelse (C >= 16#FE20 andalso C =< 16#FE2F).

%% One grapheme off a code point list: {Grapheme, Rest}; a grapheme of one
%% code point is that integer, a longer one a list.
grapheme([$\r, $\n | T]) -> {[$\r, $\n], T};
grapheme([C | T]) ->
    case marks(T, []) of
        {[], _} -> {C, T};
        {Ms, Rest} -> {[C | Ms], Rest}
    end.

marks([M | T], Acc) ->
    case is_mark(M) of
        true -> marks(T, [M | Acc]);
        false -> {lists:reverse(Acc), [M | T]}
    end;
marks([], Acc) -> {lists:reverse(Acc), []}.

graphemes([]) -> [];
graphemes(L) ->
    {G, T} = grapheme(L),
    [G | graphemes(T)].

g_cps(G) when is_integer(G) -> [G];
g_cps(G) -> G.

join_g(Gs) -> lists:append([g_cps(G) || G <- Gs]).

whitespace() -> [[$\r, $\n], $\t, $\n, $\v, $\f, $\r, $\s, 16#85, 16#200E,
                 16#200F, 16#2028, 16#2029].

%% Separator lists as graphemes ("\r\n" given as two characters stays two).
seps(Seps) -> [case S of [_ | _] -> S; _ -> S end || S <- Seps].

%% ---- the OTP 20 API ----

is_empty(S) -> cps(S) =:= [].

length(S) -> erlang:length(graphemes(cps(S))).

to_graphemes(S) -> graphemes(cps(S)).

reverse(S) -> lists:reverse(graphemes(cps(S))).

equal(A, B) -> cps(A) =:= cps(B).

equal(A, B, false) -> equal(A, B);
equal(A, B, true) -> casefold(cps(A)) =:= casefold(cps(B)).

equal(A, B, IgnoreCase, _Norm) -> equal(A, B, IgnoreCase).

casefold(S) -> string:casefold(S).

slice(S, Start) -> slice(S, Start, infinity).

slice(S, Start, Len) when is_integer(Start), Start >= 0,
                          (Len =:= infinity orelse (is_integer(Len) andalso Len >= 0)) ->
    Gs = drop(Start, graphemes(cps(S))),
    Taken = case Len of
                infinity -> Gs;
                _ -> take_n(Len, Gs)
            end,
    back(S, join_g(Taken)).

drop(0, L) -> L;
drop(_, []) -> [];
drop(N, [_ | T]) -> drop(N - 1, T).

take_n(0, _) -> [];
take_n(_, []) -> [];
take_n(N, [H | T]) -> [H | take_n(N - 1, T)].

pad(S, Len) -> pad(S, Len, trailing, $\s).
pad(S, Len, Dir) -> pad(S, Len, Dir, $\s).

pad(S, Len, Dir, Char) when is_integer(Len) ->
    N = max(Len - string:length(S), 0),
    case Dir of
        trailing -> [S | lists:duplicate(N, Char)];
        leading -> [lists:duplicate(N, Char), S];
        both ->
            %% As erl: the same padding on both sides, one more character
            %% at the end when N is odd.
            P = lists:duplicate(N div 2, Char),
            [P, S, P | lists:duplicate(N rem 2, Char)]
    end.

trim(S) -> trim(S, both, whitespace()).
trim(S, Dir) -> trim(S, Dir, whitespace()).

trim(S, Dir, Seps0) ->
    Seps = seps(Seps0),
    Gs = graphemes(cps(S)),
    Gs1 = case Dir of
              leading -> drop_seps(Gs, Seps);
              trailing -> lists:reverse(drop_seps(lists:reverse(Gs), Seps));
              both -> lists:reverse(drop_seps(lists:reverse(drop_seps(Gs, Seps)), Seps))
          end,
    back(S, join_g(Gs1)).

drop_seps([G | T] = Gs, Seps) ->
    case lists:member(G, Seps) of
        true -> drop_seps(T, Seps);
        false -> Gs
    end;
drop_seps([], _) -> [].

chomp(S) ->
    L = cps(S),
    back(S, case lists:reverse(L) of
                [$\n, $\r | R] -> lists:reverse(R);
                [$\n | R] -> lists:reverse(R);
                _ -> L
            end).

take(S, Chars) -> take(S, Chars, false, leading).
take(S, Chars, Complement) -> take(S, Chars, Complement, leading).

take(S, Chars0, Complement, Dir) ->
    Chars = seps(Chars0),
    In = fun(G) -> lists:member(G, Chars) =/= Complement end,
    Gs = graphemes(cps(S)),
    case Dir of
        leading ->
            {A, B} = lists:splitwith(In, Gs),
            {back(S, join_g(A)), back(S, join_g(B))};
        trailing ->
            {A, B} = lists:splitwith(In, lists:reverse(Gs)),
            {back(S, join_g(lists:reverse(B))), back(S, join_g(lists:reverse(A)))}
    end.

titlecase(S) ->
    case cps(S) of
        [] -> back(S, []);
        [C | T] ->
            Title = case string:uppercase([C]) of
                        [U] -> [U];
                        [U | Us] -> [U | string:lowercase(Us)]
                    end,
            back(S, Title ++ T)
    end.

to_integer(S) ->
    L = cps(S),
    {Sign, L1} = case L of
                     [$- | R] -> {-1, R};
                     [$+ | R] -> {1, R};
                     _ -> {1, L}
                 end,
    case lists:splitwith(fun(C) -> C >= $0 andalso C =< $9 end, L1) of
        {[], _} -> {error, no_integer};
        {Ds, Rest} -> {Sign * erlang:list_to_integer(Ds), back(S, Rest)}
    end.

to_float(S) ->
    L = cps(S),
    {Sign, L1} = case L of
                     [$- | R] -> {"-", R};
                     [$+ | R] -> {"", R};
                     _ -> {"", L}
                 end,
    IsDigit = fun(C) -> C >= $0 andalso C =< $9 end,
    case lists:splitwith(IsDigit, L1) of
        {[_ | _] = Int, [$. | R1]} ->
            case lists:splitwith(IsDigit, R1) of
                {[_ | _] = Frac, R2} ->
                    {Exp, R3} = float_exp(R2, IsDigit),
                    F = erlang:list_to_float(Sign ++ Int ++ "." ++ Frac ++ Exp),
                    {F, back(S, R3)};
                _ -> {error, no_float}
            end;
        _ -> {error, no_float}
    end.

float_exp([E | R] = L, IsDigit) when E =:= $e; E =:= $E ->
    {ESign, R1} = case R of
                      [$- | R0] -> {"-", R0};
                      [$+ | R0] -> {"+", R0};
                      _ -> {"", R}
                  end,
    case lists:splitwith(IsDigit, R1) of
        {[_ | _] = Ds, R2} -> {"e" ++ ESign ++ Ds, R2};
        _ -> {"", L}
    end;
float_exp(L, _) -> {"", L}.

prefix(S, Prefix) ->
    P = cps(Prefix),
    case lists:prefix(P, cps(S)) of
        true -> back(S, lists:nthtail(erlang:length(P), cps(S)));
        false -> nomatch
    end.

split(S, Pattern) -> split(S, Pattern, leading).

split(S, Pattern, Where) ->
    case cps(Pattern) of
        [] -> [S];
        P ->
            L = cps(S),
            Parts = case Where of
                        leading -> split_first(L, P);
                        trailing -> split_last(L, P);
                        all -> split_all(L, P)
                    end,
            case Parts of
                nomatch -> [S];
                _ -> [back(S, X) || X <- Parts]
            end
    end.

split_first(L, P) ->
    case find_at(L, P, []) of
        nomatch -> nomatch;
        {Before, After} -> [Before, After]
    end.

split_last(L, P) ->
    RP = lists:reverse(P),
    case find_at(lists:reverse(L), RP, []) of
        nomatch -> nomatch;
        {RAfter, RBefore} -> [lists:reverse(RBefore), lists:reverse(RAfter)]
    end.

split_all(L, P) ->
    case find_at(L, P, []) of
        nomatch -> nomatch;
        {Before, After} ->
            case split_all(After, P) of
                nomatch -> [Before, After];
                Rest -> [Before | Rest]
            end
    end.

%% {Before, After} around the first occurrence of P in L. The search steps
%% by code point (erl finds "\n" inside "\r\n"), but a match may not end
%% just before a combining mark.
find_at(L, P, Acc) ->
    case lists:prefix(P, L) of
        true ->
            After = lists:nthtail(erlang:length(P), L),
            case After of
                [M | _] ->
                    case is_mark(M) of
                        true -> find_next(L, P, Acc);
                        false -> {lists:reverse(Acc), After}
                    end;
                [] -> {lists:reverse(Acc), After}
            end;
        false -> find_next(L, P, Acc)
    end.

find_next([C | T], P, Acc) -> find_at(T, P, [C | Acc]);
find_next([], _, _) -> nomatch.

replace(S, Pattern, Replacement) -> replace(S, Pattern, Replacement, leading).

replace(S, Pattern, Replacement, Where) ->
    case split(S, Pattern, Where) of
        [_] = One -> One;
        [First | Rest] -> [First | lists:append([[Replacement, X] || X <- Rest])]
    end.

lexemes(S, Seps0) ->
    Seps = seps(Seps0),
    [back(S, join_g(Gs)) || Gs <- lexeme_gs(graphemes(cps(S)), Seps), Gs =/= []].

lexeme_gs(Gs, Seps) ->
    case lists:splitwith(fun(G) -> not lists:member(G, Seps) end, Gs) of
        {Tok, []} -> [Tok];
        {Tok, [_ | Rest]} -> [Tok | lexeme_gs(Rest, Seps)]
    end.

nth_lexeme(S, N, Seps) when is_integer(N), N > 0 ->
    case lexemes(S, Seps) of
        Ls when erlang:length(Ls) >= N -> lists:nth(N, Ls);
        _ -> back(S, [])
    end.

find(S, Pattern) -> find(S, Pattern, leading).

find(S, Pattern, Dir) ->
    case cps(Pattern) of
        [] -> S;
        P ->
            L = cps(S),
            R = case Dir of
                    leading -> split_first(L, P);
                    trailing -> split_last(L, P)
                end,
            case R of
                nomatch -> nomatch;
                [_, After] -> back(S, P ++ After)
            end
    end.

next_grapheme(S) ->
    case cps(S) of
        [] -> [];
        L ->
            {G, T} = grapheme(L),
            [G | back(S, T)]
    end.

next_codepoint(S) ->
    case cps(S) of
        [] -> [];
        [C | T] -> [C | back(S, T)]
    end.

%% ---- the old list API ----

len(S) -> erlang:length(S).

concat(S1, S2) -> S1 ++ S2.

chr(S, C) -> chr(S, C, 1).

chr([C | _], C, I) -> I;
chr([_ | T], C, I) -> chr(T, C, I + 1);
chr([], C, _) when is_integer(C) -> 0.

rchr(S, C) -> rchr(S, C, 1, 0).

rchr([C | T], C, I, _) -> rchr(T, C, I + 1, I);
rchr([_ | T], C, I, L) -> rchr(T, C, I + 1, L);
rchr([], C, _, L) when is_integer(C) -> L.

str(_, []) -> 0;
str(S, Sub) when is_list(Sub) -> str(S, Sub, 1).

str([_ | T] = S, Sub, I) ->
    case lists:prefix(Sub, S) of
        true -> I;
        false -> str(T, Sub, I + 1)
    end;
str([], _, _) -> 0.

rstr(_, []) -> 0;
rstr(S, Sub) when is_list(Sub) -> rstr(S, Sub, 1, 0).

rstr([_ | T] = S, Sub, I, L) ->
    case lists:prefix(Sub, S) of
        true -> rstr(T, Sub, I + 1, I);
        false -> rstr(T, Sub, I + 1, L)
    end;
rstr([], _, _, L) -> L.

span(S, Cs) when is_list(Cs) -> span(S, Cs, 0).

span([C | T], Cs, I) ->
    case lists:member(C, Cs) of
        true -> span(T, Cs, I + 1);
        false -> I
    end;
span([], _, I) -> I.

cspan(S, Cs) when is_list(Cs) -> cspan(S, Cs, 0).

cspan([C | T], Cs, I) ->
    case lists:member(C, Cs) of
        true -> I;
        false -> cspan(T, Cs, I + 1)
    end;
cspan([], _, I) -> I.

substr(S, 1) when is_list(S) -> S;
substr([_ | T], N) when is_integer(N), N > 1 -> substr(T, N - 1).

substr(S, Start, Len) when is_integer(Start), Start >= 1, is_integer(Len), Len >= 0 ->
    lists:sublist(substr(S, Start), Len).

sub_string(S, Start) -> substr(S, Start).

sub_string(S, Start, Stop) when is_integer(Stop), Stop >= Start - 1 ->
    substr(S, Start, Stop - Start + 1).

tokens(S, Seps) when is_list(Seps) ->
    [T || T <- token_split(S, Seps), T =/= []].

token_split(S, Seps) ->
    case lists:splitwith(fun(C) -> not lists:member(C, Seps) end, S) of
        {Tok, []} -> [Tok];
        {Tok, [_ | Rest]} -> [Tok | token_split(Rest, Seps)]
    end.

chars(C, N) -> chars(C, N, []).

chars(C, N, Tail) when is_integer(N), N >= 0 -> lists:duplicate(N, C) ++ Tail.

copies(S, N) when is_list(S), is_integer(N), N >= 0 ->
    lists:append(lists:duplicate(N, S)).

words(S) -> words(S, $\s).

words(S, C) when is_integer(C) -> erlang:length(tokens(S, [C])).

sub_word(S, N) -> sub_word(S, N, $\s).

sub_word(S, N, C) when is_integer(N), N > 0, is_integer(C) ->
    case tokens(S, [C]) of
        Ws when erlang:length(Ws) >= N -> lists:nth(N, Ws);
        _ -> []
    end.

strip(S) -> strip(S, both).

strip(S, Dir) -> strip(S, Dir, $\s).

strip(S, left, C) -> strip_left(S, C);
strip(S, right, C) -> lists:reverse(strip_left(lists:reverse(S), C));
strip(S, both, C) -> strip(strip_left(S, C), right, C).

strip_left([C | T], C) -> strip_left(T, C);
strip_left(S, C) when is_list(S), is_integer(C) -> S.

left(S, N) -> left(S, N, $\s).

left(S, N, C) when is_integer(N), N >= 0 ->
    L = erlang:length(S),
    if
        L >= N -> lists:sublist(S, N);
        true -> S ++ lists:duplicate(N - L, C)
    end.

right(S, N) -> right(S, N, $\s).

right(S, N, C) when is_integer(N), N >= 0 ->
    L = erlang:length(S),
    if
        L >= N -> lists:nthtail(L - N, S);
        true -> lists:duplicate(N - L, C) ++ S
    end.

centre(S, N) -> centre(S, N, $\s).

centre(S, 0, _) when is_list(S) -> [];
centre(S, N, C) when is_integer(N), N > 0 ->
    L = erlang:length(S),
    if
        L > N -> lists:sublist(S, (L - N) div 2 + 1, N);
        L < N ->
            Pad = N - L,
            Left = Pad div 2,
            lists:duplicate(Left, C) ++ S ++ lists:duplicate(Pad - Left, C);
        true -> S
    end.

join([], Sep) when is_list(Sep) -> [];
join([H | T], Sep) -> H ++ lists:append([Sep ++ X || X <- T]).

list_to_integer(S) -> to_integer(S).

list_to_float(S) -> to_float(S).
