//! Methods of `str` (and helpers shared with bytes / format): helper R2.
//! Strings are `Rc<str>`; every index exposed to Python counts code points, with ASCII fast paths.
use std::rc::Rc;

use crate::methods_util::{arg_index_opt, bind_args, err, key_error, type_error, value_error};
use crate::value::*;

// ---------------------------------------------------------------------------------------------
// Character-level helpers
// ---------------------------------------------------------------------------------------------

/// Number of code points.
#[inline]
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point `ci` (clamped to the end).
#[inline]
pub fn byte_of_char(s: &str, ci: usize) -> usize {
    if s.is_ascii() {
        return ci.min(s.len());
    }
    match s.char_indices().nth(ci) {
        Some((b, _)) => b,
        None => s.len(),
    }
}

/// Code point index of byte offset `b` (which must be a char boundary).
#[inline]
pub fn char_of_byte(s: &str, b: usize) -> usize {
    let pre = &s[..b];
    if pre.is_ascii() {
        b
    } else {
        pre.chars().count()
    }
}

/// Python whitespace (str.isspace / str.split()).
#[inline]
pub fn is_py_space(c: char) -> bool {
    if (c as u32) < 128 {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\x1f')
    } else {
        c.is_whitespace()
    }
}

/// Line boundaries recognised by str.splitlines.
#[inline]
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Unicode decimal digits (category Nd), approximated by known blocks of ten.
pub fn is_decimal_char(c: char) -> bool {
    if c.is_ascii_digit() {
        return true;
    }
    if (c as u32) < 0x660 {
        return false;
    }
    const STARTS: &[u32] = &[
        0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
        0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
        0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
        0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
        0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
        0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    ];
    let u = c as u32;
    if (0x1D7CE..=0x1D7FF).contains(&u) {
        return true;
    }
    STARTS.iter().any(|&s| u >= s && u < s + 10)
}

/// Unicode digits (Numeric_Type Digit or Decimal).
pub fn is_digit_char(c: char) -> bool {
    if is_decimal_char(c) {
        return true;
    }
    let u = c as u32;
    matches!(u, 0xB2 | 0xB3 | 0xB9 | 0x2070 | 0x24EA | 0x24FF)
        || (0x1369..=0x1371).contains(&u)
        || (0x2074..=0x2079).contains(&u)
        || (0x2080..=0x2089).contains(&u)
        || (0x2460..=0x2468).contains(&u)
        || (0x2474..=0x247C).contains(&u)
        || (0x2488..=0x2490).contains(&u)
        || (0x24F5..=0x24FD).contains(&u)
        || (0x2776..=0x277E).contains(&u)
        || (0x2780..=0x2788).contains(&u)
        || (0x278A..=0x2792).contains(&u)
        || (0x1F100..=0x1F10A).contains(&u)
}

#[inline]
pub fn is_numeric_char(c: char) -> bool {
    c.is_numeric() || is_digit_char(c) || matches!(c as u32, 0x3007 | 0x4E00 | 0x4E8C | 0x4E09 | 0x56DB | 0x4E94 | 0x516D | 0x4E03 | 0x516B | 0x4E5D | 0x5341 | 0x767E | 0x5343 | 0x4E07 | 0x5104)
}

#[inline]
pub fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic() && !c.is_numeric()
    }
}

#[inline]
pub fn is_alnum_char(c: char) -> bool {
    is_alpha_char(c) || is_numeric_char(c)
}

#[inline]
pub fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

#[inline]
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

pub fn is_printable_char(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    let u = c as u32;
    if u < 0x20 || (0x7F..=0xA0).contains(&u) {
        return false;
    }
    if c.is_whitespace() {
        return false;
    }
    if u == 0xAD
        || (0x600..=0x605).contains(&u)
        || u == 0x61C
        || u == 0x6DD
        || u == 0x70F
        || u == 0x180E
        || (0x200B..=0x200F).contains(&u)
        || (0x202A..=0x202E).contains(&u)
        || (0x2060..=0x206F).contains(&u)
        || u == 0xFEFF
        || (0xFFF0..=0xFFFB).contains(&u)
        || (0xD800..=0xF8FF).contains(&u)
        || (0xE0000..=0xE0FFF).contains(&u)
        || u >= 0xF0000
        || u == 0xFFFE
        || u == 0xFFFF
    {
        return false;
    }
    true
}

fn title_char(c: char, out: &mut String) {
    let u = c as u32;
    // digraphs with a dedicated titlecase form
    match u {
        0x1C4 | 0x1C5 | 0x1C6 => out.push('\u{1C5}'),
        0x1C7 | 0x1C8 | 0x1C9 => out.push('\u{1C8}'),
        0x1CA | 0x1CB | 0x1CC => out.push('\u{1CB}'),
        0x1F1 | 0x1F2 | 0x1F3 => out.push('\u{1F2}'),
        0xDF => out.push_str("Ss"),
        0xFB00 => out.push_str("Ff"),
        0xFB01 => out.push_str("Fi"),
        0xFB02 => out.push_str("Fl"),
        0xFB03 => out.push_str("Ffi"),
        0xFB04 => out.push_str("Ffl"),
        0xFB05 | 0xFB06 => out.push_str("St"),
        _ => {
            for u in c.to_uppercase() {
                out.push(u);
            }
        }
    }
}

fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
}

pub fn py_lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

pub fn py_upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        s.to_uppercase()
    }
}

pub fn py_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            push_lower(c, &mut out);
        } else {
            title_char(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

pub fn py_capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    if let Some(c) = it.next() {
        title_char(c, &mut out);
    }
    let rest = it.as_str();
    out.push_str(&py_lower(rest));
    out
}

pub fn py_swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            push_lower(c, &mut out);
        } else if c.is_lowercase() {
            for u in c.to_uppercase() {
                out.push(u);
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn py_casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬀ' => out.push_str("ff"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            'ŉ' => out.push_str("ʼn"),
            'ſ' => out.push('s'),
            _ => push_lower(c, &mut out),
        }
    }
    out
}

pub fn py_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        if c.is_uppercase() {
            cased = true;
        }
    }
    cased
}

pub fn py_islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return false;
        }
        if c.is_lowercase() {
            cased = true;
        }
    }
    cased
}

pub fn py_istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

pub fn py_isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        None => return false,
        Some(c) => {
            if !(c == '_' || is_alpha_char(c) || (c as u32 > 127 && c.is_alphabetic())) {
                return false;
            }
        }
    }
    it.all(|c| c == '_' || c.is_alphanumeric() || (c as u32 > 127 && is_alnum_char(c)) || matches!(c as u32, 0x300..=0x36F | 0x203F | 0x2040 | 0xB7))
}

// ---------------------------------------------------------------------------------------------
// Core algorithms usable from Rust
// ---------------------------------------------------------------------------------------------

/// Slice-like normalisation of (start, end) char indices for find/count/startswith.
/// Returns None when start > len (Python then finds nothing, even the empty string).
fn norm_range(n: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let n = n as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(n);
    if s < 0 {
        s += n;
        if s < 0 {
            s = 0;
        }
    }
    if e < 0 {
        e += n;
        if e < 0 {
            e = 0;
        }
    }
    if e > n {
        e = n;
    }
    (s, e)
}

/// (sub-slice, char offset of sub-slice) or None when the range is empty/invalid for the search.
fn range_slice<'a>(s: &'a str, start: Option<i64>, end: Option<i64>) -> Option<(&'a str, usize)> {
    if start.is_none() && end.is_none() {
        return Some((s, 0));
    }
    let n = char_len(s);
    let (st, en) = norm_range(n, start, end);
    if st > n as i64 || st > en {
        return None;
    }
    let (st, en) = (st as usize, en as usize);
    if s.is_ascii() {
        return Some((&s[st..en], st));
    }
    let b0 = byte_of_char(s, st);
    let b1 = byte_of_char(s, en);
    Some((&s[b0..b1], st))
}

pub fn str_find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match range_slice(s, start, end) {
        None => -1,
        Some((hay, off)) => match hay.find(sub) {
            Some(b) => (off + char_of_byte(hay, b)) as i64,
            None => -1,
        },
    }
}

pub fn str_rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match range_slice(s, start, end) {
        None => -1,
        Some((hay, off)) => match hay.rfind(sub) {
            Some(b) => (off + char_of_byte(hay, b)) as i64,
            None => -1,
        },
    }
}

pub fn str_count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match range_slice(s, start, end) {
        None => 0,
        Some((hay, _)) => {
            if sub.is_empty() {
                char_len(hay) as i64 + 1
            } else {
                hay.matches(sub).count() as i64
            }
        }
    }
}

/// str.split(None, maxsplit)
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_py_space);
    let mut splits = 0i64;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(rest.to_string());
            return out;
        }
        match rest.find(is_py_space) {
            Some(b) => {
                out.push(rest[..b].to_string());
                rest = rest[b..].trim_start_matches(is_py_space);
                splits += 1;
            }
            None => {
                out.push(rest.to_string());
                break;
            }
        }
    }
    out
}

pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(is_py_space);
    let mut splits = 0i64;
    while !rest.is_empty() {
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(rest.to_string());
            break;
        }
        match rest.rfind(is_py_space) {
            Some(b) => {
                let c = rest[b..].chars().next().unwrap();
                out.push(rest[b + c.len_utf8()..].to_string());
                rest = rest[..b].trim_end_matches(is_py_space);
                splits += 1;
            }
            None => {
                out.push(rest.to_string());
                break;
            }
        }
    }
    out.reverse();
    out
}

pub fn split_sep(s: &str, sep: &str, maxsplit: i64) -> Vec<String> {
    if maxsplit < 0 {
        s.split(sep).map(|x| x.to_string()).collect()
    } else {
        s.splitn(maxsplit as usize + 1, sep).map(|x| x.to_string()).collect()
    }
}

pub fn rsplit_sep(s: &str, sep: &str, maxsplit: i64) -> Vec<String> {
    let mut v: Vec<String> = if maxsplit < 0 {
        s.rsplit(sep).map(|x| x.to_string()).collect()
    } else {
        s.rsplitn(maxsplit as usize + 1, sep).map(|x| x.to_string()).collect()
    };
    v.reverse();
    v
}

pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let bytes = s.as_bytes();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' && end < bytes.len() && bytes[end] == b'\n' {
                it.next();
                end += 1;
            }
            if keepends {
                out.push(s[start..end].to_string());
            } else {
                out.push(s[start..i].to_string());
            }
            start = end;
        }
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - (col % tabsize);
                    for _ in 0..n {
                        out.push(' ');
                    }
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

pub fn zfill(s: &str, width: i64) -> String {
    let n = char_len(s) as i64;
    if width <= n {
        return s.to_string();
    }
    let fill = (width - n) as usize;
    let mut out = String::with_capacity(s.len() + fill);
    let (sign, rest) = match s.chars().next() {
        Some(c @ '+') | Some(c @ '-') => (Some(c), &s[1..]),
        _ => (None, s),
    };
    if let Some(c) = sign {
        out.push(c);
    }
    for _ in 0..fill {
        out.push('0');
    }
    out.push_str(rest);
    out
}

/// center / ljust / rjust; `kind` is 'c', 'l' or 'r'.
pub fn pad_str(s: &str, width: i64, fill: char, kind: char) -> String {
    let n = char_len(s) as i64;
    if width <= n {
        return s.to_string();
    }
    let marg = width - n;
    let (left, right) = match kind {
        'l' => (0, marg),
        'r' => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width & 1);
            (left, marg - left)
        }
    };
    let mut out = String::with_capacity(s.len() + marg as usize * fill.len_utf8());
    for _ in 0..left {
        out.push(fill);
    }
    out.push_str(s);
    for _ in 0..right {
        out.push(fill);
    }
    out
}

/// ascii(): repr with non-ASCII characters escaped.
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let u = c as u32;
        if u < 128 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{:02x}", u));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{:04x}", u));
        } else {
            out.push_str(&format!("\\U{:08x}", u));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// str.format
// ---------------------------------------------------------------------------------------------

enum AutoState {
    Unset,
    Auto(usize),
    Manual,
}

/// `fmt.format(*pos, **kw)`; `lookup_kw` resolves keyword names (dict for format, mapping
/// for format_map).
pub fn str_format(
    fmt: &str,
    pos: &[Value],
    lookup_kw: &dyn Fn(&str) -> PyResult<Value>,
) -> PyResult<String> {
    let mut auto = AutoState::Unset;
    format_inner(fmt, pos, lookup_kw, &mut auto, 2)
}

fn format_inner(
    fmt: &str,
    pos: &[Value],
    lookup_kw: &dyn Fn(&str) -> PyResult<Value>,
    auto: &mut AutoState,
    depth: i32,
) -> PyResult<String> {
    if depth < 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(fmt.len() + 16);
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        if c == '{' {
            if i + 1 < n && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // find matching '}'
            let mut j = i + 1;
            let mut level = 1;
            let mut in_bracket = false;
            while j < n {
                let d = chars[j];
                if in_bracket {
                    if d == ']' {
                        in_bracket = false;
                    }
                } else if d == '[' {
                    in_bracket = true;
                } else if d == '{' {
                    level += 1;
                } else if d == '}' {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= n {
                if i + 1 == n {
                    return Err(value_error("Single '{' encountered in format string"));
                }
                if level > 1 || in_bracket {
                    return Err(value_error("unmatched '{' in format spec"));
                }
                return Err(value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            out.push_str(&render_field(&field, pos, lookup_kw, auto, depth)?);
            i = j + 1;
        } else if c == '}' {
            if i + 1 < n && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn render_field(
    field: &str,
    pos: &[Value],
    lookup_kw: &dyn Fn(&str) -> PyResult<Value>,
    auto: &mut AutoState,
    depth: i32,
) -> PyResult<String> {
    // split name / conversion / spec (':' and '!' inside [] do not count)
    let chars: Vec<char> = field.chars().collect();
    let mut k = 0;
    let mut in_bracket = false;
    while k < chars.len() {
        let d = chars[k];
        if in_bracket {
            if d == ']' {
                in_bracket = false;
            }
        } else if d == '[' {
            in_bracket = true;
        } else if d == '!' || d == ':' {
            break;
        }
        k += 1;
    }
    let name: String = chars[..k].iter().collect();
    let mut conversion: Option<char> = None;
    let mut spec = String::new();
    if k < chars.len() {
        if chars[k] == '!' {
            if k + 1 >= chars.len() {
                return Err(value_error("end of string while looking for conversion specifier"));
            }
            conversion = Some(chars[k + 1]);
            if k + 2 < chars.len() {
                if chars[k + 2] != ':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
                spec = chars[k + 3..].iter().collect();
            }
        } else {
            spec = chars[k + 1..].iter().collect();
        }
    }
    let obj = resolve_field(&name, pos, lookup_kw, auto)?;
    let obj = match conversion {
        None => obj,
        Some('r') => Value::from(crate::methods_util::repr(&obj)?),
        Some('s') => Value::from(crate::methods_util::str_of(&obj)?),
        Some('a') => Value::from(ascii_escape(&crate::methods_util::repr(&obj)?)),
        Some(c) => {
            return Err(value_error(&format!("Unknown conversion specifier {}", c)));
        }
    };
    let spec = if spec.contains('{') {
        format_inner(&spec, pos, lookup_kw, auto, depth - 1)?
    } else {
        spec
    };
    crate::methods_util::format(&obj, &spec)
}

fn resolve_field(
    name: &str,
    pos: &[Value],
    lookup_kw: &dyn Fn(&str) -> PyResult<Value>,
    auto: &mut AutoState,
) -> PyResult<Value> {
    // first part
    let first_end = name.find(|c| c == '.' || c == '[').unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        let idx = match auto {
            AutoState::Manual => {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ))
            }
            AutoState::Unset => {
                *auto = AutoState::Auto(1);
                0
            }
            AutoState::Auto(n) => {
                let i = *n;
                *n += 1;
                i
            }
        };
        match pos.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(err(
                    "IndexError",
                    &format!("Replacement index {} out of range for positional args tuple", idx),
                ))
            }
        }
    } else if first.bytes().all(|b| b.is_ascii_digit()) {
        if let AutoState::Auto(_) = auto {
            return Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *auto = AutoState::Manual;
        let idx: usize = first.parse().unwrap_or(usize::MAX);
        match pos.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(err(
                    "IndexError",
                    &format!("Replacement index {} out of range for positional args tuple", idx),
                ))
            }
        }
    } else {
        lookup_kw(first)?
    };
    // accessors
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == '.' {
            let mut j = i + 1;
            while j < rest.len() && rest[j] != '.' && rest[j] != '[' {
                j += 1;
            }
            let attr: String = rest[i + 1..j].iter().collect();
            if attr.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            obj = crate::methods_util::get_attr(&obj, &attr)?;
            i = j;
        } else if rest[i] == '[' {
            let mut j = i + 1;
            while j < rest.len() && rest[j] != ']' {
                j += 1;
            }
            if j >= rest.len() {
                return Err(value_error("Missing ']' in format string"));
            }
            let key: String = rest[i + 1..j].iter().collect();
            if key.is_empty() {
                return Err(value_error("Empty attribute in format string"));
            }
            let kv = if key.bytes().all(|b| b.is_ascii_digit()) {
                Value::Int(key.parse().unwrap_or(i64::MAX))
            } else {
                Value::from(key.as_str())
            };
            obj = crate::methods_util::get_item(&obj, &kv)?;
            i = j + 1;
            if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        } else {
            return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(obj)
}

// ---------------------------------------------------------------------------------------------
// Method dispatch
// ---------------------------------------------------------------------------------------------

fn arg_str<'a>(v: &'a Value, what: &str) -> PyResult<&'a Rc<str>> {
    match v {
        Value::Str(s) => Ok(s),
        _ => Err(type_error(&format!(
            "{}must be str, not {}",
            what,
            crate::methods_util::type_name(v)
        ))),
    }
}

fn opt_str(v: &Option<Value>) -> PyResult<Option<Rc<str>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(o) => Err(type_error(&format!(
            "must be str or None, not {}",
            crate::methods_util::type_name(o)
        ))),
    }
}

fn fill_char(v: &Option<Value>, fname: &str) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(Value::Str(s)) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(type_error("The fill character must be exactly one character long")),
            }
        }
        Some(o) => Err(type_error(&format!(
            "{}() argument 2 must be str, not {}",
            fname,
            crate::methods_util::type_name(o)
        ))),
    }
}

fn int_arg(v: &Value) -> PyResult<i64> {
    crate::methods_util::as_index(v)
}

fn strip_set(s: &str, chars: Option<&str>, left: bool, right: bool) -> String {
    match chars {
        None => {
            let mut r = s;
            if left {
                r = r.trim_start_matches(is_py_space);
            }
            if right {
                r = r.trim_end_matches(is_py_space);
            }
            r.to_string()
        }
        Some(cs) => {
            let set: Vec<char> = cs.chars().collect();
            let f = |c: char| set.contains(&c);
            let mut r = s;
            if left {
                r = r.trim_start_matches(f);
            }
            if right {
                r = r.trim_end_matches(f);
            }
            r.to_string()
        }
    }
}

fn str_list(v: Vec<String>) -> Value {
    crate::methods_util::list(v.into_iter().map(Value::from).collect())
}

fn starts_ends(
    s: &str,
    prefix: &Value,
    start: Option<i64>,
    end: Option<i64>,
    ends: bool,
) -> PyResult<bool> {
    let fname = if ends { "endswith" } else { "startswith" };
    let hay = match range_slice(s, start, end) {
        None => return Ok(false),
        Some((h, _)) => h,
    };
    let check = |p: &str| if ends { hay.ends_with(p) } else { hay.starts_with(p) };
    match prefix {
        Value::Str(p) => Ok(check(p)),
        Value::Tuple(items) => {
            for it in items.iter() {
                match it {
                    Value::Str(p) => {
                        if check(p) {
                            return Ok(true);
                        }
                    }
                    o => {
                        return Err(type_error(&format!(
                            "tuple for {} must only contain str, not {}",
                            fname,
                            crate::methods_util::type_name(o)
                        )))
                    }
                }
            }
            Ok(false)
        }
        o => Err(type_error(&format!(
            "{} first arg must be str or a tuple of str, not {}",
            fname,
            crate::methods_util::type_name(o)
        ))),
    }
}

/// `sep.join(iterable)`
pub fn str_join(sep: &str, iterable: &Value) -> PyResult<String> {
    let items = match iterable {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::BigInt(_) => {
            return Err(type_error("can only join an iterable"))
        }
        _ => match crate::methods_util::to_vec(iterable) {
            Ok(v) => v,
            Err(e) => {
                if e.is("TypeError") && matches!(iterable, Value::Instance(_) | Value::Class(_) | Value::Func(_) | Value::Builtin(_)) {
                    return Err(type_error("can only join an iterable"));
                }
                return Err(e);
            }
        },
    };
    let mut total = 0usize;
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Str(s) => total += s.len(),
            o => {
                return Err(type_error(&format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    crate::methods_util::type_name(o)
                )))
            }
        }
    }
    let mut out = String::with_capacity(total + sep.len() * items.len());
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(s) = it {
            out.push_str(s);
        }
    }
    Ok(out)
}

fn maketrans(pos: Vec<Value>) -> PyResult<Value> {
    let mut d = Dict::new();
    match pos.len() {
        1 => {
            match &pos[0] {
                Value::Dict(src) => {
                    for (k, v) in src.borrow().items() {
                        let key = match &k {
                            Value::Str(s) => {
                                let mut it = s.chars();
                                match (it.next(), it.next()) {
                                    (Some(c), None) => Value::Int(c as i64),
                                    _ => {
                                        return Err(value_error(
                                            "string keys in translate table must be of length 1",
                                        ))
                                    }
                                }
                            }
                            Value::Int(_) => k.clone(),
                            _ => {
                                return Err(type_error(
                                    "keys in translate table must be strings or integers",
                                ))
                            }
                        };
                        d.insert(key, v)?;
                    }
                }
                _ => {
                    return Err(type_error(
                        "if you give only one argument to maketrans it must be a dict",
                    ))
                }
            }
        }
        2 | 3 => {
            let x = arg_str(&pos[0], "maketrans() argument 1 ")?;
            let y = arg_str(&pos[1], "maketrans() argument 2 ")?;
            let xs: Vec<char> = x.chars().collect();
            let ys: Vec<char> = y.chars().collect();
            if xs.len() != ys.len() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in xs.iter().zip(ys.iter()) {
                d.insert(Value::Int(*a as i64), Value::Int(*b as i64))?;
            }
            if pos.len() == 3 {
                let z = arg_str(&pos[2], "maketrans() argument 3 ")?;
                for c in z.chars() {
                    d.insert(Value::Int(c as i64), Value::None)?;
                }
            }
        }
        n => {
            return Err(type_error(&format!(
                "maketrans() takes at most 3 arguments ({} given)",
                n
            )))
        }
    }
    Ok(crate::methods_util::dict_value(d))
}

fn translate(s: &str, table: &Value) -> PyResult<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::Int(c as i64);
        let mapped = match table {
            Value::Dict(d) => {
                let r = d.borrow().get(&key)?;
                r
            }
            _ => match crate::methods_util::get_item(table, &key) {
                Ok(v) => Some(v),
                Err(e) => {
                    if crate::methods_util::err_is(&e, "LookupError") {
                        None
                    } else {
                        return Err(e);
                    }
                }
            },
        };
        match mapped {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(r)) => out.push_str(&r),
            Some(Value::Int(i)) => match std::char::from_u32(i as u32) {
                Some(ch) if i >= 0 => out.push(ch),
                _ => return Err(value_error("character mapping must be in range(0x110000)")),
            },
            Some(_) => {
                return Err(type_error("character mapping must return integer, None or str"))
            }
        }
    }
    Ok(out)
}

/// Methods callable on the str class itself (`str.maketrans`).
pub fn str_static_method(name: &str, pos: Vec<Value>) -> Option<PyResult<Value>> {
    match name {
        "maketrans" => Some(maketrans(pos)),
        _ => None,
    }
}

pub const STR_METHODS: &[&str] = &[
    "split", "rsplit", "splitlines", "join", "strip", "lstrip", "rstrip", "replace", "find",
    "rfind", "index", "rindex", "count", "startswith", "endswith", "upper", "lower", "casefold",
    "title", "capitalize", "swapcase", "isdigit", "isalpha", "isalnum", "isspace", "isupper",
    "islower", "istitle", "isdecimal", "isnumeric", "isidentifier", "isprintable", "isascii",
    "center", "ljust", "rjust", "zfill", "partition", "rpartition", "format", "format_map",
    "expandtabs", "encode", "removeprefix", "removesuffix", "translate", "maketrans", "__len__",
    "__contains__", "__getitem__", "__add__", "__mul__", "__eq__", "__ne__", "__lt__", "__le__",
    "__gt__", "__ge__", "__hash__", "__str__", "__repr__", "__format__", "__iter__", "__mod__",
    "__rmul__",
];

/// Dispatch a str method. `recv` is the `Value::Str` itself.
pub fn str_method(
    s: &Rc<str>,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let r: PyResult<Value> = (|| -> PyResult<Value> {
        match name {
            "split" | "rsplit" => {
                let a = bind_args(name, pos, kw, &["sep", "maxsplit"], 0)?;
                let sep = opt_str(&a[0])?;
                let maxsplit = match &a[1] {
                    None => -1,
                    Some(v) => int_arg(v)?,
                };
                let v = match sep {
                    None => {
                        if name == "split" {
                            split_whitespace(s, maxsplit)
                        } else {
                            rsplit_whitespace(s, maxsplit)
                        }
                    }
                    Some(sep) => {
                        if sep.is_empty() {
                            return Err(value_error("empty separator"));
                        }
                        if name == "split" {
                            split_sep(s, &sep, maxsplit)
                        } else {
                            rsplit_sep(s, &sep, maxsplit)
                        }
                    }
                };
                Ok(str_list(v))
            }
            "splitlines" => {
                let a = bind_args(name, pos, kw, &["keepends"], 0)?;
                let keep = match &a[0] {
                    None => false,
                    Some(v) => crate::methods_util::truthy(v)?,
                };
                Ok(str_list(splitlines(s, keep)))
            }
            "join" => {
                let a = bind_args(name, pos, kw, &["iterable"], 1)?;
                Ok(Value::from(str_join(s, a[0].as_ref().unwrap())?))
            }
            "strip" | "lstrip" | "rstrip" => {
                let a = bind_args(name, pos, kw, &["chars"], 0)?;
                let chars = opt_str(&a[0])?;
                let (l, r) = match name {
                    "strip" => (true, true),
                    "lstrip" => (true, false),
                    _ => (false, true),
                };
                let out = strip_set(s, chars.as_deref(), l, r);
                if out.len() == s.len() {
                    return Ok(recv.clone());
                }
                Ok(Value::from(out))
            }
            "replace" => {
                let a = bind_args(name, pos, kw, &["old", "new", "count"], 2)?;
                let old = arg_str(a[0].as_ref().unwrap(), "replace() argument 1 ")?;
                let new = arg_str(a[1].as_ref().unwrap(), "replace() argument 2 ")?;
                let count = match &a[2] {
                    None => -1,
                    Some(v) => int_arg(v)?,
                };
                if count < 0 {
                    if !old.is_empty() && !s.contains(&**old) {
                        return Ok(recv.clone());
                    }
                    Ok(Value::from(s.replace(&**old, new)))
                } else {
                    Ok(Value::from(s.replacen(&**old, new, count as usize)))
                }
            }
            "find" | "rfind" | "index" | "rindex" | "count" => {
                let a = bind_args(name, pos, kw, &["sub", "start", "end"], 1)?;
                let sub = match a[0].as_ref().unwrap() {
                    Value::Str(x) => x.clone(),
                    o => {
                        return Err(type_error(&format!(
                            "must be str, not {}",
                            crate::methods_util::type_name(o)
                        )))
                    }
                };
                let st = arg_index_opt(&a[1])?;
                let en = arg_index_opt(&a[2])?;
                let r = match name {
                    "find" | "index" => str_find(s, &sub, st, en),
                    "rfind" | "rindex" => str_rfind(s, &sub, st, en),
                    _ => return Ok(Value::Int(str_count(s, &sub, st, en))),
                };
                if r < 0 && (name == "index" || name == "rindex") {
                    return Err(value_error("substring not found"));
                }
                Ok(Value::Int(r))
            }
            "startswith" | "endswith" => {
                let a = bind_args(name, pos, kw, &["prefix", "start", "end"], 1)?;
                let st = arg_index_opt(&a[1])?;
                let en = arg_index_opt(&a[2])?;
                Ok(Value::Bool(starts_ends(s, a[0].as_ref().unwrap(), st, en, name == "endswith")?))
            }
            "upper" | "lower" | "casefold" | "title" | "capitalize" | "swapcase" => {
                bind_args(name, pos, kw, &[], 0)?;
                Ok(Value::from(match name {
                    "upper" => py_upper(s),
                    "lower" => py_lower(s),
                    "casefold" => py_casefold(s),
                    "title" => py_title(s),
                    "capitalize" => py_capitalize(s),
                    _ => py_swapcase(s),
                }))
            }
            "isdigit" | "isalpha" | "isalnum" | "isspace" | "isdecimal" | "isnumeric"
            | "isprintable" | "isascii" | "isupper" | "islower" | "istitle" | "isidentifier" => {
                bind_args(name, pos, kw, &[], 0)?;
                let ne = !s.is_empty();
                let b = match name {
                    "isdigit" => ne && s.chars().all(is_digit_char),
                    "isalpha" => ne && s.chars().all(is_alpha_char),
                    "isalnum" => ne && s.chars().all(is_alnum_char),
                    "isspace" => ne && s.chars().all(is_py_space),
                    "isdecimal" => ne && s.chars().all(is_decimal_char),
                    "isnumeric" => ne && s.chars().all(is_numeric_char),
                    "isprintable" => s.chars().all(is_printable_char),
                    "isascii" => s.is_ascii(),
                    "isupper" => py_isupper(s),
                    "islower" => py_islower(s),
                    "istitle" => py_istitle(s),
                    _ => py_isidentifier(s),
                };
                Ok(Value::Bool(b))
            }
            "center" | "ljust" | "rjust" => {
                let a = bind_args(name, pos, kw, &["width", "fillchar"], 1)?;
                let w = int_arg(a[0].as_ref().unwrap())?;
                let f = fill_char(&a[1], name)?;
                let kind = match name {
                    "center" => 'c',
                    "ljust" => 'l',
                    _ => 'r',
                };
                if w <= char_len(s) as i64 {
                    return Ok(recv.clone());
                }
                Ok(Value::from(pad_str(s, w, f, kind)))
            }
            "zfill" => {
                let a = bind_args(name, pos, kw, &["width"], 1)?;
                let w = int_arg(a[0].as_ref().unwrap())?;
                Ok(Value::from(zfill(s, w)))
            }
            "partition" | "rpartition" => {
                let a = bind_args(name, pos, kw, &["sep"], 1)?;
                let sep = arg_str(a[0].as_ref().unwrap(), "")?;
                if sep.is_empty() {
                    return Err(value_error("empty separator"));
                }
                let found = if name == "partition" { s.find(&**sep) } else { s.rfind(&**sep) };
                let t = match found {
                    Some(b) => vec![
                        Value::from(&s[..b]),
                        Value::Str(sep.clone()),
                        Value::from(&s[b + sep.len()..]),
                    ],
                    None => {
                        if name == "partition" {
                            vec![recv.clone(), Value::from(""), Value::from("")]
                        } else {
                            vec![Value::from(""), Value::from(""), recv.clone()]
                        }
                    }
                };
                Ok(crate::methods_util::tuple(t))
            }
            "format" => {
                let kwl = kw;
                let lookup = |k: &str| -> PyResult<Value> {
                    for (n, v) in kwl.iter() {
                        if n == k {
                            return Ok(v.clone());
                        }
                    }
                    Err(key_error(Value::from(k)))
                };
                Ok(Value::from(str_format(s, &pos, &lookup)?))
            }
            "format_map" => {
                let a = bind_args(name, pos, kw, &["mapping"], 1)?;
                let m = a[0].clone().unwrap();
                let lookup = |k: &str| -> PyResult<Value> {
                    crate::methods_util::get_item(&m, &Value::from(k))
                };
                Ok(Value::from(str_format(s, &[], &lookup)?))
            }
            "expandtabs" => {
                let a = bind_args(name, pos, kw, &["tabsize"], 0)?;
                let t = match &a[0] {
                    None => 8,
                    Some(v) => int_arg(v)?,
                };
                Ok(Value::from(expandtabs(s, t)))
            }
            "encode" => {
                let a = bind_args(name, pos, kw, &["encoding", "errors"], 0)?;
                let enc = opt_str(&a[0])?;
                let enc = enc.as_deref().unwrap_or("utf-8").to_ascii_lowercase().replace('_', "-");
                match enc.as_str() {
                    "utf-8" | "utf8" => Ok(Value::Bytes(Rc::new(s.as_bytes().to_vec()))),
                    "ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
                        let limit = if enc == "ascii" { 128 } else { 256 };
                        let mut out = Vec::with_capacity(s.len());
                        for (i, c) in s.chars().enumerate() {
                            if (c as u32) < limit {
                                out.push(c as u32 as u8);
                            } else {
                                let errors = opt_str(&a[1])?;
                                match errors.as_deref() {
                                    Some("ignore") => {}
                                    Some("replace") => out.push(b'?'),
                                    _ => {
                                        return Err(err(
                                            "UnicodeEncodeError",
                                            &format!(
                                                "'{}' codec can't encode character '{}' in position {}: ordinal not in range({})",
                                                if enc == "ascii" { "ascii" } else { "latin-1" },
                                                {
                                                    let u = c as u32;
                                                    if u < 0x100 {
                                                        format!("\\x{:02x}", u)
                                                    } else if u < 0x10000 {
                                                        format!("\\u{:04x}", u)
                                                    } else {
                                                        format!("\\U{:08x}", u)
                                                    }
                                                },
                                                i,
                                                limit
                                            ),
                                        ))
                                    }
                                }
                            }
                        }
                        Ok(Value::Bytes(Rc::new(out)))
                    }
                    _ => Err(err("LookupError", &format!("unknown encoding: {}", enc))),
                }
            }
            "removeprefix" | "removesuffix" => {
                let a = bind_args(name, pos, kw, &["fix"], 1)?;
                let p = arg_str(a[0].as_ref().unwrap(), &format!("{}() argument ", name))?;
                let r = if name == "removeprefix" {
                    s.strip_prefix(&**p)
                } else {
                    s.strip_suffix(&**p)
                };
                match r {
                    Some(x) if !p.is_empty() => Ok(Value::from(x)),
                    _ => Ok(recv.clone()),
                }
            }
            "translate" => {
                let a = bind_args(name, pos, kw, &["table"], 1)?;
                Ok(Value::from(translate(s, a[0].as_ref().unwrap())?))
            }
            "maketrans" => maketrans(pos),
            "__len__" => Ok(Value::Int(char_len(s) as i64)),
            "__str__" => Ok(recv.clone()),
            "__repr__" => Ok(Value::from(crate::methods_util::repr(recv)?)),
            "__format__" => {
                let a = bind_args(name, pos, kw, &["format_spec"], 1)?;
                let spec = arg_str(a[0].as_ref().unwrap(), "__format__() argument ")?;
                Ok(Value::from(crate::methods_util::format(recv, &spec)?))
            }
            "__contains__" | "__getitem__" | "__add__" | "__mul__" | "__rmul__" | "__mod__"
            | "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" | "__hash__"
            | "__iter__" => crate::methods_util::generic_dunder(recv, name, pos),
            _ => Err(PyErr_none()),
        }
    })();
    match r {
        Err(e) if is_none_marker(&e) => None,
        r => Some(r),
    }
}

// A private marker error meaning "no such method" (never escapes this module).
#[allow(non_snake_case)]
fn PyErr_none() -> PyErr {
    PyErr { exc: Value::Str(Rc::from("\u{0}__no_such_method__")) }
}

fn is_none_marker(e: &PyErr) -> bool {
    matches!(&e.exc, Value::Str(s) if &**s == "\u{0}__no_such_method__")
}

pub(crate) fn no_such_method() -> PyErr {
    PyErr_none()
}

pub(crate) fn is_no_such_method(e: &PyErr) -> bool {
    is_none_marker(e)
}

// ---------------------------------------------------------------------------------------------
// bytes
// ---------------------------------------------------------------------------------------------

pub const BYTES_METHODS: &[&str] = &[
    "decode", "hex", "count", "find", "index", "startswith", "endswith", "upper", "lower",
    "strip", "split", "join", "replace", "__len__",
];

pub fn bytes_method(
    b: &Rc<Vec<u8>>,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let r: PyResult<Value> = (|| -> PyResult<Value> {
        let bytes_arg = |v: &Value| -> PyResult<Vec<u8>> {
            match v {
                Value::Bytes(x) => Ok(x.to_vec()),
                Value::Int(i) if *i >= 0 && *i < 256 => Ok(vec![*i as u8]),
                o => Err(type_error(&format!(
                    "a bytes-like object is required, not '{}'",
                    crate::methods_util::type_name(o)
                ))),
            }
        };
        match name {
            "decode" => {
                let a = bind_args(name, pos, kw, &["encoding", "errors"], 0)?;
                let enc = opt_str(&a[0])?;
                let errors = opt_str(&a[1])?;
                let enc = enc.as_deref().unwrap_or("utf-8").to_ascii_lowercase().replace('_', "-");
                match enc.as_str() {
                    "latin-1" | "latin1" | "iso-8859-1" => {
                        Ok(Value::from(b.iter().map(|&c| c as char).collect::<String>()))
                    }
                    "ascii" | "utf-8" | "utf8" => {
                        if enc == "ascii" {
                            if let Some(p) = b.iter().position(|&c| c >= 128) {
                                if errors.as_deref() != Some("ignore")
                                    && errors.as_deref() != Some("replace")
                                {
                                    return Err(err("UnicodeDecodeError", &format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", b[p], p)));
                                }
                            }
                        }
                        match std::str::from_utf8(b) {
                            Ok(s) => Ok(Value::from(s)),
                            Err(e) => match errors.as_deref() {
                                Some("replace") => Ok(Value::from(String::from_utf8_lossy(b).into_owned())),
                                Some("ignore") => {
                                    let s = String::from_utf8_lossy(b).replace('\u{FFFD}', "");
                                    Ok(Value::from(s))
                                }
                                _ => {
                                    let p = e.valid_up_to();
                                    Err(err(
                                        "UnicodeDecodeError",
                                        &format!(
                                            "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                                            b[p], p
                                        ),
                                    ))
                                }
                            },
                        }
                    }
                    _ => Err(err("LookupError", &format!("unknown encoding: {}", enc))),
                }
            }
            "hex" => {
                bind_args(name, pos, kw, &[], 0)?;
                let mut s = String::with_capacity(b.len() * 2);
                for c in b.iter() {
                    s.push_str(&format!("{:02x}", c));
                }
                Ok(Value::from(s))
            }
            "count" => {
                let a = bind_args(name, pos, kw, &["sub"], 1)?;
                let sub = bytes_arg(a[0].as_ref().unwrap())?;
                if sub.is_empty() {
                    return Ok(Value::Int(b.len() as i64 + 1));
                }
                let mut n = 0;
                let mut i = 0;
                while i + sub.len() <= b.len() {
                    if b[i..i + sub.len()] == sub[..] {
                        n += 1;
                        i += sub.len();
                    } else {
                        i += 1;
                    }
                }
                Ok(Value::Int(n))
            }
            "find" | "index" => {
                let a = bind_args(name, pos, kw, &["sub"], 1)?;
                let sub = bytes_arg(a[0].as_ref().unwrap())?;
                let mut found = -1i64;
                if sub.len() <= b.len() {
                    for i in 0..=(b.len() - sub.len()) {
                        if b[i..i + sub.len()] == sub[..] {
                            found = i as i64;
                            break;
                        }
                    }
                }
                if found < 0 && name == "index" {
                    return Err(value_error("subsection not found"));
                }
                Ok(Value::Int(found))
            }
            "startswith" | "endswith" => {
                let a = bind_args(name, pos, kw, &["prefix"], 1)?;
                let p = bytes_arg(a[0].as_ref().unwrap())?;
                Ok(Value::Bool(if name == "startswith" { b.starts_with(&p) } else { b.ends_with(&p) }))
            }
            "upper" => Ok(Value::Bytes(Rc::new(b.to_ascii_uppercase()))),
            "lower" => Ok(Value::Bytes(Rc::new(b.to_ascii_lowercase()))),
            "strip" => {
                let mut s = 0;
                let mut e = b.len();
                while s < e && b[s].is_ascii_whitespace() {
                    s += 1;
                }
                while e > s && b[e - 1].is_ascii_whitespace() {
                    e -= 1;
                }
                Ok(Value::Bytes(Rc::new(b[s..e].to_vec())))
            }
            "split" => {
                let a = bind_args(name, pos, kw, &["sep"], 0)?;
                let parts: Vec<Value> = match &a[0] {
                    None | Some(Value::None) => b
                        .split(|c| c.is_ascii_whitespace())
                        .filter(|p| !p.is_empty())
                        .map(|p| Value::Bytes(Rc::new(p.to_vec())))
                        .collect(),
                    Some(v) => {
                        let sep = bytes_arg(v)?;
                        if sep.is_empty() {
                            return Err(value_error("empty separator"));
                        }
                        let mut out = Vec::new();
                        let mut start = 0;
                        let mut i = 0;
                        while i + sep.len() <= b.len() {
                            if b[i..i + sep.len()] == sep[..] {
                                out.push(Value::Bytes(Rc::new(b[start..i].to_vec())));
                                i += sep.len();
                                start = i;
                            } else {
                                i += 1;
                            }
                        }
                        out.push(Value::Bytes(Rc::new(b[start..].to_vec())));
                        out
                    }
                };
                Ok(crate::methods_util::list(parts))
            }
            "join" => {
                let a = bind_args(name, pos, kw, &["iterable"], 1)?;
                let items = crate::methods_util::to_vec(a[0].as_ref().unwrap())?;
                let mut out = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(b);
                    }
                    match it {
                        Value::Bytes(x) => out.extend_from_slice(x),
                        o => {
                            return Err(type_error(&format!(
                                "sequence item {}: expected a bytes-like object, {} found",
                                i,
                                crate::methods_util::type_name(o)
                            )))
                        }
                    }
                }
                Ok(Value::Bytes(Rc::new(out)))
            }
            "replace" => {
                let a = bind_args(name, pos, kw, &["old", "new"], 2)?;
                let old = bytes_arg(a[0].as_ref().unwrap())?;
                let new = bytes_arg(a[1].as_ref().unwrap())?;
                if old.is_empty() {
                    return Ok(recv.clone());
                }
                let mut out = Vec::new();
                let mut i = 0;
                while i < b.len() {
                    if i + old.len() <= b.len() && b[i..i + old.len()] == old[..] {
                        out.extend_from_slice(&new);
                        i += old.len();
                    } else {
                        out.push(b[i]);
                        i += 1;
                    }
                }
                Ok(Value::Bytes(Rc::new(out)))
            }
            "__len__" => Ok(Value::Int(b.len() as i64)),
            _ => Err(no_such_method()),
        }
    })();
    match r {
        Err(e) if is_no_such_method(&e) => None,
        r => Some(r),
    }
}
