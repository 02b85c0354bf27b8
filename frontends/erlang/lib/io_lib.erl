%% io_lib: the parts written in Erlang. format/2 is native (the runtime's
%% formatter, exact to OTP 25); these are the small helpers around it.
-module(io_lib).
-export([fwrite/2, print/1, write/1, write_atom/1, write_string/1,
         nl/0, printable_list/1, printable_latin1_list/1,
         printable_unicode_list/1, char_list/1, deep_char_list/1,
         latin1_char_list/1, deep_latin1_char_list/1]).

fwrite(Format, Args) -> io_lib:format(Format, Args).
print(Term) -> io_lib:format("~p", [Term]).
write(Term) -> io_lib:format("~w", [Term]).
write_atom(Atom) when is_atom(Atom) -> io_lib:format("~w", [Atom]).
write_string(String) -> io_lib:format("~p", [String]).
nl() -> "\n".

%% True for a flat list of characters io_lib prints as a string: printable
%% Latin-1 (with \t \n \r \v \b \f \e) or, for the unicode variant, any
%% printable code point.
printable_list(L) -> printable_latin1_list(L).

printable_latin1_list([C | Cs]) when is_integer(C), C >= $\s, C =< $~ ->
    printable_latin1_list(Cs);
printable_latin1_list([C | Cs]) when is_integer(C), C >= 16#A0, C =< 16#FF ->
    printable_latin1_list(Cs);
printable_latin1_list([C | Cs]) when C =:= $\n; C =:= $\r; C =:= $\t; C =:= $\v;
                                     C =:= $\b; C =:= $\f; C =:= $\e ->
    printable_latin1_list(Cs);
printable_latin1_list([]) -> true;
printable_latin1_list(_) -> false.

printable_unicode_list([C | Cs]) when is_integer(C), C >= $\s, C =< $~ ->
    printable_unicode_list(Cs);
printable_unicode_list([C | Cs]) when is_integer(C), C >= 16#A0, C < 16#D800;
                                      is_integer(C), C > 16#DFFF, C < 16#FFFE;
                                      is_integer(C), C > 16#FFFF, C =< 16#10FFFF ->
    printable_unicode_list(Cs);
printable_unicode_list([C | Cs]) when C =:= $\n; C =:= $\r; C =:= $\t; C =:= $\v;
                                      C =:= $\b; C =:= $\f; C =:= $\e ->
    printable_unicode_list(Cs);
printable_unicode_list([]) -> true;
printable_unicode_list(_) -> false.

char_list([C | Cs]) when is_integer(C), C >= 0, C < 16#D800;
                         is_integer(C), C > 16#DFFF, C < 16#FFFE;
                         is_integer(C), C > 16#FFFF, C =< 16#10FFFF ->
    char_list(Cs);
char_list([]) -> true;
char_list(_) -> false.

deep_char_list([C | Cs]) when is_list(C) ->
    deep_char_list(C) andalso deep_char_list(Cs);
deep_char_list([C | Cs]) -> char_list([C]) andalso deep_char_list(Cs);
deep_char_list([]) -> true;
deep_char_list(_) -> false.

latin1_char_list([C | Cs]) when is_integer(C), C >= 0, C =< 255 -> latin1_char_list(Cs);
latin1_char_list([]) -> true;
latin1_char_list(_) -> false.

deep_latin1_char_list([C | Cs]) when is_list(C) ->
    deep_latin1_char_list(C) andalso deep_latin1_char_list(Cs);
deep_latin1_char_list([C | Cs]) -> latin1_char_list([C]) andalso deep_latin1_char_list(Cs);
deep_latin1_char_list([]) -> true;
deep_latin1_char_list(_) -> false.
