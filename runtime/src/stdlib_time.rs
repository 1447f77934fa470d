//! `time`: the clock functions (time, time_ns, perf_counter[_ns], monotonic[_ns], process_time[_ns])
//! and sleep. std::time works under wasm32-wasi. Values are not deterministic; programs compare or
//! subtract them, so only the types and the argument checks must match CPython.
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::new_module;
use crate::value::*;

thread_local! {
    static START: Instant = Instant::now();
}

fn since_epoch() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or(Duration::from_secs(0))
}

/// Time since the runtime's first clock call: the reference point of perf_counter/monotonic.
fn since_start() -> Duration {
    START.with(|s| s.elapsed())
}

fn ns(d: Duration) -> Value {
    let n = d.as_nanos();
    if n <= i64::MAX as u128 {
        Value::Int(n as i64)
    } else {
        Value::Float(n as f64)
    }
}

fn no_args(name: &'static str, f: fn() -> Value) -> Value {
    plain_fn(name, move |pos, kw| {
        if !pos.is_empty() || !kw.is_empty() {
            let n = pos.len() + kw.len();
            if pos.is_empty() {
                return Err(type_error(&format!("time.{}() takes no keyword arguments", name)));
            }
            return Err(type_error(&format!("time.{}() takes no arguments ({} given)", name, n)));
        }
        Ok(f())
    })
}

fn sleep(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("time.sleep", &kw)?;
    exactly_one_arg("time.sleep", &pos)?;
    let secs = match &pos[0] {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            *f
        }
        other => as_index(other)? as f64,
    };
    if secs < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if secs > 9.2e9 {
        return Err(err("OverflowError", "timestamp too large to convert to C _PyTime_t"));
    }
    crate::builtins::flush_stdout();
    std::thread::sleep(Duration::from_nanos((secs * 1e9) as u64));
    Ok(Value::None)
}

pub fn module() -> PyResult<Value> {
    START.with(|_| ());
    Ok(new_module(
        "time",
        vec![
            ("time", no_args("time", || Value::Float(since_epoch().as_secs_f64()))),
            ("time_ns", no_args("time_ns", || ns(since_epoch()))),
            ("perf_counter", no_args("perf_counter", || Value::Float(since_start().as_secs_f64()))),
            ("perf_counter_ns", no_args("perf_counter_ns", || ns(since_start()))),
            ("monotonic", no_args("monotonic", || Value::Float(since_start().as_secs_f64()))),
            ("monotonic_ns", no_args("monotonic_ns", || ns(since_start()))),
            ("process_time", no_args("process_time", || Value::Float(since_start().as_secs_f64()))),
            ("process_time_ns", no_args("process_time_ns", || ns(since_start()))),
            ("sleep", plain_fn("sleep", sleep)),
        ],
    ))
}
