//! Classes: builtin type objects (int, str, list, exceptions, ...), user classes with C3 MRO,
//! type_of / type_name, isinstance / issubclass, attribute lookup along the MRO.
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::exceptions::exc;
use crate::value::*;

/// (name, base) of every builtin class, parents before children.
const BUILTIN_CLASSES: &[(&str, &str)] = &[
    ("object", ""),
    ("type", "object"),
    ("int", "object"),
    ("bool", "int"),
    ("float", "object"),
    ("complex", "object"),
    ("str", "object"),
    ("bytes", "object"),
    ("bytearray", "object"),
    ("list", "object"),
    ("tuple", "object"),
    ("dict", "object"),
    ("set", "object"),
    ("frozenset", "object"),
    ("range", "object"),
    ("slice", "object"),
    ("NoneType", "object"),
    ("NotImplementedType", "object"),
    ("ellipsis", "object"),
    ("function", "object"),
    ("builtin_function_or_method", "object"),
    ("method", "object"),
    ("module", "object"),
    ("staticmethod", "object"),
    ("classmethod", "object"),
    ("property", "object"),
    ("super", "object"),
    ("generator", "object"),
    ("list_iterator", "object"),
    ("list_reverseiterator", "object"),
    ("tuple_iterator", "object"),
    ("str_ascii_iterator", "object"),
    ("str_iterator", "object"),
    ("range_iterator", "object"),
    ("dict_keyiterator", "object"),
    ("set_iterator", "object"),
    ("bytes_iterator", "object"),
    ("iterator", "object"),
    ("TextIOWrapper", "object"),
    ("instance_dict", "object"),
    // exceptions
    ("BaseException", "object"),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

thread_local! {
    static BUILTIN_CLASS_MAP: RefCell<HashMap<&'static str, Rc<Class>>> = RefCell::new(HashMap::new());
}

fn init_builtin_classes(map: &mut HashMap<&'static str, Rc<Class>>) {
    for (name, base) in BUILTIN_CLASSES {
        let bases: Vec<Rc<Class>> = if base.is_empty() { vec![] } else { vec![map[base].clone()] };
        let mro = match bases.first() {
            Some(b) => mro_of(b),
            None => vec![],
        };
        let cls = Rc::new(Class {
            name: name.to_string(),
            qualname: name.to_string(),
            bases,
            mro,
            attrs: RefCell::new(Dict::new()),
            module: "builtins".to_string(),
            builtin: Some(name),
            cache: ClassCache::default(),
        });
        map.insert(name, cls);
    }
}

/// The builtin class object named `name` (panics for unknown names: use `try_builtin_class`).
pub fn builtin_class(name: &str) -> Rc<Class> {
    match try_builtin_class(name) {
        Some(c) => c,
        None => panic!("pyrt: unknown builtin class {}", name),
    }
}

pub fn try_builtin_class(name: &str) -> Option<Rc<Class>> {
    BUILTIN_CLASS_MAP.with(|m| {
        let mut m = m.borrow_mut();
        if m.is_empty() {
            init_builtin_classes(&mut m);
        }
        m.get(name).cloned()
    })
}

pub fn is_builtin_class_name(name: &str) -> bool {
    BUILTIN_CLASSES.iter().any(|(n, _)| *n == name)
}

/// Is `name` one of the builtin exception classes?
pub fn is_exception_name(name: &str) -> bool {
    match try_builtin_class(name) {
        Some(c) => is_exception_class(&c),
        None => false,
    }
}

// NOTE on `mro`: for every class, `mro` holds the linearization WITHOUT the class itself
// (an Rc cannot contain itself). Use `mro_of(&cls)` / `mro_iter` which prepend it.

/// Full MRO, self first.
pub fn mro_of(cls: &Rc<Class>) -> Vec<Rc<Class>> {
    let mut v = Vec::with_capacity(cls.mro.len() + 1);
    v.push(cls.clone());
    v.extend(cls.mro.iter().cloned());
    v
}

#[inline]
pub fn class_is(a: &Rc<Class>, b: &Rc<Class>) -> bool {
    Rc::ptr_eq(a, b)
}

/// Is `sub` a subclass of `sup` (or the same)?
pub fn is_subclass(sub: &Rc<Class>, sup: &Rc<Class>) -> bool {
    if Rc::ptr_eq(sub, sup) {
        return true;
    }
    if sup.builtin == Some("object") {
        return true;
    }
    sub.mro.iter().any(|c| Rc::ptr_eq(c, sup))
}

pub fn is_exception_class(cls: &Rc<Class>) -> bool {
    if cls.builtin == Some("BaseException") {
        return true;
    }
    cls.mro.iter().any(|c| c.builtin == Some("BaseException"))
}

/// First builtin class (other than `object`) in the MRO: what a user class inherits its
/// payload from (e.g. "list" for `class L(list)`, "Exception" for exceptions).
pub fn builtin_base(cls: &Rc<Class>) -> Option<&'static str> {
    if let Some(b) = cls.builtin {
        if b != "object" {
            return Some(b);
        }
    }
    for c in cls.mro.iter() {
        if let Some(b) = c.builtin {
            if b != "object" {
                return Some(b);
            }
        }
    }
    None
}

/// Look a name up along the MRO (class dicts only; builtin classes have empty dicts unless
/// something was stored in them).
pub fn lookup_class_attr(cls: &Rc<Class>, name: &str) -> Option<Value> {
    if let Some(v) = cls.attrs.borrow().get_str(name) {
        return Some(v);
    }
    for c in cls.mro.iter() {
        if let Some(v) = c.attrs.borrow().get_str(name) {
            return Some(v);
        }
    }
    None
}

/// Like lookup_class_attr, also returning the class where it was found.
pub fn lookup_class_attr_from(cls: &Rc<Class>, name: &str) -> Option<(Rc<Class>, Value)> {
    if let Some(v) = cls.attrs.borrow().get_str(name) {
        return Some((cls.clone(), v));
    }
    for c in cls.mro.iter() {
        if let Some(v) = c.attrs.borrow().get_str(name) {
            return Some((c.clone(), v));
        }
    }
    None
}

thread_local! {
    static CLASS_EPOCH: std::cell::Cell<u64> = std::cell::Cell::new(1);
}

/// Must be called after mutating any class dict directly (setattr on classes does it).
pub fn invalidate_caches() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

pub const F_GETATTRIBUTE: u32 = 1;
pub const F_SETATTR: u32 = 2;
pub const F_DELATTR: u32 = 4;
pub const F_GETATTR: u32 = 8;
pub const F_NEW: u32 = 16;
pub const F_INIT: u32 = 32;
pub const F_EXC: u32 = 64;
/// user class with a builtin payload (subclass of list/dict/int/...), not an exception
pub const F_PAYLOAD: u32 = 128;
/// some class dict in the MRO holds a property or an instance (possible descriptor)
pub const F_DESCR: u32 = 256;
/// every class of the MRO defines `__slots__` without `__dict__`: no per-instance attribute dict
pub const F_SLOTS: u32 = 512;

/// the class has a non-empty `__abstractmethods__` (instantiation raises TypeError)
pub const F_ABSTRACT: u32 = 1024;

/// For a class with F_SLOTS: is `name` one of the slots declared along the MRO?
pub fn slot_allowed(cls: &Rc<Class>, name: &str) -> bool {
    for c in mro_of(cls) {
        if c.builtin.is_some() {
            continue;
        }
        let slots = c.attrs.borrow().get_str("__slots__");
        if let Some(sl) = slots {
            let names: Vec<Value> = match &sl {
                Value::Str(_) => vec![sl.clone()],
                other => crate::object::unpack_iterable(other).unwrap_or_default(),
            };
            if names.iter().any(|n| matches!(n, Value::Str(s) if &**s == name)) {
                return true;
            }
        }
    }
    false
}

/// Cached facts about a class and its MRO.
pub fn class_flags(cls: &Rc<Class>) -> u32 {
    let epoch = CLASS_EPOCH.with(|e| e.get());
    if cls.cache.epoch.get() == epoch {
        return cls.cache.flags.get();
    }
    let mut f = 0u32;
    for (name, bit) in [
        ("__getattribute__", F_GETATTRIBUTE),
        ("__setattr__", F_SETATTR),
        ("__delattr__", F_DELATTR),
        ("__getattr__", F_GETATTR),
        ("__new__", F_NEW),
        ("__init__", F_INIT),
    ] {
        if lookup_class_attr(cls, name).is_some() {
            f |= bit;
        }
    }
    if is_exception_class(cls) {
        f |= F_EXC;
    } else if cls.builtin.is_none() && builtin_base(cls).is_some() {
        f |= F_PAYLOAD;
    }
    for c in mro_of(cls) {
        let d = c.attrs.borrow();
        if d.iter().any(|(_, v)| matches!(v, Value::Property(_) | Value::Instance(_))) {
            f |= F_DESCR;
            break;
        }
    }
    if matches!(cls.attrs.borrow().get_str("__abstractmethods__"), Some(Value::FrozenSet(s)) if s.len() > 0) {
        f |= F_ABSTRACT;
    }
    if cls.builtin.is_none() && f & (F_EXC | F_PAYLOAD) == 0 {
        let mut all = true;
        for c in mro_of(cls) {
            if c.builtin.is_some() {
                if c.builtin != Some("object") {
                    all = false;
                }
                continue;
            }
            let sl = c.attrs.borrow().get_str("__slots__");
            match sl {
                Some(sl) => {
                    let names: Vec<Value> = match &sl {
                        Value::Str(_) => vec![sl.clone()],
                        other => crate::object::unpack_iterable(other).unwrap_or_default(),
                    };
                    if names.iter().any(|n| matches!(n, Value::Str(s) if &**s == "__dict__")) {
                        all = false;
                    }
                }
                None => all = false,
            }
        }
        if all {
            f |= F_SLOTS;
        }
    }
    cls.cache.flags.set(f);
    cls.cache.epoch.set(epoch);
    f
}

#[inline]
pub fn has_flag(cls: &Rc<Class>, bit: u32) -> bool {
    class_flags(cls) & bit != 0
}

/// CPython's type(x).__name__ for builtin values.
pub fn builtin_type_name(v: &Value) -> &'static str {
    match v {
        Value::None => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::BigInt(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) => "str",
        Value::List(_) => "list",
        Value::Tuple(_) => "tuple",
        Value::Dict(_) => "dict",
        Value::Set(_) => "set",
        Value::FrozenSet(_) => "frozenset",
        Value::Range(_) => "range",
        Value::Slice(_) => "slice",
        Value::Func(_) => "function",
        Value::Builtin(b) => {
            if b.receiver.is_some() {
                "builtin_function_or_method"
            } else {
                "builtin_function_or_method"
            }
        }
        Value::BoundMethod(_) => "method",
        Value::Class(_) => "type",
        Value::Instance(_) => "object",
        Value::Module(_) => "module",
        Value::Iter(it) => match &*it.borrow() {
            PyIter::Seq { seq, rev, .. } => match (seq, rev) {
                (Value::List(_), false) => "list_iterator",
                (Value::List(_), true) => "list_reverseiterator",
                (Value::Tuple(_), _) => "tuple_iterator",
                (Value::Str(s), _) => {
                    if s.is_ascii() {
                        "str_ascii_iterator"
                    } else {
                        "str_iterator"
                    }
                }
                (Value::Bytes(_), _) => "bytes_iterator",
                _ => "iterator",
            },
            PyIter::Range { .. } => "range_iterator",
            PyIter::Items(_) => "dict_keyiterator",
            PyIter::Native(_) => "generator",
            PyIter::Instance(_) => "iterator",
        },
        Value::StaticMethod(_) => "staticmethod",
        Value::ClassMethod(_) => "classmethod",
        Value::Property(_) => "property",
        Value::Bytes(_) => "bytes",
        Value::NotImplemented => "NotImplementedType",
        Value::Ellipsis => "ellipsis",
    }
}

/// `type(x)` as a class object.
pub fn type_of(v: &Value) -> Rc<Class> {
    match v {
        Value::Instance(i) => i.class.clone(),
        _ => builtin_class(builtin_type_name(v)),
    }
}

/// CPython's `type(x).__name__`.
pub fn type_name(v: &Value) -> String {
    match v {
        Value::Instance(i) => i.class.name.clone(),
        _ => builtin_type_name(v).to_string(),
    }
}

/// C3 linearization of `bases` (not including the new class itself).
fn c3_merge(bases: &[Rc<Class>]) -> Result<Vec<Rc<Class>>, ()> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| mro_of(b)).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = vec![];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut cand: Option<Rc<Class>> = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)));
            if !in_tail {
                cand = Some(head.clone());
                break;
            }
        }
        let c = match cand {
            Some(c) => c,
            None => return Err(()),
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

thread_local! {
    pub(crate) static MAIN_NAME: RefCell<String> = RefCell::new(String::new());
}

/// `class Name(bases): attrs`.
pub fn make_class(name: &str, qualname: &str, module: &str, bases: Vec<Value>, attrs: Vec<(String, Value)>) -> PyResult<Value> {
    make_class_kw(name, qualname, module, bases, attrs, vec![])
}

/// `class Name(bases, **kw): attrs`: `metaclass=` may only be `type` / `abc.ABCMeta` (the
/// runtime's ABCMeta is `type`; it makes the class abstract-method aware), the other keywords
/// go to the parents' `__init_subclass__`.
pub fn make_class_kw(
    name: &str,
    qualname: &str,
    module: &str,
    bases: Vec<Value>,
    attrs: Vec<(String, Value)>,
    mut kw: Vec<(String, Value)>,
) -> PyResult<Value> {
    let mut abc = false;
    if let Some(ix) = kw.iter().position(|(k, _)| k == "metaclass") {
        match kw.remove(ix).1 {
            Value::Class(m) if m.builtin == Some("type") => abc = true,
            other => return Err(exc("TypeError", format!("metaclass {} is not supported", crate::repr::to_repr(&other)?))),
        }
    }
    let clsv = new_class(name, qualname, module, bases, attrs)?;
    let cls = match &clsv {
        Value::Class(c) => c.clone(),
        _ => unreachable!(),
    };
    if abc || is_abc_class(&cls) {
        set_abstract_methods(&cls);
    }
    init_class_hooks(&cls, &clsv, kw)?;
    Ok(clsv)
}

/// Is some class of the MRO created by ABCMeta (`abc.ABC` or a class with `__abstractmethods__`)?
fn is_abc_class(cls: &Rc<Class>) -> bool {
    cls.mro.iter().any(|c| (c.name == "ABC" && c.module == "abc") || c.attrs.borrow().get_str("__abstractmethods__").is_some())
}

/// `__isabstractmethod__` of a class attribute (functions, wrapped methods, properties).
fn is_abstract_attr(v: &Value) -> bool {
    match v {
        Value::Func(f) => matches!(f.attrs.borrow().get_str("__isabstractmethod__"), Some(Value::Bool(true))),
        Value::StaticMethod(g) | Value::ClassMethod(g) => is_abstract_attr(g),
        Value::Property(p) => is_abstract_attr(&p.0) || is_abstract_attr(&p.1) || is_abstract_attr(&p.2),
        _ => false,
    }
}

/// ABCMeta.__new__: the abstract methods defined here plus those inherited and not overridden.
fn set_abstract_methods(cls: &Rc<Class>) {
    let mut names: Vec<String> = vec![];
    for (k, v) in cls.attrs.borrow().items() {
        if let (Value::Str(k), true) = (&k, is_abstract_attr(&v)) {
            names.push(k.to_string());
        }
    }
    for b in &cls.bases {
        let inherited = b.attrs.borrow().get_str("__abstractmethods__");
        if let Some(Value::FrozenSet(set)) = inherited {
            for k in set.items() {
                if let Value::Str(k) = k {
                    let still = lookup_class_attr(cls, &k).map_or(false, |v| is_abstract_attr(&v));
                    if still && !names.iter().any(|n| **n == *k) {
                        names.push(k.to_string());
                    }
                }
            }
        }
    }
    let set = crate::ops::new_frozenset(names.into_iter().map(Value::from).collect()).unwrap_or(Value::None);
    cls.attrs.borrow_mut().set_str("__abstractmethods__", set);
}

/// TypeError for instantiating a class with F_ABSTRACT.
pub fn abstract_instantiation_error(cls: &Rc<Class>) -> PyErr {
    let mut names: Vec<String> = match cls.attrs.borrow().get_str("__abstractmethods__") {
        Some(Value::FrozenSet(s)) => s.items().iter().map(|v| crate::repr::to_str(v).unwrap_or_default()).collect(),
        _ => vec![],
    };
    names.sort();
    exc(
        "TypeError",
        format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            cls.name,
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        ),
    )
}

/// `__set_name__` on descriptors of the new class, then the parents' `__init_subclass__(**kw)`.
fn init_class_hooks(cls: &Rc<Class>, clsv: &Value, kw: Vec<(String, Value)>) -> PyResult<()> {
    let items = cls.attrs.borrow().items();
    for (k, v) in items {
        if let Value::Instance(_) = &v {
            if crate::object::lookup_special(&v, "__set_name__").is_some() {
                crate::object::call_method(&v, "__set_name__", vec![clsv.clone(), k.clone()], vec![])?;
            }
        }
    }
    for c in cls.mro.iter() {
        let f = c.attrs.borrow().get_str("__init_subclass__");
        if let Some(f) = f {
            let f = match f {
                Value::ClassMethod(f) => (*f).clone(),
                other => other,
            };
            crate::object::call(&f, vec![clsv.clone()], kw)?;
            return Ok(());
        }
    }
    if !kw.is_empty() {
        return Err(exc("TypeError", format!("{}.__init_subclass__() takes no keyword arguments", cls.name)));
    }
    Ok(())
}

/// The class object itself (MRO, namespace, implicit staticmethod/classmethod wrapping).
fn new_class(name: &str, qualname: &str, module: &str, bases: Vec<Value>, attrs: Vec<(String, Value)>) -> PyResult<Value> {
    let mut base_classes: Vec<Rc<Class>> = vec![];
    for b in &bases {
        match b {
            Value::Class(c) => {
                if base_classes.iter().any(|x| Rc::ptr_eq(x, c)) {
                    return Err(exc("TypeError", format!("duplicate base class {}", c.name)));
                }
                if matches!(c.builtin, Some("bool") | Some("NoneType") | Some("range") | Some("slice") | Some("function")) {
                    return Err(exc("TypeError", format!("type '{}' is not an acceptable base type", c.name)));
                }
                base_classes.push(c.clone())
            }
            _ => {
                return Err(exc("TypeError", "bases must be types".to_string()));
            }
        }
    }
    if base_classes.is_empty() {
        base_classes.push(builtin_class("object"));
    }
    let mro = match c3_merge(&base_classes) {
        Ok(m) => m,
        Err(()) => {
            let names: Vec<String> = base_classes.iter().map(|c| c.name.clone()).collect();
            return Err(exc(
                "TypeError",
                format!("Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", ")),
            ));
        }
    };
    let mut d = Dict::new();
    let mut has_eq = false;
    let mut has_hash = false;
    for (k, v) in attrs {
        if k == "__eq__" {
            has_eq = true;
        }
        if k == "__hash__" {
            has_hash = true;
        }
        // __new__ is implicitly a staticmethod, __init_subclass__/__class_getitem__ classmethods
        let v = match (k.as_str(), v) {
            ("__new__", f @ Value::Func(_)) => Value::StaticMethod(Rc::new(f)),
            ("__init_subclass__", f @ Value::Func(_)) | ("__class_getitem__", f @ Value::Func(_)) => {
                Value::ClassMethod(Rc::new(f))
            }
            (_, v) => v,
        };
        d.set_str(&k, v);
    }
    if has_eq && !has_hash {
        d.set_str("__hash__", Value::None);
    }
    let module = {
        let main = MAIN_NAME.with(|m| m.borrow().clone());
        if !main.is_empty() && module == main {
            "__main__".to_string()
        } else {
            module.to_string()
        }
    };
    if d.get_str("__module__").is_none() {
        d.set_str("__module__", Value::from(module.as_str()));
    }
    if d.get_str("__qualname__").is_none() {
        d.set_str("__qualname__", Value::from(qualname));
    }
    let cls = Rc::new(Class {
        name: name.to_string(),
        qualname: qualname.to_string(),
        bases: base_classes,
        mro,
        attrs: RefCell::new(d),
        module,
        builtin: None,
        cache: ClassCache::default(),
    });
    Ok(Value::Class(cls))
}

/// `isinstance(obj, cls)` where cls is a class or (nested) tuple of classes.
pub fn isinstance(obj: &Value, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Class(c) => Ok(value_is_instance(obj, c)),
        Value::Tuple(t) => {
            for c in t.iter() {
                if isinstance(obj, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(exc("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union".to_string())),
    }
}

/// isinstance against one class, without allocating for builtin values.
pub fn value_is_instance(obj: &Value, c: &Rc<Class>) -> bool {
    if let Value::Instance(i) = obj {
        return is_subclass(&i.class, c);
    }
    match c.builtin {
        Some("object") => true,
        Some("int") => matches!(obj, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)),
        Some(n) => builtin_type_name(obj) == n,
        None => false,
    }
}

pub fn issubclass(sub: &Value, sup: &Value) -> PyResult<bool> {
    let subc = match sub {
        Value::Class(c) => c,
        _ => return Err(exc("TypeError", "issubclass() arg 1 must be a class".to_string())),
    };
    match sup {
        Value::Class(c) => Ok(is_subclass(subc, c)),
        Value::Tuple(t) => {
            for c in t.iter() {
                if issubclass(sub, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(exc("TypeError", "issubclass() arg 2 must be a class, a tuple of classes, or a union".to_string())),
    }
}

/// hash() of an instance: user __hash__, unhashable when __hash__ is None, payload hash for
/// builtin subclasses, identity otherwise.
pub fn instance_hash(v: &Value) -> PyResult<i64> {
    let inst = match v {
        Value::Instance(i) => i,
        _ => return crate::hash::py_hash(v),
    };
    match lookup_class_attr(&inst.class, "__hash__") {
        Some(Value::None) => Err(exc("TypeError", format!("unhashable type: '{}'", inst.class.name))),
        Some(f) => {
            let r = crate::object::call_bound(&f, v, vec![])?;
            match r {
                Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                Value::Bool(b) => Ok(b as i64),
                Value::BigInt(_) => crate::hash::py_hash(&r),
                _ => Err(exc("TypeError", "__hash__ method should return an integer".to_string())),
            }
        }
        None => {
            if let Some(b) = builtin_base(&inst.class) {
                if !is_exception_class(&inst.class) {
                    if let Some(p) = inst.base_value.borrow().as_ref() {
                        let _ = b;
                        return crate::hash::py_hash(p);
                    }
                }
            }
            Ok(crate::hash::pointer_hash(Rc::as_ptr(inst) as *const u8 as usize))
        }
    }
}
