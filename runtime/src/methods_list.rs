//! Methods of `list` and `tuple`, and the stable sort shared with `sorted()`: helper R2.
use std::cell::RefCell;
use std::rc::Rc;

use crate::methods_str::no_such_method;
use crate::methods_util::*;
use crate::value::*;

// ---------------------------------------------------------------------------------------------
// Sorting (stable, `<` only, like CPython's list.sort)
// ---------------------------------------------------------------------------------------------

/// Stable merge sort of `v` by `keys` using only `lt(b, a)` (is b strictly before a).
fn merge_sort_generic(items: &mut Vec<(Value, Value)>) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    // binary insertion sort for runs of RUN, then bottom-up merges
    const RUN: usize = 24;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            // find insertion point in [start, i): first position p with items[i] < items[p]
            let mut lo = start;
            let mut hi = i;
            while lo < hi {
                let mid = (lo + hi) / 2;
                if py_lt(&items[i].0, &items[mid].0)? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            if lo < i {
                let x = items.remove(i);
                items.insert(lo, x);
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                // already ordered?
                if !py_lt(&items[mid].0, &items[mid - 1].0)? {
                    lo = hi;
                    continue;
                }
                buf.clear();
                let mut i = lo;
                let mut j = mid;
                while i < mid && j < hi {
                    if py_lt(&items[j].0, &items[i].0)? {
                        buf.push(items[j].clone());
                        j += 1;
                    } else {
                        buf.push(items[i].clone());
                        i += 1;
                    }
                }
                while i < mid {
                    buf.push(items[i].clone());
                    i += 1;
                }
                while j < hi {
                    buf.push(items[j].clone());
                    j += 1;
                }
                for (k, x) in buf.drain(..).enumerate() {
                    items[lo + k] = x;
                }
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

/// Sort values in place (Python `list.sort(key=..., reverse=...)` semantics, stable).
pub fn sort_values(v: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        None => v.clone(),
        Some(Value::None) => v.clone(),
        Some(f) => {
            let mut ks = Vec::with_capacity(v.len());
            for x in v.iter() {
                ks.push(call(f, vec![x.clone()])?);
            }
            ks
        }
    };
    if reverse {
        v.reverse();
    }
    let mut keys = keys;
    if reverse {
        keys.reverse();
    }
    // fast paths on homogeneous keys
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        let mut pairs: Vec<(i64, Value)> = keys
            .iter()
            .zip(v.drain(..))
            .map(|(k, x)| (if let Value::Int(i) = k { *i } else { 0 }, x))
            .collect();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        v.extend(pairs.into_iter().map(|p| p.1));
    } else if keys.iter().all(|k| matches!(k, Value::Str(_))) {
        let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(v.drain(..)).collect();
        pairs.sort_by(|a, b| match (&a.0, &b.0) {
            (Value::Str(x), Value::Str(y)) => x.as_ref().cmp(y.as_ref()),
            _ => std::cmp::Ordering::Equal,
        });
        v.extend(pairs.into_iter().map(|p| p.1));
    } else if keys.iter().all(|k| matches!(k, Value::Float(f) if !f.is_nan())) {
        let mut pairs: Vec<(f64, Value)> = keys
            .iter()
            .zip(v.drain(..))
            .map(|(k, x)| (if let Value::Float(f) = k { *f } else { 0.0 }, x))
            .collect();
        pairs.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        v.extend(pairs.into_iter().map(|p| p.1));
    } else {
        let mut pairs: Vec<(Value, Value)> = keys.into_iter().zip(v.drain(..)).collect();
        let r = merge_sort_generic(&mut pairs);
        v.extend(pairs.into_iter().map(|p| p.1));
        r?;
    }
    if reverse {
        v.reverse();
    }
    Ok(())
}

/// `list.sort(*, key=None, reverse=False)` on a list value.
pub fn list_sort(l: &Rc<RefCell<Vec<Value>>>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    // CPython empties the list while sorting; we sort a detached copy.
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let r = sort_values(&mut items, key, reverse);
    let mut cur = l.borrow_mut();
    let modified = !cur.is_empty();
    *cur = items;
    drop(cur);
    r?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(())
}

/// Parse `key=` / `reverse=` keyword arguments (positional args rejected).
pub fn sort_kwargs(
    fname: &str,
    pos: &[Value],
    kw: Vec<(String, Value)>,
) -> PyResult<(Option<Value>, bool)> {
    if !pos.is_empty() {
        return Err(type_error(&format!("{}() takes no positional arguments", fname)));
    }
    let mut key = None;
    let mut reverse = false;
    for (k, v) in kw {
        match k.as_str() {
            "key" => {
                if !matches!(v, Value::None) {
                    key = Some(v)
                }
            }
            "reverse" => reverse = truthy(&v)?,
            _ => {
                return Err(type_error(&format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k, fname
                )))
            }
        }
    }
    Ok((key, reverse))
}

// ---------------------------------------------------------------------------------------------
// list
// ---------------------------------------------------------------------------------------------

pub const LIST_METHODS: &[&str] = &[
    "append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy",
    "clear", "__len__", "__contains__", "__getitem__", "__setitem__", "__delitem__", "__add__",
    "__mul__", "__iter__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__repr__",
    "__str__", "__iadd__", "__reversed__",
];

pub const TUPLE_METHODS: &[&str] = &[
    "count", "index", "__len__", "__contains__", "__getitem__", "__add__", "__mul__", "__iter__",
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__repr__", "__str__",
];

fn seq_index(
    items_len: &dyn Fn() -> usize,
    get: &dyn Fn(usize) -> Option<Value>,
    x: &Value,
    start: Option<i64>,
    stop: Option<i64>,
) -> PyResult<Option<usize>> {
    let n = items_len() as i64;
    let mut s = start.unwrap_or(0);
    let mut e = stop.unwrap_or(n);
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
    let mut i = s;
    while i < e {
        let it = match get(i as usize) {
            Some(v) => v,
            None => break,
        };
        if py_eq(&it, x)? {
            return Ok(Some(i as usize));
        }
        i += 1;
    }
    Ok(None)
}

fn seq_count(len: usize, get: &dyn Fn(usize) -> Option<Value>, x: &Value) -> PyResult<i64> {
    let mut c = 0;
    for i in 0..len {
        let it = match get(i) {
            Some(v) => v,
            None => break,
        };
        if py_eq(&it, x)? {
            c += 1;
        }
    }
    Ok(c)
}

pub fn list_method(
    l: &Rc<RefCell<Vec<Value>>>,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let r: PyResult<Value> = (|| -> PyResult<Value> {
        match name {
            "append" => {
                no_kw(name, &kw)?;
                crate::methods_util::exactly_one_arg("list.append", &pos)?;
                l.borrow_mut().push(pos.into_iter().next().unwrap());
                Ok(Value::None)
            }
            "extend" => {
                no_kw(name, &kw)?;
                crate::methods_util::exactly_one_arg("list.extend", &pos)?;
                let items = match &pos[0] {
                    Value::List(o) if Rc::ptr_eq(o, l) => l.borrow().clone(),
                    Value::List(o) => {
                        let o = o.borrow();
                        l.borrow_mut().extend(o.iter().cloned());
                        return Ok(Value::None);
                    }
                    Value::Tuple(t) => {
                        l.borrow_mut().extend(t.iter().cloned());
                        return Ok(Value::None);
                    }
                    other => {
                        if let Value::Iter(_) = other {
                            // stream items so a generator sees earlier appends
                            let it = other.clone();
                            while let Some(x) = next_of(&it)? {
                                l.borrow_mut().push(x);
                            }
                            return Ok(Value::None);
                        }
                        to_vec(other)?
                    }
                };
                l.borrow_mut().extend(items);
                Ok(Value::None)
            }
            "insert" => {
                no_kw(name, &kw)?;
                if pos.len() != 2 {
                    return Err(type_error(&format!(
                        "insert expected 2 arguments, got {}",
                        pos.len()
                    )));
                }
                let mut i = as_index(&pos[0])?;
                let mut v = l.borrow_mut();
                let n = v.len() as i64;
                if i < 0 {
                    i += n;
                    if i < 0 {
                        i = 0;
                    }
                }
                if i > n {
                    i = n;
                }
                v.insert(i as usize, pos[1].clone());
                Ok(Value::None)
            }
            "pop" => {
                no_kw(name, &kw)?;
                if pos.len() > 1 {
                    return Err(type_error(&format!(
                        "pop expected at most 1 argument, got {}",
                        pos.len()
                    )));
                }
                let mut v = l.borrow_mut();
                if v.is_empty() {
                    return Err(index_error("pop from empty list"));
                }
                let n = v.len() as i64;
                let mut i = match pos.get(0) {
                    None => n - 1,
                    Some(x) => as_index(x)?,
                };
                if i < 0 {
                    i += n;
                }
                if i < 0 || i >= n {
                    return Err(index_error("pop index out of range"));
                }
                if i == n - 1 {
                    Ok(v.pop().unwrap())
                } else {
                    Ok(v.remove(i as usize))
                }
            }
            "remove" => {
                no_kw(name, &kw)?;
                crate::methods_util::exactly_one_arg("list.remove", &pos)?;
                let len = || l.borrow().len();
                let get = |i: usize| l.borrow().get(i).cloned();
                match seq_index(&len, &get, &pos[0], None, None)? {
                    Some(i) => {
                        let mut v = l.borrow_mut();
                        if i < v.len() {
                            v.remove(i);
                        }
                        Ok(Value::None)
                    }
                    None => Err(value_error("list.remove(x): x not in list")),
                }
            }
            "index" => {
                no_kw(name, &kw)?;
                if pos.is_empty() || pos.len() > 3 {
                    return Err(type_error(&format!(
                        "index expected at least 1 argument, got {}",
                        pos.len()
                    )));
                }
                let st = arg_index_opt(&pos.get(1).cloned())?;
                let en = arg_index_opt(&pos.get(2).cloned())?;
                let len = || l.borrow().len();
                let get = |i: usize| l.borrow().get(i).cloned();
                match seq_index(&len, &get, &pos[0], st, en)? {
                    Some(i) => Ok(Value::Int(i as i64)),
                    None => Err(value_error(&format!("{} is not in list", repr(&pos[0])?))),
                }
            }
            "count" => {
                no_kw(name, &kw)?;
                crate::methods_util::exactly_one_arg("list.count", &pos)?;
                let n = l.borrow().len();
                let get = |i: usize| l.borrow().get(i).cloned();
                Ok(Value::Int(seq_count(n, &get, &pos[0])?))
            }
            "sort" => {
                let (key, reverse) = sort_kwargs("sort", &pos, kw)?;
                list_sort(l, key.as_ref(), reverse)?;
                Ok(Value::None)
            }
            "reverse" => {
                bind_args(name, pos, kw, &[], 0)?;
                l.borrow_mut().reverse();
                Ok(Value::None)
            }
            "copy" => {
                bind_args(name, pos, kw, &[], 0)?;
                Ok(list(l.borrow().clone()))
            }
            "clear" => {
                bind_args(name, pos, kw, &[], 0)?;
                let old = std::mem::take(&mut *l.borrow_mut());
                drop(old);
                Ok(Value::None)
            }
            "__iadd__" => {
                let a = bind_args(name, pos, kw, &["other"], 1)?;
                let items = to_vec(a[0].as_ref().unwrap())?;
                l.borrow_mut().extend(items);
                Ok(recv.clone())
            }
            "__reversed__" => {
                let l2 = l.clone();
                let mut idx = l.borrow().len();
                Ok(native_iter(Box::new(move || {
                    let v = l2.borrow();
                    if idx == 0 || idx > v.len() {
                        idx = 0;
                        return Ok(None);
                    }
                    idx -= 1;
                    Ok(Some(v[idx].clone()))
                })))
            }
            _ if name.starts_with("__") => generic_dunder(recv, name, pos),
            _ => Err(no_such_method()),
        }
    })();
    match r {
        Err(e) if crate::methods_str::is_no_such_method(&e) => None,
        r => Some(r),
    }
}

pub fn tuple_method(
    t: &Rc<Vec<Value>>,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let r: PyResult<Value> = (|| -> PyResult<Value> {
        match name {
            "count" => {
                no_kw(name, &kw)?;
                crate::methods_util::exactly_one_arg("tuple.count", &pos)?;
                let get = |i: usize| t.get(i).cloned();
                Ok(Value::Int(seq_count(t.len(), &get, &pos[0])?))
            }
            "index" => {
                no_kw(name, &kw)?;
                if pos.is_empty() || pos.len() > 3 {
                    return Err(type_error(&format!(
                        "index expected at least 1 argument, got {}",
                        pos.len()
                    )));
                }
                let st = arg_index_opt(&pos.get(1).cloned())?;
                let en = arg_index_opt(&pos.get(2).cloned())?;
                let len = || t.len();
                let get = |i: usize| t.get(i).cloned();
                match seq_index(&len, &get, &pos[0], st, en)? {
                    Some(i) => Ok(Value::Int(i as i64)),
                    None => Err(value_error("tuple.index(x): x not in tuple")),
                }
            }
            _ if name.starts_with("__") => generic_dunder(recv, name, pos),
            _ => Err(no_such_method()),
        }
    })();
    match r {
        Err(e) if crate::methods_str::is_no_such_method(&e) => None,
        r => Some(r),
    }
}
