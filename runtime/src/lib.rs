//! pyrt: the std-only Rust runtime that every Portalis artifact links against.
//! It carries Python's semantics (object model, arithmetic, formatting, builtins) so that
//! generated code stays a thin, readable translation. Compiled once per toolchain as an rlib.
//! Must build on rustc >= 1.63 (edition 2021), std only.
#![allow(clippy::all)]
#![allow(dead_code)]

// Generated code says `use pyrt::*;`: the pylib modules below are such code inside this crate.
extern crate self as pyrt;

/// Standard-library modules written in Python (runtime/pylib), translated by Portalis and compiled in
/// when the pipeline builds the rlib (`--cfg pyrt_pylib`, with PYRT_PYLIB naming the generated file).
#[cfg(pyrt_pylib)]
pub mod pylib {
    include!(env!("PYRT_PYLIB"));
}
#[cfg(not(pyrt_pylib))]
pub mod pylib {
    pub fn find(_name: &str) -> Option<crate::modules::ModuleInit> {
        None
    }
}

// numerics and formatting (helper N)
pub mod bigint;
pub mod pyfloat;
pub mod fmtspec;

// core object model (helper R1)
pub mod value;
pub mod dict;
pub mod pyset;
pub mod hash;
pub mod classes;
pub mod exceptions;
pub mod repr;
pub mod percent;
pub mod ops;
pub mod object;
pub mod builtins;
pub mod modules;

// methods, iteration builtins, stdlib modules (helper R2)
pub mod methods;
pub mod methods_util;
pub mod methods_str;
pub mod methods_list;
pub mod methods_dict;
pub mod builtins_iter;
pub mod stdlib;
pub mod stdlib_math;
pub mod stdlib_collections;
pub mod stdlib_itertools;
pub mod stdlib_functools;
pub mod stdlib_enum;
pub mod stdlib_dataclasses;
pub mod stdlib_misc;
pub mod stdlib_json;
pub mod stdlib_re;
pub mod stdlib_pprint;
pub mod stdlib_time;

// code generator support (helper T)
pub mod codegen_support;

pub use value::*;
pub use ops::*;
pub use object::*;
pub use classes::{isinstance, issubclass, make_class, make_class_kw, type_name, type_of};
pub use exceptions::{err_matches, err_value, handling, handling_opt, raise, raise_from, set_context};
pub use repr::{format_value, to_repr, to_str};
pub use builtins::*;
pub use modules::*;
pub use codegen_support::*;
pub use hash::py_hash;
pub use exceptions::exc;
