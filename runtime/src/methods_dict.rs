//! Methods of `dict`, `set` and `frozenset`, and dict views: helper R2.
use std::cell::RefCell;
use std::rc::Rc;

use crate::methods_str::no_such_method;
use crate::methods_util::*;
use crate::value::*;

// ---------------------------------------------------------------------------------------------
// dict
// ---------------------------------------------------------------------------------------------

pub const DICT_METHODS: &[&str] = &[
    "get", "setdefault", "pop", "popitem", "update", "keys", "values", "items", "copy", "clear",
    "fromkeys", "__len__", "__contains__", "__getitem__", "__setitem__", "__delitem__",
    "__iter__", "__eq__", "__ne__", "__repr__", "__str__", "__or__", "__ior__", "__reversed__",
];

/// Items of a mapping-or-pairs argument for dict.update / dict(...).
pub fn mapping_or_pairs(other: &Value) -> PyResult<Vec<(Value, Value)>> {
    match other {
        Value::Dict(d) => Ok(d.borrow().items()),
        Value::Instance(_) if crate::object::hasattr(other, "keys") => {
            let keys = to_vec(&call_method(other, "keys", vec![])?)?;
            let mut out = Vec::with_capacity(keys.len());
            for k in keys {
                let v = get_item(other, &k)?;
                out.push((k, v));
            }
            Ok(out)
        }
        _ => {
            let it = match get_iter(other) {
                Ok(it) => it,
                Err(e) => {
                    if e.is("TypeError") {
                        return Err(type_error(&format!(
                            "'{}' object is not iterable",
                            type_name(other)
                        )));
                    }
                    return Err(e);
                }
            };
            let mut out = Vec::new();
            let mut i = 0usize;
            while let Some(el) = next_of(&it)? {
                let pair = match &el {
                    Value::Tuple(t) => t.to_vec(),
                    Value::List(l) => l.borrow().clone(),
                    Value::Str(_) | Value::Iter(_) | Value::Instance(_) | Value::Set(_)
                    | Value::FrozenSet(_) | Value::Dict(_) | Value::Range(_) | Value::Bytes(_) => {
                        to_vec(&el)?
                    }
                    _ => {
                        return Err(type_error(&format!(
                            "cannot convert dictionary update sequence element #{} to a sequence",
                            i
                        )))
                    }
                };
                if pair.len() != 2 {
                    return Err(value_error(&format!(
                        "dictionary update sequence element #{} has length {}; 2 is required",
                        i,
                        pair.len()
                    )));
                }
                let mut p = pair.into_iter();
                let k = p.next().unwrap();
                let v = p.next().unwrap();
                out.push((k, v));
                i += 1;
            }
            Ok(out)
        }
    }
}

/// `d.update(other, **kw)`
pub fn dict_update(d: &Rc<RefCell<Dict>>, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<()> {
    if pos.len() > 1 {
        return Err(type_error(&format!(
            "update expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(o) = pos.get(0) {
        let items = match o {
            Value::Dict(od) if Rc::ptr_eq(od, d) => return Ok(()),
            _ => mapping_or_pairs(o)?,
        };
        let mut dm = d.borrow_mut();
        for (k, v) in items {
            dm.insert(k, v)?;
        }
    }
    let mut dm = d.borrow_mut();
    for (k, v) in kw {
        dm.insert(Value::from(k), v)?;
    }
    Ok(())
}

/// `dict.fromkeys(iterable, value=None)`
pub fn dict_fromkeys(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("fromkeys", &kw)?;
    if pos.is_empty() || pos.len() > 2 {
        return Err(type_error(&format!(
            "fromkeys expected at least 1 argument, got {}",
            pos.len()
        )));
    }
    let v = pos.get(1).cloned().unwrap_or(Value::None);
    let keys = to_vec(&pos[0])?;
    let mut d = Dict::with_capacity(keys.len());
    for k in keys {
        d.insert(k, v.clone())?;
    }
    Ok(dict_value(d))
}

pub fn dict_method(
    d: &Rc<RefCell<Dict>>,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let r: PyResult<Value> = (|| -> PyResult<Value> {
        match name {
            "get" => {
                no_kw(name, &kw)?;
                if pos.is_empty() || pos.len() > 2 {
                    return Err(type_error(&format!(
                        "get expected at least 1 argument, got {}",
                        pos.len()
                    )));
                }
                let r = d.borrow().get(&pos[0])?;
                Ok(r.unwrap_or_else(|| pos.get(1).cloned().unwrap_or(Value::None)))
            }
            "setdefault" => {
                no_kw(name, &kw)?;
                if pos.is_empty() || pos.len() > 2 {
                    return Err(type_error(&format!(
                        "setdefault expected at least 1 argument, got {}",
                        pos.len()
                    )));
                }
                let cur = d.borrow().get(&pos[0])?;
                match cur {
                    Some(v) => Ok(v),
                    None => {
                        let v = pos.get(1).cloned().unwrap_or(Value::None);
                        d.borrow_mut().insert(pos[0].clone(), v.clone())?;
                        Ok(v)
                    }
                }
            }
            "pop" => {
                no_kw(name, &kw)?;
                if pos.is_empty() || pos.len() > 2 {
                    return Err(type_error(&format!(
                        "pop expected at least 1 argument, got {}",
                        pos.len()
                    )));
                }
                let r = d.borrow_mut().remove(&pos[0])?;
                match r {
                    Some(v) => Ok(v),
                    None => match pos.get(1) {
                        Some(def) => Ok(def.clone()),
                        None => Err(key_error(pos[0].clone())),
                    },
                }
            }
            "popitem" => {
                bind_args(name, pos, kw, &[], 0)?;
                let r = d.borrow_mut().pop_last();
                match r {
                    Some((k, v)) => Ok(tuple(vec![k, v])),
                    None => Err(key_error_msg("popitem(): dictionary is empty")),
                }
            }
            "update" => {
                dict_update(d, pos, kw)?;
                Ok(Value::None)
            }
            "keys" | "values" | "items" => {
                bind_args(name, pos, kw, &[], 0)?;
                Ok(make_view(name, recv.clone()))
            }
            "copy" => {
                bind_args(name, pos, kw, &[], 0)?;
                let c = d.borrow().clone();
                Ok(dict_value(c))
            }
            "clear" => {
                bind_args(name, pos, kw, &[], 0)?;
                let old = std::mem::take(&mut d.borrow_mut().entries);
                d.borrow_mut().clear();
                drop(old);
                Ok(Value::None)
            }
            "fromkeys" => dict_fromkeys(pos, kw),
            "__reversed__" => {
                let mut keys = d.borrow().keys();
                keys.reverse();
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(keys.into_iter())))))
            }
            "__ior__" => {
                dict_update(d, pos, kw)?;
                Ok(recv.clone())
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

// ---------------------------------------------------------------------------------------------
// dict views: instances of the builtin-looking classes dict_keys / dict_values / dict_items,
// payload = the dict value (live view).
// ---------------------------------------------------------------------------------------------

thread_local! {
    static VIEW_CLASSES: RefCell<Vec<Rc<Class>>> = RefCell::new(Vec::new());
}

fn view_kind_index(kind: &str) -> usize {
    match kind {
        "keys" => 0,
        "values" => 1,
        _ => 2,
    }
}

/// The payload dict of a view / dict-subclass instance.
fn payload_dict(v: &Value) -> PyResult<Rc<RefCell<Dict>>> {
    match v {
        Value::Dict(d) => Ok(d.clone()),
        Value::Instance(i) => match i.base_value.borrow().as_ref() {
            Some(Value::Dict(d)) => Ok(d.clone()),
            Some(other) => payload_dict(other),
            None => Err(type_error("expected a dict")),
        },
        _ => Err(type_error("expected a dict")),
    }
}

fn view_items(kind: usize, d: &Dict) -> Vec<Value> {
    match kind {
        0 => d.keys(),
        1 => d.values(),
        _ => d.iter().map(|(k, v)| tuple(vec![k.clone(), v.clone()])).collect(),
    }
}

fn view_kind_of(v: &Value) -> Option<usize> {
    if let Value::Instance(i) = v {
        let name = i.class.name.as_str();
        if i.class.module == "builtins" {
            return match name {
                "dict_keys" => Some(0),
                "dict_values" => Some(1),
                "dict_items" => Some(2),
                _ => None,
            };
        }
    }
    None
}

/// Elements of a set-like operand (views, sets, any iterable) for view set operations.
fn setlike_items(v: &Value) -> PyResult<Vec<Value>> {
    if let Some(k) = view_kind_of(v) {
        let d = payload_dict(v)?;
        let items = view_items(k, &d.borrow());
        return Ok(items);
    }
    to_vec(v)
}

fn view_method(kind: usize, name: &'static str) -> Value {
    let cname = ["dict_keys", "dict_values", "dict_items"][kind];
    crate::stdlib::native_func(&format!("{}.{}", cname, name), "builtins", move |pos, _kw| {
        let this = pos.get(0).cloned().unwrap_or(Value::None);
        let d = payload_dict(&this)?;
        let arg = pos.get(1).cloned();
        match name {
            "__iter__" => {
                let items = view_items(kind, &d.borrow());
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(items.into_iter())))))
            }
            "__reversed__" => {
                let mut items = view_items(kind, &d.borrow());
                items.reverse();
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(items.into_iter())))))
            }
            "__len__" => Ok(Value::Int(d.borrow().len() as i64)),
            "__bool__" => Ok(Value::Bool(d.borrow().len() > 0)),
            "__contains__" => {
                let x = arg.unwrap_or(Value::None);
                match kind {
                    0 => Ok(Value::Bool(d.borrow().contains(&x)?)),
                    1 => {
                        let vals = d.borrow().values();
                        for v in vals.iter() {
                            if py_eq(v, &x)? {
                                return Ok(Value::Bool(true));
                            }
                        }
                        Ok(Value::Bool(false))
                    }
                    _ => {
                        if let Value::Tuple(t) = &x {
                            if t.len() == 2 {
                                let got = d.borrow().get(&t[0])?;
                                if let Some(v) = got {
                                    return Ok(Value::Bool(py_eq(&v, &t[1])?));
                                }
                            }
                        }
                        Ok(Value::Bool(false))
                    }
                }
            }
            "__repr__" => {
                let items = view_items(kind, &d.borrow());
                let inner = repr(&list(items))?;
                let cname = ["dict_keys", "dict_values", "dict_items"][kind];
                Ok(Value::from(format!("{}({})", cname, inner)))
            }
            "__eq__" | "__ne__" => {
                let other = arg.unwrap_or(Value::None);
                let r = if kind == 1 {
                    crate::ops::is_(&this, &other)
                } else {
                    let ok = match &other {
                        Value::Set(_) | Value::FrozenSet(_) => true,
                        _ => view_kind_of(&other).map(|k| k != 1).unwrap_or(false),
                    };
                    if !ok {
                        return Ok(Value::NotImplemented);
                    }
                    let mine = crate::methods_util::set_value(Set::from_values(view_items(kind, &d.borrow()))?);
                    let theirs = crate::methods_util::set_value(Set::from_values(setlike_items(&other)?)?);
                    crate::ops::eq(&mine, &theirs)?
                };
                Ok(Value::Bool(if name == "__eq__" { r } else { !r }))
            }
            "__and__" | "__or__" | "__sub__" | "__xor__" | "__rand__" | "__ror__" | "__rsub__"
            | "__rxor__" => {
                if kind == 1 {
                    return Ok(Value::NotImplemented);
                }
                let other = arg.unwrap_or(Value::None);
                let mine = Set::from_values(view_items(kind, &d.borrow()))?;
                let theirs = match Set::from_values(setlike_items(&other)?) {
                    Ok(s) => s,
                    Err(e) => return Err(e),
                };
                let r = match name {
                    "__and__" | "__rand__" => mine.intersection(&theirs)?,
                    "__or__" | "__ror__" => mine.union(&theirs)?,
                    "__sub__" => mine.difference(&theirs)?,
                    "__rsub__" => theirs.difference(&mine)?,
                    _ => mine.symmetric_difference(&theirs)?,
                };
                Ok(set_value(r))
            }
            "isdisjoint" => {
                let other = arg.unwrap_or(Value::None);
                let mine = Set::from_values(view_items(kind, &d.borrow()))?;
                for x in to_vec(&other)? {
                    if mine.contains(&x)? {
                        return Ok(Value::Bool(false));
                    }
                }
                Ok(Value::Bool(true))
            }
            "__hash__" => Err(type_error(&format!(
                "unhashable type: '{}'",
                ["dict_keys", "dict_values", "dict_items"][kind]
            ))),
            _ => Err(type_error("bad view method")),
        }
    })
}

fn view_class(kind: usize) -> Rc<Class> {
    VIEW_CLASSES.with(|vc| {
        let mut vc = vc.borrow_mut();
        if vc.is_empty() {
            for (k, cname) in ["dict_keys", "dict_values", "dict_items"].iter().enumerate() {
                let mut attrs: Vec<(&'static str, Value)> = Vec::new();
                for m in [
                    "__iter__", "__reversed__", "__len__", "__bool__", "__contains__", "__repr__",
                    "__eq__", "__ne__", "__and__", "__or__", "__sub__", "__xor__", "__rand__",
                    "__ror__", "__rsub__", "__rxor__", "isdisjoint",
                ] {
                    if k == 1 && matches!(m, "__and__" | "__or__" | "__sub__" | "__xor__" | "__rand__" | "__ror__" | "__rsub__" | "__rxor__" | "isdisjoint") {
                        continue;
                    }
                    attrs.push((m, view_method(k, m)));
                }
                attrs.push(("__hash__", Value::None));
                vc.push(crate::stdlib::new_native_class(cname, "builtins", vec![], attrs));
            }
        }
        vc[kind].clone()
    })
}

/// `d.keys()` / `d.values()` / `d.items()` as a live view object.
pub fn make_view(kind: &str, dict: Value) -> Value {
    let cls = view_class(view_kind_index(kind));
    Value::Instance(Rc::new(Instance {
        class: cls,
        attrs: RefCell::new(Dict::new()),
        base_value: RefCell::new(Some(dict)),
    }))
}

// ---------------------------------------------------------------------------------------------
// set / frozenset
// ---------------------------------------------------------------------------------------------

pub const SET_METHODS: &[&str] = &[
    "add", "discard", "remove", "pop", "update", "union", "intersection", "difference",
    "symmetric_difference", "issubset", "issuperset", "isdisjoint", "copy", "clear",
    "intersection_update", "difference_update", "symmetric_difference_update", "__len__",
    "__contains__", "__iter__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
    "__or__", "__and__", "__sub__", "__xor__", "__repr__", "__str__",
];

pub const FROZENSET_METHODS: &[&str] = &[
    "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset",
    "isdisjoint", "copy", "__len__", "__contains__", "__iter__", "__eq__", "__ne__", "__lt__",
    "__le__", "__gt__", "__ge__", "__or__", "__and__", "__sub__", "__xor__", "__repr__",
    "__str__", "__hash__",
];

enum Other {
    S(Set),
    D(Vec<Value>),
    V(Vec<Value>),
}

fn other_of(v: &Value) -> PyResult<Other> {
    Ok(match v {
        Value::Set(s) => Other::S(s.borrow().copy()),
        Value::FrozenSet(s) => Other::S(s.copy()),
        Value::Dict(d) => Other::D(d.borrow().keys()),
        _ => Other::V(to_vec(v)?),
    })
}

fn other_as_set(v: &Value) -> PyResult<Set> {
    Ok(match other_of(v)? {
        Other::S(s) => s,
        Other::D(k) => {
            let mut s = Set::new();
            s.update_dict_keys(k)?;
            s
        }
        Other::V(items) => Set::from_values(items)?,
    })
}

fn set_union_into(r: &mut Set, o: &Value) -> PyResult<()> {
    match other_of(o)? {
        Other::S(s) => r.merge(&s),
        Other::D(k) => r.update_dict_keys(k),
        Other::V(v) => r.update_values(v),
    }
}

fn set_intersection(r: &Set, o: &Value) -> PyResult<Set> {
    match other_of(o)? {
        Other::S(s) => r.intersection(&s),
        Other::D(v) | Other::V(v) => r.intersection_values(v),
    }
}

fn set_difference(r: &Set, o: &Value) -> PyResult<Set> {
    match other_of(o)? {
        Other::S(s) => r.difference(&s),
        Other::D(k) => {
            let mut s = Set::new();
            s.update_dict_keys(k)?;
            r.difference(&s)
        }
        Other::V(v) => r.difference_values(v),
    }
}

/// Shared implementation for set and frozenset methods. `s` is a snapshot copy (for frozen
/// sets) or the live set; `mutable` gives access to the live set for mutating methods.
fn set_like_method(
    me: &Set,
    live: Option<&Rc<RefCell<Set>>>,
    frozen: bool,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let wrap = |s: Set| -> Value {
        if frozen {
            Value::FrozenSet(Rc::new(s))
        } else {
            set_value(s)
        }
    };
    let cls = if frozen { "frozenset" } else { "set" };
    match name {
        "union" => {
            no_kw(name, &kw)?;
            let mut r = me.copy();
            for o in pos.iter() {
                set_union_into(&mut r, o)?;
            }
            Ok(wrap(r))
        }
        "intersection" => {
            no_kw(name, &kw)?;
            let mut r = me.copy();
            for o in pos.iter() {
                r = set_intersection(&r, o)?;
            }
            Ok(wrap(r))
        }
        "difference" => {
            no_kw(name, &kw)?;
            if pos.is_empty() {
                return Ok(wrap(me.copy()));
            }
            let mut r = set_difference(me, &pos[0])?;
            for o in pos[1..].iter() {
                for x in to_vec(o)? {
                    r.remove(&x)?;
                }
            }
            Ok(wrap(r))
        }
        "symmetric_difference" => {
            let a = bind_args(name, pos, kw, &["other"], 1)?;
            let o = other_as_set(a[0].as_ref().unwrap())?;
            Ok(wrap(me.symmetric_difference(&o)?))
        }
        "issubset" => {
            let a = bind_args(name, pos, kw, &["other"], 1)?;
            let o = other_as_set(a[0].as_ref().unwrap())?;
            Ok(Value::Bool(me.is_subset(&o)?))
        }
        "issuperset" => {
            let a = bind_args(name, pos, kw, &["other"], 1)?;
            match other_of(a[0].as_ref().unwrap())? {
                Other::S(o) => Ok(Value::Bool(o.is_subset(me)?)),
                Other::D(v) | Other::V(v) => {
                    for x in v {
                        if !me.contains(&x)? {
                            return Ok(Value::Bool(false));
                        }
                    }
                    Ok(Value::Bool(true))
                }
            }
        }
        "isdisjoint" => {
            let a = bind_args(name, pos, kw, &["other"], 1)?;
            let v = match other_of(a[0].as_ref().unwrap())? {
                Other::S(o) => o.items(),
                Other::D(v) | Other::V(v) => v,
            };
            for x in v {
                if me.contains(&x)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }
        "copy" => {
            bind_args(name, pos, kw, &[], 0)?;
            if frozen {
                return Ok(recv.clone());
            }
            Ok(wrap(me.copy()))
        }
        _ => {
            let live = match live {
                Some(l) => l,
                None => return Err(no_such_method()),
            };
            match name {
                "add" => {
                    no_kw(name, &kw)?;
                    crate::methods_util::exactly_one_arg("set.add", &pos)?;
                    live.borrow_mut().insert(pos[0].clone())?;
                    Ok(Value::None)
                }
                "discard" | "remove" => {
                    no_kw(name, &kw)?;
                    if pos.len() != 1 {
                        return Err(type_error(&format!(
                            "{}.{}() takes exactly one argument ({} given)",
                            cls,
                            name,
                            pos.len()
                        )));
                    }
                    let key = match &pos[0] {
                        Value::Set(s) => Value::FrozenSet(Rc::new(s.borrow().copy())),
                        other => other.clone(),
                    };
                    let found = live.borrow_mut().remove(&key)?;
                    if !found && name == "remove" {
                        return Err(key_error(pos[0].clone()));
                    }
                    Ok(Value::None)
                }
                "pop" => {
                    bind_args(name, pos, kw, &[], 0)?;
                    let r = live.borrow_mut().pop();
                    match r {
                        Some(v) => Ok(v),
                        None => Err(key_error_msg("pop from an empty set")),
                    }
                }
                "clear" => {
                    bind_args(name, pos, kw, &[], 0)?;
                    live.borrow_mut().clear();
                    Ok(Value::None)
                }
                "update" => {
                    no_kw(name, &kw)?;
                    for o in pos.iter() {
                        match other_of(o)? {
                            Other::S(s) => live.borrow_mut().merge(&s)?,
                            Other::D(k) => live.borrow_mut().update_dict_keys(k)?,
                            Other::V(v) => live.borrow_mut().update_values(v)?,
                        }
                    }
                    Ok(Value::None)
                }
                "intersection_update" => {
                    no_kw(name, &kw)?;
                    let mut r = live.borrow().copy();
                    for o in pos.iter() {
                        r = set_intersection(&r, o)?;
                    }
                    *live.borrow_mut() = r;
                    Ok(Value::None)
                }
                "difference_update" => {
                    no_kw(name, &kw)?;
                    for o in pos.iter() {
                        let items = match other_of(o)? {
                            Other::S(s) => s.items(),
                            Other::D(v) | Other::V(v) => v,
                        };
                        let mut l = live.borrow_mut();
                        for x in items {
                            l.remove(&x)?;
                        }
                    }
                    Ok(Value::None)
                }
                "symmetric_difference_update" => {
                    let a = bind_args(name, pos, kw, &["other"], 1)?;
                    let o = other_as_set(a[0].as_ref().unwrap())?;
                    live.borrow_mut().symmetric_difference_update(&o)?;
                    Ok(Value::None)
                }
                _ => Err(no_such_method()),
            }
        }
    }
}

pub fn set_method(
    s: &Rc<RefCell<Set>>,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let r = if name.starts_with("__") {
        generic_dunder(recv, name, pos)
    } else {
        match name {
            "add" | "discard" | "remove" | "pop" | "clear" | "update" | "intersection_update"
            | "difference_update" | "symmetric_difference_update" => {
                set_like_method(&Set::new(), Some(s), false, recv, name, pos, kw)
            }
            _ => {
                let me = s.borrow();
                set_like_method(&me, Some(s), false, recv, name, pos, kw)
            }
        }
    };
    match r {
        Err(e) if crate::methods_str::is_no_such_method(&e) => None,
        r => Some(r),
    }
}

pub fn frozenset_method(
    s: &Rc<Set>,
    recv: &Value,
    name: &str,
    pos: Vec<Value>,
    kw: Vec<(String, Value)>,
) -> Option<PyResult<Value>> {
    let r = if name.starts_with("__") {
        generic_dunder(recv, name, pos)
    } else {
        set_like_method(s, None, true, recv, name, pos, kw)
    };
    match r {
        Err(e) if crate::methods_str::is_no_such_method(&e) => None,
        r => Some(r),
    }
}
