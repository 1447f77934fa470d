//! pyrt: the std-only Rust runtime that every Portalis artifact links against.
//! It carries Python's semantics (object model, arithmetic, formatting, builtins) so that
//! generated code stays a thin, readable translation. Compiled once per toolchain as an rlib.
//! Must build on rustc >= 1.63 (edition 2021), std only.
#![allow(clippy::all)]

pub mod bigint;
pub mod pyfloat;
pub mod fmtspec;
pub mod value;
pub mod ops;
pub mod object;
pub mod builtins;
pub mod methods;
pub mod modules;
pub mod stdlib;

pub use value::*;
pub use ops::*;
pub use object::*;
pub use builtins::*;
pub use methods::*;
pub use modules::*;
