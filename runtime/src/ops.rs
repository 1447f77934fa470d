//! Operators: arithmetic with Python's int/float/bool semantics (i64 fast paths, BigInt on
//! overflow), sequence concat/repeat, set algebra, comparisons, truthiness, `in`.
//! Instances dispatch to dunder methods (with reflected operands) in `dunder_binop`.
use std::cmp::Ordering;
use std::rc::Rc;

use crate::bigint::BigInt;
use crate::classes::*;
use crate::exceptions::*;
use crate::value::*;

// ------------------------------------------------------------------------------------------
// Literals and constructors
// ------------------------------------------------------------------------------------------

/// Normalize a BigInt result: back to `Value::Int` when it fits.
pub fn int_from_big(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

#[inline]
pub fn int_from_i128(v: i128) -> Value {
    if v >= i64::MIN as i128 && v <= i64::MAX as i128 {
        Value::Int(v as i64)
    } else {
        Value::BigInt(Rc::new(BigInt::from_i128(v)))
    }
}

/// Int literal too big for i64 (decimal digits, optional '-', underscores allowed).
pub fn int_lit(s: &str) -> Value {
    let clean: String = s.chars().filter(|c| *c != '_').collect();
    match BigInt::parse(&clean, 10) {
        Some(b) => int_from_big(b),
        None => Value::Int(0),
    }
}

pub fn str_lit(s: &str) -> Value {
    Value::Str(Rc::from(s))
}

pub fn new_list(items: Vec<Value>) -> Value {
    Value::List(Rc::new(std::cell::RefCell::new(items)))
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    Value::Tuple(Rc::new(items))
}

pub fn new_dict(items: Vec<(Value, Value)>) -> PyResult<Value> {
    let mut d = Dict::with_capacity(items.len());
    for (k, v) in items {
        d.insert(k, v)?;
    }
    Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d))))
}

/// Set display `{a, b, c}` (elements added one at a time, as BUILD_SET does).
pub fn new_set(items: Vec<Value>) -> PyResult<Value> {
    Ok(Value::Set(Rc::new(std::cell::RefCell::new(Set::from_values(items)?))))
}

/// Set display whose elements are all compile-time constants (CPython builds a frozenset
/// constant and merges it; the table layout can differ from `new_set` for >= 5 elements).
pub fn new_set_const(items: Vec<Value>) -> PyResult<Value> {
    Ok(Value::Set(Rc::new(std::cell::RefCell::new(Set::from_const(items)?))))
}

pub fn new_frozenset(items: Vec<Value>) -> PyResult<Value> {
    Ok(Value::FrozenSet(Rc::new(Set::from_values(items)?)))
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    Value::Slice(Rc::new((start, stop, step)))
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(Rc::from(s))
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
}
impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Str(Rc::from(s.as_str()))
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}
impl From<i32> for Value {
    fn from(i: i32) -> Value {
        Value::Int(i as i64)
    }
}
impl From<usize> for Value {
    fn from(i: usize) -> Value {
        if i as u64 <= i64::MAX as u64 {
            Value::Int(i as i64)
        } else {
            Value::BigInt(Rc::new(BigInt::from_u64(i as u64)))
        }
    }
}
impl From<u64> for Value {
    fn from(i: u64) -> Value {
        if i <= i64::MAX as u64 {
            Value::Int(i as i64)
        } else {
            Value::BigInt(Rc::new(BigInt::from_u64(i)))
        }
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<BigInt> for Value {
    fn from(b: BigInt) -> Value {
        int_from_big(b)
    }
}
impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Value {
        new_list(v)
    }
}
impl From<()> for Value {
    fn from(_: ()) -> Value {
        Value::None
    }
}

// ------------------------------------------------------------------------------------------
// Operator table
// ------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::MatMul => "@",
        }
    }
    pub fn dunder(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
    fn isymbol(self) -> String {
        match self {
            BinOp::Pow => "**=".to_string(),
            _ => format!("{}=", self.symbol()),
        }
    }
}

fn unsupported(op: BinOp, a: &Value, b: &Value) -> PyErr {
    type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), type_name(a), type_name(b)))
}

// ------------------------------------------------------------------------------------------
// Numbers
// ------------------------------------------------------------------------------------------

enum Num<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

#[inline]
fn as_num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::BigInt(b) => Some(Num::B(b)),
        _ => None,
    }
}

fn to_big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from_i64(*i),
        Num::B(b) => (*b).clone(),
        Num::F(_) => BigInt::zero(),
    }
}

/// int -> float conversion with CPython's OverflowError.
pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    let f = b.to_f64();
    if f.is_infinite() {
        return Err(exc("OverflowError", "int too large to convert to float".to_string()));
    }
    Ok(f)
}

fn num_to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::B(b) => big_to_f64(b),
        Num::F(f) => Ok(*f),
    }
}

/// ldexp(x, e) without intermediate overflow for moderate exponents.
pub fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

/// Correctly rounded int / int (CPython long_true_divide).
fn int_truediv(a: &Num, b: &Num) -> PyResult<Value> {
    if let (Num::I(x), Num::I(y)) = (a, b) {
        if *y == 0 {
            return Err(exc("ZeroDivisionError", "division by zero".to_string()));
        }
        const LIM: i64 = 1 << 53;
        if x.abs() <= LIM && y.abs() <= LIM {
            return Ok(Value::Float(*x as f64 / *y as f64));
        }
    }
    let x = to_big(a);
    let y = to_big(b);
    if y.is_zero() {
        return Err(exc("ZeroDivisionError", "division by zero".to_string()));
    }
    if x.is_zero() {
        return Ok(Value::Float(if y.is_negative() { -0.0 } else { 0.0 }));
    }
    match x.true_div(&y) {
        Ok(f) => Ok(Value::Float(f)),
        Err(m) => Err(exc("OverflowError", m)),
    }
}

#[inline]
fn floordiv_i64(x: i64, y: i64) -> Option<i64> {
    if x == i64::MIN && y == -1 {
        return None;
    }
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

#[inline]
fn mod_i64(x: i64, y: i64) -> i64 {
    if y == -1 {
        return 0;
    }
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

fn int_pow(a: &Num, b: &Num) -> PyResult<Value> {
    // exponent
    let neg_exp = match b {
        Num::I(e) => *e < 0,
        Num::B(e) => e.is_negative(),
        _ => false,
    };
    if neg_exp {
        let x = num_to_f64(a)?;
        let y = num_to_f64(b)?;
        return float_pow(x, y);
    }
    let e: u64 = match b {
        Num::I(e) => *e as u64,
        Num::B(_) => {
            // huge exponent: only trivial bases are computable
            return match a {
                Num::I(0) => Ok(Value::Int(0)),
                Num::I(1) => Ok(Value::Int(1)),
                Num::I(-1) => {
                    let odd = !to_big(b).bitand(&BigInt::from_i64(1)).is_zero();
                    Ok(Value::Int(if odd { -1 } else { 1 }))
                }
                _ => Err(exc("MemoryError", String::new())),
            };
        }
        _ => 0,
    };
    if let Num::I(x) = a {
        let mut result: i64 = 1;
        let mut base = *x;
        let mut exp = e;
        let mut ok = true;
        while exp > 0 {
            if exp & 1 == 1 {
                match result.checked_mul(base) {
                    Some(r) => result = r,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            exp >>= 1;
            if exp > 0 {
                match base.checked_mul(base) {
                    Some(bb) => base = bb,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
        }
        if ok {
            return Ok(Value::Int(result));
        }
    }
    Ok(int_from_big(to_big(a).pow(e)))
}

/// float ** float with CPython's special cases and errors.
pub fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::Float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::Float(if y == 0.0 { 1.0 } else { x }));
    }
    if y.is_nan() {
        return Ok(Value::Float(if x == 1.0 { 1.0 } else { y }));
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(exc("ZeroDivisionError", "0.0 cannot be raised to a negative power".to_string()));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.floor() != y {
        return Err(exc("ValueError", "math domain error (complex result not supported)".to_string()));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(exc("OverflowError", "(34, 'Numerical result out of range')".to_string()));
    }
    Ok(Value::Float(r))
}

fn shift_count(b: &Num) -> PyResult<Option<u64>> {
    match b {
        Num::I(n) => {
            if *n < 0 {
                Err(exc("ValueError", "negative shift count".to_string()))
            } else {
                Ok(Some(*n as u64))
            }
        }
        Num::B(n) => {
            if n.is_negative() {
                Err(exc("ValueError", "negative shift count".to_string()))
            } else {
                Ok(None)
            }
        }
        _ => Ok(Some(0)),
    }
}

fn int_binop(op: BinOp, a: &Num, b: &Num) -> PyResult<Value> {
    if let (Num::I(x), Num::I(y)) = (a, b) {
        let (x, y) = (*x, *y);
        match op {
            BinOp::Add => return Ok(int_from_i128(x as i128 + y as i128)),
            BinOp::Sub => return Ok(int_from_i128(x as i128 - y as i128)),
            BinOp::Mul => return Ok(int_from_i128(x as i128 * y as i128)),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(exc("ZeroDivisionError", "integer division or modulo by zero".to_string()));
                }
                if let Some(q) = floordiv_i64(x, y) {
                    return Ok(Value::Int(q));
                }
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(exc("ZeroDivisionError", "integer modulo by zero".to_string()));
                }
                return Ok(Value::Int(mod_i64(x, y)));
            }
            BinOp::And => return Ok(Value::Int(x & y)),
            BinOp::Or => return Ok(Value::Int(x | y)),
            BinOp::Xor => return Ok(Value::Int(x ^ y)),
            BinOp::RShift => {
                if y < 0 {
                    return Err(exc("ValueError", "negative shift count".to_string()));
                }
                return Ok(Value::Int(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y }));
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(exc("ValueError", "negative shift count".to_string()));
                }
                if x == 0 {
                    return Ok(Value::Int(0));
                }
                if y < 64 {
                    let r = (x as i128) << y;
                    if (r >> y) == x as i128 {
                        return Ok(int_from_i128(r));
                    }
                }
            }
            _ => {}
        }
    }
    match op {
        BinOp::TrueDiv => int_truediv(a, b),
        BinOp::Pow => int_pow(a, b),
        BinOp::LShift => match shift_count(b)? {
            Some(n) => Ok(int_from_big(to_big(a).shl(n))),
            None => {
                if to_big(a).is_zero() {
                    Ok(Value::Int(0))
                } else {
                    Err(exc("OverflowError", "too many digits in integer".to_string()))
                }
            }
        },
        BinOp::RShift => match shift_count(b)? {
            Some(n) => Ok(int_from_big(to_big(a).shr(n))),
            None => Ok(Value::Int(if to_big(a).is_negative() { -1 } else { 0 })),
        },
        _ => {
            let x = to_big(a);
            let y = to_big(b);
            Ok(int_from_big(match op {
                BinOp::Add => x.add(&y),
                BinOp::Sub => x.sub(&y),
                BinOp::Mul => x.mul(&y),
                BinOp::FloorDiv => {
                    if y.is_zero() {
                        return Err(exc("ZeroDivisionError", "integer division or modulo by zero".to_string()));
                    }
                    x.divmod_floor(&y).0
                }
                BinOp::Mod => {
                    if y.is_zero() {
                        return Err(exc("ZeroDivisionError", "integer modulo by zero".to_string()));
                    }
                    x.divmod_floor(&y).1
                }
                BinOp::And => x.bitand(&y),
                BinOp::Or => x.bitor(&y),
                BinOp::Xor => x.bitxor(&y),
                _ => unreachable!(),
            }))
        }
    }
}

fn float_binop(op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
    Ok(Some(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(exc("ZeroDivisionError", "float division by zero".to_string()));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(exc("ZeroDivisionError", "float floor division by zero".to_string()));
            }
            crate::pyfloat::float_floordiv(x, y)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(exc("ZeroDivisionError", "float modulo".to_string()));
            }
            crate::pyfloat::float_mod(x, y)
        }
        BinOp::Pow => return float_pow(x, y).map(Some),
        _ => return Ok(None),
    })))
}

/// Numeric binary op when both operands are numbers (bool/int/bigint/float); None otherwise.
fn num_binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let x = as_num(a)?;
    let y = as_num(b)?;
    // bool & | ^ bool stays bool
    if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
        match op {
            BinOp::And => return Some(Ok(Value::Bool(*p & *q))),
            BinOp::Or => return Some(Ok(Value::Bool(*p | *q))),
            BinOp::Xor => return Some(Ok(Value::Bool(*p ^ *q))),
            _ => {}
        }
    }
    match (&x, &y) {
        (Num::F(_), _) | (_, Num::F(_)) => {
            let fx = match num_to_f64(&x) {
                Ok(f) => f,
                Err(e) => return Some(Err(e)),
            };
            let fy = match num_to_f64(&y) {
                Ok(f) => f,
                Err(e) => return Some(Err(e)),
            };
            match float_binop(op, fx, fy) {
                Ok(Some(v)) => Some(Ok(v)),
                Ok(None) => Some(Err(unsupported(op, a, b))),
                Err(e) => Some(Err(e)),
            }
        }
        _ => {
            if op == BinOp::MatMul {
                return Some(Err(unsupported(op, a, b)));
            }
            Some(int_binop(op, &x, &y))
        }
    }
}

/// Integer value of an int-like (int, bool, bigint) for repeat counts / indices.
pub fn index_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
        Value::Instance(_) => match crate::object::call_method(v, "__index__", vec![], vec![]) {
            Ok(Value::Int(i)) => Some(i),
            _ => None,
        },
        _ => None,
    }
}

fn repeat_count(n: &Value) -> Option<usize> {
    let n = match n {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            if b.is_negative() {
                0
            } else {
                i64::MAX
            }
        }
        Value::Instance(i) if lookup_class_attr(&i.class, "__index__").is_some() => index_of(n)?,
        _ => return None,
    };
    Some(if n < 0 { 0 } else { n as usize })
}

fn check_repeat_size(unit: usize, n: usize) -> PyResult<()> {
    if unit != 0 && (unit as u64).checked_mul(n as u64).map(|t| t > (1u64 << 40)).unwrap_or(true) {
        return Err(exc("MemoryError", String::new()));
    }
    Ok(())
}

fn seq_repeat(a: &Value, n: usize) -> PyResult<Value> {
    match a {
        Value::Str(s) => {
            check_repeat_size(s.len(), n)?;
            Ok(Value::from(s.repeat(n)))
        }
        Value::List(l) => {
            let l = l.borrow();
            check_repeat_size(l.len(), n)?;
            let mut out = Vec::with_capacity(l.len() * n);
            for _ in 0..n {
                out.extend(l.iter().cloned());
            }
            Ok(new_list(out))
        }
        Value::Tuple(t) => {
            check_repeat_size(t.len(), n)?;
            let mut out = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                out.extend(t.iter().cloned());
            }
            Ok(new_tuple(out))
        }
        Value::Bytes(b) => {
            check_repeat_size(b.len(), n)?;
            Ok(Value::Bytes(Rc::new(b.repeat(n))))
        }
        _ => unreachable!(),
    }
}

fn is_seq(v: &Value) -> bool {
    matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
}

fn set_of(v: &Value) -> Option<&Set> {
    None.or(match v {
        Value::FrozenSet(s) => Some(&**s),
        _ => None,
    })
}

/// Builtin (non-instance) binary operation; None when the types don't support it (the caller
/// raises `binop_type_error`).
fn builtin_binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if let Some(r) = num_binop(op, a, b) {
        return Some(r);
    }
    match op {
        BinOp::Add => match (a, b) {
            (Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Some(Ok(Value::from(s)))
            }
            (Value::List(x), Value::List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Some(Ok(new_list(v)))
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = Vec::with_capacity(x.len() + y.len());
                v.extend(x.iter().cloned());
                v.extend(y.iter().cloned());
                Some(Ok(new_tuple(v)))
            }
            (Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = (**x).clone();
                v.extend_from_slice(y);
                Some(Ok(Value::Bytes(Rc::new(v))))
            }
            _ => None,
        },
        BinOp::Mul => {
            if is_seq(a) {
                return repeat_count(b).map(|n| seq_repeat(a, n));
            }
            if is_seq(b) {
                return repeat_count(a).map(|n| seq_repeat(b, n));
            }
            None
        }
        BinOp::Mod => match a {
            Value::Str(s) => Some(crate::percent::percent_format(s, b)),
            Value::Bytes(_) => None,
            _ => None,
        },
        BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor => {
            match (a, b) {
                (Value::Dict(x), Value::Dict(y)) if op == BinOp::Or => {
                    let mut d = x.borrow().clone();
                    for (k, v) in y.borrow().items() {
                        if let Err(e) = d.insert(k, v) {
                            return Some(Err(e));
                        }
                    }
                    return Some(Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d)))));
                }
                _ => {}
            }
            let frozen = matches!(a, Value::FrozenSet(_));
            let r = with_sets(a, b, |x, y| match op {
                BinOp::Or => x.union(y),
                BinOp::And => x.intersection(y),
                BinOp::Sub => x.difference(y),
                _ => x.symmetric_difference(y),
            })?;
            let _ = set_of;
            Some(r.map(|s| wrap_set(s, frozen)))
        }
        _ => None,
    }
}

pub fn wrap_set(s: Set, frozen: bool) -> Value {
    if frozen {
        Value::FrozenSet(Rc::new(s))
    } else {
        Value::Set(Rc::new(std::cell::RefCell::new(s)))
    }
}

/// Apply `f` to two set operands (set or frozenset); None if either isn't a set.
pub fn with_sets<R, F: FnOnce(&Set, &Set) -> R>(a: &Value, b: &Value, f: F) -> Option<R> {
    match (a, b) {
        (Value::Set(x), Value::Set(y)) => {
            if Rc::ptr_eq(x, y) {
                let c = x.borrow().copy();
                let xb = x.borrow();
                return Some(f(&xb, &c));
            }
            let xb = x.borrow();
            let yb = y.borrow();
            Some(f(&xb, &yb))
        }
        (Value::Set(x), Value::FrozenSet(y)) => Some(f(&x.borrow(), y)),
        (Value::FrozenSet(x), Value::Set(y)) => Some(f(x, &y.borrow())),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => Some(f(x, y)),
        _ => None,
    }
}

fn payload(v: &Value) -> Option<Value> {
    if let Some(o) = crate::object::idict_owner(v) {
        return Some(crate::object::idict_snapshot(&o));
    }
    if let Value::Instance(i) = v {
        if i.class.builtin.is_none() && !is_exception_class(&i.class) {
            return i.base_value.borrow().clone();
        }
    }
    None
}

/// Builtin class whose semantics `v` has for operators: its own type, or the builtin base of a
/// user subclass of a builtin (exceptions excluded).
fn operand_kind(v: &Value) -> Option<&'static str> {
    match v {
        Value::Instance(i) if is_exception_class(&i.class) => None,
        Value::Instance(i) => builtin_base(&i.class),
        _ => Some(builtin_type_name(v)),
    }
}

/// CPython's TypeError when no implementation of `a op b` applies: a sequence operand reports
/// its concatenation / repetition error, anything else "unsupported operand type(s)".
fn binop_type_error(op: BinOp, a: &Value, b: &Value) -> PyErr {
    let seq = |k: Option<&str>| matches!(k, Some("str" | "list" | "tuple" | "bytes"));
    match (op, operand_kind(a)) {
        (BinOp::Add, Some("bytes")) => type_error(format!("can't concat {} to bytes", type_name(b))),
        (BinOp::Add, Some(k @ ("str" | "list" | "tuple"))) => {
            type_error(format!("can only concatenate {} (not \"{}\") to {}", k, type_name(b), k))
        }
        (BinOp::Mul, k) if seq(k) => type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(b))),
        (BinOp::Mul, _) if seq(operand_kind(b)) => type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(a))),
        _ => unsupported(op, a, b),
    }
}

/// `a.__op__(b)` / `b.__rop__(a)` in CPython's order (the reflected method first when b's class
/// is a proper subclass of a's); None when neither is defined or both return NotImplemented.
fn call_binop_dunders(op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (fwd, rev, _) = op.dunder();
    let ta = type_of(a);
    let tb = type_of(b);
    let b_rev = if !Rc::ptr_eq(&ta, &tb) { lookup_class_attr(&tb, rev) } else { None };
    let rev_first = b_rev.is_some() && is_subclass(&tb, &ta);
    if rev_first {
        let r = crate::object::call_bound(b_rev.as_ref().unwrap(), b, vec![a.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(Some(r));
        }
    }
    if let Some(f) = lookup_class_attr(&ta, fwd) {
        let r = crate::object::call_bound(&f, a, vec![b.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(Some(r));
        }
    }
    if let (Some(rf), false) = (&b_rev, rev_first) {
        let r = crate::object::call_bound(rf, b, vec![a.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// Dunder dispatch for binary ops where at least one side is an instance; when no dunder
/// applies, the builtin semantics of builtin operands / payloads (class L(list), class N(int)).
fn dunder_binop(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let Value::Str(s) = a {
        // str.__mod__ formats whatever the right operand is: it never defers to b.__rmod__
        // unless b's class subclasses str
        if op == BinOp::Mod && !value_is_instance(b, &builtin_class("str")) {
            let args = match payload(b) {
                Some(p @ Value::Tuple(_)) | Some(p @ Value::Dict(_)) => p,
                _ => b.clone(),
            };
            return crate::percent::percent_format(s, &args);
        }
    }
    if let Some(r) = call_binop_dunders(op, a, b)? {
        return Ok(r);
    }
    let x = payload(a).unwrap_or_else(|| a.clone());
    let y = payload(b).unwrap_or_else(|| b.clone());
    match builtin_binop(op, &x, &y) {
        Some(r) => r,
        None => Err(binop_type_error(op, a, b)),
    }
}

/// Generic binary operation.
pub fn binop(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        return dunder_binop(op, a, b);
    }
    match builtin_binop(op, a, b) {
        Some(r) => r,
        None => Err(binop_type_error(op, a, b)),
    }
}

#[inline]
pub fn add(a: &Value, b: &Value) -> PyResult<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            if let Some(r) = x.checked_add(*y) {
                return Ok(Value::Int(r));
            }
        }
        (Value::Float(x), Value::Float(y)) => return Ok(Value::Float(x + y)),
        _ => {}
    }
    binop(BinOp::Add, a, b)
}

#[inline]
pub fn sub(a: &Value, b: &Value) -> PyResult<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            if let Some(r) = x.checked_sub(*y) {
                return Ok(Value::Int(r));
            }
        }
        (Value::Float(x), Value::Float(y)) => return Ok(Value::Float(x - y)),
        _ => {}
    }
    binop(BinOp::Sub, a, b)
}

#[inline]
pub fn mul(a: &Value, b: &Value) -> PyResult<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            if let Some(r) = x.checked_mul(*y) {
                return Ok(Value::Int(r));
            }
        }
        (Value::Float(x), Value::Float(y)) => return Ok(Value::Float(x * y)),
        _ => {}
    }
    binop(BinOp::Mul, a, b)
}

pub fn truediv(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Float(x), Value::Float(y)) = (a, b) {
        if *y != 0.0 {
            return Ok(Value::Float(x / y));
        }
    }
    binop(BinOp::TrueDiv, a, b)
}

#[inline]
pub fn floordiv(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if *y != 0 {
            if let Some(q) = floordiv_i64(*x, *y) {
                return Ok(Value::Int(q));
            }
        }
    }
    binop(BinOp::FloorDiv, a, b)
}

#[inline]
pub fn modulo(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if *y != 0 {
            return Ok(Value::Int(mod_i64(*x, *y)));
        }
    }
    binop(BinOp::Mod, a, b)
}

pub fn pow(a: &Value, b: &Value) -> PyResult<Value> {
    binop(BinOp::Pow, a, b)
}
pub fn lshift(a: &Value, b: &Value) -> PyResult<Value> {
    binop(BinOp::LShift, a, b)
}
pub fn rshift(a: &Value, b: &Value) -> PyResult<Value> {
    binop(BinOp::RShift, a, b)
}
#[inline]
pub fn bitand(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(Value::Int(x & y));
    }
    binop(BinOp::And, a, b)
}
pub fn bitor(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(Value::Int(x | y));
    }
    binop(BinOp::Or, a, b)
}
pub fn bitxor(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(Value::Int(x ^ y));
    }
    binop(BinOp::Xor, a, b)
}
pub fn matmul(a: &Value, b: &Value) -> PyResult<Value> {
    binop(BinOp::MatMul, a, b)
}

/// In-place operation `a op= b`: mutates lists/sets/dicts, calls __iop__ on instances,
/// otherwise falls back to the binary operation. Returns the new value of the target.
pub fn inplace(op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    match (op, a) {
        (BinOp::Add, Value::List(l)) => {
            let items = match b {
                Value::List(bl) => bl.borrow().clone(),
                _ => crate::object::unpack_iterable(b).map_err(|e| {
                    if e.is("TypeError") && !matches!(b, Value::Instance(_)) {
                        type_error(format!("'{}' object is not iterable", type_name(b)))
                    } else {
                        e
                    }
                })?,
            };
            l.borrow_mut().extend(items);
            return Ok(a.clone());
        }
        (BinOp::Mul, Value::List(l)) => {
            if let Some(n) = repeat_count(b) {
                let mut v = l.borrow_mut();
                if n == 0 {
                    v.clear();
                } else {
                    let orig = v.clone();
                    for _ in 1..n {
                        v.extend(orig.iter().cloned());
                    }
                }
                return Ok(a.clone());
            }
        }
        (BinOp::Or, Value::Dict(d)) => {
            let items = match b {
                Value::Dict(bd) => bd.borrow().items(),
                _ => {
                    let mut out = vec![];
                    for it in crate::object::unpack_iterable(b)? {
                        let kv = crate::object::unpack_exact(&it, 2)?;
                        out.push((kv[0].clone(), kv[1].clone()));
                    }
                    out
                }
            };
            let mut dm = d.borrow_mut();
            for (k, v) in items {
                dm.insert(k, v)?;
            }
            return Ok(a.clone());
        }
        (BinOp::Or, Value::Set(s)) | (BinOp::And, Value::Set(s)) | (BinOp::Sub, Value::Set(s)) | (BinOp::Xor, Value::Set(s)) => {
            if matches!(b, Value::Set(_) | Value::FrozenSet(_)) {
                let other: Set = match b {
                    Value::Set(o) => o.borrow().copy(),
                    Value::FrozenSet(o) => (**o).copy(),
                    _ => unreachable!(),
                };
                let mut me = s.borrow_mut();
                match op {
                    BinOp::Or => me.merge(&other)?,
                    BinOp::And => {
                        let r = me.intersection(&other)?;
                        *me = r;
                    }
                    BinOp::Sub => {
                        for (h, v) in other.entries() {
                            me.remove_hashed(&v, h)?;
                        }
                    }
                    _ => me.symmetric_difference_update(&other)?,
                }
                return Ok(a.clone());
            }
        }
        (_, Value::Instance(i)) => {
            let (_, _, iname) = op.dunder();
            if let Some(f) = lookup_class_attr(&i.class, iname) {
                let r = crate::object::call_bound(&f, a, vec![b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        _ => {}
    }
    binop(op, a, b).map_err(|e| {
        // CPython reports the augmented operator symbol
        if e.is("TypeError") {
            let msg = crate::repr::to_str(&e.exc).unwrap_or_default();
            let pre = format!("unsupported operand type(s) for {}:", op.symbol());
            if msg.starts_with(&pre) {
                return type_error(msg.replacen(&pre, &format!("unsupported operand type(s) for {}:", op.isymbol()), 1));
            }
        }
        e
    })
}

#[inline]
pub fn iadd(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(r) = x.checked_add(*y) {
            return Ok(Value::Int(r));
        }
    }
    if let (Value::Float(x), Value::Float(y)) = (a, b) {
        return Ok(Value::Float(x + y));
    }
    if let (Value::Str(x), Value::Str(y)) = (a, b) {
        let mut s = String::with_capacity(x.len() + y.len());
        s.push_str(x);
        s.push_str(y);
        return Ok(Value::from(s));
    }
    inplace(BinOp::Add, a, b)
}
#[inline]
pub fn isub(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(r) = x.checked_sub(*y) {
            return Ok(Value::Int(r));
        }
    }
    inplace(BinOp::Sub, a, b)
}
pub fn imul(a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        if let Some(r) = x.checked_mul(*y) {
            return Ok(Value::Int(r));
        }
    }
    inplace(BinOp::Mul, a, b)
}
pub fn itruediv(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::TrueDiv, a, b)
}
pub fn ifloordiv(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::FloorDiv, a, b)
}
pub fn imod(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::Mod, a, b)
}
pub fn ipow(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::Pow, a, b)
}
pub fn ilshift(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::LShift, a, b)
}
pub fn irshift(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::RShift, a, b)
}
pub fn iand(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::And, a, b)
}
pub fn ior(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::Or, a, b)
}
pub fn ixor(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::Xor, a, b)
}
pub fn imatmul(a: &Value, b: &Value) -> PyResult<Value> {
    inplace(BinOp::MatMul, a, b)
}

// ------------------------------------------------------------------------------------------
// Unary
// ------------------------------------------------------------------------------------------

fn unary_dunder(v: &Value, name: &str, sym: &str) -> PyResult<Value> {
    if let Value::Instance(i) = v {
        if let Some(f) = lookup_class_attr(&i.class, name) {
            return crate::object::call_bound(&f, v, vec![]);
        }
        if let Some(p) = payload(v) {
            return match name {
                "__neg__" => neg(&p),
                "__pos__" => pos(&p),
                "__invert__" => invert(&p),
                _ => abs(&p),
            };
        }
    }
    if sym == "abs()" {
        return Err(type_error(format!("bad operand type for abs(): '{}'", type_name(v))));
    }
    Err(type_error(format!("bad operand type for unary {}: '{}'", sym, type_name(v))))
}

pub fn neg(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(match i.checked_neg() {
            Some(r) => Value::Int(r),
            None => int_from_big(BigInt::from_i64(*i).neg()),
        }),
        Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
        Value::Float(f) => Ok(Value::Float(-f)),
        Value::BigInt(b) => Ok(int_from_big(b.neg())),
        _ => unary_dunder(v, "__neg__", "-"),
    }
}

pub fn pos(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::Float(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        _ => unary_dunder(v, "__pos__", "+"),
    }
}

pub fn invert(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(Value::Int(!i)),
        Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
        Value::BigInt(b) => Ok(int_from_big(b.not())),
        _ => unary_dunder(v, "__invert__", "~"),
    }
}

pub fn abs(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(r) => Value::Int(r),
            None => int_from_big(BigInt::from_i64(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::BigInt(b) => Ok(int_from_big(b.abs())),
        _ => unary_dunder(v, "__abs__", "abs()"),
    }
}

pub fn not_(v: &Value) -> PyResult<bool> {
    Ok(!truthy(v)?)
}

/// Python truthiness.
pub fn truthy(v: &Value) -> PyResult<bool> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::BigInt(_) => true,
        Value::Str(s) => !s.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) => d.borrow().len() > 0,
        Value::Set(s) => s.borrow().len() > 0,
        Value::FrozenSet(s) => s.len() > 0,
        Value::Range(r) => crate::object::range_len(r) > 0,
        Value::Bytes(b) => !b.is_empty(),
        Value::Instance(i) => {
            if let Some(f) = lookup_class_attr(&i.class, "__bool__") {
                let r = crate::object::call_bound(&f, v, vec![])?;
                return match r {
                    Value::Bool(b) => Ok(b),
                    other => Err(type_error(format!("__bool__ should return bool, returned {}", type_name(&other)))),
                };
            }
            if let Some(f) = lookup_class_attr(&i.class, "__len__") {
                let r = crate::object::call_bound(&f, v, vec![])?;
                return match r {
                    Value::Int(n) => {
                        if n < 0 {
                            Err(exc("ValueError", "__len__() should return >= 0".to_string()))
                        } else {
                            Ok(n != 0)
                        }
                    }
                    Value::Bool(b) => Ok(b),
                    other => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&other)))),
                };
            }
            if let Some(p) = payload(v) {
                return truthy(&p);
            }
            true
        }
        _ => true,
    })
}

// ------------------------------------------------------------------------------------------
// Comparisons
// ------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    fn dunder(self) -> &'static str {
        match self {
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
    fn from_ord(self, o: Ordering) -> bool {
        match self {
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        }
    }
}

/// Exact comparison of i64 with f64 (None when f is NaN).
fn cmp_i64_f64(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fi = i as f64;
    if (i as i128).abs() < (1i128 << 53) {
        return fi.partial_cmp(&f);
    }
    // compare via i128: f's integer part fits when |f| < 2^127
    if f >= 1.7e38 {
        return Some(Ordering::Less);
    }
    if f <= -1.7e38 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    let ti = t as i128;
    match (i as i128).cmp(&ti) {
        Ordering::Equal => {
            let frac = f - t;
            Some(if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

fn cmp_big_f64(b: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let t = f.floor();
    let tb = BigInt::from_f64(t);
    match b.cmp(&tb) {
        Ordering::Equal => Some(if f > t { Ordering::Less } else { Ordering::Equal }),
        o => Some(o),
    }
}

/// Numeric comparison; Some(None) means unordered (NaN).
fn num_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    let x = as_num(a)?;
    let y = as_num(b)?;
    Some(match (x, y) {
        (Num::I(p), Num::I(q)) => Some(p.cmp(&q)),
        (Num::F(p), Num::F(q)) => p.partial_cmp(&q),
        (Num::I(p), Num::F(q)) => cmp_i64_f64(p, q),
        (Num::F(p), Num::I(q)) => cmp_i64_f64(q, p).map(|o| o.reverse()),
        (Num::B(p), Num::B(q)) => Some(p.cmp(q)),
        (Num::B(p), Num::I(q)) => Some(p.cmp(&BigInt::from_i64(q))),
        (Num::I(p), Num::B(q)) => Some(BigInt::from_i64(p).cmp(q)),
        (Num::B(p), Num::F(q)) => cmp_big_f64(p, q),
        (Num::F(p), Num::B(q)) => cmp_big_f64(q, p).map(|o| o.reverse()),
    })
}

fn cmp_error(op: CmpOp, a: &Value, b: &Value) -> PyErr {
    type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        type_name(a),
        type_name(b)
    ))
}

/// Lexicographic sequence comparison.
fn seq_cmp(op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
    let n = x.len().min(y.len());
    for i in 0..n {
        if is_(&x[i], &y[i]) {
            continue;
        }
        if !eq(&x[i], &y[i])? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => compare(op, &x[i], &y[i]),
            };
        }
    }
    Ok(op.from_ord(x.len().cmp(&y.len())))
}

fn dict_eq(x: &Dict, y: &Dict) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (k, v) in x.items() {
        match y.get(&k)? {
            Some(w) => {
                if !is_(&v, &w) && !eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// Builtin comparison; None when the types can't be compared with this operator.
fn builtin_compare(op: CmpOp, a: &Value, b: &Value) -> Option<PyResult<bool>> {
    if let Some(o) = num_cmp(a, b) {
        return Some(Ok(match o {
            Some(o) => op.from_ord(o),
            None => op == CmpOp::Ne,
        }));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(Ok(op.from_ord(x.as_ref().cmp(y.as_ref())))),
        (Value::Bytes(x), Value::Bytes(y)) => Some(Ok(op.from_ord(x.as_slice().cmp(y.as_slice())))),
        (Value::List(x), Value::List(y)) => {
            if Rc::ptr_eq(x, y) && matches!(op, CmpOp::Eq | CmpOp::Le | CmpOp::Ge) {
                return Some(Ok(true));
            }
            let xv = x.borrow().clone();
            let yv = y.borrow().clone();
            Some(seq_cmp(op, &xv, &yv))
        }
        (Value::Tuple(x), Value::Tuple(y)) => Some(seq_cmp(op, x, y)),
        (Value::Dict(x), Value::Dict(y)) => match op {
            CmpOp::Eq | CmpOp::Ne => {
                if Rc::ptr_eq(x, y) {
                    return Some(Ok(op == CmpOp::Eq));
                }
                let xd = x.borrow().clone();
                let yd = y.borrow().clone();
                Some(dict_eq(&xd, &yd).map(|r| r == (op == CmpOp::Eq)))
            }
            _ => None,
        },
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            let r = with_sets(a, b, |x, y| -> PyResult<bool> {
                Ok(match op {
                    CmpOp::Eq => x.set_equals(y)?,
                    CmpOp::Ne => !x.set_equals(y)?,
                    CmpOp::Le => x.is_subset(y)?,
                    CmpOp::Lt => x.len() < y.len() && x.is_subset(y)?,
                    CmpOp::Ge => y.is_subset(x)?,
                    CmpOp::Gt => y.len() < x.len() && y.is_subset(x)?,
                })
            });
            r
        }
        (Value::Range(x), Value::Range(y)) => match op {
            CmpOp::Eq | CmpOp::Ne => {
                let lx = crate::object::range_len(x);
                let ly = crate::object::range_len(y);
                let same = lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)));
                Some(Ok(same == (op == CmpOp::Eq)))
            }
            _ => None,
        },
        (Value::Slice(x), Value::Slice(y)) => {
            let xt = vec![x.0.clone(), x.1.clone(), x.2.clone()];
            let yt = vec![y.0.clone(), y.1.clone(), y.2.clone()];
            Some(seq_cmp(op, &xt, &yt))
        }
        _ => match op {
            CmpOp::Eq => Some(Ok(is_(a, b))),
            CmpOp::Ne => Some(Ok(!is_(a, b))),
            _ => None,
        },
    }
}

fn dunder_compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let ta = type_of(a);
    let tb = type_of(b);
    let sw = op.swapped();
    let mut tried_rev = false;
    if !Rc::ptr_eq(&ta, &tb) && is_subclass(&tb, &ta) {
        if let Some(f) = lookup_class_attr(&tb, sw.dunder()) {
            tried_rev = true;
            let r = crate::object::call_bound(&f, b, vec![a.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return truthy(&r);
            }
        }
    }
    if let Some(f) = lookup_class_attr(&ta, op.dunder()) {
        let r = crate::object::call_bound(&f, a, vec![b.clone()])?;
        if !matches!(r, Value::NotImplemented) {
            return truthy(&r);
        }
    }
    if !tried_rev {
        if let Some(f) = lookup_class_attr(&tb, sw.dunder()) {
            let r = crate::object::call_bound(&f, b, vec![a.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return truthy(&r);
            }
        }
    }
    if op == CmpOp::Ne {
        // default __ne__ inverts __eq__
        if lookup_class_attr(&ta, "__eq__").is_some() || lookup_class_attr(&tb, "__eq__").is_some() {
            return Ok(!compare(CmpOp::Eq, a, b)?);
        }
    }
    let pa = payload(a);
    let pb = payload(b);
    if pa.is_some() || pb.is_some() {
        let x = pa.unwrap_or_else(|| a.clone());
        let y = pb.unwrap_or_else(|| b.clone());
        if let Some(r) = builtin_compare(op, &x, &y) {
            return r;
        }
    }
    match op {
        CmpOp::Eq => Ok(is_(a, b)),
        CmpOp::Ne => Ok(!is_(a, b)),
        _ => Err(cmp_error(op, a, b)),
    }
}

/// Rich comparison returning bool.
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        return dunder_compare(op, a, b);
    }
    match builtin_compare(op, a, b) {
        Some(r) => r,
        None => Err(cmp_error(op, a, b)),
    }
}

#[inline]
pub fn eq(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Str(x), Value::Str(y)) => Ok(x == y),
        (Value::None, Value::None) => Ok(true),
        _ => compare(CmpOp::Eq, a, b),
    }
}
#[inline]
pub fn ne(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x != y),
        (Value::Str(x), Value::Str(y)) => Ok(x != y),
        _ => compare(CmpOp::Ne, a, b),
    }
}
#[inline]
pub fn lt(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => compare(CmpOp::Lt, a, b),
    }
}
#[inline]
pub fn le(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x <= y),
        (Value::Float(x), Value::Float(y)) => Ok(x <= y),
        _ => compare(CmpOp::Le, a, b),
    }
}
#[inline]
pub fn gt(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x > y),
        (Value::Float(x), Value::Float(y)) => Ok(x > y),
        _ => compare(CmpOp::Gt, a, b),
    }
}
#[inline]
pub fn ge(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x >= y),
        (Value::Float(x), Value::Float(y)) => Ok(x >= y),
        _ => compare(CmpOp::Ge, a, b),
    }
}

/// Ordering for sorting (uses `<` only, like list.sort); TypeError when not comparable.
pub fn compare_values(a: &Value, b: &Value) -> PyResult<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return Ok(x.cmp(y)),
        (Value::Str(x), Value::Str(y)) => return Ok(x.as_ref().cmp(y.as_ref())),
        (Value::Float(x), Value::Float(y)) => {
            if x < y {
                return Ok(Ordering::Less);
            }
            if y < x {
                return Ok(Ordering::Greater);
            }
            return Ok(Ordering::Equal);
        }
        _ => {}
    }
    if lt(a, b)? {
        Ok(Ordering::Less)
    } else if lt(b, a)? {
        Ok(Ordering::Greater)
    } else {
        Ok(Ordering::Equal)
    }
}

/// `a is b`
pub fn is_(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (Value::NotImplemented, Value::NotImplemented) => true,
        (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        // small ints are cached in CPython; treat equal ints as identical
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || (x.len() <= 1 && x == y),
        (Value::BigInt(x), Value::BigInt(y)) => Rc::ptr_eq(x, y),
        (Value::List(x), Value::List(y)) => Rc::ptr_eq(x, y),
        (Value::Tuple(x), Value::Tuple(y)) => Rc::ptr_eq(x, y) || (x.is_empty() && y.is_empty()),
        (Value::Dict(x), Value::Dict(y)) => Rc::ptr_eq(x, y),
        (Value::Set(x), Value::Set(y)) => Rc::ptr_eq(x, y),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => Rc::ptr_eq(x, y),
        (Value::Func(x), Value::Func(y)) => Rc::ptr_eq(x, y),
        (Value::Builtin(x), Value::Builtin(y)) => Rc::ptr_eq(x, y),
        (Value::BoundMethod(x), Value::BoundMethod(y)) => Rc::ptr_eq(x, y),
        (Value::Class(x), Value::Class(y)) => Rc::ptr_eq(x, y),
        (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(x, y),
        (Value::Module(x), Value::Module(y)) => Rc::ptr_eq(x, y),
        (Value::Iter(x), Value::Iter(y)) => Rc::ptr_eq(x, y),
        (Value::Bytes(x), Value::Bytes(y)) => Rc::ptr_eq(x, y),
        (Value::Slice(x), Value::Slice(y)) => Rc::ptr_eq(x, y),
        (Value::Property(x), Value::Property(y)) => Rc::ptr_eq(x, y),
        (Value::StaticMethod(x), Value::StaticMethod(y)) => Rc::ptr_eq(x, y),
        (Value::ClassMethod(x), Value::ClassMethod(y)) => Rc::ptr_eq(x, y),
        (Value::Range(x), Value::Range(y)) => x.start == y.start && x.stop == y.stop && x.step == y.step,
        _ => false,
    }
}

pub fn is_not(a: &Value, b: &Value) -> bool {
    !is_(a, b)
}

/// `item in container`
pub fn contains(container: &Value, item: &Value) -> PyResult<bool> {
    match container {
        Value::List(l) => {
            let n = l.borrow().len();
            let mut i = 0;
            while i < n {
                let x = match l.borrow().get(i) {
                    Some(x) => x.clone(),
                    None => break,
                };
                if is_(&x, item) || eq(&x, item)? {
                    return Ok(true);
                }
                i += 1;
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for x in t.iter() {
                if is_(x, item) || eq(x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => Err(type_error(format!("'in <string>' requires string as left operand, not {}", type_name(item)))),
        },
        Value::Dict(d) => {
            let d = d.borrow();
            d.contains(item)
        }
        Value::Set(s) => s.borrow().contains(item),
        Value::FrozenSet(s) => s.contains(item),
        Value::Range(r) => {
            let v = match item {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                Value::Float(f) => {
                    if f.fract() != 0.0 || !f.is_finite() {
                        return Ok(false);
                    }
                    *f as i64
                }
                Value::BigInt(_) => return Ok(false),
                _ => {
                    for x in crate::object::unpack_iterable(container)? {
                        if eq(&x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
            };
            if r.step > 0 {
                Ok(v >= r.start && v < r.stop && (v - r.start) % r.step == 0)
            } else {
                Ok(v <= r.start && v > r.stop && (r.start - v) % (-r.step) == 0)
            }
        }
        Value::Bytes(b) => match item {
            Value::Int(i) => Ok(*i >= 0 && *i < 256 && b.contains(&(*i as u8))),
            Value::Bytes(sub) => Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice())),
            _ => Err(type_error(format!("a bytes-like object is required, not '{}'", type_name(item)))),
        },
        Value::Instance(i) => {
            if let Some(f) = lookup_class_attr(&i.class, "__contains__") {
                let r = crate::object::call_bound(&f, container, vec![item.clone()])?;
                return truthy(&r);
            }
            if let Some(p) = payload(container) {
                return contains(&p, item);
            }
            if lookup_class_attr(&i.class, "__iter__").is_some() || lookup_class_attr(&i.class, "__getitem__").is_some() {
                let it = crate::object::iter(container)?;
                while let Some(x) = crate::object::next(&it)? {
                    if is_(&x, item) || eq(&x, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Err(type_error(format!("argument of type '{}' is not iterable", type_name(container))))
        }
        Value::Class(c) if lookup_class_attr(c, "__class_contains__").is_some() => {
            let f = lookup_class_attr(c, "__class_contains__").unwrap();
            let r = crate::object::call_bound(&f, container, vec![item.clone()])?;
            truthy(&r)
        }
        Value::Class(c) if lookup_class_attr(c, "__class_iter__").is_some() => {
            let it = crate::object::iter(container)?;
            while let Some(x) = crate::object::next(&it)? {
                if is_(&x, item) || eq(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Iter(_) => {
            while let Some(x) = crate::object::next(container)? {
                if is_(&x, item) || eq(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(format!("argument of type '{}' is not iterable", type_name(container)))),
    }
}

pub fn not_in(container: &Value, item: &Value) -> PyResult<bool> {
    Ok(!contains(container, item)?)
}
