//! Methods of builtin types (helper R2): the two hooks the object model calls.
//! - `call_builtin_method(recv, name, pos, kw)` runs `recv.name(*pos, **kw)` for builtin-typed
//!   receivers (None when the type has no such method: the caller raises AttributeError).
//! - `builtin_attr(recv, name)` returns attributes of builtin values: bound methods
//!   (`f = xs.append`), `x.real`, `d.default_factory`, class-level methods (`str.lower`,
//!   `dict.fromkeys`, `str.maketrans`, `set.union`...).
//! Per-type code lives in methods_str.rs, methods_list.rs, methods_dict.rs.
use std::rc::Rc;

use crate::methods_dict as md;
use crate::methods_list as ml;
use crate::methods_str as ms;
use crate::methods_util as mu;
use crate::value::*;

/// `recv.name(*pos, **kw)` for builtin-typed receivers.
pub fn call_builtin_method(
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    match recv {
        Value::Str(s) => ms::str_method(s, recv, name, pos, kw),
        Value::List(l) => ml::list_method(l, recv, name, pos, kw),
        Value::Dict(d) => md::dict_method(d, recv, name, pos, kw),
        Value::Tuple(t) => ml::tuple_method(t, recv, name, pos, kw),
        Value::Set(s) => md::set_method(s, recv, name, pos, kw),
        Value::FrozenSet(s) => md::frozenset_method(s, recv, name, pos, kw),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => int_method(recv, name, pos, kw),
        Value::Float(f) => float_method(*f, recv, name, pos, kw),
        Value::Bytes(b) => ms::bytes_method(b, recv, name, pos, kw),
        Value::Range(r) => range_method(r, recv, name, pos, kw),
        Value::Slice(s) => slice_method(s, name, pos, kw),
        Value::Iter(_) => iter_method(recv, name, pos, kw),
        Value::Class(c) => class_method(c, name, pos, kw),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Builtin function values
// ---------------------------------------------------------------------------------------------

/// A builtin function value; `f` gets the receiver (if bound) prepended to the positional args.
/// Used for methods stored in class dicts of native classes (deque, Counter, dict views...).
pub(crate) fn builtin_fn<F>(name: &'static str, f: F) -> Value
where
    F: Fn(Option<&Value>, Vec<Value>, Vec<(String, Value)>) -> PyResult<Value> + 'static,
{
    Value::Builtin(Rc::new(BuiltinFn {
        name,
        receiver: None,
        call: Rc::new(move |recv: Option<&Value>, pos: Vec<Value>, kw: Vec<(String, Value)>| {
            match recv {
                Some(r) => {
                    let mut p = Vec::with_capacity(pos.len() + 1);
                    p.push(r.clone());
                    p.extend(pos);
                    f(None, p, kw)
                }
                None => f(None, pos, kw),
            }
        }),
    }))
}

/// A plain function (module-level): the receiver, if any, is ignored.
pub(crate) fn plain_fn<F>(name: &'static str, f: F) -> Value
where
    F: Fn(Vec<Value>, Vec<(String, Value)>) -> PyResult<Value> + 'static,
{
    Value::Builtin(Rc::new(BuiltinFn {
        name,
        receiver: None,
        call: Rc::new(move |_recv: Option<&Value>, pos: Vec<Value>, kw: Vec<(String, Value)>| f(pos, kw)),
    }))
}

/// Bound builtin method: `recv.name` as a first-class value.
fn bound_method(recv: &Value, name: &'static str) -> Value {
    Value::Builtin(Rc::new(BuiltinFn {
        name,
        receiver: Some(recv.clone()),
        call: Rc::new(move |r: Option<&Value>, pos: Vec<Value>, kw: Vec<(String, Value)>| {
            let r = match r {
                Some(r) => r.clone(),
                None => return Err(mu::type_error("unbound builtin method")),
            };
            match call_builtin_method(&r, name, pos, kw) {
                Some(res) => res,
                None => Err(mu::err(
                    "AttributeError",
                    &format!("'{}' object has no attribute '{}'", mu::type_name(&r), name),
                )),
            }
        }),
    }))
}

/// Unbound method of a builtin class (`str.lower`, `set.union`): first arg is self.
fn descriptor(cls: &'static str, name: &'static str) -> Value {
    Value::Builtin(Rc::new(BuiltinFn {
        name,
        receiver: None,
        call: Rc::new(move |_r: Option<&Value>, pos: Vec<Value>, kw: Vec<(String, Value)>| {
            if pos.is_empty() {
                return Err(mu::type_error(&format!(
                    "unbound method {}.{}() needs an argument",
                    cls, name
                )));
            }
            let mut it = pos.into_iter();
            let this = it.next().unwrap();
            let rest: Vec<Value> = it.collect();
            let tn = mu::type_name(&this);
            let ok = match cls {
                "int" => matches!(this, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)),
                "set" => matches!(this, Value::Set(_)),
                "frozenset" => matches!(this, Value::FrozenSet(_) | Value::Set(_)),
                _ => tn == cls || crate::classes::builtin_type_name(&this) == cls,
            };
            let this = if ok {
                this
            } else {
                // instance of a builtin subclass: use its payload
                match &this {
                    Value::Instance(i) => match i.base_value.borrow().clone() {
                        Some(p) if crate::classes::builtin_type_name(&p) == cls => p,
                        _ => {
                            return Err(mu::type_error(&format!(
                                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                                name, cls, tn
                            )))
                        }
                    },
                    _ => {
                        return Err(mu::type_error(&format!(
                            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                            name, cls, tn
                        )))
                    }
                }
            };
            match call_builtin_method(&this, name, rest, kw) {
                Some(r) => r,
                None => Err(mu::err(
                    "AttributeError",
                    &format!("'{}' object has no attribute '{}'", tn, name),
                )),
            }
        }),
    }))
}

const INT_METHODS: &[&str] = &[
    "bit_length", "bit_count", "conjugate", "__index__", "__int__", "__float__", "__abs__",
    "__neg__", "__pos__", "__add__", "__sub__", "__mul__", "__floordiv__", "__truediv__",
    "__mod__", "__pow__", "__and__", "__or__", "__xor__", "__lshift__", "__rshift__", "__eq__",
    "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__bool__", "__str__",
    "__repr__", "__format__", "as_integer_ratio", "to_bytes", "is_integer", "__radd__",
    "__rsub__", "__rmul__",
];
const FLOAT_METHODS: &[&str] = &[
    "is_integer", "as_integer_ratio", "conjugate", "hex", "__int__", "__float__", "__abs__",
    "__neg__", "__pos__", "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__",
    "__mod__", "__pow__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
    "__bool__", "__str__", "__repr__", "__format__", "__round__", "__trunc__", "__floor__",
    "__ceil__", "__radd__", "__rsub__", "__rmul__",
];
const RANGE_METHODS: &[&str] = &["count", "index", "__len__", "__contains__", "__getitem__", "__iter__", "__reversed__"];
const ITER_METHODS: &[&str] = &["__next__", "__iter__", "send", "throw", "close"];
const SLICE_METHODS: &[&str] = &["indices"];

fn find_static(tables: &[&'static [&'static str]], name: &str) -> Option<&'static str> {
    for t in tables {
        for n in t.iter() {
            if *n == name {
                return Some(n);
            }
        }
    }
    None
}

fn method_table(v: &Value) -> &'static [&'static str] {
    match v {
        Value::Str(_) => ms::STR_METHODS,
        Value::List(_) => ml::LIST_METHODS,
        Value::Tuple(_) => ml::TUPLE_METHODS,
        Value::Dict(_) => md::DICT_METHODS,
        Value::Set(_) => md::SET_METHODS,
        Value::FrozenSet(_) => md::FROZENSET_METHODS,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => INT_METHODS,
        Value::Float(_) => FLOAT_METHODS,
        Value::Bytes(_) => ms::BYTES_METHODS,
        Value::Range(_) => RANGE_METHODS,
        Value::Iter(_) => ITER_METHODS,
        Value::Slice(_) => SLICE_METHODS,
        _ => &[],
    }
}

fn class_table(cls: &str) -> &'static [&'static str] {
    match cls {
        "str" => ms::STR_METHODS,
        "list" => ml::LIST_METHODS,
        "tuple" => ml::TUPLE_METHODS,
        "dict" => md::DICT_METHODS,
        "set" => md::SET_METHODS,
        "frozenset" => md::FROZENSET_METHODS,
        "int" | "bool" => INT_METHODS,
        "float" => FLOAT_METHODS,
        "bytes" => ms::BYTES_METHODS,
        "range" => RANGE_METHODS,
        _ => &[],
    }
}

/// Attribute access on builtin-typed values.
pub fn builtin_attr(recv: &Value, name: &str) -> Option<PyResult<Value>> {
    // data attributes
    match (recv, name) {
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => return Some(Ok(recv.clone())),
        (Value::Bool(b), "real" | "numerator") => return Some(Ok(Value::Int(*b as i64))),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => return Some(Ok(Value::Int(0))),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => {
            return Some(Ok(Value::Int(1)))
        }
        (Value::Float(_), "real") => return Some(Ok(recv.clone())),
        (Value::Float(_), "imag") => return Some(Ok(Value::Float(0.0))),
        (Value::Dict(d), "default_factory") => {
            let f = d.borrow().default_factory.clone();
            return match f {
                Some(f) => Some(Ok(f)),
                None => None,
            };
        }
        (Value::Range(r), "start") => return Some(Ok(Value::Int(r.start))),
        (Value::Range(r), "stop") => return Some(Ok(Value::Int(r.stop))),
        (Value::Range(r), "step") => return Some(Ok(Value::Int(r.step))),
        (Value::Slice(s), "start") => return Some(Ok(s.0.clone())),
        (Value::Slice(s), "stop") => return Some(Ok(s.1.clone())),
        (Value::Slice(s), "step") => return Some(Ok(s.2.clone())),
        _ => {}
    }
    if let Value::Class(c) = recv {
        let cname = match c.builtin {
            Some(n) => n,
            None => return None,
        };
        match (cname, name) {
            ("dict", "fromkeys") => {
                return Some(Ok(crate::methods::plain_fn("fromkeys", |pos, kw| {
                    md::dict_fromkeys(pos, kw)
                })))
            }
            ("str", "maketrans") => {
                return Some(Ok(crate::methods::plain_fn("maketrans", |pos, _kw| {
                    match ms::str_static_method("maketrans", pos) {
                        Some(r) => r,
                        None => Err(mu::type_error("maketrans")),
                    }
                })))
            }
            ("int", "from_bytes") => {
                return Some(Ok(crate::methods::plain_fn("from_bytes", int_from_bytes)));
            }
            ("float", "fromhex") => return None,
            _ => {}
        }
        let table = class_table(cname);
        if let Some(n) = find_static(&[table], name) {
            let cls_static: &'static str = match cname {
                "str" => "str",
                "list" => "list",
                "tuple" => "tuple",
                "dict" => "dict",
                "set" => "set",
                "frozenset" => "frozenset",
                "int" => "int",
                "bool" => "int",
                "float" => "float",
                "bytes" => "bytes",
                "range" => "range",
                _ => return None,
            };
            return Some(Ok(descriptor(cls_static, n)));
        }
        return None;
    }
    let table = method_table(recv);
    match find_static(&[table], name) {
        Some(n) => Some(Ok(bound_method(recv, n))),
        None => None,
    }
}

// ---------------------------------------------------------------------------------------------
// int / float / range / slice / iterator / class methods
// ---------------------------------------------------------------------------------------------

fn int_from_bytes(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = mu::bind_args("from_bytes", pos, kw, &["bytes", "byteorder", "signed"], 1)?;
    let bytes: Vec<u8> = match a[0].as_ref().unwrap() {
        Value::Bytes(b) => b.to_vec(),
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::BigInt(_) => {
            let o = a[0].as_ref().unwrap();
            return Err(mu::type_error(&format!("cannot convert '{}' object to bytes", mu::type_name(o))));
        }
        other => mu::to_vec(other)?
            .iter()
            .map(|v| mu::as_index(v).map(|i| i as u8))
            .collect::<PyResult<Vec<u8>>>()?,
    };
    let big = match &a[1] {
        None => true,
        Some(Value::Str(s)) => &**s == "big",
        Some(_) => true,
    };
    let signed = match &a[2] {
        Some(v) => mu::truthy(v)?,
        None => false,
    };
    let mut le = bytes.clone();
    if big {
        le.reverse();
    }
    // accumulate with BigInt for arbitrary length
    let mut acc = crate::bigint::BigInt::zero();
    for (i, b) in le.iter().enumerate() {
        let term = crate::bigint::BigInt::from_i64(*b as i64).shl(8 * i as u64);
        acc = acc.add(&term);
    }
    if signed && !le.is_empty() && le[le.len() - 1] & 0x80 != 0 {
        let full = crate::bigint::BigInt::from_i64(1).shl(8 * le.len() as u64);
        acc = acc.sub(&full);
    }
    Ok(crate::ops::int_from_big(acc))
}

fn int_method(
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let r: PyResult<Value> = (|| -> PyResult<Value> {
        let as_int = match recv {
            Value::Bool(b) => Value::Int(*b as i64),
            other => other.clone(),
        };
        match name {
            "bit_length" => {
                mu::bind_args(name, pos, kw, &[], 0)?;
                Ok(match &as_int {
                    Value::Int(i) => Value::Int(64 - i.unsigned_abs().leading_zeros() as i64),
                    Value::BigInt(b) => Value::Int(b.bit_length() as i64),
                    _ => Value::Int(0),
                })
            }
            "bit_count" => {
                mu::bind_args(name, pos, kw, &[], 0)?;
                Ok(match &as_int {
                    Value::Int(i) => Value::Int(i.unsigned_abs().count_ones() as i64),
                    Value::BigInt(b) => {
                        Value::Int(b.abs().to_str_radix(2).bytes().filter(|c| *c == b'1').count() as i64)
                    }
                    _ => Value::Int(0),
                })
            }
            "conjugate" | "__index__" | "__int__" | "__trunc__" | "__floor__" | "__ceil__" => {
                Ok(as_int)
            }
            "__round__" => Ok(as_int),
            "__float__" => match &as_int {
                Value::Int(i) => Ok(Value::Float(*i as f64)),
                Value::BigInt(b) => Ok(Value::Float(crate::ops::big_to_f64(b)?)),
                _ => Ok(Value::Float(0.0)),
            },
            "as_integer_ratio" => Ok(mu::tuple(vec![as_int, Value::Int(1)])),
            "is_integer" => Ok(Value::Bool(true)),
            "to_bytes" => {
                let a = mu::bind_args(name, pos, kw, &["length", "byteorder", "signed"], 0)?;
                let len = match &a[0] {
                    Some(v) => mu::as_index(v)?,
                    None => 1,
                };
                let big = match &a[1] {
                    Some(Value::Str(s)) => &**s == "big",
                    _ => true,
                };
                let signed = match &a[2] {
                    Some(v) => mu::truthy(v)?,
                    None => false,
                };
                let v = match &as_int {
                    Value::Int(i) => *i as i128,
                    _ => return Err(mu::err("OverflowError", "int too big to convert")),
                };
                if v < 0 && !signed {
                    return Err(mu::err("OverflowError", "can't convert negative int to unsigned"));
                }
                let bits = 8 * len as i128;
                let fits = if signed {
                    bits > 0 && v >= -(1i128 << (bits.min(127) - 1)) && v < (1i128 << (bits.min(127) - 1))
                } else {
                    bits >= 127 || v < (1i128 << bits)
                };
                if !fits && !(len == 0 && v == 0) {
                    return Err(mu::err("OverflowError", "int too big to convert"));
                }
                let mut out = Vec::with_capacity(len as usize);
                let mut x = v;
                for _ in 0..len {
                    out.push((x & 0xff) as u8);
                    x >>= 8;
                }
                if big {
                    out.reverse();
                }
                Ok(Value::Bytes(Rc::new(out)))
            }
            _ if name.starts_with("__") => int_dunder(recv, name, pos),
            _ => Err(ms::no_such_method()),
        }
    })();
    match r {
        Err(e) if ms::is_no_such_method(&e) => None,
        r => Some(r),
    }
}

fn int_dunder(recv: &Value, name: &str, pos: Vec<Value>) -> PyResult<Value> {
    let arg = |i: usize| -> PyResult<Value> {
        pos.get(i)
            .cloned()
            .ok_or_else(|| mu::type_error(&format!("expected 1 argument, got {}", pos.len())))
    };
    match name {
        "__abs__" => crate::ops::abs(recv),
        "__neg__" => crate::ops::neg(recv),
        "__pos__" => crate::ops::pos(recv),
        "__radd__" => crate::ops::add(&arg(0)?, recv),
        "__rsub__" => crate::ops::sub(&arg(0)?, recv),
        "__rmul__" => crate::ops::mul(&arg(0)?, recv),
        "__floordiv__" => crate::ops::floordiv(recv, &arg(0)?),
        "__truediv__" => crate::ops::truediv(recv, &arg(0)?),
        "__pow__" => crate::ops::pow(recv, &arg(0)?),
        "__lshift__" => crate::ops::lshift(recv, &arg(0)?),
        "__rshift__" => crate::ops::rshift(recv, &arg(0)?),
        "__format__" => {
            let spec = match arg(0)? {
                Value::Str(s) => s,
                o => {
                    return Err(mu::type_error(&format!(
                        "format() argument 2 must be str, not {}",
                        mu::type_name(&o)
                    )))
                }
            };
            Ok(Value::from(mu::format(recv, &spec)?))
        }
        _ => mu::generic_dunder(recv, name, pos),
    }
}

fn float_method(
    f: f64,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let r: PyResult<Value> = (|| -> PyResult<Value> {
        match name {
            "is_integer" => {
                mu::bind_args(name, pos, kw, &[], 0)?;
                Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
            }
            "as_integer_ratio" => {
                mu::bind_args(name, pos, kw, &[], 0)?;
                if f.is_nan() {
                    return Err(mu::value_error("cannot convert NaN to integer ratio"));
                }
                if f.is_infinite() {
                    return Err(mu::err(
                        "OverflowError",
                        "cannot convert Infinity to integer ratio",
                    ));
                }
                let (n, d) = crate::pyfloat::float_as_integer_ratio(f);
                Ok(mu::tuple(vec![crate::ops::int_from_big(n), crate::ops::int_from_big(d)]))
            }
            "conjugate" | "__float__" => Ok(recv.clone()),
            "hex" => {
                mu::bind_args(name, pos, kw, &[], 0)?;
                Ok(Value::from(float_hex(f)))
            }
            "__int__" | "__trunc__" => crate::builtins_iter::float_to_int(f.trunc()),
            "__floor__" => crate::builtins_iter::float_to_int(f.floor()),
            "__ceil__" => crate::builtins_iter::float_to_int(f.ceil()),
            _ if name.starts_with("__") => int_dunder(recv, name, pos),
            _ => Err(ms::no_such_method()),
        }
    })();
    match r {
        Err(e) if ms::is_no_such_method(&e) => None,
        r => Some(r),
    }
}

/// float.hex()
pub(crate) fn float_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".to_string() } else { "-inf".to_string() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let hex = format!("{:013x}", mant);
    format!("{}0x{}.{}p{}{}", sign, lead, hex, if e >= 0 { "+" } else { "-" }, e.abs())
}

fn range_method(
    r: &RangeV,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let res: PyResult<Value> = (|| -> PyResult<Value> {
        match name {
            "count" | "index" => {
                let a = mu::bind_args(name, pos, kw, &["value"], 1)?;
                let x = a[0].clone().unwrap();
                let iv = match &x {
                    Value::Int(i) => Some(*i),
                    Value::Bool(b) => Some(*b as i64),
                    _ => None,
                };
                let found = match iv {
                    Some(i) => {
                        let inr = if r.step > 0 {
                            i >= r.start && i < r.stop
                        } else {
                            i <= r.start && i > r.stop
                        };
                        if inr && (i - r.start) % r.step == 0 {
                            Some((i - r.start) / r.step)
                        } else {
                            None
                        }
                    }
                    None => {
                        let items = mu::to_vec(recv)?;
                        let mut f = None;
                        for (k, it) in items.iter().enumerate() {
                            if mu::py_eq(it, &x)? {
                                f = Some(k as i64);
                                break;
                            }
                        }
                        f
                    }
                };
                if name == "count" {
                    return Ok(Value::Int(if found.is_some() { 1 } else { 0 }));
                }
                match found {
                    Some(i) => Ok(Value::Int(i)),
                    None => Err(mu::value_error(&format!("{} is not in range", mu::repr(&x)?))),
                }
            }
            "__reversed__" => {
                let n = mu::py_len(recv)?;
                let last = r.start + (n - 1) * r.step;
                let mut cur = last;
                let mut left = n;
                let step = r.step;
                Ok(mu::native_iter(Box::new(move || {
                    if left <= 0 {
                        return Ok(None);
                    }
                    let v = cur;
                    cur -= step;
                    left -= 1;
                    Ok(Some(Value::Int(v)))
                })))
            }
            _ if name.starts_with("__") => mu::generic_dunder(recv, name, pos),
            _ => Err(ms::no_such_method()),
        }
    })();
    match res {
        Err(e) if ms::is_no_such_method(&e) => None,
        r => Some(r),
    }
}

fn slice_method(
    s: &Rc<(Value, Value, Value)>,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    match name {
        "indices" => Some((|| {
            let a = mu::bind_args(name, pos, kw, &["length"], 1)?;
            let n = mu::as_index(a[0].as_ref().unwrap())?;
            if n < 0 {
                return Err(mu::value_error("length should not be negative"));
            }
            let (st, sp, step) = mu::slice_indices(&s.0, &s.1, &s.2, n)?;
            Ok(mu::tuple(vec![Value::Int(st), Value::Int(sp), Value::Int(step)]))
        })()),
        _ => None,
    }
}

fn iter_method(
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    _kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    match name {
        "__next__" => Some(match { crate::codegen_support::gen_take_return(); mu::next_of(recv) } {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(stop_iteration()),
            Err(e) => Err(e),
        }),
        "__iter__" => Some(Ok(recv.clone())),
        "send" => {
            let v = pos.into_iter().next().unwrap_or(Value::None);
            crate::codegen_support::gen_take_return();
            Some(match mu::gen_send(recv, v) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(stop_iteration()),
                Err(e) => Err(e),
            })
        }
        "throw" => {
            let e = pos.into_iter().next().unwrap_or(Value::None);
            let err = crate::exceptions::raise(e);
            crate::codegen_support::gen_take_return();
            Some(match mu::gen_throw(recv, err) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(stop_iteration()),
                Err(e) => Err(e),
            })
        }
        "close" => Some(match recv {
            Value::Iter(it) => match it.try_borrow_mut() {
                // the body is dropped after the borrow ends: closing runs the generator's handlers
                Ok(mut b) => {
                    let body = std::mem::replace(&mut *b, PyIter::Items(Vec::new().into_iter()));
                    drop(b);
                    crate::codegen_support::gen_close_with(move || drop(body)).map(|_| Value::None)
                }
                Err(_) => Err(mu::value_error("generator already executing")),
            },
            _ => Ok(Value::None),
        }),
        _ => None,
    }
}

/// StopIteration for an exhausted iterator, carrying a finished generator's return value.
pub fn stop_iteration() -> PyErr {
    let v = crate::codegen_support::gen_take_return();
    let args = if matches!(v, Value::None) { vec![] } else { vec![v] };
    crate::exceptions::exc_args("StopIteration", args)
}

/// Methods called on builtin class objects (`dict.fromkeys(...)`, `str.maketrans(...)`,
/// `str.upper("x")`, `set.union(a, b)`).
fn class_method(
    c: &Rc<Class>,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    c.builtin?;
    let f = match builtin_attr(&Value::Class(c.clone()), name)? {
        Ok(f) => f,
        Err(e) => return Some(Err(e)),
    };
    Some(crate::object::call(&f, pos, kw))
}
