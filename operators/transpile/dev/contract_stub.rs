//! Type-checking stub of the pyrt contract (CONTRACT.md): lets the generator's output be checked
//! with rustc before the real runtime is complete. Built by dev-run.sh --stub.
#![allow(unused, clippy::all)]
#[path = "../../../runtime/src/bigint.rs"]
pub mod bigint;
#[path = "../../../runtime/src/value.rs"]
pub mod value;
#[path = "../../../runtime/src/codegen_support.rs"]
pub mod codegen_support;
pub use value::*;
pub use codegen_support::*;
use std::rc::Rc;

impl PyErr { pub fn new(class_name: &str, msg: &str) -> PyErr { unimplemented!() } }
impl From<String> for Value { fn from(s: String) -> Value { unimplemented!() } }
impl From<&str> for Value { fn from(s: &str) -> Value { unimplemented!() } }
impl From<i64> for Value { fn from(s: i64) -> Value { unimplemented!() } }
impl From<f64> for Value { fn from(s: f64) -> Value { unimplemented!() } }
impl From<bool> for Value { fn from(s: bool) -> Value { unimplemented!() } }
pub fn int_lit(s: &str) -> Value { unimplemented!() }
pub fn str_lit(s: &str) -> Value { unimplemented!() }
pub fn new_list(v: Vec<Value>) -> Value { unimplemented!() }
pub fn new_tuple(v: Vec<Value>) -> Value { unimplemented!() }
pub fn new_dict(v: Vec<(Value, Value)>) -> PyResult<Value> { unimplemented!() }
pub fn new_set(v: Vec<Value>) -> PyResult<Value> { unimplemented!() }
pub fn new_slice(a: Value, b: Value, c: Value) -> Value { unimplemented!() }
macro_rules! binops { ($($n:ident)*) => { $(pub fn $n(a: &Value, b: &Value) -> PyResult<Value> { unimplemented!() })* } }
binops!(add sub mul truediv floordiv modulo pow lshift rshift bitand bitor bitxor matmul iadd isub imul itruediv ifloordiv imod ipow ilshift irshift iand ior ixor);
pub fn neg(a: &Value) -> PyResult<Value> { unimplemented!() }
pub fn pos(a: &Value) -> PyResult<Value> { unimplemented!() }
pub fn invert(a: &Value) -> PyResult<Value> { unimplemented!() }
pub fn not_(a: &Value) -> PyResult<bool> { unimplemented!() }
pub fn truthy(a: &Value) -> PyResult<bool> { unimplemented!() }
macro_rules! cmps { ($($n:ident)*) => { $(pub fn $n(a: &Value, b: &Value) -> PyResult<bool> { unimplemented!() })* } }
cmps!(eq ne lt le gt ge);
pub fn is_(a: &Value, b: &Value) -> bool { unimplemented!() }
pub fn contains(c: &Value, i: &Value) -> PyResult<bool> { unimplemented!() }
pub fn getattr(v: &Value, n: &str) -> PyResult<Value> { unimplemented!() }
pub fn setattr(v: &Value, n: &str, x: Value) -> PyResult<()> { unimplemented!() }
pub fn delattr(v: &Value, n: &str) -> PyResult<()> { unimplemented!() }
pub fn hasattr(v: &Value, n: &str) -> bool { unimplemented!() }
pub fn getitem(v: &Value, k: &Value) -> PyResult<Value> { unimplemented!() }
pub fn setitem(v: &Value, k: &Value, x: Value) -> PyResult<()> { unimplemented!() }
pub fn delitem(v: &Value, k: &Value) -> PyResult<()> { unimplemented!() }
pub fn call(f: &Value, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> { unimplemented!() }
pub fn call_method(o: &Value, n: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> { unimplemented!() }
pub fn unpack_iterable(v: &Value) -> PyResult<Vec<Value>> { unimplemented!() }
pub fn unpack_exact(v: &Value, n: usize) -> PyResult<Vec<Value>> { unimplemented!() }
pub fn unpack_star(v: &Value, b: usize, a: usize) -> PyResult<(Vec<Value>, Value, Vec<Value>)> { unimplemented!() }
pub fn unpack_kwargs(v: &Value) -> PyResult<Vec<(String, Value)>> { unimplemented!() }
pub fn make_function(name: &str, qualname: &str, params: Vec<Param>, body: FnBody) -> Value { unimplemented!() }
pub fn make_class(name: &str, qualname: &str, module: &str, bases: Vec<Value>, attrs: Vec<(String, Value)>) -> PyResult<Value> { unimplemented!() }
pub fn super_(c: &Value, s: &Value) -> PyResult<Value> { unimplemented!() }
pub fn isinstance(a: &Value, b: &Value) -> PyResult<bool> { unimplemented!() }
pub fn call_builtin(name: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> { unimplemented!() }
pub fn builtin_value(name: &str) -> Option<Value> { unimplemented!() }
pub fn to_str(v: &Value) -> PyResult<String> { unimplemented!() }
pub fn to_repr(v: &Value) -> PyResult<String> { unimplemented!() }
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> { unimplemented!() }
pub fn iter(v: &Value) -> PyResult<Value> { unimplemented!() }
pub fn next(v: &Value) -> PyResult<Option<Value>> { unimplemented!() }
pub fn iter_from_fn(f: Box<dyn FnMut() -> PyResult<Option<Value>>>) -> Value { unimplemented!() }
pub fn raise(v: Value) -> PyErr { unimplemented!() }
pub fn raise_from(v: Value, c: Value) -> PyErr { unimplemented!() }
pub fn err_matches(e: &PyErr, c: &Value) -> PyResult<bool> { unimplemented!() }
pub fn err_value(e: &PyErr) -> Value { unimplemented!() }
pub fn register_module(name: &str, init: fn(&Value) -> PyResult<()>) { unimplemented!() }
pub fn import_module(name: &str) -> PyResult<Value> { unimplemented!() }
pub fn import_from(m: &Value, name: &str) -> PyResult<Value> { unimplemented!() }
pub fn load_global(m: &Value, name: &str) -> PyResult<Value> { unimplemented!() }
pub fn store_global(m: &Value, name: &str, v: Value) { unimplemented!() }
pub fn del_global(m: &Value, name: &str) -> PyResult<()> { unimplemented!() }
pub fn run_main(entry: &str) -> ! { unimplemented!() }
pub fn flush_stdout() { unimplemented!() }
impl Dict { pub fn keys(&self) -> Vec<Value> { unimplemented!() } }
pub fn set_context(e: &PyErr, c: &PyErr) { unimplemented!() }
pub fn handling<T>(e: &PyErr, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> { unimplemented!() }
pub fn handling_opt<T>(e: Option<&PyErr>, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> { unimplemented!() }
pub fn make_class_kw(name: &str, qualname: &str, module: &str, bases: Vec<Value>, attrs: Vec<(String, Value)>, kw: Vec<(String, Value)>) -> PyResult<Value> { unimplemented!() }
pub mod methods_util {
    use crate::*;
    pub fn take_pending_throw() -> Option<PyErr> { unimplemented!() }
    pub fn set_pending_throw(e: Option<PyErr>) { unimplemented!() }
    pub fn take_pending_send() -> Option<Value> { unimplemented!() }
}
