//! Object model core: functions and calls (argument binding, recursion limit), attribute
//! access (instances, classes, modules, descriptors), items and slices, iteration, unpacking,
//! super().
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::classes::*;
use crate::exceptions::*;
use crate::ops::{int_from_big, is_, truthy};
use crate::value::*;

// ------------------------------------------------------------------------------------------
// Small helpers
// ------------------------------------------------------------------------------------------

thread_local! {
    static INTERNED: RefCell<HashMap<String, &'static str>> = RefCell::new(HashMap::new());
    static DEPTH: Cell<u32> = Cell::new(1);
    static RECURSION_LIMIT: Cell<u32> = Cell::new(1000);
    // holds the string itself so its address cannot be reused by another string
    static ASCII_CACHE: RefCell<Option<(Rc<str>, bool)>> = RefCell::new(None);
}

/// A `&'static str` for a dynamic name (leaked once per distinct name).
pub fn intern(name: &str) -> &'static str {
    INTERNED.with(|m| {
        let mut m = m.borrow_mut();
        if let Some(s) = m.get(name) {
            return *s;
        }
        let s: &'static str = Box::leak(name.to_string().into_boxed_str());
        m.insert(name.to_string(), s);
        s
    })
}

pub fn set_recursion_limit(n: u32) {
    RECURSION_LIMIT.with(|c| c.set(n));
}

pub fn get_recursion_limit() -> u32 {
    RECURSION_LIMIT.with(|c| c.get())
}

/// Python `id(x)`: address of the shared object; a stable fake address for unboxed values.
pub fn id_of(v: &Value) -> u64 {
    fn p<T: ?Sized>(r: &Rc<T>) -> u64 {
        Rc::as_ptr(r) as *const u8 as usize as u64
    }
    match v {
        Value::None => 0x9a3b40,
        Value::Bool(b) => 0x9a3b80 + *b as u64 * 32,
        Value::Int(i) => 0x7f0000000000u64.wrapping_add((*i as u64).wrapping_mul(32)),
        Value::Float(f) => 0x7e0000000000u64 ^ f.to_bits(),
        Value::BigInt(b) => p(b),
        Value::Str(s) => Rc::as_ptr(s) as *const u8 as usize as u64,
        Value::List(x) => p(x),
        Value::Tuple(x) => p(x),
        Value::Dict(x) => p(x),
        Value::Set(x) => p(x),
        Value::FrozenSet(x) => p(x),
        Value::Range(r) => 0x7d0000000000u64 ^ (r.start as u64).wrapping_mul(31) ^ (r.stop as u64),
        Value::Slice(x) => p(x),
        Value::Func(x) => p(x),
        Value::Builtin(x) => p(x),
        Value::BoundMethod(x) => p(x),
        Value::Class(x) => p(x),
        Value::Instance(x) => p(x),
        Value::Module(x) => p(x),
        Value::Iter(x) => p(x),
        Value::StaticMethod(x) => p(x),
        Value::ClassMethod(x) => p(x),
        Value::Property(x) => p(x),
        Value::Bytes(x) => p(x),
        Value::NotImplemented => 0x9a3c00,
        Value::Ellipsis => 0x9a3c40,
    }
}

pub fn range_len(r: &RangeV) -> i64 {
    let (start, stop, step) = (r.start as i128, r.stop as i128, r.step as i128);
    let n = if step > 0 {
        if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    n as i64
}

/// Is the str ASCII (cached for the most recently asked string, for index loops).
#[inline]
pub fn str_is_ascii(s: &Rc<str>) -> bool {
    if s.len() < 32 {
        return s.is_ascii();
    }
    ASCII_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((k, a)) = &*c {
            if Rc::ptr_eq(k, s) {
                return *a;
            }
        }
        let a = s.is_ascii();
        *c = Some((s.clone(), a));
        a
    })
}

/// The characters of a str as one-char str values.
pub fn str_chars(s: &str) -> Vec<Value> {
    if s.is_ascii() {
        s.as_bytes().iter().map(|b| Value::Str(ascii_char(*b))).collect()
    } else {
        s.chars().map(|c| Value::from(c.to_string())).collect()
    }
}

thread_local! {
    static ASCII_STRS: Vec<Rc<str>> = (0u8..128).map(|b| Rc::from((b as char).to_string().as_str())).collect();
}

/// Shared one-character str for an ASCII byte.
#[inline]
pub fn ascii_char(b: u8) -> Rc<str> {
    if b < 128 {
        ASCII_STRS.with(|v| v[b as usize].clone())
    } else {
        Rc::from((b as char).to_string().as_str())
    }
}

// ------------------------------------------------------------------------------------------
// Functions and calls
// ------------------------------------------------------------------------------------------

thread_local! {
    static CURRENT_MODULE: RefCell<Vec<String>> = RefCell::new(Vec::new());
}

pub(crate) fn push_current_module(name: &str) {
    CURRENT_MODULE.with(|m| m.borrow_mut().push(name.to_string()));
}
pub fn current_module() -> String {
    CURRENT_MODULE.with(|m| m.borrow().last().cloned().unwrap_or_else(|| "__main__".to_string()))
}
pub(crate) fn pop_current_module() {
    CURRENT_MODULE.with(|m| {
        m.borrow_mut().pop();
    });
}

pub fn make_function(name: &str, qualname: &str, params: Vec<Param>, body: FnBody) -> Value {
    let module = CURRENT_MODULE.with(|m| m.borrow().last().cloned().unwrap_or_else(|| "__main__".to_string()));
    Value::Func(Rc::new(Function {
        name: name.to_string(),
        qualname: qualname.to_string(),
        params,
        body,
        attrs: RefCell::new(Dict::new()),
        module,
    }))
}

/// Build a builtin function value from a Rust closure (used for builtins and wrappers).
pub fn make_builtin(
    name: &str,
    receiver: Option<Value>,
    f: Rc<dyn Fn(Option<&Value>, Vec<Value>, Vec<(String, Value)>) -> PyResult<Value>>,
) -> Value {
    Value::Builtin(Rc::new(BuiltinFn { name: intern(name), receiver, call: f }))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{} {}", n, word)
    } else {
        format!("{} {}s", n, word)
    }
}

fn name_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Bind call arguments to a function's parameters (CPython's error texts).
pub fn bind_params(fname: &str, params: &[Param], mut pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Vec<Value>> {
    let n = params.len();
    // fast path: exact positional call
    if kw.is_empty() && pos.len() == n && params.iter().all(|p| p.kind == ParamKind::Positional) {
        return Ok(pos);
    }
    let npos = params.iter().filter(|p| p.kind == ParamKind::Positional).count();
    let has_varargs = params.iter().any(|p| p.kind == ParamKind::VarArgs);
    let mut slots: Vec<Option<Value>> = vec![None; n];
    let given_pos = pos.len();
    let mut extra: Vec<Value> = vec![];
    if pos.len() > npos {
        if has_varargs {
            extra = pos.split_off(npos);
        } else {
            let with_default = params.iter().filter(|p| p.kind == ParamKind::Positional && p.default.is_some()).count();
            let kwonly_given = kw
                .iter()
                .filter(|(k, _)| params.iter().any(|p| p.kind == ParamKind::KwOnly && p.name == k.as_str()))
                .count();
            let takes = if with_default > 0 {
                format!("from {} to {} positional arguments", npos - with_default, npos)
            } else {
                plural(npos, "positional argument")
            };
            let given = if kwonly_given > 0 {
                format!(
                    "{} (and {}) were",
                    plural(given_pos, "positional argument"),
                    plural(kwonly_given, "keyword-only argument")
                )
            } else if given_pos == 1 {
                "1 was".to_string()
            } else {
                format!("{} were", given_pos)
            };
            return Err(type_error(format!("{}() takes {} but {} given", fname, takes, given)));
        }
    }
    let mut pi = 0;
    for v in pos {
        while params[pi].kind != ParamKind::Positional {
            pi += 1;
        }
        slots[pi] = Some(v);
        pi += 1;
    }
    let mut kwdict: Option<Dict> = None;
    let varkw_idx = params.iter().position(|p| p.kind == ParamKind::VarKw);
    for (k, v) in kw {
        let idx = params
            .iter()
            .position(|p| (p.kind == ParamKind::Positional || p.kind == ParamKind::KwOnly) && p.name == k.as_str());
        match idx {
            Some(i) => {
                if slots[i].is_some() {
                    return Err(type_error(format!("{}() got multiple values for argument '{}'", fname, k)));
                }
                slots[i] = Some(v);
            }
            None => {
                if varkw_idx.is_some() {
                    let d = kwdict.get_or_insert_with(Dict::new);
                    d.set_str(&k, v);
                } else {
                    return Err(type_error(format!("{}() got an unexpected keyword argument '{}'", fname, k)));
                }
            }
        }
    }
    let mut missing_pos: Vec<&str> = vec![];
    let mut missing_kw: Vec<&str> = vec![];
    for (i, p) in params.iter().enumerate() {
        match p.kind {
            ParamKind::Positional | ParamKind::KwOnly => {
                if slots[i].is_none() {
                    match &p.default {
                        Some(d) => slots[i] = Some(d.clone()),
                        None => {
                            if p.kind == ParamKind::Positional {
                                missing_pos.push(p.name)
                            } else {
                                missing_kw.push(p.name)
                            }
                        }
                    }
                }
            }
            ParamKind::VarArgs => slots[i] = Some(Value::Tuple(Rc::new(std::mem::take(&mut extra)))),
            ParamKind::VarKw => {
                slots[i] = Some(Value::Dict(Rc::new(RefCell::new(kwdict.take().unwrap_or_else(Dict::new)))))
            }
        }
    }
    if !missing_pos.is_empty() {
        return Err(type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            fname,
            missing_pos.len(),
            if missing_pos.len() == 1 { "" } else { "s" },
            name_list(&missing_pos)
        )));
    }
    if !missing_kw.is_empty() {
        return Err(type_error(format!(
            "{}() missing {} required keyword-only argument{}: {}",
            fname,
            missing_kw.len(),
            if missing_kw.len() == 1 { "" } else { "s" },
            name_list(&missing_kw)
        )));
    }
    Ok(slots.into_iter().map(|s| s.unwrap_or(Value::None)).collect())
}

/// Current Python call depth (the module body counts as 1).
pub fn call_depth() -> u32 {
    DEPTH.with(|d| d.get())
}

/// Enter one Python-level frame (RecursionError beyond the limit).
#[inline]
pub fn enter_frame() -> PyResult<()> {
    let (d, limit) = DEPTH.with(|c| {
        let d = c.get() + 1;
        c.set(d);
        (d, RECURSION_LIMIT.with(|l| l.get()))
    });
    if d > limit || (d > 200 && (d & 63) == 0) {
        return deep_frame(d, limit);
    }
    Ok(())
}

/// Past the limit: RecursionError. Every 64 frames past depth 200: flush buffered stdout so
/// that a wasm stack-overflow trap cannot swallow what was printed before it.
#[inline(never)]
fn deep_frame(d: u32, limit: u32) -> PyResult<()> {
    if d > limit {
        DEPTH.with(|c| c.set(c.get() - 1));
        return Err(exc("RecursionError", "maximum recursion depth exceeded".to_string()));
    }
    crate::builtins::flush_stdout();
    Ok(())
}

#[inline]
pub fn leave_frame() {
    DEPTH.with(|c| c.set(c.get().saturating_sub(1)));
}

pub fn call_function(f: &Rc<Function>, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    // Keep this frame small: deep Python recursion runs through it (wasm stacks are small).
    let args = if kw.is_empty() && pos.len() == f.params.len() && f.params.iter().all(|p| p.kind == ParamKind::Positional) {
        pos
    } else {
        bind_slow(f, pos, kw)?
    };
    enter_frame()?;
    let r = (f.body)(args);
    leave_frame();
    r
}

#[inline(never)]
fn bind_slow(f: &Rc<Function>, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Vec<Value>> {
    bind_params(&f.qualname, &f.params, pos, kw)
}

/// Call any callable.
pub fn call(f: &Value, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    match f {
        Value::Func(func) => call_function(func, pos, kw),
        Value::Builtin(b) => (b.call)(b.receiver.as_ref(), pos, kw),
        _ => call_other(f, pos, kw),
    }
}

#[inline(never)]
fn call_other(f: &Value, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    match f {
        Value::Func(func) => call_function(func, pos, kw),
        Value::Builtin(b) => (b.call)(b.receiver.as_ref(), pos, kw),
        Value::BoundMethod(bm) => {
            let mut args = Vec::with_capacity(pos.len() + 1);
            args.push(bm.0.clone());
            args.extend(pos);
            call(&bm.1, args, kw)
        }
        Value::Class(c) => instantiate(c, pos, kw),
        Value::StaticMethod(g) => call(g, pos, kw),
        Value::Instance(i) => match lookup_class_attr(&i.class, "__call__") {
            Some(m) => call_bound_kw(&m, f, pos, kw),
            None => Err(type_error(format!("'{}' object is not callable", i.class.name))),
        },
        _ => Err(type_error(format!("'{}' object is not callable", type_name(f)))),
    }
}

/// Call a raw class attribute `f` as a method of `self_` (binding Func, handling
/// staticmethod/classmethod).
pub fn call_bound_kw(f: &Value, self_: &Value, args: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    match f {
        Value::Func(func) => {
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(self_.clone());
            a.extend(args);
            call_function(func, a, kw)
        }
        Value::StaticMethod(g) => call(g, args, kw),
        Value::ClassMethod(g) => {
            let cls = match self_ {
                Value::Class(_) => self_.clone(),
                _ => Value::Class(type_of(self_)),
            };
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(cls);
            a.extend(args);
            call(g, a, kw)
        }
        Value::Builtin(b) if b.receiver.is_none() && b.name.starts_with("__") => {
            // unbound builtin slot wrapper stored in a class (e.g. __hash__ = object.__hash__)
            let mut a = Vec::with_capacity(args.len() + 1);
            a.push(self_.clone());
            a.extend(args);
            call(f, a, kw)
        }
        Value::Instance(i) if lookup_class_attr(&i.class, "__get__").is_some() => {
            let bound = call_method(f, "__get__", vec![self_.clone(), Value::Class(type_of(self_))], vec![])?;
            call(&bound, args, kw)
        }
        _ => call(f, args, kw),
    }
}

pub fn call_bound(f: &Value, self_: &Value, args: Vec<Value>) -> PyResult<Value> {
    call_bound_kw(f, self_, args, vec![])
}

/// Look up a special method on the type of `v` (instances only; None for builtin values).
pub fn lookup_special(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) => lookup_class_attr(&i.class, name),
        _ => None,
    }
}

// ---- obj.__dict__: a live view of an instance's attribute dict ----------------------------

/// `obj.__dict__` for an instance: an `instance_dict` object whose payload is the owner.
pub fn instance_dict_proxy(owner: &Value) -> Value {
    Value::Instance(Rc::new(Instance {
        class: builtin_class("instance_dict"),
        attrs: RefCell::new(Dict::new()),
        base_value: RefCell::new(Some(owner.clone())),
    }))
}

/// The owner instance when `v` is an `obj.__dict__` view.
pub fn idict_owner(v: &Value) -> Option<Rc<Instance>> {
    if let Value::Instance(i) = v {
        if i.class.builtin == Some("instance_dict") {
            if let Some(Value::Instance(o)) = i.base_value.borrow().as_ref() {
                return Some(o.clone());
            }
        }
    }
    None
}

/// Snapshot of the owner's attributes as a dict value.
pub fn idict_snapshot(owner: &Rc<Instance>) -> Value {
    Value::Dict(Rc::new(RefCell::new(owner.attrs.borrow().clone())))
}

/// Write a (possibly modified) snapshot back into the owner (string keys only).
pub fn idict_writeback(owner: &Rc<Instance>, snap: &Value) {
    if let Value::Dict(d) = snap {
        let mut nd = Dict::new();
        for (k, v) in d.borrow().iter() {
            if let Value::Str(s) = k {
                nd.set_str(s, v.clone());
            }
        }
        *owner.attrs.borrow_mut() = nd;
    }
}

/// Run a mutating operation on an `obj.__dict__` view.
fn idict_mutate<R>(owner: &Rc<Instance>, f: impl FnOnce(&Value) -> PyResult<R>) -> PyResult<R> {
    let snap = idict_snapshot(owner);
    let r = f(&snap);
    idict_writeback(owner, &snap);
    r
}

fn payload_of(inst: &Rc<Instance>) -> Option<Value> {
    if inst.class.builtin == Some("instance_dict") {
        return idict_owner(&Value::Instance(inst.clone())).map(|o| idict_snapshot(&o));
    }
    if has_flag(&inst.class, F_PAYLOAD) {
        inst.base_value.borrow().clone()
    } else {
        None
    }
}

/// `recv.name(*pos, **kw)`
pub fn call_method(recv: &Value, name: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    match recv {
        Value::Instance(inst) => {
            if inst.class.builtin.is_some() {
                return builtin_instance_method(recv, inst, name, pos, kw);
            }
            let own = inst.attrs.borrow().get_str(name);
            if let Some(v) = own {
                return call(&v, pos, kw);
            }
            match lookup_class_attr(&inst.class, name) {
                Some(Value::Property(_)) | None => {}
                Some(f) => return call_bound_kw(&f, recv, pos, kw),
            }
            if let Some(p) = payload_of(inst) {
                if lookup_class_attr(&inst.class, "__getattr__").is_none() {
                    if let Some(r) = crate::methods::call_builtin_method(&p, name, pos.clone(), kw.clone()) {
                        return r;
                    }
                }
            }
            let m = getattr(recv, name)?;
            call(&m, pos, kw)
        }
        Value::Class(_) | Value::Module(_) | Value::Func(_) => {
            let m = getattr(recv, name)?;
            call(&m, pos, kw)
        }
        Value::Property(p) => {
            let f = pos.first().cloned().unwrap_or(Value::None);
            match name {
                "setter" => Ok(Value::Property(Rc::new((p.0.clone(), f, p.2.clone())))),
                "getter" => Ok(Value::Property(Rc::new((f, p.1.clone(), p.2.clone())))),
                "deleter" => Ok(Value::Property(Rc::new((p.0.clone(), p.1.clone(), f)))),
                "__get__" => {
                    let obj = pos.first().cloned().unwrap_or(Value::None);
                    if matches!(obj, Value::None) {
                        return Ok(recv.clone());
                    }
                    call(&p.0, vec![obj], vec![])
                }
                _ => {
                    let m = getattr(recv, name)?;
                    call(&m, pos, kw)
                }
            }
        }
        _ => {
            // R2's dispatch consumes the arguments; keep a copy only for names that may be
            // non-method attributes (data attributes, dunders handled by getattr).
            let backup = if may_be_data_attr(name) { Some((pos.clone(), kw.clone())) } else { None };
            if let Some(r) = crate::methods::call_builtin_method(recv, name, pos, kw) {
                return r;
            }
            let m = getattr(recv, name)?;
            match backup {
                Some((pos, kw)) => call(&m, pos, kw),
                None => Err(type_error(format!("'{}' object is not callable", type_name(&m)))),
            }
        }
    }
}

fn may_be_data_attr(name: &str) -> bool {
    name.starts_with('_')
        || matches!(name, "default_factory" | "real" | "imag" | "numerator" | "denominator" | "start" | "stop" | "step")
}

/// Methods of instances of builtin classes represented as Instance (object(), super,
/// sys.stdout/stderr streams).
fn builtin_instance_method(recv: &Value, inst: &Rc<Instance>, name: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    match inst.class.builtin {
        Some("super") => {
            let m = getattr(recv, name)?;
            call(&m, pos, kw)
        }
        Some("instance_dict") => {
            let owner = match idict_owner(recv) {
                Some(o) => o,
                None => return Err(type_error("bad __dict__ view".to_string())),
            };
            idict_mutate(&owner, |snap| match crate::methods::call_builtin_method(snap, name, pos, kw) {
                Some(r) => r.map(|v| if is_(&v, snap) { recv.clone() } else { v }),
                None => Err(exc("AttributeError", format!("'dict' object has no attribute '{}'", name))),
            })
        }
        Some("TextIOWrapper") => {
            let fd = match inst.base_value.borrow().as_ref() {
                Some(Value::Int(i)) => *i,
                _ => 1,
            };
            match name {
                "write" => {
                    let s = match pos.first() {
                        Some(Value::Str(s)) => s.clone(),
                        Some(other) => {
                            return Err(type_error(format!("write() argument must be str, not {}", type_name(other))))
                        }
                        None => return Err(type_error("write() takes exactly one argument (0 given)".to_string())),
                    };
                    crate::builtins::write_fd(fd, &s);
                    Ok(Value::Int(crate::methods_str::char_len(&s) as i64))
                }
                "flush" => {
                    if fd == 1 {
                        crate::builtins::flush_stdout();
                    }
                    Ok(Value::None)
                }
                "writelines" => {
                    for line in unpack_iterable(pos.first().unwrap_or(&Value::None))? {
                        crate::builtins::write_fd(fd, &crate::repr::to_str(&line)?);
                    }
                    Ok(Value::None)
                }
                "readline" => crate::builtins::read_line().map(|l| Value::from(l.unwrap_or_default())),
                "read" => crate::builtins::read_all().map(Value::from),
                "readlines" => {
                    let all = crate::builtins::read_all()?;
                    Ok(crate::ops::new_list(all.split_inclusive('\n').map(Value::from).collect()))
                }
                "fileno" => Ok(Value::Int(fd)),
                "isatty" => Ok(Value::Bool(false)),
                _ => {
                    let m = getattr(recv, name)?;
                    call(&m, pos, kw)
                }
            }
        }
        _ => {
            let m = getattr(recv, name)?;
            call(&m, pos, kw)
        }
    }
}

// ------------------------------------------------------------------------------------------
// Instantiation
// ------------------------------------------------------------------------------------------

fn is_immutable_builtin(b: &str) -> bool {
    matches!(b, "int" | "float" | "str" | "tuple" | "frozenset" | "bytes" | "complex")
}

/// Create a bare instance of a user class (object.__new__ / builtin payload __new__).
pub fn new_instance(cls: &Rc<Class>, pos: &[Value], kw: &[(String, Value)]) -> PyResult<Value> {
    let flags = class_flags(cls);
    if flags & F_ABSTRACT != 0 {
        return Err(abstract_instantiation_error(cls));
    }
    let payload = if flags & F_EXC != 0 {
        Some(Value::Tuple(Rc::new(pos.to_vec())))
    } else if flags & F_PAYLOAD == 0 {
        None
    } else {
        match builtin_base(cls) {
            Some(b) if is_immutable_builtin(b) => Some(crate::builtins::call_builtin(b, pos.to_vec(), kw.to_vec())?),
            Some("list") => Some(crate::ops::new_list(vec![])),
            Some("dict") => Some(Value::Dict(Rc::new(RefCell::new(Dict::new())))),
            Some("set") => Some(Value::Set(Rc::new(RefCell::new(Set::new())))),
            _ => None,
        }
    };
    Ok(Value::Instance(Rc::new(Instance { class: cls.clone(), attrs: RefCell::new(Dict::new()), base_value: RefCell::new(payload) })))
}

/// Builtin __init__ for instances whose class has no user __init__.
fn builtin_init(inst_v: &Value, cls: &Rc<Class>, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<()> {
    if is_exception_class(cls) {
        if !kw.is_empty() {
            return Err(type_error(format!("{}() takes no keyword arguments", cls.name)));
        }
        return Ok(());
    }
    match builtin_base(cls) {
        Some(b) if matches!(b, "list" | "dict" | "set") => {
            let v = crate::builtins::call_builtin(b, pos, kw)?;
            if let Value::Instance(i) = inst_v {
                *i.base_value.borrow_mut() = Some(v);
            }
            Ok(())
        }
        Some(_) => Ok(()),
        None => {
            if !pos.is_empty() || !kw.is_empty() {
                if lookup_class_attr(cls, "__new__").is_none() {
                    return Err(type_error(format!("{}() takes no arguments", cls.name)));
                }
            }
            Ok(())
        }
    }
}

/// CPython maps OSError(errno, ...) to a subclass.
fn oserror_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

/// `cls(*pos, **kw)`
pub fn instantiate(cls: &Rc<Class>, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    if let Some(b) = cls.builtin {
        if is_exception_class(cls) {
            if !kw.is_empty() {
                return Err(type_error(format!("{}() takes no keyword arguments", b)));
            }
            if b == "OSError" && pos.len() >= 2 {
                if let Value::Int(errno) = pos[0] {
                    if let Some(sub) = oserror_subclass(errno) {
                        return Ok(new_exception_instance(&builtin_class(sub), pos));
                    }
                }
            }
            return Ok(new_exception_instance(cls, pos));
        }
        return crate::builtins::call_builtin(b, pos, kw);
    }
    let flags = class_flags(cls);
    let newf = if flags & F_NEW != 0 { lookup_class_attr(cls, "__new__") } else { None };
    let inst = match newf {
        Some(newf) => {
            let newf = match newf {
                Value::StaticMethod(g) => (*g).clone(),
                other => other,
            };
            let mut a = Vec::with_capacity(pos.len() + 1);
            a.push(Value::Class(cls.clone()));
            a.extend(pos.iter().cloned());
            let r = call(&newf, a, kw.clone())?;
            let ok = match &r {
                Value::Instance(i) => is_subclass(&i.class, cls),
                _ => false,
            };
            if !ok {
                return Ok(r);
            }
            r
        }
        None => new_instance(cls, &pos, &kw)?,
    };
    let init = if flags & F_INIT != 0 { lookup_class_attr(cls, "__init__") } else { None };
    match init {
        Some(init) => {
            let r = call_bound_kw(&init, &inst, pos, kw)?;
            if !matches!(r, Value::None) {
                return Err(type_error(format!("__init__() should return None, not '{}'", type_name(&r))));
            }
        }
        None => {
            if flags & F_NEW == 0 {
                builtin_init(&inst, cls, pos, kw)?;
            }
        }
    }
    Ok(inst)
}

// ------------------------------------------------------------------------------------------
// super() and builtin-method fallbacks
// ------------------------------------------------------------------------------------------

/// Zero-argument `super()` inside a method of `class` with first parameter `self_`.
pub fn super_(class: &Value, self_: &Value) -> PyResult<Value> {
    match class {
        Value::Class(_) => {}
        _ => return Err(type_error("super() argument 1 must be a type".to_string())),
    }
    Ok(Value::Instance(Rc::new(Instance {
        class: builtin_class("super"),
        attrs: RefCell::new(Dict::new()),
        base_value: RefCell::new(Some(Value::Tuple(Rc::new(vec![class.clone(), self_.clone()])))),
    })))
}

fn super_getattr(sup: &Rc<Instance>, name: &str) -> PyResult<Value> {
    let (cls, obj) = match sup.base_value.borrow().as_ref() {
        Some(Value::Tuple(t)) => (t[0].clone(), t[1].clone()),
        _ => return Err(type_error("bad super object".to_string())),
    };
    let cls = match cls {
        Value::Class(c) => c,
        _ => return Err(type_error("bad super object".to_string())),
    };
    let start_type = match &obj {
        Value::Class(c) if is_subclass(c, &cls) => c.clone(),
        _ => type_of(&obj),
    };
    let mro = mro_of(&start_type);
    let pos = mro.iter().position(|c| Rc::ptr_eq(c, &cls)).map(|p| p + 1).unwrap_or(mro.len());
    for c in &mro[pos..] {
        let found = c.attrs.borrow().get_str(name);
        if let Some(v) = found {
            return Ok(match v {
                Value::Func(_) => {
                    if matches!(obj, Value::Class(_)) {
                        v
                    } else {
                        Value::BoundMethod(Rc::new((obj.clone(), v)))
                    }
                }
                Value::ClassMethod(g) => {
                    let target = match &obj {
                        Value::Class(_) => obj.clone(),
                        _ => Value::Class(type_of(&obj)),
                    };
                    Value::BoundMethod(Rc::new((target, (*g).clone())))
                }
                Value::StaticMethod(g) => (*g).clone(),
                Value::Property(p) => call(&p.0, vec![obj.clone()], vec![])?,
                other => other,
            });
        }
    }
    // builtin behaviour of the next builtin class in the MRO
    let bname = mro[pos.min(mro.len())..].iter().find_map(|c| c.builtin).unwrap_or("object");
    if name == "__new__" {
        // static: the caller passes the class explicitly
        return Ok(builtin_unbound(bname, name, None));
    }
    Ok(builtin_unbound(bname, name, Some(obj)))
}

/// A callable performing builtin class `cls_name`'s method `name` on `self_` (or on the first
/// argument when `self_` is None: `object.__setattr__(self, k, v)`, `Exception.__init__(self)`).
pub fn builtin_unbound(cls_name: &'static str, name: &str, self_: Option<Value>) -> Value {
    let mname = intern(name);
    match self_ {
        Some(s) => {
            // bound (super().name): the receiver is `s`, even when it is a class
            let me = s.clone();
            make_builtin(
                name,
                Some(s),
                Rc::new(move |_recv: Option<&Value>, pos: Vec<Value>, kw: Vec<(String, Value)>| {
                    builtin_method_on(&me, cls_name, mname, pos, kw)
                }),
            )
        }
        None => make_builtin(
            name,
            Some(Value::Class(builtin_class(cls_name))),
            Rc::new(move |_recv: Option<&Value>, mut pos: Vec<Value>, kw: Vec<(String, Value)>| {
                if pos.is_empty() {
                    return Err(type_error(format!("unbound method {}.{}() needs an argument", cls_name, mname)));
                }
                let me = pos.remove(0);
                builtin_method_on(&me, cls_name, mname, pos, kw)
            }),
        ),
    }
}

/// Builtin implementation of method `name` of builtin class `cls_name` applied to `me`.
pub fn builtin_method_on(me: &Value, cls_name: &str, name: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let inst = match me {
        Value::Instance(i) => Some(i.clone()),
        _ => None,
    };
    match name {
        "__init__" => {
            if let Some(i) = &inst {
                if is_exception_class(&i.class) {
                    *i.base_value.borrow_mut() = Some(Value::Tuple(Rc::new(pos)));
                    return Ok(Value::None);
                }
                if matches!(cls_name, "list" | "dict" | "set") {
                    let v = crate::builtins::call_builtin(cls_name, pos, kw)?;
                    *i.base_value.borrow_mut() = Some(v);
                }
            }
            return Ok(Value::None);
        }
        "__new__" => {
            // me is the class
            if let Value::Class(c) = me {
                if c.builtin.is_some() {
                    return crate::builtins::call_builtin(c.builtin.unwrap(), pos, kw);
                }
                let inst = new_instance(c, &pos, &kw)?;
                return Ok(inst);
            }
            return Err(type_error("object.__new__(X): X is not a type object".to_string()));
        }
        "__init_subclass__" | "__set_name__" => return Ok(Value::None),
        "__setattr__" => {
            if pos.len() != 2 {
                return Err(type_error("expected 2 arguments".to_string()));
            }
            let n = match &pos[0] {
                Value::Str(s) => s.clone(),
                _ => return Err(type_error("attribute name must be string".to_string())),
            };
            return generic_setattr(me, &n, pos[1].clone()).map(|_| Value::None);
        }
        "__getattribute__" | "__getattr__" => {
            let n = match pos.first() {
                Some(Value::Str(s)) => s.clone(),
                _ => return Err(type_error("attribute name must be string".to_string())),
            };
            return generic_getattr(me, &n);
        }
        "__delattr__" => {
            let n = match pos.first() {
                Some(Value::Str(s)) => s.clone(),
                _ => return Err(type_error("attribute name must be string".to_string())),
            };
            return generic_delattr(me, &n).map(|_| Value::None);
        }
        "__str__" => return builtin_str_of(me).map(Value::from),
        "__repr__" => return builtin_repr_of(me).map(Value::from),
        "__format__" => {
            let spec = match pos.first() {
                Some(Value::Str(s)) => s.to_string(),
                _ => String::new(),
            };
            let s = builtin_str_of(me)?;
            return crate::repr::format_value(&Value::from(s), &spec).map(Value::from);
        }
        "__hash__" => {
            if let Some(i) = &inst {
                if let Some(p) = payload_of(i) {
                    return crate::hash::py_hash(&p).map(Value::Int);
                }
                return Ok(Value::Int(crate::hash::pointer_hash(Rc::as_ptr(i) as *const u8 as usize)));
            }
            return crate::hash::py_hash(me).map(Value::Int);
        }
        "__eq__" | "__ne__" if inst.as_ref().map(|i| payload_of(i).is_none()).unwrap_or(false) => {
            let other = pos.first().cloned().unwrap_or(Value::None);
            if is_(me, &other) {
                return Ok(Value::Bool(name == "__eq__"));
            }
            if name == "__ne__" {
                let r = crate::ops::eq(me, &other)?;
                return Ok(Value::Bool(!r));
            }
            return Ok(Value::NotImplemented);
        }
        _ => {}
    }
    let target = match &inst {
        Some(i) => payload_of(i).unwrap_or_else(|| me.clone()),
        None => me.clone(),
    };
    if matches!(target, Value::Instance(_)) {
        return Err(exc("AttributeError", format!("'super' object has no attribute '{}'", name)));
    }
    if let Some(r) = crate::methods::call_builtin_method(&target, name, pos.clone(), kw.clone()) {
        return r;
    }
    crate::methods_util::generic_dunder(&target, name, pos)
}

fn builtin_str_of(me: &Value) -> PyResult<String> {
    if let Value::Instance(i) = me {
        if is_exception_class(&i.class) {
            return exception_str(me);
        }
        if let Some(p) = payload_of(i) {
            return crate::repr::to_str(&p);
        }
        if lookup_class_attr(&i.class, "__repr__").is_some() {
            return crate::repr::to_repr(me);
        }
        return Ok(crate::repr::default_instance_repr(me));
    }
    crate::repr::to_str(me)
}

fn builtin_repr_of(me: &Value) -> PyResult<String> {
    if let Value::Instance(i) = me {
        if is_exception_class(&i.class) {
            return exception_repr(me);
        }
        if let Some(p) = payload_of(i) {
            return crate::repr::to_repr(&p);
        }
        return Ok(crate::repr::default_instance_repr(me));
    }
    crate::repr::to_repr(me)
}

// ------------------------------------------------------------------------------------------
// Attributes
// ------------------------------------------------------------------------------------------

fn attr_error(obj: &Value, name: &str) -> PyErr {
    let err = match obj {
        Value::Class(c) => exc("AttributeError", format!("type object '{}' has no attribute '{}'", c.name, name)),
        Value::Module(m) => exc("AttributeError", format!("module '{}' has no attribute '{}'", m.name, name)),
        _ => exc("AttributeError", format!("'{}' object has no attribute '{}'", type_name(obj), name)),
    };
    if let Value::Instance(e) = &err.exc {
        let mut a = e.attrs.borrow_mut();
        a.set_str("name", Value::from(name));
        a.set_str("obj", obj.clone());
    }
    err
}

/// `exc.add_note(note)` (3.11): appends `note` to the exception's `__notes__` list.
fn add_note_method(exc_v: &Value) -> Value {
    make_builtin(
        "add_note",
        Some(exc_v.clone()),
        Rc::new(|recv, pos, kw| {
            if pos.len() != 1 || !kw.is_empty() {
                return Err(type_error(format!("BaseException.add_note() takes exactly one argument ({} given)", pos.len() + kw.len())));
            }
            if !matches!(pos[0], Value::Str(_)) {
                return Err(type_error(format!("note must be a str, not '{}'", type_name(&pos[0]))));
            }
            let inst = match recv {
                Some(Value::Instance(i)) => i,
                _ => return Err(type_error("add_note() needs an exception".to_string())),
            };
            let notes = inst.attrs.borrow().get_str("__notes__");
            match notes {
                Some(Value::List(l)) => l.borrow_mut().push(pos[0].clone()),
                Some(_) => return Err(type_error("Cannot add note: __notes__ is not a list".to_string())),
                None => inst.attrs.borrow_mut().set_str("__notes__", crate::ops::new_list(vec![pos[0].clone()])),
            }
            Ok(Value::None)
        }),
    )
}

fn snapshot_dict(d: &Dict) -> Value {
    Value::Dict(Rc::new(RefCell::new(d.clone())))
}

/// `obj.name`
pub fn getattr(obj: &Value, name: &str) -> PyResult<Value> {
    match obj {
        Value::Instance(inst) => {
            if inst.class.builtin == Some("super") {
                return super_getattr(inst, name);
            }
            if has_flag(&inst.class, F_GETATTRIBUTE) {
                if let Some(f) = lookup_class_attr(&inst.class, "__getattribute__") {
                    return call_bound(&f, obj, vec![Value::from(name)]);
                }
            }
            instance_getattr(obj, inst, name)
        }
        Value::Class(c) => class_getattr(c, name),
        Value::Module(m) => {
            if let Some(v) = m.attrs.borrow().get_str(name) {
                return Ok(v);
            }
            if name == "__dict__" {
                return Ok(snapshot_dict(&m.attrs.borrow()));
            }
            let g = m.attrs.borrow().get_str("__getattr__");
            if let Some(g) = g {
                return call(&g, vec![Value::from(name)], vec![]);
            }
            Err(attr_error(obj, name))
        }
        Value::Func(f) => {
            if let Some(v) = f.attrs.borrow().get_str(name) {
                return Ok(v);
            }
            match name {
                "__name__" => Ok(Value::from(f.name.as_str())),
                "__qualname__" => Ok(Value::from(f.qualname.as_str())),
                "__module__" => Ok(Value::from(f.module.as_str())),
                "__doc__" => Ok(Value::None),
                "__dict__" => Ok(snapshot_dict(&f.attrs.borrow())),
                "__class__" => Ok(Value::Class(builtin_class("function"))),
                "__defaults__" => {
                    let d: Vec<Value> = f
                        .params
                        .iter()
                        .filter(|p| p.kind == ParamKind::Positional)
                        .filter_map(|p| p.default.clone())
                        .collect();
                    Ok(if d.is_empty() { Value::None } else { crate::ops::new_tuple(d) })
                }
                "__get__" => {
                    let fv = obj.clone();
                    Ok(make_builtin(
                        "__get__",
                        Some(obj.clone()),
                        Rc::new(move |_r, pos, _kw| {
                            let inst = pos.first().cloned().unwrap_or(Value::None);
                            if matches!(inst, Value::None) {
                                Ok(fv.clone())
                            } else {
                                Ok(Value::BoundMethod(Rc::new((inst, fv.clone()))))
                            }
                        }),
                    ))
                }
                _ => Err(attr_error(obj, name)),
            }
        }
        Value::BoundMethod(bm) => match name {
            "__self__" => Ok(bm.0.clone()),
            "__func__" => Ok(bm.1.clone()),
            "__class__" => Ok(Value::Class(builtin_class("method"))),
            _ => getattr(&bm.1, name),
        },
        Value::Property(p) => match name {
            "fget" => Ok(p.0.clone()),
            "fset" => Ok(p.1.clone()),
            "fdel" => Ok(p.2.clone()),
            "__doc__" => getattr(&p.0, "__doc__").or(Ok(Value::None)),
            "__class__" => Ok(Value::Class(type_of(obj))),
            "setter" | "getter" | "deleter" | "__get__" => {
                let n = intern(name);
                Ok(make_builtin(name, Some(obj.clone()), Rc::new(move |r, pos, kw| call_method(r.unwrap(), n, pos, kw))))
            }
            _ => Err(attr_error(obj, name)),
        },
        Value::StaticMethod(f) | Value::ClassMethod(f) => match name {
            "__func__" => Ok((**f).clone()),
            "__class__" => Ok(Value::Class(type_of(obj))),
            _ => getattr(f, name),
        },
        _ => {
            if let Some(r) = crate::methods::builtin_attr(obj, name) {
                return r;
            }
            match name {
                "__class__" => Ok(Value::Class(type_of(obj))),
                "__name__" => match obj {
                    Value::Builtin(b) => Ok(Value::from(b.name)),
                    _ => Err(attr_error(obj, name)),
                },
                "__qualname__" => match obj {
                    Value::Builtin(b) => Ok(Value::from(b.name)),
                    _ => Err(attr_error(obj, name)),
                },
                "__self__" => match obj {
                    Value::Builtin(b) => Ok(b.receiver.clone().unwrap_or(Value::None)),
                    _ => Err(attr_error(obj, name)),
                },
                "__doc__" => Ok(Value::None),
                _ => {
                    if matches!(obj, Value::Builtin(_) | Value::Iter(_) | Value::Slice(_) | Value::Range(_)) {
                        if let Some(v) = misc_attr(obj, name) {
                            return Ok(v);
                        }
                    }
                    Err(attr_error(obj, name))
                }
            }
        }
    }
}

fn misc_attr(obj: &Value, name: &str) -> Option<Value> {
    match (obj, name) {
        (Value::Slice(s), "start") => Some(s.0.clone()),
        (Value::Slice(s), "stop") => Some(s.1.clone()),
        (Value::Slice(s), "step") => Some(s.2.clone()),
        (Value::Range(r), "start") => Some(Value::Int(r.start)),
        (Value::Range(r), "stop") => Some(Value::Int(r.stop)),
        (Value::Range(r), "step") => Some(Value::Int(r.step)),
        _ => None,
    }
}

/// object.__getattribute__ semantics for instances (no user __getattribute__).
pub fn generic_getattr(obj: &Value, name: &str) -> PyResult<Value> {
    match obj {
        Value::Instance(inst) => instance_getattr(obj, inst, name),
        _ => getattr(obj, name),
    }
}

fn instance_getattr(obj: &Value, inst: &Rc<Instance>, name: &str) -> PyResult<Value> {
    let flags = class_flags(&inst.class);
    if flags & F_DESCR == 0 {
        // no data descriptors anywhere in the MRO: the instance dict wins
        let own = inst.attrs.borrow().get_str(name);
        if let Some(v) = own {
            return Ok(v);
        }
    }
    let cattr = lookup_class_attr(&inst.class, name);
    // data descriptors win over the instance dict
    match &cattr {
        Some(Value::Property(p)) => {
            if matches!(p.0, Value::None) {
                return Err(exc(
                    "AttributeError",
                    format!("property '{}' of '{}' object has no getter", name, inst.class.name),
                ));
            }
            return call(&p.0, vec![obj.clone()], vec![]);
        }
        Some(d @ Value::Instance(di)) => {
            if lookup_class_attr(&di.class, "__get__").is_some() && lookup_class_attr(&di.class, "__set__").is_some() {
                return call_method(d, "__get__", vec![obj.clone(), Value::Class(inst.class.clone())], vec![]);
            }
        }
        _ => {}
    }
    if let Some(v) = inst.attrs.borrow().get_str(name) {
        return Ok(v);
    }
    if let Some(c) = cattr {
        return Ok(match c {
            Value::Func(_) => Value::BoundMethod(Rc::new((obj.clone(), c))),
            Value::StaticMethod(g) => (*g).clone(),
            Value::ClassMethod(g) => Value::BoundMethod(Rc::new((Value::Class(inst.class.clone()), (*g).clone()))),
            Value::Instance(ref di) if lookup_class_attr(&di.class, "__get__").is_some() => {
                call_method(&c, "__get__", vec![obj.clone(), Value::Class(inst.class.clone())], vec![])?
            }
            other => other,
        });
    }
    match name {
        "__class__" => return Ok(Value::Class(inst.class.clone())),
        "__dict__" if flags & F_SLOTS == 0 => return Ok(instance_dict_proxy(obj)),
        _ => {}
    }
    if is_exception_class(&inst.class) {
        match name {
            "args" => return Ok(Value::Tuple(Rc::new(exception_args(obj)))),
            "__cause__" | "__context__" | "__traceback__" => return Ok(Value::None),
            "__suppress_context__" => return Ok(Value::Bool(false)),
            "__notes__" => {}
            "with_traceback" => {
                let me = obj.clone();
                return Ok(make_builtin("with_traceback", Some(obj.clone()), Rc::new(move |_r, _p, _k| Ok(me.clone()))));
            }
            "add_note" => return Ok(add_note_method(obj)),
            _ => {}
        }
        // StopIteration.value, SystemExit.code, KeyError etc.
        let args = exception_args(obj);
        let cname = builtin_base(&inst.class).unwrap_or("");
        let first = args.first().cloned().unwrap_or(Value::None);
        match (name, cname) {
            ("value", "StopIteration") => return Ok(first),
            ("code", "SystemExit") => {
                return Ok(if args.len() > 1 { Value::Tuple(Rc::new(args)) } else { first });
            }
            ("errno", _) | ("strerror", _) | ("filename", _) | ("filename2", _) if is_subclass(&inst.class, &builtin_class("OSError")) => {
                if (2..=5).contains(&args.len()) {
                    let ix = match name {
                        "errno" => 0,
                        "strerror" => 1,
                        "filename" => 2,
                        _ => 4,
                    };
                    return Ok(args.get(ix).cloned().unwrap_or(Value::None));
                }
                return Ok(Value::None);
            }
            ("msg", _) if is_subclass(&inst.class, &builtin_class("ImportError")) => return Ok(first),
            ("name", _) | ("path", _) if is_subclass(&inst.class, &builtin_class("ImportError")) => return Ok(Value::None),
            ("name", _) if is_subclass(&inst.class, &builtin_class("NameError")) => return Ok(Value::None),
            ("name", _) | ("obj", _) if is_subclass(&inst.class, &builtin_class("AttributeError")) => return Ok(Value::None),
            _ => {}
        }
    }
    if inst.class.builtin.is_some() {
        if let Some(v) = builtin_instance_attr(obj, inst, name) {
            return Ok(v);
        }
    }
    if let Some(p) = payload_of(inst) {
        if let Some(r) = crate::methods::builtin_attr(&p, name) {
            return r;
        }
    }
    if let Some(ga) = lookup_class_attr(&inst.class, "__getattr__") {
        return call_bound(&ga, obj, vec![Value::from(name)]);
    }
    Err(attr_error(obj, name))
}

fn builtin_instance_attr(obj: &Value, inst: &Rc<Instance>, name: &str) -> Option<Value> {
    match inst.class.builtin {
        Some("TextIOWrapper") => {
            let n = intern(name);
            match name {
                "write" | "flush" | "writelines" | "readline" | "read" | "readlines" | "fileno" | "isatty" => Some(make_builtin(
                    name,
                    Some(obj.clone()),
                    Rc::new(move |r, pos, kw| call_method(r.unwrap(), n, pos, kw)),
                )),
                "encoding" => Some(Value::from("utf-8")),
                _ => None,
            }
        }
        _ => None,
    }
}

fn class_getattr(c: &Rc<Class>, name: &str) -> PyResult<Value> {
    if let Some(v) = lookup_class_attr(c, name) {
        return Ok(match v {
            Value::StaticMethod(g) => (*g).clone(),
            Value::ClassMethod(g) => Value::BoundMethod(Rc::new((Value::Class(c.clone()), (*g).clone()))),
            Value::Instance(ref di) if lookup_class_attr(&di.class, "__get__").is_some() && di.class.builtin.is_none() => {
                call_method(&v, "__get__", vec![Value::None, Value::Class(c.clone())], vec![])?
            }
            other => other,
        });
    }
    match name {
        "__name__" => return Ok(Value::from(c.name.as_str())),
        "__qualname__" => return Ok(Value::from(c.qualname.as_str())),
        "__module__" => return Ok(Value::from(c.module.as_str())),
        "__doc__" => return Ok(Value::None),
        "__mro__" => return Ok(crate::ops::new_tuple(mro_of(c).into_iter().map(Value::Class).collect())),
        "__bases__" => return Ok(crate::ops::new_tuple(c.bases.iter().cloned().map(Value::Class).collect())),
        "__base__" => return Ok(c.bases.first().cloned().map(Value::Class).unwrap_or(Value::None)),
        "__dict__" => return Ok(snapshot_dict(&c.attrs.borrow())),
        "__class__" => return Ok(Value::Class(builtin_class("type"))),
        "mro" => {
            let cv = Value::Class(c.clone());
            return Ok(make_builtin(
                "mro",
                Some(cv),
                Rc::new(|r, _p, _k| match r {
                    Some(Value::Class(c)) => Ok(crate::ops::new_list(mro_of(c).into_iter().map(Value::Class).collect())),
                    _ => Ok(Value::None),
                }),
            ));
        }
        "__subclasses__" => {
            return Ok(make_builtin("__subclasses__", None, Rc::new(|_r, _p, _k| Ok(crate::ops::new_list(vec![])))));
        }
        _ => {}
    }
    let cv = Value::Class(c.clone());
    if c.builtin.is_some() {
        if let Some(r) = crate::methods::builtin_attr(&cv, name) {
            return r;
        }
    }
    // builtin methods reached through the class (str.upper, object.__setattr__, dict.get ...)
    let bname = match c.builtin {
        Some(b) => Some(b),
        None => mro_of(c).iter().find_map(|k| k.builtin),
    };
    if let Some(b) = bname {
        if plausible_builtin_method(b, name) {
            return Ok(builtin_unbound(b, name, None));
        }
    }
    Err(attr_error(&cv, name))
}

/// Method-like dunder names (data dunders such as `__match_args__` / `__slots__` are not
/// attributes of the builtin types).
const METHOD_DUNDERS: &[&str] = &[
    "__init__", "__new__", "__repr__", "__str__", "__hash__", "__eq__", "__ne__", "__lt__", "__le__",
    "__gt__", "__ge__", "__getattribute__", "__setattr__", "__delattr__", "__dir__", "__format__",
    "__reduce__", "__reduce_ex__", "__sizeof__", "__init_subclass__", "__subclasshook__",
    "__class_getitem__", "__len__", "__iter__", "__next__", "__contains__", "__getitem__",
    "__setitem__", "__delitem__", "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__",
    "__mul__", "__rmul__", "__imul__", "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__",
    "__mod__", "__rmod__", "__divmod__", "__rdivmod__", "__pow__", "__rpow__", "__neg__", "__pos__",
    "__abs__", "__invert__", "__and__", "__rand__", "__iand__", "__or__", "__ror__", "__ior__",
    "__xor__", "__rxor__", "__ixor__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__",
    "__bool__", "__int__", "__float__", "__index__", "__round__", "__trunc__", "__floor__",
    "__ceil__", "__reversed__", "__getnewargs__", "__getstate__", "__copy__", "__deepcopy__",
    "__missing__", "__call__", "__get__", "__set__", "__delete__", "__enter__", "__exit__",
];

fn plausible_builtin_method(cls: &str, name: &str) -> bool {
    if name.starts_with("__") && name.ends_with("__") {
        return METHOD_DUNDERS.contains(&name);
    }
    let sample: Option<Value> = match cls {
        "str" => Some(Value::from("")),
        "list" => Some(crate::ops::new_list(vec![])),
        "dict" => Some(Value::Dict(Rc::new(RefCell::new(Dict::new())))),
        "set" => Some(Value::Set(Rc::new(RefCell::new(Set::new())))),
        "frozenset" => Some(Value::FrozenSet(Rc::new(Set::new()))),
        "tuple" => Some(crate::ops::new_tuple(vec![])),
        "int" | "bool" => Some(Value::Int(0)),
        "float" => Some(Value::Float(0.0)),
        "bytes" => Some(Value::Bytes(Rc::new(vec![]))),
        _ => None,
    };
    match sample {
        Some(s) => matches!(crate::methods::builtin_attr(&s, name), Some(Ok(_))),
        None => false,
    }
}

/// `hasattr(obj, name)`
pub fn hasattr(obj: &Value, name: &str) -> bool {
    getattr(obj, name).is_ok()
}

/// `obj.name = v`
pub fn setattr(obj: &Value, name: &str, v: Value) -> PyResult<()> {
    match obj {
        Value::Instance(inst) => {
            if has_flag(&inst.class, F_SETATTR) {
                if let Some(f) = lookup_class_attr(&inst.class, "__setattr__") {
                    call_bound(&f, obj, vec![Value::from(name), v])?;
                    return Ok(());
                }
            }
            generic_setattr(obj, name, v)
        }
        Value::Class(c) => {
            if c.builtin.is_some() {
                return Err(type_error(format!("cannot set '{}' attribute of immutable type '{}'", name, c.name)));
            }
            let descr = |x: &Value| matches!(x, Value::Property(_) | Value::Instance(_));
            let relevant = name.starts_with("__") || descr(&v);
            let old = c.attrs.borrow_mut().set_str_replace(name, v);
            if relevant || old.as_ref().map(descr).unwrap_or(false) {
                invalidate_caches();
            }
            Ok(())
        }
        Value::Module(m) => {
            m.attrs.borrow_mut().set_str(name, v);
            Ok(())
        }
        Value::Func(f) => {
            f.attrs.borrow_mut().set_str(name, v);
            Ok(())
        }
        _ => Err(attr_error(obj, name)),
    }
}

/// object.__setattr__ semantics.
pub fn generic_setattr(obj: &Value, name: &str, v: Value) -> PyResult<()> {
    let inst = match obj {
        Value::Instance(i) => i,
        _ => return setattr(obj, name, v),
    };
    let flags = class_flags(&inst.class);
    if flags & (F_DESCR | F_EXC | F_SLOTS) == 0 && inst.class.builtin.is_none() {
        inst.attrs.borrow_mut().set_str(name, v);
        return Ok(());
    }
    match lookup_class_attr(&inst.class, name) {
        Some(Value::Property(p)) => {
            if matches!(p.1, Value::None) {
                return Err(exc(
                    "AttributeError",
                    format!("property '{}' of '{}' object has no setter", name, inst.class.name),
                ));
            }
            call(&p.1, vec![obj.clone(), v], vec![])?;
            return Ok(());
        }
        Some(d @ Value::Instance(_)) => {
            if let Value::Instance(di) = &d {
                if lookup_class_attr(&di.class, "__set__").is_some() {
                    call_method(&d, "__set__", vec![obj.clone(), v], vec![])?;
                    return Ok(());
                }
            }
        }
        _ => {}
    }
    if is_exception_class(&inst.class) && name == "args" {
        let items = unpack_iterable(&v)?;
        *inst.base_value.borrow_mut() = Some(Value::Tuple(Rc::new(items)));
        return Ok(());
    }
    if inst.class.builtin == Some("object") {
        return Err(exc("AttributeError", format!("'object' object has no attribute '{}'", name)));
    }
    if flags & F_SLOTS != 0 && !crate::classes::slot_allowed(&inst.class, name) {
        return Err(exc("AttributeError", format!("'{}' object has no attribute '{}'", inst.class.name, name)));
    }
    inst.attrs.borrow_mut().set_str(name, v);
    Ok(())
}

/// `del obj.name`
pub fn delattr(obj: &Value, name: &str) -> PyResult<()> {
    if let Value::Instance(inst) = obj {
        if has_flag(&inst.class, F_DELATTR) {
            if let Some(f) = lookup_class_attr(&inst.class, "__delattr__") {
                call_bound(&f, obj, vec![Value::from(name)])?;
                return Ok(());
            }
        }
    }
    if let Value::Class(_) = obj {
        invalidate_caches();
    }
    generic_delattr(obj, name)
}

pub fn generic_delattr(obj: &Value, name: &str) -> PyResult<()> {
    match obj {
        Value::Instance(inst) => {
            if let Some(Value::Property(p)) = lookup_class_attr(&inst.class, name) {
                if matches!(p.2, Value::None) {
                    return Err(exc(
                        "AttributeError",
                        format!("property '{}' of '{}' object has no deleter", name, inst.class.name),
                    ));
                }
                call(&p.2, vec![obj.clone()], vec![])?;
                return Ok(());
            }
            if inst.attrs.borrow_mut().remove_str(name).is_none() {
                return Err(attr_error(obj, name));
            }
            Ok(())
        }
        Value::Class(c) => {
            if c.attrs.borrow_mut().remove_str(name).is_none() {
                return Err(attr_error(obj, name));
            }
            Ok(())
        }
        Value::Module(m) => {
            if m.attrs.borrow_mut().remove_str(name).is_none() {
                return Err(attr_error(obj, name));
            }
            Ok(())
        }
        Value::Func(f) => {
            if f.attrs.borrow_mut().remove_str(name).is_none() {
                return Err(attr_error(obj, name));
            }
            Ok(())
        }
        _ => Err(attr_error(obj, name)),
    }
}

// ------------------------------------------------------------------------------------------
// Items and slices
// ------------------------------------------------------------------------------------------

fn slice_part(v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::BigInt(b) => Ok(Some(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 })),
        Value::Instance(i) if lookup_class_attr(&i.class, "__index__").is_some() => {
            match call_method(v, "__index__", vec![], vec![])? {
                Value::Int(n) => Ok(Some(n)),
                _ => Err(type_error("__index__ returned non-int".to_string())),
            }
        }
        _ => Err(type_error("slice indices must be integers or None or have an __index__ method".to_string())),
    }
}

/// CPython PySlice_GetIndicesEx: (start, stop, step, slicelength) for a sequence of `len`.
pub fn slice_indices(s: &(Value, Value, Value), len: i64) -> PyResult<(i64, i64, i64, i64)> {
    let step = match slice_part(&s.2)? {
        None => 1,
        Some(0) => return Err(exc("ValueError", "slice step cannot be zero".to_string())),
        Some(st) => st.max(-i64::MAX),
    };
    let adj = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= len {
                    x = if step < 0 { len - 1 } else { len };
                }
                x
            }
        }
    };
    let start = adj(slice_part(&s.0)?, if step < 0 { len - 1 } else { 0 });
    let stop = adj(slice_part(&s.1)?, if step < 0 { -1 } else { len });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n))
}

fn slice_pick<T: Clone>(items: &[T], s: &(Value, Value, Value)) -> PyResult<Vec<T>> {
    let (start, _stop, step, n) = slice_indices(s, items.len() as i64)?;
    let mut out = Vec::with_capacity(n as usize);
    let mut i = start;
    for _ in 0..n {
        out.push(items[i as usize].clone());
        i += step;
    }
    Ok(out)
}

fn norm_index(idx: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match idx {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(exc("IndexError", format!("cannot fit 'int' into an index-sized integer")));
        }
        _ => unreachable!(),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(exc("IndexError", format!("{} index out of range", what)));
    }
    Ok(j as usize)
}

fn index_value(idx: &Value) -> Option<Value> {
    match idx {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Some(idx.clone()),
        Value::Instance(i) if lookup_class_attr(&i.class, "__index__").is_some() => {
            match call_method(idx, "__index__", vec![], vec![]) {
                Ok(v @ Value::Int(_)) | Ok(v @ Value::BigInt(_)) => Some(v),
                Ok(Value::Bool(b)) => Some(Value::Int(b as i64)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `obj[key]`
pub fn getitem(obj: &Value, key: &Value) -> PyResult<Value> {
    match obj {
        Value::List(l) => {
            if let Value::Int(i) = key {
                let l = l.borrow();
                let n = l.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j < 0 || j >= n {
                    return Err(exc("IndexError", "list index out of range".to_string()));
                }
                return Ok(l[j as usize].clone());
            }
            if let Value::Slice(s) = key {
                let items = l.borrow().clone();
                return Ok(crate::ops::new_list(slice_pick(&items, s)?));
            }
            match index_value(key) {
                Some(k) => {
                    let l = l.borrow();
                    let j = norm_index(&k, l.len(), "list")?;
                    Ok(l[j].clone())
                }
                None => Err(type_error(format!("list indices must be integers or slices, not {}", type_name(key)))),
            }
        }
        Value::Tuple(t) => {
            if let Value::Slice(s) = key {
                return Ok(crate::ops::new_tuple(slice_pick(t, s)?));
            }
            match index_value(key) {
                Some(k) => {
                    let j = norm_index(&k, t.len(), "tuple")?;
                    Ok(t[j].clone())
                }
                None => Err(type_error(format!("tuple indices must be integers or slices, not {}", type_name(key)))),
            }
        }
        Value::Str(s) => {
            let ascii = str_is_ascii(s);
            if let Value::Slice(sl) = key {
                if ascii {
                    let bytes = s.as_bytes();
                    let (start, _stop, step, n) = slice_indices(sl, bytes.len() as i64)?;
                    if step == 1 {
                        return Ok(Value::from(&s[start as usize..(start + n) as usize]));
                    }
                    let mut out = String::with_capacity(n as usize);
                    let mut i = start;
                    for _ in 0..n {
                        out.push(bytes[i as usize] as char);
                        i += step;
                    }
                    return Ok(Value::from(out));
                }
                let chars: Vec<char> = s.chars().collect();
                let picked = slice_pick(&chars, sl)?;
                return Ok(Value::from(picked.into_iter().collect::<String>()));
            }
            match index_value(key) {
                Some(k) => {
                    if ascii {
                        let j = norm_index(&k, s.len(), "string")?;
                        return Ok(Value::Str(ascii_char(s.as_bytes()[j])));
                    }
                    let n = s.chars().count();
                    let j = norm_index(&k, n, "string")?;
                    let c = s.chars().nth(j).unwrap();
                    Ok(Value::from(c.to_string()))
                }
                None => Err(type_error(format!("string indices must be integers, not '{}'", type_name(key)))),
            }
        }
        Value::Dict(d) => {
            let r = d.borrow().get(key)?;
            match r {
                Some(v) => Ok(v),
                None => {
                    let factory = d.borrow().default_factory.clone();
                    match factory {
                        Some(f) if !matches!(f, Value::None) => {
                            let v = call(&f, vec![], vec![])?;
                            d.borrow_mut().insert(key.clone(), v.clone())?;
                            Ok(v)
                        }
                        _ => Err(key_error(key)),
                    }
                }
            }
        }
        Value::Range(r) => {
            if let Value::Slice(sl) = key {
                let len = range_len(r);
                let (start, stop, step, n) = slice_indices(sl, len)?;
                let _ = stop;
                let new_start = r.start + start * r.step;
                let new_step = r.step * step;
                let new_stop = new_start + n * new_step;
                return Ok(Value::Range(RangeV { start: new_start, stop: new_stop, step: new_step }));
            }
            match index_value(key) {
                Some(k) => {
                    let j = norm_index(&k, range_len(r) as usize, "range object")?;
                    Ok(Value::Int(r.start + j as i64 * r.step))
                }
                None => Err(type_error(format!("range indices must be integers or slices, not {}", type_name(key)))),
            }
        }
        Value::Bytes(b) => {
            if let Value::Slice(sl) = key {
                return Ok(Value::Bytes(Rc::new(slice_pick(b, sl)?)));
            }
            match index_value(key) {
                Some(k) => {
                    let j = norm_index(&k, b.len(), "index")?;
                    Ok(Value::Int(b[j] as i64))
                }
                None => Err(type_error(format!("byte indices must be integers or slices, not {}", type_name(key)))),
            }
        }
        Value::Instance(inst) => {
            if let Some(f) = lookup_class_attr(&inst.class, "__getitem__") {
                return call_bound(&f, obj, vec![key.clone()]);
            }
            if let Some(p) = payload_of(inst) {
                if let Value::Dict(d) = &p {
                    let r = d.borrow().get(key)?;
                    return match r {
                        Some(v) => Ok(v),
                        None => {
                            if let Some(m) = lookup_class_attr(&inst.class, "__missing__") {
                                return call_bound(&m, obj, vec![key.clone()]);
                            }
                            getitem(&p, key)
                        }
                    };
                }
                return getitem(&p, key);
            }
            Err(type_error(format!("'{}' object is not subscriptable", inst.class.name)))
        }
        Value::Class(c) => {
            if let Some(f) = lookup_class_attr(c, "__class_getitem__") {
                let f = match f {
                    Value::ClassMethod(g) => (*g).clone(),
                    other => other,
                };
                return call(&f, vec![obj.clone(), key.clone()], vec![]);
            }
            if c.builtin.is_some() {
                // list[int] etc. in annotations: return the class itself
                return Ok(obj.clone());
            }
            Err(type_error(format!("type '{}' is not subscriptable", c.name)))
        }
        _ => Err(type_error(format!("'{}' object is not subscriptable", type_name(obj)))),
    }
}

/// `obj[key] = v`
pub fn setitem(obj: &Value, key: &Value, v: Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Value::Int(i) = key {
                let mut l = l.borrow_mut();
                let n = l.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j < 0 || j >= n {
                    return Err(exc("IndexError", "list assignment index out of range".to_string()));
                }
                l[j as usize] = v;
                return Ok(());
            }
            if let Value::Slice(s) = key {
                let items = unpack_iterable(&v).map_err(|e| {
                    if e.is("TypeError") {
                        type_error("can only assign an iterable".to_string())
                    } else {
                        e
                    }
                })?;
                let mut l = l.borrow_mut();
                let (start, stop, step, n) = slice_indices(s, l.len() as i64)?;
                if step == 1 {
                    let start = start as usize;
                    let stop = (stop.max(start as i64)) as usize;
                    l.splice(start..stop, items);
                    return Ok(());
                }
                if items.len() as i64 != n {
                    return Err(exc(
                        "ValueError",
                        format!("attempt to assign sequence of size {} to extended slice of size {}", items.len(), n),
                    ));
                }
                let mut i = start;
                for it in items {
                    l[i as usize] = it;
                    i += step;
                }
                return Ok(());
            }
            match index_value(key) {
                Some(k) => {
                    let mut l = l.borrow_mut();
                    let n = l.len();
                    let j = norm_index(&k, n, "list assignment")?;
                    l[j] = v;
                    Ok(())
                }
                None => Err(type_error(format!("list indices must be integers or slices, not {}", type_name(key)))),
            }
        }
        Value::Dict(d) => {
            let h = crate::dict::dict_hash(key)?;
            d.borrow_mut().insert_hashed(h, key.clone(), v)
        }
        Value::Instance(inst) => {
            if let Some(owner) = idict_owner(obj) {
                return idict_mutate(&owner, |snap| setitem(snap, key, v));
            }
            if let Some(f) = lookup_class_attr(&inst.class, "__setitem__") {
                call_bound(&f, obj, vec![key.clone(), v])?;
                return Ok(());
            }
            if let Some(p) = payload_of(inst) {
                return setitem(&p, key, v);
            }
            Err(type_error(format!("'{}' object does not support item assignment", inst.class.name)))
        }
        _ => Err(type_error(format!("'{}' object does not support item assignment", type_name(obj)))),
    }
}

/// `del obj[key]`
pub fn delitem(obj: &Value, key: &Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = key {
                let mut l = l.borrow_mut();
                let (start, _stop, step, n) = slice_indices(s, l.len() as i64)?;
                if n == 0 {
                    return Ok(());
                }
                if step == 1 {
                    l.drain(start as usize..(start + n) as usize);
                    return Ok(());
                }
                let mut idxs: Vec<usize> = (0..n).map(|k| (start + k * step) as usize).collect();
                idxs.sort_unstable();
                for i in idxs.into_iter().rev() {
                    l.remove(i);
                }
                return Ok(());
            }
            match index_value(key) {
                Some(k) => {
                    let mut l = l.borrow_mut();
                    let n = l.len();
                    let j = norm_index(&k, n, "list assignment")?;
                    l.remove(j);
                    Ok(())
                }
                None => Err(type_error(format!("list indices must be integers or slices, not {}", type_name(key)))),
            }
        }
        Value::Dict(d) => {
            let r = d.borrow_mut().remove(key)?;
            match r {
                Some(_) => Ok(()),
                None => Err(key_error(key)),
            }
        }
        Value::Instance(inst) => {
            if let Some(owner) = idict_owner(obj) {
                return idict_mutate(&owner, |snap| delitem(snap, key));
            }
            if let Some(f) = lookup_class_attr(&inst.class, "__delitem__") {
                call_bound(&f, obj, vec![key.clone()])?;
                return Ok(());
            }
            if let Some(p) = payload_of(inst) {
                return delitem(&p, key);
            }
            Err(type_error(format!("'{}' object doesn't support item deletion", inst.class.name)))
        }
        _ => Err(type_error(format!("'{}' object doesn't support item deletion", type_name(obj)))),
    }
}

// ------------------------------------------------------------------------------------------
// Iteration
// ------------------------------------------------------------------------------------------

fn new_iter(it: PyIter) -> Value {
    Value::Iter(Rc::new(RefCell::new(it)))
}

pub fn iter_from_fn(f: Box<dyn FnMut() -> PyResult<Option<Value>>>) -> Value {
    new_iter(PyIter::Native(f))
}

/// `iter(v)`
pub fn iter(v: &Value) -> PyResult<Value> {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
            Ok(new_iter(PyIter::Seq { seq: v.clone(), pos: 0, rev: false }))
        }
        Value::Range(r) => Ok(new_iter(PyIter::Range { cur: r.start, stop: r.stop, step: r.step })),
        Value::Dict(d) => {
            // live iteration over entries; size changes raise like CPython
            let d = d.clone();
            let start_len = d.borrow().len();
            let mut pos = 0usize;
            let mut failed = false;
            Ok(iter_from_fn(Box::new(move || {
                let db = d.borrow();
                if failed || db.len() != start_len {
                    failed = true;
                    return Err(exc("RuntimeError", "dictionary changed size during iteration".to_string()));
                }
                while pos < db.entries.len() {
                    let e = &db.entries[pos];
                    pos += 1;
                    if let Some((k, _)) = e {
                        return Ok(Some(k.clone()));
                    }
                }
                Ok(None)
            })))
        }
        Value::Set(st) => {
            let st = st.clone();
            let start_len = st.borrow().len();
            let mut pos = 0usize;
            let mut failed = false;
            Ok(iter_from_fn(Box::new(move || {
                let sb = st.borrow();
                if failed || sb.len() != start_len {
                    failed = true;
                    return Err(exc("RuntimeError", "Set changed size during iteration".to_string()));
                }
                while pos < sb.table.len() {
                    let e = &sb.table[pos];
                    pos += 1;
                    if let SetSlot::Full(_, v) = e {
                        return Ok(Some(v.clone()));
                    }
                }
                Ok(None)
            })))
        }
        Value::FrozenSet(s) => Ok(new_iter(PyIter::Items(s.items().into_iter()))),
        Value::Iter(_) => Ok(v.clone()),
        Value::Class(c) => match lookup_class_attr(c, "__class_iter__") {
            Some(f) => call_bound(&f, v, vec![]),
            None => Err(type_error(format!("'type' object is not iterable"))),
        },
        Value::Instance(inst) => {
            if let Some(f) = lookup_class_attr(&inst.class, "__iter__") {
                let r = call_bound(&f, v, vec![])?;
                match &r {
                    Value::Iter(_) => return Ok(r),
                    Value::Instance(ri) => {
                        if lookup_class_attr(&ri.class, "__next__").is_some() {
                            return Ok(r);
                        }
                        return Err(type_error(format!("iter() returned non-iterator of type '{}'", ri.class.name)));
                    }
                    _ => return Err(type_error(format!("iter() returned non-iterator of type '{}'", type_name(&r)))),
                }
            }
            if let Some(p) = payload_of(inst) {
                return iter(&p);
            }
            if lookup_class_attr(&inst.class, "__getitem__").is_some() {
                let obj = v.clone();
                let mut i: i64 = 0;
                return Ok(iter_from_fn(Box::new(move || match getitem(&obj, &Value::Int(i)) {
                    Ok(x) => {
                        i += 1;
                        Ok(Some(x))
                    }
                    Err(e) => {
                        if e.is("IndexError") || e.is("StopIteration") {
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                })));
            }
            Err(type_error(format!("'{}' object is not iterable", inst.class.name)))
        }
        _ => Err(type_error(format!("'{}' object is not iterable", type_name(v)))),
    }
}

/// Advance an iterator; Ok(None) when exhausted.
pub fn next(it: &Value) -> PyResult<Option<Value>> {
    match it {
        Value::Iter(cell) => {
            // Native iterators may run arbitrary code; take them out while they run.
            let mut st = cell.borrow_mut();
            match &mut *st {
                PyIter::Seq { seq, pos, rev } => match seq {
                    Value::List(l) => {
                        let l = l.borrow();
                        if !*rev {
                            if *pos < l.len() {
                                *pos += 1;
                                return Ok(Some(l[*pos - 1].clone()));
                            }
                            *pos = usize::MAX / 2;
                            Ok(None)
                        } else {
                            if *pos < l.len() {
                                let i = l.len() - 1 - *pos;
                                *pos += 1;
                                return Ok(Some(l[i].clone()));
                            }
                            *pos = usize::MAX / 2;
                            Ok(None)
                        }
                    }
                    Value::Tuple(t) => {
                        if *pos < t.len() {
                            let i = if *rev { t.len() - 1 - *pos } else { *pos };
                            *pos += 1;
                            return Ok(Some(t[i].clone()));
                        }
                        Ok(None)
                    }
                    Value::Str(s) => {
                        // pos = bytes consumed (from the front, or from the back when rev)
                        if *pos >= s.len() {
                            return Ok(None);
                        }
                        if !*rev {
                            let b = s.as_bytes()[*pos];
                            if b < 128 {
                                *pos += 1;
                                return Ok(Some(Value::Str(ascii_char(b))));
                            }
                            let c = s[*pos..].chars().next().unwrap();
                            *pos += c.len_utf8();
                            Ok(Some(Value::from(c.to_string())))
                        } else {
                            let end = s.len() - *pos;
                            let c = s[..end].chars().next_back().unwrap();
                            *pos += c.len_utf8();
                            if c.is_ascii() {
                                return Ok(Some(Value::Str(ascii_char(c as u8))));
                            }
                            Ok(Some(Value::from(c.to_string())))
                        }
                    }
                    Value::Bytes(b) => {
                        if *pos < b.len() {
                            let i = if *rev { b.len() - 1 - *pos } else { *pos };
                            *pos += 1;
                            return Ok(Some(Value::Int(b[i] as i64)));
                        }
                        Ok(None)
                    }
                    _ => Ok(None),
                },
                PyIter::Range { cur, stop, step } => {
                    if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                        let v = *cur;
                        *cur = match cur.checked_add(*step) {
                            Some(n) => n,
                            None => *stop,
                        };
                        Ok(Some(Value::Int(v)))
                    } else {
                        Ok(None)
                    }
                }
                PyIter::Items(items) => Ok(items.next()),
                PyIter::Native(_) => {
                    // take the closure out so re-entrant code can't double-borrow the cell
                    let mut f = match std::mem::replace(&mut *st, PyIter::Items(Vec::new().into_iter())) {
                        PyIter::Native(f) => f,
                        _ => unreachable!(),
                    };
                    drop(st);
                    let r = f();
                    let mut st = cell.borrow_mut();
                    match &*st {
                        PyIter::Items(i) if i.len() == 0 => *st = PyIter::Native(f),
                        _ => {}
                    }
                    r
                }
                PyIter::Instance(obj) => {
                    let obj = obj.clone();
                    drop(st);
                    next(&obj)
                }
            }
        }
        Value::Instance(inst) => match lookup_class_attr(&inst.class, "__next__") {
            Some(f) => match call_bound(&f, it, vec![]) {
                Ok(v) => Ok(Some(v)),
                Err(e) => {
                    if e.is("StopIteration") {
                        Ok(None)
                    } else {
                        Err(e)
                    }
                }
            },
            None => Err(type_error(format!("'{}' object is not an iterator", inst.class.name))),
        },
        _ => Err(type_error(format!("'{}' object is not an iterator", type_name(it)))),
    }
}

/// Materialize any iterable (`*args`, list(x), starred assignment...).
pub fn unpack_iterable(v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.borrow().clone()),
        Value::Tuple(t) => Ok(t.to_vec()),
        Value::Str(s) => Ok(str_chars(s)),
        Value::Dict(d) => Ok(d.borrow().keys()),
        Value::Set(s) => Ok(s.borrow().items()),
        Value::FrozenSet(s) => Ok(s.items()),
        Value::Range(r) => {
            let n = range_len(r);
            if n > 1 << 32 {
                return Err(exc("MemoryError", String::new()));
            }
            let mut out = Vec::with_capacity(n as usize);
            let mut x = r.start;
            for _ in 0..n {
                out.push(Value::Int(x));
                x = x.wrapping_add(r.step);
            }
            Ok(out)
        }
        Value::Bytes(b) => Ok(b.iter().map(|x| Value::Int(*x as i64)).collect()),
        _ => {
            let it = iter(v)?;
            let mut out = vec![];
            while let Some(x) = next(&it)? {
                out.push(x);
            }
            Ok(out)
        }
    }
}

/// `a, b = v`
pub fn unpack_exact(v: &Value, n: usize) -> PyResult<Vec<Value>> {
    let items = match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Dict(_) | Value::Set(_) | Value::FrozenSet(_) | Value::Bytes(_) => {
            unpack_iterable(v)?
        }
        Value::Range(r) if range_len(r) <= n as i64 + 1 => unpack_iterable(v)?,
        _ => {
            let it = iter(v).map_err(|e| {
                if e.is("TypeError") && !matches!(v, Value::Instance(_)) {
                    type_error(format!("cannot unpack non-iterable {} object", type_name(v)))
                } else {
                    e
                }
            })?;
            let mut out = Vec::with_capacity(n);
            while out.len() <= n {
                match next(&it)? {
                    Some(x) => out.push(x),
                    None => break,
                }
            }
            out
        }
    };
    if items.len() < n {
        return Err(exc("ValueError", format!("not enough values to unpack (expected {}, got {})", n, items.len())));
    }
    if items.len() > n {
        return Err(exc("ValueError", format!("too many values to unpack (expected {})", n)));
    }
    Ok(items)
}

/// `a, *b, c = v`
pub fn unpack_star(v: &Value, before: usize, after: usize) -> PyResult<(Vec<Value>, Value, Vec<Value>)> {
    let mut items = unpack_iterable(v).map_err(|e| {
        if e.is("TypeError") && !matches!(v, Value::Instance(_)) {
            type_error(format!("cannot unpack non-iterable {} object", type_name(v)))
        } else {
            e
        }
    })?;
    if items.len() < before + after {
        return Err(exc(
            "ValueError",
            format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len()),
        ));
    }
    let tail = items.split_off(items.len() - after);
    let mid = items.split_off(before);
    Ok((items, crate::ops::new_list(mid), tail))
}

/// `f(**d)`
pub fn unpack_kwargs(v: &Value) -> PyResult<Vec<(String, Value)>> {
    let items: Vec<(Value, Value)> = match v {
        Value::Dict(d) => d.borrow().items(),
        Value::Instance(inst) => {
            if let Some(Value::Dict(d)) = payload_of(inst) {
                d.borrow().items()
            } else {
                let keys = call_method(v, "keys", vec![], vec![])?;
                let mut out = vec![];
                for k in unpack_iterable(&keys)? {
                    let val = getitem(v, &k)?;
                    out.push((k, val));
                }
                out
            }
        }
        _ => return Err(type_error(format!("argument after ** must be a mapping, not {}", type_name(v)))),
    };
    let mut out = Vec::with_capacity(items.len());
    for (k, val) in items {
        match k {
            Value::Str(s) => out.push((s.to_string(), val)),
            _ => return Err(type_error("keywords must be strings".to_string())),
        }
    }
    Ok(out)
}

/// Big int helper used by builtins (int(x) for floats).
pub fn int_from_f64(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(exc("ValueError", "cannot convert float NaN to integer".to_string()));
    }
    if f.is_infinite() {
        return Err(exc("OverflowError", "cannot convert float infinity to integer".to_string()));
    }
    let t = f.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(int_from_big(crate::bigint::BigInt::from_f64(t)))
}

/// Truthiness helper re-exported for generated code convenience.
pub fn is_true(v: &Value) -> PyResult<bool> {
    truthy(v)
}
