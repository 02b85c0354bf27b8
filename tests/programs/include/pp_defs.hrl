%% Included by preproc.erl (through -I tests/programs/include).
-define(GREETING, "hello from a header").
-record(point, {x = 0, y = 0}).
-ifndef(SQUARE).
-define(SQUARE(X), ((X) * (X))).
-endif.
