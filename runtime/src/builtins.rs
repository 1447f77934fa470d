//! Builtin functions owned by the core (print, len, int, str, isinstance, ...) and
//! `builtin_value` (builtins as first-class values). Iteration-heavy builtins (sorted, zip,
//! map, sum, min, max...) live in builtins_iter.rs.
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::rc::Rc;

use crate::bigint::BigInt;
use crate::classes::*;
use crate::exceptions::*;
use crate::object::*;
use crate::ops::*;
use crate::repr::*;
use crate::value::*;

// ------------------------------------------------------------------------------------------
// Buffered stdout / stdin
// ------------------------------------------------------------------------------------------

thread_local! {
    static STDOUT_BUF: RefCell<Vec<u8>> = RefCell::new(Vec::with_capacity(1 << 16));
    static STDIN_BUF: RefCell<Option<std::io::BufReader<std::io::Stdin>>> = RefCell::new(None);
    static STREAMS: RefCell<Vec<Value>> = RefCell::new(Vec::new());
    static BUILTIN_VALUES: RefCell<HashMap<&'static str, Value>> = RefCell::new(HashMap::new());
    static CAPTURE: std::cell::Cell<bool> = std::cell::Cell::new(false);
}

/// Tests: keep everything printed in the buffer (no flushing) until `capture_end`.
pub fn capture_begin() {
    flush_stdout();
    CAPTURE.with(|c| c.set(true));
}

/// Tests: stop capturing and return what was printed since `capture_begin`.
pub fn capture_end() -> String {
    CAPTURE.with(|c| c.set(false));
    STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        let s = String::from_utf8_lossy(&b).into_owned();
        b.clear();
        s
    })
}

pub fn write_stdout(s: &str) {
    let full = STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.extend_from_slice(s.as_bytes());
        b.len() >= 1 << 16 && !CAPTURE.with(|c| c.get())
    });
    if full {
        flush_stdout();
    }
}

pub fn flush_stdout() {
    if CAPTURE.with(|c| c.get()) {
        return;
    }
    STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        if !b.is_empty() {
            let out = std::io::stdout();
            let mut lock = out.lock();
            let _ = lock.write_all(&b);
            let _ = lock.flush();
            b.clear();
        }
    });
}

pub fn write_stderr(s: &str) {
    flush_stdout();
    let err = std::io::stderr();
    let mut lock = err.lock();
    let _ = lock.write_all(s.as_bytes());
    let _ = lock.flush();
}

/// Write to fd 1 (buffered) or 2.
pub fn write_fd(fd: i64, s: &str) {
    if fd == 2 {
        write_stderr(s)
    } else {
        write_stdout(s)
    }
}

/// One line from stdin including the trailing newline; None at EOF.
pub fn read_line() -> PyResult<Option<String>> {
    STDIN_BUF.with(|b| {
        let mut b = b.borrow_mut();
        if b.is_none() {
            *b = Some(std::io::BufReader::new(std::io::stdin()));
        }
        let r = b.as_mut().unwrap();
        let mut buf = Vec::new();
        match std::io::BufRead::read_until(r, b'\n', &mut buf) {
            Ok(0) => Ok(None),
            Ok(_) => Ok(Some(String::from_utf8_lossy(&buf).into_owned())),
            Err(e) => Err(exc("OSError", e.to_string())),
        }
    })
}

pub fn read_all() -> PyResult<String> {
    STDIN_BUF.with(|b| {
        let mut b = b.borrow_mut();
        if b.is_none() {
            *b = Some(std::io::BufReader::new(std::io::stdin()));
        }
        let r = b.as_mut().unwrap();
        let mut buf = Vec::new();
        match r.read_to_end(&mut buf) {
            Ok(_) => Ok(String::from_utf8_lossy(&buf).into_owned()),
            Err(e) => Err(exc("OSError", e.to_string())),
        }
    })
}

/// sys.stdin / sys.stdout / sys.stderr objects (fd 0, 1, 2).
pub fn std_stream(fd: i64) -> Value {
    STREAMS.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_empty() {
            for i in 0..3 {
                s.push(Value::Instance(Rc::new(Instance {
                    class: builtin_class("TextIOWrapper"),
                    attrs: RefCell::new(Dict::new()),
                    base_value: RefCell::new(Some(Value::Int(i))),
                })));
            }
        }
        s[(fd.clamp(0, 2)) as usize].clone()
    })
}

// ------------------------------------------------------------------------------------------
// Argument helpers
// ------------------------------------------------------------------------------------------

fn take_kw(kw: &mut Vec<(String, Value)>, name: &str) -> Option<Value> {
    let i = kw.iter().position(|(k, _)| k == name)?;
    Some(kw.remove(i).1)
}

fn no_kw(fname: &str, kw: &[(String, Value)]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(format!("{}() takes no keyword arguments", fname)));
    }
    Ok(())
}

fn check_args(fname: &str, pos: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = pos.len();
    if n < min || n > max {
        if min == max {
            if min == 1 {
                return Err(type_error(format!("{}() takes exactly one argument ({} given)", fname, n)));
            }
            return Err(type_error(format!("{} expected {} arguments, got {}", fname, min, n)));
        }
        if n < min {
            return Err(type_error(format!(
                "{} expected at least {} argument{}, got {}",
                fname,
                min,
                if min == 1 { "" } else { "s" },
                n
            )));
        }
        return Err(type_error(format!(
            "{} expected at most {} argument{}, got {}",
            fname,
            max,
            if max == 1 { "" } else { "s" },
            n
        )));
    }
    Ok(())
}

/// Value as i64 index (`__index__` protocol), CPython's TypeError otherwise.
pub fn as_index(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(exc("OverflowError", "Python int too large to convert to C ssize_t".to_string())),
        Value::Instance(i) if lookup_class_attr(&i.class, "__index__").is_some() => {
            let r = call_method(v, "__index__", vec![], vec![])?;
            as_index(&r)
        }
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

/// int-like value (int/bool/bigint/__index__) as a normalized int Value.
fn as_int_value(v: &Value) -> Option<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Some(v.clone()),
        Value::Bool(b) => Some(Value::Int(*b as i64)),
        Value::Instance(i) if lookup_class_attr(&i.class, "__index__").is_some() => call_method(v, "__index__", vec![], vec![]).ok(),
        _ => None,
    }
}

fn to_bigint(v: &Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from_i64(*i),
        Value::Bool(b) => BigInt::from_i64(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        _ => BigInt::zero(),
    }
}

// ------------------------------------------------------------------------------------------
// int() / float() parsing
// ------------------------------------------------------------------------------------------

fn is_py_ws(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
}

/// Parse an int literal the way int(str, base) does; None when invalid.
pub fn parse_int(s: &str, base: u32) -> Option<Value> {
    let t = s.trim_matches(is_py_ws);
    let (neg, mut body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut base = base;
    let lower = body.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    let mut had_prefix = false;
    if base == 0 {
        if prefixed("0x") {
            base = 16;
            body = &body[2..];
            had_prefix = true;
        } else if prefixed("0o") {
            base = 8;
            body = &body[2..];
            had_prefix = true;
        } else if prefixed("0b") {
            base = 2;
            body = &body[2..];
            had_prefix = true;
        } else {
            base = 10;
            // "010" is invalid with base 0 (unless all zeros)
            let digits: String = body.chars().filter(|c| *c != '_').collect();
            if digits.len() > 1 && digits.starts_with('0') && digits.chars().any(|c| c != '0') {
                return None;
            }
        }
    } else if (base == 16 && prefixed("0x")) || (base == 8 && prefixed("0o")) || (base == 2 && prefixed("0b")) {
        body = &body[2..];
        had_prefix = true;
    }
    // underscores: only single, between digits (or right after a base prefix)
    let bytes: Vec<char> = body.chars().collect();
    if bytes.is_empty() {
        return None;
    }
    let mut digits = String::with_capacity(bytes.len());
    for (i, c) in bytes.iter().enumerate() {
        if *c == '_' {
            if i + 1 >= bytes.len() || bytes[i + 1] == '_' || (i == 0 && !had_prefix) {
                return None;
            }
            continue;
        }
        let d = if c.is_ascii_digit() {
            *c as u32 - '0' as u32
        } else if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase() as u32 - 'a' as u32 + 10
        } else if let Some(d) = c.to_digit(10) {
            d
        } else {
            // unicode decimal digits
            match crate::methods_str::is_decimal_char(*c) {
                true => {
                    let v = unicode_digit_value(*c)?;
                    digits.push(std::char::from_digit(v, 10)?);
                    continue;
                }
                false => return None,
            }
        };
        if d >= base {
            return None;
        }
        digits.push(std::char::from_digit(d, base)?);
    }
    // fast path
    if digits.len() <= 12 || (base == 10 && digits.len() <= 18) {
        if let Ok(v) = i64::from_str_radix(&digits, base) {
            return Some(Value::Int(if neg { -v } else { v }));
        }
    }
    let b = BigInt::parse(&digits, base)?;
    Some(int_from_big(if neg { b.neg() } else { b }))
}

fn unicode_digit_value(c: char) -> Option<u32> {
    // Unicode decimal digits come in contiguous runs of ten starting at a code point ending in 0
    // for most scripts; find the run start.
    let u = c as u32;
    for start in (u.saturating_sub(9)..=u).rev() {
        if let Some(ch) = std::char::from_u32(start) {
            if !crate::methods_str::is_decimal_char(ch) {
                return Some(u - start - 1);
            }
        }
    }
    Some(u % 16 % 10)
}

fn builtin_int(pos: Vec<Value>, mut kw: Vec<(String, Value)>) -> PyResult<Value> {
    let base_kw = take_kw(&mut kw, "base");
    if !kw.is_empty() {
        return Err(type_error(format!("'{}' is an invalid keyword argument for int()", kw[0].0)));
    }
    if pos.len() > 2 {
        return Err(type_error(format!("int() takes at most 2 arguments ({} given)", pos.len())));
    }
    let base = match (pos.get(1).cloned(), base_kw) {
        (Some(b), _) | (None, Some(b)) => Some(b),
        _ => None,
    };
    let x = match pos.first() {
        Some(x) => x.clone(),
        None => {
            if base.is_some() {
                return Err(type_error("int() missing string argument".to_string()));
            }
            return Ok(Value::Int(0));
        }
    };
    if let Some(b) = base {
        let b = as_index(&b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(exc("ValueError", "int() base must be >= 2 and <= 36, or 0".to_string()));
        }
        let s = match &x {
            Value::Str(s) => s.to_string(),
            Value::Bytes(bs) => String::from_utf8_lossy(bs).into_owned(),
            _ => return Err(type_error("int() can't convert non-string with explicit base".to_string())),
        };
        return match parse_int(&s, b as u32) {
            Some(v) => Ok(v),
            None => Err(exc("ValueError", format!("invalid literal for int() with base {}: {}", b, str_repr(&s)))),
        };
    }
    match &x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => int_from_f64(*f),
        Value::Str(s) => match parse_int(s, 10) {
            Some(v) => Ok(v),
            None => Err(exc("ValueError", format!("invalid literal for int() with base 10: {}", str_repr(s)))),
        },
        Value::Bytes(bs) => {
            let s = String::from_utf8_lossy(bs).into_owned();
            match parse_int(&s, 10) {
                Some(v) => Ok(v),
                None => Err(exc("ValueError", format!("invalid literal for int() with base 10: {}", bytes_repr(bs)))),
            }
        }
        Value::Instance(inst) => {
            for m in ["__int__", "__index__", "__trunc__"] {
                if lookup_class_attr(&inst.class, m).is_some() {
                    let r = call_method(&x, m, vec![], vec![])?;
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        Value::Instance(_) if m == "__trunc__" => builtin_int(vec![r], vec![]),
                        _ => Err(type_error(format!("{} returned non-int (type {})", m, type_name(&r)))),
                    };
                }
            }
            let p = inst.base_value.borrow().clone();
            if let Some(p) = p {
                if !is_exception_class(&inst.class) {
                    return builtin_int(vec![p], vec![]);
                }
            }
            Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(&x)
            )))
        }
        _ => Err(type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_name(&x)
        ))),
    }
}

pub fn parse_float_str(s: &str) -> Option<f64> {
    crate::pyfloat::parse_float(s)
}

fn builtin_float(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("float", &kw)?;
    if pos.len() > 1 {
        return Err(type_error(format!("float expected at most 1 argument, got {}", pos.len())));
    }
    let x = match pos.first() {
        Some(x) => x,
        None => return Ok(Value::Float(0.0)),
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::BigInt(b) => Ok(Value::Float(big_to_f64(b)?)),
        Value::Str(s) => match parse_float_str(s) {
            Some(f) => Ok(Value::Float(f)),
            None => Err(exc("ValueError", format!("could not convert string to float: {}", str_repr(s)))),
        },
        Value::Bytes(bs) => match parse_float_str(&String::from_utf8_lossy(bs)) {
            Some(f) => Ok(Value::Float(f)),
            None => Err(exc("ValueError", format!("could not convert string to float: {}", bytes_repr(bs)))),
        },
        Value::Instance(inst) => {
            if lookup_class_attr(&inst.class, "__float__").is_some() {
                let r = call_method(x, "__float__", vec![], vec![])?;
                return match r {
                    Value::Float(_) => Ok(r),
                    _ => Err(type_error(format!("{}.__float__ returned non-float (type {})", inst.class.name, type_name(&r)))),
                };
            }
            if lookup_class_attr(&inst.class, "__index__").is_some() {
                let r = call_method(x, "__index__", vec![], vec![])?;
                return builtin_float(vec![r], vec![]);
            }
            let p = inst.base_value.borrow().clone();
            if let Some(p) = p {
                if !is_exception_class(&inst.class) {
                    return builtin_float(vec![p], vec![]);
                }
            }
            Err(type_error(format!("float() argument must be a string or a real number, not '{}'", type_name(x))))
        }
        _ => Err(type_error(format!("float() argument must be a string or a real number, not '{}'", type_name(x)))),
    }
}

// ------------------------------------------------------------------------------------------
// Individual builtins
// ------------------------------------------------------------------------------------------

fn builtin_print(pos: Vec<Value>, mut kw: Vec<(String, Value)>) -> PyResult<Value> {
    let sep = take_kw(&mut kw, "sep");
    let end = take_kw(&mut kw, "end");
    let file = take_kw(&mut kw, "file");
    let _flush = take_kw(&mut kw, "flush");
    if let Some((k, _)) = kw.first() {
        return Err(type_error(format!("'{}' is an invalid keyword argument for print()", k)));
    }
    let sep = match sep {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(o) => return Err(type_error(format!("sep must be None or a string, not {}", type_name(&o)))),
    };
    let end = match end {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(o) => return Err(type_error(format!("end must be None or a string, not {}", type_name(&o)))),
    };
    let mut out = String::new();
    for (i, a) in pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a {
            Value::Str(s) => out.push_str(s),
            _ => out.push_str(&to_str(a)?),
        }
    }
    out.push_str(&end);
    match file {
        None | Some(Value::None) => write_stdout(&out),
        Some(f) => {
            let fd = match &f {
                Value::Instance(i) if i.class.builtin == Some("TextIOWrapper") => match i.base_value.borrow().as_ref() {
                    Some(Value::Int(n)) => Some(*n),
                    _ => Some(1),
                },
                _ => None,
            };
            match fd {
                Some(fd) => write_fd(fd, &out),
                None => {
                    call_method(&f, "write", vec![Value::from(out)], vec![])?;
                }
            }
        }
    }
    Ok(Value::None)
}

/// `len(x)`
pub fn len(v: &Value) -> PyResult<usize> {
    match v {
        Value::Str(s) => Ok(if str_is_ascii(s) { s.len() } else { s.chars().count() }),
        Value::List(l) => Ok(l.borrow().len()),
        Value::Tuple(t) => Ok(t.len()),
        Value::Dict(d) => Ok(d.borrow().len()),
        Value::Set(s) => Ok(s.borrow().len()),
        Value::FrozenSet(s) => Ok(s.len()),
        Value::Bytes(b) => Ok(b.len()),
        Value::Range(r) => Ok(range_len(r) as usize),
        Value::Instance(inst) => {
            if let Some(f) = lookup_class_attr(&inst.class, "__len__") {
                let r = call_bound(&f, v, vec![])?;
                let n = match &r {
                    Value::Int(n) => *n,
                    Value::Bool(b) => *b as i64,
                    Value::BigInt(_) => {
                        return Err(exc("OverflowError", "cannot fit 'int' into an index-sized integer".to_string()))
                    }
                    _ => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&r)))),
                };
                if n < 0 {
                    return Err(exc("ValueError", "__len__() should return >= 0".to_string()));
                }
                return Ok(n as usize);
            }
            if let Some(o) = idict_owner(v) {
                return Ok(o.attrs.borrow().len());
            }
            let p = inst.base_value.borrow().clone();
            if let Some(p) = p {
                if !is_exception_class(&inst.class) && inst.class.builtin.is_none() {
                    return len(&p);
                }
            }
            Err(type_error(format!("object of type '{}' has no len()", inst.class.name)))
        }
        Value::Class(c) => match lookup_class_attr(c, "__class_len__") {
            Some(f) => {
                let r = call_bound(&f, v, vec![])?;
                Ok(as_index(&r)?.max(0) as usize)
            }
            None => Err(type_error("object of type 'type' has no len()".to_string())),
        },
        _ => Err(type_error(format!("object of type '{}' has no len()", type_name(v)))),
    }
}

fn dict_from_args(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Dict> {
    if pos.len() > 1 {
        return Err(type_error(format!("dict expected at most 1 argument, got {}", pos.len())));
    }
    let mut d = Dict::new();
    if let Some(src) = pos.first() {
        dict_update(&mut d, src)?;
    }
    for (k, v) in kw {
        d.set_str(&k, v);
    }
    Ok(d)
}

/// dict.update(src) for a mapping or an iterable of pairs.
pub fn dict_update(d: &mut Dict, src: &Value) -> PyResult<()> {
    if let Some(o) = idict_owner(src) {
        return dict_update(d, &idict_snapshot(&o));
    }
    match src {
        Value::Dict(s) => {
            let items = s.borrow().items();
            for (k, v) in items {
                d.insert(k, v)?;
            }
            Ok(())
        }
        Value::Instance(inst) if lookup_class_attr(&inst.class, "keys").is_some() || matches!(&*inst.base_value.borrow(), Some(Value::Dict(_))) => {
            let keys = call_method(src, "keys", vec![], vec![])?;
            for k in unpack_iterable(&keys)? {
                let v = getitem(src, &k)?;
                d.insert(k, v)?;
            }
            Ok(())
        }
        _ => {
            let it = iter(src)?;
            let mut i = 0;
            while let Some(item) = next(&it)? {
                let kv = match &item {
                    Value::Tuple(t) => t.to_vec(),
                    Value::List(l) => l.borrow().clone(),
                    Value::Str(_) | Value::Instance(_) | Value::Iter(_) | Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_) | Value::Bytes(_) | Value::Range(_) => {
                        unpack_iterable(&item)?
                    }
                    _ => {
                        return Err(type_error(format!(
                            "cannot convert dictionary update sequence element #{} to a sequence",
                            i
                        )))
                    }
                };
                if kv.len() != 2 {
                    return Err(exc(
                        "ValueError",
                        format!("dictionary update sequence element #{} has length {}; 2 is required", i, kv.len()),
                    ));
                }
                let mut kv = kv.into_iter();
                let k = kv.next().unwrap();
                let v = kv.next().unwrap();
                d.insert(k, v)?;
                i += 1;
            }
            Ok(())
        }
    }
}

/// Build a Set from any iterable with CPython's layout rules.
pub fn set_from_iterable(src: &Value) -> PyResult<Set> {
    match src {
        Value::Set(s) => Ok(s.borrow().copy()),
        Value::FrozenSet(s) => Ok(s.copy()),
        Value::Dict(d) => {
            let keys = d.borrow().keys();
            let mut s = Set::new();
            s.update_dict_keys(keys)?;
            Ok(s)
        }
        _ => {
            let mut s = Set::new();
            let it = iter(src)?;
            while let Some(x) = next(&it)? {
                s.insert(x)?;
            }
            Ok(s)
        }
    }
}

fn builtin_range(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("range", &kw)?;
    if pos.is_empty() {
        return Err(type_error("range expected at least 1 argument, got 0".to_string()));
    }
    if pos.len() > 3 {
        return Err(type_error(format!("range expected at most 3 arguments, got {}", pos.len())));
    }
    let mut v = Vec::with_capacity(3);
    for p in &pos {
        v.push(as_index(p)?);
    }
    let (start, stop, step) = match v.len() {
        1 => (0, v[0], 1),
        2 => (v[0], v[1], 1),
        _ => (v[0], v[1], v[2]),
    };
    if step == 0 {
        return Err(exc("ValueError", "range() arg 3 must not be zero".to_string()));
    }
    Ok(Value::Range(RangeV { start, stop, step }))
}

fn builtin_round(pos: Vec<Value>, mut kw: Vec<(String, Value)>) -> PyResult<Value> {
    let nd_kw = take_kw(&mut kw, "ndigits");
    let x = match pos.first() {
        Some(x) => x.clone(),
        None => {
            let x = take_kw(&mut kw, "number");
            match x {
                Some(x) => x,
                None => return Err(type_error("round() missing required argument 'number' (pos 1)".to_string())),
            }
        }
    };
    let nd = pos.get(1).cloned().or(nd_kw).filter(|v| !matches!(v, Value::None));
    match &x {
        Value::Float(f) => match nd {
            None => {
                let r = crate::pyfloat::round_half_even(*f);
                int_from_f64(r)
            }
            Some(n) => {
                let n = as_index(&n)?;
                Ok(Value::Float(crate::pyfloat::round_float(*f, n)))
            }
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let xi = match &x {
                Value::Bool(b) => Value::Int(*b as i64),
                _ => x.clone(),
            };
            match nd {
                None => Ok(xi),
                Some(n) => {
                    let n = as_index(&n)?;
                    if n >= 0 {
                        return Ok(xi);
                    }
                    // round to a multiple of 10**(-n), half to even
                    let p = BigInt::from_i64(10).pow((-n) as u64);
                    let xb = to_bigint(&xi);
                    let (q, r) = xb.divmod_floor(&p);
                    let twice = r.add(&r);
                    let q = match twice.cmp(&p) {
                        std::cmp::Ordering::Greater => q.add(&BigInt::from_i64(1)),
                        std::cmp::Ordering::Less => q,
                        std::cmp::Ordering::Equal => {
                            if q.bitand(&BigInt::from_i64(1)).is_zero() {
                                q
                            } else {
                                q.add(&BigInt::from_i64(1))
                            }
                        }
                    };
                    Ok(int_from_big(q.mul(&p)))
                }
            }
        }
        Value::Instance(inst) if lookup_class_attr(&inst.class, "__round__").is_some() => {
            let args = match nd {
                Some(n) => vec![n],
                None => vec![],
            };
            call_method(&x, "__round__", args, vec![])
        }
        _ => Err(type_error(format!("type {} doesn't define __round__ method", type_name(&x)))),
    }
}

fn builtin_divmod(a: &Value, b: &Value) -> PyResult<Value> {
    match (a, b) {
        (Value::Float(_), _) | (_, Value::Float(_))
            if matches!(a, Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
                && matches!(b, Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) =>
        {
            let y = match b {
                Value::Float(f) => *f,
                Value::Int(i) => *i as f64,
                Value::Bool(x) => *x as i64 as f64,
                Value::BigInt(x) => big_to_f64(x)?,
                _ => 0.0,
            };
            if y == 0.0 {
                return Err(exc("ZeroDivisionError", "float divmod()".to_string()));
            }
            Ok(new_tuple(vec![floordiv(a, b)?, modulo(a, b)?]))
        }
        (Value::Instance(_), _) | (_, Value::Instance(_)) => {
            if let Some(f) = crate::object::lookup_special(a, "__divmod__") {
                let r = call_bound(&f, a, vec![b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            if let Some(f) = crate::object::lookup_special(b, "__rdivmod__") {
                let r = call_bound(&f, b, vec![a.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
            Err(type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                type_name(a),
                type_name(b)
            )))
        }
        _ => {
            let is_num = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
            if !is_num(a) || !is_num(b) {
                return Err(type_error(format!(
                    "unsupported operand type(s) for divmod(): '{}' and '{}'",
                    type_name(a),
                    type_name(b)
                )));
            }
            Ok(new_tuple(vec![floordiv(a, b)?, modulo(a, b)?]))
        }
    }
}

fn mulmod(a: u64, b: u64, m: u64) -> u64 {
    ((a as u128 * b as u128) % m as u128) as u64
}

fn builtin_pow(pos: Vec<Value>, mut kw: Vec<(String, Value)>) -> PyResult<Value> {
    let base = pos.first().cloned().or_else(|| take_kw(&mut kw, "base"));
    let exp = pos.get(1).cloned().or_else(|| take_kw(&mut kw, "exp"));
    let m = pos.get(2).cloned().or_else(|| take_kw(&mut kw, "mod")).filter(|v| !matches!(v, Value::None));
    let (base, exp) = match (base, exp) {
        (Some(b), Some(e)) => (b, e),
        _ => return Err(type_error(format!("pow() missing required argument 'exp' (pos 2)"))),
    };
    let m = match m {
        None => return pow(&base, &exp),
        Some(m) => m,
    };
    let (bi, ei, mi) = match (as_int_value(&base), as_int_value(&exp), as_int_value(&m)) {
        (Some(b), Some(e), Some(m)) if !matches!(base, Value::Instance(_)) => (b, e, m),
        _ => {
            if let Value::Instance(_) = base {
                if let Some(f) = crate::object::lookup_special(&base, "__pow__") {
                    return call_bound(&f, &base, vec![exp, m]);
                }
            }
            return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers".to_string()));
        }
    };
    let mb = to_bigint(&mi);
    if mb.is_zero() {
        return Err(exc("ValueError", "pow() 3rd argument cannot be 0".to_string()));
    }
    let mut bb = to_bigint(&bi);
    let mut eb = to_bigint(&ei);
    if eb.is_negative() {
        // modular inverse of base
        let ma = mb.abs();
        let inv = mod_inverse(&bb.divmod_floor(&ma).1, &ma)
            .ok_or_else(|| exc("ValueError", "base is not invertible for the given modulus".to_string()))?;
        bb = inv;
        eb = eb.neg();
    }
    // small fast path
    if let (Some(b), Some(e), Some(mm)) = (bb.to_i64(), eb.to_i64(), mb.to_i64()) {
        let ma = mm.unsigned_abs();
        let mut r: u64 = 1 % ma;
        let mut x = (b as i128).rem_euclid(ma as i128) as u64;
        let mut e = e as u64;
        while e > 0 {
            if e & 1 == 1 {
                r = mulmod(r, x, ma);
            }
            x = mulmod(x, x, ma);
            e >>= 1;
        }
        let mut res = r as i128;
        if mm < 0 && res != 0 {
            res -= ma as i128;
        }
        return Ok(int_from_i128(res));
    }
    Ok(int_from_big(bb.modpow(&eb, &mb)))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    // extended Euclid on BigInt
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::from_i64(1), BigInt::zero());
    while !r.is_zero() {
        let (q, _) = old_r.divmod_floor(&r);
        let nr = old_r.sub(&q.mul(&r));
        old_r = r;
        r = nr;
        let ns = old_s.sub(&q.mul(&s));
        old_s = s;
        s = ns;
    }
    if old_r != BigInt::from_i64(1) {
        return None;
    }
    Some(old_s.divmod_floor(m).1)
}

fn int_radix(v: &Value, radix: u32, prefix: &str, fname: &str) -> PyResult<Value> {
    let iv = match as_int_value(v) {
        Some(i) => i,
        None => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    };
    let _ = fname;
    let (neg, digits) = match &iv {
        Value::Int(i) => {
            let mag = i.unsigned_abs();
            let d = match radix {
                16 => format!("{:x}", mag),
                8 => format!("{:o}", mag),
                _ => format!("{:b}", mag),
            };
            (*i < 0, d)
        }
        Value::BigInt(b) => (b.is_negative(), b.abs().to_str_radix(radix)),
        _ => (false, String::new()),
    };
    Ok(Value::from(format!("{}{}{}", if neg { "-" } else { "" }, prefix, digits)))
}

fn builtin_chr(v: &Value) -> PyResult<Value> {
    let i = match v {
        Value::BigInt(_) => return Err(exc("OverflowError", "Python int too large to convert to C int".to_string())),
        _ => as_index(v)?,
    };
    if !(0..0x110000).contains(&i) {
        return Err(exc("ValueError", "chr() arg not in range(0x110000)".to_string()));
    }
    match std::char::from_u32(i as u32) {
        Some(c) => {
            if c.is_ascii() {
                Ok(Value::Str(ascii_char(c as u8)))
            } else {
                Ok(Value::from(c.to_string()))
            }
        }
        None => Err(exc("ValueError", "surrogate code points are not supported".to_string())),
    }
}

fn builtin_ord(v: &Value) -> PyResult<Value> {
    match v {
        Value::Str(s) => {
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        Value::Bytes(b) => {
            if b.len() == 1 {
                Ok(Value::Int(b[0] as i64))
            } else {
                Err(type_error(format!("ord() expected a character, but string of length {} found", b.len())))
            }
        }
        _ => Err(type_error(format!("ord() expected string of length 1, but {} found", type_name(v)))),
    }
}

fn attr_name(v: &Value, fname: &str) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(type_error(format!("{}(): attribute name must be string, not '{}'", fname, type_name(v)))),
    }
}

fn is_callable(v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) | Value::StaticMethod(_) => true,
        Value::Instance(i) => lookup_class_attr(&i.class, "__call__").is_some(),
        _ => false,
    }
}

fn builtin_bytes(pos: Vec<Value>, mut kw: Vec<(String, Value)>) -> PyResult<Value> {
    let enc = pos.get(1).cloned().or_else(|| take_kw(&mut kw, "encoding"));
    let src = match pos.first() {
        Some(s) => s.clone(),
        None => return Ok(Value::Bytes(Rc::new(vec![]))),
    };
    match &src {
        Value::Str(s) => {
            if enc.is_none() {
                return Err(type_error("string argument without an encoding".to_string()));
            }
            let e = match &enc {
                Some(Value::Str(e)) => e.to_ascii_lowercase().replace('_', "-"),
                _ => "utf-8".to_string(),
            };
            match e.as_str() {
                "ascii" | "us-ascii" => {
                    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
                        return Err(exc(
                            "UnicodeEncodeError",
                            format!(
                                "'ascii' codec can't encode character '\\u{:04x}' in position {}: ordinal not in range(128)",
                                c as u32, i
                            ),
                        ));
                    }
                    Ok(Value::Bytes(Rc::new(s.as_bytes().to_vec())))
                }
                "latin-1" | "latin1" | "iso-8859-1" => Ok(Value::Bytes(Rc::new(s.chars().map(|c| c as u32 as u8).collect()))),
                _ => Ok(Value::Bytes(Rc::new(s.as_bytes().to_vec()))),
            }
        }
        Value::Int(n) => {
            if *n < 0 {
                return Err(exc("ValueError", "negative count".to_string()));
            }
            Ok(Value::Bytes(Rc::new(vec![0u8; *n as usize])))
        }
        Value::Bytes(_) => Ok(src.clone()),
        _ => {
            let mut out = vec![];
            for x in unpack_iterable(&src)? {
                let i = as_index(&x)?;
                if !(0..256).contains(&i) {
                    return Err(exc("ValueError", "bytes must be in range(0, 256)".to_string()));
                }
                out.push(i as u8);
            }
            Ok(Value::Bytes(Rc::new(out)))
        }
    }
}

fn builtin_dir(pos: &[Value]) -> PyResult<Value> {
    let mut names: Vec<String> = vec![];
    match pos.first() {
        Some(Value::Instance(i)) => {
            names.extend(i.attrs.borrow().keys().iter().filter_map(|k| if let Value::Str(s) = k { Some(s.to_string()) } else { None }));
            for c in mro_of(&i.class) {
                names.extend(c.attrs.borrow().keys().iter().filter_map(|k| if let Value::Str(s) = k { Some(s.to_string()) } else { None }));
            }
        }
        Some(Value::Class(c)) => {
            for c in mro_of(c) {
                names.extend(c.attrs.borrow().keys().iter().filter_map(|k| if let Value::Str(s) = k { Some(s.to_string()) } else { None }));
            }
        }
        Some(Value::Module(m)) => {
            names.extend(m.attrs.borrow().keys().iter().filter_map(|k| if let Value::Str(s) = k { Some(s.to_string()) } else { None }));
        }
        _ => {}
    }
    names.sort();
    names.dedup();
    Ok(new_list(names.into_iter().map(Value::from).collect()))
}

/// Call the builtin function `name`.
pub fn call_builtin(name: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let mut pos = pos;
    let mut kw = kw;
    macro_rules! arg1 {
        () => {{
            no_kw(name, &kw)?;
            check_args(name, &pos, 1, 1)?;
            pos.pop().unwrap()
        }};
    }
    match name {
        "print" => builtin_print(pos, kw),
        "len" => {
            let x = arg1!();
            Ok(Value::from(len(&x)?))
        }
        "repr" => {
            let x = arg1!();
            Ok(Value::from(to_repr(&x)?))
        }
        "ascii" => {
            let x = arg1!();
            Ok(Value::from(ascii_of(&x)?))
        }
        "str" => {
            let obj = if pos.is_empty() { take_kw(&mut kw, "object") } else { Some(pos.remove(0)) };
            let enc = if pos.is_empty() { take_kw(&mut kw, "encoding") } else { Some(pos.remove(0)) };
            let errors = if pos.is_empty() { take_kw(&mut kw, "errors") } else { Some(pos.remove(0)) };
            if let Some((k, _)) = kw.first() {
                return Err(type_error(format!("'{}' is an invalid keyword argument for str()", k)));
            }
            match obj {
                None => Ok(Value::from("")),
                Some(o) => {
                    if enc.is_some() || errors.is_some() {
                        if let Value::Bytes(b) = &o {
                            return match String::from_utf8(b.to_vec()) {
                                Ok(s) => Ok(Value::from(s)),
                                Err(e) => {
                                    let p = e.utf8_error().valid_up_to();
                                    Err(exc(
                                        "UnicodeDecodeError",
                                        format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", b[p], p),
                                    ))
                                }
                            };
                        }
                        return Err(type_error(format!("decoding to str: need a bytes-like object, {} found", type_name(&o))));
                    }
                    match &o {
                        Value::Str(_) => Ok(o.clone()),
                        _ => Ok(Value::from(to_str(&o)?)),
                    }
                }
            }
        }
        "int" => builtin_int(pos, kw),
        "float" => builtin_float(pos, kw),
        "bool" => {
            no_kw("bool", &kw)?;
            check_args("bool", &pos, 0, 1)?;
            match pos.first() {
                Some(x) => Ok(Value::Bool(truthy(x)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        "list" => {
            no_kw("list", &kw)?;
            check_args("list", &pos, 0, 1)?;
            match pos.first() {
                Some(x) => Ok(new_list(unpack_iterable(x)?)),
                None => Ok(new_list(vec![])),
            }
        }
        "tuple" => {
            no_kw("tuple", &kw)?;
            check_args("tuple", &pos, 0, 1)?;
            match pos.first() {
                Some(Value::Tuple(_)) => Ok(pos[0].clone()),
                Some(x) => Ok(new_tuple(unpack_iterable(x)?)),
                None => Ok(new_tuple(vec![])),
            }
        }
        "dict" => Ok(Value::Dict(Rc::new(RefCell::new(dict_from_args(pos, kw)?)))),
        "set" => {
            no_kw("set", &kw)?;
            check_args("set", &pos, 0, 1)?;
            match pos.first() {
                Some(x) => Ok(Value::Set(Rc::new(RefCell::new(set_from_iterable(x)?)))),
                None => Ok(Value::Set(Rc::new(RefCell::new(Set::new())))),
            }
        }
        "frozenset" => {
            no_kw("frozenset", &kw)?;
            check_args("frozenset", &pos, 0, 1)?;
            match pos.first() {
                Some(Value::FrozenSet(_)) => Ok(pos[0].clone()),
                Some(x) => Ok(Value::FrozenSet(Rc::new(set_from_iterable(x)?))),
                None => Ok(Value::FrozenSet(Rc::new(Set::new()))),
            }
        }
        "range" => builtin_range(pos, kw),
        "slice" => {
            no_kw("slice", &kw)?;
            check_args("slice", &pos, 1, 3)?;
            Ok(match pos.len() {
                1 => new_slice(Value::None, pos[0].clone(), Value::None),
                2 => new_slice(pos[0].clone(), pos[1].clone(), Value::None),
                _ => new_slice(pos[0].clone(), pos[1].clone(), pos[2].clone()),
            })
        }
        "bytes" | "bytearray" => builtin_bytes(pos, kw),
        "type" => {
            no_kw("type", &kw)?;
            match pos.len() {
                1 => Ok(Value::Class(type_of(&pos[0]))),
                3 => {
                    let name = match &pos[0] {
                        Value::Str(s) => s.to_string(),
                        _ => return Err(type_error("type.__new__() argument 1 must be str".to_string())),
                    };
                    let bases = unpack_iterable(&pos[1])?;
                    let attrs: Vec<(String, Value)> = match &pos[2] {
                        Value::Dict(d) => d
                            .borrow()
                            .items()
                            .into_iter()
                            .map(|(k, v)| (to_str(&k).unwrap_or_default(), v))
                            .collect(),
                        _ => return Err(type_error("type.__new__() argument 3 must be dict".to_string())),
                    };
                    let module = crate::modules::current_module_name();
                    make_class(&name, &name, &module, bases, attrs)
                }
                _ => Err(type_error("type() takes 1 or 3 arguments".to_string())),
            }
        }
        "isinstance" => {
            no_kw("isinstance", &kw)?;
            check_args("isinstance", &pos, 2, 2)?;
            Ok(Value::Bool(isinstance(&pos[0], &pos[1])?))
        }
        "issubclass" => {
            no_kw("issubclass", &kw)?;
            check_args("issubclass", &pos, 2, 2)?;
            Ok(Value::Bool(issubclass(&pos[0], &pos[1])?))
        }
        "hash" => {
            let x = arg1!();
            Ok(Value::Int(crate::hash::py_hash(&x)?))
        }
        "id" => {
            let x = arg1!();
            Ok(Value::from(id_of(&x)))
        }
        "abs" => {
            let x = arg1!();
            abs(&x)
        }
        "round" => builtin_round(pos, kw),
        "divmod" => {
            no_kw("divmod", &kw)?;
            check_args("divmod", &pos, 2, 2)?;
            builtin_divmod(&pos[0], &pos[1])
        }
        "pow" => builtin_pow(pos, kw),
        "ord" => {
            let x = arg1!();
            builtin_ord(&x)
        }
        "chr" => {
            let x = arg1!();
            builtin_chr(&x)
        }
        "hex" => {
            let x = arg1!();
            int_radix(&x, 16, "0x", "hex")
        }
        "oct" => {
            let x = arg1!();
            int_radix(&x, 8, "0o", "oct")
        }
        "bin" => {
            let x = arg1!();
            int_radix(&x, 2, "0b", "bin")
        }
        "format" => {
            no_kw("format", &kw)?;
            check_args("format", &pos, 1, 2)?;
            let spec = match pos.get(1) {
                Some(Value::Str(s)) => s.to_string(),
                Some(o) => return Err(type_error(format!("format() argument 2 must be str, not {}", type_name(o)))),
                None => String::new(),
            };
            Ok(Value::from(format_value(&pos[0], &spec)?))
        }
        "iter" => {
            no_kw("iter", &kw)?;
            check_args("iter", &pos, 1, 2)?;
            if pos.len() == 2 {
                let f = pos[0].clone();
                let sentinel = pos[1].clone();
                if !is_callable(&f) {
                    return Err(type_error("iter(v, w): v must be callable".to_string()));
                }
                let mut done = false;
                return Ok(iter_from_fn(Box::new(move || {
                    if done {
                        return Ok(None);
                    }
                    let v = call(&f, vec![], vec![])?;
                    if eq(&v, &sentinel)? {
                        done = true;
                        return Ok(None);
                    }
                    Ok(Some(v))
                })));
            }
            iter(&pos[0])
        }
        "next" => {
            no_kw("next", &kw)?;
            check_args("next", &pos, 1, 2)?;
            match &pos[0] {
                Value::Iter(_) | Value::Instance(_) => {}
                other => return Err(type_error(format!("'{}' object is not an iterator", type_name(other)))),
            }
            crate::codegen_support::gen_take_return();
            match next(&pos[0])? {
                Some(v) => Ok(v),
                None => match pos.get(1) {
                    Some(d) => Ok(d.clone()),
                    None => Err(crate::methods::stop_iteration()),
                },
            }
        }
        "getattr" => {
            no_kw("getattr", &kw)?;
            check_args("getattr", &pos, 2, 3)?;
            let n = attr_name(&pos[1], "getattr")?;
            match getattr(&pos[0], &n) {
                Ok(v) => Ok(v),
                Err(e) => {
                    if pos.len() == 3 && e.is("AttributeError") {
                        Ok(pos[2].clone())
                    } else {
                        Err(e)
                    }
                }
            }
        }
        "setattr" => {
            no_kw("setattr", &kw)?;
            check_args("setattr", &pos, 3, 3)?;
            let n = attr_name(&pos[1], "setattr")?;
            setattr(&pos[0], &n, pos[2].clone())?;
            Ok(Value::None)
        }
        "hasattr" => {
            no_kw("hasattr", &kw)?;
            check_args("hasattr", &pos, 2, 2)?;
            let n = attr_name(&pos[1], "hasattr")?;
            match getattr(&pos[0], &n) {
                Ok(_) => Ok(Value::Bool(true)),
                Err(e) => {
                    if e.is("AttributeError") {
                        Ok(Value::Bool(false))
                    } else {
                        Err(e)
                    }
                }
            }
        }
        "delattr" => {
            no_kw("delattr", &kw)?;
            check_args("delattr", &pos, 2, 2)?;
            let n = attr_name(&pos[1], "delattr")?;
            delattr(&pos[0], &n)?;
            Ok(Value::None)
        }
        "callable" => {
            let x = arg1!();
            Ok(Value::Bool(is_callable(&x)))
        }
        "object" => {
            if !pos.is_empty() || !kw.is_empty() {
                return Err(type_error("object() takes no arguments".to_string()));
            }
            Ok(Value::Instance(Rc::new(Instance {
                class: builtin_class("object"),
                attrs: RefCell::new(Dict::new()),
                base_value: RefCell::new(None),
            })))
        }
        "input" => {
            no_kw("input", &kw)?;
            check_args("input", &pos, 0, 1)?;
            if let Some(p) = pos.first() {
                write_stdout(&to_str(p)?);
            }
            flush_stdout();
            match read_line()? {
                Some(mut l) => {
                    if l.ends_with('\n') {
                        l.pop();
                        if l.ends_with('\r') {
                            l.pop();
                        }
                    }
                    Ok(Value::from(l))
                }
                None => Err(exc("EOFError", "EOF when reading a line".to_string())),
            }
        }
        "super" => {
            no_kw("super", &kw)?;
            match pos.len() {
                2 => super_(&pos[0], &pos[1]),
                0 => Err(exc("RuntimeError", "super(): no arguments".to_string())),
                _ => Err(type_error("super() takes 0 or 2 arguments".to_string())),
            }
        }
        "staticmethod" => {
            let x = arg1!();
            Ok(Value::StaticMethod(Rc::new(x)))
        }
        "classmethod" => {
            let x = arg1!();
            Ok(Value::ClassMethod(Rc::new(x)))
        }
        "property" => {
            let fget = if !pos.is_empty() { pos.remove(0) } else { take_kw(&mut kw, "fget").unwrap_or(Value::None) };
            let fset = if !pos.is_empty() { pos.remove(0) } else { take_kw(&mut kw, "fset").unwrap_or(Value::None) };
            let fdel = if !pos.is_empty() { pos.remove(0) } else { take_kw(&mut kw, "fdel").unwrap_or(Value::None) };
            Ok(Value::Property(Rc::new((fget, fset, fdel))))
        }
        "vars" => {
            no_kw("vars", &kw)?;
            check_args("vars", &pos, 1, 1)?;
            match &pos[0] {
                Value::Instance(_) | Value::Class(_) | Value::Module(_) | Value::Func(_) => getattr(&pos[0], "__dict__"),
                other => Err(type_error("vars() argument must have __dict__ attribute".to_string())).map_err(|e| {
                    let _ = other;
                    e
                }),
            }
        }
        "dir" => builtin_dir(&pos),
        "exit" | "quit" => {
            let args = if pos.is_empty() { vec![] } else { vec![pos[0].clone()] };
            Err(exc_args("SystemExit", args))
        }
        "open" => Err(exc("OSError", "open() is not supported in this environment".to_string())),
        "globals" | "locals" => Err(exc("NotImplementedError", format!("{}() is not supported", name))),
        _ => {
            if let Some(r) = crate::builtins_iter::call(name, pos.clone(), kw.clone()) {
                return r;
            }
            if let Some(c) = try_builtin_class(name) {
                if is_exception_class(&c) {
                    return instantiate(&c, pos, kw);
                }
            }
            Err(exc("NameError", format!("name '{}' is not defined", name)))
        }
    }
}

/// Names of builtin functions (not classes) known to the runtime.
const BUILTIN_FUNCS: &[&str] = &[
    "abs", "aiter", "all", "anext", "any", "ascii", "bin", "callable", "chr", "delattr", "dir", "divmod", "enumerate",
    "exit", "filter", "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "isinstance",
    "issubclass", "iter", "len", "locals", "map", "max", "min", "next", "oct", "open", "ord", "pow", "print", "quit",
    "repr", "reversed", "round", "setattr", "sorted", "sum", "vars", "zip", "breakpoint", "compile", "eval", "exec",
    "help",
];

/// Builtin classes exposed under their names.
const BUILTIN_TYPES: &[&str] = &[
    "int", "float", "str", "bool", "list", "tuple", "dict", "set", "frozenset", "object", "type", "bytes", "bytearray",
    "range", "slice", "complex", "staticmethod", "classmethod", "property", "super",
];

/// A builtin as a first-class value (None if `name` is not a builtin).
pub fn builtin_value(name: &str) -> Option<Value> {
    let cached = BUILTIN_VALUES.with(|m| m.borrow().get(name).cloned());
    if cached.is_some() {
        return cached;
    }
    let v = if BUILTIN_TYPES.contains(&name) {
        Value::Class(builtin_class(name))
    } else if BUILTIN_FUNCS.contains(&name) {
        let n = intern(name);
        make_builtin(n, None, Rc::new(move |_r, pos, kw| call_builtin(n, pos, kw)))
    } else {
        match name {
            "NotImplemented" => Value::NotImplemented,
            "Ellipsis" => Value::Ellipsis,
            "None" => Value::None,
            "True" => Value::Bool(true),
            "False" => Value::Bool(false),
            "__debug__" => Value::Bool(true),
            "__name__" => Value::from("builtins"),
            "EnvironmentError" | "IOError" => Value::Class(builtin_class("OSError")),
            _ => {
                let c = try_builtin_class(name)?;
                if !is_exception_class(&c) {
                    return None;
                }
                Value::Class(c)
            }
        }
    };
    let key = intern(name);
    BUILTIN_VALUES.with(|m| m.borrow_mut().insert(key, v.clone()));
    Some(v)
}
