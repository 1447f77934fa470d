//! The `collections` module (helper R2): deque, Counter, defaultdict, OrderedDict, namedtuple.
//! Each type is a native class (so `type(x).__name__`, isinstance and subclassing work) whose
//! instances carry a builtin payload in `base_value`:
//! - deque: a list of the items (maxlen in the instance attribute `maxlen`);
//! - Counter / defaultdict / OrderedDict: subclasses of dict, payload a dict (default_factory of
//!   a defaultdict is the instance attribute `default_factory`);
//! - namedtuple classes: subclasses of tuple, payload the tuple of fields.
use std::cell::RefCell;
use std::rc::Rc;

use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::{native_func, new_instance_with, new_module, new_native_class, payload};
use crate::value::*;

const MODNAME: &str = "collections";

thread_local! {
    static CLASSES: RefCell<Vec<(&'static str, Rc<Class>)>> = RefCell::new(Vec::new());
}

fn cached_class(name: &'static str, build: fn() -> Rc<Class>) -> Rc<Class> {
    if let Some(c) = CLASSES.with(|cs| cs.borrow().iter().find(|(n, _)| *n == name).map(|(_, c)| c.clone())) {
        return c;
    }
    let c = build();
    CLASSES.with(|cs| cs.borrow_mut().push((name, c.clone())));
    c
}

fn m<F>(cls: &str, name: &str, f: F) -> Value
where
    F: Fn(Vec<Value>, Vec<(String, Value)>) -> PyResult<Value> + 'static,
{
    native_func(&format!("{}.{}", cls, name), MODNAME, f)
}

fn self_of(pos: &[Value], cls: &str, meth: &str) -> PyResult<Value> {
    match pos.get(0) {
        Some(v) => Ok(v.clone()),
        None => Err(type_error(&format!(
            "descriptor '{}' of '{}' object needs an argument",
            meth, cls
        ))),
    }
}

/// Payload dict of a dict-subclass instance (Counter, defaultdict, OrderedDict, user classes).
pub(crate) fn dict_of(v: &Value) -> PyResult<Rc<RefCell<Dict>>> {
    match v {
        Value::Dict(d) => Ok(d.clone()),
        Value::Instance(i) => {
            let p = i.base_value.borrow().clone();
            match p {
                Some(Value::Dict(d)) => Ok(d),
                Some(_) | None => {
                    // instance created without payload (e.g. __new__ overridden): attach one
                    let d = Rc::new(RefCell::new(Dict::new()));
                    *i.base_value.borrow_mut() = Some(Value::Dict(d.clone()));
                    Ok(d)
                }
            }
        }
        _ => Err(type_error(&format!("expected a dict, not {}", type_name(v)))),
    }
}

/// Raw payload buffer of a deque: the live items are `buf[head..]` (see `deque_head`).
fn raw_buf(v: &Value) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match payload(v) {
        Some(Value::List(l)) => Ok(l),
        _ => match v {
            Value::Instance(i) => {
                let l = Rc::new(RefCell::new(Vec::new()));
                *i.base_value.borrow_mut() = Some(Value::List(l.clone()));
                Ok(l)
            }
            _ => Err(type_error("expected a deque")),
        },
    }
}

const HEAD_KEY: &str = "_deque_head";

/// popleft/appendleft work in O(1) by moving a head offset over the payload list; slots before
/// the head are dead (None).
fn deque_head(v: &Value) -> usize {
    if let Value::Instance(i) = v {
        if let Some(Value::Int(h)) = i.attrs.borrow().get_str(HEAD_KEY) {
            return h as usize;
        }
    }
    0
}

fn set_deque_head(v: &Value, h: usize) {
    if let Value::Instance(i) = v {
        let mut a = i.attrs.borrow_mut();
        if h == 0 && a.get_str(HEAD_KEY).is_none() {
            return;
        }
        a.set_str(HEAD_KEY, Value::Int(h as i64));
    }
}

/// The payload with dead head slots removed (so it holds exactly the deque's items).
fn list_of(v: &Value) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    let l = raw_buf(v)?;
    let h = deque_head(v);
    if h > 0 {
        let mut b = l.borrow_mut();
        let h = h.min(b.len());
        b.drain(..h);
        drop(b);
        set_deque_head(v, 0);
    }
    Ok(l)
}

fn dq_len(v: &Value) -> PyResult<usize> {
    let l = raw_buf(v)?;
    let n = l.borrow().len();
    Ok(n.saturating_sub(deque_head(v)))
}

fn dq_items(v: &Value) -> PyResult<Vec<Value>> {
    let l = raw_buf(v)?;
    let h = deque_head(v);
    let b = l.borrow();
    Ok(b[h.min(b.len())..].to_vec())
}

fn dq_append(me: &Value, x: Value, left: bool) -> PyResult<()> {
    let ml = deque_maxlen(me);
    if ml == Some(0) {
        return Ok(());
    }
    let l = raw_buf(me)?;
    let mut h = deque_head(me);
    {
        let mut b = l.borrow_mut();
        if left {
            if h == 0 {
                let k = b.len().max(8);
                b.splice(0..0, std::iter::repeat(Value::None).take(k));
                h = k;
            }
            h -= 1;
            b[h] = x;
            if let Some(m) = ml {
                if b.len() - h > m {
                    b.pop();
                }
            }
        } else {
            b.push(x);
            if let Some(m) = ml {
                if b.len() - h > m {
                    b[h] = Value::None;
                    h += 1;
                }
            }
            if h >= 64 && h * 2 >= b.len() {
                b.drain(..h);
                h = 0;
            }
        }
    }
    set_deque_head(me, h);
    Ok(())
}

fn dq_pop(me: &Value, left: bool) -> PyResult<Value> {
    let l = raw_buf(me)?;
    let mut h = deque_head(me);
    let r;
    {
        let mut b = l.borrow_mut();
        if b.len() <= h {
            return Err(index_error("pop from an empty deque"));
        }
        if left {
            r = std::mem::replace(&mut b[h], Value::None);
            h += 1;
        } else {
            r = b.pop().unwrap();
        }
        if b.len() <= h {
            b.clear();
            h = 0;
        } else if h >= 64 && h * 2 >= b.len() {
            b.drain(..h);
            h = 0;
        }
    }
    set_deque_head(me, h);
    Ok(r)
}

fn is_instance_of(v: &Value, cls: &Rc<Class>) -> bool {
    crate::classes::value_is_instance(v, cls)
}

fn arg_at(pos: &[Value], i: usize, meth: &str) -> PyResult<Value> {
    pos.get(i).cloned().ok_or_else(|| {
        type_error(&format!(
            "{}() takes exactly one argument ({} given)",
            meth,
            pos.len().saturating_sub(1)
        ))
    })
}

// ---------------------------------------------------------------------------------------------
// deque
// ---------------------------------------------------------------------------------------------

fn deque_maxlen(v: &Value) -> Option<usize> {
    if let Value::Instance(i) = v {
        if let Some(Value::Int(n)) = i.attrs.borrow().get_str("maxlen") {
            return Some(n.max(0) as usize);
        }
    }
    None
}

fn deque_push(items: &Rc<RefCell<Vec<Value>>>, maxlen: Option<usize>, x: Value, left: bool) {
    let mut b = items.borrow_mut();
    if maxlen == Some(0) {
        return;
    }
    if left {
        b.insert(0, x);
        if let Some(m) = maxlen {
            if b.len() > m {
                b.pop();
            }
        }
    } else {
        b.push(x);
        if let Some(m) = maxlen {
            if b.len() > m {
                b.remove(0);
            }
        }
    }
}

pub fn deque_class() -> Rc<Class> {
    cached_class("deque", build_deque)
}

fn new_deque_like(me: &Value, items: Vec<Value>, maxlen: Option<usize>) -> Value {
    let cls = match me {
        Value::Instance(i) => i.class.clone(),
        _ => deque_class(),
    };
    let d = new_instance_with(&cls, list(items));
    if let Value::Instance(i) = &d {
        i.attrs.borrow_mut().set_str(
            "maxlen",
            match maxlen {
                Some(n) => Value::Int(n as i64),
                None => Value::None,
            },
        );
    }
    d
}

fn deque_index_arg(me: &Value, key: &Value) -> PyResult<usize> {
    let n = dq_len(me)? as i64;
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Err(index_error("deque index out of range")),
        other => {
            return Err(type_error(&format!(
                "sequence index must be integer, not '{}'",
                type_name(other)
            )))
        }
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn build_deque() -> Rc<Class> {
    const C: &str = "deque";
    let attrs: Vec<(&str, Value)> = vec![
        (
            "__init__",
            m(C, "__init__", |pos, kw| {
                let me = self_of(&pos, C, "__init__")?;
                let a = bind_args("deque", pos[1..].to_vec(), kw, &["iterable", "maxlen"], 0)?;
                let maxlen = match &a[1] {
                    None | Some(Value::None) => None,
                    Some(v) => {
                        let n = as_index(v)?;
                        if n < 0 {
                            return Err(value_error("maxlen must be non-negative"));
                        }
                        Some(n as usize)
                    }
                };
                let items = list_of(&me)?;
                items.borrow_mut().clear();
                if let Value::Instance(i) = &me {
                    i.attrs.borrow_mut().set_str(
                        "maxlen",
                        match maxlen {
                            Some(n) => Value::Int(n as i64),
                            None => Value::None,
                        },
                    );
                }
                if let Some(src) = &a[0] {
                    for x in crate::builtins_iter::to_vec_checked(src)? {
                        deque_push(&items, maxlen, x, false);
                    }
                }
                Ok(Value::None)
            }),
        ),
        (
            "append",
            m(C, "append", |pos, _kw| {
                let me = self_of(&pos, C, "append")?;
                let x = arg_at(&pos, 1, "deque.append")?;
                dq_append(&me, x, false)?;
                Ok(Value::None)
            }),
        ),
        (
            "appendleft",
            m(C, "appendleft", |pos, _kw| {
                let me = self_of(&pos, C, "appendleft")?;
                let x = arg_at(&pos, 1, "deque.appendleft")?;
                dq_append(&me, x, true)?;
                Ok(Value::None)
            }),
        ),
        (
            "pop",
            m(C, "pop", |pos, _kw| {
                let me = self_of(&pos, C, "pop")?;
                dq_pop(&me, false)
            }),
        ),
        (
            "popleft",
            m(C, "popleft", |pos, _kw| {
                let me = self_of(&pos, C, "popleft")?;
                dq_pop(&me, true)
            }),
        ),
        (
            "extend",
            m(C, "extend", |pos, _kw| {
                let me = self_of(&pos, C, "extend")?;
                let src = arg_at(&pos, 1, "deque.extend")?;
                let items = crate::builtins_iter::to_vec_checked(&src)?;
                let l = list_of(&me)?;
                let ml = deque_maxlen(&me);
                for x in items {
                    deque_push(&l, ml, x, false);
                }
                Ok(Value::None)
            }),
        ),
        (
            "extendleft",
            m(C, "extendleft", |pos, _kw| {
                let me = self_of(&pos, C, "extendleft")?;
                let src = arg_at(&pos, 1, "deque.extendleft")?;
                let items = crate::builtins_iter::to_vec_checked(&src)?;
                let l = list_of(&me)?;
                let ml = deque_maxlen(&me);
                for x in items {
                    deque_push(&l, ml, x, true);
                }
                Ok(Value::None)
            }),
        ),
        (
            "rotate",
            m(C, "rotate", |pos, _kw| {
                let me = self_of(&pos, C, "rotate")?;
                let n = match pos.get(1) {
                    Some(v) => as_index(v)?,
                    None => 1,
                };
                let l = list_of(&me)?;
                let mut b = l.borrow_mut();
                let len = b.len() as i64;
                if len > 1 {
                    let k = n.rem_euclid(len) as usize;
                    b.rotate_right(k);
                }
                Ok(Value::None)
            }),
        ),
        (
            "clear",
            m(C, "clear", |pos, _kw| {
                let me = self_of(&pos, C, "clear")?;
                let old = std::mem::take(&mut *list_of(&me)?.borrow_mut());
                drop(old);
                Ok(Value::None)
            }),
        ),
        (
            "copy",
            m(C, "copy", |pos, _kw| {
                let me = self_of(&pos, C, "copy")?;
                let items = list_of(&me)?.borrow().clone();
                Ok(new_deque_like(&me, items, deque_maxlen(&me)))
            }),
        ),
        (
            "__copy__",
            m(C, "__copy__", |pos, _kw| {
                let me = self_of(&pos, C, "__copy__")?;
                let items = list_of(&me)?.borrow().clone();
                Ok(new_deque_like(&me, items, deque_maxlen(&me)))
            }),
        ),
        (
            "count",
            m(C, "count", |pos, _kw| {
                let me = self_of(&pos, C, "count")?;
                let x = arg_at(&pos, 1, "deque.count")?;
                let items = list_of(&me)?.borrow().clone();
                let mut n = 0;
                for it in items.iter() {
                    if py_eq(it, &x)? {
                        n += 1;
                    }
                }
                Ok(Value::Int(n))
            }),
        ),
        (
            "index",
            m(C, "index", |pos, _kw| {
                let me = self_of(&pos, C, "index")?;
                let x = arg_at(&pos, 1, "deque.index")?;
                let items = list_of(&me)?.borrow().clone();
                let n = items.len() as i64;
                let norm = |v: Option<&Value>, d: i64| -> PyResult<i64> {
                    match v {
                        None => Ok(d),
                        Some(v) => {
                            let mut i = as_index(v)?;
                            if i < 0 {
                                i += n;
                                if i < 0 {
                                    i = 0;
                                }
                            }
                            Ok(i.min(n))
                        }
                    }
                };
                let st = norm(pos.get(2), 0)?;
                let en = norm(pos.get(3), n)?;
                let mut i = st;
                while i < en {
                    if py_eq(&items[i as usize], &x)? {
                        return Ok(Value::Int(i));
                    }
                    i += 1;
                }
                Err(value_error(&format!("{} is not in deque", repr(&x)?)))
            }),
        ),
        (
            "insert",
            m(C, "insert", |pos, _kw| {
                let me = self_of(&pos, C, "insert")?;
                if pos.len() != 3 {
                    return Err(type_error(&format!(
                        "insert expected 2 arguments, got {}",
                        pos.len().saturating_sub(1)
                    )));
                }
                let l = list_of(&me)?;
                let mut b = l.borrow_mut();
                if let Some(ml) = deque_maxlen(&me) {
                    if b.len() >= ml {
                        return Err(index_error("deque already at its maximum size"));
                    }
                }
                let n = b.len() as i64;
                let mut i = as_index(&pos[1])?;
                if i < 0 {
                    i += n;
                    if i < 0 {
                        i = 0;
                    }
                }
                if i > n {
                    i = n;
                }
                b.insert(i as usize, pos[2].clone());
                Ok(Value::None)
            }),
        ),
        (
            "remove",
            m(C, "remove", |pos, _kw| {
                let me = self_of(&pos, C, "remove")?;
                let x = arg_at(&pos, 1, "deque.remove")?;
                let l = list_of(&me)?;
                let items = l.borrow().clone();
                for (i, it) in items.iter().enumerate() {
                    if py_eq(it, &x)? {
                        let mut b = l.borrow_mut();
                        if i < b.len() {
                            b.remove(i);
                        }
                        return Ok(Value::None);
                    }
                }
                Err(value_error(&format!("{} is not in deque", repr(&x)?)))
            }),
        ),
        (
            "reverse",
            m(C, "reverse", |pos, _kw| {
                let me = self_of(&pos, C, "reverse")?;
                list_of(&me)?.borrow_mut().reverse();
                Ok(Value::None)
            }),
        ),
        (
            "__repr__",
            m(C, "__repr__", |pos, _kw| {
                let me = self_of(&pos, C, "__repr__")?;
                let items = list_of(&me)?.borrow().clone();
                let inner = repr(&list(items))?;
                let name = type_name(&me);
                Ok(Value::from(match deque_maxlen(&me) {
                    Some(n) => format!("{}({}, maxlen={})", name, inner, n),
                    None => format!("{}({})", name, inner),
                }))
            }),
        ),
        (
            "__getitem__",
            m(C, "__getitem__", |pos, _kw| {
                let me = self_of(&pos, C, "__getitem__")?;
                let k = arg_at(&pos, 1, "__getitem__")?;
                let i = deque_index_arg(&me, &k)?;
                let h = deque_head(&me);
                let r = raw_buf(&me)?.borrow().get(h + i).cloned();
                r.ok_or_else(|| index_error("deque index out of range"))
            }),
        ),
        (
            "__setitem__",
            m(C, "__setitem__", |pos, _kw| {
                let me = self_of(&pos, C, "__setitem__")?;
                let k = arg_at(&pos, 1, "__setitem__")?;
                let v = arg_at(&pos, 2, "__setitem__")?;
                let i = deque_index_arg(&me, &k)?;
                list_of(&me)?.borrow_mut()[i] = v;
                Ok(Value::None)
            }),
        ),
        (
            "__delitem__",
            m(C, "__delitem__", |pos, _kw| {
                let me = self_of(&pos, C, "__delitem__")?;
                let k = arg_at(&pos, 1, "__delitem__")?;
                let i = deque_index_arg(&me, &k)?;
                list_of(&me)?.borrow_mut().remove(i);
                Ok(Value::None)
            }),
        ),
        (
            "__len__",
            m(C, "__len__", |pos, _kw| {
                let me = self_of(&pos, C, "__len__")?;
                let n = dq_len(&me)?;
                Ok(Value::Int(n as i64))
            }),
        ),
        (
            "__bool__",
            m(C, "__bool__", |pos, _kw| {
                let me = self_of(&pos, C, "__bool__")?;
                let n = dq_len(&me)?;
                Ok(Value::Bool(n > 0))
            }),
        ),
        (
            "__iter__",
            m(C, "__iter__", |pos, _kw| {
                let me = self_of(&pos, C, "__iter__")?;
                let items = dq_items(&me)?;
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(items.into_iter())))))
            }),
        ),
        (
            "__reversed__",
            m(C, "__reversed__", |pos, _kw| {
                let me = self_of(&pos, C, "__reversed__")?;
                let mut items = list_of(&me)?.borrow().clone();
                items.reverse();
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(items.into_iter())))))
            }),
        ),
        (
            "__contains__",
            m(C, "__contains__", |pos, _kw| {
                let me = self_of(&pos, C, "__contains__")?;
                let x = arg_at(&pos, 1, "__contains__")?;
                let items = dq_items(&me)?;
                for it in items.iter() {
                    if py_eq(it, &x)? {
                        return Ok(Value::Bool(true));
                    }
                }
                Ok(Value::Bool(false))
            }),
        ),
        (
            "__eq__",
            m(C, "__eq__", |pos, _kw| {
                let me = self_of(&pos, C, "__eq__")?;
                let other = arg_at(&pos, 1, "__eq__")?;
                if !is_instance_of(&other, &deque_class()) {
                    return Ok(Value::Bool(false));
                }
                let a = list(list_of(&me)?.borrow().clone());
                let b = list(list_of(&other)?.borrow().clone());
                Ok(Value::Bool(crate::ops::eq(&a, &b)?))
            }),
        ),
        (
            "__ne__",
            m(C, "__ne__", |pos, _kw| {
                let me = self_of(&pos, C, "__ne__")?;
                let other = arg_at(&pos, 1, "__ne__")?;
                if !is_instance_of(&other, &deque_class()) {
                    return Ok(Value::Bool(true));
                }
                let a = list(list_of(&me)?.borrow().clone());
                let b = list(list_of(&other)?.borrow().clone());
                Ok(Value::Bool(!crate::ops::eq(&a, &b)?))
            }),
        ),
        (
            "__add__",
            m(C, "__add__", |pos, _kw| {
                let me = self_of(&pos, C, "__add__")?;
                let other = arg_at(&pos, 1, "__add__")?;
                if !is_instance_of(&other, &deque_class()) {
                    return Err(type_error(&format!(
                        "can only concatenate deque (not \"{}\") to deque",
                        type_name(&other)
                    )));
                }
                let mut items = list_of(&me)?.borrow().clone();
                items.extend(list_of(&other)?.borrow().iter().cloned());
                let ml = deque_maxlen(&me);
                let d = new_deque_like(&me, vec![], ml);
                let l = list_of(&d)?;
                for x in items {
                    deque_push(&l, ml, x, false);
                }
                Ok(d)
            }),
        ),
        (
            "__iadd__",
            m(C, "__iadd__", |pos, _kw| {
                let me = self_of(&pos, C, "__iadd__")?;
                let other = arg_at(&pos, 1, "__iadd__")?;
                let items = crate::builtins_iter::to_vec_checked(&other)?;
                let l = list_of(&me)?;
                let ml = deque_maxlen(&me);
                for x in items {
                    deque_push(&l, ml, x, false);
                }
                Ok(me)
            }),
        ),
        (
            "__mul__",
            m(C, "__mul__", |pos, _kw| {
                let me = self_of(&pos, C, "__mul__")?;
                let n = as_index(&arg_at(&pos, 1, "__mul__")?)?;
                let items = list_of(&me)?.borrow().clone();
                let ml = deque_maxlen(&me);
                let d = new_deque_like(&me, vec![], ml);
                let l = list_of(&d)?;
                for _ in 0..n.max(0) {
                    for x in items.iter() {
                        deque_push(&l, ml, x.clone(), false);
                    }
                }
                Ok(d)
            }),
        ),
        (
            "__lt__",
            m(C, "__lt__", |pos, _kw| {
                let me = self_of(&pos, C, "__lt__")?;
                let other = arg_at(&pos, 1, "__lt__")?;
                if !is_instance_of(&other, &deque_class()) {
                    return Ok(Value::NotImplemented);
                }
                let a = list(dq_items(&me)?);
                let b = list(dq_items(&other)?);
                Ok(Value::Bool(crate::ops::lt(&a, &b)?))
            }),
        ),
        (
            "__le__",
            m(C, "__le__", |pos, _kw| {
                let me = self_of(&pos, C, "__le__")?;
                let other = arg_at(&pos, 1, "__le__")?;
                if !is_instance_of(&other, &deque_class()) {
                    return Ok(Value::NotImplemented);
                }
                let a = list(dq_items(&me)?);
                let b = list(dq_items(&other)?);
                Ok(Value::Bool(crate::ops::le(&a, &b)?))
            }),
        ),
        (
            "__gt__",
            m(C, "__gt__", |pos, _kw| {
                let me = self_of(&pos, C, "__gt__")?;
                let other = arg_at(&pos, 1, "__gt__")?;
                if !is_instance_of(&other, &deque_class()) {
                    return Ok(Value::NotImplemented);
                }
                let a = list(dq_items(&me)?);
                let b = list(dq_items(&other)?);
                Ok(Value::Bool(crate::ops::gt(&a, &b)?))
            }),
        ),
        (
            "__ge__",
            m(C, "__ge__", |pos, _kw| {
                let me = self_of(&pos, C, "__ge__")?;
                let other = arg_at(&pos, 1, "__ge__")?;
                if !is_instance_of(&other, &deque_class()) {
                    return Ok(Value::NotImplemented);
                }
                let a = list(dq_items(&me)?);
                let b = list(dq_items(&other)?);
                Ok(Value::Bool(crate::ops::ge(&a, &b)?))
            }),
        ),
        ("__hash__", Value::None),
    ];
    new_native_class("deque", MODNAME, vec![], attrs)
}

// ---------------------------------------------------------------------------------------------
// Counter
// ---------------------------------------------------------------------------------------------

pub fn counter_class() -> Rc<Class> {
    cached_class("Counter", build_counter)
}

fn dict_class() -> Value {
    Value::Class(crate::classes::builtin_class("dict"))
}

fn new_counter() -> (Value, Rc<RefCell<Dict>>) {
    let d = Rc::new(RefCell::new(Dict::new()));
    (new_instance_with(&counter_class(), Value::Dict(d.clone())), d)
}

fn count_get(d: &Rc<RefCell<Dict>>, k: &Value) -> PyResult<Value> {
    let r = d.borrow().get(k)?;
    Ok(r.unwrap_or(Value::Int(0)))
}

fn inc(a: &Value, b: &Value) -> PyResult<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match x.checked_add(*y) {
            Some(s) => Ok(Value::Int(s)),
            None => crate::ops::add(a, b),
        },
        _ => crate::ops::add(a, b),
    }
}

fn is_mapping(v: &Value) -> bool {
    match v {
        Value::Dict(_) => true,
        Value::Instance(_) => crate::object::hasattr(v, "items") && crate::object::hasattr(v, "keys"),
        _ => false,
    }
}

fn mapping_items(v: &Value) -> PyResult<Vec<(Value, Value)>> {
    match v {
        Value::Dict(d) => Ok(d.borrow().items()),
        Value::Instance(_) => {
            if let Some(Value::Dict(d)) = payload(v) {
                return Ok(d.borrow().items());
            }
            crate::methods_dict::mapping_or_pairs(v)
        }
        _ => crate::methods_dict::mapping_or_pairs(v),
    }
}

fn counter_update(me: &Value, src: Option<&Value>, kw: Vec<(String, Value)>, sign: i64) -> PyResult<()> {
    let d = dict_of(me)?;
    if let Some(src) = src {
        if !matches!(src, Value::None) {
            if is_mapping(src) {
                let items = mapping_items(src)?;
                if sign > 0 && d.borrow().is_empty() {
                    let mut b = d.borrow_mut();
                    for (k, v) in items {
                        b.insert(k, v)?;
                    }
                } else {
                    for (k, v) in items {
                        let cur = count_get(&d, &k)?;
                        let nv = if sign > 0 { crate::ops::add(&v, &cur)? } else { crate::ops::sub(&cur, &v)? };
                        d.borrow_mut().insert(k, nv)?;
                    }
                }
            } else {
                let it = crate::builtins_iter::iter_of(src)?;
                let delta = Value::Int(sign);
                while let Some(k) = next_of(&it)? {
                    let cur = count_get(&d, &k)?;
                    let nv = inc(&cur, &delta)?;
                    d.borrow_mut().insert(k, nv)?;
                }
            }
        }
    }
    if !kw.is_empty() {
        let mut kd = Dict::new();
        for (k, v) in kw {
            kd.set_str(&k, v);
        }
        counter_update(me, Some(&dict_value(kd)), vec![], sign)?;
    }
    Ok(())
}

fn most_common(d: &Rc<RefCell<Dict>>, n: Option<i64>) -> PyResult<Vec<Value>> {
    let mut items: Vec<Value> = d.borrow().iter().map(|(k, v)| tuple(vec![k.clone(), v.clone()])).collect();
    let key = plain_fn("<itemgetter(1)>", |pos, _kw| match pos.get(0) {
        Some(Value::Tuple(t)) if t.len() > 1 => Ok(t[1].clone()),
        _ => Ok(Value::None),
    });
    crate::methods_list::sort_values(&mut items, Some(&key), true)?;
    if let Some(n) = n {
        items.truncate(n.max(0) as usize);
    }
    Ok(items)
}

fn counter_other(pos: &[Value]) -> PyResult<Option<Rc<RefCell<Dict>>>> {
    let other = arg_at(pos, 1, "Counter op")?;
    if !is_instance_of(&other, &counter_class()) {
        return Ok(None);
    }
    Ok(Some(dict_of(&other)?))
}

fn gt0(v: &Value) -> PyResult<bool> {
    py_gt(v, &Value::Int(0))
}

fn keep_positive(me: &Value) -> PyResult<Value> {
    let d = dict_of(me)?;
    let items = d.borrow().items();
    for (k, v) in items {
        if !gt0(&v)? {
            d.borrow_mut().remove(&k)?;
        }
    }
    Ok(me.clone())
}

fn counter_binop(pos: Vec<Value>, op: &'static str) -> PyResult<Value> {
    let me = self_of(&pos, "Counter", op)?;
    let od = match counter_other(&pos)? {
        Some(d) => d,
        None => return Ok(Value::NotImplemented),
    };
    let sd = dict_of(&me)?;
    let (res, rd) = new_counter();
    let mine = sd.borrow().items();
    for (k, c) in mine.iter() {
        let oc = count_get(&od, k)?;
        let nv = match op {
            "+" => crate::ops::add(c, &oc)?,
            "-" => crate::ops::sub(c, &oc)?,
            "|" => {
                if py_lt(c, &oc)? {
                    oc.clone()
                } else {
                    c.clone()
                }
            }
            _ => {
                if py_lt(c, &oc)? {
                    c.clone()
                } else {
                    oc.clone()
                }
            }
        };
        if gt0(&nv)? {
            rd.borrow_mut().insert(k.clone(), nv)?;
        }
    }
    if op != "&" {
        let theirs = od.borrow().items();
        for (k, c) in theirs {
            if sd.borrow().contains(&k)? {
                continue;
            }
            if op == "-" {
                if py_lt(&c, &Value::Int(0))? {
                    rd.borrow_mut().insert(k, crate::ops::sub(&Value::Int(0), &c)?)?;
                }
            } else if gt0(&c)? {
                rd.borrow_mut().insert(k, c)?;
            }
        }
    }
    Ok(res)
}

fn counter_ibinop(pos: Vec<Value>, op: &'static str) -> PyResult<Value> {
    let me = self_of(&pos, "Counter", op)?;
    let other = arg_at(&pos, 1, op)?;
    let sd = dict_of(&me)?;
    let oitems = mapping_items(&other)?;
    match op {
        "+=" | "-=" => {
            for (k, c) in oitems {
                let cur = count_get(&sd, &k)?;
                let nv = if op == "+=" { crate::ops::add(&cur, &c)? } else { crate::ops::sub(&cur, &c)? };
                sd.borrow_mut().insert(k, nv)?;
            }
        }
        "|=" => {
            for (k, oc) in oitems {
                let c = count_get(&sd, &k)?;
                if py_gt(&oc, &c)? {
                    sd.borrow_mut().insert(k, oc)?;
                }
            }
        }
        _ => {
            let od = dict_of(&other)?;
            let mine = sd.borrow().items();
            for (k, c) in mine {
                let oc = count_get(&od, &k)?;
                if py_lt(&oc, &c)? {
                    sd.borrow_mut().insert(k, oc)?;
                }
            }
        }
    }
    keep_positive(&me)
}

fn counter_cmp(pos: Vec<Value>, op: &'static str) -> PyResult<Value> {
    let me = self_of(&pos, "Counter", op)?;
    let od = match counter_other(&pos)? {
        Some(d) => d,
        None => return Ok(Value::NotImplemented),
    };
    let sd = dict_of(&me)?;
    let mut keys = sd.borrow().keys();
    keys.extend(od.borrow().keys());
    let mut all = true;
    for k in keys.iter() {
        let a = count_get(&sd, k)?;
        let b = count_get(&od, k)?;
        let ok = match op {
            "==" | "!=" => crate::ops::eq(&a, &b)?,
            "<=" | "<" => crate::ops::le(&a, &b)?,
            _ => crate::ops::ge(&a, &b)?,
        };
        if !ok {
            all = false;
            break;
        }
    }
    let r = match op {
        "==" => all,
        "!=" => !all,
        "<" | ">" => {
            let eq = {
                let mut e = true;
                for k in keys.iter() {
                    if !crate::ops::eq(&count_get(&sd, k)?, &count_get(&od, k)?)? {
                        e = false;
                        break;
                    }
                }
                e
            };
            all && !eq
        }
        _ => all,
    };
    Ok(Value::Bool(r))
}

fn build_counter() -> Rc<Class> {
    const C: &str = "Counter";
    let attrs: Vec<(&str, Value)> = vec![
        (
            "__init__",
            m(C, "__init__", |pos, kw| {
                let me = self_of(&pos, C, "__init__")?;
                if pos.len() > 2 {
                    return Err(type_error(&format!(
                        "expected at most 1 argument, got {}",
                        pos.len() - 1
                    )));
                }
                dict_of(&me)?;
                counter_update(&me, pos.get(1), kw, 1)?;
                Ok(Value::None)
            }),
        ),
        (
            "__missing__",
            m(C, "__missing__", |_pos, _kw| Ok(Value::Int(0))),
        ),
        (
            "__repr__",
            m(C, "__repr__", |pos, _kw| {
                let me = self_of(&pos, C, "__repr__")?;
                let d = dict_of(&me)?;
                let name = type_name(&me);
                if d.borrow().is_empty() {
                    return Ok(Value::from(format!("{}()", name)));
                }
                let body = match most_common(&d, None) {
                    Ok(items) => {
                        let mut nd = Dict::new();
                        for it in items {
                            if let Value::Tuple(t) = it {
                                nd.insert(t[0].clone(), t[1].clone())?;
                            }
                        }
                        repr(&dict_value(nd))?
                    }
                    Err(e) => {
                        if !e.is("TypeError") {
                            return Err(e);
                        }
                        repr(&Value::Dict(d.clone()))?
                    }
                };
                Ok(Value::from(format!("{}({})", name, body)))
            }),
        ),
        (
            "most_common",
            m(C, "most_common", |pos, kw| {
                let me = self_of(&pos, C, "most_common")?;
                let a = bind_args("most_common", pos[1..].to_vec(), kw, &["n"], 0)?;
                let n = match &a[0] {
                    None | Some(Value::None) => None,
                    Some(v) => Some(as_index(v)?),
                };
                Ok(list(most_common(&dict_of(&me)?, n)?))
            }),
        ),
        (
            "elements",
            m(C, "elements", |pos, _kw| {
                let me = self_of(&pos, C, "elements")?;
                let items = dict_of(&me)?.borrow().items();
                let mut out = Vec::new();
                for (k, c) in items {
                    let n = match c {
                        Value::Int(n) => n,
                        Value::Bool(b) => b as i64,
                        other => {
                            return Err(type_error(&format!(
                                "'{}' object cannot be interpreted as an integer",
                                type_name(&other)
                            )))
                        }
                    };
                    for _ in 0..n.max(0) {
                        out.push(k.clone());
                    }
                }
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(out.into_iter())))))
            }),
        ),
        (
            "update",
            m(C, "update", |pos, kw| {
                let me = self_of(&pos, C, "update")?;
                counter_update(&me, pos.get(1), kw, 1)?;
                Ok(Value::None)
            }),
        ),
        (
            "subtract",
            m(C, "subtract", |pos, kw| {
                let me = self_of(&pos, C, "subtract")?;
                counter_update(&me, pos.get(1), kw, -1)?;
                Ok(Value::None)
            }),
        ),
        (
            "total",
            m(C, "total", |pos, _kw| {
                let me = self_of(&pos, C, "total")?;
                let vals = dict_of(&me)?.borrow().values();
                let mut acc = Value::Int(0);
                for v in vals {
                    acc = inc(&acc, &v)?;
                }
                Ok(acc)
            }),
        ),
        (
            "copy",
            m(C, "copy", |pos, _kw| {
                let me = self_of(&pos, C, "copy")?;
                let cls = Value::Class(crate::classes::type_of(&me));
                call(&cls, vec![me])
            }),
        ),
        (
            "__delitem__",
            m(C, "__delitem__", |pos, _kw| {
                let me = self_of(&pos, C, "__delitem__")?;
                let k = arg_at(&pos, 1, "__delitem__")?;
                dict_of(&me)?.borrow_mut().remove(&k)?;
                Ok(Value::None)
            }),
        ),
        (
            "fromkeys",
            Value::ClassMethod(Rc::new(m(C, "fromkeys", |_pos, _kw| {
                Err(err(
                    "NotImplementedError",
                    "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
                ))
            }))),
        ),
        ("__add__", m(C, "__add__", |pos, _kw| counter_binop(pos, "+"))),
        ("__sub__", m(C, "__sub__", |pos, _kw| counter_binop(pos, "-"))),
        ("__or__", m(C, "__or__", |pos, _kw| counter_binop(pos, "|"))),
        ("__and__", m(C, "__and__", |pos, _kw| counter_binop(pos, "&"))),
        ("__iadd__", m(C, "__iadd__", |pos, _kw| counter_ibinop(pos, "+="))),
        ("__isub__", m(C, "__isub__", |pos, _kw| counter_ibinop(pos, "-="))),
        ("__ior__", m(C, "__ior__", |pos, _kw| counter_ibinop(pos, "|="))),
        ("__iand__", m(C, "__iand__", |pos, _kw| counter_ibinop(pos, "&="))),
        (
            "__pos__",
            m(C, "__pos__", |pos, _kw| {
                let me = self_of(&pos, C, "__pos__")?;
                let (res, rd) = new_counter();
                for (k, c) in dict_of(&me)?.borrow().items() {
                    if gt0(&c)? {
                        rd.borrow_mut().insert(k, c)?;
                    }
                }
                Ok(res)
            }),
        ),
        (
            "__neg__",
            m(C, "__neg__", |pos, _kw| {
                let me = self_of(&pos, C, "__neg__")?;
                let (res, rd) = new_counter();
                for (k, c) in dict_of(&me)?.borrow().items() {
                    if py_lt(&c, &Value::Int(0))? {
                        rd.borrow_mut().insert(k, crate::ops::sub(&Value::Int(0), &c)?)?;
                    }
                }
                Ok(res)
            }),
        ),
        ("__eq__", m(C, "__eq__", |pos, _kw| counter_cmp(pos, "=="))),
        ("__ne__", m(C, "__ne__", |pos, _kw| counter_cmp(pos, "!="))),
        ("__le__", m(C, "__le__", |pos, _kw| counter_cmp(pos, "<="))),
        ("__lt__", m(C, "__lt__", |pos, _kw| counter_cmp(pos, "<"))),
        ("__ge__", m(C, "__ge__", |pos, _kw| counter_cmp(pos, ">="))),
        ("__gt__", m(C, "__gt__", |pos, _kw| counter_cmp(pos, ">"))),
        ("__hash__", Value::None),
    ];
    new_native_class("Counter", MODNAME, vec![dict_class()], attrs)
}

// ---------------------------------------------------------------------------------------------
// defaultdict
// ---------------------------------------------------------------------------------------------

pub fn defaultdict_class() -> Rc<Class> {
    cached_class("defaultdict", build_defaultdict)
}

fn factory_of(me: &Value) -> Value {
    if let Value::Instance(i) = me {
        if let Some(f) = i.attrs.borrow().get_str("default_factory") {
            return f;
        }
    }
    Value::None
}

fn is_callable(v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::StaticMethod(_) | Value::ClassMethod(_) => true,
        Value::Instance(_) => crate::object::hasattr(v, "__call__"),
        _ => false,
    }
}

fn build_defaultdict() -> Rc<Class> {
    const C: &str = "defaultdict";
    let attrs: Vec<(&str, Value)> = vec![
        (
            "__init__",
            m(C, "__init__", |pos, kw| {
                let me = self_of(&pos, C, "__init__")?;
                let factory = pos.get(1).cloned().unwrap_or(Value::None);
                if !matches!(factory, Value::None) && !is_callable(&factory) {
                    return Err(type_error("first argument must be callable or None"));
                }
                if let Value::Instance(i) = &me {
                    i.attrs.borrow_mut().set_str("default_factory", factory);
                }
                let d = dict_of(&me)?;
                let rest: Vec<Value> = pos.into_iter().skip(2).collect();
                if rest.len() > 1 {
                    return Err(type_error(&format!(
                        "dict expected at most 1 argument, got {}",
                        rest.len()
                    )));
                }
                crate::methods_dict::dict_update(&d, rest, kw)?;
                Ok(Value::None)
            }),
        ),
        (
            "__missing__",
            m(C, "__missing__", |pos, _kw| {
                let me = self_of(&pos, C, "__missing__")?;
                let k = arg_at(&pos, 1, "__missing__")?;
                let f = factory_of(&me);
                if matches!(f, Value::None) {
                    return Err(key_error(k));
                }
                let v = call(&f, vec![])?;
                dict_of(&me)?.borrow_mut().insert(k, v.clone())?;
                Ok(v)
            }),
        ),
        (
            "__repr__",
            m(C, "__repr__", |pos, _kw| {
                let me = self_of(&pos, C, "__repr__")?;
                let f = factory_of(&me);
                let d = dict_of(&me)?;
                Ok(Value::from(format!(
                    "{}({}, {})",
                    type_name(&me),
                    repr(&f)?,
                    repr(&Value::Dict(d))?
                )))
            }),
        ),
        (
            "copy",
            m(C, "copy", |pos, _kw| {
                let me = self_of(&pos, C, "copy")?;
                let cls = Value::Class(crate::classes::type_of(&me));
                call(&cls, vec![factory_of(&me), me])
            }),
        ),
        (
            "__copy__",
            m(C, "__copy__", |pos, _kw| {
                let me = self_of(&pos, C, "__copy__")?;
                let cls = Value::Class(crate::classes::type_of(&me));
                call(&cls, vec![factory_of(&me), me])
            }),
        ),
    ];
    new_native_class("defaultdict", MODNAME, vec![dict_class()], attrs)
}

// ---------------------------------------------------------------------------------------------
// OrderedDict
// ---------------------------------------------------------------------------------------------

pub fn ordereddict_class() -> Rc<Class> {
    cached_class("OrderedDict", build_ordereddict)
}

fn build_ordereddict() -> Rc<Class> {
    const C: &str = "OrderedDict";
    let attrs: Vec<(&str, Value)> = vec![
        (
            "__init__",
            m(C, "__init__", |pos, kw| {
                let me = self_of(&pos, C, "__init__")?;
                let d = dict_of(&me)?;
                let rest: Vec<Value> = pos.into_iter().skip(1).collect();
                if rest.len() > 1 {
                    return Err(type_error(&format!(
                        "expected at most 1 argument, got {}",
                        rest.len()
                    )));
                }
                crate::methods_dict::dict_update(&d, rest, kw)?;
                Ok(Value::None)
            }),
        ),
        (
            "__repr__",
            m(C, "__repr__", |pos, _kw| {
                let me = self_of(&pos, C, "__repr__")?;
                let d = dict_of(&me)?;
                let name = type_name(&me);
                if d.borrow().is_empty() {
                    return Ok(Value::from(format!("{}()", name)));
                }
                let items: Vec<Value> =
                    d.borrow().iter().map(|(k, v)| tuple(vec![k.clone(), v.clone()])).collect();
                Ok(Value::from(format!("{}({})", name, repr(&list(items))?)))
            }),
        ),
        (
            "move_to_end",
            m(C, "move_to_end", |pos, kw| {
                let me = self_of(&pos, C, "move_to_end")?;
                let a = bind_args("move_to_end", pos[1..].to_vec(), kw, &["key", "last"], 1)?;
                let k = a[0].clone().unwrap();
                let last = match &a[1] {
                    Some(v) => truthy(v)?,
                    None => true,
                };
                let d = dict_of(&me)?;
                let v = match d.borrow_mut().remove(&k)? {
                    Some(v) => v,
                    None => return Err(key_error(k)),
                };
                if last {
                    d.borrow_mut().insert(k, v)?;
                } else {
                    let old = d.borrow().items();
                    let mut b = d.borrow_mut();
                    b.clear();
                    b.insert(k, v)?;
                    for (ok, ov) in old {
                        b.insert(ok, ov)?;
                    }
                }
                Ok(Value::None)
            }),
        ),
        (
            "popitem",
            m(C, "popitem", |pos, kw| {
                let me = self_of(&pos, C, "popitem")?;
                let a = bind_args("popitem", pos[1..].to_vec(), kw, &["last"], 0)?;
                let last = match &a[0] {
                    Some(v) => truthy(v)?,
                    None => true,
                };
                let d = dict_of(&me)?;
                if d.borrow().is_empty() {
                    return Err(key_error_msg("dictionary is empty"));
                }
                if last {
                    let r = d.borrow_mut().pop_last();
                    let (k, v) = r.unwrap();
                    return Ok(tuple(vec![k, v]));
                }
                let first = d.borrow().nth_entry(0);
                let (k, v) = first.unwrap();
                d.borrow_mut().remove(&k)?;
                Ok(tuple(vec![k, v]))
            }),
        ),
        (
            "copy",
            m(C, "copy", |pos, _kw| {
                let me = self_of(&pos, C, "copy")?;
                let cls = Value::Class(crate::classes::type_of(&me));
                call(&cls, vec![me])
            }),
        ),
        (
            "__eq__",
            m(C, "__eq__", |pos, _kw| {
                let me = self_of(&pos, C, "__eq__")?;
                let other = arg_at(&pos, 1, "__eq__")?;
                let a = dict_of(&me)?;
                let b = match &other {
                    Value::Dict(d) => d.clone(),
                    Value::Instance(_) => match payload(&other) {
                        Some(Value::Dict(d)) => d,
                        _ => return Ok(Value::NotImplemented),
                    },
                    _ => return Ok(Value::NotImplemented),
                };
                let same = crate::ops::eq(&Value::Dict(a.clone()), &Value::Dict(b.clone()))?;
                if !same {
                    return Ok(Value::Bool(false));
                }
                if is_instance_of(&other, &ordereddict_class()) {
                    let ka = a.borrow().keys();
                    let kb = b.borrow().keys();
                    for (x, y) in ka.iter().zip(kb.iter()) {
                        if !py_eq(x, y)? {
                            return Ok(Value::Bool(false));
                        }
                    }
                }
                Ok(Value::Bool(true))
            }),
        ),
        (
            "__ne__",
            m(C, "__ne__", |pos, _kw| {
                let me = self_of(&pos, C, "__ne__")?;
                let other = arg_at(&pos, 1, "__ne__")?;
                Ok(Value::Bool(!crate::ops::eq(&me, &other)?))
            }),
        ),
        ("__hash__", Value::None),
    ];
    new_native_class("OrderedDict", MODNAME, vec![dict_class()], attrs)
}

// ---------------------------------------------------------------------------------------------
// namedtuple
// ---------------------------------------------------------------------------------------------

fn tuple_payload(v: &Value) -> PyResult<Rc<Vec<Value>>> {
    match v {
        Value::Tuple(t) => Ok(t.clone()),
        _ => match payload(v) {
            Some(Value::Tuple(t)) => Ok(t),
            _ => Err(type_error("expected a namedtuple instance")),
        },
    }
}

fn fields_of(cls_or_inst: &Value) -> PyResult<Vec<String>> {
    let f = match cls_or_inst {
        Value::Class(_) => get_attr(cls_or_inst, "_fields")?,
        _ => get_attr(cls_or_inst, "_fields")?,
    };
    Ok(to_vec(&f)?
        .iter()
        .map(|v| match v {
            Value::Str(s) => s.to_string(),
            _ => String::new(),
        })
        .collect())
}

fn is_identifier(s: &str) -> bool {
    crate::methods_str::py_isidentifier(s)
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
];

fn caller_module() -> String {
    // make_function records the module currently executing
    let f = crate::object::make_function("_", "_", vec![], Rc::new(|_a| Ok(Value::None)));
    match f {
        Value::Func(f) => f.module.clone(),
        _ => "__main__".to_string(),
    }
}

fn namedtuple(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("namedtuple", pos, kw, &["typename", "field_names", "rename", "defaults", "module"], 2)?;
    let typename = match a[0].as_ref().unwrap() {
        Value::Str(s) => s.to_string(),
        o => return Err(type_error(&format!("expected str, got {}", type_name(o)))),
    };
    let mut fields: Vec<String> = match a[1].as_ref().unwrap() {
        Value::Str(s) => s.replace(',', " ").split_whitespace().map(|x| x.to_string()).collect(),
        other => {
            let mut out = Vec::new();
            for v in to_vec(other)? {
                out.push(str_of(&v)?);
            }
            out
        }
    };
    let rename = match &a[2] {
        Some(v) => truthy(v)?,
        None => false,
    };
    if rename {
        let mut seen: Vec<String> = Vec::new();
        for (i, f) in fields.iter_mut().enumerate() {
            if !is_identifier(f) || KEYWORDS.contains(&f.as_str()) || f.starts_with('_') || seen.contains(f) {
                *f = format!("_{}", i);
            }
            seen.push(f.clone());
        }
    }
    for name in std::iter::once(&typename).chain(fields.iter()) {
        if !is_identifier(name) {
            return Err(value_error(&format!(
                "Type names and field names must be valid identifiers: {}",
                repr(&Value::from(name.as_str()))?
            )));
        }
        if KEYWORDS.contains(&name.as_str()) {
            return Err(value_error(&format!(
                "Type names and field names cannot be a keyword: {}",
                repr(&Value::from(name.as_str()))?
            )));
        }
    }
    let mut seen: Vec<&String> = Vec::new();
    for f in fields.iter() {
        if f.starts_with('_') && !rename {
            return Err(value_error(&format!(
                "Field names cannot start with an underscore: {}",
                repr(&Value::from(f.as_str()))?
            )));
        }
        if seen.contains(&f) {
            return Err(value_error(&format!(
                "Encountered duplicate field name: {}",
                repr(&Value::from(f.as_str()))?
            )));
        }
        seen.push(f);
    }
    let defaults: Vec<Value> = match &a[3] {
        None | Some(Value::None) => vec![],
        Some(v) => to_vec(v)?,
    };
    if defaults.len() > fields.len() {
        return Err(type_error("Got more default values than field names"));
    }
    let module = match &a[4] {
        Some(Value::Str(s)) => s.to_string(),
        _ => caller_module(),
    };
    let attrs = namedtuple_attrs(&typename, &fields, &defaults, &module);
    let tuple_cls = Value::Class(crate::classes::builtin_class("tuple"));
    crate::classes::make_class(&typename, &typename, &module, vec![tuple_cls], attrs)
}

/// Class attributes that make a tuple subclass a namedtuple (`__new__`, field properties,
/// `_fields`, `__repr__`, `_asdict`, `_replace`, `_make`...).
fn namedtuple_attrs(typename: &str, fields: &[String], defaults: &[Value], module: &str) -> Vec<(String, Value)> {
    let typename = typename.to_string();
    let fields: Vec<String> = fields.to_vec();
    let defaults: Vec<Value> = defaults.to_vec();
    let module = module.to_string();
    let nf = fields.len();
    let first_default = nf - defaults.len();

    // __new__(_cls, f1, f2, ...)
    let mut params = vec![Param { name: "_cls", default: None, kind: ParamKind::Positional }];
    for (i, f) in fields.iter().enumerate() {
        params.push(Param {
            name: crate::object::intern(f),
            default: if i >= first_default { Some(defaults[i - first_default].clone()) } else { None },
            kind: ParamKind::Positional,
        });
    }
    let new_body: FnBody = Rc::new(move |args: Vec<Value>| {
        let mut it = args.into_iter();
        let cls = it.next().unwrap_or(Value::None);
        let vals: Vec<Value> = it.collect();
        match &cls {
            Value::Class(c) => Ok(new_instance_with(c, tuple(vals))),
            _ => Err(type_error("__new__ requires a class")),
        }
    });
    let new_f = Value::StaticMethod(Rc::new(Value::Func(Rc::new(Function {
        name: "__new__".to_string(),
        qualname: format!("{}.__new__", typename),
        params,
        body: new_body,
        attrs: RefCell::new(Dict::new()),
        module: module.clone(),
    }))));

    let tn = typename.clone();
    let mut attrs: Vec<(String, Value)> = Vec::new();
    attrs.push(("__new__".to_string(), new_f));
    attrs.push((
        "_fields".to_string(),
        tuple(fields.iter().map(|f| Value::from(f.as_str())).collect()),
    ));
    let mut fd = Dict::new();
    for (i, d) in defaults.iter().enumerate() {
        fd.set_str(&fields[first_default + i], d.clone());
    }
    attrs.push(("_field_defaults".to_string(), dict_value(fd)));
    attrs.push(("__slots__".to_string(), tuple(vec![])));
    attrs.push(("__match_args__".to_string(), tuple(fields.iter().map(|f| Value::from(f.as_str())).collect())));
    for (i, f) in fields.iter().enumerate() {
        let getter = native_func(&format!("{}.{}", tn, f), &module, move |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let t = tuple_payload(&me)?;
            t.get(i).cloned().ok_or_else(|| index_error("tuple index out of range"))
        });
        attrs.push((f.clone(), Value::Property(Rc::new((getter, Value::None, Value::None)))));
    }
    attrs.push((
        "__repr__".to_string(),
        native_func(&format!("{}.__repr__", tn), &module, |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let t = tuple_payload(&me)?;
            let fields = fields_of(&me)?;
            let mut parts = Vec::with_capacity(t.len());
            for (i, v) in t.iter().enumerate() {
                let f = fields.get(i).cloned().unwrap_or_default();
                parts.push(format!("{}={}", f, repr(v)?));
            }
            let name = match &me {
                Value::Instance(i) => i.class.name.clone(),
                _ => "namedtuple".to_string(),
            };
            Ok(Value::from(format!("{}({})", name, parts.join(", "))))
        }),
    ));
    attrs.push((
        "_asdict".to_string(),
        native_func(&format!("{}._asdict", tn), &module, |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let t = tuple_payload(&me)?;
            let fields = fields_of(&me)?;
            let mut d = Dict::new();
            for (f, v) in fields.iter().zip(t.iter()) {
                d.set_str(f, v.clone());
            }
            Ok(dict_value(d))
        }),
    ));
    attrs.push((
        "_replace".to_string(),
        native_func(&format!("{}._replace", tn), &module, |pos, kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let t = tuple_payload(&me)?;
            let fields = fields_of(&me)?;
            let mut vals = t.to_vec();
            let mut unknown = Vec::new();
            for (k, v) in kw {
                match fields.iter().position(|f| *f == k) {
                    Some(i) => vals[i] = v,
                    None => unknown.push(k),
                }
            }
            if !unknown.is_empty() {
                let names: Vec<String> = unknown.iter().map(|u| format!("'{}'", u)).collect();
                return Err(value_error(&format!("Got unexpected field names: [{}]", names.join(", "))));
            }
            let cls = crate::classes::type_of(&me);
            Ok(new_instance_with(&cls, tuple(vals)))
        }),
    ));
    attrs.push((
        "_make".to_string(),
        Value::ClassMethod(Rc::new(native_func(&format!("{}._make", tn), &module, |pos, _kw| {
            let cls = pos.get(0).cloned().unwrap_or(Value::None);
            let it = pos.get(1).cloned().unwrap_or(Value::None);
            let vals = to_vec(&it)?;
            let n = fields_of(&cls)?.len();
            if vals.len() != n {
                return Err(type_error(&format!("Expected {} arguments, got {}", n, vals.len())));
            }
            match &cls {
                Value::Class(c) => Ok(new_instance_with(c, tuple(vals))),
                _ => Err(type_error("_make requires a class")),
            }
        }))),
    ));
    attrs.push((
        "__getnewargs__".to_string(),
        native_func(&format!("{}.__getnewargs__", tn), &module, |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            Ok(Value::Tuple(tuple_payload(&me)?))
        }),
    ));
    attrs
}

/// `class P(typing.NamedTuple): x: int; y: int = 0`
pub(crate) fn install_namedtuple(cls: &Rc<Class>) -> PyResult<()> {
    let anns: Vec<(Value, Value)> = match cls.attrs.borrow().get_str("__annotations__") {
        Some(Value::Dict(d)) => d.borrow().items(),
        _ => vec![],
    };
    let mut fields = Vec::new();
    let mut defaults = Vec::new();
    for (k, _) in anns.iter() {
        let name = str_of(k)?;
        let d = cls.attrs.borrow().get_str(&name);
        match d {
            Some(v) => defaults.push(v),
            None => {
                if !defaults.is_empty() {
                    return Err(type_error(&format!(
                        "Non-default namedtuple field {} cannot follow default field{} {}",
                        name,
                        if defaults.len() > 1 { "s" } else { "" },
                        fields[fields.len() - defaults.len()..].join(", ")
                    )));
                }
            }
        }
        fields.push(name);
    }
    let attrs = namedtuple_attrs(&cls.name, &fields, &defaults, &cls.module);
    let mut a = cls.attrs.borrow_mut();
    for (k, v) in attrs {
        let is_field = fields.iter().any(|f| *f == k);
        if is_field || a.get_str(&k).is_none() {
            a.set_str(&k, v);
        }
    }
    Ok(())
}

pub fn namedtuple_base_class() -> Rc<Class> {
    cached_class("NamedTuple", || {
        let hook = native_func("NamedTuple.__init_subclass__", "typing", |pos, _kw| {
            if let Some(Value::Class(c)) = pos.get(0) {
                install_namedtuple(c)?;
            }
            Ok(Value::None)
        });
        new_native_class(
            "NamedTuple",
            "typing",
            vec![Value::Class(crate::classes::builtin_class("tuple"))],
            vec![("__init_subclass__", Value::ClassMethod(Rc::new(hook)))],
        )
    })
}

// ---------------------------------------------------------------------------------------------
// ChainMap (minimal: lookups through a list of mappings)
// ---------------------------------------------------------------------------------------------

fn chainmap_class() -> Rc<Class> {
    cached_class("ChainMap", build_chainmap)
}

fn maps_of(me: &Value) -> PyResult<Vec<Value>> {
    match get_attr(me, "maps")? {
        Value::List(l) => Ok(l.borrow().clone()),
        other => to_vec(&other),
    }
}

fn build_chainmap() -> Rc<Class> {
    const C: &str = "ChainMap";
    let attrs: Vec<(&str, Value)> = vec![
        (
            "__init__",
            m(C, "__init__", |pos, _kw| {
                let me = self_of(&pos, C, "__init__")?;
                let mut maps: Vec<Value> = pos.into_iter().skip(1).collect();
                if maps.is_empty() {
                    maps.push(dict_value(Dict::new()));
                }
                crate::object::setattr(&me, "maps", list(maps))?;
                Ok(Value::None)
            }),
        ),
        (
            "__getitem__",
            m(C, "__getitem__", |pos, _kw| {
                let me = self_of(&pos, C, "__getitem__")?;
                let k = arg_at(&pos, 1, "__getitem__")?;
                for mp in maps_of(&me)? {
                    if crate::ops::contains(&mp, &k)? {
                        return get_item(&mp, &k);
                    }
                }
                if crate::object::hasattr(&me, "__missing__") {
                    return call_method(&me, "__missing__", vec![k]);
                }
                Err(key_error(k))
            }),
        ),
        (
            "get",
            m(C, "get", |pos, _kw| {
                let me = self_of(&pos, C, "get")?;
                let k = arg_at(&pos, 1, "get")?;
                for mp in maps_of(&me)? {
                    if crate::ops::contains(&mp, &k)? {
                        return get_item(&mp, &k);
                    }
                }
                Ok(pos.get(2).cloned().unwrap_or(Value::None))
            }),
        ),
        (
            "__setitem__",
            m(C, "__setitem__", |pos, _kw| {
                let me = self_of(&pos, C, "__setitem__")?;
                let k = arg_at(&pos, 1, "__setitem__")?;
                let v = arg_at(&pos, 2, "__setitem__")?;
                let maps = maps_of(&me)?;
                crate::object::setitem(&maps[0], &k, v)?;
                Ok(Value::None)
            }),
        ),
        (
            "__delitem__",
            m(C, "__delitem__", |pos, _kw| {
                let me = self_of(&pos, C, "__delitem__")?;
                let k = arg_at(&pos, 1, "__delitem__")?;
                let maps = maps_of(&me)?;
                match crate::object::delitem(&maps[0], &k) {
                    Ok(()) => Ok(Value::None),
                    Err(_) => Err(key_error_msg(&format!(
                        "Key not found in the first mapping: {}",
                        repr(&k)?
                    ))),
                }
            }),
        ),
        (
            "__contains__",
            m(C, "__contains__", |pos, _kw| {
                let me = self_of(&pos, C, "__contains__")?;
                let k = arg_at(&pos, 1, "__contains__")?;
                for mp in maps_of(&me)? {
                    if crate::ops::contains(&mp, &k)? {
                        return Ok(Value::Bool(true));
                    }
                }
                Ok(Value::Bool(false))
            }),
        ),
        (
            "keys",
            m(C, "keys", |pos, _kw| {
                let me = self_of(&pos, C, "keys")?;
                Ok(list(chain_keys(&me)?))
            }),
        ),
        (
            "__iter__",
            m(C, "__iter__", |pos, _kw| {
                let me = self_of(&pos, C, "__iter__")?;
                let keys = chain_keys(&me)?;
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(keys.into_iter())))))
            }),
        ),
        (
            "__len__",
            m(C, "__len__", |pos, _kw| {
                let me = self_of(&pos, C, "__len__")?;
                Ok(Value::Int(chain_keys(&me)?.len() as i64))
            }),
        ),
        (
            "items",
            m(C, "items", |pos, _kw| {
                let me = self_of(&pos, C, "items")?;
                let mut out = Vec::new();
                for k in chain_keys(&me)? {
                    let v = get_item(&me, &k)?;
                    out.push(tuple(vec![k, v]));
                }
                Ok(list(out))
            }),
        ),
        (
            "values",
            m(C, "values", |pos, _kw| {
                let me = self_of(&pos, C, "values")?;
                let mut out = Vec::new();
                for k in chain_keys(&me)? {
                    out.push(get_item(&me, &k)?);
                }
                Ok(list(out))
            }),
        ),
        (
            "new_child",
            m(C, "new_child", |pos, _kw| {
                let me = self_of(&pos, C, "new_child")?;
                let first = match pos.get(1) {
                    Some(Value::None) | None => dict_value(Dict::new()),
                    Some(v) => v.clone(),
                };
                let mut maps = vec![first];
                maps.extend(maps_of(&me)?);
                call(&Value::Class(chainmap_class()), maps)
            }),
        ),
        (
            "parents",
            Value::Property(Rc::new((
                m(C, "parents", |pos, _kw| {
                    let me = self_of(&pos, C, "parents")?;
                    let maps: Vec<Value> = maps_of(&me)?.into_iter().skip(1).collect();
                    call(&Value::Class(chainmap_class()), maps)
                }),
                Value::None,
                Value::None,
            ))),
        ),
        (
            "__repr__",
            m(C, "__repr__", |pos, _kw| {
                let me = self_of(&pos, C, "__repr__")?;
                let parts: Vec<String> = maps_of(&me)?.iter().map(|mp| repr(mp)).collect::<PyResult<_>>()?;
                Ok(Value::from(format!("{}({})", type_name(&me), parts.join(", "))))
            }),
        ),
    ];
    new_native_class("ChainMap", MODNAME, vec![], attrs)
}

fn chain_keys(me: &Value) -> PyResult<Vec<Value>> {
    // CPython: keys of the merged dict built from the last mapping to the first
    let mut d = Dict::new();
    let maps = maps_of(me)?;
    for mp in maps.iter().rev() {
        for k in to_vec(mp)? {
            d.insert(k, Value::None)?;
        }
    }
    Ok(d.keys())
}

pub fn module() -> PyResult<Value> {
    Ok(new_module(
        "collections",
        vec![
            ("deque", Value::Class(deque_class())),
            ("Counter", Value::Class(counter_class())),
            ("defaultdict", Value::Class(defaultdict_class())),
            ("OrderedDict", Value::Class(ordereddict_class())),
            ("ChainMap", Value::Class(chainmap_class())),
            ("namedtuple", plain_fn("namedtuple", namedtuple)),
        ],
    ))
}

/// A namedtuple instance of a fresh class (used for sys.version_info and similar records).
pub(crate) fn make_record(typename: &str, module: &str, fields: &[&str], values: Vec<Value>) -> PyResult<Value> {
    let fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
    let attrs = namedtuple_attrs(typename, &fields, &[], module);
    let tuple_cls = Value::Class(crate::classes::builtin_class("tuple"));
    let cls = crate::classes::make_class(typename, typename, module, vec![tuple_cls], attrs)?;
    match &cls {
        Value::Class(c) => Ok(new_instance_with(c, tuple(values))),
        _ => Err(type_error("bad record class")),
    }
}
