//! Iteration builtins (helper R2): sorted, reversed, enumerate, zip, map, filter, sum, min, max,
//! any, all, iter(callable, sentinel). map/filter/zip/enumerate/reversed are lazy (`PyIter::Native`).
use std::cell::RefCell;
use std::rc::Rc;

use crate::methods_util::*;
use crate::methods_util::call as pycall;
use crate::value::*;

/// Builtin `name(*pos, **kw)`; None when `name` is not one of this file's builtins.
pub fn call(name: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> Option<PyResult<Value>> {
    Some(match name {
        "sorted" => builtin_sorted(pos, kw),
        "reversed" => builtin_reversed(pos, kw),
        "enumerate" => builtin_enumerate(pos, kw),
        "zip" => builtin_zip(pos, kw),
        "map" => builtin_map(pos, kw),
        "filter" => builtin_filter(pos, kw),
        "sum" => builtin_sum(pos, kw),
        "min" => builtin_minmax(pos, kw, false),
        "max" => builtin_minmax(pos, kw, true),
        "any" => builtin_anyall(pos, kw, true),
        "all" => builtin_anyall(pos, kw, false),
        "iter" if pos.len() == 2 => builtin_iter2(pos, kw),
        _ => return None,
    })
}

/// int(f) for an integral-valued float (trunc/floor/ceil already applied).
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(err("OverflowError", "cannot convert float infinity to integer"));
    }
    if f >= -9.223372036854775e18 && f < 9.223372036854775e18 {
        return Ok(Value::Int(f as i64));
    }
    Ok(crate::ops::int_from_big(crate::bigint::BigInt::from_f64(f)))
}

fn not_iterable(v: &Value) -> PyErr {
    type_error(&format!("'{}' object is not iterable", type_name(v)))
}

/// iter(v) with CPython's "'x' object is not iterable" message.
pub fn iter_of(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::BigInt(_) => {
            Err(not_iterable(v))
        }
        _ => get_iter(v),
    }
}

fn builtin_sorted(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    if pos.len() != 1 {
        if pos.is_empty() {
            return Err(type_error("sorted expected 1 argument, got 0"));
        }
        return Err(type_error(&format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let (key, reverse) = crate::methods_list::sort_kwargs("sort", &[], kw)?;
    let mut items = to_vec_checked(&pos[0])?;
    crate::methods_list::sort_values(&mut items, key.as_ref(), reverse)?;
    Ok(list(items))
}

/// to_vec with the "not iterable" message for scalars.
pub fn to_vec_checked(v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::BigInt(_) => {
            Err(not_iterable(v))
        }
        _ => to_vec(v),
    }
}

fn builtin_reversed(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("reversed() takes no keyword arguments"));
    }
    if pos.len() != 1 {
        return Err(type_error(&format!("reversed expected 1 argument, got {}", pos.len())));
    }
    let seq = pos.into_iter().next().unwrap();
    match &seq {
        Value::List(l) => {
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
        Value::Tuple(t) => {
            let t2 = t.clone();
            let mut idx = t.len();
            Ok(native_iter(Box::new(move || {
                if idx == 0 {
                    return Ok(None);
                }
                idx -= 1;
                Ok(Some(t2[idx].clone()))
            })))
        }
        Value::Str(s) => {
            let mut chars = str_chars(s);
            chars.reverse();
            Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(chars.into_iter())))))
        }
        Value::Bytes(_) | Value::Dict(_) => {
            let mut items = to_vec(&seq)?;
            items.reverse();
            Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(items.into_iter())))))
        }
        Value::Range(r) => {
            let n = py_len(&seq)?;
            let step = r.step;
            let mut cur = r.start + (n - 1) * step;
            let mut left = n;
            Ok(native_iter(Box::new(move || {
                if left <= 0 {
                    return Ok(None);
                }
                let v = cur;
                cur -= step;
                left -= 1;
                Ok(Some(Value::Int(v)))
            })))
        }
        Value::Instance(_) => {
            if crate::object::hasattr(&seq, "__reversed__") {
                return call_method(&seq, "__reversed__", vec![]);
            }
            if crate::object::hasattr(&seq, "__len__") && crate::object::hasattr(&seq, "__getitem__") {
                let n = py_len(&seq)?;
                let mut idx = n;
                let s2 = seq.clone();
                return Ok(native_iter(Box::new(move || {
                    if idx <= 0 {
                        return Ok(None);
                    }
                    idx -= 1;
                    match get_item(&s2, &Value::Int(idx)) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) => {
                            if e.is("IndexError") || e.is("StopIteration") {
                                idx = 0;
                                Ok(None)
                            } else {
                                Err(e)
                            }
                        }
                    }
                })));
            }
            Err(type_error(&format!("'{}' object is not reversible", type_name(&seq))))
        }
        Value::Class(c) => match crate::classes::lookup_class_attr(c, "__class_reversed__") {
            Some(f) => {
                let f = match f {
                    Value::ClassMethod(g) => (*g).clone(),
                    other => other,
                };
                pycall(&f, vec![seq.clone()])
            }
            None => Err(type_error(&format!("'{}' object is not reversible", type_name(&seq)))),
        },
        _ => Err(type_error(&format!("'{}' object is not reversible", type_name(&seq)))),
    }
}

fn builtin_enumerate(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("enumerate", pos, kw, &["iterable", "start"], 1)?;
    let it = iter_of(a[0].as_ref().unwrap())?;
    let start = a[1].clone().unwrap_or(Value::Int(0));
    match start {
        Value::Int(mut i) => Ok(native_iter(Box::new(move || match next_of(&it)? {
            Some(v) => {
                let r = tuple(vec![Value::Int(i), v]);
                i = i.wrapping_add(1);
                Ok(Some(r))
            }
            None => Ok(None),
        }))),
        Value::Bool(b) => {
            let mut i = b as i64;
            Ok(native_iter(Box::new(move || match next_of(&it)? {
                Some(v) => {
                    let r = tuple(vec![Value::Int(i), v]);
                    i += 1;
                    Ok(Some(r))
                }
                None => Ok(None),
            })))
        }
        Value::BigInt(_) => {
            let mut cur = start;
            Ok(native_iter(Box::new(move || match next_of(&it)? {
                Some(v) => {
                    let r = tuple(vec![cur.clone(), v]);
                    cur = crate::ops::add(&cur, &Value::Int(1))?;
                    Ok(Some(r))
                }
                None => Ok(None),
            })))
        }
        other => Err(type_error(&format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&other)
        ))),
    }
}

fn builtin_zip(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let mut strict = false;
    for (k, v) in kw {
        if k == "strict" {
            strict = truthy(&v)?;
        } else {
            return Err(type_error(&format!(
                "zip() got an unexpected keyword argument '{}'",
                k
            )));
        }
    }
    let mut iters = Vec::with_capacity(pos.len());
    for (i, p) in pos.iter().enumerate() {
        let _ = i;
        iters.push(iter_of(p)?);
    }
    let mut done = false;
    Ok(native_iter(Box::new(move || {
        if done || iters.is_empty() {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(iters.len());
        for (i, it) in iters.iter().enumerate() {
            match next_of(it)? {
                Some(v) => out.push(v),
                None => {
                    done = true;
                    if strict {
                        if i > 0 {
                            let which = if i == 1 {
                                "argument 1".to_string()
                            } else {
                                format!("arguments 1-{}", i)
                            };
                            return Err(value_error(&format!(
                                "zip() argument {} is shorter than {}",
                                i + 1,
                                which
                            )));
                        }
                        // first exhausted: all others must be exhausted too
                        for (j, other) in iters.iter().enumerate().skip(1) {
                            if next_of(other)?.is_some() {
                                let which = if j == 1 {
                                    "argument 1".to_string()
                                } else {
                                    format!("arguments 1-{}", j)
                                };
                                return Err(value_error(&format!(
                                    "zip() argument {} is longer than {}",
                                    j + 1,
                                    which
                                )));
                            }
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(tuple(out)))
    })))
}

fn builtin_map(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("map() takes no keyword arguments"));
    }
    if pos.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut it = pos.into_iter();
    let f = it.next().unwrap();
    let mut iters = Vec::new();
    for p in it {
        iters.push(iter_of(&p)?);
    }
    if iters.len() == 1 {
        let src = iters.pop().unwrap();
        return Ok(native_iter(Box::new(move || match next_of(&src)? {
            Some(v) => Ok(Some(pycall(&f, vec![v])?)),
            None => Ok(None),
        })));
    }
    Ok(native_iter(Box::new(move || {
        let mut args = Vec::with_capacity(iters.len());
        for it in iters.iter() {
            match next_of(it)? {
                Some(v) => args.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(pycall(&f, args)?))
    })))
}

fn builtin_filter(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_error("filter() takes no keyword arguments"));
    }
    if pos.len() != 2 {
        return Err(type_error(&format!("filter expected 2 arguments, got {}", pos.len())));
    }
    let mut it = pos.into_iter();
    let f = it.next().unwrap();
    let src = iter_of(&it.next().unwrap())?;
    Ok(native_iter(Box::new(move || loop {
        match next_of(&src)? {
            Some(v) => {
                let keep = match &f {
                    Value::None => truthy(&v)?,
                    _ => truthy(&pycall(&f, vec![v.clone()])?)?,
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            None => return Ok(None),
        }
    })))
}

fn builtin_sum(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("sum", pos, kw, &["iterable", "start"], 1)?;
    let start = a[1].clone().unwrap_or(Value::Int(0));
    match &start {
        Value::Str(_) => {
            return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        Value::Bytes(_) => {
            return Err(type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
        }
        _ => {}
    }
    let src = a[0].as_ref().unwrap();
    let mut acc = start;
    // fast path over lists/tuples of ints/floats
    let add_one = |acc: &mut Value, v: &Value| -> PyResult<()> {
        match (&*acc, v) {
            (Value::Int(x), Value::Int(y)) => {
                if let Some(s) = x.checked_add(*y) {
                    *acc = Value::Int(s);
                    return Ok(());
                }
            }
            (Value::Float(x), Value::Float(y)) => {
                *acc = Value::Float(x + y);
                return Ok(());
            }
            (Value::Float(x), Value::Int(y)) => {
                *acc = Value::Float(x + *y as f64);
                return Ok(());
            }
            _ => {}
        }
        *acc = crate::ops::add(acc, v)?;
        Ok(())
    };
    match src {
        Value::List(l) => {
            let items = l.borrow().clone();
            for v in items.iter() {
                add_one(&mut acc, v)?;
            }
        }
        Value::Tuple(t) => {
            for v in t.iter() {
                add_one(&mut acc, v)?;
            }
        }
        _ => {
            let it = iter_of(src)?;
            while let Some(v) = next_of(&it)? {
                add_one(&mut acc, &v)?;
            }
        }
    }
    Ok(acc)
}

fn builtin_minmax(pos: Vec<Value>, kw: Vec<(String, Value)>, is_max: bool) -> PyResult<Value> {
    let fname = if is_max { "max" } else { "min" };
    let mut key: Option<Value> = None;
    let mut default: Option<Value> = None;
    for (k, v) in kw {
        match k.as_str() {
            "key" => {
                if !matches!(v, Value::None) {
                    key = Some(v)
                }
            }
            "default" => default = Some(v),
            _ => {
                return Err(type_error(&format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname, k
                )))
            }
        }
    }
    if pos.is_empty() {
        return Err(type_error(&format!("{} expected at least 1 argument, got 0", fname)));
    }
    let single = pos.len() == 1;
    if !single && default.is_some() {
        return Err(type_error(&format!(
            "Cannot specify a default for {}() with multiple positional arguments",
            fname
        )));
    }
    let mut best: Option<(Value, Value)> = None; // (key, item)
    let mut consider = |v: Value| -> PyResult<()> {
        let k = match &key {
            Some(f) => pycall(f, vec![v.clone()])?,
            None => v.clone(),
        };
        match &best {
            None => best = Some((k, v)),
            Some((bk, _)) => {
                let better = if is_max { py_gt(&k, bk)? } else { py_lt(&k, bk)? };
                if better {
                    best = Some((k, v));
                }
            }
        }
        Ok(())
    };
    if single {
        let src = &pos[0];
        match src {
            Value::List(l) => {
                let items = l.borrow().clone();
                for v in items {
                    consider(v)?;
                }
            }
            Value::Tuple(t) => {
                for v in t.iter() {
                    consider(v.clone())?;
                }
            }
            _ => {
                let it = iter_of(src)?;
                while let Some(v) = next_of(&it)? {
                    consider(v)?;
                }
            }
        }
    } else {
        for v in pos {
            consider(v)?;
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(value_error(&format!("{}() arg is an empty sequence", fname))),
        },
    }
}

fn builtin_anyall(pos: Vec<Value>, kw: Vec<(String, Value)>, is_any: bool) -> PyResult<Value> {
    let fname = if is_any { "any" } else { "all" };
    no_kw(fname, &kw)?;
    if pos.len() != 1 {
        return Err(type_error(&format!(
            "{}() takes exactly one argument ({} given)",
            fname,
            pos.len()
        )));
    }
    let src = &pos[0];
    let check = |v: &Value| -> PyResult<Option<bool>> {
        let t = truthy(v)?;
        if is_any && t {
            return Ok(Some(true));
        }
        if !is_any && !t {
            return Ok(Some(false));
        }
        Ok(None)
    };
    match src {
        Value::List(l) => {
            let items = l.borrow().clone();
            for v in items.iter() {
                if let Some(r) = check(v)? {
                    return Ok(Value::Bool(r));
                }
            }
        }
        Value::Tuple(t) => {
            for v in t.iter() {
                if let Some(r) = check(v)? {
                    return Ok(Value::Bool(r));
                }
            }
        }
        _ => {
            let it = iter_of(src)?;
            while let Some(v) = next_of(&it)? {
                if let Some(r) = check(&v)? {
                    return Ok(Value::Bool(r));
                }
            }
        }
    }
    Ok(Value::Bool(!is_any))
}

/// iter(callable, sentinel)
fn builtin_iter2(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("iter", &kw)?;
    let mut it = pos.into_iter();
    let f = it.next().unwrap();
    let sentinel = it.next().unwrap();
    let mut done = false;
    Ok(native_iter(Box::new(move || {
        if done {
            return Ok(None);
        }
        let v = pycall(&f, vec![])?;
        if py_eq(&v, &sentinel)? {
            done = true;
            return Ok(None);
        }
        Ok(Some(v))
    })))
}
