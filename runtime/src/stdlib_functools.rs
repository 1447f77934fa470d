//! The `functools` module (helper R2): reduce, partial, lru_cache/cache (with cache_info and
//! cache_clear), wraps/update_wrapper, cmp_to_key, total_ordering, cached_property.
use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins_iter::iter_of;
use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::{native_func, new_instance_with, new_module, new_native_class, payload};
use crate::value::*;

const MODNAME: &str = "functools";

thread_local! {
    static CLASSES: RefCell<Vec<(&'static str, Rc<Class>)>> = RefCell::new(Vec::new());
    static CACHE_INFO: RefCell<Option<Value>> = RefCell::new(None);
}

fn cached_class(name: &'static str, build: fn() -> Rc<Class>) -> Rc<Class> {
    if let Some(c) = CLASSES.with(|cs| cs.borrow().iter().find(|(n, _)| *n == name).map(|(_, c)| c.clone())) {
        return c;
    }
    let c = build();
    CLASSES.with(|cs| cs.borrow_mut().push((name, c.clone())));
    c
}

fn reduce(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("reduce", &kw)?;
    if pos.len() < 2 || pos.len() > 3 {
        return Err(type_error(&format!(
            "reduce expected at least 2 arguments, got {}",
            pos.len()
        )));
    }
    let f = pos[0].clone();
    let src = match iter_of(&pos[1]) {
        Ok(i) => i,
        Err(e) => {
            if e.is("TypeError") {
                return Err(type_error("reduce() arg 2 must support iteration"));
            }
            return Err(e);
        }
    };
    let mut acc = match pos.get(2) {
        Some(v) => v.clone(),
        None => match next_of(&src)? {
            Some(v) => v,
            None => return Err(type_error("reduce() of empty iterable with no initial value")),
        },
    };
    while let Some(v) = next_of(&src)? {
        acc = call(&f, vec![acc, v])?;
    }
    Ok(acc)
}

// ---------------------------------------------------------------------------------------------
// partial
// ---------------------------------------------------------------------------------------------

fn partial_class() -> Rc<Class> {
    cached_class("partial", build_partial)
}

fn inst_attr(v: &Value, name: &str) -> Value {
    if let Value::Instance(i) = v {
        if let Some(x) = i.attrs.borrow().get_str(name) {
            return x;
        }
    }
    Value::None
}

fn build_partial() -> Rc<Class> {
    let newf = native_func("partial.__new__", MODNAME, |pos, kw| {
        let mut it = pos.into_iter();
        let cls = it.next().unwrap_or(Value::None);
        let func = match it.next() {
            Some(f) => f,
            None => return Err(type_error("type 'partial' takes at least one argument")),
        };
        let mut args: Vec<Value> = it.collect();
        let mut kwd = Dict::new();
        let func = match &func {
            Value::Instance(i) if crate::classes::value_is_instance(&func, &partial_class()) => {
                // flatten nested partials
                let inner_args = match inst_attr(&func, "args") {
                    Value::Tuple(t) => t.to_vec(),
                    _ => vec![],
                };
                let mut a = inner_args;
                a.extend(args);
                args = a;
                if let Value::Dict(d) = inst_attr(&func, "keywords") {
                    for (k, v) in d.borrow().items() {
                        kwd.insert(k, v)?;
                    }
                }
                let _ = i;
                inst_attr(&func, "func")
            }
            _ => func.clone(),
        };
        if !is_callable(&func) {
            return Err(type_error("the first argument must be callable"));
        }
        for (k, v) in kw {
            kwd.set_str(&k, v);
        }
        let cls = match cls {
            Value::Class(c) => c,
            _ => partial_class(),
        };
        let inst = new_instance_with(&cls, Value::None);
        if let Value::Instance(i) = &inst {
            *i.base_value.borrow_mut() = None;
            let mut a = i.attrs.borrow_mut();
            a.set_str("func", func);
            a.set_str("args", tuple(args));
            a.set_str("keywords", dict_value(kwd));
        }
        Ok(inst)
    });
    let callf = native_func("partial.__call__", MODNAME, |pos, kw| {
        let me = pos.get(0).cloned().unwrap_or(Value::None);
        let func = inst_attr(&me, "func");
        let mut args = match inst_attr(&me, "args") {
            Value::Tuple(t) => t.to_vec(),
            _ => vec![],
        };
        args.extend(pos.into_iter().skip(1));
        let mut kws: Vec<(String, Value)> = match inst_attr(&me, "keywords") {
            Value::Dict(d) => d
                .borrow()
                .iter()
                .map(|(k, v)| (str_of(k).unwrap_or_default(), v.clone()))
                .collect(),
            _ => vec![],
        };
        for (k, v) in kw {
            if let Some(slot) = kws.iter_mut().find(|(n, _)| *n == k) {
                slot.1 = v;
            } else {
                kws.push((k, v));
            }
        }
        call_kw(&func, args, kws)
    });
    let reprf = native_func("partial.__repr__", MODNAME, |pos, _kw| {
        let me = pos.get(0).cloned().unwrap_or(Value::None);
        let mut parts = vec![repr(&inst_attr(&me, "func"))?];
        if let Value::Tuple(t) = inst_attr(&me, "args") {
            for a in t.iter() {
                parts.push(repr(a)?);
            }
        }
        if let Value::Dict(d) = inst_attr(&me, "keywords") {
            for (k, v) in d.borrow().items() {
                parts.push(format!("{}={}", str_of(&k)?, repr(&v)?));
            }
        }
        let cls = match &me {
            Value::Instance(i) => i.class.clone(),
            _ => partial_class(),
        };
        let qual = if cls.module == "functools" {
            format!("functools.{}", cls.qualname)
        } else {
            cls.qualname.clone()
        };
        Ok(Value::from(format!("{}({})", qual, parts.join(", "))))
    });
    let getf = native_func("partial.__get__", MODNAME, |pos, _kw| {
        // partial objects are not descriptors: return self
        Ok(pos.get(0).cloned().unwrap_or(Value::None))
    });
    let _ = getf;
    new_native_class(
        "partial",
        MODNAME,
        vec![],
        vec![
            ("__new__", Value::StaticMethod(Rc::new(newf))),
            ("__call__", callf),
            ("__repr__", reprf),
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// lru_cache / cache
// ---------------------------------------------------------------------------------------------

fn cache_info_class() -> PyResult<Value> {
    if let Some(c) = CACHE_INFO.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let nt = crate::stdlib_collections::module()?;
    let ntf = get_attr(&nt, "namedtuple")?;
    let c = call_kw(
        &ntf,
        vec![
            Value::from("CacheInfo"),
            list(vec![
                Value::from("hits"),
                Value::from("misses"),
                Value::from("maxsize"),
                Value::from("currsize"),
            ]),
        ],
        vec![("module".to_string(), Value::from("functools"))],
    )?;
    CACHE_INFO.with(|ci| *ci.borrow_mut() = Some(c.clone()));
    Ok(c)
}

struct LruState {
    cache: Dict,
    hits: i64,
    misses: i64,
    maxsize: Option<i64>,
}

fn make_key(args: &[Value], kw: &[(String, Value)]) -> Value {
    if kw.is_empty() && args.len() == 1 {
        match &args[0] {
            Value::Int(_) | Value::Str(_) => return args[0].clone(),
            _ => {}
        }
    }
    let mut k: Vec<Value> = args.to_vec();
    if !kw.is_empty() {
        k.push(Value::Str(Rc::from("\u{0}kwd_mark")));
        for (n, v) in kw {
            k.push(Value::from(n.as_str()));
            k.push(v.clone());
        }
    }
    tuple(k)
}

fn lru_wrap(func: Value, maxsize: Option<i64>) -> PyResult<Value> {
    let st = Rc::new(RefCell::new(LruState { cache: Dict::new(), hits: 0, misses: 0, maxsize }));
    let st_call = st.clone();
    let f2 = func.clone();
    let (name, qualname, module) = match &func {
        Value::Func(f) => (f.name.clone(), f.qualname.clone(), f.module.clone()),
        other => {
            let n = get_attr(other, "__name__").ok().and_then(|v| str_of(&v).ok()).unwrap_or_else(|| "wrapper".to_string());
            (n.clone(), n, "__main__".to_string())
        }
    };
    let wrapper = native_func(&qualname, &module, move |pos, kw| {
        let maxsize = st_call.borrow().maxsize;
        if maxsize == Some(0) {
            st_call.borrow_mut().misses += 1;
            return call_kw(&f2, pos, kw);
        }
        let key = make_key(&pos, &kw);
        let hit = st_call.borrow().cache.get(&key)?;
        if let Some(v) = hit {
            let mut s = st_call.borrow_mut();
            s.hits += 1;
            if s.maxsize.is_some() {
                // move to most-recently-used position
                if let Some(val) = s.cache.remove(&key)? {
                    s.cache.insert(key, val)?;
                }
            }
            return Ok(v);
        }
        st_call.borrow_mut().misses += 1;
        let r = call_kw(&f2, pos, kw)?;
        let mut s = st_call.borrow_mut();
        if s.cache.contains(&key)? {
            return Ok(r);
        }
        if let Some(m) = s.maxsize {
            if s.cache.len() as i64 >= m {
                if let Some((oldk, _)) = s.cache.nth_entry(0) {
                    s.cache.remove(&oldk)?;
                }
            }
        }
        s.cache.insert(key, r.clone())?;
        Ok(r)
    });
    if let Value::Func(wf) = &wrapper {
        let mut a = wf.attrs.borrow_mut();
        let st_info = st.clone();
        a.set_str(
            "cache_info",
            plain_fn("cache_info", move |_pos, _kw| {
                let ci = cache_info_class()?;
                let s = st_info.borrow();
                call(
                    &ci,
                    vec![
                        Value::Int(s.hits),
                        Value::Int(s.misses),
                        match s.maxsize {
                            Some(m) => Value::Int(m),
                            None => Value::None,
                        },
                        Value::Int(s.cache.len() as i64),
                    ],
                )
            }),
        );
        let st_clear = st.clone();
        a.set_str(
            "cache_clear",
            plain_fn("cache_clear", move |_pos, _kw| {
                let mut s = st_clear.borrow_mut();
                s.cache.clear();
                s.hits = 0;
                s.misses = 0;
                Ok(Value::None)
            }),
        );
        let st_params = st.clone();
        a.set_str(
            "cache_parameters",
            plain_fn("cache_parameters", move |_pos, _kw| {
                let s = st_params.borrow();
                let mut d = Dict::new();
                d.set_str("maxsize", match s.maxsize {
                    Some(m) => Value::Int(m),
                    None => Value::None,
                });
                d.set_str("typed", Value::Bool(false));
                Ok(dict_value(d))
            }),
        );
        a.set_str("__wrapped__", func.clone());
        a.set_str("__name__", Value::from(name.as_str()));
        a.set_str("__qualname__", Value::from(qualname.as_str()));
        if let Ok(doc) = get_attr(&func, "__doc__") {
            a.set_str("__doc__", doc);
        }
    }
    Ok(wrapper)
}

fn lru_cache(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("lru_cache", pos, kw, &["maxsize", "typed"], 0)?;
    let first = a[0].clone().unwrap_or(Value::Int(128));
    match &first {
        Value::Int(n) => {
            let m = Some((*n).max(0));
            Ok(plain_fn("decorating_function", move |pos, _kw| {
                let f = pos.into_iter().next().unwrap_or(Value::None);
                lru_wrap(f, m)
            }))
        }
        Value::Bool(b) => {
            let m = Some(*b as i64);
            Ok(plain_fn("decorating_function", move |pos, _kw| {
                let f = pos.into_iter().next().unwrap_or(Value::None);
                lru_wrap(f, m)
            }))
        }
        Value::None => Ok(plain_fn("decorating_function", |pos, _kw| {
            let f = pos.into_iter().next().unwrap_or(Value::None);
            lru_wrap(f, None)
        })),
        f if is_callable(f) => lru_wrap(f.clone(), Some(128)),
        _ => Err(type_error("Expected first argument to be an integer, a callable, or None")),
    }
}

// ---------------------------------------------------------------------------------------------
// wraps / update_wrapper
// ---------------------------------------------------------------------------------------------

const WRAPPER_ASSIGNMENTS: &[&str] = &["__module__", "__name__", "__qualname__", "__doc__"];

fn update_wrapper_impl(wrapper: &Value, wrapped: &Value) -> PyResult<Value> {
    for attr in WRAPPER_ASSIGNMENTS {
        if let Ok(v) = get_attr(wrapped, attr) {
            let _ = crate::object::setattr(wrapper, attr, v);
        }
    }
    // __dict__ update
    let src: Vec<(Value, Value)> = match wrapped {
        Value::Func(f) => f.attrs.borrow().items(),
        Value::Instance(i) => i.attrs.borrow().items(),
        _ => vec![],
    };
    for (k, v) in src {
        if let Value::Str(s) = &k {
            if WRAPPER_ASSIGNMENTS.contains(&&**s) {
                continue;
            }
            let _ = crate::object::setattr(wrapper, s, v);
        }
    }
    let _ = crate::object::setattr(wrapper, "__wrapped__", wrapped.clone());
    Ok(wrapper.clone())
}

fn wraps(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("wraps", pos, kw, &["wrapped", "assigned", "updated"], 1)?;
    let wrapped = a[0].clone().unwrap();
    Ok(plain_fn("decorator", move |pos, _kw| {
        let w = pos.into_iter().next().unwrap_or(Value::None);
        update_wrapper_impl(&w, &wrapped)
    }))
}

// ---------------------------------------------------------------------------------------------
// cmp_to_key
// ---------------------------------------------------------------------------------------------

fn key_class() -> Rc<Class> {
    cached_class("KeyWrapper", build_key_class)
}

fn key_parts(v: &Value) -> PyResult<(Value, Value)> {
    match payload(v) {
        Some(Value::Tuple(t)) if t.len() == 2 => Ok((t[0].clone(), t[1].clone())),
        _ => Err(type_error("other argument must be K instance")),
    }
}

fn key_cmp(pos: Vec<Value>, op: &'static str) -> PyResult<Value> {
    let me = pos.get(0).cloned().unwrap_or(Value::None);
    let other = pos.get(1).cloned().unwrap_or(Value::None);
    let (a, f) = key_parts(&me)?;
    let (b, _) = key_parts(&other)?;
    let r = call(&f, vec![a, b])?;
    let zero = Value::Int(0);
    let res = match op {
        "<" => crate::ops::lt(&r, &zero)?,
        ">" => crate::ops::gt(&r, &zero)?,
        "<=" => crate::ops::le(&r, &zero)?,
        ">=" => crate::ops::ge(&r, &zero)?,
        "==" => crate::ops::eq(&r, &zero)?,
        _ => crate::ops::ne(&r, &zero)?,
    };
    Ok(Value::Bool(res))
}

fn build_key_class() -> Rc<Class> {
    let m = |name: &str, op: &'static str| native_func(&format!("KeyWrapper.{}", name), MODNAME, move |pos, _kw| key_cmp(pos, op));
    new_native_class(
        "KeyWrapper",
        MODNAME,
        vec![],
        vec![
            ("__lt__", m("__lt__", "<")),
            ("__gt__", m("__gt__", ">")),
            ("__le__", m("__le__", "<=")),
            ("__ge__", m("__ge__", ">=")),
            ("__eq__", m("__eq__", "==")),
            ("__ne__", m("__ne__", "!=")),
            ("__hash__", Value::None),
            (
                "obj",
                Value::Property(Rc::new((
                    native_func("KeyWrapper.obj", MODNAME, |pos, _kw| {
                        let me = pos.get(0).cloned().unwrap_or(Value::None);
                        Ok(key_parts(&me)?.0)
                    }),
                    Value::None,
                    Value::None,
                ))),
            ),
        ],
    )
}

fn cmp_to_key(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("cmp_to_key", pos, kw, &["mycmp"], 1)?;
    let f = a[0].clone().unwrap();
    Ok(plain_fn("K", move |pos, _kw| {
        if pos.len() != 1 {
            return Err(type_error(&format!(
                "K() takes exactly 1 argument ({} given)",
                pos.len()
            )));
        }
        Ok(new_instance_with(&key_class(), tuple(vec![pos[0].clone(), f.clone()])))
    }))
}

// ---------------------------------------------------------------------------------------------
// total_ordering
// ---------------------------------------------------------------------------------------------

fn derived(root: &'static str, target: &'static str) -> Value {
    native_func(&format!("total_ordering.{}", target), MODNAME, move |pos, _kw| {
        let me = pos.get(0).cloned().unwrap_or(Value::None);
        let other = pos.get(1).cloned().unwrap_or(Value::None);
        let cls = crate::classes::type_of(&me);
        let f = match crate::classes::lookup_class_attr(&cls, root) {
            Some(f) => f,
            None => return Ok(Value::NotImplemented),
        };
        let r = crate::object::call_bound(&f, &me, vec![other.clone()])?;
        if matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        let t = truthy(&r)?;
        let res = match (root, target) {
            ("__lt__", "__gt__") => !t && !crate::ops::eq(&me, &other)?,
            ("__lt__", "__le__") => t || crate::ops::eq(&me, &other)?,
            ("__lt__", "__ge__") => !t,
            ("__le__", "__ge__") => !t || crate::ops::eq(&me, &other)?,
            ("__le__", "__lt__") => t && !crate::ops::eq(&me, &other)?,
            ("__le__", "__gt__") => !t,
            ("__gt__", "__lt__") => !t && !crate::ops::eq(&me, &other)?,
            ("__gt__", "__ge__") => t || crate::ops::eq(&me, &other)?,
            ("__gt__", "__le__") => !t,
            ("__ge__", "__le__") => !t || crate::ops::eq(&me, &other)?,
            ("__ge__", "__gt__") => t && !crate::ops::eq(&me, &other)?,
            ("__ge__", "__lt__") => !t,
            _ => t,
        };
        Ok(Value::Bool(res))
    })
}

fn total_ordering(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("total_ordering", pos, kw, &["cls"], 1)?;
    let clsv = a[0].clone().unwrap();
    let cls = match &clsv {
        Value::Class(c) => c.clone(),
        _ => return Err(type_error("total_ordering requires a class")),
    };
    let ops: [&'static str; 4] = ["__lt__", "__le__", "__gt__", "__ge__"];
    let roots: Vec<&'static str> = ops
        .iter()
        .cloned()
        .filter(|op| {
            crate::classes::mro_of(&cls)
                .iter()
                .filter(|c| c.builtin != Some("object"))
                .any(|c| c.attrs.borrow().get_str(op).is_some())
        })
        .collect();
    if roots.is_empty() {
        return Err(value_error("must define at least one ordering operation: < > <= >="));
    }
    let root = *roots.iter().max().unwrap();
    let targets: &[&'static str] = match root {
        "__lt__" => &["__gt__", "__le__", "__ge__"],
        "__le__" => &["__ge__", "__lt__", "__gt__"],
        "__gt__" => &["__lt__", "__ge__", "__le__"],
        _ => &["__le__", "__gt__", "__lt__"],
    };
    for t in targets {
        if !roots.contains(t) {
            cls.attrs.borrow_mut().set_str(t, derived(root, t));
        }
    }
    Ok(clsv)
}

// ---------------------------------------------------------------------------------------------
// cached_property
// ---------------------------------------------------------------------------------------------

fn cached_property_class() -> Rc<Class> {
    cached_class("cached_property", build_cached_property)
}

fn build_cached_property() -> Rc<Class> {
    let init = native_func("cached_property.__init__", MODNAME, |pos, _kw| {
        let me = pos.get(0).cloned().unwrap_or(Value::None);
        let f = pos.get(1).cloned().unwrap_or(Value::None);
        if let Value::Instance(i) = &me {
            let mut a = i.attrs.borrow_mut();
            a.set_str("func", f.clone());
            let n = get_attr(&f, "__name__").unwrap_or(Value::None);
            a.set_str("attrname", n);
        }
        Ok(Value::None)
    });
    let set_name = native_func("cached_property.__set_name__", MODNAME, |pos, _kw| {
        let me = pos.get(0).cloned().unwrap_or(Value::None);
        if let (Value::Instance(i), Some(n)) = (&me, pos.get(2)) {
            i.attrs.borrow_mut().set_str("attrname", n.clone());
        }
        Ok(Value::None)
    });
    let get = native_func("cached_property.__get__", MODNAME, |pos, _kw| {
        let me = pos.get(0).cloned().unwrap_or(Value::None);
        let inst = pos.get(1).cloned().unwrap_or(Value::None);
        if matches!(inst, Value::None) {
            return Ok(me);
        }
        let f = inst_attr(&me, "func");
        let name = match inst_attr(&me, "attrname") {
            Value::Str(s) => s.to_string(),
            _ => return Err(type_error("Cannot use cached_property instance without calling __set_name__ on it.")),
        };
        if let Value::Instance(i) = &inst {
            if let Some(v) = i.attrs.borrow().get_str(&name) {
                return Ok(v);
            }
        }
        let v = call(&f, vec![inst.clone()])?;
        if let Value::Instance(i) = &inst {
            i.attrs.borrow_mut().set_str(&name, v.clone());
        }
        Ok(v)
    });
    new_native_class(
        "cached_property",
        MODNAME,
        vec![],
        vec![("__init__", init), ("__set_name__", set_name), ("__get__", get)],
    )
}

pub fn module() -> PyResult<Value> {
    Ok(new_module(
        "functools",
        vec![
            ("reduce", plain_fn("reduce", reduce)),
            ("partial", Value::Class(partial_class())),
            ("lru_cache", plain_fn("lru_cache", lru_cache)),
            (
                "cache",
                plain_fn("cache", |pos, _kw| {
                    let f = pos.into_iter().next().unwrap_or(Value::None);
                    lru_wrap(f, None)
                }),
            ),
            ("wraps", plain_fn("wraps", wraps)),
            (
                "update_wrapper",
                plain_fn("update_wrapper", |pos, kw| {
                    let a = bind_args("update_wrapper", pos, kw, &["wrapper", "wrapped", "assigned", "updated"], 2)?;
                    update_wrapper_impl(a[0].as_ref().unwrap(), a[1].as_ref().unwrap())
                }),
            ),
            ("cmp_to_key", plain_fn("cmp_to_key", cmp_to_key)),
            ("total_ordering", plain_fn("total_ordering", total_ordering)),
            ("cached_property", Value::Class(cached_property_class())),
            ("WRAPPER_ASSIGNMENTS", tuple(WRAPPER_ASSIGNMENTS.iter().map(|s| Value::from(*s)).collect())),
            ("WRAPPER_UPDATES", tuple(vec![Value::from("__dict__")])),
        ],
    ))
}
