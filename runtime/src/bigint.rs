//! Arbitrary-precision integers with Python semantics (owned by helper N).
//!
//! Representation: sign + magnitude, magnitude as little-endian base-2^32 limbs with no
//! trailing zero limbs (zero is the empty vector and is never negative), so derived
//! `PartialEq`/`Hash` are value equality. Multiplication switches to Karatsuba for large
//! operands, division is Knuth's algorithm D, decimal conversion works in base 10^9 chunks.
use std::cmp::Ordering;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BigInt {
    /// true when negative (never set for zero)
    neg: bool,
    /// magnitude, little-endian base 2^32 limbs, no trailing zero limbs (zero = empty)
    mag: Vec<u32>,
}

/// CPython's `sys.int_info.default_max_str_digits`: str(int)/int(str) refuse more decimal digits.
pub const MAX_STR_DIGITS: usize = 4300;

/// CPython 3.11 ValueError text for `str(n)` of an int with more than 4300 decimal digits.
pub fn str_digits_limit_msg() -> String {
    format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        MAX_STR_DIGITS
    )
}

/// CPython 3.11 ValueError text for `int(s)` when `s` has `ndigits` (> 4300) decimal digits.
pub fn parse_digits_limit_msg(ndigits: usize) -> String {
    format!(
        "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
        MAX_STR_DIGITS, ndigits
    )
}

const HASH_BITS: u32 = 61;
const HASH_MODULUS: u64 = (1u64 << HASH_BITS) - 1;

/// CPython's hash() of an int that fits in i64.
pub fn i64_hash_py(v: i64) -> i64 {
    let a = v.unsigned_abs() % HASH_MODULUS;
    let h = if v < 0 { -(a as i64) } else { a as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Exact comparison of an i64 with a float (None when `f` is NaN), as Python's `<`/`==` do.
pub fn cmp_i64_f64(a: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if a.unsigned_abs() <= (1u64 << 53) {
        return (a as f64).partial_cmp(&f);
    }
    BigInt::from_i64(a).cmp_f64(f)
}

// ---------------------------------------------------------------------------------------------
// magnitude helpers (slices may carry high zero limbs unless noted)

fn tr(s: &[u32]) -> &[u32] {
    let mut n = s.len();
    while n > 0 && s[n - 1] == 0 {
        n -= 1;
    }
    &s[..n]
}

fn trim(v: &mut Vec<u32>) {
    while let Some(&0) = v.last() {
        v.pop();
    }
}

fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    let a = tr(a);
    let b = tr(b);
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for i in 0..a.len() {
        let s = a[i] as u64 + if i < b.len() { b[i] as u64 } else { 0 } + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    trim(&mut out);
    out
}

/// a - b, requires a >= b (as values)
fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let b = tr(b);
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for i in 0..a.len() {
        let mut d = a[i] as i64 - borrow - if i < b.len() { b[i] as i64 } else { 0 };
        if d < 0 {
            d += 1i64 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        out.push(d as u32);
    }
    debug_assert!(borrow == 0);
    trim(&mut out);
    out
}

/// dst += src (dst must be long enough to absorb the carry)
fn add_into(dst: &mut [u32], src: &[u32]) {
    let mut carry = 0u64;
    let mut i = 0;
    while i < src.len() {
        let s = dst[i] as u64 + src[i] as u64 + carry;
        dst[i] = s as u32;
        carry = s >> 32;
        i += 1;
    }
    while carry != 0 {
        let s = dst[i] as u64 + carry;
        dst[i] = s as u32;
        carry = s >> 32;
        i += 1;
    }
}

/// dst -= src (dst >= src as values)
fn sub_into(dst: &mut [u32], src: &[u32]) {
    let mut borrow = 0i64;
    let mut i = 0;
    while i < src.len() || borrow != 0 {
        let mut d = dst[i] as i64 - borrow - if i < src.len() { src[i] as i64 } else { 0 };
        if d < 0 {
            d += 1i64 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        dst[i] = d as u32;
        i += 1;
    }
}

fn school_mul(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        if x == 0 {
            continue;
        }
        let mut carry = 0u64;
        let x = x as u64;
        for (j, &y) in b.iter().enumerate() {
            let t = x * y as u64 + out[i + j] as u64 + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let t = out[k] as u64 + carry;
            out[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    out
}

const KARATSUBA_CUTOFF: usize = 40;

/// product of magnitudes; result may have high zero limbs
fn kmul(a: &[u32], b: &[u32]) -> Vec<u32> {
    let a = tr(a);
    let b = tr(b);
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.is_empty() {
        return Vec::new();
    }
    if b.len() < KARATSUBA_CUTOFF {
        return school_mul(a, b);
    }
    if a.len() >= 2 * b.len() {
        // unbalanced: cut a into b-sized pieces
        let mut res = vec![0u32; a.len() + b.len() + 1];
        let mut i = 0;
        while i < a.len() {
            let end = std::cmp::min(i + b.len(), a.len());
            let p = kmul(&a[i..end], b);
            add_into(&mut res[i..], tr(&p));
            i = end;
        }
        return res;
    }
    let h = a.len() / 2;
    let (a0, a1) = a.split_at(h);
    let (b0, b1) = b.split_at(h);
    let z0 = kmul(a0, b0);
    let z2 = kmul(a1, b1);
    let sa = add_mag(tr(a0), a1);
    let sb = add_mag(tr(b0), b1);
    let mut z1 = kmul(&sa, &sb);
    sub_into(&mut z1, tr(&z0));
    sub_into(&mut z1, tr(&z2));
    let mut res = vec![0u32; a.len() + b.len() + 1];
    add_into(&mut res, tr(&z0));
    add_into(&mut res[2 * h..], tr(&z2));
    add_into(&mut res[h..], tr(&z1));
    res
}

fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut v = kmul(a, b);
    trim(&mut v);
    v
}

/// in-place v = v * m + a
fn mul_small_add(v: &mut Vec<u32>, m: u32, a: u32) {
    let mut carry = a as u64;
    for x in v.iter_mut() {
        let t = *x as u64 * m as u64 + carry;
        *x = t as u32;
        carry = t >> 32;
    }
    if carry != 0 {
        v.push(carry as u32);
    }
}

/// in-place v /= d, returns remainder; trims v
fn div_small_in_place(v: &mut Vec<u32>, d: u32) -> u32 {
    let mut rem = 0u64;
    let d = d as u64;
    for x in v.iter_mut().rev() {
        let cur = (rem << 32) | *x as u64;
        *x = (cur / d) as u32;
        rem = cur % d;
    }
    trim(v);
    rem as u32
}

fn shl_mag(a: &[u32], n: u64) -> Vec<u32> {
    let a = tr(a);
    if a.is_empty() {
        return Vec::new();
    }
    let limbs = (n / 32) as usize;
    let bits = (n % 32) as u32;
    let mut out = vec![0u32; limbs];
    out.reserve(a.len() + 1);
    if bits == 0 {
        out.extend_from_slice(a);
    } else {
        let mut carry = 0u32;
        for &x in a {
            out.push((x << bits) | carry);
            carry = x >> (32 - bits);
        }
        if carry != 0 {
            out.push(carry);
        }
    }
    out
}

fn shr_mag(a: &[u32], n: u64) -> Vec<u32> {
    let limbs = n / 32;
    if limbs >= a.len() as u64 {
        return Vec::new();
    }
    let limbs = limbs as usize;
    let bits = (n % 32) as u32;
    let src = &a[limbs..];
    let mut out = Vec::with_capacity(src.len());
    if bits == 0 {
        out.extend_from_slice(src);
    } else {
        for i in 0..src.len() {
            let hi = if i + 1 < src.len() { src[i + 1] << (32 - bits) } else { 0 };
            out.push((src[i] >> bits) | hi);
        }
    }
    trim(&mut out);
    out
}

/// true when any of the low n bits of a is set
fn low_bits_nonzero(a: &[u32], n: u64) -> bool {
    let limbs = (n / 32) as usize;
    let bits = (n % 32) as u32;
    for i in 0..std::cmp::min(limbs, a.len()) {
        if a[i] != 0 {
            return true;
        }
    }
    if bits > 0 && limbs < a.len() {
        if a[limbs] & ((1u32 << bits) - 1) != 0 {
            return true;
        }
    }
    false
}

/// Knuth algorithm D: (quotient, remainder) of magnitudes; b non-zero
fn divrem_mag(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    let a = tr(a);
    let b = tr(b);
    assert!(!b.is_empty(), "division by zero");
    if cmp_mag(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let mut q = a.to_vec();
        let r = div_small_in_place(&mut q, b[0]);
        return (q, if r == 0 { Vec::new() } else { vec![r] });
    }
    let s = b[b.len() - 1].leading_zeros();
    let n = b.len();
    let m = a.len() - n;
    let v = shl_mag(b, s as u64); // same length n
    let mut u = shl_mag(a, s as u64);
    u.resize(a.len() + 1, 0);
    let mut q = vec![0u32; m + 1];
    let b32: u64 = 1 << 32;
    let vtop = v[n - 1] as u64;
    let vnext = v[n - 2] as u64;
    for j in (0..=m).rev() {
        let num = ((u[j + n] as u64) << 32) | u[j + n - 1] as u64;
        let mut qhat = num / vtop;
        let mut rhat = num % vtop;
        while qhat >= b32 || qhat * vnext > ((rhat << 32) | u[j + n - 2] as u64) {
            qhat -= 1;
            rhat += vtop;
            if rhat >= b32 {
                break;
            }
        }
        // multiply and subtract
        let mut borrow: i64 = 0;
        let mut carry: u64 = 0;
        for i in 0..n {
            let p = qhat * v[i] as u64 + carry;
            carry = p >> 32;
            let t = u[i + j] as i64 - borrow - (p & 0xffff_ffff) as i64;
            u[i + j] = t as u32;
            borrow = if t < 0 { 1 } else { 0 };
        }
        let t = u[j + n] as i64 - borrow - carry as i64;
        u[j + n] = t as u32;
        if t < 0 {
            qhat -= 1;
            let mut c: u64 = 0;
            for i in 0..n {
                let s2 = u[i + j] as u64 + v[i] as u64 + c;
                u[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            u[j + n] = u[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    trim(&mut q);
    u.truncate(n);
    let r = shr_mag(&u, s as u64);
    (q, r)
}

fn mag_from_u128(mut v: u128) -> Vec<u32> {
    let mut out = Vec::new();
    while v != 0 {
        out.push(v as u32);
        v >>= 32;
    }
    out
}

fn digit_val(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// Round `q * 2^exp2` (+ something strictly between 0 and 2^exp2 when `sticky`) to the nearest
/// f64, ties to even. `q` is a magnitude.
fn round_to_f64(q: &[u32], exp2: i64, sticky: bool, neg: bool) -> f64 {
    let q = tr(q);
    let sign = if neg { -1.0 } else { 1.0 };
    if q.is_empty() {
        return 0.0 * sign;
    }
    let l = (q.len() as i64 - 1) * 32 + (32 - q[q.len() - 1].leading_zeros() as i64);
    // exponent of the least significant kept bit
    let mut lsb = exp2 + l - 53;
    if lsb < -1074 {
        lsb = -1074;
    }
    let shift = lsb - exp2;
    let mant: u64;
    if shift <= 0 {
        // exact: q fits in 53 bits
        let mut m = 0u64;
        for (i, &x) in q.iter().enumerate().take(2) {
            m |= (x as u64) << (32 * i);
        }
        return ldexp(m as f64, exp2) * sign;
    } else {
        let sh = shift as u64;
        let kept = shr_mag(q, sh);
        let mut m = 0u64;
        for (i, &x) in kept.iter().enumerate().take(2) {
            m |= (x as u64) << (32 * i);
        }
        // rounding bit and below
        let half_bit_set = {
            let idx = sh - 1;
            let limb = (idx / 32) as usize;
            limb < q.len() && (q[limb] >> (idx % 32)) & 1 == 1
        };
        let below = low_bits_nonzero(q, sh - 1) || sticky;
        if half_bit_set && (below || m & 1 == 1) {
            m += 1;
        }
        mant = m;
    }
    ldexp(mant as f64, lsb) * sign
}

/// x * 2^e where x is an integer <= 2^53 and e >= -1074: exact (or overflows to inf)
fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 {
        return x;
    }
    if e > 1023 {
        let y = x * f64::from_bits((1023u64 + 1023) << 52);
        let e2 = std::cmp::min(e - 1023, 1023);
        return y * f64::from_bits(((1023 + e2) as u64) << 52);
    }
    if e >= -1022 {
        return x * f64::from_bits(((1023 + e) as u64) << 52);
    }
    let e = std::cmp::max(e, -1074);
    // x * 2^(e + 1074) is exact, then scale by 2^-1074 (exact: the result is representable)
    (x * f64::from_bits(((1023 + e + 1074) as u64) << 52)) * f64::from_bits(1)
}

impl BigInt {
    fn from_mag(neg: bool, mut mag: Vec<u32>) -> BigInt {
        trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }

    pub fn zero() -> BigInt {
        BigInt { neg: false, mag: Vec::new() }
    }
    pub fn one() -> BigInt {
        BigInt { neg: false, mag: vec![1] }
    }
    pub fn from_i64(v: i64) -> BigInt {
        BigInt::from_mag(v < 0, mag_from_u128(v.unsigned_abs() as u128))
    }
    pub fn from_u64(v: u64) -> BigInt {
        BigInt::from_mag(false, mag_from_u128(v as u128))
    }
    pub fn from_i128(v: i128) -> BigInt {
        BigInt::from_mag(v < 0, mag_from_u128(v.unsigned_abs()))
    }
    pub fn from_u128(v: u128) -> BigInt {
        BigInt::from_mag(false, mag_from_u128(v))
    }
    /// magnitude as u128 when it fits
    fn mag_u128(&self) -> Option<u128> {
        if self.mag.len() > 4 {
            return None;
        }
        let mut v = 0u128;
        for (i, &x) in self.mag.iter().enumerate() {
            v |= (x as u128) << (32 * i);
        }
        Some(v)
    }
    pub fn to_i64(&self) -> Option<i64> {
        if self.mag.len() > 2 {
            return None;
        }
        let u = self.mag_u128().unwrap();
        if self.neg {
            if u <= 1u128 << 63 {
                Some((u as i128).wrapping_neg() as i64)
            } else {
                None
            }
        } else if u <= i64::MAX as u128 {
            Some(u as i64)
        } else {
            None
        }
    }
    pub fn to_u64(&self) -> Option<u64> {
        if self.neg || self.mag.len() > 2 {
            return None;
        }
        Some(self.mag_u128().unwrap() as u64)
    }
    pub fn to_i128(&self) -> Option<i128> {
        let u = self.mag_u128()?;
        if self.neg {
            if u <= 1u128 << 127 {
                Some((u as i128).wrapping_neg())
            } else {
                None
            }
        } else if u <= i128::MAX as u128 {
            Some(u as i128)
        } else {
            None
        }
    }
    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }
    pub fn is_negative(&self) -> bool {
        self.neg
    }
    pub fn is_odd(&self) -> bool {
        !self.mag.is_empty() && self.mag[0] & 1 == 1
    }

    /// Parse digits of `radix` (2..=36) with an optional leading '+'/'-'. No spaces,
    /// underscores or prefixes (the caller strips those). None if empty or an invalid digit.
    pub fn parse(s: &str, radix: u32) -> Option<BigInt> {
        if !(2..=36).contains(&radix) {
            return None;
        }
        let b = s.as_bytes();
        let (neg, digits) = match b.first() {
            Some(b'-') => (true, &b[1..]),
            Some(b'+') => (false, &b[1..]),
            _ => (false, b),
        };
        if digits.is_empty() {
            return None;
        }
        for &c in digits {
            if digit_val(c) >= radix {
                return None;
            }
        }
        if radix & (radix - 1) == 0 {
            // power of two: pack bits directly
            let bits = radix.trailing_zeros() as u64;
            let mut mag = vec![0u32; ((digits.len() as u64 * bits) / 32 + 1) as usize];
            let mut pos = 0u64;
            for &c in digits.iter().rev() {
                let d = digit_val(c) as u64;
                let limb = (pos / 32) as usize;
                let off = pos % 32;
                let v = d << off;
                mag[limb] |= v as u32;
                if (v >> 32) != 0 {
                    mag[limb + 1] |= (v >> 32) as u32;
                }
                pos += bits;
            }
            return Some(BigInt::from_mag(neg, mag));
        }
        // chunk size: largest k with radix^k < 2^32
        let mut k = 0usize;
        let mut pw: u64 = 1;
        while pw * radix as u64 <= u32::MAX as u64 {
            pw *= radix as u64;
            k += 1;
        }
        let mut mag: Vec<u32> = Vec::with_capacity(digits.len() / k + 1);
        let first = digits.len() % k;
        let mut idx = 0;
        let mut chunk_len = if first == 0 { k } else { first };
        while idx < digits.len() {
            let mut val = 0u32;
            let mut mulp = 1u32;
            for &c in &digits[idx..idx + chunk_len] {
                val = val * radix + digit_val(c);
                mulp *= radix;
            }
            mul_small_add(&mut mag, mulp, val);
            idx += chunk_len;
            chunk_len = k;
        }
        Some(BigInt::from_mag(neg, mag))
    }

    /// Digits in `radix` (2..=36), lowercase, with a leading '-' when negative.
    pub fn to_str_radix(&self, radix: u32) -> String {
        assert!((2..=36).contains(&radix));
        const DIG: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        if self.mag.is_empty() {
            return "0".to_string();
        }
        let mut out: Vec<u8> = Vec::new(); // reversed
        if radix & (radix - 1) == 0 {
            let bits = radix.trailing_zeros() as u64;
            let total = self.bit_length();
            let mut pos = 0u64;
            while pos < total {
                let limb = (pos / 32) as usize;
                let off = pos % 32;
                let mut v = (self.mag[limb] as u64) >> off;
                if limb + 1 < self.mag.len() {
                    v |= (self.mag[limb + 1] as u64) << (32 - off);
                }
                out.push(DIG[(v & ((1 << bits) - 1)) as usize]);
                pos += bits;
            }
        } else {
            let mut k = 0usize;
            let mut pw: u64 = 1;
            while pw * radix as u64 <= u32::MAX as u64 {
                pw *= radix as u64;
                k += 1;
            }
            let mut v = self.mag.clone();
            while !v.is_empty() {
                let mut r = div_small_in_place(&mut v, pw as u32);
                if v.is_empty() {
                    while r != 0 {
                        out.push(DIG[(r % radix) as usize]);
                        r /= radix;
                    }
                } else {
                    for _ in 0..k {
                        out.push(DIG[(r % radix) as usize]);
                        r /= radix;
                    }
                }
            }
        }
        while out.len() > 1 && *out.last().unwrap() == b'0' {
            out.pop();
        }
        if self.neg {
            out.push(b'-');
        }
        out.reverse();
        String::from_utf8(out).unwrap()
    }

    /// Number of decimal digits of |self| (at least 1), exact.
    pub fn num_decimal_digits(&self) -> usize {
        let s = self.to_str_radix(10);
        if self.neg {
            s.len() - 1
        } else {
            s.len()
        }
    }

    pub fn add(&self, o: &BigInt) -> BigInt {
        if self.neg == o.neg {
            BigInt::from_mag(self.neg, add_mag(&self.mag, &o.mag))
        } else {
            match cmp_mag(&self.mag, &o.mag) {
                Ordering::Equal => BigInt::zero(),
                Ordering::Greater => BigInt::from_mag(self.neg, sub_mag(&self.mag, &o.mag)),
                Ordering::Less => BigInt::from_mag(o.neg, sub_mag(&o.mag, &self.mag)),
            }
        }
    }
    pub fn sub(&self, o: &BigInt) -> BigInt {
        self.add(&o.neg())
    }
    pub fn mul(&self, o: &BigInt) -> BigInt {
        BigInt::from_mag(self.neg != o.neg, mul_mag(&self.mag, &o.mag))
    }
    /// Truncating division (toward zero), remainder has the dividend's sign. Panics on zero.
    pub fn divmod_trunc(&self, o: &BigInt) -> (BigInt, BigInt) {
        let (q, r) = divrem_mag(&self.mag, &o.mag);
        (BigInt::from_mag(self.neg != o.neg, q), BigInt::from_mag(self.neg, r))
    }
    /// Python `//` and `%`: floor division, remainder has the divisor's sign. Panics on zero.
    pub fn divmod_floor(&self, o: &BigInt) -> (BigInt, BigInt) {
        let (q, r) = self.divmod_trunc(o);
        if !r.is_zero() && (r.neg != o.neg) {
            (q.sub(&BigInt::one()), r.add(o))
        } else {
            (q, r)
        }
    }
    pub fn pow(&self, exp: u64) -> BigInt {
        if exp == 0 {
            return BigInt::one();
        }
        if self.mag.is_empty() {
            return BigInt::zero();
        }
        let neg = self.neg && exp & 1 == 1;
        if self.mag.len() == 1 && self.mag[0] == 1 {
            return BigInt::from_mag(neg, vec![1]);
        }
        // power of two: shift
        let tz = self.trailing_zeros();
        if self.abs().bit_length() == tz + 1 {
            let m = BigInt::one().shl(tz * exp);
            return if neg { m.neg() } else { m };
        }
        let mut result: Vec<u32> = vec![1];
        let mut base = self.mag.clone();
        let mut e = exp;
        loop {
            if e & 1 == 1 {
                result = mul_mag(&result, &base);
            }
            e >>= 1;
            if e == 0 {
                break;
            }
            base = mul_mag(&base, &base);
        }
        BigInt::from_mag(neg, result)
    }
    /// Python pow(self, exp, m) for exp >= 0; result has m's sign (floor modulo). Panics if m == 0.
    pub fn modpow(&self, exp: &BigInt, m: &BigInt) -> BigInt {
        assert!(!m.is_zero(), "modpow with zero modulus");
        let mm = m.abs();
        if mm.mag == [1] {
            return BigInt::zero();
        }
        let base = self.divmod_floor(&mm).1;
        let mut result = BigInt::one();
        let bits = exp.bit_length();
        for i in (0..bits).rev() {
            result = BigInt::from_mag(false, divrem_mag(&mul_mag(&result.mag, &result.mag), &mm.mag).1);
            if exp.test_bit(i) {
                result = BigInt::from_mag(false, divrem_mag(&mul_mag(&result.mag, &base.mag), &mm.mag).1);
            }
        }
        if m.neg && !result.is_zero() {
            result.sub(&mm)
        } else {
            result
        }
    }
    /// bit i of the magnitude
    fn test_bit(&self, i: u64) -> bool {
        let limb = (i / 32) as usize;
        limb < self.mag.len() && (self.mag[limb] >> (i % 32)) & 1 == 1
    }
    /// number of trailing zero bits of the magnitude (0 for zero)
    pub fn trailing_zeros(&self) -> u64 {
        for (i, &x) in self.mag.iter().enumerate() {
            if x != 0 {
                return i as u64 * 32 + x.trailing_zeros() as u64;
            }
        }
        0
    }
    pub fn neg(&self) -> BigInt {
        BigInt::from_mag(!self.neg, self.mag.clone())
    }
    pub fn abs(&self) -> BigInt {
        BigInt::from_mag(false, self.mag.clone())
    }
    pub fn signum(&self) -> i32 {
        if self.mag.is_empty() {
            0
        } else if self.neg {
            -1
        } else {
            1
        }
    }
    /// int.bit_length(): bits of |self|
    pub fn bit_length(&self) -> u64 {
        match self.mag.last() {
            None => 0,
            Some(&top) => (self.mag.len() as u64 - 1) * 32 + (32 - top.leading_zeros() as u64),
        }
    }
    /// int.bit_count(): popcount of |self|
    pub fn count_ones(&self) -> u64 {
        self.mag.iter().map(|x| x.count_ones() as u64).sum()
    }

    /// two's complement limbs of length `len` (len > mag.len())
    fn to_twos(&self, len: usize) -> Vec<u32> {
        let mut v = self.mag.clone();
        v.resize(len, 0);
        if self.neg {
            // -(m) = !(m - 1)
            let mut borrow = true;
            for x in v.iter_mut() {
                if borrow {
                    let (r, b) = x.overflowing_sub(1);
                    *x = r;
                    borrow = b;
                }
                *x = !*x;
            }
        }
        v
    }
    fn from_twos(mut v: Vec<u32>) -> BigInt {
        let neg = v.last().map_or(false, |&t| t >> 31 == 1);
        if neg {
            // magnitude = !v + 1
            let mut carry = true;
            for x in v.iter_mut() {
                *x = !*x;
                if carry {
                    let (r, c) = x.overflowing_add(1);
                    *x = r;
                    carry = c;
                }
            }
        }
        BigInt::from_mag(neg, v)
    }
    fn bitop(&self, o: &BigInt, f: fn(u32, u32) -> u32) -> BigInt {
        let len = std::cmp::max(self.mag.len(), o.mag.len()) + 1;
        let a = self.to_twos(len);
        let b = o.to_twos(len);
        BigInt::from_twos(a.iter().zip(b.iter()).map(|(&x, &y)| f(x, y)).collect())
    }
    pub fn bitand(&self, o: &BigInt) -> BigInt {
        if !self.neg && !o.neg {
            let n = std::cmp::min(self.mag.len(), o.mag.len());
            return BigInt::from_mag(false, (0..n).map(|i| self.mag[i] & o.mag[i]).collect());
        }
        self.bitop(o, |x, y| x & y)
    }
    pub fn bitor(&self, o: &BigInt) -> BigInt {
        self.bitop(o, |x, y| x | y)
    }
    pub fn bitxor(&self, o: &BigInt) -> BigInt {
        self.bitop(o, |x, y| x ^ y)
    }
    /// Python ~x == -x - 1
    pub fn not(&self) -> BigInt {
        self.neg().sub(&BigInt::one())
    }
    pub fn shl(&self, n: u64) -> BigInt {
        BigInt::from_mag(self.neg, shl_mag(&self.mag, n))
    }
    /// Arithmetic right shift (floors, like Python >>)
    pub fn shr(&self, n: u64) -> BigInt {
        if !self.neg {
            BigInt::from_mag(false, shr_mag(&self.mag, n))
        } else {
            // -((|x| - 1) >> n) - 1
            let m1 = sub_mag(&self.mag, &[1]);
            let s = shr_mag(&m1, n);
            BigInt::from_mag(true, add_mag(&s, &[1]))
        }
    }
    /// Correctly rounded conversion (ties to even); +-inf when out of range.
    pub fn to_f64(&self) -> f64 {
        round_to_f64(&self.mag, 0, false, self.neg)
    }
    /// Truncates toward zero; `v` must be finite.
    pub fn from_f64(v: f64) -> BigInt {
        if !v.is_finite() {
            return BigInt::zero();
        }
        let bits = v.to_bits();
        let neg = bits >> 63 == 1;
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        if exp == 0 {
            return BigInt::zero(); // subnormal or zero: |v| < 1
        }
        let m = frac | (1u64 << 52);
        let e = exp - 1075;
        let mag = if e >= 0 {
            shl_mag(&mag_from_u128(m as u128), e as u64)
        } else if e <= -64 {
            Vec::new()
        } else {
            mag_from_u128((m >> (-e)) as u128)
        };
        BigInt::from_mag(neg, mag)
    }
    /// Exact comparison with a float; None when `f` is NaN.
    pub fn cmp_f64(&self, f: f64) -> Option<Ordering> {
        if f.is_nan() {
            return None;
        }
        if f.is_infinite() {
            return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
        }
        let fi = BigInt::from_f64(f); // truncated toward zero
        match self.cmp(&fi) {
            Ordering::Equal => {
                let frac = f - f.trunc();
                if frac > 0.0 {
                    Some(Ordering::Less)
                } else if frac < 0.0 {
                    Some(Ordering::Greater)
                } else {
                    Some(Ordering::Equal)
                }
            }
            o => Some(o),
        }
    }
    /// Python's int / int: correctly rounded true division. Err(OverflowError text) when the
    /// result is too large; panics when `o` is zero (caller raises ZeroDivisionError).
    pub fn true_div(&self, o: &BigInt) -> Result<f64, String> {
        assert!(!o.is_zero(), "division by zero");
        let neg = self.neg != o.neg;
        if self.is_zero() {
            return Ok(if neg { -0.0 } else { 0.0 });
        }
        if let (Some(a), Some(b)) = (self.mag_u128(), o.mag_u128()) {
            if a <= (1u128 << 53) && b <= (1u128 << 53) {
                let r = a as f64 / b as f64;
                return Ok(if neg { -r } else { r });
            }
        }
        let la = self.bit_length() as i64;
        let lb = o.bit_length() as i64;
        // scale so that the quotient has at least 55 bits
        let s = 55 - (la - lb);
        let (n, d) = if s >= 0 {
            (shl_mag(&self.mag, s as u64), o.mag.clone())
        } else {
            (self.mag.clone(), shl_mag(&o.mag, (-s) as u64))
        };
        let (q, r) = divrem_mag(&n, &d);
        let res = round_to_f64(&q, -s, !tr(&r).is_empty(), neg);
        if res.is_infinite() {
            return Err("integer division result too large for a float".to_string());
        }
        Ok(res)
    }
    /// CPython's hash(int)
    pub fn hash_py(&self) -> i64 {
        let mut h: u64 = 0;
        for &limb in self.mag.iter().rev() {
            h = ((((h as u128) << 32) | limb as u128) % HASH_MODULUS as u128) as u64;
        }
        let h = if self.neg { -(h as i64) } else { h as i64 };
        if h == -1 {
            -2
        } else {
            h
        }
    }
    /// math.isqrt for non-negative values (returns 0 for negatives; the caller raises).
    pub fn isqrt(&self) -> BigInt {
        if self.neg || self.is_zero() {
            return BigInt::zero();
        }
        if self.bit_length() <= 104 {
            let n = self.mag_u128().unwrap();
            let mut x = (n as f64).sqrt() as u128;
            // fix up
            while x.checked_mul(x).map_or(true, |sq| sq > n) {
                x -= 1;
            }
            while (x + 1).checked_mul(x + 1).map_or(false, |sq| sq <= n) {
                x += 1;
            }
            return BigInt::from_u128(x);
        }
        // CPython's adaptive-precision Newton iteration (mathmodule.c math_isqrt)
        let c = (self.bit_length() - 1) / 2;
        let cbits = 64 - c.leading_zeros() as u64;
        let mut a = BigInt::one();
        let mut d: u64 = 0;
        for s in (0..cbits).rev() {
            let e = d;
            d = c >> s;
            let num = self.shr(2 * c - e - d + 1);
            a = a.shl(d - e - 1).add(&num.divmod_floor(&a).0);
        }
        if a.mul(&a) > *self {
            a = a.sub(&BigInt::one());
        }
        a
    }
    /// Non-negative greatest common divisor.
    pub fn gcd(&self, o: &BigInt) -> BigInt {
        let mut a = self.abs();
        let mut b = o.abs();
        loop {
            if b.is_zero() {
                return a;
            }
            if let (Some(x), Some(y)) = (a.mag_u128(), b.mag_u128()) {
                let (mut x, mut y) = (x, y);
                while y != 0 {
                    let t = x % y;
                    x = y;
                    y = t;
                }
                return BigInt::from_u128(x);
            }
            let r = BigInt::from_mag(false, divrem_mag(&a.mag, &b.mag).1);
            a = b;
            b = r;
        }
    }
    /// 10^k
    pub fn pow10(k: u32) -> BigInt {
        BigInt::from_u64(10).pow(k as u64)
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, o: &BigInt) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for BigInt {
    fn cmp(&self, o: &BigInt) -> Ordering {
        match (self.neg, o.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_mag(&self.mag, &o.mag),
            (true, true) => cmp_mag(&o.mag, &self.mag),
        }
    }
}

impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.to_str_radix(10))
    }
}

impl Default for BigInt {
    fn default() -> BigInt {
        BigInt::zero()
    }
}
