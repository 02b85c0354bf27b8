%% stdlib's assert.hrl for Eubeamgua, written for this project: the
%% assertion macros, raising the error terms OTP's raise
%% ({assert, Info}, {assertEqual, Info}, ...; Info a list of
%% {module, M}, {line, L}, {expression, "text"}, ...).
%%
%% Each assertion is an immediately applied fun, as in OTP, so that its
%% variables stay local and generated fun names are numbered as OTP's are;
%% the compiler applies such a fun in place, so the stack trace shows the
%% function that holds the assertion.
-ifndef(ASSERT_HRL).
-define(ASSERT_HRL, true).

-ifdef(NODEBUG).
-ifndef(DEBUG).
-ifndef(NOASSERT).
-define(NOASSERT, true).
-endif.
-endif.
-endif.
-ifdef(ASSERT).
-undef(NOASSERT).
-endif.

-ifdef(NOASSERT).
-define(assert(BoolExpr), ok).
-define(assert(BoolExpr, Comment), ok).
-define(assertNot(BoolExpr), ok).
-define(assertNot(BoolExpr, Comment), ok).
-define(assertMatch(Guard, Expr), ok).
-define(assertMatch(Guard, Expr, Comment), ok).
-define(assertNotMatch(Guard, Expr), ok).
-define(assertNotMatch(Guard, Expr, Comment), ok).
-define(assertEqual(Expect, Expr), ok).
-define(assertEqual(Expect, Expr, Comment), ok).
-define(assertNotEqual(Unexpected, Expr), ok).
-define(assertNotEqual(Unexpected, Expr, Comment), ok).
-define(assertException(Class, Term, Expr), ok).
-define(assertException(Class, Term, Expr, Comment), ok).
-define(assertNotException(Class, Term, Expr), ok).
-else.

%% A boolean assertion: ok when BoolExpr is Want, else the error
%% {Tag, Info ++ [{expression, ..}, {expected, Want}, {value, V} or
%% {not_boolean, V}]}.
-define(EUBEAM_ASSERT_BOOL(Tag, Info, BoolExpr, Want),
        begin
        ((fun () ->
            X__W = (Want),
            case (BoolExpr) of
                X__W -> ok;
                X__V -> erlang:error({Tag,
                                      Info ++
                                      [{expression, (??BoolExpr)},
                                       {expected, X__W},
                                       case not X__W of
                                           X__V -> {value, X__V};
                                           _ -> {not_boolean, X__V}
                                       end]})
            end
          end)())
        end).

-define(assert(BoolExpr),
        ?EUBEAM_ASSERT_BOOL(assert, [{module, ?MODULE}, {line, ?LINE}], BoolExpr,
                            is_process_alive(self()))).
-define(assert(BoolExpr, Comment),
        ?EUBEAM_ASSERT_BOOL(assert, [{module, ?MODULE}, {line, ?LINE}, {comment, (Comment)}],
                            BoolExpr, is_process_alive(self()))).
-define(assertNot(BoolExpr),
        ?EUBEAM_ASSERT_BOOL(assert, [{module, ?MODULE}, {line, ?LINE}], BoolExpr,
                            not is_process_alive(self()))).
-define(assertNot(BoolExpr, Comment),
        ?EUBEAM_ASSERT_BOOL(assert, [{module, ?MODULE}, {line, ?LINE}, {comment, (Comment)}],
                            BoolExpr, not is_process_alive(self()))).

-define(assertMatch(Guard, Expr),
        begin
        ((fun () ->
            case (Expr) of
                Guard -> ok;
                X__V -> erlang:error({assertMatch,
                                      [{module, ?MODULE},
                                       {line, ?LINE},
                                       {expression, (??Expr)},
                                       {pattern, (??Guard)},
                                       {value, X__V}]})
            end
          end)())
        end).
-define(assertMatch(Guard, Expr, Comment),
        begin
        ((fun () ->
            case (Expr) of
                Guard -> ok;
                X__V -> erlang:error({assertMatch,
                                      [{module, ?MODULE},
                                       {line, ?LINE},
                                       {comment, (Comment)},
                                       {expression, (??Expr)},
                                       {pattern, (??Guard)},
                                       {value, X__V}]})
            end
          end)())
        end).

-define(assertNotMatch(Guard, Expr),
        begin
        ((fun () ->
            X__V = (Expr),
            case X__V of
                Guard -> erlang:error({assertNotMatch,
                                       [{module, ?MODULE},
                                        {line, ?LINE},
                                        {expression, (??Expr)},
                                        {pattern, (??Guard)},
                                        {value, X__V}]});
                _ -> ok
            end
          end)())
        end).
-define(assertNotMatch(Guard, Expr, Comment),
        begin
        ((fun () ->
            X__V = (Expr),
            case X__V of
                Guard -> erlang:error({assertNotMatch,
                                       [{module, ?MODULE},
                                        {line, ?LINE},
                                        {comment, (Comment)},
                                        {expression, (??Expr)},
                                        {pattern, (??Guard)},
                                        {value, X__V}]});
                _ -> ok
            end
          end)())
        end).

-define(assertEqual(Expect, Expr),
        begin
        ((fun () ->
            X__X = (Expect),
            case (Expr) of
                X__X -> ok;
                X__V -> erlang:error({assertEqual,
                                      [{module, ?MODULE},
                                       {line, ?LINE},
                                       {expression, (??Expr)},
                                       {expected, X__X},
                                       {value, X__V}]})
            end
          end)())
        end).
-define(assertEqual(Expect, Expr, Comment),
        begin
        ((fun () ->
            X__X = (Expect),
            case (Expr) of
                X__X -> ok;
                X__V -> erlang:error({assertEqual,
                                      [{module, ?MODULE},
                                       {line, ?LINE},
                                       {comment, (Comment)},
                                       {expression, (??Expr)},
                                       {expected, X__X},
                                       {value, X__V}]})
            end
          end)())
        end).

-define(assertNotEqual(Unexpected, Expr),
        begin
        ((fun () ->
            X__X = (Unexpected),
            case (Expr) of
                X__X -> erlang:error({assertNotEqual,
                                      [{module, ?MODULE},
                                       {line, ?LINE},
                                       {expression, (??Expr)},
                                       {value, X__X}]});
                _ -> ok
            end
          end)())
        end).
-define(assertNotEqual(Unexpected, Expr, Comment),
        begin
        ((fun () ->
            X__X = (Unexpected),
            case (Expr) of
                X__X -> erlang:error({assertNotEqual,
                                      [{module, ?MODULE},
                                       {line, ?LINE},
                                       {comment, (Comment)},
                                       {expression, (??Expr)},
                                       {value, X__X}]});
                _ -> ok
            end
          end)())
        end).

%% The pattern shown for an exception assertion: "{ Class , Term , [...] }".
-define(assertException(Class, Term, Expr),
        begin
        ((fun () ->
            try (Expr) of
                X__V -> erlang:error({assertException,
                                      [{module, ?MODULE},
                                       {line, ?LINE},
                                       {expression, (??Expr)},
                                       {pattern,
                                        "{ "++(??Class)++" , "++(??Term)
                                        ++" , [...] }"},
                                       {unexpected_success, X__V}]})
            catch
                Class:Term -> ok;
                X__C:X__T:X__S ->
                    erlang:error({assertException,
                                  [{module, ?MODULE},
                                   {line, ?LINE},
                                   {expression, (??Expr)},
                                   {pattern,
                                    "{ "++(??Class)++" , "++(??Term)
                                    ++" , [...] }"},
                                   {unexpected_exception,
                                    {X__C, X__T, X__S}}]})
            end
          end)())
        end).
-define(assertException(Class, Term, Expr, Comment),
        begin
        ((fun () ->
            try (Expr) of
                X__V -> erlang:error({assertException,
                                      [{module, ?MODULE},
                                       {line, ?LINE},
                                       {comment, (Comment)},
                                       {expression, (??Expr)},
                                       {pattern,
                                        "{ "++(??Class)++" , "++(??Term)
                                        ++" , [...] }"},
                                       {unexpected_success, X__V}]})
            catch
                Class:Term -> ok;
                X__C:X__T:X__S ->
                    erlang:error({assertException,
                                  [{module, ?MODULE},
                                   {line, ?LINE},
                                   {comment, (Comment)},
                                   {expression, (??Expr)},
                                   {pattern,
                                    "{ "++(??Class)++" , "++(??Term)
                                    ++" , [...] }"},
                                   {unexpected_exception,
                                    {X__C, X__T, X__S}}]})
            end
          end)())
        end).

-define(assertNotException(Class, Term, Expr),
        begin
        ((fun () ->
            try (Expr) of
                _ -> ok
            catch
                X__C:X__T:X__S ->
                    case X__C of
                        Class ->
                            case X__T of
                                Term ->
                                    erlang:error({assertNotException,
                                                  [{module, ?MODULE},
                                                   {line, ?LINE},
                                                   {expression, (??Expr)},
                                                   {pattern,
                                                    "{ "++(??Class)++" , "
                                                    ++(??Term)++" , [...] }"},
                                                   {unexpected_exception,
                                                    {X__C, X__T, X__S}}]});
                                _ -> ok
                            end;
                        _ -> ok
                    end
            end
          end)())
        end).
-endif.

-define(assertError(Term, Expr), ?assertException(error, Term, Expr)).
-define(assertError(Term, Expr, Comment), ?assertException(error, Term, Expr, Comment)).
-define(assertExit(Term, Expr), ?assertException(exit, Term, Expr)).
-define(assertExit(Term, Expr, Comment), ?assertException(exit, Term, Expr, Comment)).
-define(assertThrow(Term, Expr), ?assertException(throw, Term, Expr)).
-define(assertThrow(Term, Expr, Comment), ?assertException(throw, Term, Expr, Comment)).

-endif.
