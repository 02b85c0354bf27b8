%% error_logger: the pre-logger reporting calls, kept by OTP for old code
%% and written here over the same emitting end as logger.
-module(error_logger).
-export([error_msg/1, error_msg/2, warning_msg/1, warning_msg/2,
         info_msg/1, info_msg/2, format/2,
         error_report/1, warning_report/1, info_report/1]).

error_msg(Format) -> error_msg(Format, []).
error_msg(Format, Args) -> emit(error, 'ERROR', io_lib:format(Format, Args)).
format(Format, Args) -> error_msg(Format, Args).
warning_msg(Format) -> warning_msg(Format, []).
warning_msg(Format, Args) -> emit(warning, 'WARNING', io_lib:format(Format, Args)).
%% OTP prints info_msg under the default primary level (notice), so it is
%% checked against `notice` here.
info_msg(Format) -> info_msg(Format, []).
info_msg(Format, Args) -> emit(notice, 'INFO', io_lib:format(Format, Args)).

error_report(Report) -> emit(error, 'ERROR', logger:report_text(Report)).
warning_report(Report) -> emit(warning, 'WARNING', logger:report_text(Report)).
info_report(Report) -> emit(notice, 'INFO', logger:report_text(Report)).

emit(Level, Header, Text) ->
    erlang:'$eubeam_log'(Level, Header, Text),
    ok.
