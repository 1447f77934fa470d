// Exception context stack (`handling`), builtin fallback of binary operators, class keywords.
mod common;
use common::*;

fn raised(cls: &str, msg: &str) -> PyErr {
    raise(call_builtin(cls, vec![s(msg)], vec![]).unwrap())
}

fn context_repr(e: &PyErr) -> String {
    to_repr(&getattr(&e.exc, "__context__").unwrap()).unwrap()
}

#[test]
fn handled_exception_becomes_context() {
    let outer = raised("KeyError", "k");
    let inner = handling(&outer, || -> PyResult<()> {
        let caught = handling(&raised("ValueError", "v"), || Ok(()));
        assert!(caught.is_ok());
        Err(PyErr::new("TypeError", "runtime-made"))
    })
    .unwrap_err();
    assert_eq!(context_repr(&inner), "KeyError('k')");
    // nothing is handled any more: a new exception has no context
    assert_eq!(context_repr(&raised("ValueError", "x")), "None");
}

#[test]
fn finally_after_error_chains() {
    let pending: PyResult<()> = Err(raised("TypeError", "t"));
    let r: PyResult<()> = handling_opt(pending.as_ref().err(), || Err(raised("RuntimeError", "r")));
    assert_eq!(context_repr(&r.unwrap_err()), "TypeError('t')");
}

#[test]
fn builtin_left_operand_with_instance() {
    let cls = make_class("P", "P", "__main__", vec![], vec![]).unwrap();
    let obj = call(&cls, vec![], vec![]).unwrap();
    let got = to_str(&modulo(&s("<%s>"), &obj).unwrap()).unwrap();
    assert!(got.starts_with("<<__main__.P object at "), "{}", got);
    let msg = |r: PyResult<Value>| to_str(&r.err().expect("an error").exc).unwrap();
    assert_eq!(msg(add(&s("s"), &obj)), "can only concatenate str (not \"P\") to str");
    assert_eq!(msg(add(&l(vec![]), &obj)), "can only concatenate list (not \"P\") to list");
    assert_eq!(msg(mul(&s("ab"), &obj)), "can't multiply sequence by non-int of type 'P'");
    assert_eq!(msg(add(&i(1), &obj)), "unsupported operand type(s) for +: 'int' and 'P'");
}

#[test]
fn class_keywords() {
    let err = make_class_kw("X", "X", "__main__", vec![], vec![], vec![("flavor".to_string(), i(1))]).err().expect("an error");
    assert_eq!(to_str(&err.exc).unwrap(), "X.__init_subclass__() takes no keyword arguments");
    let abc = make_class_kw("A", "A", "__main__", vec![], vec![], vec![("metaclass".to_string(), builtin_value("type").unwrap())]).unwrap();
    assert_eq!(to_repr(&getattr(&abc, "__abstractmethods__").unwrap()).unwrap(), "frozenset()");
}
