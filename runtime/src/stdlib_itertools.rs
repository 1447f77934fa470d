//! The `itertools` module (helper R2): lazy iterators built on `PyIter::Native` closures,
//! consuming their inputs exactly like CPython (islice, groupby, takewhile... matter for shared
//! iterators).
use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins_iter::{iter_of, to_vec_checked};
use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::{native_func, new_module};
use crate::value::*;

type NextFn = Box<dyn FnMut() -> PyResult<Option<Value>>>;

fn it(f: NextFn) -> Value {
    native_iter(f)
}

fn count(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("count", pos, kw, &["start", "step"], 0)?;
    let start = a[0].clone().unwrap_or(Value::Int(0));
    let step = a[1].clone().unwrap_or(Value::Int(1));
    for v in [&start, &step] {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_) | Value::Instance(_) => {}
            _ => return Err(type_error("a number is required")),
        }
    }
    let mut cur = start;
    Ok(it(Box::new(move || {
        let r = cur.clone();
        cur = match (&cur, &step) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(s) => Value::Int(s),
                None => crate::ops::add(&cur, &step)?,
            },
            _ => crate::ops::add(&cur, &step)?,
        };
        Ok(Some(r))
    })))
}

fn cycle(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("cycle", pos, kw, &["iterable"], 1)?;
    let src = iter_of(a[0].as_ref().unwrap())?;
    let mut saved: Vec<Value> = Vec::new();
    let mut exhausted = false;
    let mut idx = 0usize;
    Ok(it(Box::new(move || {
        if !exhausted {
            match next_of(&src)? {
                Some(v) => {
                    saved.push(v.clone());
                    return Ok(Some(v));
                }
                None => exhausted = true,
            }
        }
        if saved.is_empty() {
            return Ok(None);
        }
        let v = saved[idx % saved.len()].clone();
        idx += 1;
        Ok(Some(v))
    })))
}

fn repeat(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("repeat", pos, kw, &["object", "times"], 1)?;
    let obj = a[0].clone().unwrap();
    let mut times: Option<i64> = match &a[1] {
        None => None,
        Some(v) => Some(as_index(v)?.max(0)),
    };
    Ok(it(Box::new(move || match &mut times {
        None => Ok(Some(obj.clone())),
        Some(n) => {
            if *n <= 0 {
                return Ok(None);
            }
            *n -= 1;
            Ok(Some(obj.clone()))
        }
    })))
}

fn accumulate(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("accumulate", pos, kw, &["iterable", "func", "initial"], 1)?;
    let src = iter_of(a[0].as_ref().unwrap())?;
    let func = match &a[1] {
        None | Some(Value::None) => None,
        Some(f) => Some(f.clone()),
    };
    let mut initial = match &a[2] {
        None | Some(Value::None) => None,
        Some(v) => Some(v.clone()),
    };
    let mut total: Option<Value> = None;
    Ok(it(Box::new(move || {
        if let Some(init) = initial.take() {
            total = Some(init.clone());
            return Ok(Some(init));
        }
        let v = match next_of(&src)? {
            Some(v) => v,
            None => return Ok(None),
        };
        let nt = match &total {
            None => v,
            Some(t) => match &func {
                None => crate::ops::add(t, &v)?,
                Some(f) => call(f, vec![t.clone(), v])?,
            },
        };
        total = Some(nt.clone());
        Ok(Some(nt))
    })))
}

fn chain_iters(sources: Value) -> PyResult<Value> {
    // `sources` is an iterator over iterables
    let mut cur: Option<Value> = None;
    Ok(it(Box::new(move || loop {
        if let Some(c) = &cur {
            match next_of(c)? {
                Some(v) => return Ok(Some(v)),
                None => cur = None,
            }
        }
        match next_of(&sources)? {
            Some(iterable) => cur = Some(iter_of(&iterable)?),
            None => return Ok(None),
        }
    })))
}

fn chain_value() -> Value {
    let f = native_func("chain", "itertools", |pos, kw| {
        no_kw("chain", &kw)?;
        chain_iters(Value::Iter(Rc::new(RefCell::new(PyIter::Items(pos.into_iter())))))
    });
    let from_iterable = plain_fn("from_iterable", |pos, kw| {
        no_kw("from_iterable", &kw)?;
        crate::methods_util::exactly_one_arg("chain.from_iterable", &pos)?;
        chain_iters(iter_of(&pos[0])?)
    });
    if let Value::Func(func) = &f {
        func.attrs.borrow_mut().set_str("from_iterable", from_iterable);
    }
    f
}

fn islice(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("islice", &kw)?;
    if pos.len() < 2 || pos.len() > 4 {
        return Err(type_error(&format!(
            "islice expected at most 4 arguments, got {}",
            pos.len()
        )));
    }
    let src = iter_of(&pos[0])?;
    let opt = |v: &Value, msg: &str| -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            _ => match v {
                Value::Int(i) if *i >= 0 => Ok(Some(*i)),
                Value::Bool(b) => Ok(Some(*b as i64)),
                _ => Err(value_error(msg)),
            },
        }
    };
    let stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let idx_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if pos.len() == 2 {
        (0, opt(&pos[1], stop_msg)?, 1)
    } else {
        let start = opt(&pos[1], idx_msg)?.unwrap_or(0);
        let stop = opt(&pos[2], stop_msg)?;
        let step = if pos.len() == 4 {
            match opt(&pos[3], "Step for islice() must be a positive integer or None.")? {
                None => 1,
                Some(0) => {
                    return Err(value_error("Step for islice() must be a positive integer or None."))
                }
                Some(s) => s,
            }
        } else {
            1
        };
        (start, stop, step)
    };
    let mut next_idx = start; // index of the next item to yield
    let mut cnt: i64 = 0; // items consumed from src
    let mut done = false;
    Ok(it(Box::new(move || {
        if done {
            return Ok(None);
        }
        if let Some(s) = stop {
            if next_idx >= s {
                // consume up to stop like CPython, then finish
                while cnt < s {
                    if next_of(&src)?.is_none() {
                        break;
                    }
                    cnt += 1;
                }
                done = true;
                return Ok(None);
            }
        }
        while cnt < next_idx {
            if next_of(&src)?.is_none() {
                done = true;
                return Ok(None);
            }
            cnt += 1;
        }
        match next_of(&src)? {
            Some(v) => {
                cnt += 1;
                next_idx += step;
                Ok(Some(v))
            }
            None => {
                done = true;
                Ok(None)
            }
        }
    })))
}

fn product(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let mut rep = 1i64;
    for (k, v) in kw {
        if k == "repeat" {
            rep = as_index(&v)?;
        } else {
            return Err(type_error(&format!(
                "product() got an unexpected keyword argument '{}'",
                k
            )));
        }
    }
    if rep < 0 {
        return Err(value_error("repeat argument cannot be negative"));
    }
    let mut pools: Vec<Vec<Value>> = Vec::new();
    let base: Vec<Vec<Value>> = pos.iter().map(to_vec_checked).collect::<PyResult<_>>()?;
    for _ in 0..rep {
        for p in base.iter() {
            pools.push(p.clone());
        }
    }
    let n = pools.len();
    let mut indices = vec![0usize; n];
    let mut first = true;
    let mut done = pools.iter().any(|p| p.is_empty());
    Ok(it(Box::new(move || {
        if done {
            return Ok(None);
        }
        if first {
            first = false;
        } else {
            // advance odometer
            let mut i = n;
            loop {
                if i == 0 {
                    done = true;
                    return Ok(None);
                }
                i -= 1;
                indices[i] += 1;
                if indices[i] < pools[i].len() {
                    break;
                }
                indices[i] = 0;
            }
        }
        Ok(Some(tuple(indices.iter().enumerate().map(|(i, &j)| pools[i][j].clone()).collect())))
    })))
}

fn r_arg(v: &Option<Value>, n: usize) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(x) => {
            let r = as_index(x)?;
            if r < 0 {
                return Err(value_error("r must be non-negative"));
            }
            let _ = n;
            Ok(Some(r as usize))
        }
    }
}

fn permutations(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("permutations", pos, kw, &["iterable", "r"], 1)?;
    let pool = to_vec_checked(a[0].as_ref().unwrap())?;
    let n = pool.len();
    let r = r_arg(&a[1], n)?.unwrap_or(n);
    let mut indices: Vec<usize> = (0..n).collect();
    let mut cycles: Vec<usize> = (0..r).map(|i| n - i).collect();
    let mut first = true;
    let mut done = r > n;
    Ok(it(Box::new(move || {
        if done {
            return Ok(None);
        }
        if first {
            first = false;
            return Ok(Some(tuple(indices[..r].iter().map(|&i| pool[i].clone()).collect())));
        }
        if n == 0 {
            done = true;
            return Ok(None);
        }
        let mut i = r;
        loop {
            if i == 0 {
                done = true;
                return Ok(None);
            }
            i -= 1;
            cycles[i] -= 1;
            if cycles[i] == 0 {
                let x = indices.remove(i);
                indices.push(x);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                indices.swap(i, n - j);
                return Ok(Some(tuple(indices[..r].iter().map(|&k| pool[k].clone()).collect())));
            }
        }
    })))
}

fn combinations_impl(pos: Vec<Value>, kw: Vec<(String, Value)>, with_rep: bool) -> PyResult<Value> {
    let fname = if with_rep { "combinations_with_replacement" } else { "combinations" };
    let a = bind_args(fname, pos, kw, &["iterable", "r"], 2)?;
    let pool = to_vec_checked(a[0].as_ref().unwrap())?;
    let n = pool.len();
    let r = r_arg(&a[1], n)?.unwrap_or(0);
    let mut indices: Vec<usize> = if with_rep { vec![0; r] } else { (0..r).collect() };
    let mut first = true;
    let mut done = if with_rep { n == 0 && r > 0 } else { r > n };
    Ok(it(Box::new(move || {
        if done {
            return Ok(None);
        }
        if first {
            first = false;
            return Ok(Some(tuple(indices.iter().map(|&i| pool[i].clone()).collect())));
        }
        // find rightmost index that can be incremented
        let mut i = r;
        loop {
            if i == 0 {
                done = true;
                return Ok(None);
            }
            i -= 1;
            let limit = if with_rep { n - 1 } else { i + n - r };
            if indices[i] != limit {
                break;
            }
        }
        if with_rep {
            let v = indices[i] + 1;
            for j in i..r {
                indices[j] = v;
            }
        } else {
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
        }
        Ok(Some(tuple(indices.iter().map(|&k| pool[k].clone()).collect())))
    })))
}

struct GroupState {
    src: Value,
    key: Option<Value>,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    id: u64,
}

fn keys_eq(a: &Option<Value>, b: &Option<Value>) -> PyResult<bool> {
    match (a, b) {
        (Some(x), Some(y)) => crate::ops::eq(x, y),
        (None, None) => Ok(true),
        _ => Ok(false),
    }
}

fn groupby(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("groupby", pos, kw, &["iterable", "key"], 1)?;
    let src = iter_of(a[0].as_ref().unwrap())?;
    let key = match &a[1] {
        None | Some(Value::None) => None,
        Some(k) => Some(k.clone()),
    };
    let st = Rc::new(RefCell::new(GroupState { src, key, tgtkey: None, currkey: None, currvalue: None, id: 0 }));
    // "sentinel" state: tgtkey == currkey == None initially (both sentinel) => loop fetches
    let mut started = false;
    Ok(it(Box::new(move || {
        let myid;
        {
            let mut s = st.borrow_mut();
            s.id += 1;
            myid = s.id;
        }
        loop {
            let (same, need) = {
                let s = st.borrow();
                if !started {
                    (true, true)
                } else {
                    (keys_eq(&s.currkey, &s.tgtkey)?, false)
                }
            };
            if !(same || need) {
                break;
            }
            started = true;
            let src = st.borrow().src.clone();
            let v = match next_of(&src)? {
                Some(v) => v,
                None => return Ok(None),
            };
            let kf = st.borrow().key.clone();
            let k = match &kf {
                Some(f) => call(f, vec![v.clone()])?,
                None => v.clone(),
            };
            let mut s = st.borrow_mut();
            s.currvalue = Some(v);
            s.currkey = Some(k);
        }
        let tgt = {
            let mut s = st.borrow_mut();
            s.tgtkey = s.currkey.clone();
            s.tgtkey.clone()
        };
        let st2 = st.clone();
        let tgt2 = tgt.clone();
        let mut finished = false;
        let grouper = it(Box::new(move || {
            if finished {
                return Ok(None);
            }
            {
                let s = st2.borrow();
                if s.id != myid || !keys_eq(&s.currkey, &tgt2)? {
                    finished = true;
                    return Ok(None);
                }
            }
            let r = st2.borrow().currvalue.clone();
            let src = st2.borrow().src.clone();
            match next_of(&src)? {
                Some(v) => {
                    let kf = st2.borrow().key.clone();
                    let k = match &kf {
                        Some(f) => call(f, vec![v.clone()])?,
                        None => v.clone(),
                    };
                    let mut s = st2.borrow_mut();
                    s.currvalue = Some(v);
                    s.currkey = Some(k);
                }
                None => {
                    // exhausted: the outer iterator will find the source exhausted too
                    finished = true;
                }
            }
            Ok(r)
        }));
        Ok(Some(tuple(vec![tgt.unwrap_or(Value::None), grouper])))
    })))
}

fn zip_longest(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let mut fill = Value::None;
    for (k, v) in kw {
        if k == "fillvalue" {
            fill = v;
        } else {
            return Err(type_error(&format!(
                "zip_longest() got an unexpected keyword argument '{}'",
                k
            )));
        }
    }
    let mut iters: Vec<Option<Value>> = Vec::new();
    for p in pos.iter() {
        iters.push(Some(iter_of(p)?));
    }
    let mut active = iters.len();
    Ok(it(Box::new(move || {
        if active == 0 {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(iters.len());
        for slot in iters.iter_mut() {
            match slot {
                Some(itv) => match next_of(itv)? {
                    Some(v) => out.push(v),
                    None => {
                        *slot = None;
                        active -= 1;
                        if active == 0 {
                            return Ok(None);
                        }
                        out.push(fill.clone());
                    }
                },
                None => out.push(fill.clone()),
            }
        }
        Ok(Some(tuple(out)))
    })))
}

fn takewhile(pos: Vec<Value>, kw: Vec<(String, Value)>, drop: bool) -> PyResult<Value> {
    let fname = if drop { "dropwhile" } else { "takewhile" };
    no_kw(fname, &kw)?;
    if pos.len() != 2 {
        return Err(type_error(&format!("{} expected 2 arguments, got {}", fname, pos.len())));
    }
    let pred = pos[0].clone();
    let src = iter_of(&pos[1])?;
    let mut stopped = false;
    Ok(it(Box::new(move || {
        if drop {
            loop {
                let v = match next_of(&src)? {
                    Some(v) => v,
                    None => return Ok(None),
                };
                if stopped {
                    return Ok(Some(v));
                }
                if !truthy(&call(&pred, vec![v.clone()])?)? {
                    stopped = true;
                    return Ok(Some(v));
                }
            }
        } else {
            if stopped {
                return Ok(None);
            }
            let v = match next_of(&src)? {
                Some(v) => v,
                None => return Ok(None),
            };
            if truthy(&call(&pred, vec![v.clone()])?)? {
                Ok(Some(v))
            } else {
                stopped = true;
                Ok(None)
            }
        }
    })))
}

fn filterfalse(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("filterfalse", &kw)?;
    if pos.len() != 2 {
        return Err(type_error(&format!("filterfalse expected 2 arguments, got {}", pos.len())));
    }
    let pred = pos[0].clone();
    let src = iter_of(&pos[1])?;
    Ok(it(Box::new(move || loop {
        let v = match next_of(&src)? {
            Some(v) => v,
            None => return Ok(None),
        };
        let t = match &pred {
            Value::None => truthy(&v)?,
            f => truthy(&call(f, vec![v.clone()])?)?,
        };
        if !t {
            return Ok(Some(v));
        }
    })))
}

fn starmap(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("starmap", &kw)?;
    if pos.len() != 2 {
        return Err(type_error(&format!("starmap expected 2 arguments, got {}", pos.len())));
    }
    let f = pos[0].clone();
    let src = iter_of(&pos[1])?;
    Ok(it(Box::new(move || match next_of(&src)? {
        Some(args) => Ok(Some(call(&f, to_vec(&args)?)?)),
        None => Ok(None),
    })))
}

fn pairwise(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("pairwise", pos, kw, &["iterable"], 1)?;
    let src = iter_of(a[0].as_ref().unwrap())?;
    let mut prev: Option<Value> = None;
    let mut started = false;
    Ok(it(Box::new(move || {
        if !started {
            started = true;
            prev = next_of(&src)?;
        }
        let p = match &prev {
            Some(p) => p.clone(),
            None => return Ok(None),
        };
        match next_of(&src)? {
            Some(v) => {
                prev = Some(v.clone());
                Ok(Some(tuple(vec![p, v])))
            }
            None => {
                prev = None;
                Ok(None)
            }
        }
    })))
}

fn compress(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("compress", pos, kw, &["data", "selectors"], 2)?;
    let data = iter_of(a[0].as_ref().unwrap())?;
    let sel = iter_of(a[1].as_ref().unwrap())?;
    Ok(it(Box::new(move || loop {
        let d = match next_of(&data)? {
            Some(v) => v,
            None => return Ok(None),
        };
        let s = match next_of(&sel)? {
            Some(v) => v,
            None => return Ok(None),
        };
        if truthy(&s)? {
            return Ok(Some(d));
        }
    })))
}

fn tee(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    no_kw("tee", &kw)?;
    if pos.is_empty() || pos.len() > 2 {
        return Err(type_error(&format!("tee expected at most 2 arguments, got {}", pos.len())));
    }
    let n = match pos.get(1) {
        Some(v) => as_index(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    let src = iter_of(&pos[0])?;
    // shared buffer: (items, base offset), per-iterator absolute positions
    let buf: Rc<RefCell<Vec<Value>>> = Rc::new(RefCell::new(Vec::new()));
    let mut outs = Vec::new();
    for _ in 0..n {
        let buf = buf.clone();
        let src = src.clone();
        let mut pos_i = 0usize;
        outs.push(it(Box::new(move || {
            if pos_i < buf.borrow().len() {
                let v = buf.borrow()[pos_i].clone();
                pos_i += 1;
                return Ok(Some(v));
            }
            match next_of(&src)? {
                Some(v) => {
                    buf.borrow_mut().push(v.clone());
                    pos_i += 1;
                    Ok(Some(v))
                }
                None => Ok(None),
            }
        })));
    }
    Ok(tuple(outs))
}

fn batched(pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let a = bind_args("batched", pos, kw, &["iterable", "n"], 2)?;
    let src = iter_of(a[0].as_ref().unwrap())?;
    let n = as_index(a[1].as_ref().unwrap())?;
    if n < 1 {
        return Err(value_error("n must be at least one"));
    }
    Ok(it(Box::new(move || {
        let mut out = Vec::new();
        while (out.len() as i64) < n {
            match next_of(&src)? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        if out.is_empty() {
            Ok(None)
        } else {
            Ok(Some(tuple(out)))
        }
    })))
}

pub fn module() -> PyResult<Value> {
    Ok(new_module(
        "itertools",
        vec![
            ("count", plain_fn("count", count)),
            ("cycle", plain_fn("cycle", cycle)),
            ("repeat", plain_fn("repeat", repeat)),
            ("accumulate", plain_fn("accumulate", accumulate)),
            ("chain", chain_value()),
            ("islice", plain_fn("islice", islice)),
            ("product", plain_fn("product", product)),
            ("permutations", plain_fn("permutations", permutations)),
            ("combinations", plain_fn("combinations", |p, k| combinations_impl(p, k, false))),
            (
                "combinations_with_replacement",
                plain_fn("combinations_with_replacement", |p, k| combinations_impl(p, k, true)),
            ),
            ("groupby", plain_fn("groupby", groupby)),
            ("zip_longest", plain_fn("zip_longest", zip_longest)),
            ("takewhile", plain_fn("takewhile", |p, k| takewhile(p, k, false))),
            ("dropwhile", plain_fn("dropwhile", |p, k| takewhile(p, k, true))),
            ("filterfalse", plain_fn("filterfalse", filterfalse)),
            ("starmap", plain_fn("starmap", starmap)),
            ("pairwise", plain_fn("pairwise", pairwise)),
            ("compress", plain_fn("compress", compress)),
            ("tee", plain_fn("tee", tee)),
            ("batched", plain_fn("batched", batched)),
        ],
    ))
}
