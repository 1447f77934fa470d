//! Python's format-spec mini-language (owned by helper N), a port of CPython 3.11's
//! Python/formatter_unicode.c. Error strings are CPython's ValueError texts, except the few
//! that CPython raises as OverflowError: see `error_class`.
//!
//! Recommended entry points for `format(x, spec)` / f-string fields:
//! `format_int_spec`, `format_i64_spec`, `format_float_spec`, `format_str_spec`: they take the
//! raw spec string plus the Python type name used in error messages (e.g. "int", "bool",
//! "float", "str") and handle the empty spec.
use crate::bigint::BigInt;
use crate::pyfloat::{double_to_string, DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0};

#[derive(Clone, Debug, Default)]
pub struct Spec {
    /// explicit fill char (only when followed by an align char)
    pub fill: Option<char>,
    /// explicit alignment: '<' '>' '^' '='
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    /// the '0' flag was given (fill '0', and '=' alignment for numbers when no explicit align)
    pub zero: bool,
    /// the 'z' flag (coerce negative zero, floats only)
    pub no_neg_0: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
    /// Set by `parse_spec` when the spec had trailing garbage: the format_* functions then
    /// fail with "Invalid format specifier '<spec>' for object of type '<their type>'".
    pub invalid: Option<String>,
}

impl Spec {
    /// effective fill char
    pub fn fill_char(&self) -> char {
        match self.fill {
            Some(c) => c,
            None => {
                if self.zero {
                    '0'
                } else {
                    ' '
                }
            }
        }
    }
    /// effective alignment given the type's default ('>' numbers, '<' strings)
    pub fn align_char(&self, default_align: char) -> char {
        match self.align {
            Some(a) => a,
            None => {
                if self.zero && default_align == '>' {
                    '='
                } else {
                    default_align
                }
            }
        }
    }
}

/// Which Python exception a message returned by this module belongs to.
pub fn error_class(msg: &str) -> &'static str {
    if msg == "int too large to convert to float"
        || msg.starts_with("%c arg not in range")
        || msg.starts_with("Python int too large")
    {
        "OverflowError"
    } else {
        "ValueError"
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut val: u64 = 0;
    let mut n = 0;
    while *pos < chars.len() {
        let c = chars[*pos];
        let d = match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => d,
            _ => break,
        };
        val = match val.checked_mul(10).and_then(|v| v.checked_add(d as u64)) {
            Some(v) if v <= i64::MAX as u64 => v,
            _ => return Err("Too many decimal digits in format string".to_string()),
        };
        n += 1;
        *pos += 1;
    }
    if n == 0 {
        return Ok(None);
    }
    if val > usize::MAX as u64 {
        return Err("Too many decimal digits in format string".to_string());
    }
    Ok(Some(val as usize))
}

/// Parse a spec "[[fill]align][sign][z][#][0][width][grouping][.precision][type]".
/// A spec with trailing garbage parses to a Spec with `invalid` set (the format_* functions
/// then report CPython's "Invalid format specifier ... for object of type 'T'" with their T).
pub fn parse_spec(spec: &str) -> Result<Spec, String> {
    parse_spec_impl(spec, None)
}

/// `parse_spec` that reports trailing garbage at once, naming `type_name` in the message.
pub fn parse_spec_for(spec: &str, type_name: &str) -> Result<Spec, String> {
    parse_spec_impl(spec, Some(type_name))
}

fn invalid_spec_msg(spec: &str, type_name: &str) -> String {
    format!("Invalid format specifier '{}' for object of type '{}'", spec, type_name)
}

/// Grouping validation uses the explicit type only (the caller's default type is checked by
/// the format_* functions).
fn parse_spec_impl(spec: &str, type_name: Option<&str>) -> Result<Spec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut f = Spec::default();
    if end - pos >= 2 && is_align(chars[pos + 1]) {
        f.align = Some(chars[pos + 1]);
        f.fill = Some(chars[pos]);
        pos += 2;
    } else if end - pos >= 1 && is_align(chars[pos]) {
        f.align = Some(chars[pos]);
        pos += 1;
    }
    if end - pos >= 1 && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if end - pos >= 1 && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if end - pos >= 1 && chars[pos] == '#' {
        f.alt = true;
        pos += 1;
    }
    if f.fill.is_none() && end - pos >= 1 && chars[pos] == '0' {
        f.zero = true;
        pos += 1;
    }
    if let Some(w) = get_integer(&chars, &mut pos)? {
        f.width = w;
    }
    if end - pos >= 1 && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if end - pos >= 1 && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if end - pos >= 1 && chars[pos] == ',' && f.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if end - pos >= 1 && chars[pos] == '.' {
        pos += 1;
        match get_integer(&chars, &mut pos)? {
            Some(p) => f.precision = Some(p),
            None => return Err("Format specifier missing precision".to_string()),
        }
    }
    if end - pos > 1 {
        return match type_name {
            Some(t) => Err(invalid_spec_msg(spec, t)),
            None => {
                f.invalid = Some(spec.to_string());
                Ok(f)
            }
        };
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    if let (Some(g), Some(t)) = (f.grouping, f.ty) {
        check_grouping(g, t)?;
    }
    Ok(f)
}

fn check_grouping(g: char, t: char) -> Result<(), String> {
    match t {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' => Ok(()),
        'b' | 'o' | 'x' | 'X' if g == '_' => Ok(()),
        _ => {
            let code = t as u32;
            if code > 32 && code < 128 {
                Err(format!("Cannot specify '{}' with '{}'.", g, t))
            } else {
                Err(format!("Cannot specify '{}' with '\\x{:x}'.", g, code))
            }
        }
    }
}

fn unknown_code(t: char, type_name: &str) -> String {
    let code = t as u32;
    if code > 32 && code < 128 {
        format!("Unknown format code '{}' for object of type '{}'", t, type_name)
    } else {
        format!("Unknown format code '\\x{:x}' for object of type '{}'", code, type_name)
    }
}

/// Shared alignment/fill by char count: '<' left, '>' right, '^' centre (extra on the right),
/// '=' treated like '<' (strings). Uses the spec's width, effective fill and alignment.
pub fn pad(body: &str, spec: &Spec, default_align: char) -> String {
    let n = body.chars().count();
    if spec.width <= n {
        return body.to_string();
    }
    let total = spec.width - n;
    let fill = spec.fill_char();
    let (l, r) = match spec.align_char(default_align) {
        '>' => (total, 0),
        '^' => (total / 2, total - total / 2),
        _ => (0, total),
    };
    let mut out = String::with_capacity(body.len() + total * fill.len_utf8());
    for _ in 0..l {
        out.push(fill);
    }
    out.push_str(body);
    for _ in 0..r {
        out.push(fill);
    }
    out
}

/// Port of _PyUnicode_InsertThousandsGrouping: `group` == 0 means no grouping (only the zero
/// padding up to `min_width`).
fn group_digits(digits: &[u8], min_width: i64, group: i64, sep: char) -> String {
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let mut out: Vec<char> = Vec::with_capacity(digits.len() * 2); // reversed
    let mut pos = digits.len();
    let mut use_sep = false;
    let mut broken = false;
    let emit = |len: i64, remaining: i64, use_sep: bool, out: &mut Vec<char>, pos: &mut usize| -> i64 {
        let n_zeros = std::cmp::max(0, len - remaining);
        let n_chars = std::cmp::max(0, std::cmp::min(remaining, len));
        if use_sep {
            out.push(sep);
        }
        for _ in 0..n_chars {
            *pos -= 1;
            out.push(digits[*pos] as char);
        }
        for _ in 0..n_zeros {
            out.push('0');
        }
        n_chars
    };
    if group > 0 {
        loop {
            let len = std::cmp::min(group, std::cmp::max(std::cmp::max(remaining, min_width), 1));
            let n_chars = emit(len, remaining, use_sep, &mut out, &mut pos);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = std::cmp::max(std::cmp::max(remaining, min_width), 1);
        emit(len, remaining, use_sep, &mut out, &mut pos);
    }
    out.iter().rev().collect()
}

/// Assemble [lpad][sign][prefix][spad][grouped digits][decimal][remainder][rpad]
/// (port of calc_number_widths + fill_number). `digits` are ASCII digits (or a single char
/// for 'c'), `remainder` follows the optional decimal point.
fn build_number(
    negative: bool,
    prefix: &str,
    digits: &str,
    has_decimal: bool,
    remainder: &str,
    spec: &Spec,
    group: i64,
    sep: char,
) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => {
            if negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let fill = spec.fill_char();
    let align = spec.align_char('>');
    let width = spec.width as i64;
    let n_non_digit = sign.map_or(0, |_| 1)
        + prefix.chars().count() as i64
        + if has_decimal { 1 } else { 0 }
        + remainder.chars().count() as i64;
    let min_width = if fill == '0' && align == '=' { width - n_non_digit } else { 0 };
    let grouped = if digits.is_empty() {
        String::new()
    } else if digits.len() == 1 && !digits.as_bytes()[0].is_ascii_digit() || !digits.is_ascii() {
        // 'c' formatting: the char itself, zero padding on the left
        let mut s = String::new();
        let n = digits.chars().count() as i64;
        for _ in n..min_width {
            s.push('0');
        }
        s.push_str(digits);
        s
    } else {
        group_digits(digits.as_bytes(), min_width, group, sep)
    };
    let n_padding = width - (n_non_digit + grouped.chars().count() as i64);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    for _ in 0..lpad {
        out.push(fill);
    }
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    for _ in 0..spad {
        out.push(fill);
    }
    out.push_str(&grouped);
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    for _ in 0..rpad {
        out.push(fill);
    }
    out
}

fn grouping_params(spec: &Spec, ty: char) -> (i64, char) {
    if ty == 'n' {
        return (0, ',');
    }
    match spec.grouping {
        Some(',') => (3, ','),
        Some('_') => {
            if matches!(ty, 'b' | 'o' | 'x' | 'X') {
                (4, '_')
            } else {
                (3, '_')
            }
        }
        _ => (0, ','),
    }
}

/// format(int, spec) for the parsed spec (type name "int" in errors).
pub fn format_int(v: &BigInt, spec: &Spec) -> Result<String, String> {
    format_int_typed(v, spec, "int")
}

/// format(int, spec) with the Python type name used in error messages (e.g. "bool").
pub fn format_int_typed(v: &BigInt, spec: &Spec, type_name: &str) -> Result<String, String> {
    if let Some(bad) = &spec.invalid {
        return Err(invalid_spec_msg(bad, type_name));
    }
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v.to_f64();
            if f.is_infinite() {
                return Err("int too large to convert to float".to_string());
            }
            return format_float_inner(f, spec);
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".to_string());
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if spec.alt {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".to_string());
        }
        let code = match v.to_i64() {
            Some(c) => c,
            None => return Err("Python int too large to convert to C long".to_string()),
        };
        if !(0..=0x10ffff).contains(&code) {
            return Err("%c arg not in range(0x110000)".to_string());
        }
        let ch = match char::from_u32(code as u32) {
            Some(c) => c,
            None => '\u{fffd}', // lone surrogate: not representable in a Rust String
        };
        let s = ch.to_string();
        return Ok(build_number(false, "", &s, false, "", spec, 0, ','));
    }
    let (radix, pfx) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.abs().to_str_radix(radix);
    if ty == 'X' {
        digits = digits.to_ascii_uppercase();
    }
    let prefix = if spec.alt { pfx } else { "" };
    let (group, sep) = grouping_params(spec, ty);
    Ok(build_number(v.is_negative(), prefix, &digits, false, "", spec, group, sep))
}

/// format(i64, spec) (type name "int" in errors).
pub fn format_i64(v: i64, spec: &Spec) -> Result<String, String> {
    format_i64_typed(v, spec, "int")
}

pub fn format_i64_typed(v: i64, spec: &Spec, type_name: &str) -> Result<String, String> {
    if let Some(bad) = &spec.invalid {
        return Err(invalid_spec_msg(bad, type_name));
    }
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'd' | 'n')
        && spec.precision.is_none()
        && !spec.no_neg_0
        && spec.width == 0
        && spec.grouping.is_none()
        && spec.sign.is_none()
    {
        return Ok(v.to_string());
    }
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return format_float_inner(v as f64, spec);
    }
    format_int_typed(&BigInt::from_i64(v), spec, type_name)
}

/// format(float, spec) for the parsed spec (type name "float" in errors).
pub fn format_float(v: f64, spec: &Spec) -> Result<String, String> {
    format_float_typed(v, spec, "float")
}

pub fn format_float_typed(v: f64, spec: &Spec, type_name: &str) -> Result<String, String> {
    if let Some(bad) = &spec.invalid {
        return Err(invalid_spec_msg(bad, type_name));
    }
    match spec.ty {
        None | Some('e') | Some('E') | Some('f') | Some('F') | Some('g') | Some('G') | Some('n')
        | Some('%') => format_float_inner(v, spec),
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

fn format_float_inner(v: f64, spec: &Spec) -> Result<String, String> {
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err("precision too big".to_string());
        }
    }
    let mut flags = 0;
    if spec.alt {
        flags |= DTSF_ALT;
    }
    if spec.no_neg_0 {
        flags |= DTSF_NO_NEG_0;
    }
    let orig_ty = spec.ty;
    let mut ty = spec.ty.unwrap_or('r');
    let mut default_precision = 6;
    if spec.ty.is_none() {
        flags |= DTSF_ADD_DOT_0;
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = v;
    let mut add_pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(val, ty, precision, flags);
    if add_pct {
        buf.push('%');
    }
    let (negative, rest) = if let Some(stripped) = buf.strip_prefix('-') {
        (true, stripped)
    } else {
        (false, &buf[..])
    };
    let nd = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
    let digits = &rest[..nd];
    let has_decimal = rest[nd..].starts_with('.');
    let remainder = if has_decimal { &rest[nd + 1..] } else { &rest[nd..] };
    let (group, sep) = if orig_ty == Some('n') {
        (0, ',')
    } else {
        grouping_params(spec, ty)
    };
    Ok(build_number(negative, "", digits, has_decimal, remainder, spec, group, sep))
}

/// format(str, spec) for the parsed spec (type name "str" in errors).
pub fn format_str(s: &str, spec: &Spec) -> Result<String, String> {
    format_str_typed(s, spec, "str")
}

pub fn format_str_typed(s: &str, spec: &Spec, type_name: &str) -> Result<String, String> {
    if let Some(bad) = &spec.invalid {
        return Err(invalid_spec_msg(bad, type_name));
    }
    if spec.ty.is_none() {
        if let Some(g) = spec.grouping {
            check_grouping(g, 's')?;
        }
    }
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if let Some(sign) = spec.sign {
        if sign == ' ' {
            return Err("Space not allowed in string format specifier".to_string());
        }
        return Err("Sign not allowed in string format specifier".to_string());
    }
    if spec.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in string format specifier".to_string());
    }
    if spec.alt {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let body: std::borrow::Cow<str> = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => std::borrow::Cow::Borrowed(&s[..i]),
            None => std::borrow::Cow::Borrowed(s),
        },
        None => std::borrow::Cow::Borrowed(s),
    };
    Ok(pad(&body, spec, '<'))
}

// ---------------------------------------------------------------------------------------------
// one-call entry points (raw spec string, Python type name for messages)

/// format(int, spec); `type_name` "int" (or "bool" etc. for messages). An empty spec gives the
/// decimal digits: for bool the caller must return 'True'/'False' itself in that case.
pub fn format_int_spec(v: &BigInt, spec: &str, type_name: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(v.to_str_radix(10));
    }
    let sp = parse_spec_for(spec, type_name)?;
    format_int_typed(v, &sp, type_name)
}

pub fn format_i64_spec(v: i64, spec: &str, type_name: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(v.to_string());
    }
    let sp = parse_spec_for(spec, type_name)?;
    format_i64_typed(v, &sp, type_name)
}

/// format(float, spec); empty spec gives repr(v).
pub fn format_float_spec(v: f64, spec: &str, type_name: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(crate::pyfloat::float_repr(v));
    }
    let sp = parse_spec_for(spec, type_name)?;
    format_float_typed(v, &sp, type_name)
}

/// format(str, spec); empty spec gives s.
pub fn format_str_spec(s: &str, spec: &str, type_name: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let sp = parse_spec_for(spec, type_name)?;
    format_str_typed(s, &sp, type_name)
}
