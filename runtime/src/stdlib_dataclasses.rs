//! The `dataclasses` module (helper R2): @dataclass (init, repr, eq, order, frozen, unsafe_hash,
//! kw_only), field(), fields(), asdict(), astuple(), replace(), is_dataclass(),
//! FrozenInstanceError, MISSING. Fields come from the class's `__annotations__` dict (emitted by
//! the code generator in source order) plus inherited `__dataclass_fields__`.
use std::cell::RefCell;
use std::rc::Rc;

use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::{native_func, new_instance_with, new_module, new_native_class};
use crate::value::*;

const MODNAME: &str = "dataclasses";

thread_local! {
    static CLASSES: RefCell<Vec<(&'static str, Rc<Class>)>> = RefCell::new(Vec::new());
    static SENTINELS: RefCell<Vec<(&'static str, Value)>> = RefCell::new(Vec::new());
}

fn cached_class(name: &'static str, build: fn() -> Rc<Class>) -> Rc<Class> {
    if let Some(c) = CLASSES.with(|cs| cs.borrow().iter().find(|(n, _)| *n == name).map(|(_, c)| c.clone())) {
        return c;
    }
    let c = build();
    CLASSES.with(|cs| cs.borrow_mut().push((name, c.clone())));
    c
}

fn sentinel(name: &'static str) -> Value {
    if let Some(v) = SENTINELS.with(|s| s.borrow().iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())) {
        return v;
    }
    let cls = cached_class("_MISSING_TYPE", || new_native_class("_MISSING_TYPE", MODNAME, vec![], vec![]));
    let v = Value::Instance(Rc::new(Instance {
        class: cls,
        attrs: RefCell::new(Dict::new()),
        base_value: RefCell::new(None),
    }));
    SENTINELS.with(|s| s.borrow_mut().push((name, v.clone())));
    v
}

fn missing() -> Value {
    sentinel("MISSING")
}

fn is_missing(v: &Value) -> bool {
    crate::ops::is_(v, &missing())
}

fn field_class() -> Rc<Class> {
    cached_class("Field", || {
        let reprf = native_func("Field.__repr__", MODNAME, |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let mut parts = Vec::new();
            for n in ["name", "type", "default", "default_factory", "init", "repr", "hash", "compare", "metadata", "kw_only"] {
                let v = attr(&me, n);
                let r = if n == "metadata" {
                    format!("mappingproxy({})", repr(&v)?)
                } else {
                    repr(&v)?
                };
                parts.push(format!("{}={}", n, r));
            }
            parts.push("_field_type=_FIELD".to_string());
            Ok(Value::from(format!("Field({})", parts.join(","))))
        });
        new_native_class("Field", MODNAME, vec![], vec![("__repr__", reprf)])
    })
}

fn frozen_error_class() -> Rc<Class> {
    cached_class("FrozenInstanceError", || {
        let base = Value::Class(crate::classes::builtin_class("AttributeError"));
        match crate::classes::make_class("FrozenInstanceError", "FrozenInstanceError", MODNAME, vec![base], vec![]) {
            Ok(Value::Class(c)) => c,
            _ => panic!("pyrt: cannot build FrozenInstanceError"),
        }
    })
}

fn attr(v: &Value, name: &str) -> Value {
    if let Value::Instance(i) = v {
        if let Some(x) = i.attrs.borrow().get_str(name) {
            return x;
        }
    }
    Value::None
}

#[derive(Clone)]
struct FieldInfo {
    name: String,
    ty: Value,
    default: Value, // MISSING when absent
    factory: Value, // MISSING when absent
    init: bool,
    repr: bool,
    hash: Value,
    compare: bool,
    kw_only: bool,
    obj: Value, // the Field instance
}

fn make_field_obj(
    default: Value,
    factory: Value,
    init: bool,
    repr_: bool,
    hash: Value,
    compare: bool,
    metadata: Value,
    kw_only: Value,
) -> Value {
    let f = Value::Instance(Rc::new(Instance {
        class: field_class(),
        attrs: RefCell::new(Dict::new()),
        base_value: RefCell::new(None),
    }));
    if let Value::Instance(i) = &f {
        let mut a = i.attrs.borrow_mut();
        a.set_str("name", Value::None);
        a.set_str("type", Value::None);
        a.set_str("default", default);
        a.set_str("default_factory", factory);
        a.set_str("init", Value::Bool(init));
        a.set_str("repr", Value::Bool(repr_));
        a.set_str("hash", hash);
        a.set_str("compare", Value::Bool(compare));
        a.set_str("metadata", metadata);
        a.set_str("kw_only", kw_only);
    }
    f
}

fn field_fn(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    if !pos.is_empty() {
        return Err(type_error(&format!(
            "field() takes 0 positional arguments but {} were given",
            pos.len()
        )));
    }
    let mut default = missing();
    let mut factory = missing();
    let mut init = true;
    let mut repr_ = true;
    let mut hash = Value::None;
    let mut compare = true;
    let mut metadata = dict_value(Dict::new());
    let mut kw_only = missing();
    for (k, v) in kw {
        match k.as_str() {
            "default" => default = v,
            "default_factory" => factory = v,
            "init" => init = truthy(&v)?,
            "repr" => repr_ = truthy(&v)?,
            "hash" => hash = v,
            "compare" => compare = truthy(&v)?,
            "metadata" => {
                if !matches!(v, Value::None) {
                    metadata = v
                }
            }
            "kw_only" => kw_only = v,
            _ => {
                return Err(type_error(&format!(
                    "field() got an unexpected keyword argument '{}'",
                    k
                )))
            }
        }
    }
    if !is_missing(&default) && !is_missing(&factory) {
        return Err(value_error("cannot specify both default and default_factory"));
    }
    Ok(make_field_obj(default, factory, init, repr_, hash, compare, metadata, kw_only))
}

fn is_field_obj(v: &Value) -> bool {
    match v {
        Value::Instance(i) => crate::classes::class_is(&i.class, &field_class()),
        _ => false,
    }
}

fn is_classvar(ann: &Value) -> bool {
    match ann {
        Value::Str(s) => {
            let s = s.trim();
            s.starts_with("ClassVar") || s.starts_with("typing.ClassVar")
        }
        Value::Instance(i) => {
            i.class.name == "_SpecialForm"
                && matches!(i.base_value.borrow().as_ref(), Some(Value::Str(s)) if &**s == "ClassVar")
        }
        _ => false,
    }
}

fn info_from_field_obj(name: &str, ty: Value, f: &Value, default_kw_only: bool) -> PyResult<FieldInfo> {
    let kwo = attr(f, "kw_only");
    let kw_only = if is_missing(&kwo) { default_kw_only } else { truthy(&kwo)? };
    if let Value::Instance(i) = f {
        let mut a = i.attrs.borrow_mut();
        a.set_str("name", Value::from(name));
        a.set_str("type", ty.clone());
        a.set_str("kw_only", Value::Bool(kw_only));
    }
    Ok(FieldInfo {
        name: name.to_string(),
        ty,
        default: attr(f, "default"),
        factory: attr(f, "default_factory"),
        init: truthy(&attr(f, "init"))?,
        repr: truthy(&attr(f, "repr"))?,
        hash: attr(f, "hash"),
        compare: truthy(&attr(f, "compare"))?,
        kw_only,
        obj: f.clone(),
    })
}

struct Opts {
    init: bool,
    repr: bool,
    eq: bool,
    order: bool,
    unsafe_hash: bool,
    frozen: bool,
    kw_only: bool,
    match_args: bool,
}

fn collect_fields(cls: &Rc<Class>, opts: &Opts) -> PyResult<Vec<FieldInfo>> {
    let mut fields: Vec<FieldInfo> = Vec::new();
    // inherited (base classes, farthest first)
    for base in cls.mro.iter().rev() {
        if let Some(Value::Dict(d)) = base.attrs.borrow().get_str("__dataclass_fields__") {
            for (k, f) in d.borrow().items() {
                let name = str_of(&k)?;
                let ty = attr(&f, "type");
                let info = info_from_field_obj(&name, ty, &f, truthy(&attr(&f, "kw_only"))?)?;
                if let Some(slot) = fields.iter_mut().find(|x| x.name == name) {
                    *slot = info;
                } else {
                    fields.push(info);
                }
            }
        }
    }
    let anns: Vec<(Value, Value)> = match cls.attrs.borrow().get_str("__annotations__") {
        Some(Value::Dict(d)) => d.borrow().items(),
        _ => vec![],
    };
    for (k, ann) in anns {
        let name = str_of(&k)?;
        if is_classvar(&ann) {
            continue;
        }
        let cur = cls.attrs.borrow().get_str(&name);
        let info = match &cur {
            Some(f) if is_field_obj(f) => {
                let info = info_from_field_obj(&name, ann.clone(), f, opts.kw_only)?;
                if is_missing(&info.default) {
                    cls.attrs.borrow_mut().remove_str(&name);
                } else {
                    cls.attrs.borrow_mut().set_str(&name, info.default.clone());
                }
                info
            }
            Some(d) => {
                if matches!(d, Value::List(_) | Value::Dict(_) | Value::Set(_)) {
                    return Err(value_error(&format!(
                        "mutable default {} for field {} is not allowed: use default_factory",
                        repr(&Value::Class(crate::classes::type_of(d)))?,
                        name
                    )));
                }
                let f = make_field_obj(
                    d.clone(),
                    missing(),
                    true,
                    true,
                    Value::None,
                    true,
                    dict_value(Dict::new()),
                    Value::Bool(opts.kw_only),
                );
                info_from_field_obj(&name, ann.clone(), &f, opts.kw_only)?
            }
            None => {
                let f = make_field_obj(
                    missing(),
                    missing(),
                    true,
                    true,
                    Value::None,
                    true,
                    dict_value(Dict::new()),
                    Value::Bool(opts.kw_only),
                );
                info_from_field_obj(&name, ann.clone(), &f, opts.kw_only)?
            }
        };
        if let Some(slot) = fields.iter_mut().find(|x| x.name == info.name) {
            *slot = info;
        } else {
            fields.push(info);
        }
    }
    Ok(fields)
}

fn set_if_absent(cls: &Rc<Class>, name: &str, v: Value) -> bool {
    let exists = cls.attrs.borrow().get_str(name).is_some();
    if !exists {
        cls.attrs.borrow_mut().set_str(name, v);
        return true;
    }
    false
}

fn raw_setattr(obj: &Value, name: &str, v: Value) -> PyResult<()> {
    match obj {
        Value::Instance(i) => {
            i.attrs.borrow_mut().set_str(name, v);
            Ok(())
        }
        _ => crate::object::setattr(obj, name, v),
    }
}

fn field_values(obj: &Value, fields: &[FieldInfo], pick: &dyn Fn(&FieldInfo) -> bool) -> PyResult<Value> {
    let mut out = Vec::new();
    for f in fields.iter().filter(|f| pick(f)) {
        out.push(get_attr(obj, &f.name)?);
    }
    Ok(tuple(out))
}

fn same_class(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => Rc::ptr_eq(&x.class, &y.class),
        _ => false,
    }
}

fn process_class(clsv: Value, opts: Opts) -> PyResult<Value> {
    let cls = match &clsv {
        Value::Class(c) => c.clone(),
        _ => return Err(type_error("dataclass() should be called on a class")),
    };
    if opts.order && !opts.eq {
        return Err(value_error("eq must be true if order is true"));
    }
    let fields = collect_fields(&cls, &opts)?;
    // __dataclass_fields__
    let mut fd = Dict::new();
    for f in fields.iter() {
        fd.set_str(&f.name, f.obj.clone());
    }
    cls.attrs.borrow_mut().set_str("__dataclass_fields__", dict_value(fd));
    let fields = Rc::new(fields);
    let qual = cls.qualname.clone();
    let module = cls.module.clone();

    // __init__
    if opts.init && cls.attrs.borrow().get_str("__init__").is_none() {
        let mut params = vec![Param { name: "self", default: None, kind: ParamKind::Positional }];
        let mut seen_default = false;
        let factory_mark = sentinel("HAS_DEFAULT_FACTORY");
        for f in fields.iter().filter(|f| f.init && !f.kw_only) {
            let has_default = !is_missing(&f.default) || !is_missing(&f.factory);
            if has_default {
                seen_default = true;
            } else if seen_default {
                return Err(type_error(&format!(
                    "non-default argument '{}' follows default argument",
                    f.name
                )));
            }
        }
        let ordered: Vec<&FieldInfo> = fields
            .iter()
            .filter(|f| f.init && !f.kw_only)
            .chain(fields.iter().filter(|f| f.init && f.kw_only))
            .collect();
        for f in ordered.iter() {
            let default = if !is_missing(&f.default) {
                Some(f.default.clone())
            } else if !is_missing(&f.factory) {
                Some(factory_mark.clone())
            } else {
                None
            };
            params.push(Param {
                name: crate::object::intern(&f.name),
                default,
                kind: if f.kw_only { ParamKind::KwOnly } else { ParamKind::Positional },
            });
        }
        let order_names: Vec<String> = ordered.iter().map(|f| f.name.clone()).collect();
        let flds = fields.clone();
        let frozen = opts.frozen;
        let body: FnBody = Rc::new(move |args: Vec<Value>| {
            let mut it = args.into_iter();
            let me = it.next().unwrap_or(Value::None);
            let vals: Vec<Value> = it.collect();
            let mark = sentinel("HAS_DEFAULT_FACTORY");
            for f in flds.iter() {
                let v = if f.init {
                    let idx = order_names.iter().position(|n| *n == f.name).unwrap_or(0);
                    let v = vals.get(idx).cloned().unwrap_or(Value::None);
                    if crate::ops::is_(&v, &mark) {
                        call(&f.factory, vec![])?
                    } else {
                        v
                    }
                } else if !is_missing(&f.factory) {
                    call(&f.factory, vec![])?
                } else if !is_missing(&f.default) {
                    f.default.clone()
                } else {
                    continue;
                };
                if frozen {
                    raw_setattr(&me, &f.name, v)?;
                } else {
                    crate::object::setattr(&me, &f.name, v)?;
                }
            }
            if crate::object::hasattr(&me, "__post_init__") {
                call_method(&me, "__post_init__", vec![])?;
            }
            Ok(Value::None)
        });
        let init = Value::Func(Rc::new(Function {
            name: "__init__".to_string(),
            qualname: format!("{}.__init__", qual),
            params,
            body,
            attrs: RefCell::new(Dict::new()),
            module: module.clone(),
        }));
        cls.attrs.borrow_mut().set_str("__init__", init);
    }

    // __repr__
    if opts.repr {
        let flds = fields.clone();
        set_if_absent(
            &cls,
            "__repr__",
            native_func(&format!("{}.__repr__", qual), &module, move |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                let mut parts = Vec::new();
                for f in flds.iter().filter(|f| f.repr) {
                    parts.push(format!("{}={}", f.name, repr(&get_attr(&me, &f.name)?)?));
                }
                let q = match &me {
                    Value::Instance(i) => i.class.qualname.clone(),
                    _ => String::new(),
                };
                Ok(Value::from(format!("{}({})", q, parts.join(", "))))
            }),
        );
    }

    // __eq__
    let had_eq = cls.attrs.borrow().get_str("__eq__").is_some();
    let class_hash = cls.attrs.borrow().get_str("__hash__");
    let has_explicit_hash = match &class_hash {
        None => false,
        Some(Value::None) => !had_eq,
        Some(_) => true,
    };
    if opts.eq {
        let flds = fields.clone();
        set_if_absent(
            &cls,
            "__eq__",
            native_func(&format!("{}.__eq__", qual), &module, move |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                let other = pos.get(1).cloned().unwrap_or(Value::None);
                if !same_class(&me, &other) {
                    return Ok(Value::NotImplemented);
                }
                let a = field_values(&me, &flds, &|f| f.compare)?;
                let b = field_values(&other, &flds, &|f| f.compare)?;
                Ok(Value::Bool(crate::ops::eq(&a, &b)?))
            }),
        );
    }
    if opts.order {
        for (name, op) in [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")] {
            if cls.attrs.borrow().get_str(name).is_some() {
                return Err(type_error(&format!(
                    "Cannot overwrite attribute {} in class {}. Consider using functools.total_ordering",
                    name, cls.name
                )));
            }
            let flds = fields.clone();
            cls.attrs.borrow_mut().set_str(
                name,
                native_func(&format!("{}.{}", qual, name), &module, move |pos, _kw| {
                    let me = pos.get(0).cloned().unwrap_or(Value::None);
                    let other = pos.get(1).cloned().unwrap_or(Value::None);
                    if !same_class(&me, &other) {
                        return Ok(Value::NotImplemented);
                    }
                    let a = field_values(&me, &flds, &|f| f.compare)?;
                    let b = field_values(&other, &flds, &|f| f.compare)?;
                    let r = match op {
                        "<" => crate::ops::lt(&a, &b)?,
                        "<=" => crate::ops::le(&a, &b)?,
                        ">" => crate::ops::gt(&a, &b)?,
                        _ => crate::ops::ge(&a, &b)?,
                    };
                    Ok(Value::Bool(r))
                }),
            );
        }
    }
    if opts.frozen {
        let flds = fields.clone();
        let cls_weak = Rc::downgrade(&cls);
        let fe = move |pos: Vec<Value>, is_del: bool| -> PyResult<Value> {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let name = match pos.get(1) {
                Some(Value::Str(s)) => s.to_string(),
                _ => String::new(),
            };
            let exact = match (&me, cls_weak.upgrade()) {
                (Value::Instance(i), Some(c)) => Rc::ptr_eq(&i.class, &c),
                _ => false,
            };
            if exact || flds.iter().any(|f| f.name == name) {
                let msg = if is_del {
                    format!("cannot delete field {}", repr(&Value::from(name.as_str()))?)
                } else {
                    format!("cannot assign to field {}", repr(&Value::from(name.as_str()))?)
                };
                let e = call(&Value::Class(frozen_error_class()), vec![Value::from(msg)])?;
                return Err(crate::exceptions::raise(e));
            }
            if is_del {
                crate::object::generic_delattr(&me, &name)?;
            } else {
                crate::object::generic_setattr(&me, &name, pos.get(2).cloned().unwrap_or(Value::None))?;
            }
            Ok(Value::None)
        };
        let fe = Rc::new(fe);
        let fe2 = fe.clone();
        cls.attrs.borrow_mut().set_str(
            "__setattr__",
            native_func(&format!("{}.__setattr__", qual), &module, move |pos, _kw| fe(pos, false)),
        );
        cls.attrs.borrow_mut().set_str(
            "__delattr__",
            native_func(&format!("{}.__delattr__", qual), &module, move |pos, _kw| fe2(pos, true)),
        );
    }
    // __hash__
    let gen_hash = opts.unsafe_hash || (opts.eq && opts.frozen && !has_explicit_hash);
    if gen_hash {
        let flds = fields.clone();
        cls.attrs.borrow_mut().set_str(
            "__hash__",
            native_func(&format!("{}.__hash__", qual), &module, move |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                let t = field_values(&me, &flds, &|f| match &f.hash {
                    Value::None => f.compare,
                    h => truthy(h).unwrap_or(false),
                })?;
                Ok(Value::Int(crate::hash::py_hash(&t)?))
            }),
        );
    } else if opts.eq && !opts.frozen && !has_explicit_hash {
        cls.attrs.borrow_mut().set_str("__hash__", Value::None);
    }
    if opts.match_args {
        set_if_absent(
            &cls,
            "__match_args__",
            tuple(fields.iter().filter(|f| f.init && !f.kw_only).map(|f| Value::from(f.name.as_str())).collect()),
        );
    }
    Ok(clsv)
}

fn parse_opts(kw: Vec<(String, Value)>) -> PyResult<Opts> {
    let mut o = Opts {
        init: true,
        repr: true,
        eq: true,
        order: false,
        unsafe_hash: false,
        frozen: false,
        kw_only: false,
        match_args: true,
    };
    for (k, v) in kw {
        let b = truthy(&v)?;
        match k.as_str() {
            "init" => o.init = b,
            "repr" => o.repr = b,
            "eq" => o.eq = b,
            "order" => o.order = b,
            "unsafe_hash" => o.unsafe_hash = b,
            "frozen" => o.frozen = b,
            "kw_only" => o.kw_only = b,
            "match_args" => o.match_args = b,
            "slots" | "weakref_slot" => {}
            _ => {
                return Err(type_error(&format!(
                    "dataclass() got an unexpected keyword argument '{}'",
                    k
                )))
            }
        }
    }
    Ok(o)
}

fn dataclass(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    match pos.into_iter().next() {
        Some(c @ Value::Class(_)) => process_class(c, parse_opts(kw)?),
        Some(Value::None) | None => {
            let kw2 = kw.clone();
            parse_opts(kw)?;
            Ok(plain_fn("wrap", move |pos, _kw| {
                let c = pos.into_iter().next().unwrap_or(Value::None);
                process_class(c, parse_opts(kw2.clone())?)
            }))
        }
        Some(_) => Err(type_error("dataclass() should be called on a class")),
    }
}

fn dc_fields_of(v: &Value) -> Option<Vec<(String, Value)>> {
    let cls = match v {
        Value::Class(c) => c.clone(),
        Value::Instance(i) => i.class.clone(),
        _ => return None,
    };
    match crate::classes::lookup_class_attr(&cls, "__dataclass_fields__") {
        Some(Value::Dict(d)) => Some(
            d.borrow()
                .items()
                .into_iter()
                .map(|(k, f)| (str_of(&k).unwrap_or_default(), f))
                .collect(),
        ),
        _ => None,
    }
}

fn fields_fn(pos: Vec<Value>, _kw: Vec<(String, Value)>) -> PyResult<Value> {
    let v = pos.into_iter().next().unwrap_or(Value::None);
    match dc_fields_of(&v) {
        Some(fs) => Ok(tuple(fs.into_iter().map(|(_, f)| f).collect())),
        None => Err(type_error("must be called with a dataclass type or instance")),
    }
}

fn to_plain(v: &Value, as_tuple: bool) -> PyResult<Value> {
    if let Value::Instance(_) = v {
        if let Some(fs) = dc_fields_of(v) {
            if as_tuple {
                let mut out = Vec::new();
                for (n, _) in fs {
                    out.push(to_plain(&get_attr(v, &n)?, as_tuple)?);
                }
                return Ok(tuple(out));
            }
            let mut d = Dict::new();
            for (n, _) in fs {
                let x = to_plain(&get_attr(v, &n)?, as_tuple)?;
                d.set_str(&n, x);
            }
            return Ok(dict_value(d));
        }
    }
    match v {
        Value::List(l) => {
            let items = l.borrow().clone();
            Ok(list(items.iter().map(|x| to_plain(x, as_tuple)).collect::<PyResult<_>>()?))
        }
        Value::Tuple(t) => Ok(tuple(t.iter().map(|x| to_plain(x, as_tuple)).collect::<PyResult<_>>()?)),
        Value::Dict(d) => {
            let mut nd = Dict::new();
            for (k, x) in d.borrow().items() {
                nd.insert(to_plain(&k, as_tuple)?, to_plain(&x, as_tuple)?)?;
            }
            Ok(dict_value(nd))
        }
        Value::Instance(i) => {
            // namedtuple: rebuild with converted items
            if let Some(Value::Tuple(t)) = i.base_value.borrow().clone() {
                let items: Vec<Value> = t.iter().map(|x| to_plain(x, as_tuple)).collect::<PyResult<_>>()?;
                return Ok(new_instance_with(&i.class, tuple(items)));
            }
            Ok(v.clone())
        }
        _ => Ok(v.clone()),
    }
}

fn replace_fn(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let obj = match pos.into_iter().next() {
        Some(o) => o,
        None => return Err(type_error("replace() missing 1 required positional argument: 'obj'")),
    };
    let fs = match dc_fields_of(&obj) {
        Some(f) => f,
        None => return Err(type_error("replace() should be called on dataclass instances")),
    };
    let mut changes: Vec<(String, Value)> = Vec::new();
    for (n, f) in fs.iter() {
        let init = truthy(&attr(f, "init"))?;
        let given = kw.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        if !init {
            if given.is_some() {
                return Err(value_error(&format!(
                    "field {} is declared with init=False, it cannot be specified with replace()",
                    n
                )));
            }
            continue;
        }
        let v = match given {
            Some(v) => v,
            None => get_attr(&obj, n)?,
        };
        changes.push((n.clone(), v));
    }
    for (k, _) in kw.iter() {
        if !fs.iter().any(|(n, _)| n == k) {
            return Err(type_error(&format!(
                "{}.__init__() got an unexpected keyword argument '{}'",
                type_name(&obj),
                k
            )));
        }
    }
    let cls = Value::Class(crate::classes::type_of(&obj));
    call_kw(&cls, vec![], changes)
}

pub fn module() -> PyResult<Value> {
    Ok(new_module(
        "dataclasses",
        vec![
            ("dataclass", plain_fn("dataclass", dataclass)),
            ("field", plain_fn("field", field_fn)),
            ("fields", plain_fn("fields", fields_fn)),
            (
                "asdict",
                plain_fn("asdict", |pos, _kw| {
                    let v = pos.into_iter().next().unwrap_or(Value::None);
                    if dc_fields_of(&v).is_none() || matches!(v, Value::Class(_)) {
                        return Err(type_error("asdict() should be called on dataclass instances"));
                    }
                    to_plain(&v, false)
                }),
            ),
            (
                "astuple",
                plain_fn("astuple", |pos, _kw| {
                    let v = pos.into_iter().next().unwrap_or(Value::None);
                    if dc_fields_of(&v).is_none() || matches!(v, Value::Class(_)) {
                        return Err(type_error("astuple() should be called on dataclass instances"));
                    }
                    to_plain(&v, true)
                }),
            ),
            ("replace", plain_fn("replace", replace_fn)),
            (
                "is_dataclass",
                plain_fn("is_dataclass", |pos, _kw| {
                    let v = pos.into_iter().next().unwrap_or(Value::None);
                    Ok(Value::Bool(dc_fields_of(&v).is_some()))
                }),
            ),
            ("FrozenInstanceError", Value::Class(frozen_error_class())),
            ("Field", Value::Class(field_class())),
            ("MISSING", missing()),
            ("KW_ONLY", sentinel("KW_ONLY")),
        ],
    ))
}
