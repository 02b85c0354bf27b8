// gleam/uri: parse (valid and invalid), parse_query, query_to_string,
// percent encoding, path_segments, origin, to_string, merge (RFC 3986 5.4
// examples). Expected output: the parse, parse_query and percent lines
// recorded from the equivalent Erlang program using OTP uri_string, as
// gleam_stdlib does on Erlang (tests/gleam/oracle/uri_module.erl, run by
// `erl`); the other lines (functions gleam_stdlib writes in Gleam) were
// cross-checked by running this program against gleam_stdlib's own
// src/gleam/uri.gleam compiled by eubeam, which printed the same text.
import gleam/io
import gleam/list
import gleam/option.{None, Some}
import gleam/string
import gleam/uri.{Uri}

fn show(x: a) -> Nil {
  io.println(string.inspect(x))
}

pub fn main() {
  [
    "https://user:pw@Example.com:8080/a/b?x=1&y=2#frag", "HTTP://a",
    "http://a:/p", "mailto:joe@example.com", "/rel/path?q", "a b",
    "http://a:xx/", "//host/p", "http://[::1]:80/", "1http://x", "foo:bar:baz",
    "", "?q#f", "x/y:z", ":x", "http://a@b@c/",
  ]
  |> list.each(fn(s) { show(uri.parse(s)) })
  show(uri.parse_query("a=1&b=2"))
  show(uri.parse_query("a=%20x+y&flag"))
  show(uri.parse_query("a=%zz"))
  show(uri.parse_query(""))
  show(uri.parse_query("k=v=w"))
  io.println(uri.query_to_string([#("a", "1 2"), #("b&c", "x+y=z"), #("é", "~")]))
  io.println(uri.percent_encode("100% great/ok?"))
  show(uri.percent_decode("100%25%20great+fun"))
  show(uri.percent_decode("%C3%A9"))
  show(uri.percent_decode("%zz"))
  show(uri.path_segments("/a/./b/../c//d/"))
  show(uri.path_segments("../x"))
  let assert Ok(u) = uri.parse("https://example.com:443/path?foo#bar")
  show(uri.origin(u))
  show(uri.origin(Uri(..u, port: Some(8443))))
  show(uri.origin(Uri(..u, scheme: Some("ftp"))))
  io.println(uri.to_string(u))
  io.println(uri.to_string(Uri(..uri.empty, scheme: Some("https"), host: Some("example.com"), path: "x")))
  io.println(uri.to_string(Uri(..uri.empty, scheme: Some("mailto"), path: "joe@example.com")))
  io.println(uri.to_string(Uri(..uri.empty, host: Some("h"), query: Some("q"))))
  let assert Ok(base) = uri.parse("http://a/b/c/d;p?q")
  [
    "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g",
    "../..", "../../g", "", ".", "g;x=1/../y",
  ]
  |> list.each(fn(r) {
    let assert Ok(rel) = uri.parse(r)
    case uri.merge(base, rel) {
      Ok(m) -> io.println(r <> " -> " <> uri.to_string(m))
      Error(_) -> io.println(r <> " -> error")
    }
  })
  show(uri.merge(Uri(..uri.empty, path: "/x"), uri.empty))
  show(uri.empty == Uri(None, None, None, None, "", None, None))
}
