//! The `enum` module (helper R2): Enum, IntEnum, StrEnum, auto, unique.
//! Members are created by `Enum.__init_subclass__` when a subclass is defined: every public,
//! non-function class attribute becomes an instance of the class with `_name_`/`_value_`
//! (IntEnum/StrEnum members also carry the int/str payload). Class-level protocols
//! (`for m in Color`, `len(Color)`, `x in Color`, `Color[name]`, `repr(Color)`) are the classmethods
//! `__class_iter__`, `__class_len__`, `__class_contains__`, `__class_getitem__`, `__class_repr__`.
use std::cell::RefCell;
use std::rc::Rc;

use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::{native_func, new_module, new_native_class};
use crate::value::*;

const MODNAME: &str = "enum";

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

fn cls_of(v: &Value) -> PyResult<Rc<Class>> {
    match v {
        Value::Class(c) => Ok(c.clone()),
        _ => Err(type_error("expected an enum class")),
    }
}

fn own_attr(c: &Rc<Class>, name: &str) -> Option<Value> {
    c.attrs.borrow().get_str(name)
}

fn member_names(c: &Rc<Class>) -> Vec<Value> {
    match own_attr(c, "_member_names_") {
        Some(Value::List(l)) => l.borrow().clone(),
        _ => vec![],
    }
}

fn members(c: &Rc<Class>) -> Vec<Value> {
    let map = match own_attr(c, "_member_map_") {
        Some(Value::Dict(d)) => d,
        _ => return vec![],
    };
    let names = member_names(c);
    let m = map.borrow();
    names.iter().filter_map(|n| m.get(n).ok().flatten()).collect()
}

fn inst_attr(v: &Value, name: &str) -> Value {
    if let Value::Instance(i) = v {
        if let Some(x) = i.attrs.borrow().get_str(name) {
            return x;
        }
    }
    Value::None
}

fn is_enum_class(c: &Rc<Class>) -> bool {
    crate::classes::is_subclass(c, &enum_class())
}

pub fn enum_class() -> Rc<Class> {
    cached_class("Enum", build_enum)
}

fn auto_class() -> Rc<Class> {
    cached_class("auto", || {
        new_native_class(
            "auto",
            MODNAME,
            vec![],
            vec![
                (
                    "__repr__",
                    native_func("auto.__repr__", MODNAME, |_pos, _kw| Ok(Value::from("auto()"))),
                ),
                // `WHITE = RED | GREEN` in a class body: a deferred expression resolved with the members
                ("__or__", native_func("auto.__or__", MODNAME, |p, _| Ok(auto_expr("|", &p, false)))),
                ("__ror__", native_func("auto.__ror__", MODNAME, |p, _| Ok(auto_expr("|", &p, true)))),
                ("__and__", native_func("auto.__and__", MODNAME, |p, _| Ok(auto_expr("&", &p, false)))),
                ("__rand__", native_func("auto.__rand__", MODNAME, |p, _| Ok(auto_expr("&", &p, true)))),
                ("__xor__", native_func("auto.__xor__", MODNAME, |p, _| Ok(auto_expr("^", &p, false)))),
                ("__rxor__", native_func("auto.__rxor__", MODNAME, |p, _| Ok(auto_expr("^", &p, true)))),
            ],
        )
    })
}

fn auto_expr(op: &str, p: &[Value], rev: bool) -> Value {
    let a = p.get(0).cloned().unwrap_or(Value::None);
    let b = p.get(1).cloned().unwrap_or(Value::None);
    let (l, r) = if rev { (b, a) } else { (a, b) };
    let e = Value::Instance(Rc::new(Instance {
        class: auto_class(),
        attrs: RefCell::new(Dict::new()),
        base_value: RefCell::new(None),
    }));
    if let Value::Instance(i) = &e {
        let mut at = i.attrs.borrow_mut();
        at.set_str("_op", Value::from(op));
        at.set_str("_l", l);
        at.set_str("_r", r);
    }
    e
}

/// Value of an auto() operand: a resolved auto member value, a deferred expression, or a constant.
fn resolve_auto(v: &Value, resolved: &[(Value, Value)]) -> PyResult<Value> {
    if let Value::Instance(i) = v {
        if crate::classes::class_is(&i.class, &auto_class()) {
            if let Some((_, r)) = resolved.iter().find(|(a, _)| crate::ops::is_(a, v)) {
                return Ok(r.clone());
            }
            let op = i.attrs.borrow().get_str("_op");
            if let Some(op) = op {
                let l = resolve_auto(&inst_attr(v, "_l"), resolved)?;
                let r = resolve_auto(&inst_attr(v, "_r"), resolved)?;
                return match str_of(&op)?.as_str() {
                    "|" => crate::ops::bitor(&l, &r),
                    "&" => crate::ops::bitand(&l, &r),
                    _ => crate::ops::bitxor(&l, &r),
                };
            }
            return Err(value_error("auto() value used before it was assigned"));
        }
        if let Value::Int(_) = inst_attr(v, "_value_") {
            return Ok(inst_attr(v, "_value_"));
        }
    }
    Ok(v.clone())
}

fn is_descriptor_like(v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::StaticMethod(_) | Value::ClassMethod(_) | Value::Property(_) | Value::Builtin(_) => true,
        Value::Instance(i) => crate::classes::lookup_class_attr(&i.class, "__get__").is_some(),
        _ => false,
    }
}

/// Build the members of a freshly defined Enum subclass.
fn init_members(cls: &Rc<Class>) -> PyResult<()> {
    let items: Vec<(Value, Value)> = cls.attrs.borrow().items();
    let base = crate::classes::builtin_base(cls);
    let str_like = base == Some("str");
    let mut names: Vec<Value> = Vec::new();
    let mut map = Dict::new();
    let mut v2m = Dict::new();
    let mut values_seen: Vec<(Value, Value)> = Vec::new(); // (value, member) for unhashable lookups
    let mut last_int: Option<Value> = None;
    let mut auto_resolved: Vec<(Value, Value)> = Vec::new();
    let mut count = 0i64;
    let user_init = match crate::classes::lookup_class_attr(cls, "__init__") {
        Some(f @ Value::Func(_)) => {
            // only a user-defined __init__ (not one of ours)
            match &f {
                Value::Func(func) if func.module != MODNAME => Some(f.clone()),
                _ => None,
            }
        }
        _ => None,
    };
    let gen_next = crate::classes::lookup_class_attr(cls, "_generate_next_value_");
    for (k, raw) in items {
        let name = match &k {
            Value::Str(s) => s.to_string(),
            _ => continue,
        };
        if name.starts_with('_') || is_descriptor_like(&raw) {
            continue;
        }
        if let Value::Class(_) = raw {
            continue;
        }
        let is_auto = match &raw {
            Value::Instance(i) => crate::classes::class_is(&i.class, &auto_class()),
            _ => false,
        };
        let is_auto_expr = is_auto && matches!(&raw, Value::Instance(i) if i.attrs.borrow().get_str("_op").is_some());
        let value = if is_auto_expr {
            resolve_auto(&raw, &auto_resolved)?
        } else if is_auto {
            match &gen_next {
                Some(f) if !matches!(f, Value::Func(ff) if ff.module == MODNAME) => {
                    let last: Vec<Value> = values_seen.iter().map(|(v, _)| v.clone()).collect();
                    let f = match f {
                        Value::StaticMethod(g) => (**g).clone(),
                        other => other.clone(),
                    };
                    call(&f, vec![Value::from(name.as_str()), Value::Int(1), Value::Int(count), list(last)])?
                }
                _ => {
                    if str_like {
                        Value::from(crate::methods_str::py_lower(&name))
                    } else if is_flag_class(cls) {
                        // next power of two above the largest value so far
                        let mut hi = 0i64;
                        for (v, _) in values_seen.iter() {
                            if let Value::Int(i) = v {
                                hi = hi.max(*i);
                            }
                        }
                        if hi <= 0 {
                            Value::Int(1)
                        } else {
                            Value::Int(1i64 << (64 - (hi as u64).leading_zeros()))
                        }
                    } else {
                        match &last_int {
                            None => Value::Int(1),
                            Some(v) => crate::ops::add(v, &Value::Int(1))?,
                        }
                    }
                }
            }
        } else {
            raw.clone()
        };
        count += 1;
        if is_auto && !is_auto_expr {
            auto_resolved.push((raw.clone(), value.clone()));
        }
        if matches!(value, Value::Int(_) | Value::BigInt(_)) {
            last_int = Some(value.clone());
        }
        // alias?
        let mut existing: Option<Value> = None;
        for (v, mem) in values_seen.iter() {
            if crate::ops::eq(v, &value)? {
                existing = Some(mem.clone());
                break;
            }
        }
        if let Some(mem) = existing {
            map.set_str(&name, mem.clone());
            cls.attrs.borrow_mut().set_str(&name, mem);
            continue;
        }
        let payload = match base {
            Some("int") => Some(match &value {
                Value::Int(_) | Value::BigInt(_) => value.clone(),
                other => crate::builtins::call_builtin("int", vec![other.clone()], vec![])?,
            }),
            Some("str") => Some(match &value {
                Value::Str(_) => value.clone(),
                other => Value::from(str_of(other)?),
            }),
            Some("float") => Some(crate::builtins::call_builtin("float", vec![value.clone()], vec![])?),
            _ => None,
        };
        let member = Value::Instance(Rc::new(Instance {
            class: cls.clone(),
            attrs: RefCell::new(Dict::new()),
            base_value: RefCell::new(payload),
        }));
        if let Value::Instance(i) = &member {
            let mut a = i.attrs.borrow_mut();
            a.set_str("_name_", Value::from(name.as_str()));
            a.set_str("_value_", value.clone());
        }
        if let Some(init) = &user_init {
            let args = match &value {
                Value::Tuple(t) => t.to_vec(),
                other => vec![other.clone()],
            };
            crate::object::call_bound(init, &member, args)?;
        }
        cls.attrs.borrow_mut().set_str(&name, member.clone());
        names.push(Value::from(name.as_str()));
        map.set_str(&name, member.clone());
        if crate::hash::py_hash(&value).is_ok() {
            v2m.insert(value.clone(), member.clone())?;
        }
        values_seen.push((value, member));
    }
    let mut a = cls.attrs.borrow_mut();
    a.set_str("_member_names_", list(names));
    a.set_str("__members__", dict_value(map.clone()));
    a.set_str("_member_map_", dict_value(map));
    a.set_str("_value2member_map_", dict_value(v2m));
    Ok(())
}

fn lookup_value(cls: &Rc<Class>, value: &Value) -> PyResult<Option<Value>> {
    if let Value::Instance(i) = value {
        if crate::classes::class_is(&i.class, cls) {
            return Ok(Some(value.clone()));
        }
    }
    if let Some(Value::Dict(d)) = own_attr(cls, "_value2member_map_") {
        if crate::hash::py_hash(value).is_ok() {
            if let Some(m) = d.borrow().get(value)? {
                return Ok(Some(m));
            }
        }
    }
    for m in members(cls) {
        if crate::ops::eq(&inst_attr(&m, "_value_"), value)? {
            return Ok(Some(m));
        }
    }
    Ok(None)
}

/// Functional API: Enum('Color', 'RED GREEN') / Enum('Color', ['RED', ...]) / pairs / dict.
fn functional(base: &Rc<Class>, name: &Value, spec: &Value, start: i64) -> PyResult<Value> {
    let cname = str_of(name)?;
    let mut attrs: Vec<(String, Value)> = Vec::new();
    match spec {
        Value::Str(s) => {
            for (i, n) in s.replace(',', " ").split_whitespace().enumerate() {
                attrs.push((n.to_string(), Value::Int(start + i as i64)));
            }
        }
        Value::Dict(d) => {
            for (k, v) in d.borrow().items() {
                attrs.push((str_of(&k)?, v));
            }
        }
        other => {
            for (i, it) in to_vec(other)?.into_iter().enumerate() {
                match &it {
                    Value::Str(s) => attrs.push((s.to_string(), Value::Int(start + i as i64))),
                    _ => {
                        let pair = to_vec(&it)?;
                        if pair.len() != 2 {
                            return Err(type_error("invalid enum member specification"));
                        }
                        attrs.push((str_of(&pair[0])?, pair[1].clone()));
                    }
                }
            }
        }
    }
    let module = {
        let f = crate::object::make_function("_", "_", vec![], Rc::new(|_a| Ok(Value::None)));
        match f {
            Value::Func(f) => f.module.clone(),
            _ => "__main__".to_string(),
        }
    };
    crate::classes::make_class(&cname, &cname, &module, vec![Value::Class(base.clone())], attrs)
}

fn m<F>(name: &str, f: F) -> Value
where
    F: Fn(Vec<Value>, Vec<(String, Value)>) -> PyResult<Value> + 'static,
{
    native_func(&format!("Enum.{}", name), MODNAME, f)
}

fn cm<F>(name: &str, f: F) -> Value
where
    F: Fn(Vec<Value>, Vec<(String, Value)>) -> PyResult<Value> + 'static,
{
    Value::ClassMethod(Rc::new(m(name, f)))
}

fn member_str(me: &Value) -> PyResult<String> {
    let cls = crate::classes::type_of(me);
    Ok(format!("{}.{}", cls.name, str_of(&inst_attr(me, "_name_"))?))
}

fn build_enum() -> Rc<Class> {
    let attrs: Vec<(&str, Value)> = vec![
        (
            "__init_subclass__",
            cm("__init_subclass__", |pos, _kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                init_members(&cls)?;
                Ok(Value::None)
            }),
        ),
        (
            "__new__",
            Value::StaticMethod(Rc::new(m("__new__", |pos, kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                if pos.len() >= 3 || (pos.len() == 2 && !kw.is_empty() && member_names(&cls).is_empty()) {
                    // functional API
                    let mut start = 1;
                    for (k, v) in kw.iter() {
                        if k == "start" {
                            start = as_index(v)?;
                        }
                    }
                    return functional(&cls, &pos[1], pos.get(2).unwrap_or(&Value::None), start);
                }
                let value = match pos.get(1) {
                    Some(v) => v.clone(),
                    None => return Err(type_error(&format!("{}() missing 1 required positional argument: 'value'", cls.name))),
                };
                if member_names(&cls).is_empty() && own_attr(&cls, "_member_map_").is_none() {
                    return Err(type_error(&format!("{}() takes no members", cls.name)));
                }
                if let Some(mem) = lookup_value(&cls, &value)? {
                    return Ok(mem);
                }
                if is_flag_class(&cls) {
                    if let Value::Int(v) = value {
                        return flag_member(&cls, v);
                    }
                }
                if let Some(f) = crate::classes::lookup_class_attr(&cls, "_missing_") {
                    let f = match f {
                        Value::ClassMethod(g) => (*g).clone(),
                        Value::StaticMethod(g) => (*g).clone(),
                        other => other,
                    };
                    let ours = matches!(&f, Value::Func(ff) if ff.module == MODNAME);
                    if !ours {
                        let r = call(&f, vec![Value::Class(cls.clone()), value.clone()])?;
                        if !matches!(r, Value::None) {
                            return Ok(r);
                        }
                    }
                }
                Err(value_error(&format!("{} is not a valid {}", repr(&value)?, cls.qualname)))
            }))),
        ),
        (
            "__class_getitem__",
            cm("__class_getitem__", |pos, _kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                let key = pos.get(1).cloned().unwrap_or(Value::None);
                if let Some(Value::Dict(d)) = own_attr(&cls, "_member_map_") {
                    if let Some(mm) = d.borrow().get(&key)? {
                        return Ok(mm);
                    }
                }
                Err(key_error(key))
            }),
        ),
        (
            "__class_iter__",
            cm("__class_iter__", |pos, _kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(members(&cls).into_iter())))))
            }),
        ),
        (
            "__class_reversed__",
            cm("__class_reversed__", |pos, _kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                let mut v = members(&cls);
                v.reverse();
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(v.into_iter())))))
            }),
        ),
        (
            "__class_len__",
            cm("__class_len__", |pos, _kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                Ok(Value::Int(member_names(&cls).len() as i64))
            }),
        ),
        (
            "__class_contains__",
            cm("__class_contains__", |pos, _kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                let x = pos.get(1).cloned().unwrap_or(Value::None);
                if let Value::Instance(i) = &x {
                    if crate::classes::is_subclass(&i.class, &cls) {
                        return Ok(Value::Bool(true));
                    }
                    return Ok(Value::Bool(false));
                }
                // 3.11: non-member raises TypeError
                Err(type_error(&format!(
                    "unsupported operand type(s) for 'in': '{}' and 'EnumType'",
                    type_name(&x)
                )))
            }),
        ),
        (
            "__class_repr__",
            cm("__class_repr__", |pos, _kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                Ok(Value::from(format!("<enum '{}'>", cls.name)))
            }),
        ),
        (
            "__repr__",
            m("__repr__", |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                let cls = crate::classes::type_of(&me);
                let v = inst_attr(&me, "_value_");
                Ok(Value::from(format!(
                    "<{}.{}: {}>",
                    cls.name,
                    str_of(&inst_attr(&me, "_name_"))?,
                    repr(&v)?
                )))
            }),
        ),
        (
            "__str__",
            m("__str__", |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                Ok(Value::from(member_str(&me)?))
            }),
        ),
        (
            "__format__",
            m("__format__", |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                let spec = match pos.get(1) {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                let s = str_of(&me)?;
                crate::repr::format_value(&Value::from(s), &spec).map(Value::from)
            }),
        ),
        (
            "__hash__",
            m("__hash__", |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                Ok(Value::Int(crate::hash::py_hash(&inst_attr(&me, "_name_"))?))
            }),
        ),
        (
            "__reduce_ex__",
            m("__reduce_ex__", |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                Ok(tuple(vec![Value::Class(crate::classes::type_of(&me)), tuple(vec![inst_attr(&me, "_value_")])]))
            }),
        ),
        (
            "name",
            Value::Property(Rc::new((
                m("name", |pos, _kw| Ok(inst_attr(pos.get(0).unwrap_or(&Value::None), "_name_"))),
                Value::None,
                Value::None,
            ))),
        ),
        (
            "value",
            Value::Property(Rc::new((
                m("value", |pos, _kw| Ok(inst_attr(pos.get(0).unwrap_or(&Value::None), "_value_"))),
                Value::None,
                Value::None,
            ))),
        ),
        (
            "_missing_",
            cm("_missing_", |_pos, _kw| Ok(Value::None)),
        ),
        (
            "_generate_next_value_",
            m("_generate_next_value_", |_pos, _kw| Ok(Value::None)),
        ),
    ];
    new_native_class("Enum", MODNAME, vec![], attrs)
}

fn mixed_enum(name: &'static str, base: &'static str) -> Rc<Class> {
    let bcls = Value::Class(crate::classes::builtin_class(base));
    let mut attrs: Vec<(&str, Value)> = vec![(
        "__str__",
        native_func(&format!("{}.__str__", name), MODNAME, |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            match &me {
                Value::Instance(i) => match i.base_value.borrow().clone() {
                    Some(p) => Ok(Value::from(crate::repr::to_str(&p)?)),
                    None => Ok(Value::from(member_str(&me)?)),
                },
                _ => Ok(Value::None),
            }
        }),
    )];
    attrs.push((
        "__format__",
        native_func(&format!("{}.__format__", name), MODNAME, |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let spec = match pos.get(1) {
                Some(Value::Str(s)) => s.to_string(),
                _ => String::new(),
            };
            let p = match &me {
                Value::Instance(i) => i.base_value.borrow().clone().unwrap_or(Value::None),
                _ => Value::None,
            };
            crate::repr::format_value(&p, &spec).map(Value::from)
        }),
    ));
    attrs.push((
        "__hash__",
        native_func(&format!("{}.__hash__", name), MODNAME, |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let p = match &me {
                Value::Instance(i) => i.base_value.borrow().clone().unwrap_or(Value::None),
                _ => Value::None,
            };
            Ok(Value::Int(crate::hash::py_hash(&p)?))
        }),
    ));
    new_native_class(name, MODNAME, vec![bcls, Value::Class(enum_class())], attrs)
}

fn unique(pos: Vec<Value>, _kw: Vec<(String, Value)>) -> PyResult<Value> {
    let clsv = pos.into_iter().next().unwrap_or(Value::None);
    let cls = cls_of(&clsv)?;
    if let Some(Value::Dict(d)) = own_attr(&cls, "_member_map_") {
        let mut dups = Vec::new();
        for (k, v) in d.borrow().items() {
            let canon = inst_attr(&v, "_name_");
            if !crate::ops::eq(&canon, &k)? {
                dups.push(format!("{} -> {}", str_of(&k)?, str_of(&canon)?));
            }
        }
        if !dups.is_empty() {
            return Err(value_error(&format!(
                "duplicate values found in <enum '{}'>: {}",
                cls.name,
                dups.join(", ")
            )));
        }
    }
    Ok(clsv)
}

pub fn module() -> PyResult<Value> {
    let enum_cls = enum_class();
    let int_enum = cached_class("IntEnum", || mixed_enum("IntEnum", "int"));
    let str_enum = cached_class("StrEnum", || mixed_enum("StrEnum", "str"));
    let _ = is_enum_class(&enum_cls);
    Ok(new_module(
        "enum",
        vec![
            ("Enum", Value::Class(enum_cls.clone())),
            ("IntEnum", Value::Class(int_enum)),
            ("StrEnum", Value::Class(str_enum)),
            ("Flag", Value::Class(flag_class())),
            ("IntFlag", Value::Class(cached_class("IntFlag", build_int_flag))),
            ("EnumMeta", Value::Class(crate::classes::builtin_class("type"))),
            ("EnumType", Value::Class(crate::classes::builtin_class("type"))),
            ("auto", Value::Class(auto_class())),
            ("unique", plain_fn("unique", unique)),
        ],
    ))
}

// ---------------------------------------------------------------------------------------------
// Flag / IntFlag
// ---------------------------------------------------------------------------------------------

/// Is `cls` (a subclass of) enum.Flag? (by MRO name: also true while Flag itself is built)
fn is_flag_class(cls: &Rc<Class>) -> bool {
    crate::classes::mro_of(cls).iter().any(|c| c.name == "Flag" && c.module == MODNAME)
}

fn is_int_flag(cls: &Rc<Class>) -> bool {
    crate::classes::mro_of(cls).iter().any(|c| c.name == "IntFlag" && c.module == MODNAME)
}

pub fn flag_class() -> Rc<Class> {
    cached_class("Flag", build_flag)
}

fn flag_value(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Instance(_) => match inst_attr(v, "_value_") {
            Value::Int(i) => Ok(i),
            _ => Err(type_error("flag value must be an int")),
        },
        _ => Err(type_error("flag value must be an int")),
    }
}

/// Canonical (single-bit) members in definition order.
fn canonical(cls: &Rc<Class>) -> Vec<(i64, Value)> {
    members(cls)
        .into_iter()
        .filter_map(|m| match inst_attr(&m, "_value_") {
            Value::Int(i) if i > 0 && (i & (i - 1)) == 0 => Some((i, m)),
            _ => None,
        })
        .collect()
}

fn all_bits(cls: &Rc<Class>) -> i64 {
    canonical(cls).iter().fold(0, |a, (v, _)| a | v)
}

/// The member for `value`: an existing one, or a cached pseudo-member named `A|B`.
fn flag_member(cls: &Rc<Class>, value: i64) -> PyResult<Value> {
    if let Some(m) = lookup_value(cls, &Value::Int(value))? {
        return Ok(m);
    }
    let canon = canonical(cls);
    let all = canon.iter().fold(0, |a, (v, _)| a | v);
    let int_flag = is_int_flag(cls);
    if value < 0 || (value & !all != 0 && !int_flag) {
        return Err(value_error(&format!("{} is not a valid {}", value, cls.qualname)));
    }
    let mut names: Vec<String> = Vec::new();
    for (v, m) in canon.iter() {
        if value & v != 0 {
            names.push(str_of(&inst_attr(m, "_name_"))?);
        }
    }
    let name = if value == 0 { Value::None } else { Value::from(names.join("|")) };
    let member = Value::Instance(Rc::new(Instance {
        class: cls.clone(),
        attrs: RefCell::new(Dict::new()),
        base_value: RefCell::new(if int_flag { Some(Value::Int(value)) } else { None }),
    }));
    if let Value::Instance(i) = &member {
        let mut a = i.attrs.borrow_mut();
        a.set_str("_name_", name);
        a.set_str("_value_", Value::Int(value));
    }
    if let Some(Value::Dict(d)) = own_attr(cls, "_value2member_map_") {
        d.borrow_mut().insert(Value::Int(value), member.clone())?;
    }
    Ok(member)
}

/// `A|B` text of a member (unknown IntFlag bits appended as a number).
fn flag_name(me: &Value) -> PyResult<Option<String>> {
    let cls = crate::classes::type_of(me);
    match inst_attr(me, "_name_") {
        Value::None => Ok(None),
        n => {
            let mut s = str_of(&n)?;
            let v = flag_value(me)?;
            let extra = v & !all_bits(&cls);
            if extra != 0 && !canonical(&cls).iter().any(|(x, _)| *x == v) && members(&cls).iter().all(|m| flag_value(m).ok() != Some(v)) {
                s = format!("{}|{}", s, extra);
            } else if extra != 0 && s.is_empty() {
                s = extra.to_string();
            }
            Ok(Some(s))
        }
    }
}

fn flag_binop(pos: &[Value], op: fn(i64, i64) -> i64) -> PyResult<Value> {
    let me = pos.get(0).cloned().unwrap_or(Value::None);
    let other = pos.get(1).cloned().unwrap_or(Value::None);
    let cls = crate::classes::type_of(&me);
    let ov = match &other {
        Value::Instance(i) if crate::classes::is_subclass(&i.class, &cls) => flag_value(&other)?,
        Value::Int(i) if is_int_flag(&cls) => *i,
        _ => return Ok(Value::NotImplemented),
    };
    flag_member(&cls, op(flag_value(&me)?, ov))
}

fn build_flag() -> Rc<Class> {
    let fm = |name: &str, f: fn(Vec<Value>, Vec<(String, Value)>) -> PyResult<Value>| -> Value {
        native_func(&format!("Flag.{}", name), MODNAME, f)
    };
    let attrs: Vec<(&str, Value)> = vec![
        ("__or__", fm("__or__", |p, _| flag_binop(&p, |a, b| a | b))),
        ("__ror__", fm("__ror__", |p, _| flag_binop(&p, |a, b| a | b))),
        ("__and__", fm("__and__", |p, _| flag_binop(&p, |a, b| a & b))),
        ("__rand__", fm("__rand__", |p, _| flag_binop(&p, |a, b| a & b))),
        ("__xor__", fm("__xor__", |p, _| flag_binop(&p, |a, b| a ^ b))),
        ("__rxor__", fm("__rxor__", |p, _| flag_binop(&p, |a, b| a ^ b))),
        (
            "__invert__",
            fm("__invert__", |p, _| {
                let me = p.get(0).cloned().unwrap_or(Value::None);
                let cls = crate::classes::type_of(&me);
                flag_member(&cls, all_bits(&cls) & !flag_value(&me)?)
            }),
        ),
        (
            "__contains__",
            fm("__contains__", |p, _| {
                let me = p.get(0).cloned().unwrap_or(Value::None);
                let other = p.get(1).cloned().unwrap_or(Value::None);
                let o = flag_value(&other)?;
                Ok(Value::Bool(flag_value(&me)? & o == o))
            }),
        ),
        ("__bool__", fm("__bool__", |p, _| Ok(Value::Bool(flag_value(p.get(0).unwrap_or(&Value::None))? != 0)))),
        (
            "__iter__",
            fm("__iter__", |p, _| {
                let me = p.get(0).cloned().unwrap_or(Value::None);
                let v = flag_value(&me)?;
                let cls = crate::classes::type_of(&me);
                let items: Vec<Value> = canonical(&cls).into_iter().filter(|(b, _)| v & b != 0).map(|(_, m)| m).collect();
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(items.into_iter())))))
            }),
        ),
        (
            "__len__",
            fm("__len__", |p, _| {
                let v = flag_value(p.get(0).unwrap_or(&Value::None))?;
                Ok(Value::Int(v.count_ones() as i64))
            }),
        ),
        (
            "__repr__",
            fm("__repr__", |p, _| {
                let me = p.get(0).cloned().unwrap_or(Value::None);
                let cls = crate::classes::type_of(&me);
                let v = inst_attr(&me, "_value_");
                Ok(Value::from(match flag_name(&me)? {
                    Some(n) => format!("<{}.{}: {}>", cls.name, n, repr(&v)?),
                    None => format!("<{}: {}>", cls.name, repr(&v)?),
                }))
            }),
        ),
        (
            "__str__",
            fm("__str__", |p, _| {
                let me = p.get(0).cloned().unwrap_or(Value::None);
                let cls = crate::classes::type_of(&me);
                if is_int_flag(&cls) {
                    return Ok(Value::from(flag_value(&me)?.to_string()));
                }
                Ok(Value::from(match flag_name(&me)? {
                    Some(n) => format!("{}.{}", cls.name, n),
                    None => format!("{}({})", cls.name, repr(&inst_attr(&me, "_value_"))?),
                }))
            }),
        ),
        (
            "__class_iter__",
            cm("__class_iter__", |pos, _kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                let items: Vec<Value> = canonical(&cls).into_iter().map(|(_, m)| m).collect();
                Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(items.into_iter())))))
            }),
        ),
        (
            "__class_len__",
            cm("__class_len__", |pos, _kw| {
                let cls = cls_of(pos.get(0).unwrap_or(&Value::None))?;
                Ok(Value::Int(canonical(&cls).len() as i64))
            }),
        ),
    ];
    new_native_class("Flag", MODNAME, vec![Value::Class(enum_class())], attrs)
}

fn build_int_flag() -> Rc<Class> {
    let bcls = Value::Class(crate::classes::builtin_class("int"));
    let attrs: Vec<(&str, Value)> = vec![
        (
            "__format__",
            native_func("IntFlag.__format__", MODNAME, |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                let spec = match pos.get(1) {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                crate::repr::format_value(&Value::Int(flag_value(&me)?), &spec).map(Value::from)
            }),
        ),
        (
            "__hash__",
            native_func("IntFlag.__hash__", MODNAME, |pos, _kw| {
                Ok(Value::Int(crate::hash::py_hash(&Value::Int(flag_value(pos.get(0).unwrap_or(&Value::None))?))?))
            }),
        ),
    ];
    new_native_class("IntFlag", MODNAME, vec![bcls, Value::Class(flag_class())], attrs)
}
