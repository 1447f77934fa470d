//! str() / repr() of every value exactly as CPython prints them, format(), and the recursion
//! guard for self-containing containers (`[[...]]`).
use std::cell::RefCell;
use std::rc::Rc;

use crate::classes::*;
use crate::exceptions::*;
use crate::value::*;

thread_local! {
    static REPR_STACK: RefCell<Vec<usize>> = RefCell::new(Vec::new());
}

/// Run `f` unless `id` is already being repr'd (then return `recursive`).
fn guarded<F: FnOnce() -> PyResult<String>>(id: usize, recursive: &str, f: F) -> PyResult<String> {
    let busy = REPR_STACK.with(|s| s.borrow().contains(&id));
    if busy {
        return Ok(recursive.to_string());
    }
    REPR_STACK.with(|s| s.borrow_mut().push(id));
    let r = f();
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(pos) = s.iter().rposition(|x| *x == id) {
            s.remove(pos);
        }
    });
    r
}

/// repr() of a str (quote choice and escapes as CPython's unicode_repr).
pub fn str_repr(s: &str) -> String {
    let has_sq = s.contains('\'');
    let has_dq = s.contains('"');
    let quote = if has_sq && !has_dq { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (c as u32) < 0x7f => out.push(c),
            c => {
                if crate::methods_str::is_printable_char(c) {
                    out.push(c)
                } else {
                    let u = c as u32;
                    if u < 0x100 {
                        out.push_str(&format!("\\x{:02x}", u));
                    } else if u < 0x10000 {
                        out.push_str(&format!("\\u{:04x}", u));
                    } else {
                        out.push_str(&format!("\\U{:08x}", u));
                    }
                }
            }
        }
    }
    out.push(quote);
    out
}

/// repr() of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let has_sq = b.contains(&b'\'');
    let has_dq = b.contains(&b'"');
    let quote = if has_sq && !has_dq { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            c if c < 0x20 || c >= 0x7f => out.push_str(&format!("\\x{:02x}", c)),
            c => out.push(c as char),
        }
    }
    out.push(quote as char);
    out
}

/// `ascii(x)`: repr with non-ASCII characters escaped.
pub fn ascii_of(v: &Value) -> PyResult<String> {
    let r = to_repr(v)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{:02x}", u));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{:04x}", u));
        } else {
            out.push_str(&format!("\\U{:08x}", u));
        }
    }
    Ok(out)
}

pub fn int_str(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_str_radix(10),
        Value::Bool(b) => (*b as i64).to_string(),
        _ => String::new(),
    }
}

pub fn float_repr(f: f64) -> String {
    crate::pyfloat::float_repr(f)
}

fn addr(v: &Value) -> String {
    format!("0x{:012x}", crate::object::id_of(v))
}

fn seq_repr(items: &[Value], open: &str, close: &str) -> PyResult<String> {
    let mut out = String::from(open);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&to_repr(it)?);
    }
    out.push_str(close);
    Ok(out)
}

pub fn set_body_repr(s: &Set) -> PyResult<String> {
    seq_repr(&s.items(), "{", "}")
}

pub fn dict_repr(d: &Rc<RefCell<Dict>>) -> PyResult<String> {
    let items = d.borrow().items();
    let mut out = String::from("{");
    for (i, (k, v)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&to_repr(k)?);
        out.push_str(": ");
        out.push_str(&to_repr(v)?);
    }
    out.push('}');
    Ok(out)
}

fn class_repr(c: &Rc<Class>) -> String {
    if c.module == "builtins" {
        format!("<class '{}'>", c.qualname)
    } else {
        format!("<class '{}.{}'>", c.module, c.qualname)
    }
}

/// Default object.__repr__ for an instance.
pub fn default_instance_repr(v: &Value) -> String {
    let c = type_of(v);
    let name = if c.module == "builtins" { c.qualname.clone() } else { format!("{}.{}", c.module, c.qualname) };
    format!("<{} object at {}>", name, addr(v))
}

/// repr() of a builtin value (the value itself, not an instance wrapper).
fn builtin_repr(v: &Value) -> PyResult<String> {
    match v {
        Value::None => Ok("None".to_string()),
        Value::Bool(true) => Ok("True".to_string()),
        Value::Bool(false) => Ok("False".to_string()),
        Value::Int(i) => Ok(i.to_string()),
        Value::BigInt(b) => Ok(b.to_str_radix(10)),
        Value::Float(f) => Ok(float_repr(*f)),
        Value::Str(s) => Ok(str_repr(s)),
        Value::Bytes(b) => Ok(bytes_repr(b)),
        Value::List(l) => {
            let id = Rc::as_ptr(l) as *const u8 as usize;
            guarded(id, "[...]", || {
                let items = l.borrow().clone();
                seq_repr(&items, "[", "]")
            })
        }
        Value::Tuple(t) => {
            if t.len() == 1 {
                Ok(format!("({},)", to_repr(&t[0])?))
            } else {
                let id = Rc::as_ptr(t) as *const u8 as usize;
                guarded(id, "(...)", || seq_repr(t, "(", ")"))
            }
        }
        Value::Dict(d) => {
            let id = Rc::as_ptr(d) as *const u8 as usize;
            let factory = d.borrow().default_factory.clone();
            match factory {
                Some(f) => guarded(id, "...", || Ok(format!("defaultdict({}, {})", to_repr(&f)?, dict_repr(d)?))),
                None => guarded(id, "{...}", || dict_repr(d)),
            }
        }
        Value::Set(s) => {
            let id = Rc::as_ptr(s) as *const u8 as usize;
            guarded(id, "set(...)", || {
                let items = s.borrow().items();
                if items.is_empty() {
                    Ok("set()".to_string())
                } else {
                    seq_repr(&items, "{", "}")
                }
            })
        }
        Value::FrozenSet(s) => {
            if s.is_empty() {
                Ok("frozenset()".to_string())
            } else {
                Ok(format!("frozenset({})", seq_repr(&s.items(), "{", "}")?))
            }
        }
        Value::Range(r) => {
            if r.step == 1 {
                Ok(format!("range({}, {})", r.start, r.stop))
            } else {
                Ok(format!("range({}, {}, {})", r.start, r.stop, r.step))
            }
        }
        Value::Slice(s) => Ok(format!("slice({}, {}, {})", to_repr(&s.0)?, to_repr(&s.1)?, to_repr(&s.2)?)),
        Value::Func(f) => Ok(format!("<function {} at {}>", f.qualname, addr(v))),
        Value::Builtin(b) => match &b.receiver {
            Some(r) => {
                if let Value::Class(c) = r {
                    Ok(format!("<built-in method {} of type object at {}>", b.name, addr(&Value::Class(c.clone()))))
                } else if let Value::Module(m) = r {
                    Ok(format!("<built-in function {}>", if m.name.is_empty() { b.name } else { b.name }))
                } else {
                    Ok(format!("<built-in method {} of {} object at {}>", b.name, type_name(r), addr(r)))
                }
            }
            None => Ok(format!("<built-in function {}>", b.name)),
        },
        Value::BoundMethod(bm) => {
            let fname = match &bm.1 {
                Value::Func(f) => f.qualname.clone(),
                other => crate::object::getattr(other, "__qualname__")
                    .ok()
                    .and_then(|q| if let Value::Str(s) = q { Some(s.to_string()) } else { None })
                    .unwrap_or_else(|| "?".to_string()),
            };
            Ok(format!("<bound method {} of {}>", fname, to_repr(&bm.0)?))
        }
        Value::Class(c) => match lookup_class_attr(c, "__class_repr__") {
            Some(f) => match crate::object::call_bound(&f, v, vec![])? {
                Value::Str(s) => Ok(s.to_string()),
                other => Err(exc("TypeError", format!("__repr__ returned non-string (type {})", type_name(&other)))),
            },
            None => Ok(class_repr(c)),
        },
        Value::Module(m) => {
            let builtin = crate::modules::is_builtin_module(&m.name);
            if builtin {
                Ok(format!("<module '{}' (built-in)>", m.name))
            } else {
                Ok(format!("<module '{}' from '{}.py'>", m.name, m.name.replace('.', "/")))
            }
        }
        Value::Iter(_) => Ok(format!("<{} object at {}>", builtin_type_name(v), addr(v))),
        Value::StaticMethod(f) => Ok(format!("<staticmethod({})>", to_repr(f)?)),
        Value::ClassMethod(f) => Ok(format!("<classmethod({})>", to_repr(f)?)),
        Value::Property(_) => Ok(format!("<property object at {}>", addr(v))),
        Value::NotImplemented => Ok("NotImplemented".to_string()),
        Value::Ellipsis => Ok("Ellipsis".to_string()),
        Value::Instance(_) => Ok(default_instance_repr(v)),
    }
}

/// repr() of an instance: __repr__, exception repr, builtin payload repr, or default.
fn instance_repr(v: &Value, inst: &Rc<Instance>) -> PyResult<String> {
    if let Some(f) = lookup_class_attr(&inst.class, "__repr__") {
        let id = Rc::as_ptr(inst) as *const u8 as usize;
        let r = guarded_call(id, || crate::object::call_bound(&f, v, vec![]))?;
        return match r {
            Value::Str(s) => Ok(s.to_string()),
            other => Err(exc("TypeError", format!("__repr__ returned non-string (type {})", type_name(&other)))),
        };
    }
    if is_exception_class(&inst.class) {
        return exception_repr(v);
    }
    if inst.class.builtin.is_some() {
        return builtin_instance_repr(v, inst);
    }
    let payload = inst.base_value.borrow().clone();
    if let Some(p) = payload {
        if builtin_base(&inst.class).is_some() {
            let r = to_repr(&p)?;
            // CPython shows the subclass name for a few containers
            return Ok(r);
        }
    }
    Ok(default_instance_repr(v))
}

/// Instances of builtin classes that are represented as instances (object(), super, streams).
fn builtin_instance_repr(v: &Value, inst: &Rc<Instance>) -> PyResult<String> {
    if let Some(o) = crate::object::idict_owner(v) {
        return to_repr(&crate::object::idict_snapshot(&o));
    }
    match inst.class.builtin {
        Some("super") => Ok(format!("<super: <class '{}'>, <{} object>>", "?", "?")),
        Some("TextIOWrapper") => {
            let fd = match inst.base_value.borrow().as_ref() {
                Some(Value::Int(i)) => *i,
                _ => 1,
            };
            let name = if fd == 2 { "<stderr>" } else if fd == 0 { "<stdin>" } else { "<stdout>" };
            Ok(format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>", name, if fd == 0 { "r" } else { "w" }))
        }
        _ => Ok(default_instance_repr(v)),
    }
}

fn guarded_call<F: FnOnce() -> PyResult<Value>>(id: usize, f: F) -> PyResult<Value> {
    // recursion through a user __repr__ is real Python recursion; only count depth
    let _ = id;
    f()
}

/// `repr(x)`
pub fn to_repr(v: &Value) -> PyResult<String> {
    match v {
        Value::Instance(i) => instance_repr(v, i),
        _ => builtin_repr(v),
    }
}

/// `str(x)`
pub fn to_str(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Int(i) => Ok(i.to_string()),
        Value::Float(f) => Ok(float_repr(*f)),
        Value::Instance(inst) => {
            if let Some(f) = lookup_class_attr(&inst.class, "__str__") {
                let r = crate::object::call_bound(&f, v, vec![])?;
                return match r {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(exc("TypeError", format!("__str__ returned non-string (type {})", type_name(&other)))),
                };
            }
            if is_exception_class(&inst.class) {
                return exception_str(v);
            }
            if lookup_class_attr(&inst.class, "__repr__").is_some() {
                return instance_repr(v, inst);
            }
            let payload = inst.base_value.borrow().clone();
            if let Some(p) = payload {
                if inst.class.builtin.is_none() && builtin_base(&inst.class).is_some() {
                    return to_str(&p);
                }
            }
            instance_repr(v, inst)
        }
        _ => builtin_repr(v),
    }
}

fn fmt_err(e: String) -> PyErr {
    let cls = crate::fmtspec::error_class(&e);
    exc(cls, e)
}

/// `format(x, spec)` / f-string fields.
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> {
    use crate::fmtspec;
    match v {
        Value::Str(s) => {
            if spec.is_empty() {
                return Ok(s.to_string());
            }
            let sp = fmtspec::parse_spec(spec).map_err(fmt_err)?;
            fmtspec::format_str(s, &sp).map_err(fmt_err)
        }
        Value::Int(i) => {
            if spec.is_empty() {
                return Ok(i.to_string());
            }
            let sp = fmtspec::parse_spec(spec).map_err(fmt_err)?;
            fmtspec::format_i64(*i, &sp).map_err(fmt_err)
        }
        Value::Bool(b) => {
            if spec.is_empty() {
                return Ok(if *b { "True" } else { "False" }.to_string());
            }
            // bool uses int.__format__ for any non-empty spec
            let sp = fmtspec::parse_spec(spec).map_err(fmt_err)?;
            fmtspec::format_i64(*b as i64, &sp).map_err(fmt_err)
        }
        Value::BigInt(b) => {
            if spec.is_empty() {
                return Ok(b.to_str_radix(10));
            }
            let sp = fmtspec::parse_spec(spec).map_err(fmt_err)?;
            fmtspec::format_int(b, &sp).map_err(fmt_err)
        }
        Value::Float(f) => {
            if spec.is_empty() {
                return Ok(float_repr(*f));
            }
            let sp = fmtspec::parse_spec(spec).map_err(fmt_err)?;
            fmtspec::format_float(*f, &sp).map_err(fmt_err)
        }
        Value::Instance(inst) => {
            if let Some(f) = lookup_class_attr(&inst.class, "__format__") {
                let r = crate::object::call_bound(&f, v, vec![Value::from(spec)])?;
                return match r {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(exc("TypeError", format!("__format__ must return a str, not {}", type_name(&other)))),
                };
            }
            let payload = inst.base_value.borrow().clone();
            if let Some(p) = payload {
                if !is_exception_class(&inst.class) && builtin_base(&inst.class).is_some() {
                    if spec.is_empty() {
                        return to_str(v);
                    }
                    return format_value(&p, spec);
                }
            }
            if spec.is_empty() {
                return to_str(v);
            }
            Err(exc("TypeError", format!("unsupported format string passed to {}.__format__", inst.class.name)))
        }
        _ => {
            if spec.is_empty() {
                return to_str(v);
            }
            Err(exc("TypeError", format!("unsupported format string passed to {}.__format__", type_name(v))))
        }
    }
}
