//! Python float semantics (owned by helper N): repr, %-style/format() conversions, round(),
//! float(str) parsing, floor division/modulo, hashing.
//!
//! All decimal conversions are exact: the binary value m * 2^e is scaled by a power of ten in
//! integer arithmetic (u128 fast path, BigInt otherwise) and rounded half-even, which is what
//! CPython's dtoa (modes 2 and 3) does. The shortest repr digits come from Rust's `{:e}`
//! (shortest round-trip, closest), laid out by a port of CPython's `format_float_short`.
use crate::bigint::BigInt;

/// PyOS_double_to_string flags
pub const DTSF_SIGN: u32 = 1;
pub const DTSF_ADD_DOT_0: u32 = 2;
pub const DTSF_ALT: u32 = 4;
pub const DTSF_NO_NEG_0: u32 = 8;

/// |x| = m * 2^e for finite non-zero x
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

fn pow10_u128(k: u32) -> u128 {
    let mut v: u128 = 1;
    for _ in 0..k {
        v *= 10;
    }
    v
}

/// round_half_even(n / d) for u128
fn div_round_u128(n: u128, d: u128) -> u128 {
    let q = n / d;
    let r = n % d;
    let rest = d - r;
    if r > rest || (r == rest && q & 1 == 1) {
        q + 1
    } else {
        q
    }
}

fn round_scaled_fast(m: u64, e: i32, k: i32) -> Option<u128> {
    let mut num: u128 = m as u128;
    let mut den: u128 = 1;
    if k >= 0 {
        if k > 19 {
            return None;
        }
        num *= pow10_u128(k as u32); // < 2^53 * 2^64
    } else {
        if -k > 38 {
            return None;
        }
        den = pow10_u128((-k) as u32);
    }
    if e >= 0 {
        if num.leading_zeros() as i32 <= e {
            return None;
        }
        num <<= e;
    } else {
        let s = -e;
        if den == 1 {
            if s >= 129 {
                return Some(0); // num < 2^128 <= 2^(s-1)
            }
            if s == 128 {
                // half = 2^127; num < 2^117
                return Some(0);
            }
            let q = num >> s;
            let r = num & ((1u128 << s) - 1);
            let half = 1u128 << (s - 1);
            return Some(if r > half || (r == half && q & 1 == 1) { q + 1 } else { q });
        }
        if den.leading_zeros() as i32 <= s {
            return None;
        }
        den <<= s;
    }
    Some(div_round_u128(num, den))
}

/// round_half_even(m * 2^e * 10^k) exactly
fn round_scaled(m: u64, e: i32, k: i32) -> BigInt {
    if let Some(v) = round_scaled_fast(m, e, k) {
        return BigInt::from_u128(v);
    }
    let mut num = BigInt::from_u64(m);
    let mut den = BigInt::one();
    if k >= 0 {
        num = num.mul(&BigInt::pow10(k as u32));
    } else {
        den = BigInt::pow10((-k) as u32);
    }
    if e >= 0 {
        num = num.shl(e as u64);
    } else {
        den = den.shl((-e) as u64);
    }
    let (q, r) = num.divmod_floor(&den);
    let r2 = r.shl(1);
    match r2.cmp(&den) {
        std::cmp::Ordering::Greater => q.add(&BigInt::one()),
        std::cmp::Ordering::Equal if q.is_odd() => q.add(&BigInt::one()),
        _ => q,
    }
}

/// compare m * 2^e with 10^k
fn cmp_pow10(m: u64, e: i32, k: i32) -> std::cmp::Ordering {
    let mut lhs = BigInt::from_u64(m);
    let mut rhs = BigInt::one();
    if k >= 0 {
        rhs = BigInt::pow10(k as u32);
    } else {
        lhs = lhs.mul(&BigInt::pow10((-k) as u32));
    }
    if e >= 0 {
        lhs = lhs.shl(e as u64);
    } else {
        rhs = rhs.shl((-e) as u64);
    }
    lhs.cmp(&rhs)
}

/// floor(log10(m * 2^e)), exact
fn floor_log10(m: u64, e: i32) -> i32 {
    let est = (m as f64).log10() + e as f64 * std::f64::consts::LOG10_2;
    let mut k = est.floor() as i32;
    if (est - est.round()).abs() < 1e-9 {
        // near a power of ten: verify exactly
        while cmp_pow10(m, e, k) == std::cmp::Ordering::Less {
            k -= 1;
        }
        while cmp_pow10(m, e, k + 1) != std::cmp::Ordering::Less {
            k += 1;
        }
    }
    k
}

fn strip_zeros(mut s: String) -> String {
    while s.ends_with('0') {
        s.pop();
    }
    s
}

/// dtoa mode 0: shortest round-trip digits (no trailing zeros) and decimal point position
fn digits_shortest(x: f64) -> (String, i32) {
    let s = format!("{:e}", x.abs());
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (&s[..], 0),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let digits = strip_zeros(digits);
    if digits.is_empty() {
        return ("0".to_string(), 1);
    }
    if digits.len() >= 16 {
        // Rust may resolve an exact tie between two shortest candidates away from even;
        // dtoa picks the correctly rounded (half-even) one when it round-trips.
        let (d2, p2) = digits_sig(x, digits.len());
        if d2 != digits {
            let back: Option<f64> = format!("0.{}e{}", d2, p2).parse().ok();
            if back == Some(x.abs()) {
                return (d2, p2);
            }
        }
    }
    (digits, exp + 1)
}

/// dtoa mode 2: `n` (>= 1) significant digits, correctly rounded, trailing zeros stripped
fn digits_sig(x: f64, n: usize) -> (String, i32) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let n = std::cmp::max(n, 1);
    let (m, e) = decompose(x);
    let k10 = floor_log10(m, e);
    let s = k10 + 1 - n as i32;
    let q = round_scaled(m, e, -s).to_str_radix(10);
    if q.len() > n {
        ("1".to_string(), k10 + 2)
    } else {
        (strip_zeros(q), k10 + 1)
    }
}

/// dtoa mode 3: `nd` digits after the point (may be negative), correctly rounded; empty digits
/// when the result is zero (decpt = -nd)
fn digits_fixed(x: f64, nd: i32) -> (String, i32) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let (m, e) = decompose(x);
    let q = round_scaled(m, e, nd);
    if q.is_zero() {
        return (String::new(), -nd);
    }
    let s = q.to_str_radix(10);
    let decpt = s.len() as i32 - nd;
    (strip_zeros(s), decpt)
}

/// Port of CPython's PyOS_double_to_string: `code` is one of e E f F g G r, `flags` a
/// combination of DTSF_* constants.
pub fn double_to_string(val: f64, code: char, precision: usize, flags: u32) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let code = code.to_ascii_lowercase();
    let always_add_sign = flags & DTSF_SIGN != 0;
    let add_dot_0 = flags & DTSF_ADD_DOT_0 != 0;
    let use_alt = flags & DTSF_ALT != 0;
    let no_neg_0 = flags & DTSF_NO_NEG_0 != 0;
    let mut precision = precision as i64;
    match code {
        'e' => precision += 1,
        'g' => {
            if precision == 0 {
                precision = 1
            }
        }
        'f' | 'r' => {}
        _ => panic!("bad format code"),
    }
    let mut sign = val.is_sign_negative();
    let mut out = String::new();
    if !val.is_finite() {
        if val.is_nan() {
            sign = false;
        }
        if sign {
            out.push('-');
        } else if always_add_sign {
            out.push('+');
        }
        let s = if val.is_nan() { "nan" } else { "inf" };
        if upper {
            out.push_str(&s.to_ascii_uppercase());
        } else {
            out.push_str(s);
        }
        return out;
    }
    let (digits, decpt) = match code {
        'r' => digits_shortest(val),
        'f' => digits_fixed(val, precision as i32),
        _ => digits_sig(val, precision as usize),
    };
    let digits = digits.as_bytes();
    let digits_len = digits.len() as i64;
    let mut decpt = decpt as i64;
    if no_neg_0 && sign && (digits_len == 0 || (digits_len == 1 && digits[0] == b'0')) {
        sign = false;
    }
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > (if add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if use_alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = if vdigits_end > decpt { vdigits_end } else { decpt + 1 };
    } else {
        vdigits_end = if vdigits_end > decpt { vdigits_end } else { decpt };
    }
    if sign {
        out.push('-');
    } else if always_add_sign {
        out.push('+');
    }
    fn zeros(out: &mut String, n: i64) {
        for _ in 0..n {
            out.push('0');
        }
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    let dstr = std::str::from_utf8(digits).unwrap();
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&dstr[..decpt as usize]);
        out.push('.');
        out.push_str(&dstr[decpt as usize..]);
    } else {
        out.push_str(dstr);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !use_alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        if exp < 0 {
            out.push('-');
        } else {
            out.push('+');
        }
        let a = exp.abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    out
}

/// repr(x) / str(x)
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, DTSF_ADD_DOT_0)
}

/// '%.{prec}f'
pub fn format_fixed(x: f64, prec: usize) -> String {
    double_to_string(x, 'f', prec, 0)
}

/// '%.{prec}e' / '%.{prec}E'
pub fn format_exp(x: f64, prec: usize, upper: bool) -> String {
    double_to_string(x, if upper { 'E' } else { 'e' }, prec, 0)
}

/// '%.{prec}g' / '%#.{prec}g' / 'G'
pub fn format_general(x: f64, prec: usize, alt: bool, upper: bool) -> String {
    double_to_string(x, if upper { 'G' } else { 'g' }, prec, if alt { DTSF_ALT } else { 0 })
}

/// format(x, '') / format(x, '.{prec}') (format type omitted)
pub fn format_repr_spec(x: f64, prec: Option<usize>) -> String {
    match prec {
        None => double_to_string(x, 'r', 0, DTSF_ADD_DOT_0),
        Some(p) => double_to_string(x, 'g', p, DTSF_ADD_DOT_0),
    }
}

/// round(x, ndigits); +-inf when the rounded value overflows (see `round_float_checked`).
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    match round_float_checked(x, ndigits) {
        Some(v) => v,
        None => {
            if x < 0.0 {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        }
    }
}

/// round(x, ndigits); None when CPython raises OverflowError("rounded value too large to represent").
pub fn round_float_checked(x: f64, ndigits: i64) -> Option<f64> {
    if !x.is_finite() || x == 0.0 {
        return Some(x);
    }
    if ndigits > 323 {
        return Some(x);
    }
    if ndigits < -308 {
        return Some(0.0 * x);
    }
    let (digits, decpt) = digits_fixed(x, ndigits as i32);
    let r = if digits.is_empty() {
        0.0
    } else {
        let s = format!("{}e{}", digits, decpt as i64 - digits.len() as i64);
        s.parse::<f64>().unwrap_or(0.0)
    };
    let r = if x < 0.0 { -r } else { r };
    if r.is_infinite() {
        return None;
    }
    Some(r)
}

/// round(x) (half to even), as a float; the caller converts to int (and raises for inf/nan)
pub fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

/// Zero code points of every Unicode (14.0) decimal-digit run (category Nd), ascending.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Unicode decimal value of a digit character (str.isdecimal() chars), like
/// unicodedata.decimal(c).
pub fn unicode_decimal(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = match DECIMAL_ZEROS.binary_search(&cp) {
        Ok(i) => i,
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let d = cp - DECIMAL_ZEROS[i];
    if d < 10 {
        Some(d)
    } else {
        None
    }
}

/// Python's str.isspace() for one char
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{1f}')
}

/// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII (used by float(str) and int(str)):
/// ASCII strings unchanged; otherwise non-ASCII whitespace becomes ' ', Unicode decimal digits
/// become ASCII digits, and the string is cut after a '?' replacing the first other non-ASCII char.
pub fn transform_decimal_and_space(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c);
        } else if py_isspace(c) {
            out.push(' ');
        } else if let Some(d) = unicode_decimal(c) {
            out.push((b'0' + d as u8) as char);
        } else {
            out.push('?');
            break;
        }
    }
    out
}

/// float(str): None when CPython raises ValueError("could not convert string to float: ...")
pub fn parse_float(s: &str) -> Option<f64> {
    let tmp = transform_decimal_and_space(s);
    let t = tmp.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    let b = t.as_bytes();
    let (neg, body) = match b.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(if neg { f64::NEG_INFINITY } else { f64::INFINITY });
    }
    if lower == "nan" {
        return Some(if neg { -f64::NAN } else { f64::NAN });
    }
    // validate: digitpart? ('.' digitpart?)? (e sign? digitpart)?, with single '_' between digits
    let bb = body.as_bytes();
    let mut clean = String::with_capacity(bb.len() + 1);
    let mut i = 0;
    let n = bb.len();
    fn digitpart(bb: &[u8], i: &mut usize, clean: &mut String) -> Option<usize> {
        let start = *i;
        let mut count = 0;
        while *i < bb.len() {
            let c = bb[*i];
            if c.is_ascii_digit() {
                clean.push(c as char);
                count += 1;
                *i += 1;
            } else if c == b'_' {
                if *i == start || *i + 1 >= bb.len() || !bb[*i + 1].is_ascii_digit() {
                    return None;
                }
                *i += 1;
            } else {
                break;
            }
        }
        Some(count)
    }
    let int_digits = digitpart(bb, &mut i, &mut clean)?;
    let mut frac_digits = 0;
    if i < n && bb[i] == b'.' {
        clean.push('.');
        i += 1;
        frac_digits = digitpart(bb, &mut i, &mut clean)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if i < n && (bb[i] == b'e' || bb[i] == b'E') {
        clean.push('e');
        i += 1;
        if i < n && (bb[i] == b'+' || bb[i] == b'-') {
            clean.push(bb[i] as char);
            i += 1;
        }
        let ed = digitpart(bb, &mut i, &mut clean)?;
        if ed == 0 {
            return None;
        }
    }
    if i != n {
        return None;
    }
    let v: f64 = clean.parse().ok()?;
    Some(if neg { -v } else { v })
}

/// Python a // b for floats (b != 0)
pub fn float_floordiv(a: f64, b: f64) -> f64 {
    float_divmod(a, b).0
}

/// Python a % b for floats (b != 0)
pub fn float_mod(a: f64, b: f64) -> f64 {
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    m
}

/// Python divmod(a, b) for floats (b != 0)
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv;
    if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        floordiv = f;
    } else {
        floordiv = 0.0f64.copysign(a / b);
    }
    (floordiv, m)
}

/// CPython hash(float) (NaN hashes to 0 here; CPython uses the object identity)
pub fn float_hash(x: f64) -> i64 {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1u64 << BITS) - 1;
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    // frexp
    let (mut m, mut e) = frexp(x);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 { e % BITS as i32 } else { BITS as i32 - 1 - ((-1 - e) % BITS as i32) } as u32;
    h = ((h << e) & MODULUS) | (h >> (BITS - e));
    let r = (h as i64).wrapping_mul(sign);
    if r == -1 {
        -2
    } else {
        r
    }
}

/// C frexp: x = m * 2^e with 0.5 <= |m| < 1 (x finite)
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (mut mm, mut e) = decompose(x);
    // normalise mantissa to 53 bits
    while mm < (1u64 << 52) {
        mm <<= 1;
        e -= 1;
    }
    let m = mm as f64 / 9007199254740992.0; // 2^53
    let m = if x < 0.0 { -m } else { m };
    (m, e + 53)
}

pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.floor() == x
}

/// x.as_integer_ratio() for finite x (caller raises for inf/nan)
pub fn float_as_integer_ratio(x: f64) -> (BigInt, BigInt) {
    if x == 0.0 || !x.is_finite() {
        return (BigInt::zero(), BigInt::one());
    }
    let (mut m, mut e) = decompose(x);
    let tz = m.trailing_zeros() as i32;
    m >>= tz;
    e += tz;
    let mut num = BigInt::from_u64(m);
    if x < 0.0 {
        num = num.neg();
    }
    if e >= 0 {
        (num.shl(e as u64), BigInt::one())
    } else {
        (num, BigInt::one().shl((-e) as u64))
    }
}
