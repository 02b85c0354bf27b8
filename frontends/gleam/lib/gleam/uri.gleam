//// URIs (RFC 3986): the names, labels and types of gleam_stdlib's
//// gleam/uri, written for this toolchain. On Erlang gleam_stdlib parses
//// with OTP's uri_string; our runtime has no uri_string, so `parse` and
//// the query and percent functions are Erlang code of ours
//// (gleam_stdlib.erl) that accepts and rejects what uri_string does for
//// ASCII input (non-ASCII characters are rejected, as uri_string does).

import gleam/int
import gleam/list
import gleam/option.{type Option, None, Some}
import gleam/string

pub type Uri {
  Uri(
    scheme: Option(String),
    userinfo: Option(String),
    host: Option(String),
    port: Option(Int),
    path: String,
    query: Option(String),
    fragment: Option(String),
  )
}

/// The empty URI, `""`.
pub const empty = Uri(
  scheme: None,
  userinfo: None,
  host: None,
  port: None,
  path: "",
  query: None,
  fragment: None,
)

/// The scheme is lowercased; an empty port (`http://h:/`) is `None`.
@external(erlang, "gleam_stdlib", "uri_parse")
pub fn parse(uri_string: String) -> Result(Uri, Nil)

/// `a=1&b=2` into pairs; `+` is a space, `%XX` is decoded, a key without
/// `=` has the value `""`.
@external(erlang, "gleam_stdlib", "parse_query")
pub fn parse_query(query: String) -> Result(List(#(String, String)), Nil)

pub fn query_to_string(query: List(#(String, String))) -> String {
  query
  |> list.map(fn(pair) { encode_query_part(pair.0) <> "=" <> encode_query_part(pair.1) })
  |> string.join("&")
}

/// `+` means a space in a query, so a literal `+` is escaped there.
fn encode_query_part(part: String) -> String {
  percent_encode(part)
  |> string.replace(each: "+", with: "%2B")
}

/// Every byte other than ASCII letters, digits and `!$'()*+-._~` becomes
/// `%XX`.
@external(erlang, "gleam_stdlib", "percent_encode")
pub fn percent_encode(value: String) -> String

/// Fails on a `%` not followed by two hex digits or on a result that is
/// not UTF-8.
@external(erlang, "gleam_stdlib", "percent_decode")
pub fn percent_decode(value: String) -> Result(String, Nil)

/// The segments of a path with empty and `.` segments removed and `..`
/// removing the segment before it (RFC 3986 section 5.2.4).
pub fn path_segments(path: String) -> List(String) {
  resolve_dots(string.split(path, "/"), [])
}

fn resolve_dots(segments: List(String), kept: List(String)) -> List(String) {
  case segments, kept {
    [], _ -> list.reverse(kept)
    ["", ..rest], _ | [".", ..rest], _ -> resolve_dots(rest, kept)
    ["..", ..rest], [] -> resolve_dots(rest, [])
    ["..", ..rest], [_, ..older] -> resolve_dots(rest, older)
    [segment, ..rest], _ -> resolve_dots(rest, [segment, ..kept])
  }
}

pub fn to_string(uri: Uri) -> String {
  let authority = case uri.scheme, uri.userinfo, uri.host {
    Some(scheme), Some(userinfo), Some(host) ->
      scheme <> "://" <> userinfo <> "@" <> host
    Some(scheme), None, Some(host) -> scheme <> "://" <> host
    Some(scheme), _, None -> scheme <> ":"
    None, None, Some(host) -> "//" <> host
    _, _, _ -> ""
  }
  let port = case uri.host, uri.port {
    Some(_), Some(port) -> ":" <> int.to_string(port)
    _, _ -> ""
  }
  // A path after an authority must start with a slash.
  let slash = case uri.host, string.starts_with(uri.path, "/") {
    Some(host), False if host != "" -> "/"
    _, _ -> ""
  }
  let query = case uri.query {
    Some(query) -> "?" <> query
    None -> ""
  }
  let fragment = case uri.fragment {
    Some(fragment) -> "#" <> fragment
    None -> ""
  }
  authority <> port <> slash <> uri.path <> query <> fragment
}

/// `scheme://host[:port]` for http and https URIs (the default port is
/// left out), as RFC 6454 defines an origin.
pub fn origin(uri: Uri) -> Result(String, Nil) {
  case uri.scheme, uri.host, uri.port {
    Some("http"), Some(host), Some(80) | Some("https"), Some(host), Some(443) ->
      Ok(option.unwrap(uri.scheme, "") <> "://" <> host)
    Some(scheme), Some(host), port if scheme == "http" || scheme == "https" ->
      case port {
        Some(port) -> Ok(scheme <> "://" <> host <> ":" <> int.to_string(port))
        None -> Ok(scheme <> "://" <> host)
      }
    _, _, _ -> Error(Nil)
  }
}

/// Resolves `relative` against the absolute URI `base` (RFC 3986 section
/// 5.2); an error when `base` has no scheme or host.
pub fn merge(base: Uri, relative: Uri) -> Result(Uri, Nil) {
  case base.scheme, base.host, relative.host {
    Some(_), Some(_), Some(_) ->
      Ok(Uri(
        scheme: option.or(relative.scheme, base.scheme),
        userinfo: None,
        host: relative.host,
        port: option.or(relative.port, base.port),
        path: join_path(path_segments(relative.path)),
        query: relative.query,
        fragment: relative.fragment,
      ))
    Some(_), Some(_), None -> {
      let #(path, query) = case relative.path {
        "" -> #(base.path, option.or(relative.query, base.query))
        _ -> {
          let segments = case string.starts_with(relative.path, "/") {
            True -> string.split(relative.path, "/")
            False ->
              list.append(
                without_last(string.split(base.path, "/")),
                string.split(relative.path, "/"),
              )
          }
          #(join_path(resolve_dots(segments, [])), relative.query)
        }
      }
      Ok(Uri(
        scheme: base.scheme,
        userinfo: None,
        host: base.host,
        port: base.port,
        path:,
        query:,
        fragment: relative.fragment,
      ))
    }
    _, _, _ -> Error(Nil)
  }
}

fn without_last(items: List(a)) -> List(a) {
  case items {
    [] | [_] -> []
    [x, ..rest] -> [x, ..without_last(rest)]
  }
}

fn join_path(segments: List(String)) -> String {
  "/" <> string.join(segments, "/")
}
