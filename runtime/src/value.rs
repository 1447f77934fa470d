//! The dynamic value every generated program manipulates.
use std::cell::RefCell;
use std::rc::Rc;

use crate::bigint::BigInt;

/// A Python exception in flight: the exception instance (`Value::Instance` of a class
/// deriving from BaseException).
#[derive(Clone)]
pub struct PyErr {
    pub exc: Value,
}

pub type PyResult<T = Value> = Result<T, PyErr>;

/// Body of a function: receives arguments already bound to parameters, in parameter order
/// (`*args` as a tuple, `**kwargs` as a dict, missing defaults filled in).
pub type FnBody = Rc<dyn Fn(Vec<Value>) -> PyResult<Value>>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ParamKind {
    Positional, // positional-or-keyword
    VarArgs,    // *args
    KwOnly,     // after * or *args
    VarKw,      // **kwargs
}

#[derive(Clone)]
pub struct Param {
    pub name: &'static str,
    pub default: Option<Value>,
    pub kind: ParamKind,
}

pub struct Function {
    pub name: String,
    pub qualname: String,
    pub params: Vec<Param>,
    pub body: FnBody,
    /// function attributes (`f.x = 1`, `__wrapped__`, overridden `__name__`/`__doc__`)
    pub attrs: RefCell<Dict>,
    /// module name (`__module__`), filled by make_function from the current module
    pub module: String,
}

/// Insertion-ordered hash map keyed by Python values (dict semantics).
/// Methods (`get`, `insert`, `remove`, `keys`, `items`, ...) live in dict.rs; use them rather than
/// touching the fields. `entries` holds live entries in insertion order (None = deleted).
pub struct Dict {
    pub entries: Vec<Option<(Value, Value)>>, // tombstones keep order stable on delete
    pub hashes: Vec<i64>,                     // parallel to `entries`
    /// open-addressing index into `entries` (usize::MAX = empty, usize::MAX-1 = deleted)
    pub index: Vec<usize>,
    pub len: usize,
    /// `Some` for collections.defaultdict: the default factory.
    pub default_factory: Option<Value>,
}

/// Python set, laid out exactly like CPython 3.11's set table (setobject.c) so that iteration
/// (and therefore printing) order matches CPython. Methods live in pyset.rs.
pub struct Set {
    pub table: Vec<SetSlot>, // length = mask + 1 (power of two, >= 8)
    pub fill: usize,         // active + dummy
    pub used: usize,         // active
    pub finger: usize,       // set.pop() search start
}

#[derive(Clone)]
pub enum SetSlot {
    Empty,
    Dummy,
    Full(i64, Value),
}

/// Hash key: Python hash plus the value, compared with Python `==`. (Unused by the runtime.)
#[derive(Clone)]
pub struct HashKey {
    pub hash: i64,
    pub value: Value,
}

pub struct Class {
    pub name: String,
    pub qualname: String,
    pub bases: Vec<Rc<Class>>,
    pub mro: Vec<Rc<Class>>, // C3 linearization WITHOUT the class itself (use classes::mro_of for the full one)
    pub attrs: RefCell<Dict>,  // methods, class attributes, properties
    pub module: String,
    /// Set for built-in classes (int, str, list, exceptions...): which builtin it is.
    pub builtin: Option<&'static str>,
    /// Lookup-flag cache (see classes::class_flags); invalidated by classes::invalidate_caches.
    pub cache: ClassCache,
}

#[derive(Default)]
pub struct ClassCache {
    pub epoch: std::cell::Cell<u64>,
    pub flags: std::cell::Cell<u32>,
}

pub struct Instance {
    pub class: Rc<Class>,
    pub attrs: RefCell<Dict>,
    /// Payload for instances of builtin subclasses (e.g. `class MyList(list)`, exceptions' args).
    pub base_value: RefCell<Option<Value>>,
}

pub struct Module {
    pub name: String,
    pub attrs: RefCell<Dict>,
}

#[derive(Clone, Copy)]
pub struct RangeV {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

/// Iterator state; `next` is implemented in object.rs.
pub enum PyIter {
    Seq { seq: Value, pos: usize, rev: bool },      // list/tuple/str (chars) by index
    Range { cur: i64, stop: i64, step: i64 },
    Items(std::vec::IntoIter<Value>),               // snapshot (dict keys, sets, materialized)
    Native(Box<dyn FnMut() -> PyResult<Option<Value>>>), // map/filter/zip/enumerate/generators
    Instance(Value),                                 // user object with __next__
}

#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>), // invariant: never fits in i64 (normalize with `int_from_big`)
    Float(f64),
    Str(Rc<str>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<Vec<Value>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    FrozenSet(Rc<Set>),
    Range(RangeV),
    Slice(Rc<(Value, Value, Value)>),
    Func(Rc<Function>),
    /// Builtin function or builtin bound method, dispatched by name in builtins.rs/methods.rs.
    Builtin(Rc<BuiltinFn>),
    BoundMethod(Rc<(Value, Value)>), // (self, function)
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Iter(Rc<RefCell<PyIter>>),
    /// staticmethod / classmethod / property wrappers stored in class dicts.
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    Property(Rc<(Value, Value, Value)>), // (fget, fset, fdel), Value::None when absent
    Bytes(Rc<Vec<u8>>),
    NotImplemented,
    Ellipsis,
}

pub struct BuiltinFn {
    pub name: &'static str,
    /// Bound receiver for builtin methods (`[].append`), None for plain builtins.
    pub receiver: Option<Value>,
    pub call: Rc<dyn Fn(Option<&Value>, Vec<Value>, Vec<(String, Value)>) -> PyResult<Value>>,
}
