-module(record_match).
-export([main/0]).
-record(point, {x = 0, y = 0}).
-record(line, {from = #point{}, to = #point{}, label = none}).
len2(#line{from = #point{x = X1, y = Y1}, to = #point{x = X2, y = Y2}}) ->
  (X2 - X1) * (X2 - X1) + (Y2 - Y1) * (Y2 - Y1).
quadrant(P) when is_record(P, point), P#point.x > 0, P#point.y > 0 -> 1;
quadrant(P) when is_record(P, point) -> other;
quadrant(_) -> 'not-a-point'.
main() ->
  A = #point{x = 1, y = 2},
  B = A#point{x = 4, y = 6},
  L = #line{from = A, to = B, label = ab},
  io:format("~p~n", [L]),
  io:format("~p~n", [len2(L)]),
  #point{x = Px} = B, io:format("~p~n", [Px]),
  io:format("~p~n", [case L of #line{label = ab, to = T} -> T#point.y; _ -> no end]),
  io:format("~p~n", [[quadrant(A), quadrant(#point{x = -1}), quadrant(p)]]),
  io:format("~p~n", [(L#line{label = renamed})#line.label]),
  io:format("~p~n", [(L#line.to)#point.x]),
  io:format("~p~n", [#line{}]).
