//! Exceptions: builtin exception instances, raise / raise_from / err_matches / err_value,
//! str() and repr() of exception instances.
use std::cell::RefCell;
use std::rc::Rc;

use crate::classes::*;
use crate::value::*;

impl PyErr {
    /// Builtin exception `class_name` with message `msg` (args = (msg,)).
    pub fn new(class_name: &str, msg: &str) -> PyErr {
        exc(class_name, msg.to_string())
    }

    /// Name of the exception's class.
    pub fn class_name(&self) -> String {
        type_name(&self.exc)
    }

    /// Is this exception an instance of the builtin class `name` (or a subclass)?
    pub fn is(&self, name: &str) -> bool {
        match try_builtin_class(name) {
            Some(c) => value_is_instance(&self.exc, &c),
            None => false,
        }
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", format_exception_line(&self.exc))
    }
}

/// New exception instance of `cls` with `args` (no __init__ called).
pub fn new_exception_instance(cls: &Rc<Class>, args: Vec<Value>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: cls.clone(),
        attrs: RefCell::new(Dict::new()),
        base_value: RefCell::new(Some(Value::Tuple(Rc::new(args)))),
    }))
}

/// Build a builtin exception with one message argument.
pub fn exc(class_name: &str, msg: String) -> PyErr {
    let cls = match try_builtin_class(class_name) {
        Some(c) => c,
        None => builtin_class("RuntimeError"),
    };
    PyErr { exc: new_exception_instance(&cls, vec![Value::from(msg)]) }
}

/// Builtin exception with arbitrary args (e.g. KeyError(key), StopIteration(value)).
pub fn exc_args(class_name: &str, args: Vec<Value>) -> PyErr {
    PyErr { exc: new_exception_instance(&builtin_class(class_name), args) }
}

/// `KeyError(key)`
pub fn key_error(key: &Value) -> PyErr {
    exc_args("KeyError", vec![key.clone()])
}

pub fn type_error(msg: String) -> PyErr {
    exc("TypeError", msg)
}

pub fn value_error(msg: String) -> PyErr {
    exc("ValueError", msg)
}

/// `args` of an exception instance.
pub fn exception_args(v: &Value) -> Vec<Value> {
    if let Value::Instance(i) = v {
        if let Some(Value::Tuple(t)) = i.base_value.borrow().as_ref() {
            return t.to_vec();
        }
    }
    vec![]
}

pub fn is_exception_instance(v: &Value) -> bool {
    match v {
        Value::Instance(i) => is_exception_class(&i.class),
        _ => false,
    }
}

/// `raise v` (`__context__` = the exception being handled, as CPython sets it at raise time)
pub fn raise(v: Value) -> PyErr {
    let err = match &v {
        Value::Class(c) if is_exception_class(c) => match crate::object::call(&v, vec![], vec![]) {
            Ok(inst) => PyErr { exc: inst },
            Err(e) => e,
        },
        Value::Instance(i) if is_exception_class(&i.class) => PyErr { exc: v },
        _ => exc("TypeError", "exceptions must derive from BaseException".to_string()),
    };
    if let Some(top) = current_handled() {
        chain_context(&err.exc, top);
    }
    err
}

thread_local! {
    /// Exceptions whose `except` (or `finally`) bodies are running, innermost last.
    static HANDLED: RefCell<Vec<Value>> = RefCell::new(Vec::new());
}

/// The exception being handled (`sys.exc_info()[1]`), if any.
pub fn current_handled() -> Option<Value> {
    HANDLED.with(|h| h.borrow().last().cloned())
}

fn context_of(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(i) => i.attrs.borrow().get_str("__context__").filter(|c| !matches!(c, Value::None)),
        _ => None,
    }
}

/// `exc.__context__ = ctx`, cutting the chain below `ctx` where it reaches `exc` (no cycles).
fn chain_context(exc: &Value, ctx: Value) {
    let inst = match exc {
        Value::Instance(i) if !crate::ops::is_(exc, &ctx) => i,
        _ => return,
    };
    let mut o = ctx.clone();
    for _ in 0..1000 {
        match context_of(&o) {
            Some(c) if crate::ops::is_(&c, exc) => {
                if let Value::Instance(oi) = &o {
                    oi.attrs.borrow_mut().remove_str("__context__");
                }
                break;
            }
            Some(c) => o = c,
            None => break,
        }
    }
    inst.attrs.borrow_mut().set_str("__context__", ctx);
}

/// Runs an `except` / `finally` body while `err` is the exception being handled: exceptions
/// raised in it (also by callees, also when caught there) get `err` as `__context__`.
pub fn handling<T>(err: &PyErr, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    if let Some(outer) = current_handled() {
        // an exception built by the runtime (not through `raise`) inside an outer handler
        if context_of(&err.exc).is_none() {
            chain_context(&err.exc, outer);
        }
    }
    HANDLED.with(|h| h.borrow_mut().push(err.exc.clone()));
    let r = body();
    HANDLED.with(|h| h.borrow_mut().pop());
    if let Err(x) = &r {
        set_context(x, err);
    }
    r
}

/// `handling` when there is a pending exception (a `finally` body after an error), else `body()`.
pub fn handling_opt<T>(err: Option<&PyErr>, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match err {
        Some(e) => handling(e, body),
        None => body(),
    }
}

/// `raise v from cause`
pub fn raise_from(v: Value, cause: Value) -> PyErr {
    let err = raise(v);
    let cause = match &cause {
        Value::None => Value::None,
        Value::Class(c) if is_exception_class(c) => match crate::object::call(&cause, vec![], vec![]) {
            Ok(i) => i,
            Err(e) => return e,
        },
        Value::Instance(i) if is_exception_class(&i.class) => cause.clone(),
        _ => return exc("TypeError", "exception causes must derive from BaseException".to_string()),
    };
    if let Value::Instance(i) = &err.exc {
        let mut a = i.attrs.borrow_mut();
        a.set_str("__cause__", cause);
        a.set_str("__suppress_context__", Value::Bool(true));
    }
    err
}

/// Record the exception being handled as `__context__` of a new one that escapes its handler
/// (unless it already has one; generators call this when raising inside an `except` block).
pub fn set_context(err: &PyErr, context: &PyErr) {
    if context_of(&err.exc).is_none() {
        chain_context(&err.exc, context.exc.clone());
    }
}

/// `except cls:` matching; cls is an exception class or a tuple of them.
pub fn err_matches(err: &PyErr, cls: &Value) -> PyResult<bool> {
    match cls {
        Value::Class(c) => {
            if !is_exception_class(c) {
                return Err(exc("TypeError", "catching classes that do not inherit from BaseException is not allowed".to_string()));
            }
            Ok(value_is_instance(&err.exc, c))
        }
        Value::Tuple(t) => {
            for c in t.iter() {
                if err_matches(err, c)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(exc("TypeError", "catching classes that do not inherit from BaseException is not allowed".to_string())),
    }
}

/// The exception instance (`except E as e`).
pub fn err_value(err: &PyErr) -> Value {
    err.exc.clone()
}

/// BaseException.__str__ (KeyError: repr of the single arg).
pub fn exception_str(v: &Value) -> PyResult<String> {
    let args = exception_args(v);
    let is_key_error = match v {
        Value::Instance(i) => match try_builtin_class("KeyError") {
            Some(k) => is_subclass(&i.class, &k),
            None => false,
        },
        _ => false,
    };
    let is_os_error = match v {
        Value::Instance(i) => match try_builtin_class("OSError") {
            Some(k) => is_subclass(&i.class, &k),
            None => false,
        },
        _ => false,
    };
    if is_os_error && (2..=5).contains(&args.len()) {
        let mut s = format!("[Errno {}] {}", crate::repr::to_str(&args[0])?, crate::repr::to_str(&args[1])?);
        if args.len() >= 3 && !matches!(args[2], Value::None) {
            s.push_str(&format!(": {}", crate::repr::to_repr(&args[2])?));
            if args.len() >= 5 && !matches!(args[4], Value::None) {
                s.push_str(&format!(" -> {}", crate::repr::to_repr(&args[4])?));
            }
        }
        return Ok(s);
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => {
            if is_key_error {
                crate::repr::to_repr(&args[0])
            } else {
                crate::repr::to_str(&args[0])
            }
        }
        _ => crate::repr::to_str(&Value::Tuple(Rc::new(args))),
    }
}

/// BaseException.__repr__
pub fn exception_repr(v: &Value) -> PyResult<String> {
    let args = exception_args(v);
    let name = type_name(v);
    if args.len() == 1 {
        Ok(format!("{}({})", name, crate::repr::to_repr(&args[0])?))
    } else {
        Ok(format!("{}{}", name, crate::repr::to_repr(&Value::Tuple(Rc::new(args)))?))
    }
}

/// "ExcName: msg" as the last line of a traceback.
pub fn format_exception_line(v: &Value) -> String {
    let cls = type_of(v);
    let mut name = cls.qualname.clone();
    if cls.module != "builtins" && cls.module != "__main__" && !cls.module.is_empty() {
        name = format!("{}.{}", cls.module, name);
    }
    let msg = match crate::repr::to_str(v) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{}: {}", name, msg)
    }
}
