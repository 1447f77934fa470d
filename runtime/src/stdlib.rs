//! Builtin modules (helper R2): `load(name)` builds the module object for the standard-library
//! modules the runtime carries natively: math, collections, itertools, functools, string, sys,
//! operator, heapq, bisect, typing. Module caching is done by the import machinery.
//! Bigger modules live in stdlib_math.rs, stdlib_collections.rs, stdlib_itertools.rs,
//! stdlib_functools.rs.
use std::cell::RefCell;
use std::rc::Rc;

use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::value::*;

/// The module object for builtin module `name`, or None when it is not a builtin module.
pub fn load(name: &str) -> Option<PyResult<Value>> {
    Some(match name {
        "math" => crate::stdlib_math::module(),
        "collections" => crate::stdlib_collections::module(),
        "collections.abc" => collections_abc_module(),
        "itertools" => crate::stdlib_itertools::module(),
        "functools" => crate::stdlib_functools::module(),
        "string" => string_module(),
        "sys" => sys_module(),
        "operator" => operator_module(),
        "heapq" => heapq_module(),
        "bisect" => bisect_module(),
        "typing" => typing_module(),
        "enum" => crate::stdlib_enum::module(),
        "dataclasses" => crate::stdlib_dataclasses::module(),
        "abc" => abc_module(),
        "copy" => crate::stdlib_misc::copy_module(),
        "random" => crate::stdlib_misc::random_mod(),
        "statistics" => crate::stdlib_misc::statistics_mod(),
        "textwrap" => crate::stdlib_misc::textwrap_mod(),
        "json" => crate::stdlib_json::module(),
        "re" => crate::stdlib_re::module(),
        "contextlib" => crate::stdlib_misc::contextlib_mod(),
        "io" => io_module(),
        "pprint" => crate::stdlib_pprint::module(),
        "time" => crate::stdlib_time::module(),
        _ => return None,
    })
}

/// Names of the modules `load` knows (for `is_builtin_module`-style checks).
pub const BUILTIN_MODULES: &[&str] = &[
    "math", "collections", "collections.abc", "itertools", "functools", "string", "sys",
    "operator", "heapq", "bisect", "typing", "enum", "dataclasses", "abc", "copy", "random", "statistics", "textwrap", "json", "re", "contextlib", "io", "pprint", "time",
];

// ---------------------------------------------------------------------------------------------
// Helpers for building modules, native functions and classes
// ---------------------------------------------------------------------------------------------

pub(crate) fn new_module(name: &str, items: Vec<(&str, Value)>) -> Value {
    let mut d = Dict::new();
    d.set_str("__name__", Value::from(name));
    d.set_str("__doc__", Value::None);
    d.set_str("__package__", Value::from(name.split('.').next().unwrap_or("")));
    for (k, v) in items {
        d.set_str(k, v);
    }
    Value::Module(Rc::new(Module { name: name.to_string(), attrs: RefCell::new(d) }))
}

/// A method for a native class: a Python-level function `(*args, **kwargs)`; when called
/// through an instance, `args[0]` is self.
pub(crate) fn native_func<F>(qualname: &str, module: &str, f: F) -> Value
where
    F: Fn(Vec<Value>, Vec<(String, Value)>) -> PyResult<Value> + 'static,
{
    let name = qualname.rsplit('.').next().unwrap_or(qualname).to_string();
    let body: FnBody = Rc::new(move |args: Vec<Value>| {
        let mut it = args.into_iter();
        let pos = match it.next() {
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => vec![],
        };
        let kw: Vec<(String, Value)> = match it.next() {
            Some(Value::Dict(d)) => d
                .borrow()
                .iter()
                .map(|(k, v)| {
                    let k = match k {
                        Value::Str(s) => s.to_string(),
                        other => crate::repr::to_str(other).unwrap_or_default(),
                    };
                    (k, v.clone())
                })
                .collect(),
            _ => vec![],
        };
        f(pos, kw)
    });
    Value::Func(Rc::new(Function {
        name,
        qualname: qualname.to_string(),
        params: vec![
            Param { name: "args", default: None, kind: ParamKind::VarArgs },
            Param { name: "kwargs", default: None, kind: ParamKind::VarKw },
        ],
        body,
        attrs: RefCell::new(Dict::new()),
        module: module.to_string(),
    }))
}

/// A class implemented natively: `attrs` are native_func methods, properties, constants.
pub(crate) fn new_native_class(
    name: &str,
    module: &str,
    bases: Vec<Value>,
    attrs: Vec<(&str, Value)>,
) -> Rc<Class> {
    let attrs: Vec<(String, Value)> = attrs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    match crate::classes::make_class(name, name, module, bases, attrs) {
        Ok(Value::Class(c)) => c,
        _ => panic!("pyrt: cannot build native class {}", name),
    }
}

/// Payload (`base_value`) of an instance.
pub(crate) fn payload(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(i) => i.base_value.borrow().clone(),
        _ => None,
    }
}

pub(crate) fn new_instance_with(cls: &Rc<Class>, payload: Value) -> Value {
    Value::Instance(Rc::new(Instance {
        class: cls.clone(),
        attrs: RefCell::new(Dict::new()),
        base_value: RefCell::new(Some(payload)),
    }))
}

/// Float argument of a math-like function (int, float, bool, objects with __float__/__index__).
pub(crate) fn to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => crate::ops::big_to_f64(b),
        Value::Instance(_) => {
            if crate::object::hasattr(v, "__float__") {
                match call_method(v, "__float__", vec![])? {
                    Value::Float(f) => Ok(f),
                    other => Err(type_error(&format!(
                        "{}.__float__ returned non-float (type {})",
                        type_name(v),
                        type_name(&other)
                    ))),
                }
            } else if crate::object::hasattr(v, "__index__") {
                to_f64(&call_method(v, "__index__", vec![])?)
            } else {
                Err(type_error(&format!("must be real number, not {}", type_name(v))))
            }
        }
        _ => Err(type_error(&format!("must be real number, not {}", type_name(v)))),
    }
}

fn arg0(pos: &[Value], fname: &str, n: usize) -> PyResult<()> {
    if pos.len() != n {
        if n == 1 {
            return Err(type_error(&format!(
                "{}() takes exactly one argument ({} given)",
                fname,
                pos.len()
            )));
        }
        return Err(type_error(&format!(
            "{} expected {} arguments, got {}",
            fname,
            n,
            pos.len()
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// sys
// ---------------------------------------------------------------------------------------------

fn stream(fd: i64) -> Value {
    crate::builtins::std_stream(fd)
}

fn sys_module() -> PyResult<Value> {
    let main = crate::classes::MAIN_NAME.with(|m| m.borrow().clone());
    let argv0 = if main.is_empty() { "main.py".to_string() } else { format!("{}.py", main.replace('.', "/")) };
    let version_info = crate::stdlib_collections::make_record(
        "sys.version_info",
        "sys",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![Value::Int(3), Value::Int(11), Value::Int(7), Value::from("final"), Value::Int(0)],
    )?;
    Ok(new_module(
        "sys",
        vec![
            ("argv", list(vec![Value::from(argv0)])),
            ("maxsize", Value::Int(i64::MAX)),
            ("byteorder", Value::from("little")),
            ("platform", Value::from("linux")),
            ("version", Value::from("3.11.7 (main) [portalis]")),
            ("version_info", version_info),
            ("hexversion", Value::Int(0x030b07f0)),
            ("path", list(vec![])),
            ("stdout", stream(1)),
            ("stderr", stream(2)),
            ("stdin", stream(0)),
            ("__stdout__", stream(1)),
            ("__stderr__", stream(2)),
            ("maxunicode", Value::Int(0x10FFFF)),
            (
                "exit",
                plain_fn("exit", |pos, _kw| {
                    Err(crate::exceptions::exc_args("SystemExit", pos.into_iter().take(1).collect()))
                }),
            ),
            (
                "setrecursionlimit",
                plain_fn("setrecursionlimit", |pos, _kw| {
                    arg0(&pos, "setrecursionlimit", 1)?;
                    let n = as_index(&pos[0])?;
                    if n < 1 {
                        return Err(value_error("recursion limit must be greater or equal than 1"));
                    }
                    crate::object::set_recursion_limit(n.min(u32::MAX as i64) as u32);
                    Ok(Value::None)
                }),
            ),
            (
                "getrecursionlimit",
                plain_fn("getrecursionlimit", |_pos, _kw| {
                    Ok(Value::Int(crate::object::get_recursion_limit() as i64))
                }),
            ),
            ("intern", plain_fn("intern", |pos, _kw| Ok(pos.into_iter().next().unwrap_or(Value::None)))),
            (
                "getsizeof",
                plain_fn("getsizeof", |pos, _kw| {
                    Ok(Value::Int(match pos.get(0) {
                        Some(Value::Int(_)) => 28,
                        Some(Value::Float(_)) => 24,
                        Some(Value::Str(s)) => 49 + s.len() as i64,
                        Some(Value::List(l)) => 56 + 8 * l.borrow().len() as i64,
                        Some(Value::Tuple(t)) => 40 + 8 * t.len() as i64,
                        _ => 64,
                    }))
                }),
            ),
        ],
    ))
}

// ---------------------------------------------------------------------------------------------
// string
// ---------------------------------------------------------------------------------------------

/// `string.Template`: `$name`, `${name}`, `$$` substitution.
fn template_class() -> Rc<Class> {
    let init = native_func("Template.__init__", "string", |pos, kw| {
        let a = bind_args("Template", pos, kw, &["self", "template"], 2)?;
        crate::object::setattr(a[0].as_ref().unwrap(), "template", a[1].clone().unwrap())?;
        Ok(Value::None)
    });
    let sub = native_func("Template.substitute", "string", |pos, kw| template_sub(pos, kw, false));
    let safe = native_func("Template.safe_substitute", "string", |pos, kw| template_sub(pos, kw, true));
    new_native_class(
        "Template",
        "string",
        vec![],
        vec![("__init__", init), ("substitute", sub), ("safe_substitute", safe), ("delimiter", Value::from("$"))],
    )
}

fn template_sub(pos: Vec<Value>, kw: Vec<(String, Value)>, safe: bool) -> PyResult<Value> {
    let me = match pos.first() {
        Some(m) => m.clone(),
        None => return Err(type_error("descriptor 'substitute' of 'Template' object needs an argument")),
    };
    if pos.len() > 2 {
        return Err(type_error("Too many positional arguments"));
    }
    let mapping = pos.get(1).cloned();
    let text = match crate::object::getattr(&me, "template")? {
        Value::Str(s) => s,
        _ => return Err(type_error("template must be a str")),
    };
    let lookup = |name: &str| -> PyResult<Option<Value>> {
        if let Some((_, v)) = kw.iter().find(|(k, _)| k == name) {
            return Ok(Some(v.clone()));
        }
        match &mapping {
            Some(m) => match crate::object::getitem(m, &Value::from(name)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is("KeyError") => Ok(None),
                Err(e) => Err(e),
            },
            None => Ok(None),
        }
    };
    let b = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let mut lit = 0;
    let is_start = |c: u8| c == b'_' || c.is_ascii_alphabetic();
    let is_cont = |c: u8| c == b'_' || c.is_ascii_alphanumeric();
    while i < b.len() {
        if b[i] != b'$' {
            i += 1;
            continue;
        }
        out.push_str(&text[lit..i]);
        let start = i;
        let (name, end): (Option<&str>, usize) = if i + 1 < b.len() && b[i + 1] == b'$' {
            out.push('$');
            i += 2;
            lit = i;
            continue;
        } else if i + 1 < b.len() && is_start(b[i + 1]) {
            let mut j = i + 2;
            while j < b.len() && is_cont(b[j]) {
                j += 1;
            }
            (Some(&text[i + 1..j]), j)
        } else if i + 2 < b.len() && b[i + 1] == b'{' && is_start(b[i + 2]) {
            let mut j = i + 3;
            while j < b.len() && is_cont(b[j]) {
                j += 1;
            }
            if j < b.len() && b[j] == b'}' {
                (Some(&text[i + 2..j]), j + 1)
            } else {
                (None, i + 1)
            }
        } else {
            (None, i + 1)
        };
        match name {
            Some(n) => match lookup(n)? {
                Some(v) => out.push_str(&crate::repr::to_str(&v)?),
                None if safe => out.push_str(&text[start..end]),
                None => return Err(crate::exceptions::key_error(&Value::from(n))),
            },
            None => {
                if !safe {
                    // CPython: i = start of the text after the delimiter
                    let before = &text[..start + 1];
                    let lines: Vec<&str> = before.split_inclusive('\n').collect();
                    let (lineno, colno) = if lines.is_empty() {
                        (1, 1)
                    } else {
                        let prior: usize = lines[..lines.len() - 1].iter().map(|l| l.chars().count()).sum();
                        (lines.len(), before.chars().count() - prior)
                    };
                    return Err(crate::exceptions::exc(
                        "ValueError",
                        format!("Invalid placeholder in string: line {}, col {}", lineno, colno),
                    ));
                }
                out.push('$');
            }
        }
        i = end;
        lit = i;
    }
    out.push_str(&text[lit..]);
    Ok(Value::from(out))
}

fn string_module() -> PyResult<Value> {
    let lower = "abcdefghijklmnopqrstuvwxyz";
    let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let digits = "0123456789";
    let punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    let ws = " \t\n\r\x0b\x0c";
    let printable = format!("{}{}{}{}{}", digits, lower, upper, punct, ws);
    Ok(new_module(
        "string",
        vec![
            ("ascii_letters", Value::from(format!("{}{}", lower, upper))),
            ("ascii_lowercase", Value::from(lower)),
            ("ascii_uppercase", Value::from(upper)),
            ("digits", Value::from(digits)),
            ("hexdigits", Value::from("0123456789abcdefABCDEF")),
            ("octdigits", Value::from("01234567")),
            ("punctuation", Value::from(punct)),
            ("whitespace", Value::from(ws)),
            ("printable", Value::from(printable)),
            ("Template", Value::Class(template_class())),
            (
                "capwords",
                plain_fn("capwords", |pos, kw| {
                    let a = bind_args("capwords", pos, kw, &["s", "sep"], 1)?;
                    let s = match a[0].as_ref().unwrap() {
                        Value::Str(s) => s.clone(),
                        o => {
                            return Err(err(
                                "AttributeError",
                                &format!("'{}' object has no attribute 'split'", type_name(o)),
                            ))
                        }
                    };
                    let sep = match &a[1] {
                        None | Some(Value::None) => None,
                        Some(Value::Str(x)) => Some(x.clone()),
                        Some(_) => return Err(type_error("must be str or None")),
                    };
                    let parts: Vec<String> = match &sep {
                        None => crate::methods_str::split_whitespace(&s, -1),
                        Some(x) => crate::methods_str::split_sep(&s, x, -1),
                    };
                    let caps: Vec<String> =
                        parts.iter().map(|p| crate::methods_str::py_capitalize(p)).collect();
                    Ok(Value::from(caps.join(sep.as_deref().unwrap_or(" "))))
                }),
            ),
        ],
    ))
}

// ---------------------------------------------------------------------------------------------
// operator
// ---------------------------------------------------------------------------------------------

fn binop_fn(name: &'static str, f: fn(&Value, &Value) -> PyResult<Value>) -> Value {
    plain_fn(name, move |pos, kw| {
        no_kw(name, &kw)?;
        if pos.len() != 2 {
            return Err(type_error(&format!("{} expected 2 arguments, got {}", name, pos.len())));
        }
        f(&pos[0], &pos[1])
    })
}

fn cmp_fn(name: &'static str, f: fn(&Value, &Value) -> PyResult<bool>) -> Value {
    plain_fn(name, move |pos, kw| {
        no_kw(name, &kw)?;
        if pos.len() != 2 {
            return Err(type_error(&format!("{} expected 2 arguments, got {}", name, pos.len())));
        }
        Ok(Value::Bool(f(&pos[0], &pos[1])?))
    })
}

fn unop_fn(name: &'static str, f: fn(&Value) -> PyResult<Value>) -> Value {
    plain_fn(name, move |pos, kw| {
        no_kw(name, &kw)?;
        arg0(&pos, name, 1)?;
        f(&pos[0])
    })
}

/// Builtin callable object with a custom repr (itemgetter/attrgetter/methodcaller/partial).
fn resolve_attr(obj: &Value, dotted: &str) -> PyResult<Value> {
    let mut cur = obj.clone();
    for part in dotted.split('.') {
        cur = get_attr(&cur, part)?;
    }
    Ok(cur)
}

fn callable_class(name: &'static str) -> Rc<Class> {
    thread_local! {
        static CLASSES: RefCell<Vec<(&'static str, Rc<Class>)>> = RefCell::new(Vec::new());
    }
    if let Some(c) = CLASSES.with(|cs| cs.borrow().iter().find(|(n, _)| *n == name).map(|(_, c)| c.clone())) {
        return c;
    }
    let call_f = native_func(&format!("{}.__call__", name), "operator", move |pos, kw| {
        let me = pos.get(0).cloned().unwrap_or(Value::None);
        let args: Vec<Value> = pos.into_iter().skip(1).collect();
        let p = payload(&me).unwrap_or(Value::None);
        let items = match &p {
            Value::Tuple(t) => t.to_vec(),
            _ => vec![],
        };
        match name {
            "itemgetter" => {
                no_kw("itemgetter", &kw)?;
                if args.len() != 1 {
                    return Err(type_error(&format!(
                        "itemgetter expected 1 argument, got {}",
                        args.len()
                    )));
                }
                if items.len() == 1 {
                    return get_item(&args[0], &items[0]);
                }
                let mut out = Vec::with_capacity(items.len());
                for k in items.iter() {
                    out.push(get_item(&args[0], k)?);
                }
                Ok(tuple(out))
            }
            "attrgetter" => {
                no_kw("attrgetter", &kw)?;
                if args.len() != 1 {
                    return Err(type_error(&format!(
                        "attrgetter expected 1 argument, got {}",
                        args.len()
                    )));
                }
                let mut out = Vec::with_capacity(items.len());
                for k in items.iter() {
                    let n = match k {
                        Value::Str(s) => s.clone(),
                        _ => return Err(type_error("attribute name must be a string")),
                    };
                    out.push(resolve_attr(&args[0], &n)?);
                }
                if out.len() == 1 {
                    return Ok(out.pop().unwrap());
                }
                Ok(tuple(out))
            }
            _ => {
                // methodcaller: payload = (name, args tuple, kwargs dict)
                if args.len() != 1 {
                    return Err(type_error(&format!(
                        "methodcaller expected 1 argument, got {}",
                        args.len()
                    )));
                }
                let mname = match items.get(0) {
                    Some(Value::Str(s)) => s.clone(),
                    _ => return Err(type_error("method name must be a string")),
                };
                let margs = match items.get(1) {
                    Some(Value::Tuple(t)) => t.to_vec(),
                    _ => vec![],
                };
                let mkw: Vec<(String, Value)> = match items.get(2) {
                    Some(Value::Dict(d)) => d
                        .borrow()
                        .iter()
                        .map(|(k, v)| (crate::repr::to_str(k).unwrap_or_default(), v.clone()))
                        .collect(),
                    _ => vec![],
                };
                crate::object::call_method(&args[0], &mname, margs, mkw)
            }
        }
    });
    let repr_f = native_func(&format!("{}.__repr__", name), "operator", move |pos, _kw| {
        let me = pos.get(0).cloned().unwrap_or(Value::None);
        let items = match payload(&me) {
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => vec![],
        };
        let mut parts = Vec::new();
        if name == "methodcaller" {
            if let Some(n) = items.get(0) {
                parts.push(repr(n)?);
            }
            if let Some(Value::Tuple(t)) = items.get(1) {
                for a in t.iter() {
                    parts.push(repr(a)?);
                }
            }
            if let Some(Value::Dict(d)) = items.get(2) {
                for (k, v) in d.borrow().items() {
                    parts.push(format!("{}={}", str_of(&k)?, repr(&v)?));
                }
            }
        } else {
            for it in items.iter() {
                parts.push(repr(it)?);
            }
        }
        Ok(Value::from(format!("operator.{}({})", name, parts.join(", "))))
    });
    let cls = new_native_class(
        name,
        "operator",
        vec![],
        vec![("__call__", call_f), ("__repr__", repr_f)],
    );
    CLASSES.with(|cs| cs.borrow_mut().push((name, cls.clone())));
    cls
}

fn operator_module() -> PyResult<Value> {
    use crate::ops;
    let itemgetter = plain_fn("itemgetter", |pos, kw| {
        no_kw("itemgetter", &kw)?;
        if pos.is_empty() {
            return Err(type_error("itemgetter expected 1 argument, got 0"));
        }
        Ok(new_instance_with(&callable_class("itemgetter"), tuple(pos)))
    });
    let attrgetter = plain_fn("attrgetter", |pos, kw| {
        no_kw("attrgetter", &kw)?;
        if pos.is_empty() {
            return Err(type_error("attrgetter expected 1 argument, got 0"));
        }
        for p in pos.iter() {
            if !matches!(p, Value::Str(_)) {
                return Err(type_error("attribute name must be a string"));
            }
        }
        Ok(new_instance_with(&callable_class("attrgetter"), tuple(pos)))
    });
    let methodcaller = plain_fn("methodcaller", |pos, kw| {
        if pos.is_empty() {
            return Err(type_error("methodcaller needs at least one argument, the method name"));
        }
        let mut it = pos.into_iter();
        let name = it.next().unwrap();
        if !matches!(name, Value::Str(_)) {
            return Err(type_error("method name must be a string"));
        }
        let args: Vec<Value> = it.collect();
        let mut d = Dict::new();
        for (k, v) in kw {
            d.set_str(&k, v);
        }
        Ok(new_instance_with(
            &callable_class("methodcaller"),
            tuple(vec![name, tuple(args), dict_value(d)]),
        ))
    });
    fn not_(v: &Value) -> PyResult<Value> {
        Ok(Value::Bool(!truthy(v)?))
    }
    fn truth(v: &Value) -> PyResult<Value> {
        Ok(Value::Bool(truthy(v)?))
    }
    fn index(v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            _ => Ok(Value::Int(as_index(v)?)),
        }
    }
    fn contains(a: &Value, b: &Value) -> PyResult<bool> {
        crate::ops::contains(a, b)
    }
    fn is_(a: &Value, b: &Value) -> PyResult<bool> {
        Ok(crate::ops::is_(a, b))
    }
    fn is_not(a: &Value, b: &Value) -> PyResult<bool> {
        Ok(!crate::ops::is_(a, b))
    }
    fn getitem(a: &Value, b: &Value) -> PyResult<Value> {
        crate::object::getitem(a, b)
    }
    fn concat(a: &Value, b: &Value) -> PyResult<Value> {
        crate::ops::add(a, b)
    }
    let mut items: Vec<(&str, Value)> = vec![
        ("add", binop_fn("add", ops::add)),
        ("sub", binop_fn("sub", ops::sub)),
        ("mul", binop_fn("mul", ops::mul)),
        ("truediv", binop_fn("truediv", ops::truediv)),
        ("floordiv", binop_fn("floordiv", ops::floordiv)),
        ("mod", binop_fn("mod", ops::modulo)),
        ("pow", binop_fn("pow", ops::pow)),
        ("lshift", binop_fn("lshift", ops::lshift)),
        ("rshift", binop_fn("rshift", ops::rshift)),
        ("and_", binop_fn("and_", ops::bitand)),
        ("or_", binop_fn("or_", ops::bitor)),
        ("xor", binop_fn("xor", ops::bitxor)),
        ("matmul", binop_fn("matmul", ops::matmul)),
        ("concat", binop_fn("concat", concat)),
        ("getitem", binop_fn("getitem", getitem)),
        ("iadd", binop_fn("iadd", ops::iadd)),
        ("isub", binop_fn("isub", ops::isub)),
        ("imul", binop_fn("imul", ops::imul)),
        ("itruediv", binop_fn("itruediv", ops::itruediv)),
        ("ifloordiv", binop_fn("ifloordiv", ops::ifloordiv)),
        ("imod", binop_fn("imod", ops::imod)),
        ("iand", binop_fn("iand", ops::iand)),
        ("ior", binop_fn("ior", ops::ior)),
        ("ixor", binop_fn("ixor", ops::ixor)),
        ("iconcat", binop_fn("iconcat", ops::iadd)),
        ("eq", cmp_fn("eq", ops::eq)),
        ("ne", cmp_fn("ne", ops::ne)),
        ("lt", cmp_fn("lt", ops::lt)),
        ("le", cmp_fn("le", ops::le)),
        ("gt", cmp_fn("gt", ops::gt)),
        ("ge", cmp_fn("ge", ops::ge)),
        ("contains", cmp_fn("contains", contains)),
        ("is_", cmp_fn("is_", is_)),
        ("is_not", cmp_fn("is_not", is_not)),
        ("neg", unop_fn("neg", ops::neg)),
        ("pos", unop_fn("pos", ops::pos)),
        ("abs", unop_fn("abs", ops::abs)),
        ("invert", unop_fn("invert", ops::invert)),
        ("inv", unop_fn("inv", ops::invert)),
        ("not_", unop_fn("not_", not_)),
        ("truth", unop_fn("truth", truth)),
        ("index", unop_fn("index", index)),
        (
            "setitem",
            plain_fn("setitem", |pos, _kw| {
                arg0(&pos, "setitem", 3)?;
                crate::object::setitem(&pos[0], &pos[1], pos[2].clone())?;
                Ok(Value::None)
            }),
        ),
        (
            "delitem",
            plain_fn("delitem", |pos, _kw| {
                arg0(&pos, "delitem", 2)?;
                crate::object::delitem(&pos[0], &pos[1])?;
                Ok(Value::None)
            }),
        ),
        (
            "countOf",
            plain_fn("countOf", |pos, _kw| {
                arg0(&pos, "countOf", 2)?;
                let mut n = 0;
                for x in to_vec(&pos[0])? {
                    if py_eq(&x, &pos[1])? {
                        n += 1;
                    }
                }
                Ok(Value::Int(n))
            }),
        ),
        (
            "indexOf",
            plain_fn("indexOf", |pos, _kw| {
                arg0(&pos, "indexOf", 2)?;
                for (i, x) in to_vec(&pos[0])?.iter().enumerate() {
                    if py_eq(x, &pos[1])? {
                        return Ok(Value::Int(i as i64));
                    }
                }
                Err(value_error("sequence.index(x): x not in sequence"))
            }),
        ),
        ("itemgetter", itemgetter),
        ("attrgetter", attrgetter),
        ("methodcaller", methodcaller),
    ];
    // dunder aliases (operator.__add__ ...)
    let aliases: Vec<(&str, Value)> = vec![
        ("__add__", binop_fn("add", ops::add)),
        ("__sub__", binop_fn("sub", ops::sub)),
        ("__mul__", binop_fn("mul", ops::mul)),
    ];
    items.extend(aliases);
    Ok(new_module("operator", items))
}

// ---------------------------------------------------------------------------------------------
// heapq (exact CPython algorithms so heap layouts print identically)
// ---------------------------------------------------------------------------------------------

fn heap_list(v: &Value) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match v {
        Value::List(l) => Ok(l.clone()),
        Value::Instance(_) => match payload(v) {
            Some(Value::List(l)) => Ok(l),
            _ => Err(type_error("heap argument must be a list")),
        },
        _ => Err(type_error("heap argument must be a list")),
    }
}

fn get_at(h: &Rc<RefCell<Vec<Value>>>, i: usize) -> PyResult<Value> {
    match h.borrow().get(i) {
        Some(v) => Ok(v.clone()),
        None => Err(runtime_changed()),
    }
}

fn runtime_changed() -> PyErr {
    err("RuntimeError", "list changed size during iteration")
}

fn set_at(h: &Rc<RefCell<Vec<Value>>>, i: usize, v: Value) -> PyResult<()> {
    let mut b = h.borrow_mut();
    if i >= b.len() {
        return Err(runtime_changed());
    }
    b[i] = v;
    Ok(())
}

fn siftdown(h: &Rc<RefCell<Vec<Value>>>, startpos: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let newitem = get_at(h, pos)?;
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let parent = get_at(h, parentpos)?;
        let less = if max { py_lt(&parent, &newitem)? } else { py_lt(&newitem, &parent)? };
        if less {
            set_at(h, pos, parent)?;
            pos = parentpos;
            continue;
        }
        break;
    }
    set_at(h, pos, newitem)
}

fn siftup(h: &Rc<RefCell<Vec<Value>>>, mut pos: usize, max: bool) -> PyResult<()> {
    let endpos = h.borrow().len();
    let startpos = pos;
    let newitem = get_at(h, pos)?;
    let mut childpos = 2 * pos + 1;
    while childpos < endpos {
        let rightpos = childpos + 1;
        if rightpos < endpos {
            let c = get_at(h, childpos)?;
            let r = get_at(h, rightpos)?;
            let c_lt_r = if max { py_lt(&r, &c)? } else { py_lt(&c, &r)? };
            if !c_lt_r {
                childpos = rightpos;
            }
        }
        let cv = get_at(h, childpos)?;
        set_at(h, pos, cv)?;
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    set_at(h, pos, newitem)?;
    siftdown(h, startpos, pos, max)
}

pub(crate) fn heappush(h: &Rc<RefCell<Vec<Value>>>, item: Value) -> PyResult<()> {
    h.borrow_mut().push(item);
    let n = h.borrow().len();
    siftdown(h, 0, n - 1, false)
}

pub(crate) fn heappop(h: &Rc<RefCell<Vec<Value>>>) -> PyResult<Value> {
    let last = match h.borrow_mut().pop() {
        Some(v) => v,
        None => return Err(index_error("index out of range")),
    };
    if h.borrow().is_empty() {
        return Ok(last);
    }
    let ret = get_at(h, 0)?;
    set_at(h, 0, last)?;
    siftup(h, 0, false)?;
    Ok(ret)
}

pub(crate) fn heapify(h: &Rc<RefCell<Vec<Value>>>, max: bool) -> PyResult<()> {
    let n = h.borrow().len();
    let mut i = n / 2;
    while i > 0 {
        i -= 1;
        siftup(h, i, max)?;
    }
    Ok(())
}

fn nbest(pos: Vec<Value>, kw: Vec<(String, Value)>, largest: bool) -> PyResult<Value> {
    let fname = if largest { "nlargest" } else { "nsmallest" };
    let a = bind_args(fname, pos, kw, &["n", "iterable", "key"], 2)?;
    let n = as_index(a[0].as_ref().unwrap())?;
    let mut items = to_vec(a[1].as_ref().unwrap())?;
    let key = match &a[2] {
        Some(Value::None) | None => None,
        Some(k) => Some(k.clone()),
    };
    if n <= 0 {
        return Ok(list(vec![]));
    }
    crate::methods_list::sort_values(&mut items, key.as_ref(), largest)?;
    items.truncate(n as usize);
    Ok(list(items))
}

fn heapq_module() -> PyResult<Value> {
    Ok(new_module(
        "heapq",
        vec![
            (
                "heappush",
                plain_fn("heappush", |pos, _kw| {
                    arg0(&pos, "heappush", 2)?;
                    let h = heap_list(&pos[0])?;
                    heappush(&h, pos[1].clone())?;
                    Ok(Value::None)
                }),
            ),
            (
                "heappop",
                plain_fn("heappop", |pos, _kw| {
                    arg0(&pos, "heappop", 1)?;
                    let h = heap_list(&pos[0])?;
                    heappop(&h)
                }),
            ),
            (
                "heapify",
                plain_fn("heapify", |pos, _kw| {
                    arg0(&pos, "heapify", 1)?;
                    let h = heap_list(&pos[0])?;
                    heapify(&h, false)?;
                    Ok(Value::None)
                }),
            ),
            (
                "heapreplace",
                plain_fn("heapreplace", |pos, _kw| {
                    arg0(&pos, "heapreplace", 2)?;
                    let h = heap_list(&pos[0])?;
                    if h.borrow().is_empty() {
                        return Err(index_error("index out of range"));
                    }
                    let ret = get_at(&h, 0)?;
                    set_at(&h, 0, pos[1].clone())?;
                    siftup(&h, 0, false)?;
                    Ok(ret)
                }),
            ),
            (
                "heappushpop",
                plain_fn("heappushpop", |pos, _kw| {
                    arg0(&pos, "heappushpop", 2)?;
                    let h = heap_list(&pos[0])?;
                    let item = pos[1].clone();
                    let top = h.borrow().get(0).cloned();
                    if let Some(top) = top {
                        if py_lt(&top, &item)? {
                            set_at(&h, 0, item)?;
                            siftup(&h, 0, false)?;
                            return Ok(top);
                        }
                    }
                    Ok(item)
                }),
            ),
            ("nlargest", plain_fn("nlargest", |pos, kw| nbest(pos, kw, true))),
            ("nsmallest", plain_fn("nsmallest", |pos, kw| nbest(pos, kw, false))),
            (
                "merge",
                plain_fn("merge", |pos, kw| {
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
                                    "merge() got an unexpected keyword argument '{}'",
                                    k
                                )))
                            }
                        }
                    }
                    let mut all = Vec::new();
                    for p in pos.iter() {
                        all.extend(to_vec(p)?);
                    }
                    crate::methods_list::sort_values(&mut all, key.as_ref(), reverse)?;
                    Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(all.into_iter())))))
                }),
            ),
        ],
    ))
}

// ---------------------------------------------------------------------------------------------
// bisect
// ---------------------------------------------------------------------------------------------

fn bisect_impl(pos: Vec<Value>, kw: Vec<(String, Value)>, fname: &str, right: bool, insert: bool) -> PyResult<Value> {
    let a = bind_args(fname, pos, kw, &["a", "x", "lo", "hi", "key"], 2)?;
    let seq = a[0].clone().unwrap();
    let x = a[1].clone().unwrap();
    let mut lo = match &a[2] {
        Some(v) => as_index(v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(value_error("lo must be non-negative"));
    }
    let n = py_len(&seq)?;
    let mut hi = match &a[3] {
        Some(Value::None) | None => n,
        Some(v) => as_index(v)?,
    };
    let key = match &a[4] {
        Some(Value::None) | None => None,
        Some(k) => Some(k.clone()),
    };
    let xk = match (&key, insert) {
        (Some(k), true) => call(k, vec![x.clone()])?,
        _ => x.clone(),
    };
    let fast: Option<Rc<RefCell<Vec<Value>>>> = match &seq {
        Value::List(l) => Some(l.clone()),
        _ => None,
    };
    while lo < hi {
        let mid = (lo + hi) / 2;
        let item = match &fast {
            Some(l) => match l.borrow().get(mid as usize) {
                Some(v) => v.clone(),
                None => return Err(index_error("list index out of range")),
            },
            None => get_item(&seq, &Value::Int(mid))?,
        };
        let item = match &key {
            Some(k) => call(k, vec![item])?,
            None => item,
        };
        if right {
            if py_lt(&xk, &item)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if py_lt(&item, &xk)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if insert {
        match &seq {
            Value::List(l) => {
                let mut b = l.borrow_mut();
                let at = (lo as usize).min(b.len());
                b.insert(at, x);
            }
            _ => {
                crate::object::call_method(&seq, "insert", vec![Value::Int(lo), x], vec![])?;
            }
        }
        return Ok(Value::None);
    }
    Ok(Value::Int(lo))
}

fn bisect_module() -> PyResult<Value> {
    Ok(new_module(
        "bisect",
        vec![
            ("bisect_left", plain_fn("bisect_left", |p, k| bisect_impl(p, k, "bisect_left", false, false))),
            ("bisect_right", plain_fn("bisect_right", |p, k| bisect_impl(p, k, "bisect_right", true, false))),
            ("bisect", plain_fn("bisect_right", |p, k| bisect_impl(p, k, "bisect_right", true, false))),
            ("insort_left", plain_fn("insort_left", |p, k| bisect_impl(p, k, "insort_left", false, true))),
            ("insort_right", plain_fn("insort_right", |p, k| bisect_impl(p, k, "insort_right", true, true))),
            ("insort", plain_fn("insort_right", |p, k| bisect_impl(p, k, "insort_right", true, true))),
        ],
    ))
}

// ---------------------------------------------------------------------------------------------
// typing / collections.abc (annotations only)
// ---------------------------------------------------------------------------------------------

fn typing_special(name: &'static str) -> Value {
    // subscriptable placeholder: typing.Optional[int] etc. evaluate to the placeholder itself
    thread_local! {
        static CLS: RefCell<Option<Rc<Class>>> = RefCell::new(None);
    }
    let cls = CLS.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            let getitem = native_func("_SpecialForm.__getitem__", "typing", |pos, _kw| {
                // ClassVar[...] keeps its identity (dataclasses skip ClassVar fields)
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                if let Some(Value::Str(s)) = payload(&me) {
                    if &*s == "ClassVar" || &*s == "InitVar" || &*s == "Final" {
                        return Ok(me);
                    }
                }
                Ok(pos.get(1).cloned().unwrap_or(Value::None))
            });
            let reprf = native_func("_SpecialForm.__repr__", "typing", |pos, _kw| {
                let me = pos.get(0).cloned().unwrap_or(Value::None);
                match payload(&me) {
                    Some(Value::Str(s)) => Ok(Value::from(format!("typing.{}", s))),
                    _ => Ok(Value::from("typing.?")),
                }
            });
            let callf = native_func("_SpecialForm.__call__", "typing", |pos, _kw| {
                // NewType('X', int)(v) / cast-like use: return the argument
                Ok(pos.get(1).cloned().unwrap_or(Value::None))
            });
            *c = Some(new_native_class(
                "_SpecialForm",
                "typing",
                vec![],
                vec![("__getitem__", getitem), ("__repr__", reprf), ("__call__", callf)],
            ));
        }
        c.clone().unwrap()
    });
    new_instance_with(&cls, Value::from(name))
}

fn typing_module() -> PyResult<Value> {
    let mut items: Vec<(&str, Value)> = Vec::new();
    for n in [
        "Any", "Optional", "Union", "List", "Dict", "Set", "FrozenSet", "Tuple", "Callable",
        "Iterable", "Iterator", "Sequence", "Mapping", "MutableMapping", "Generator", "Type",
        "ClassVar", "Final", "Literal", "Deque", "DefaultDict", "Counter", "NoReturn",
        "Hashable", "Sized", "Collection", "AbstractSet", "MutableSequence", "MutableSet",
        "Awaitable", "Coroutine", "AsyncIterator", "Annotated", "SupportsInt", "SupportsFloat",
        "Reversible", "Container", "ItemsView", "KeysView", "ValuesView", "OrderedDict", "Text",
        "AnyStr", "Self", "TypeAlias", "Never", "LiteralString",
    ] {
        items.push((n, typing_special(n)));
    }
    items.push(("TYPE_CHECKING", Value::Bool(false)));
    items.push((
        "cast",
        plain_fn("cast", |pos, _kw| Ok(pos.get(1).cloned().unwrap_or(Value::None))),
    ));
    items.push((
        "TypeVar",
        plain_fn("TypeVar", |pos, _kw| Ok(typing_special_named(pos.get(0)))),
    ));
    items.push((
        "NewType",
        plain_fn("NewType", |pos, _kw| {
            let f = plain_fn("NewType", |p, _k| Ok(p.into_iter().next().unwrap_or(Value::None)));
            let _ = pos;
            Ok(f)
        }),
    ));
    items.push(("overload", plain_fn("overload", |pos, _kw| Ok(pos.into_iter().next().unwrap_or(Value::None)))));
    items.push(("final", plain_fn("final", |pos, _kw| Ok(pos.into_iter().next().unwrap_or(Value::None)))));
    items.push((
        "no_type_check",
        plain_fn("no_type_check", |pos, _kw| Ok(pos.into_iter().next().unwrap_or(Value::None))),
    ));
    items.push((
        "get_type_hints",
        plain_fn("get_type_hints", |_pos, _kw| Ok(dict_value(Dict::new()))),
    ));
    items.push(("NamedTuple", Value::Class(crate::stdlib_collections::namedtuple_base_class())));
    items.push(("TypedDict", Value::Class(crate::classes::builtin_class("dict"))));
    items.push(("Protocol", Value::Class(crate::classes::builtin_class("object"))));
    items.push(("Generic", generic_class()));
    Ok(new_module("typing", items))
}

fn typing_special_named(name: Option<&Value>) -> Value {
    let n = match name {
        Some(Value::Str(s)) => s.to_string(),
        _ => "T".to_string(),
    };
    let leaked: &'static str = crate::object::intern(&n);
    typing_special(leaked)
}

fn generic_class() -> Value {
    thread_local! {
        static G: RefCell<Option<Value>> = RefCell::new(None);
    }
    G.with(|g| {
        let mut g = g.borrow_mut();
        if g.is_none() {
            let cgi = native_func("Generic.__class_getitem__", "typing", |pos, _kw| {
                Ok(pos.get(0).cloned().unwrap_or(Value::None))
            });
            let cls = new_native_class(
                "Generic",
                "typing",
                vec![],
                vec![("__class_getitem__", Value::ClassMethod(Rc::new(cgi)))],
            );
            *g = Some(Value::Class(cls));
        }
        g.clone().unwrap()
    })
}

fn collections_abc_module() -> PyResult<Value> {
    let mut items: Vec<(&str, Value)> = Vec::new();
    for n in [
        "Iterable", "Iterator", "Sequence", "Mapping", "MutableMapping", "Callable", "Hashable",
        "Sized", "Container", "Collection", "Set", "MutableSet", "MutableSequence", "Generator",
        "Reversible", "KeysView", "ValuesView", "ItemsView",
    ] {
        items.push((n, typing_special(n)));
    }
    Ok(new_module("collections.abc", items))
}

// ---------------------------------------------------------------------------------------------
// abc
// ---------------------------------------------------------------------------------------------

fn is_abstract(v: &Value) -> bool {
    let f = match v {
        Value::StaticMethod(g) | Value::ClassMethod(g) => (**g).clone(),
        Value::Property(p) => p.0.clone(),
        other => other.clone(),
    };
    match &f {
        Value::Func(func) => matches!(func.attrs.borrow().get_str("__isabstractmethod__"), Some(Value::Bool(true))),
        _ => false,
    }
}

/// Sorted names of the abstract methods a class still has.
fn abstract_methods(cls: &Rc<Class>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in crate::classes::mro_of(cls) {
        for k in c.attrs.borrow().keys() {
            if let Value::Str(s) = k {
                if !names.iter().any(|n| **n == *s) {
                    names.push(s.to_string());
                }
            }
        }
    }
    let mut out: Vec<String> = names
        .into_iter()
        .filter(|n| match crate::classes::lookup_class_attr(cls, n) {
            Some(v) => is_abstract(&v),
            None => false,
        })
        .collect();
    out.sort();
    out
}

fn abc_class() -> Rc<Class> {
    thread_local! {
        static ABC: RefCell<Option<Rc<Class>>> = RefCell::new(None);
    }
    if let Some(c) = ABC.with(|a| a.borrow().clone()) {
        return c;
    }
    let newf = native_func("ABC.__new__", "abc", |pos, kw| {
        let cls = match pos.get(0) {
            Some(Value::Class(c)) => c.clone(),
            _ => return Err(type_error("ABC.__new__(X): X is not a type object")),
        };
        let abs = abstract_methods(&cls);
        if !abs.is_empty() {
            return Err(type_error(&format!(
                "Can't instantiate abstract class {} with abstract method{} {}",
                cls.name,
                if abs.len() == 1 { "" } else { "s" },
                abs.join(", ")
            )));
        }
        crate::object::new_instance(&cls, &pos[1..], &kw)
    });
    let c = new_native_class("ABC", "abc", vec![], vec![("__new__", Value::StaticMethod(Rc::new(newf)))]);
    ABC.with(|a| *a.borrow_mut() = Some(c.clone()));
    c
}

fn abc_module() -> PyResult<Value> {
    let abstractmethod = plain_fn("abstractmethod", |pos, _kw| {
        let f = pos.into_iter().next().unwrap_or(Value::None);
        let inner = match &f {
            Value::StaticMethod(g) | Value::ClassMethod(g) => (**g).clone(),
            Value::Property(p) => p.0.clone(),
            other => other.clone(),
        };
        if let Value::Func(func) = &inner {
            func.attrs.borrow_mut().set_str("__isabstractmethod__", Value::Bool(true));
        }
        Ok(f)
    });
    Ok(new_module(
        "abc",
        vec![
            ("ABC", Value::Class(abc_class())),
            ("ABCMeta", Value::Class(crate::classes::builtin_class("type"))),
            ("abstractmethod", abstractmethod.clone()),
            ("abstractproperty", Value::Class(crate::classes::builtin_class("property"))),
            ("abstractclassmethod", Value::Class(crate::classes::builtin_class("classmethod"))),
            ("abstractstaticmethod", Value::Class(crate::classes::builtin_class("staticmethod"))),
        ],
    ))
}

// ---------------------------------------------------------------------------------------------
// io (StringIO only: an in-memory text stream; the text lives in the instance payload)
// ---------------------------------------------------------------------------------------------

thread_local! {
    static STRINGIO: RefCell<Option<Rc<Class>>> = RefCell::new(None);
}

fn sio_state(me: &Value) -> PyResult<(Rc<RefCell<(String, usize, bool)>>, ())> {
    SIO_STATES.with(|m| {
        let key = match me {
            Value::Instance(i) => Rc::as_ptr(i) as usize,
            _ => 0,
        };
        match m.borrow().iter().find(|(k, _)| *k == key) {
            Some((_, st)) => Ok((st.clone(), ())),
            None => Err(value_error("I/O operation on uninitialized object")),
        }
    })
}

thread_local! {
    /// StringIO buffers by instance address: (text, position in chars, closed)
    static SIO_STATES: RefCell<Vec<(usize, Rc<RefCell<(String, usize, bool)>>)>> = RefCell::new(Vec::new());
}

fn sio_check(st: &(String, usize, bool)) -> PyResult<()> {
    if st.2 {
        return Err(value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn char_to_byte(s: &str, ci: usize) -> usize {
    s.char_indices().nth(ci).map(|(b, _)| b).unwrap_or(s.len())
}

fn stringio_class() -> Rc<Class> {
    if let Some(c) = STRINGIO.with(|c| c.borrow().clone()) {
        return c;
    }
    let init = native_func("StringIO.__init__", "io", |pos, kw| {
        let a = bind_args("StringIO", pos, kw, &["self", "initial_value", "newline"], 1)?;
        let me = a[0].clone().unwrap();
        let init = match &a[1] {
            Some(Value::Str(s)) => s.to_string(),
            None | Some(Value::None) => String::new(),
            Some(o) => return Err(type_error(&format!("initial_value must be str or None, not {}", type_name(o)))),
        };
        let key = match &me {
            Value::Instance(i) => Rc::as_ptr(i) as usize,
            _ => 0,
        };
        SIO_STATES.with(|m| {
            let mut m = m.borrow_mut();
            m.retain(|(k, _)| *k != key);
            m.push((key, Rc::new(RefCell::new((init, 0, false)))));
        });
        Ok(Value::None)
    });
    let write = native_func("StringIO.write", "io", |pos, _kw| {
        let me = pos.get(0).cloned().unwrap_or(Value::None);
        let s = match pos.get(1) {
            Some(Value::Str(s)) => s.to_string(),
            Some(o) => return Err(type_error(&format!("string argument expected, got '{}'", type_name(o)))),
            None => return Err(type_error("write() takes exactly one argument (0 given)")),
        };
        let (st, _) = sio_state(&me)?;
        let mut st = st.borrow_mut();
        sio_check(&st)?;
        let n = s.chars().count();
        let len = st.0.chars().count();
        let p = st.1;
        if p >= len {
            for _ in len..p {
                st.0.push('\0');
            }
            st.0.push_str(&s);
        } else {
            let b0 = char_to_byte(&st.0, p);
            let b1 = char_to_byte(&st.0, (p + n).min(len));
            st.0.replace_range(b0..b1, &s);
        }
        st.1 = p + n;
        Ok(Value::Int(n as i64))
    });
    let getvalue = native_func("StringIO.getvalue", "io", |pos, _kw| {
        let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
        let st = st.borrow();
        sio_check(&st)?;
        Ok(Value::from(st.0.as_str()))
    });
    let read = native_func("StringIO.read", "io", |pos, _kw| {
        let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
        let mut st = st.borrow_mut();
        sio_check(&st)?;
        let total = st.0.chars().count();
        let n = match pos.get(1) {
            Some(Value::Int(n)) if *n >= 0 => *n as usize,
            _ => total,
        };
        let start = st.1.min(total);
        let end = (start + n).min(total);
        let out: String = st.0.chars().skip(start).take(end - start).collect();
        st.1 = end;
        Ok(Value::from(out))
    });
    let readline = native_func("StringIO.readline", "io", |pos, _kw| {
        let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
        let mut st = st.borrow_mut();
        sio_check(&st)?;
        let rest: String = st.0.chars().skip(st.1).collect();
        let line: String = match rest.find('\n') {
            Some(i) => rest[..=i].to_string(),
            None => rest,
        };
        st.1 += line.chars().count();
        Ok(Value::from(line))
    });
    let readlines = native_func("StringIO.readlines", "io", |pos, _kw| {
        let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
        let mut st = st.borrow_mut();
        sio_check(&st)?;
        let rest: String = st.0.chars().skip(st.1).collect();
        st.1 += rest.chars().count();
        Ok(list(rest.split_inclusive('\n').map(Value::from).collect()))
    });
    let seek = native_func("StringIO.seek", "io", |pos, _kw| {
        let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
        let mut st = st.borrow_mut();
        sio_check(&st)?;
        let whence = match pos.get(2) {
            Some(Value::Int(w)) => *w,
            _ => 0,
        };
        let off = match pos.get(1) {
            Some(v) => as_index(v)?,
            None => return Err(type_error("seek() takes at least 1 argument (0 given)")),
        };
        let newpos = match whence {
            0 => {
                if off < 0 {
                    return Err(value_error(&format!("Negative seek position {}", off)));
                }
                off as usize
            }
            1 => st.1,
            _ => st.0.chars().count(),
        };
        st.1 = newpos;
        Ok(Value::Int(newpos as i64))
    });
    let tell = native_func("StringIO.tell", "io", |pos, _kw| {
        let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
        let st = st.borrow();
        sio_check(&st)?;
        Ok(Value::Int(st.1 as i64))
    });
    let truncate = native_func("StringIO.truncate", "io", |pos, _kw| {
        let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
        let mut st = st.borrow_mut();
        sio_check(&st)?;
        let size = match pos.get(1) {
            Some(Value::Int(n)) => *n as usize,
            _ => st.1,
        };
        let b = char_to_byte(&st.0, size);
        st.0.truncate(b);
        Ok(Value::Int(size as i64))
    });
    let close = native_func("StringIO.close", "io", |pos, _kw| {
        let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
        st.borrow_mut().2 = true;
        Ok(Value::None)
    });
    let closed = Value::Property(Rc::new((
        native_func("StringIO.closed", "io", |pos, _kw| {
            let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
            let c = st.borrow().2;
            Ok(Value::Bool(c))
        }),
        Value::None,
        Value::None,
    )));
    let enter = native_func("StringIO.__enter__", "io", |pos, _kw| Ok(pos.get(0).cloned().unwrap_or(Value::None)));
    let exit = native_func("StringIO.__exit__", "io", |pos, _kw| {
        if let Ok((st, _)) = sio_state(pos.get(0).unwrap_or(&Value::None)) {
            st.borrow_mut().2 = true;
        }
        Ok(Value::Bool(false))
    });
    let iter_ = native_func("StringIO.__iter__", "io", |pos, _kw| {
        let (st, _) = sio_state(pos.get(0).unwrap_or(&Value::None))?;
        let mut st = st.borrow_mut();
        sio_check(&st)?;
        let rest: String = st.0.chars().skip(st.1).collect();
        st.1 += rest.chars().count();
        let lines: Vec<Value> = rest.split_inclusive('\n').map(Value::from).collect();
        Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(lines.into_iter())))))
    });
    let noop_true = native_func("StringIO.writable", "io", |_pos, _kw| Ok(Value::Bool(true)));
    let flush = native_func("StringIO.flush", "io", |_pos, _kw| Ok(Value::None));
    let c = new_native_class(
        "StringIO",
        "io",
        vec![],
        vec![
            ("__init__", init),
            ("write", write),
            ("getvalue", getvalue),
            ("read", read),
            ("readline", readline),
            ("readlines", readlines),
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("close", close),
            ("closed", closed),
            ("__enter__", enter),
            ("__exit__", exit),
            ("__iter__", iter_),
            ("writable", noop_true.clone()),
            ("readable", noop_true.clone()),
            ("seekable", noop_true),
            ("flush", flush),
        ],
    );
    STRINGIO.with(|s| *s.borrow_mut() = Some(c.clone()));
    c
}

fn io_module() -> PyResult<Value> {
    Ok(new_module("io", vec![("StringIO", Value::Class(stringio_class()))]))
}
