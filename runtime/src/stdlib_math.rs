//! The `math` module (helper R2). Float functions follow CPython's mathmodule.c: domain errors
//! raise ValueError("math domain error"), overflow raises OverflowError("math range error");
//! integer functions (gcd, factorial, comb, perm, isqrt, prod) are exact.
use crate::bigint::BigInt;
use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::{new_module, to_f64};
use crate::value::*;

fn domain() -> PyErr {
    value_error("math domain error")
}
fn range_err() -> PyErr {
    err("OverflowError", "math range error")
}

fn one_arg(name: &str, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    no_kw(name, kw)?;
    if pos.len() != 1 {
        return Err(type_error(&format!(
            "math.{}() takes exactly one argument ({} given)",
            name,
            pos.len()
        )));
    }
    Ok(())
}

fn two_args(name: &str, pos: &[Value], kw: &[(String, Value)]) -> PyResult<()> {
    no_kw(name, kw)?;
    if pos.len() != 2 {
        return Err(type_error(&format!("{} expected 2 arguments, got {}", name, pos.len())));
    }
    Ok(())
}

/// Wrap a libm function of one float with CPython's error checks (math_1).
fn math_1(name: &'static str, f: fn(f64) -> f64, can_overflow: bool) -> Value {
    plain_fn(name, move |pos, kw| {
        one_arg(name, &pos, &kw)?;
        let x = to_f64(&pos[0])?;
        let r = f(x);
        if r.is_nan() && !x.is_nan() {
            return Err(domain());
        }
        if r.is_infinite() && x.is_finite() {
            if can_overflow {
                return Err(range_err());
            }
            return Err(domain());
        }
        Ok(Value::Float(r))
    })
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

fn int_arg(v: &Value, fname: &str) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(_) => Err(type_error(&format!(
            "'float' object cannot be interpreted as an integer"
        ))),
        Value::Instance(_) if crate::object::hasattr(v, "__index__") => {
            let r = call_method(v, "__index__", vec![])?;
            int_arg(&r, fname)
        }
        _ => Err(type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))),
    }
}

fn big_of(v: &Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from_i64(*i),
        Value::BigInt(b) => (**b).clone(),
        Value::Bool(b) => BigInt::from_i64(*b as i64),
        _ => BigInt::zero(),
    }
}

fn is_neg(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i < 0,
        Value::BigInt(b) => b.is_negative(),
        _ => false,
    }
}

/// natural log of a (positive) int of any size
fn int_log(v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => {
            if *i <= 0 {
                return Err(domain());
            }
            Ok((*i as f64).ln())
        }
        Value::Bool(b) => {
            if !*b {
                return Err(domain());
            }
            Ok(0.0)
        }
        Value::BigInt(b) => {
            if b.is_negative() || b.is_zero() {
                return Err(domain());
            }
            let f = b.to_f64();
            if f.is_finite() {
                return Ok(f.ln());
            }
            let (m, e) = big_frexp(b);
            Ok(m.ln() + 2.0f64.ln() * e as f64)
        }
        _ => unreachable!(),
    }
}

/// _PyLong_Frexp: b ~= m * 2**e with m in [0.5, 1), m correctly rounded to 53 bits.
fn big_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bit_length() as i64;
    if bits <= 55 {
        let f = b.to_f64();
        let (m, e) = frexp(f);
        return (m, e as i64);
    }
    let shift = (bits - 55) as u64;
    let top = b.abs().shr(shift);
    let back = top.shl(shift);
    let sticky = back != b.abs();
    let mut t = top.to_i64().unwrap_or(0) as u64;
    if sticky {
        t |= 1;
    }
    let mut m = t as f64 / (1u64 << 55) as f64;
    let mut e = bits;
    if m == 1.0 {
        m = 0.5;
        e += 1;
    }
    (m, e)
}

fn log_of(v: &Value) -> PyResult<f64> {
    if is_int(v) {
        return int_log(v);
    }
    let x = to_f64(v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(x.ln())
}

fn log_base(v: &Value, which: u32) -> PyResult<f64> {
    // log2 / log10 with exact results for ints and floats where libm is exact
    if is_int(v) {
        if let Value::BigInt(b) = v {
            if !b.to_f64().is_finite() {
                if b.is_negative() {
                    return Err(domain());
                }
                let (m, e) = big_frexp(b);
                return Ok(if which == 2 { m.log2() + e as f64 } else { m.log10() + 2.0f64.log10() * e as f64 });
            }
        }
        let x = to_f64(v)?;
        if x <= 0.0 {
            return Err(domain());
        }
        return Ok(if which == 2 { x.log2() } else { x.log10() });
    }
    let x = to_f64(v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(if which == 2 { x.log2() } else { x.log10() })
}

// --- vector_norm (CPython 3.11 hypot/dist) ---------------------------------------------------

fn dl_split(x: f64) -> (f64, f64) {
    let t = x * 134217729.0;
    let hi = t - (t - x);
    let lo = x - hi;
    (hi, lo)
}

fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let (xh, xl) = dl_split(x);
    let (yh, yl) = dl_split(y);
    let p = xh * yh;
    let q = xh * yl + xl * yh;
    let z = p + q;
    let zz = p - z + q + xl * yl;
    (z, zz)
}

fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let y = (a - x) + b;
    (x, y)
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal
        let (m, e) = frexp(x * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

fn ldexp(x: f64, e: i32) -> f64 {
    crate::ops::ldexp(x, e as i64)
}

fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    let n = vec.len();
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || n <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        let dbl_min = f64::MIN_POSITIVE;
        for x in vec.iter_mut() {
            *x /= dbl_min;
        }
        return dbl_min * vector_norm(vec, max / dbl_min, found_nan);
    }
    let scale = ldexp(1.0, -max_e);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    for &x0 in vec.iter() {
        let x = x0 * scale;
        let (ph, pl) = dl_mul(x, x);
        let (sh, sl) = dl_fast_sum(csum, ph);
        csum = sh;
        frac1 += pl;
        frac2 += sl;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (ph, pl) = dl_mul(-h, h);
    let (sh, sl) = dl_fast_sum(csum, ph);
    csum = sh;
    frac1 += pl;
    frac2 += sl;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn hypot_of(vals: &[Value]) -> PyResult<f64> {
    let mut v = Vec::with_capacity(vals.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for a in vals {
        let x = to_f64(a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(vector_norm(&mut v, max, found_nan))
}

// --- fsum -------------------------------------------------------------------------------------

fn fsum(items: Vec<Value>) -> PyResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for it in items {
        let mut x = to_f64(&it)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(err("OverflowError", "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

// --- integer helpers --------------------------------------------------------------------------

fn gcd_values(a: &Value, b: &Value) -> Value {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let mut x = (*x as i128).unsigned_abs();
            let mut y = (*y as i128).unsigned_abs();
            while y != 0 {
                let t = x % y;
                x = y;
                y = t;
            }
            crate::ops::int_from_i128(x as i128)
        }
        _ => crate::ops::int_from_big(big_of(a).gcd(&big_of(b)).abs()),
    }
}

fn factorial(n: i64) -> Value {
    if n < 21 {
        let mut r: i64 = 1;
        for i in 2..=n {
            r *= i;
        }
        return Value::Int(r);
    }
    // product tree over chunks that fit in u64
    let mut chunks: Vec<BigInt> = Vec::new();
    let mut acc: u64 = 1;
    for i in 2..=(n as u64) {
        match acc.checked_mul(i) {
            Some(v) => acc = v,
            None => {
                chunks.push(BigInt::from_u64(acc));
                acc = i;
            }
        }
    }
    chunks.push(BigInt::from_u64(acc));
    while chunks.len() > 1 {
        let mut next = Vec::with_capacity(chunks.len() / 2 + 1);
        let mut it = chunks.into_iter();
        loop {
            match (it.next(), it.next()) {
                (Some(a), Some(b)) => next.push(a.mul(&b)),
                (Some(a), None) => {
                    next.push(a);
                    break;
                }
                _ => break,
            }
        }
        chunks = next;
    }
    crate::ops::int_from_big(chunks.pop().unwrap())
}

fn isqrt_value(v: &Value) -> PyResult<Value> {
    if is_neg(v) {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    match v {
        Value::Int(n) => {
            let n = *n as u64;
            let mut r = (n as f64).sqrt() as u64;
            while r.checked_mul(r).map(|s| s > n).unwrap_or(true) {
                r -= 1;
            }
            while (r + 1).checked_mul(r + 1).map(|s| s <= n).unwrap_or(false) {
                r += 1;
            }
            Ok(Value::Int(r as i64))
        }
        Value::BigInt(b) => Ok(crate::ops::int_from_big(b.isqrt())),
        _ => Ok(Value::Int(0)),
    }
}

fn comb_perm(n: &Value, k: &Value, is_comb: bool) -> PyResult<Value> {
    let name = if is_comb { "comb" } else { "perm" };
    if is_neg(n) {
        return Err(value_error("n must be a non-negative integer"));
    }
    if is_neg(k) {
        return Err(value_error("k must be a non-negative integer"));
    }
    let _ = name;
    let (ni, ki) = match (n, k) {
        (Value::Int(a), Value::Int(b)) => (*a, *b),
        (_, Value::BigInt(_)) => {
            // k huge: k > n unless n is even bigger; only k > n realistic
            if crate::ops::gt(k, n)? {
                return Ok(Value::Int(0));
            }
            return Err(err("OverflowError", "k must not exceed 9223372036854775807"));
        }
        (Value::BigInt(_), Value::Int(b)) => {
            // big n, small k: multiplicative formula with Values
            let mut r = Value::Int(1);
            for i in 0..*b {
                let term = crate::ops::sub(n, &Value::Int(i))?;
                r = crate::ops::mul(&r, &term)?;
                if is_comb {
                    r = crate::ops::floordiv(&r, &Value::Int(i + 1))?;
                }
            }
            return Ok(r);
        }
        _ => return Ok(Value::Int(0)),
    };
    if ki > ni {
        return Ok(Value::Int(0));
    }
    let k = if is_comb { ki.min(ni - ki) } else { ki };
    let mut r = Value::Int(1);
    for i in 0..k {
        r = crate::ops::mul(&r, &Value::Int(ni - i))?;
        if is_comb {
            r = crate::ops::floordiv(&r, &Value::Int(i + 1))?;
        }
    }
    Ok(r)
}

fn to_int_floor_ceil(v: &Value, ceil: bool) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => crate::builtins_iter::float_to_int(if ceil { f.ceil() } else { f.floor() }),
        Value::Instance(_) => {
            let m = if ceil { "__ceil__" } else { "__floor__" };
            if crate::object::hasattr(v, m) {
                return call_method(v, m, vec![]);
            }
            let f = to_f64(v)?;
            crate::builtins_iter::float_to_int(if ceil { f.ceil() } else { f.floor() })
        }
        _ => Err(type_error(&format!("must be real number, not {}", type_name(v)))),
    }
}

pub fn module() -> PyResult<Value> {
    let pi = std::f64::consts::PI;
    let items: Vec<(&str, Value)> = vec![
        ("pi", Value::Float(pi)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
        (
            "sqrt",
            plain_fn("sqrt", |pos, kw| {
                one_arg("sqrt", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                if x < 0.0 {
                    return Err(domain());
                }
                Ok(Value::Float(x.sqrt()))
            }),
        ),
        (
            "floor",
            plain_fn("floor", |pos, kw| {
                one_arg("floor", &pos, &kw)?;
                to_int_floor_ceil(&pos[0], false)
            }),
        ),
        (
            "ceil",
            plain_fn("ceil", |pos, kw| {
                one_arg("ceil", &pos, &kw)?;
                to_int_floor_ceil(&pos[0], true)
            }),
        ),
        (
            "trunc",
            plain_fn("trunc", |pos, kw| {
                one_arg("trunc", &pos, &kw)?;
                match &pos[0] {
                    Value::Int(_) | Value::BigInt(_) => Ok(pos[0].clone()),
                    Value::Bool(b) => Ok(Value::Int(*b as i64)),
                    Value::Float(f) => crate::builtins_iter::float_to_int(f.trunc()),
                    v => {
                        if crate::object::hasattr(v, "__trunc__") {
                            return call_method(v, "__trunc__", vec![]);
                        }
                        Err(type_error(&format!(
                            "type {} doesn't define __trunc__ method",
                            type_name(v)
                        )))
                    }
                }
            }),
        ),
        (
            "fabs",
            plain_fn("fabs", |pos, kw| {
                one_arg("fabs", &pos, &kw)?;
                Ok(Value::Float(to_f64(&pos[0])?.abs()))
            }),
        ),
        (
            "pow",
            plain_fn("pow", |pos, kw| {
                two_args("pow", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                let y = to_f64(&pos[1])?;
                if x == 0.0 && y < 0.0 && y.is_finite() {
                    return Err(domain());
                }
                if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
                    return Err(domain());
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(range_err());
                }
                Ok(Value::Float(r))
            }),
        ),
        ("exp", math_1("exp", f64::exp, true)),
        ("expm1", math_1("expm1", f64::exp_m1, true)),
        ("sin", math_1("sin", f64::sin, false)),
        ("cos", math_1("cos", f64::cos, false)),
        ("tan", math_1("tan", f64::tan, false)),
        ("asin", math_1("asin", f64::asin, false)),
        ("acos", math_1("acos", f64::acos, false)),
        ("atan", math_1("atan", f64::atan, false)),
        ("sinh", math_1("sinh", f64::sinh, true)),
        ("cosh", math_1("cosh", f64::cosh, true)),
        ("tanh", math_1("tanh", f64::tanh, false)),
        ("asinh", math_1("asinh", f64::asinh, false)),
        ("acosh", math_1("acosh", f64::acosh, false)),
        ("atanh", math_1("atanh", f64::atanh, false)),
        ("cbrt", math_1("cbrt", f64::cbrt, false)),
        (
            "log1p",
            plain_fn("log1p", |pos, kw| {
                one_arg("log1p", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                if x <= -1.0 {
                    return Err(domain());
                }
                Ok(Value::Float(x.ln_1p()))
            }),
        ),
        (
            "atan2",
            plain_fn("atan2", |pos, kw| {
                two_args("atan2", &pos, &kw)?;
                Ok(Value::Float(to_f64(&pos[0])?.atan2(to_f64(&pos[1])?)))
            }),
        ),
        (
            "log",
            plain_fn("log", |pos, kw| {
                no_kw("log", &kw)?;
                if pos.is_empty() || pos.len() > 2 {
                    return Err(type_error(&format!(
                        "log expected 1 or 2 arguments, got {}",
                        pos.len()
                    )));
                }
                let num = log_of(&pos[0])?;
                if pos.len() == 2 {
                    let den = log_of(&pos[1])?;
                    if den == 0.0 {
                        return Err(err("ZeroDivisionError", "float division by zero"));
                    }
                    return Ok(Value::Float(num / den));
                }
                Ok(Value::Float(num))
            }),
        ),
        (
            "log2",
            plain_fn("log2", |pos, kw| {
                one_arg("log2", &pos, &kw)?;
                Ok(Value::Float(log_base(&pos[0], 2)?))
            }),
        ),
        (
            "log10",
            plain_fn("log10", |pos, kw| {
                one_arg("log10", &pos, &kw)?;
                Ok(Value::Float(log_base(&pos[0], 10)?))
            }),
        ),
        (
            "hypot",
            plain_fn("hypot", |pos, kw| {
                no_kw("hypot", &kw)?;
                Ok(Value::Float(hypot_of(&pos)?))
            }),
        ),
        (
            "dist",
            plain_fn("dist", |pos, kw| {
                two_args("dist", &pos, &kw)?;
                let p = to_vec(&pos[0])?;
                let q = to_vec(&pos[1])?;
                if p.len() != q.len() {
                    return Err(value_error("both points must have the same number of dimensions"));
                }
                let mut diffs = Vec::with_capacity(p.len());
                for (a, b) in p.iter().zip(q.iter()) {
                    diffs.push(Value::Float(to_f64(a)? - to_f64(b)?));
                }
                Ok(Value::Float(hypot_of(&diffs)?))
            }),
        ),
        (
            "gcd",
            plain_fn("gcd", |pos, kw| {
                no_kw("gcd", &kw)?;
                let mut r = Value::Int(0);
                for a in pos.iter() {
                    let a = int_arg(a, "gcd")?;
                    r = gcd_values(&r, &a);
                }
                Ok(r)
            }),
        ),
        (
            "lcm",
            plain_fn("lcm", |pos, kw| {
                no_kw("lcm", &kw)?;
                let mut r = Value::Int(1);
                for a in pos.iter() {
                    let a = int_arg(a, "lcm")?;
                    if matches!(a, Value::Int(0)) {
                        r = Value::Int(0);
                        continue;
                    }
                    if matches!(r, Value::Int(0)) {
                        continue;
                    }
                    let g = gcd_values(&r, &a);
                    let t = crate::ops::floordiv(&r, &g)?;
                    r = crate::ops::abs(&crate::ops::mul(&t, &a)?)?;
                }
                Ok(r)
            }),
        ),
        (
            "factorial",
            plain_fn("factorial", |pos, kw| {
                one_arg("factorial", &pos, &kw)?;
                let n = int_arg(&pos[0], "factorial")?;
                if is_neg(&n) {
                    return Err(value_error("factorial() not defined for negative values"));
                }
                match n {
                    Value::Int(i) => Ok(factorial(i)),
                    _ => Err(err("OverflowError", "factorial() argument should not exceed 9223372036854775807")),
                }
            }),
        ),
        (
            "isqrt",
            plain_fn("isqrt", |pos, kw| {
                one_arg("isqrt", &pos, &kw)?;
                let n = int_arg(&pos[0], "isqrt")?;
                isqrt_value(&n)
            }),
        ),
        (
            "comb",
            plain_fn("comb", |pos, kw| {
                two_args("comb", &pos, &kw)?;
                let n = int_arg(&pos[0], "comb")?;
                let k = int_arg(&pos[1], "comb")?;
                comb_perm(&n, &k, true)
            }),
        ),
        (
            "perm",
            plain_fn("perm", |pos, kw| {
                no_kw("perm", &kw)?;
                if pos.is_empty() || pos.len() > 2 {
                    return Err(type_error(&format!(
                        "perm expected at most 2 arguments, got {}",
                        pos.len()
                    )));
                }
                let n = int_arg(&pos[0], "perm")?;
                let k = match pos.get(1) {
                    None | Some(Value::None) => n.clone(),
                    Some(k) => int_arg(k, "perm")?,
                };
                comb_perm(&n, &k, false)
            }),
        ),
        (
            "isclose",
            plain_fn("isclose", |pos, kw| {
                let a = bind_args("isclose", pos, kw, &["a", "b", "rel_tol", "abs_tol"], 2)?;
                let x = to_f64(a[0].as_ref().unwrap())?;
                let y = to_f64(a[1].as_ref().unwrap())?;
                let rel = match &a[2] {
                    Some(v) => to_f64(v)?,
                    None => 1e-9,
                };
                let abs_tol = match &a[3] {
                    Some(v) => to_f64(v)?,
                    None => 0.0,
                };
                if rel < 0.0 || abs_tol < 0.0 {
                    return Err(value_error("tolerances must be non-negative"));
                }
                if x == y {
                    return Ok(Value::Bool(true));
                }
                if x.is_infinite() || y.is_infinite() {
                    return Ok(Value::Bool(false));
                }
                let diff = (y - x).abs();
                Ok(Value::Bool(
                    (diff <= (rel * y).abs()) || (diff <= (rel * x).abs()) || diff <= abs_tol,
                ))
            }),
        ),
        (
            "isfinite",
            plain_fn("isfinite", |pos, kw| {
                one_arg("isfinite", &pos, &kw)?;
                Ok(Value::Bool(to_f64(&pos[0])?.is_finite()))
            }),
        ),
        (
            "isinf",
            plain_fn("isinf", |pos, kw| {
                one_arg("isinf", &pos, &kw)?;
                Ok(Value::Bool(to_f64(&pos[0])?.is_infinite()))
            }),
        ),
        (
            "isnan",
            plain_fn("isnan", |pos, kw| {
                one_arg("isnan", &pos, &kw)?;
                Ok(Value::Bool(to_f64(&pos[0])?.is_nan()))
            }),
        ),
        (
            "prod",
            plain_fn("prod", |pos, kw| {
                let mut start = Value::Int(1);
                for (k, v) in kw {
                    if k == "start" {
                        start = v;
                    } else {
                        return Err(type_error(&format!(
                            "prod() got an unexpected keyword argument '{}'",
                            k
                        )));
                    }
                }
                if pos.len() != 1 {
                    return Err(type_error(&format!(
                        "prod() takes exactly 1 positional argument ({} given)",
                        pos.len()
                    )));
                }
                let mut acc = start;
                for v in crate::builtins_iter::to_vec_checked(&pos[0])? {
                    acc = crate::ops::mul(&acc, &v)?;
                }
                Ok(acc)
            }),
        ),
        (
            "fsum",
            plain_fn("fsum", |pos, kw| {
                one_arg("fsum", &pos, &kw)?;
                Ok(Value::Float(fsum(crate::builtins_iter::to_vec_checked(&pos[0])?)?))
            }),
        ),
        (
            "copysign",
            plain_fn("copysign", |pos, kw| {
                two_args("copysign", &pos, &kw)?;
                Ok(Value::Float(to_f64(&pos[0])?.copysign(to_f64(&pos[1])?)))
            }),
        ),
        (
            "degrees",
            plain_fn("degrees", |pos, kw| {
                one_arg("degrees", &pos, &kw)?;
                Ok(Value::Float(to_f64(&pos[0])? * (180.0 / std::f64::consts::PI)))
            }),
        ),
        (
            "radians",
            plain_fn("radians", |pos, kw| {
                one_arg("radians", &pos, &kw)?;
                Ok(Value::Float(to_f64(&pos[0])? * (std::f64::consts::PI / 180.0)))
            }),
        ),
        (
            "fmod",
            plain_fn("fmod", |pos, kw| {
                two_args("fmod", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                let y = to_f64(&pos[1])?;
                if y.is_infinite() && x.is_finite() {
                    return Ok(Value::Float(x));
                }
                if y == 0.0 || x.is_infinite() {
                    if x.is_nan() || y.is_nan() {
                        return Ok(Value::Float(f64::NAN));
                    }
                    return Err(domain());
                }
                Ok(Value::Float(x % y))
            }),
        ),
        (
            "remainder",
            plain_fn("remainder", |pos, kw| {
                two_args("remainder", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                let y = to_f64(&pos[1])?;
                if x.is_nan() || y.is_nan() {
                    return Ok(Value::Float(f64::NAN));
                }
                if x.is_infinite() || y == 0.0 {
                    return Err(domain());
                }
                if y.is_infinite() {
                    return Ok(Value::Float(x));
                }
                let absx = x.abs();
                let absy = y.abs();
                let m = absx % absy;
                let c = absy - m;
                let r = if m < c {
                    m
                } else if m > c {
                    -c
                } else {
                    // half-way: choose the even multiple
                    m - 2.0 * ((0.5 * (absx - m)) % absy)
                };
                Ok(Value::Float(1.0f64.copysign(x) * r))
            }),
        ),
        (
            "modf",
            plain_fn("modf", |pos, kw| {
                one_arg("modf", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                if x.is_infinite() {
                    return Ok(tuple(vec![Value::Float(0.0f64.copysign(x)), Value::Float(x)]));
                }
                let ip = x.trunc();
                Ok(tuple(vec![Value::Float((x - ip).copysign(x)), Value::Float(ip)]))
            }),
        ),
        (
            "frexp",
            plain_fn("frexp", |pos, kw| {
                one_arg("frexp", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                let (m, e) = frexp(x);
                Ok(tuple(vec![Value::Float(m), Value::Int(e as i64)]))
            }),
        ),
        (
            "ldexp",
            plain_fn("ldexp", |pos, kw| {
                two_args("ldexp", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                let e = as_index(&pos[1])?;
                let r = crate::ops::ldexp(x, e);
                if r.is_infinite() && x.is_finite() {
                    return Err(range_err());
                }
                Ok(Value::Float(r))
            }),
        ),
        (
            "erf",
            plain_fn("erf", |pos, kw| {
                one_arg("erf", &pos, &kw)?;
                Ok(Value::Float(erf(to_f64(&pos[0])?)))
            }),
        ),
        (
            "erfc",
            plain_fn("erfc", |pos, kw| {
                one_arg("erfc", &pos, &kw)?;
                Ok(Value::Float(erfc(to_f64(&pos[0])?)))
            }),
        ),
        (
            "gamma",
            plain_fn("gamma", |pos, kw| {
                one_arg("gamma", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                if x.is_nan() {
                    return Ok(Value::Float(x));
                }
                if x == f64::NEG_INFINITY || (x <= 0.0 && x.fract() == 0.0) {
                    return Err(domain());
                }
                if x.fract() == 0.0 && x <= 23.0 {
                    let mut r: u128 = 1;
                    let mut i: u128 = 2;
                    while (i as f64) < x {
                        r *= i;
                        i += 1;
                    }
                    return Ok(Value::Float(r as f64));
                }
                if x.is_infinite() {
                    return Ok(Value::Float(x));
                }
                let r = lanczos_gamma(x);
                if r.is_infinite() {
                    return Err(range_err());
                }
                Ok(Value::Float(r))
            }),
        ),
        (
            "lgamma",
            plain_fn("lgamma", |pos, kw| {
                one_arg("lgamma", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                if x <= 0.0 && x.fract() == 0.0 {
                    return Err(domain());
                }
                if x.is_infinite() {
                    return Ok(Value::Float(f64::INFINITY));
                }
                if x.is_nan() {
                    return Ok(Value::Float(x));
                }
                if x == x.floor() && x <= 2.0 {
                    return Ok(Value::Float(0.0));
                }
                let r = m_lgamma(x);
                if r.is_infinite() {
                    return Err(range_err());
                }
                Ok(Value::Float(r))
            }),
        ),
        (
            "nextafter",
            plain_fn("nextafter", |pos, kw| {
                two_args("nextafter", &pos, &kw)?;
                let x = to_f64(&pos[0])?;
                let y = to_f64(&pos[1])?;
                Ok(Value::Float(nextafter(x, y)))
            }),
        ),
        (
            "ulp",
            plain_fn("ulp", |pos, kw| {
                one_arg("ulp", &pos, &kw)?;
                let x = to_f64(&pos[0])?.abs();
                if x.is_nan() || x.is_infinite() {
                    return Ok(Value::Float(x));
                }
                let x2 = nextafter(x, f64::INFINITY);
                if x2.is_infinite() {
                    let x0 = nextafter(x, 0.0);
                    return Ok(Value::Float(x - x0));
                }
                Ok(Value::Float(x2 - x))
            }),
        ),
    ];
    Ok(new_module("math", items))
}

fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return if y > 0.0 { f64::from_bits(1) } else { -f64::from_bits(1) };
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

// erf / erfc: glibc's (fdlibm-derived) implementation, which CPython 3.11 calls.
const ERX: f64 = 0.8450629115104675; // 0x3FEB0AC160000000
const EFX: f64 = 0.1283791670955126; // 0x3FC06EBA8214DB69
const PP0: f64 = 0.12837916709551256; // 0x3FC06EBA8214DB68
const PP1: f64 = -0.3250421072470015; // 0xBFD4CD7D691CB913
const PP2: f64 = -0.02848174957559851; // 0xBF9D2A51DBD7194F
const PP3: f64 = -0.005770270296489442; // 0xBF77A291236668E4
const PP4: f64 = -2.3763016656650163e-05; // 0xBEF8EAD6120016AC
const QQ1: f64 = 0.39791722395915535; // 0x3FD97779CDDADC09
const QQ2: f64 = 0.0650222499887673; // 0x3FB0A54C5536CEBA
const QQ3: f64 = 0.005081306281875766; // 0x3F74D022C4D36B0F
const QQ4: f64 = 0.00013249473800432164; // 0x3F215DC9221C1A10
const QQ5: f64 = -3.960228278775368e-06; // 0xBED09C4342A26120
const PA0: f64 = -0.0023621185607526594; // 0xBF6359B8BEF77538
const PA1: f64 = 0.41485611868374833; // 0x3FDA8D00AD92B34D
const PA2: f64 = -0.3722078760357013; // 0xBFD7D240FBB8C3F1
const PA3: f64 = 0.31834661990116175; // 0x3FD45FCA805120E4
const PA4: f64 = -0.11089469428239668; // 0xBFBC63983D3E28EC
const PA5: f64 = 0.035478304325618236; // 0x3FA22A36599795EB
const PA6: f64 = -0.002166375594868791; // 0xBF61BF380A96073F
const QA1: f64 = 0.10642088040084423; // 0x3FBB3E6618EEE323
const QA2: f64 = 0.540397917702171; // 0x3FE14AF092EB6F33
const QA3: f64 = 0.07182865441419627; // 0x3FB2635CD99FE9A7
const QA4: f64 = 0.12617121980876164; // 0x3FC02660E763351F
const QA5: f64 = 0.01363708391202905; // 0x3F8BEDC26B51DD1C
const QA6: f64 = 0.011984499846799107; // 0x3F888B545735151D
const RA0: f64 = -0.009864944034847148; // 0xBF843412600D6435
const RA1: f64 = -0.6938585727071818; // 0xBFE63416E4BA7360
const RA2: f64 = -10.558626225323291; // 0xC0251E0441B0E726
const RA3: f64 = -62.375332450326006; // 0xC04F300AE4CBA38D
const RA4: f64 = -162.39666946257347; // 0xC0644CB184282266
const RA5: f64 = -184.60509290671104; // 0xC067135CEBCCABB2
const RA6: f64 = -81.2874355063066; // 0xC054526557E4D2F2
const RA7: f64 = -9.814329344169145; // 0xC023A0EFC69AC25C
const SA1: f64 = 19.651271667439257; // 0x4033A6B9BD707687
const SA2: f64 = 137.65775414351904; // 0x4061350C526AE721
const SA3: f64 = 434.56587747522923; // 0x407B290DD58A1A71
const SA4: f64 = 645.3872717332679; // 0x40842B1921EC2868
const SA5: f64 = 429.00814002756783; // 0x407AD02157700314
const SA6: f64 = 108.63500554177944; // 0x405B28A3EE48AE2C
const SA7: f64 = 6.570249770319282; // 0x401A47EF8E484A93
const SA8: f64 = -0.0604244152148581; // 0xBFAEEFF2EE749A62
const RB0: f64 = -0.0098649429247001; // 0xBF84341239E86F4A
const RB1: f64 = -0.799283237680523; // 0xBFE993BA70C285DE
const RB2: f64 = -17.757954917754752; // 0xC031C209555F995A
const RB3: f64 = -160.63638485582192; // 0xC064145D43C5ED98
const RB4: f64 = -637.5664433683896; // 0xC083EC881375F228
const RB5: f64 = -1025.0951316110772; // 0xC09004616A2E5992
const RB6: f64 = -483.5191916086514; // 0xC07E384E9BDC383F
const SB1: f64 = 30.33806074348246; // 0x403E568B261D5190
const SB2: f64 = 325.7925129965739; // 0x40745CAE221B9F0A
const SB3: f64 = 1536.729586084437; // 0x409802EB189D5118
const SB4: f64 = 3199.8582195085955; // 0x40A8FFB7688C246A
const SB5: f64 = 2553.0504064331644; // 0x40A3F219CEDF3BE6
const SB6: f64 = 474.52854120695537; // 0x407DA874E79FE763
const SB7: f64 = -22.44095244658582; // 0xC03670E242712D62

fn hi_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32
}

fn erf_tail(x: f64, ix: u32, erfc_cut: bool) -> f64 {
    // x = |x| >= 1.25: returns exp(-x*x - 0.5625) * exp(...) term r (caller divides by x)
    let s = 1.0 / (x * x);
    let cut = if erfc_cut { 0x4006DB6D } else { 0x4006DB6E };
    let (r, ss);
    if ix < cut {
        let r1 = RA0 + s * RA1;
        let s2 = s * s;
        let s1 = 1.0 + s * SA1;
        let s4 = s2 * s2;
        let r2 = RA2 + s * RA3;
        let s6 = s4 * s2;
        let sx2 = SA2 + s * SA3;
        let s8 = s4 * s4;
        let r3 = RA4 + s * RA5;
        let sx3 = SA4 + s * SA5;
        let r4 = RA6 + s * RA7;
        let sx4 = SA6 + s * SA7;
        r = r1 + s2 * r2 + s4 * r3 + s6 * r4;
        ss = s1 + s2 * sx2 + s4 * sx3 + s6 * sx4 + s8 * SA8;
    } else {
        let r1 = RB0 + s * RB1;
        let s2 = s * s;
        let s1 = 1.0 + s * SB1;
        let s4 = s2 * s2;
        let r2 = RB2 + s * RB3;
        let s6 = s4 * s2;
        let sx2 = SB2 + s * SB3;
        let r3 = RB4 + s * RB5;
        let sx3 = SB4 + s * SB5;
        let sx4 = SB6 + s * SB7;
        r = r1 + s2 * r2 + s4 * r3 + s6 * RB6;
        ss = s1 + s2 * sx2 + s4 * sx3 + s6 * sx4;
    }
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    (-z * z - 0.5625).exp() * ((z - x) * (z + x) + r / ss).exp()
}

fn erf_small(x: f64) -> f64 {
    let z = x * x;
    let r1 = PP0 + z * PP1;
    let z2 = z * z;
    let r2 = PP2 + z * PP3;
    let z4 = z2 * z2;
    let s1 = 1.0 + z * QQ1;
    let s2 = QQ2 + z * QQ3;
    let s3 = QQ4 + z * QQ5;
    let r = r1 + z2 * r2 + z4 * PP4;
    let s = s1 + z2 * s2 + z4 * s3;
    r / s
}

fn erf_mid(x: f64) -> (f64, f64) {
    let s = x.abs() - 1.0;
    let p1 = PA0 + s * PA1;
    let s2 = s * s;
    let q1 = 1.0 + s * QA1;
    let s4 = s2 * s2;
    let p2 = PA2 + s * PA3;
    let s6 = s4 * s2;
    let q2 = QA2 + s * QA3;
    let p3 = PA4 + s * PA5;
    let q3 = QA4 + s * QA5;
    let p = p1 + s2 * p2 + s4 * p3 + s6 * PA6;
    let q = q1 + s2 * q2 + s4 * q3 + s6 * QA6;
    (p, q)
}

fn erf(x: f64) -> f64 {
    let hx = hi_word(x) as i32;
    let ix = (hx as u32) & 0x7fffffff;
    if ix >= 0x7ff00000 {
        if x.is_nan() {
            return x;
        }
        return if hx < 0 { -1.0 } else { 1.0 };
    }
    if ix < 0x3feb0000 {
        if ix < 0x3e300000 {
            if ix < 0x00800000 {
                return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
            }
            return x + EFX * x;
        }
        let y = erf_small(x);
        return x + x * y;
    }
    if ix < 0x3ff40000 {
        let (p, q) = erf_mid(x);
        return if hx >= 0 { ERX + p / q } else { -ERX - p / q };
    }
    if ix >= 0x40180000 {
        return if hx >= 0 { 1.0 - 1e-300 } else { 1e-300 - 1.0 };
    }
    let ax = x.abs();
    let r = erf_tail(ax, ix, false);
    if hx >= 0 {
        1.0 - r / ax
    } else {
        r / ax - 1.0
    }
}

fn erfc(x: f64) -> f64 {
    let hx = hi_word(x) as i32;
    let ix = (hx as u32) & 0x7fffffff;
    if ix >= 0x7ff00000 {
        if x.is_nan() {
            return x;
        }
        return if hx < 0 { 2.0 } else { 0.0 };
    }
    if ix < 0x3feb0000 {
        if ix < 0x3c700000 {
            return 1.0 - x;
        }
        let y = erf_small(x);
        if hx < 0x3fd00000 {
            return 1.0 - (x + x * y);
        }
        let mut r = x * y;
        r += x - 0.5;
        return 0.5 - r;
    }
    if ix < 0x3ff40000 {
        let (p, q) = erf_mid(x);
        if hx >= 0 {
            let z = 1.0 - ERX;
            return z - p / q;
        }
        let z = ERX + p / q;
        return 1.0 + z;
    }
    if ix < 0x403c0000 {
        if hx < 0 && ix >= 0x40180000 && ix >= 0x4006DB6D {
            return 2.0 - 1e-300;
        }
        let ax = x.abs();
        let r = erf_tail(ax, ix, true);
        if hx > 0 {
            return r / ax;
        }
        return 2.0 - r / ax;
    }
    if hx > 0 {
        0.0
    } else {
        2.0 - 1e-300
    }
}

const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0,
    32670.0, 1925.0, 66.0, 1.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let mut num = 0.0;
    let mut den = 0.0;
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn m_sinpi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// CPython's m_tgamma (finite, non-integral or large arguments; callers handle the rest).
fn lanczos_gamma(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let absx = x.abs();
    if absx < 1e-20 {
        return 1.0 / x;
    }
    if absx > 200.0 {
        if x < 0.0 {
            return 0.0 / m_sinpi(x);
        }
        return f64::INFINITY;
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let mut z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -pi / m_sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    r
}

/// CPython's m_lgamma for finite x that is not a non-positive integer.
fn m_lgamma(x: f64) -> f64 {
    let logpi = 1.144729885849400174143427351353058711647;
    let absx = x.abs();
    if absx < 1e-20 {
        return -absx.ln();
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = logpi - m_sinpi(absx).abs().ln() - absx.ln() - r;
    }
    r
}
