%% logger: the calls programs make to report, and the primary level.
%%
%% Reports are formatted here and written by the runtime
%% (erlang:'$eubeam_log'/3) to standard error, with OTP's
%% "=LEVEL REPORT==== time ===" header. Handlers, filters and formatters
%% are not configurable: set_primary_config(level, L) is what programs use
%% to quieten reports, and it also governs the runtime's own crash reports.
-module(logger).
-export([emergency/1, emergency/2, emergency/3,
         alert/1, alert/2, alert/3,
         critical/1, critical/2, critical/3,
         error/1, error/2, error/3,
         warning/1, warning/2, warning/3,
         notice/1, notice/2, notice/3,
         info/1, info/2, info/3,
         debug/1, debug/2, debug/3,
         log/2, log/3, log/4,
         allow/2,
         set_primary_config/1, set_primary_config/2, get_primary_config/0,
         set_module_level/2, update_primary_config/1]).
-export([report_text/1, header/1]).

emergency(A) -> log(emergency, A).
emergency(A, B) -> log(emergency, A, B).
emergency(A, B, C) -> log(emergency, A, B, C).
alert(A) -> log(alert, A).
alert(A, B) -> log(alert, A, B).
alert(A, B, C) -> log(alert, A, B, C).
critical(A) -> log(critical, A).
critical(A, B) -> log(critical, A, B).
critical(A, B, C) -> log(critical, A, B, C).
error(A) -> log(error, A).
error(A, B) -> log(error, A, B).
error(A, B, C) -> log(error, A, B, C).
warning(A) -> log(warning, A).
warning(A, B) -> log(warning, A, B).
warning(A, B, C) -> log(warning, A, B, C).
notice(A) -> log(notice, A).
notice(A, B) -> log(notice, A, B).
notice(A, B, C) -> log(notice, A, B, C).
info(A) -> log(info, A).
info(A, B) -> log(info, A, B).
info(A, B, C) -> log(info, A, B, C).
debug(A) -> log(debug, A).
debug(A, B) -> log(debug, A, B).
debug(A, B, C) -> log(debug, A, B, C).

%% log(Level, StringOrReport), log(Level, Format, Args) and
%% log(Level, Report, Metadata), log(Level, Format, Args, Metadata).
log(Level, Msg) -> log(Level, Msg, #{}).
log(Level, Format, Args) when is_list(Args) ->
    emit(Level, io_lib:format(Format, Args));
log(Level, Report, Meta) when is_map(Meta) ->
    emit(Level, report_text(Report)).
log(Level, Format, Args, Meta) when is_list(Args), is_map(Meta) ->
    emit(Level, io_lib:format(Format, Args)).

emit(Level, Text) ->
    erlang:'$eubeam_log'(Level, header(Level), Text),
    ok.

allow(Level, _Module) -> erlang:'$eubeam_log_allowed'(Level).

header(emergency) -> 'EMERGENCY';
header(alert) -> 'ALERT';
header(critical) -> 'CRITICAL';
header(error) -> 'ERROR';
header(warning) -> 'WARNING';
header(notice) -> 'NOTICE';
header(info) -> 'INFO';
header(debug) -> 'DEBUG'.

%% A report as logger's default formatter lays it out: a string as it is,
%% a map (keys sorted) or a key-value list as "    Key: Value" lines.
report_text(Report) when is_map(Report) ->
    report_text(lists:sort(maps:to_list(Report)));
report_text(Report) when is_list(Report) ->
    case io_lib:printable_unicode_list(Report) of
        true -> Report;
        false -> lists:join($\n, [item(I) || I <- Report])
    end;
report_text(Other) ->
    io_lib:format("~tp", [Other]).

item({K, V}) -> io_lib:format("    ~tp: ~tp", [K, V]);
item(X) -> io_lib:format("    ~tp", [X]).

set_primary_config(level, Level) ->
    try erlang:'$eubeam_log_level'(Level)
    catch error:badarg -> {error, {invalid_level, Level}}
    end;
set_primary_config(Key, Value) ->
    {error, {not_supported_yet, {Key, Value}}}.

set_primary_config(#{level := Level}) -> set_primary_config(level, Level);
set_primary_config(Config) when is_map(Config) -> ok.

update_primary_config(Config) -> set_primary_config(Config).

get_primary_config() ->
    #{filter_default => log, filters => [],
      level => erlang:'$eubeam_log_level'(), metadata => #{}}.

set_module_level(_Modules, _Level) -> ok.
