//! Small helpers shared by R2's files (methods*, builtins_iter, stdlib*): argument binding,
//! error constructors, and thin wrappers over the core object model.
use std::cell::RefCell;
use std::rc::Rc;

use crate::value::*;

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

#[inline]
pub fn err(class: &str, msg: &str) -> PyErr {
    crate::exceptions::exc(class, msg.to_string())
}
#[inline]
pub fn type_error(msg: &str) -> PyErr {
    err("TypeError", msg)
}
#[inline]
pub fn value_error(msg: &str) -> PyErr {
    err("ValueError", msg)
}
#[inline]
pub fn index_error(msg: &str) -> PyErr {
    err("IndexError", msg)
}
#[inline]
pub fn key_error(key: Value) -> PyErr {
    crate::exceptions::key_error(&key)
}
/// KeyError with a plain message argument (`KeyError('popitem(): dictionary is empty')`).
#[inline]
pub fn key_error_msg(msg: &str) -> PyErr {
    crate::exceptions::key_error(&Value::from(msg))
}

pub fn err_is(e: &PyErr, class: &str) -> bool {
    e.is(class)
}

// ---------------------------------------------------------------------------------------------
// Object model wrappers
// ---------------------------------------------------------------------------------------------

#[inline]
pub fn type_name(v: &Value) -> String {
    crate::classes::type_name(v)
}
#[inline]
pub fn repr(v: &Value) -> PyResult<String> {
    crate::repr::to_repr(v)
}
#[inline]
pub fn str_of(v: &Value) -> PyResult<String> {
    crate::repr::to_str(v)
}
#[inline]
pub fn format(v: &Value, spec: &str) -> PyResult<String> {
    crate::repr::format_value(v, spec)
}
#[inline]
pub fn get_attr(v: &Value, name: &str) -> PyResult<Value> {
    crate::object::getattr(v, name)
}
#[inline]
pub fn get_item(v: &Value, k: &Value) -> PyResult<Value> {
    crate::object::getitem(v, k)
}
#[inline]
pub fn truthy(v: &Value) -> PyResult<bool> {
    crate::ops::truthy(v)
}
#[inline]
pub fn py_eq(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Str(x), Value::Str(y)) => Ok(x == y),
        _ => {
            if crate::ops::is_(a, b) {
                // identity implies equality for containers' `in`/count/index/remove
                return Ok(true);
            }
            crate::ops::eq(a, b)
        }
    }
}
#[inline]
pub fn py_lt(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => crate::ops::lt(a, b),
    }
}
#[inline]
pub fn py_gt(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x > y),
        (Value::Str(x), Value::Str(y)) => Ok(x > y),
        (Value::Float(x), Value::Float(y)) => Ok(x > y),
        _ => crate::ops::gt(a, b),
    }
}
#[inline]
pub fn call(f: &Value, pos: Vec<Value>) -> PyResult<Value> {
    crate::object::call(f, pos, vec![])
}
#[inline]
pub fn call_kw(f: &Value, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    crate::object::call(f, pos, kw)
}
#[inline]
pub fn call_method(v: &Value, name: &str, pos: Vec<Value>) -> PyResult<Value> {
    crate::object::call_method(v, name, pos, vec![])
}
#[inline]
pub fn get_iter(v: &Value) -> PyResult<Value> {
    crate::object::iter(v)
}
#[inline]
pub fn next_of(it: &Value) -> PyResult<Option<Value>> {
    crate::object::next(it)
}
#[inline]
pub fn hash_of(v: &Value) -> PyResult<i64> {
    crate::hash::py_hash(v)
}

#[inline]
pub fn list(v: Vec<Value>) -> Value {
    Value::List(Rc::new(RefCell::new(v)))
}
#[inline]
pub fn tuple(v: Vec<Value>) -> Value {
    Value::Tuple(Rc::new(v))
}
#[inline]
pub fn dict_value(d: Dict) -> Value {
    Value::Dict(Rc::new(RefCell::new(d)))
}
#[inline]
pub fn set_value(s: Set) -> Value {
    Value::Set(Rc::new(RefCell::new(s)))
}

/// A lazy iterator value from a closure.
pub fn native_iter(f: Box<dyn FnMut() -> PyResult<Option<Value>>>) -> Value {
    Value::Iter(Rc::new(RefCell::new(PyIter::Native(f))))
}

/// Materialize any iterable (fast paths for the builtin containers).
pub fn to_vec(v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.borrow().clone()),
        Value::Tuple(t) => Ok(t.to_vec()),
        Value::Str(s) => Ok(str_chars(s)),
        Value::Dict(d) => Ok(d.borrow().keys()),
        Value::Set(s) => Ok(s.borrow().items()),
        Value::FrozenSet(s) => Ok(s.items()),
        Value::Range(r) => {
            let mut out = Vec::new();
            let mut i = r.start;
            if r.step > 0 {
                while i < r.stop {
                    out.push(Value::Int(i));
                    i += r.step;
                }
            } else {
                while i > r.stop {
                    out.push(Value::Int(i));
                    i += r.step;
                }
            }
            Ok(out)
        }
        Value::Bytes(b) => Ok(b.iter().map(|&c| Value::Int(c as i64)).collect()),
        _ => {
            let it = get_iter(v)?;
            let mut out = Vec::new();
            while let Some(x) = next_of(&it)? {
                out.push(x);
            }
            Ok(out)
        }
    }
}

/// The characters of a str as one-char str values.
pub fn str_chars(s: &str) -> Vec<Value> {
    if s.is_ascii() {
        s.as_bytes().iter().map(|&b| Value::Str(ascii_char(b))).collect()
    } else {
        s.chars().map(|c| Value::from(c.to_string())).collect()
    }
}

thread_local! {
    static ASCII_CHARS: Vec<Rc<str>> = (0u8..128).map(|b| Rc::from((b as char).to_string().as_str())).collect();
}

/// Shared one-character strings for ASCII.
#[inline]
pub fn ascii_char(b: u8) -> Rc<str> {
    ASCII_CHARS.with(|t| t[(b & 127) as usize].clone())
}

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

/// Bind `pos` + `kw` to `names` (positional-or-keyword). Returns one Option per name.
/// `required` leading names must be present.
pub fn bind_args(
    fname: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let npos = pos.len();
    if npos > names.len() {
        if names.is_empty() {
            return Err(type_error(&format!(
                "{}() takes no arguments ({} given)",
                fname, npos
            )));
        }
        if required == names.len() {
            return Err(type_error(&format!(
                "{}() takes exactly {} argument{} ({} given)",
                fname,
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                npos
            )));
        }
        return Err(type_error(&format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            npos
        )));
    }
    let mut out: Vec<Option<Value>> = Vec::with_capacity(names.len());
    for v in pos {
        out.push(Some(v));
    }
    while out.len() < names.len() {
        out.push(None);
    }
    for (k, v) in kw {
        match names.iter().position(|n| *n == k) {
            Some(i) => {
                if out[i].is_some() {
                    return Err(type_error(&format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        k,
                        i + 1
                    )));
                }
                out[i] = Some(v);
            }
            None => {
                return Err(type_error(&format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname, k
                )))
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            if required == names.len() && required == 1 {
                return Err(type_error(&format!(
                    "{}() takes exactly one argument (0 given)",
                    fname
                )));
            }
            return Err(type_error(&format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Reject keyword arguments.
/// CPython's check for a method taking exactly one positional argument, e.g. `list.append()`.
pub fn exactly_one_arg(qualname: &str, pos: &[Value]) -> PyResult<()> {
    if pos.len() != 1 {
        return Err(type_error(&format!("{}() takes exactly one argument ({} given)", qualname, pos.len())));
    }
    Ok(())
}

pub fn no_kw(fname: &str, kw: &[(String, Value)]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(type_error(&format!("{}() takes no keyword arguments", fname)));
    }
    Ok(())
}

/// An integer argument (`__index__` semantics); BigInt values are clamped.
pub fn as_index(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(b) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
        _ => match crate::ops::index_of(v) {
            Some(i) => Ok(i),
            None => Err(type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))),
        },
    }
}

/// Optional slice-style index argument (None allowed).
pub fn arg_index_opt(v: &Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(x) => match x {
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(b) => Ok(Some(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 })),
            _ => match crate::ops::index_of(x) {
                Some(i) => Ok(Some(i)),
                None => Err(type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            },
        },
    }
}

/// `slice.indices(len)`: normalised (start, stop, step) exactly like PySlice_AdjustIndices.
pub fn slice_indices(
    start: &Value,
    stop: &Value,
    step: &Value,
    len: i64,
) -> PyResult<(i64, i64, i64)> {
    let step = match arg_index_opt(&Some(step.clone()))? {
        None => 1,
        Some(0) => return Err(value_error("slice step cannot be zero")),
        Some(s) => s,
    };
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |v: &Value, default: i64| -> PyResult<i64> {
        match arg_index_opt(&Some(v.clone()))? {
            None => Ok(default),
            Some(mut i) => {
                if i < 0 {
                    i += len;
                    if i < lower {
                        i = lower;
                    }
                } else if i > upper {
                    i = upper;
                }
                Ok(i)
            }
        }
    };
    let st = norm(start, if step < 0 { upper } else { lower })?;
    let sp = norm(stop, if step < 0 { lower } else { upper })?;
    Ok((st, sp, step))
}

/// Number of items selected by normalised slice indices.
pub fn slice_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if stop < start {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// Fallback for dunder methods of builtin values called explicitly (`x.__len__()`,
/// `str.__add__`...): route to the operators.
pub fn generic_dunder(recv: &Value, name: &str, pos: Vec<Value>) -> PyResult<Value> {
    let arg = |i: usize| -> PyResult<Value> {
        pos.get(i).cloned().ok_or_else(|| {
            type_error(&format!("expected 1 argument, got {}", pos.len()))
        })
    };
    match name {
        "__len__" => Ok(Value::Int(py_len(recv)?)),
        "__contains__" => Ok(Value::Bool(crate::ops::contains(recv, &arg(0)?)?)),
        "__getitem__" => crate::object::getitem(recv, &arg(0)?),
        "__add__" => crate::ops::add(recv, &arg(0)?),
        "__mul__" | "__rmul__" => crate::ops::mul(recv, &arg(0)?),
        "__mod__" => crate::ops::modulo(recv, &arg(0)?),
        "__sub__" => crate::ops::sub(recv, &arg(0)?),
        "__and__" => crate::ops::bitand(recv, &arg(0)?),
        "__or__" => crate::ops::bitor(recv, &arg(0)?),
        "__xor__" => crate::ops::bitxor(recv, &arg(0)?),
        "__eq__" => Ok(Value::Bool(crate::ops::eq(recv, &arg(0)?)?)),
        "__ne__" => Ok(Value::Bool(crate::ops::ne(recv, &arg(0)?)?)),
        "__lt__" => Ok(Value::Bool(crate::ops::lt(recv, &arg(0)?)?)),
        "__le__" => Ok(Value::Bool(crate::ops::le(recv, &arg(0)?)?)),
        "__gt__" => Ok(Value::Bool(crate::ops::gt(recv, &arg(0)?)?)),
        "__ge__" => Ok(Value::Bool(crate::ops::ge(recv, &arg(0)?)?)),
        "__hash__" => Ok(Value::Int(hash_of(recv)?)),
        "__iter__" => get_iter(recv),
        "__str__" => Ok(Value::from(str_of(recv)?)),
        "__repr__" => Ok(Value::from(repr(recv)?)),
        "__bool__" => Ok(Value::Bool(truthy(recv)?)),
        "__setitem__" => {
            crate::object::setitem(recv, &arg(0)?, arg(1)?)?;
            Ok(Value::None)
        }
        "__delitem__" => {
            crate::object::delitem(recv, &arg(0)?)?;
            Ok(Value::None)
        }
        _ => Err(crate::methods_str::no_such_method()),
    }
}

/// `len(v)`
pub fn py_len(v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Str(s) => crate::methods_str::char_len(s) as i64,
        Value::List(l) => l.borrow().len() as i64,
        Value::Tuple(t) => t.len() as i64,
        Value::Dict(d) => d.borrow().len() as i64,
        Value::Set(s) => s.borrow().len() as i64,
        Value::FrozenSet(s) => s.len() as i64,
        Value::Bytes(b) => b.len() as i64,
        Value::Range(r) => {
            let (st, sp, stp) = (r.start, r.stop, r.step);
            slice_len(st, sp, stp)
        }
        _ => {
            let r = call_method(v, "__len__", vec![])?;
            as_index(&r)?
        }
    })
}

/// `callable(v)`
pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::StaticMethod(_) | Value::ClassMethod(_) => true,
        Value::Instance(i) => crate::classes::lookup_class_attr(&i.class, "__call__").is_some(),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// generator.throw / generator.send protocol (used by contextlib and iterator methods)
// ---------------------------------------------------------------------------------------------

thread_local! {
    static PENDING_THROW: std::cell::RefCell<Option<PyErr>> = std::cell::RefCell::new(None);
    static PENDING_SEND: std::cell::RefCell<Option<Value>> = std::cell::RefCell::new(None);
}

/// Called by generated generator code when it resumes: an exception to raise at the paused
/// `yield` (set by `gen.throw(e)` / contextlib), if any.
pub fn take_pending_throw() -> Option<PyErr> {
    PENDING_THROW.with(|p| p.borrow_mut().take())
}

/// Arms `e` to be raised at the paused yield of the next generator resumed (generator close).
pub fn set_pending_throw(e: Option<PyErr>) {
    PENDING_THROW.with(|p| *p.borrow_mut() = e);
}

/// Called by generated generator code when it resumes: the value sent with `gen.send(v)`
/// (the result of the paused `yield` expression), None for plain `next()`.
pub fn take_pending_send() -> Option<Value> {
    PENDING_SEND.with(|p| p.borrow_mut().take())
}

/// `gen.throw(err)`: resume the generator with `err` raised at its paused yield.
/// Returns Ok(Some(v)) if it yielded again, Ok(None) if it finished, Err if it raised.
/// If the generator does not consume the pending exception (no support in the generated
/// code), the exception is raised here after resuming it once.
pub fn gen_throw(gen: &Value, e: PyErr) -> PyResult<Option<Value>> {
    PENDING_THROW.with(|p| *p.borrow_mut() = Some(e));
    let r = next_of(gen);
    let unconsumed = PENDING_THROW.with(|p| p.borrow_mut().take());
    match (r, unconsumed) {
        (Err(e2), _) => Err(e2),
        (Ok(_), Some(e)) => Err(e),
        (Ok(v), None) => Ok(v),
    }
}

/// `gen.send(v)`
pub fn gen_send(gen: &Value, v: Value) -> PyResult<Option<Value>> {
    if !matches!(v, Value::None) {
        PENDING_SEND.with(|p| *p.borrow_mut() = Some(v));
    }
    let r = next_of(gen);
    PENDING_SEND.with(|p| p.borrow_mut().take());
    r
}
