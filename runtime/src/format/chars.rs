//! Code point classes and string escaping, as in OTP's `io_lib`.
//!
//! Printability (which lists `~p` shows as strings) follows the emulator's
//! default `+pc latin1`: printable characters are `$\s..$~`, `160..255` and
//! the seven escapes `\n \r \t \v \b \f \e`. Everything else (other control
//! characters, 127..159, anything above 255) makes a list a plain list of
//! integers, even under `~tp`.

/// `io_lib_pretty:printable_char/2` with the Latin-1 printable range.
pub(super) fn printable_latin1(c: i64) -> bool {
    matches!(c, 8..=13 | 27 | 32..=126 | 160..=255)
}

/// `io_lib:printable_latin1_list/1` on a list of integers.
pub(super) fn printable_latin1_list(cs: &[i64]) -> bool {
    cs.iter().all(|&c| printable_latin1(c))
}

/// How `io_lib` renders code points inside quotes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Escape {
    /// `write_latin1_string`: 160..255 as they are (the string is known to be
    /// Latin-1).
    Latin1,
    /// `write_string` (`~tp`, `~tw`): everything from 160 up as it is.
    Unicode,
    /// `write_string_as_latin1` (atoms under `~p`/`~w`): 160..255 as they
    /// are, above 255 as `\x{HEX}`.
    UnicodeAsLatin1,
}

/// Appends `c` as `io_lib:write_string/2` writes it between `quote`s.
///
/// The quote and backslash get a backslash; printable ASCII is kept; the named
/// controls become `\n \r \t \v \b \f \e`, DEL becomes `\d`; the remaining
/// code points below 160 become a three-digit octal escape (`\001`, `\237`).
pub(super) fn push_escaped(out: &mut String, c: char, quote: char, esc: Escape) {
    let n = u32::from(c);
    if c == quote {
        out.push('\\');
        out.push(c);
        return;
    }
    match c {
        '\\' => out.push_str("\\\\"),
        ' '..='~' => out.push(c),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\u{1b}' => out.push_str("\\e"),
        '\u{7f}' => out.push_str("\\d"),
        _ if n < 160 => {
            out.push('\\');
            for shift in [6, 3, 0] {
                let digit = (n >> shift) & 7;
                out.push(char::from(b'0' + digit as u8));
            }
        }
        _ if n <= 255 => out.push(c),
        _ => match esc {
            Escape::Latin1 | Escape::Unicode => out.push(c),
            Escape::UnicodeAsLatin1 => {
                out.push_str(&format!("\\x{{{n:X}}}"));
            }
        },
    }
}

/// The quoted, escaped form of `cs` (`io_lib:write_string/2` and friends).
pub(super) fn quoted(cs: impl IntoIterator<Item = char>, quote: char, esc: Escape) -> String {
    let mut out = String::new();
    out.push(quote);
    for c in cs {
        push_escaped(&mut out, c, quote, esc);
    }
    out.push(quote);
    out
}

/// `io_lib:chars_length/1`: the number of characters when they all fit in a
/// byte (iolist_size succeeds), otherwise the number of grapheme clusters
/// (`string:length/1`).
pub(super) fn chars_length(s: &[char]) -> usize {
    if s.iter().all(|&c| u32::from(c) <= 255) {
        s.len()
    } else {
        grapheme_count(s)
    }
}

/// [`chars_length`] of a `str`.
pub(super) fn str_length(s: &str) -> usize {
    if s.chars().all(|c| u32::from(c) <= 255) {
        s.chars().count()
    } else {
        let v: Vec<char> = s.chars().collect();
        grapheme_count(&v)
    }
}

/// Whether `c` extends the grapheme cluster before it. An approximation of
/// Unicode's rules that covers combining marks, joiners and variation
/// selectors (what `string:length/1` mostly meets in practice).
fn is_extend(c: char) -> bool {
    matches!(u32::from(c),
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

/// Splits `s` into grapheme cluster lengths (in code points).
fn graphemes(s: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let start = i;
        if s[i] == '\r' && s.get(i + 1) == Some(&'\n') {
            i += 2;
        } else {
            i += 1;
            while i < s.len() && (is_extend(s[i]) || s[i - 1] == '\u{200D}') {
                i += 1;
            }
        }
        out.push(i - start);
    }
    out
}

fn grapheme_count(s: &[char]) -> usize {
    graphemes(s).len()
}

/// The first `n` grapheme clusters of `s` (`string:slice(S, 0, N)`).
pub(super) fn grapheme_prefix(s: &[char], n: usize) -> &[char] {
    let end: usize = graphemes(s).into_iter().take(n).sum();
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_set() {
        for c in [9, 10, 11, 12, 13, 8, 27, 32, 126, 160, 255] {
            assert!(printable_latin1(c), "{c}");
        }
        for c in [0, 7, 14, 26, 28, 31, 127, 128, 159, 256, -1, 0x20AC] {
            assert!(!printable_latin1(c), "{c}");
        }
    }

    #[test]
    fn escapes() {
        let s = quoted(
            "a\"\\\n\u{1}\u{7f}\u{80}é€".chars(),
            '"',
            Escape::UnicodeAsLatin1,
        );
        assert_eq!(s, "\"a\\\"\\\\\\n\\001\\d\\200é\\x{20AC}\"");
    }

    #[test]
    fn grapheme_lengths() {
        let s: Vec<char> = "e\u{301}x\r\n€".chars().collect();
        assert_eq!(chars_length(&s), 4);
        assert_eq!(grapheme_prefix(&s, 1).len(), 2);
        let l: Vec<char> = "ab\r\n".chars().collect();
        assert_eq!(chars_length(&l), 4);
    }
}
