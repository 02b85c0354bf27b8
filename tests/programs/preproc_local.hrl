%% Included by preproc.erl, relative to the including file.
-define(LOCAL, local_header).
