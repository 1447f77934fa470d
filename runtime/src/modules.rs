//! Modules: sys.modules-like registry, program module registration and import, globals,
//! and `run_main` (the program entry point).
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::exceptions::*;
use crate::value::*;

pub type ModuleInit = fn(&Value) -> PyResult<()>;

thread_local! {
    static MODULES: RefCell<HashMap<String, Value>> = RefCell::new(HashMap::new());
    static REGISTRY: RefCell<HashMap<String, ModuleInit>> = RefCell::new(HashMap::new());
}

/// Register a program module (`init` runs its body with the module object).
pub fn register_module(name: &str, init: ModuleInit) {
    REGISTRY.with(|r| {
        r.borrow_mut().insert(name.to_string(), init);
    });
}

/// A fresh module object with `__name__` set.
pub fn new_module(name: &str) -> Value {
    let mut d = Dict::new();
    d.set_str("__name__", Value::from(name));
    d.set_str("__doc__", Value::None);
    let pkg = match name.rfind('.') {
        Some(i) => &name[..i],
        None => "",
    };
    d.set_str("__package__", Value::from(pkg));
    Value::Module(Rc::new(Module { name: name.to_string(), attrs: RefCell::new(d) }))
}

/// Is `name` a non-program (stdlib) module?
pub fn is_builtin_module(name: &str) -> bool {
    let main = crate::classes::MAIN_NAME.with(|m| m.borrow().clone());
    if name == "__main__" {
        return false;
    }
    if name == main {
        return false;
    }
    !REGISTRY.with(|r| r.borrow().contains_key(name))
}

/// Name of the module whose body / functions are currently executing.
pub fn current_module_name() -> String {
    crate::object::current_module()
}

/// Snapshot of sys.modules.
pub fn loaded_modules() -> Vec<(String, Value)> {
    MODULES.with(|m| m.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect())
}

pub fn cached_module(name: &str) -> Option<Value> {
    MODULES.with(|m| m.borrow().get(name).cloned())
}

fn bind_to_parent(name: &str, module: &Value) -> PyResult<()> {
    if let Some(i) = name.rfind('.') {
        let parent = &name[..i];
        if let Some(p) = cached_module(parent) {
            crate::object::setattr(&p, &name[i + 1..], module.clone())?;
        }
    }
    Ok(())
}

fn run_module_body(module: &Value, name_for_functions: &str, init: ModuleInit) -> PyResult<()> {
    crate::object::push_current_module(name_for_functions);
    let r = crate::object::enter_frame().and_then(|_| {
        let r = init(module);
        crate::object::leave_frame();
        r
    });
    crate::object::pop_current_module();
    r
}

fn not_found(name: &str) -> PyErr {
    let e = exc("ModuleNotFoundError", format!("No module named '{}'", name));
    if let Value::Instance(i) = &e.exc {
        i.attrs.borrow_mut().set_str("name", Value::from(name));
    }
    e
}

/// `import name` (returns the module `name` itself; the generator binds the top package for
/// `import a.b`).
pub fn import_module(name: &str) -> PyResult<Value> {
    if let Some(m) = cached_module(name) {
        return Ok(m);
    }
    if let Some(i) = name.rfind('.') {
        import_module(&name[..i])?;
        if let Some(m) = cached_module(name) {
            return Ok(m);
        }
    }
    let init = REGISTRY.with(|r| r.borrow().get(name).cloned()).or_else(|| crate::pylib::find(name));
    let main = crate::classes::MAIN_NAME.with(|m| m.borrow().clone());
    if let Some(init) = init {
        let module = new_module(name);
        MODULES.with(|m| m.borrow_mut().insert(name.to_string(), module.clone()));
        if let Err(e) = run_module_body(&module, name, init) {
            MODULES.with(|m| m.borrow_mut().remove(name));
            return Err(e);
        }
        bind_to_parent(name, &module)?;
        let _ = main;
        return Ok(module);
    }
    match crate::stdlib::load(name) {
        Some(Ok(m)) => {
            MODULES.with(|mm| mm.borrow_mut().insert(name.to_string(), m.clone()));
            bind_to_parent(name, &m)?;
            Ok(m)
        }
        Some(Err(e)) => Err(e),
        None => Err(not_found(name)),
    }
}

/// `from module import name`
pub fn import_from(module: &Value, name: &str) -> PyResult<Value> {
    match crate::object::getattr(module, name) {
        Ok(v) => Ok(v),
        Err(e) => {
            if !e.is("AttributeError") {
                return Err(e);
            }
            let mname = match module {
                Value::Module(m) => m.name.clone(),
                _ => return Err(e),
            };
            let full = format!("{}.{}", mname, name);
            let known = REGISTRY.with(|r| r.borrow().contains_key(&full)) || cached_module(&full).is_some() || crate::pylib::find(&full).is_some();
            if known {
                return import_module(&full);
            }
            if let Some(Ok(m)) = crate::stdlib::load(&full) {
                MODULES.with(|mm| mm.borrow_mut().insert(full.clone(), m.clone()));
                bind_to_parent(&full, &m)?;
                return Ok(m);
            }
            let loc = if is_builtin_module(&mname) {
                "(unknown location)".to_string()
            } else {
                format!("({}.py)", mname.replace('.', "/"))
            };
            let shown = if mname == "__main__" { "__main__".to_string() } else { mname.clone() };
            Err(exc("ImportError", format!("cannot import name '{}' from '{}' {}", name, shown, loc)))
        }
    }
}

/// Read a global: module dict, then builtins, else NameError.
#[inline]
pub fn load_global(module: &Value, name: &str) -> PyResult<Value> {
    if let Value::Module(m) = module {
        let v = m.attrs.borrow().get_str(name);
        if let Some(v) = v {
            return Ok(v);
        }
    }
    match crate::builtins::builtin_value(name) {
        Some(v) => Ok(v),
        None => Err(exc("NameError", format!("name '{}' is not defined", name))),
    }
}

pub fn store_global(module: &Value, name: &str, v: Value) {
    if let Value::Module(m) = module {
        // the old value is dropped once the dict is released: dropping a generator runs its handlers
        let old = m.attrs.borrow_mut().set_str_replace(name, v);
        drop(old);
    }
}

pub fn del_global(module: &Value, name: &str) -> PyResult<()> {
    if let Value::Module(m) = module {
        let r = m.attrs.borrow_mut().remove_str(name);
        if r.is_some() {
            return Ok(());
        }
    }
    Err(exc("NameError", format!("name '{}' is not defined", name)))
}

/// Exit code and stderr text for an uncaught exception (SystemExit honoured).
pub fn exit_status_for(err: &PyErr) -> (i32, String) {
    if err.is("SystemExit") {
        let args = exception_args(&err.exc);
        let code = if args.len() > 1 { Value::Tuple(Rc::new(args)) } else { args.into_iter().next().unwrap_or(Value::None) };
        return match code {
            Value::None => (0, String::new()),
            Value::Int(i) => (i as i32, String::new()),
            Value::Bool(b) => (b as i32, String::new()),
            other => (1, format!("{}\n", crate::repr::to_str(&other).unwrap_or_default())),
        };
    }
    // newest first: (exception, link to the next older one)
    let mut chain: Vec<(Value, &'static str)> = vec![];
    let mut cur = Some(err.exc.clone());
    while let Some(v) = cur.take() {
        if chain.len() > 20 {
            break;
        }
        let mut link = "";
        if let Value::Instance(i) = &v {
            let a = i.attrs.borrow();
            let suppress = matches!(a.get_str("__suppress_context__"), Some(Value::Bool(true)));
            match a.get_str("__cause__") {
                Some(c) if !matches!(c, Value::None) => {
                    link = "\nThe above exception was the direct cause of the following exception:\n\n";
                    cur = Some(c);
                }
                _ => {
                    if !suppress {
                        if let Some(c) = a.get_str("__context__") {
                            if !matches!(c, Value::None) {
                                link = "\nDuring handling of the above exception, another exception occurred:\n\n";
                                cur = Some(c);
                            }
                        }
                    }
                }
            }
        }
        chain.push((v, link));
    }
    let mut text = String::new();
    for k in (0..chain.len()).rev() {
        text.push_str("Traceback (most recent call last):\n");
        text.push_str(&format_exception_line(&chain[k].0));
        text.push('\n');
        if k > 0 {
            text.push_str(chain[k - 1].1);
        }
    }
    (1, text)
}

/// Program entry: run module `entry` as `__main__`, flush stdout, report uncaught exceptions,
/// exit with CPython's status.
pub fn run_main(entry: &str) -> ! {
    crate::classes::MAIN_NAME.with(|m| *m.borrow_mut() = entry.to_string());
    std::panic::set_hook(Box::new(|info| {
        crate::builtins::flush_stdout();
        eprintln!("pyrt internal error: {}", info);
    }));
    let init = REGISTRY.with(|r| r.borrow().get(entry).cloned());
    let result = match init {
        Some(init) => {
            let module = new_module("__main__");
            MODULES.with(|m| m.borrow_mut().insert("__main__".to_string(), module.clone()));
            crate::object::push_current_module("__main__");
            let r = init(&module);
            crate::object::pop_current_module();
            r
        }
        None => Err(not_found(entry)),
    };
    crate::builtins::flush_stdout();
    match result {
        Ok(()) => std::process::exit(0),
        Err(e) => {
            let (code, text) = exit_status_for(&e);
            if !text.is_empty() {
                crate::builtins::write_stderr(&text);
            }
            crate::builtins::flush_stdout();
            std::process::exit(code)
        }
    }
}
