#![allow(dead_code)]
pub use pyrt::*;
pub use std::rc::Rc;

pub fn i(n: i64) -> Value { Value::Int(n) }
pub fn f(x: f64) -> Value { Value::Float(x) }
pub fn s(x: &str) -> Value { str_lit(x) }
pub fn l(v: Vec<Value>) -> Value { new_list(v) }
pub fn t(v: Vec<Value>) -> Value { new_tuple(v) }
pub fn none() -> Value { Value::None }
pub fn b(name: &str, args: Vec<Value>) -> PyResult<Value> { call_builtin(name, args, vec![]) }
pub fn bk(name: &str, args: Vec<Value>, kw: Vec<(&str, Value)>) -> PyResult<Value> {
    call_builtin(name, args, kw.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}
pub fn pr(args: Vec<Value>) -> PyResult<()> { call_builtin("print", args, vec![]).map(|_| ()) }
pub fn p(name: &'static str) -> Param { Param { name, default: None, kind: ParamKind::Positional } }
pub fn pd(name: &'static str, d: Value) -> Param { Param { name, default: Some(d), kind: ParamKind::Positional } }
pub fn pk(name: &'static str, kind: ParamKind) -> Param { Param { name, default: None, kind } }
pub fn func(name: &str, params: Vec<Param>, body: impl Fn(Vec<Value>) -> PyResult<Value> + 'static) -> Value {
    make_function(name, name, params, Rc::new(body))
}
pub fn method(cls: &str, name: &str, params: Vec<Param>, body: impl Fn(Vec<Value>) -> PyResult<Value> + 'static) -> (String, Value) {
    (name.to_string(), make_function(name, &format!("{}.{}", cls, name), params, Rc::new(body)))
}
pub fn big(x: &str) -> Value { int_lit(x) }

/// Run `body` capturing stdout; an escaping exception is appended as "!! Name: msg".
pub fn run(body: impl FnOnce() -> PyResult<()>) -> String {
    capture_begin();
    let r = body();
    let mut out = capture_end();
    if let Err(e) = r {
        out.push_str(&format!("!! {}\n", pyrt::exceptions::format_exception_line(&e.exc)));
    }
    out
}

pub fn check(got: &str, want: &str) {
    if got != want {
        let gl: Vec<&str> = got.lines().collect();
        let wl: Vec<&str> = want.lines().collect();
        for k in 0..gl.len().max(wl.len()) {
            let g = gl.get(k).copied().unwrap_or("<none>");
            let w = wl.get(k).copied().unwrap_or("<none>");
            if g != w {
                eprintln!("line {}:\n  got:  {}\n  want: {}", k + 1, g, w);
            }
        }
        panic!("output mismatch");
    }
}
