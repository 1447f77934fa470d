//! Smaller stdlib modules (helper R2): copy, random (CPython's exact Mersenne Twister and
//! sampling algorithms, so seeded programs print the same numbers), statistics, textwrap.
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::{new_module, to_f64};
use crate::value::*;

// ---------------------------------------------------------------------------------------------
// copy
// ---------------------------------------------------------------------------------------------

fn shallow_copy(v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::List(l) => list(l.borrow().clone()),
        Value::Dict(d) => dict_value(d.borrow().clone()),
        Value::Set(s) => set_value(s.borrow().copy()),
        Value::Instance(i) => {
            if let Some(f) = crate::classes::lookup_class_attr(&i.class, "__copy__") {
                return crate::object::call_bound(&f, v, vec![]);
            }
            if crate::classes::is_exception_class(&i.class) || i.class.builtin.is_some() {
                return Ok(v.clone());
            }
            let payload = i.base_value.borrow().clone().map(|p| match &p {
                Value::List(l) => list(l.borrow().clone()),
                Value::Dict(d) => dict_value(d.borrow().clone()),
                Value::Set(s) => set_value(s.borrow().copy()),
                _ => p.clone(),
            });
            Value::Instance(Rc::new(Instance {
                class: i.class.clone(),
                attrs: RefCell::new(i.attrs.borrow().clone()),
                base_value: RefCell::new(payload),
            }))
        }
        _ => v.clone(),
    })
}

fn deep_copy(v: &Value, memo: &mut HashMap<u64, Value>) -> PyResult<Value> {
    let id = crate::object::id_of(v);
    match v {
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Tuple(_) | Value::Instance(_) | Value::FrozenSet(_) => {
            if let Some(c) = memo.get(&id) {
                return Ok(c.clone());
            }
        }
        _ => return Ok(v.clone()),
    }
    Ok(match v {
        Value::List(l) => {
            let out = Rc::new(RefCell::new(Vec::new()));
            let nv = Value::List(out.clone());
            memo.insert(id, nv.clone());
            let items = l.borrow().clone();
            for x in items.iter() {
                let c = deep_copy(x, memo)?;
                out.borrow_mut().push(c);
            }
            nv
        }
        Value::Tuple(t) => {
            let mut items = Vec::with_capacity(t.len());
            for x in t.iter() {
                items.push(deep_copy(x, memo)?);
            }
            if let Some(c) = memo.get(&id) {
                return Ok(c.clone());
            }
            let nv = tuple(items);
            memo.insert(id, nv.clone());
            nv
        }
        Value::Dict(d) => {
            let mut nd = Dict::new();
            nd.default_factory = d.borrow().default_factory.clone();
            let out = Rc::new(RefCell::new(nd));
            let nv = Value::Dict(out.clone());
            memo.insert(id, nv.clone());
            let items = d.borrow().items();
            for (k, x) in items {
                let kc = deep_copy(&k, memo)?;
                let xc = deep_copy(&x, memo)?;
                out.borrow_mut().insert(kc, xc)?;
            }
            nv
        }
        Value::Set(s) => {
            let items = s.borrow().items();
            let mut ns = Set::new();
            for x in items {
                ns.insert(deep_copy(&x, memo)?)?;
            }
            let nv = set_value(ns);
            memo.insert(id, nv.clone());
            nv
        }
        Value::FrozenSet(_) => v.clone(),
        Value::Instance(i) => {
            if let Some(f) = crate::classes::lookup_class_attr(&i.class, "__deepcopy__") {
                let memo_d = dict_value(Dict::new());
                let r = crate::object::call_bound(&f, v, vec![memo_d])?;
                memo.insert(id, r.clone());
                return Ok(r);
            }
            if crate::classes::is_exception_class(&i.class) || i.class.builtin.is_some() {
                return Ok(v.clone());
            }
            let inst = Rc::new(Instance {
                class: i.class.clone(),
                attrs: RefCell::new(Dict::new()),
                base_value: RefCell::new(None),
            });
            let nv = Value::Instance(inst.clone());
            memo.insert(id, nv.clone());
            let payload = i.base_value.borrow().clone();
            if let Some(p) = payload {
                let pc = deep_copy(&p, memo)?;
                *inst.base_value.borrow_mut() = Some(pc);
            }
            let items = i.attrs.borrow().items();
            for (k, x) in items {
                let xc = deep_copy(&x, memo)?;
                inst.attrs.borrow_mut().insert(k, xc)?;
            }
            nv
        }
        _ => v.clone(),
    })
}

pub fn copy_module() -> PyResult<Value> {
    Ok(new_module(
        "copy",
        vec![
            (
                "copy",
                plain_fn("copy", |pos, kw| {
                    let a = bind_args("copy", pos, kw, &["x"], 1)?;
                    shallow_copy(a[0].as_ref().unwrap())
                }),
            ),
            (
                "deepcopy",
                plain_fn("deepcopy", |pos, kw| {
                    let a = bind_args("deepcopy", pos, kw, &["x", "memo"], 1)?;
                    let mut memo = HashMap::new();
                    deep_copy(a[0].as_ref().unwrap(), &mut memo)
                }),
            ),
            ("Error", Value::Class(crate::classes::builtin_class("Exception"))),
        ],
    ))
}

// ---------------------------------------------------------------------------------------------
// random: MT19937 exactly as CPython's _randommodule.c + random.py
// ---------------------------------------------------------------------------------------------

struct Mt {
    state: [u32; 624],
    index: usize,
    gauss_next: Option<f64>,
}

impl Mt {
    fn new() -> Mt {
        let mut m = Mt { state: [0; 624], index: 625, gauss_next: None };
        m.seed_u32s(&[5489]);
        m
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..624 {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = 624;
    }

    fn seed_u32s(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let n = 624usize;
        let klen = key.len().max(1);
        let mut i = 1usize;
        let mut j = 0usize;
        let mut k = if n > klen { n } else { klen };
        while k > 0 {
            let prev = self.state[i - 1];
            let kj = if key.is_empty() { 0 } else { key[j] };
            self.state[i] = (self.state[i] ^ ((prev ^ (prev >> 30)).wrapping_mul(1664525)))
                .wrapping_add(kj)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= n {
                self.state[0] = self.state[n - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
            k -= 1;
        }
        k = n - 1;
        while k > 0 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ ((prev ^ (prev >> 30)).wrapping_mul(1566083941))).wrapping_sub(i as u32);
            i += 1;
            if i >= n {
                self.state[0] = self.state[n - 1];
                i = 1;
            }
            k -= 1;
        }
        self.state[0] = 0x80000000;
        self.index = 624;
        self.gauss_next = None;
    }

    fn genrand(&mut self) -> u32 {
        const N: usize = 624;
        const M: usize = 397;
        if self.index >= N {
            for kk in 0..N {
                let y = (self.state[kk] & 0x80000000) | (self.state[(kk + 1) % N] & 0x7fffffff);
                let mut v = self.state[(kk + M) % N] ^ (y >> 1);
                if y & 1 != 0 {
                    v ^= 0x9908b0df;
                }
                self.state[kk] = v;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }

    fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// getrandbits(k) as a Python int value
    fn getrandbits(&mut self, k: u64) -> Value {
        if k == 0 {
            return Value::Int(0);
        }
        if k <= 32 {
            return Value::Int((self.genrand() >> (32 - k)) as i64);
        }
        // little-endian 32-bit words, the last one truncated
        let words = ((k - 1) / 32 + 1) as usize;
        let mut acc = crate::bigint::BigInt::zero();
        let mut rem = k;
        for w in 0..words {
            let mut r = self.genrand();
            if rem < 32 {
                r >>= 32 - rem;
            }
            let term = crate::bigint::BigInt::from_u64(r as u64).shl(32 * w as u64);
            acc = acc.add(&term);
            rem = rem.saturating_sub(32);
        }
        crate::ops::int_from_big(acc)
    }

    /// _randbelow_with_getrandbits(n) for n > 0 (i64 range)
    fn randbelow(&mut self, n: i64) -> i64 {
        if n <= 0 {
            return 0;
        }
        let k = 64 - (n as u64).leading_zeros() as u64;
        loop {
            let r = match self.getrandbits(k) {
                Value::Int(i) => i,
                _ => 0,
            };
            if r < n {
                return r;
            }
        }
    }
}

thread_local! {
    static RNG: RefCell<Mt> = RefCell::new(Mt::new());
}

fn with_rng<R>(f: impl FnOnce(&mut Mt) -> R) -> R {
    RNG.with(|r| f(&mut r.borrow_mut()))
}

fn seed_value(v: &Value) -> PyResult<()> {
    let key: Vec<u32> = match v {
        Value::None => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            vec![t as u32, (t >> 32) as u32]
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let n = crate::ops::abs(&match v {
                Value::Bool(b) => Value::Int(*b as i64),
                other => other.clone(),
            })?;
            let big = match &n {
                Value::Int(i) => crate::bigint::BigInt::from_i64(*i),
                Value::BigInt(b) => (**b).clone(),
                _ => crate::bigint::BigInt::zero(),
            };
            let hex = big.to_str_radix(16);
            let mut words = Vec::new();
            let bytes = hex.as_bytes();
            let mut end = bytes.len();
            while end > 0 {
                let start = end.saturating_sub(8);
                let chunk = std::str::from_utf8(&bytes[start..end]).unwrap_or("0");
                words.push(u32::from_str_radix(chunk, 16).unwrap_or(0));
                end = start;
            }
            if words.is_empty() {
                words.push(0);
            }
            while words.len() > 1 && *words.last().unwrap() == 0 {
                words.pop();
            }
            words
        }
        Value::Float(f) => {
            // hash(float) as the seed
            let h = crate::hash::py_hash(&Value::Float(*f))?;
            let h = (h as i128).unsigned_abs() as u64;
            let mut w = vec![h as u32];
            if h >> 32 != 0 {
                w.push((h >> 32) as u32);
            }
            w
        }
        Value::Str(s) => {
            // version 2 seeding: int.from_bytes(s.encode() + sha512(s.encode()).digest())
            let mut bytes = s.as_bytes().to_vec();
            bytes.extend_from_slice(&sha512(s.as_bytes()));
            let mut words = Vec::new();
            // big-endian bytes -> little-endian 32-bit words
            let mut end = bytes.len();
            while end > 0 {
                let start = end.saturating_sub(4);
                let mut w: u32 = 0;
                for b in &bytes[start..end] {
                    w = (w << 8) | *b as u32;
                }
                words.push(w);
                end = start;
            }
            while words.len() > 1 && *words.last().unwrap() == 0 {
                words.pop();
            }
            words
        }
        other => {
            return Err(type_error(&format!(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. (got {})",
                type_name(other)
            )))
        }
    };
    with_rng(|r| r.seed_u32s(&key));
    Ok(())
}

fn sha512(data: &[u8]) -> [u8; 64] {
    const K: [u64; 80] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
        0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
        0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
        0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
        0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
        0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
        0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
        0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
        0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
        0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ];
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for chunk in msg.chunks(128) {
        let mut w = [0u64; 80];
        for t in 0..16 {
            let mut b = [0u8; 8];
            b.copy_from_slice(&chunk[t * 8..t * 8 + 8]);
            w[t] = u64::from_be_bytes(b);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16].wrapping_add(s0).wrapping_add(w[t - 7]).wrapping_add(s1);
        }
        let mut a = h;
        for t in 0..80 {
            let s1 = a[4].rotate_right(14) ^ a[4].rotate_right(18) ^ a[4].rotate_right(41);
            let ch = (a[4] & a[5]) ^ (!a[4] & a[6]);
            let t1 = a[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[t]).wrapping_add(w[t]);
            let s0 = a[0].rotate_right(28) ^ a[0].rotate_right(34) ^ a[0].rotate_right(39);
            let maj = (a[0] & a[1]) ^ (a[0] & a[2]) ^ (a[1] & a[2]);
            let t2 = s0.wrapping_add(maj);
            a[7] = a[6];
            a[6] = a[5];
            a[5] = a[4];
            a[4] = a[3].wrapping_add(t1);
            a[3] = a[2];
            a[2] = a[1];
            a[1] = a[0];
            a[0] = t1.wrapping_add(t2);
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(a[i]);
        }
    }
    let mut out = [0u8; 64];
    for i in 0..8 {
        out[i * 8..i * 8 + 8].copy_from_slice(&h[i].to_be_bytes());
    }
    out
}

fn int_of(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Float(f) if f.fract() == 0.0 => Err(type_error(&format!("'float' object cannot be interpreted as an integer"))),
        _ => as_index(v).map_err(|_| type_error(&format!("{}", what))),
    }
}

fn randrange(start: i64, stop: Option<i64>, step: i64) -> PyResult<i64> {
    match stop {
        None => {
            if start > 0 {
                return Ok(with_rng(|r| r.randbelow(start)));
            }
            Err(value_error("empty range for randrange()"))
        }
        Some(stop) => {
            let width = stop - start;
            if step == 1 {
                if width > 0 {
                    return Ok(start + with_rng(|r| r.randbelow(width)));
                }
                return Err(value_error(&format!(
                    "empty range for randrange() ({}, {}, {})",
                    start, stop, width
                )));
            }
            if step == 0 {
                return Err(value_error("zero step for randrange()"));
            }
            let n = if step > 0 { (width + step - 1).div_euclid(step) } else { floor_div(width + step + 1, step) };
            if n <= 0 {
                return Err(value_error("empty range for randrange()"));
            }
            Ok(start + step * with_rng(|r| r.randbelow(n)))
        }
    }
}

fn floor_div(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn seq_items(v: &Value) -> PyResult<Vec<Value>> {
    to_vec(v)
}

fn random_module() -> PyResult<Value> {
    let items: Vec<(&str, Value)> = vec![
        (
            "seed",
            plain_fn("seed", |pos, kw| {
                let a = bind_args("seed", pos, kw, &["a", "version"], 0)?;
                seed_value(a[0].as_ref().unwrap_or(&Value::None))?;
                Ok(Value::None)
            }),
        ),
        ("random", plain_fn("random", |_pos, _kw| Ok(Value::Float(with_rng(|r| r.random()))))),
        (
            "getrandbits",
            plain_fn("getrandbits", |pos, _kw| {
                let k = as_index(pos.get(0).unwrap_or(&Value::Int(0)))?;
                if k < 0 {
                    return Err(value_error("number of bits must be non-negative"));
                }
                Ok(with_rng(|r| r.getrandbits(k as u64)))
            }),
        ),
        (
            "randrange",
            plain_fn("randrange", |pos, kw| {
                let a = bind_args("randrange", pos, kw, &["start", "stop", "step"], 1)?;
                let start = int_of(a[0].as_ref().unwrap(), "non-integer arg 1 for randrange()")?;
                let stop = match &a[1] {
                    None | Some(Value::None) => None,
                    Some(v) => Some(int_of(v, "non-integer stop for randrange()")?),
                };
                let step = match &a[2] {
                    None => 1,
                    Some(v) => int_of(v, "non-integer step for randrange()")?,
                };
                Ok(Value::Int(randrange(start, stop, step)?))
            }),
        ),
        (
            "randint",
            plain_fn("randint", |pos, kw| {
                let a = bind_args("randint", pos, kw, &["a", "b"], 2)?;
                let lo = int_of(a[0].as_ref().unwrap(), "non-integer arg 1 for randrange()")?;
                let hi = int_of(a[1].as_ref().unwrap(), "non-integer stop for randrange()")?;
                Ok(Value::Int(randrange(lo, Some(hi + 1), 1)?))
            }),
        ),
        (
            "choice",
            plain_fn("choice", |pos, kw| {
                let a = bind_args("choice", pos, kw, &["seq"], 1)?;
                let items = seq_items(a[0].as_ref().unwrap())?;
                if items.is_empty() {
                    return Err(index_error("Cannot choose from an empty sequence"));
                }
                let i = with_rng(|r| r.randbelow(items.len() as i64));
                Ok(items[i as usize].clone())
            }),
        ),
        (
            "shuffle",
            plain_fn("shuffle", |pos, kw| {
                let a = bind_args("shuffle", pos, kw, &["x"], 1)?;
                match a[0].as_ref().unwrap() {
                    Value::List(l) => {
                        let n = l.borrow().len();
                        let mut i = n;
                        while i > 1 {
                            i -= 1;
                            let j = with_rng(|r| r.randbelow(i as i64 + 1)) as usize;
                            l.borrow_mut().swap(i, j);
                        }
                        Ok(Value::None)
                    }
                    other => Err(type_error(&format!(
                        "'{}' object does not support item assignment",
                        type_name(other)
                    ))),
                }
            }),
        ),
        (
            "uniform",
            plain_fn("uniform", |pos, kw| {
                let a = bind_args("uniform", pos, kw, &["a", "b"], 2)?;
                let lo = to_f64(a[0].as_ref().unwrap())?;
                let hi = to_f64(a[1].as_ref().unwrap())?;
                let r = with_rng(|r| r.random());
                Ok(Value::Float(lo + (hi - lo) * r))
            }),
        ),
        (
            "sample",
            plain_fn("sample", |pos, kw| {
                let a = bind_args("sample", pos, kw, &["population", "k", "counts"], 2)?;
                let mut population = match a[0].as_ref().unwrap() {
                    Value::Set(_) | Value::FrozenSet(_) => {
                        return Err(type_error(
                            "Population must be a sequence.  For dicts or sets, use sorted(d).",
                        ))
                    }
                    other => seq_items(other)?,
                };
                if let Some(c) = &a[2] {
                    if !matches!(c, Value::None) {
                        let counts = to_vec(c)?;
                        let mut expanded = Vec::new();
                        for (p, n) in population.iter().zip(counts.iter()) {
                            for _ in 0..as_index(n)? {
                                expanded.push(p.clone());
                            }
                        }
                        population = expanded;
                    }
                }
                let n = population.len();
                let k = as_index(a[1].as_ref().unwrap())?;
                if k < 0 || k as usize > n {
                    return Err(value_error("Sample larger than population or is negative"));
                }
                let k = k as usize;
                let mut result: Vec<Value> = Vec::with_capacity(k);
                let mut setsize = 21usize;
                if k > 5 {
                    let e = ((k * 3) as f64).ln() / 4f64.ln();
                    setsize += 4usize.pow(e.ceil() as u32);
                }
                if n <= setsize {
                    let mut pool = population.clone();
                    for i in 0..k {
                        let j = with_rng(|r| r.randbelow((n - i) as i64)) as usize;
                        result.push(pool[j].clone());
                        pool[j] = pool[n - i - 1].clone();
                    }
                } else {
                    let mut selected: std::collections::HashSet<usize> = std::collections::HashSet::new();
                    for _ in 0..k {
                        let mut j = with_rng(|r| r.randbelow(n as i64)) as usize;
                        while selected.contains(&j) {
                            j = with_rng(|r| r.randbelow(n as i64)) as usize;
                        }
                        selected.insert(j);
                        result.push(population[j].clone());
                    }
                }
                Ok(list(result))
            }),
        ),
        (
            "choices",
            plain_fn("choices", |pos, kw| {
                let a = bind_args("choices", pos, kw, &["population", "weights", "cum_weights", "k"], 1)?;
                let population = seq_items(a[0].as_ref().unwrap())?;
                let n = population.len();
                let k = match &a[3] {
                    Some(v) => as_index(v)?,
                    None => 1,
                };
                let weights = match &a[1] {
                    None | Some(Value::None) => None,
                    Some(w) => Some(to_vec(w)?),
                };
                let cum = match &a[2] {
                    None | Some(Value::None) => None,
                    Some(w) => Some(to_vec(w)?),
                };
                let mut out = Vec::new();
                if weights.is_none() && cum.is_none() {
                    if n == 0 {
                        return Err(index_error("Cannot choose from an empty sequence"));
                    }
                    for _ in 0..k.max(0) {
                        let r = with_rng(|r| r.random());
                        out.push(population[(r * n as f64).floor() as usize].clone());
                    }
                    return Ok(list(out));
                }
                if weights.is_some() && cum.is_some() {
                    return Err(type_error("Cannot specify both weights and cumulative weights"));
                }
                let cum: Vec<f64> = match (weights, cum) {
                    (Some(w), _) => {
                        let mut acc = 0.0;
                        let mut c = Vec::new();
                        for x in w {
                            acc += to_f64(&x)?;
                            c.push(acc);
                        }
                        c
                    }
                    (_, Some(c)) => c.iter().map(to_f64).collect::<PyResult<_>>()?,
                    _ => vec![],
                };
                if cum.len() != n {
                    return Err(value_error("The number of weights does not match the population"));
                }
                let total = *cum.last().unwrap_or(&0.0);
                if total <= 0.0 {
                    return Err(value_error("Total of weights must be greater than zero"));
                }
                for _ in 0..k.max(0) {
                    let x = with_rng(|r| r.random()) * total;
                    // bisect_right(cum, x, 0, n - 1)
                    let (mut lo, mut hi) = (0usize, n - 1);
                    while lo < hi {
                        let mid = (lo + hi) / 2;
                        if x < cum[mid] {
                            hi = mid;
                        } else {
                            lo = mid + 1;
                        }
                    }
                    out.push(population[lo].clone());
                }
                Ok(list(out))
            }),
        ),
        (
            "gauss",
            plain_fn("gauss", |pos, kw| {
                let a = bind_args("gauss", pos, kw, &["mu", "sigma"], 0)?;
                let mu = match &a[0] {
                    Some(v) => to_f64(v)?,
                    None => 0.0,
                };
                let sigma = match &a[1] {
                    Some(v) => to_f64(v)?,
                    None => 1.0,
                };
                let z = with_rng(|r| match r.gauss_next.take() {
                    Some(z) => z,
                    None => {
                        let x2pi = r.random() * std::f64::consts::TAU;
                        let g2rad = (-2.0 * (1.0 - r.random()).ln()).sqrt();
                        r.gauss_next = Some(x2pi.sin() * g2rad);
                        x2pi.cos() * g2rad
                    }
                });
                Ok(Value::Float(mu + z * sigma))
            }),
        ),
        (
            "normalvariate",
            plain_fn("normalvariate", |pos, kw| {
                let a = bind_args("normalvariate", pos, kw, &["mu", "sigma"], 0)?;
                let mu = match &a[0] {
                    Some(v) => to_f64(v)?,
                    None => 0.0,
                };
                let sigma = match &a[1] {
                    Some(v) => to_f64(v)?,
                    None => 1.0,
                };
                let nv_magicconst = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
                let z = with_rng(|r| loop {
                    let u1 = r.random();
                    let u2 = 1.0 - r.random();
                    let z = nv_magicconst * (u1 - 0.5) / u2;
                    let zz = z * z / 4.0;
                    if zz <= -u2.ln() {
                        break z;
                    }
                });
                Ok(Value::Float(mu + z * sigma))
            }),
        ),
        (
            "expovariate",
            plain_fn("expovariate", |pos, kw| {
                let a = bind_args("expovariate", pos, kw, &["lambd"], 0)?;
                let l = match &a[0] {
                    Some(v) => to_f64(v)?,
                    None => 1.0,
                };
                let r = with_rng(|r| r.random());
                Ok(Value::Float(-(1.0 - r).ln() / l))
            }),
        ),
        (
            "triangular",
            plain_fn("triangular", |pos, kw| {
                let a = bind_args("triangular", pos, kw, &["low", "high", "mode"], 0)?;
                let mut low = match &a[0] {
                    Some(v) => to_f64(v)?,
                    None => 0.0,
                };
                let mut high = match &a[1] {
                    Some(v) => to_f64(v)?,
                    None => 1.0,
                };
                let mut u = with_rng(|r| r.random());
                let mut c = match &a[2] {
                    Some(Value::None) | None => 0.5,
                    Some(v) => {
                        if high == low {
                            return Ok(Value::Float(low));
                        }
                        (to_f64(v)? - low) / (high - low)
                    }
                };
                if u > c {
                    u = 1.0 - u;
                    c = 1.0 - c;
                    std::mem::swap(&mut low, &mut high);
                }
                Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
            }),
        ),
    ];
    Ok(new_module("random", items))
}

pub fn random_mod() -> PyResult<Value> {
    random_module()
}

// ---------------------------------------------------------------------------------------------
// statistics (common functions, exact where CPython is exact)
// ---------------------------------------------------------------------------------------------

fn numbers(v: &Value) -> PyResult<Vec<Value>> {
    to_vec(v)
}

fn all_ints(xs: &[Value]) -> bool {
    xs.iter().all(|x| matches!(x, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)))
}

use crate::ops::{add, floordiv, mul, sub};

fn gcd_v(a: &Value, b: &Value) -> PyResult<Value> {
    let m = crate::stdlib_math::module()?;
    call(&get_attr(&m, "gcd")?, vec![a.clone(), b.clone()])
}

fn norm(p: Value, q: Value) -> PyResult<(Value, Value)> {
    let g = gcd_v(&p, &q)?;
    if matches!(g, Value::Int(0)) || matches!(g, Value::Int(1)) {
        return Ok((p, q));
    }
    Ok((floordiv(&p, &g)?, floordiv(&q, &g)?))
}

/// x as an exact fraction (p, q), q > 0.
fn frac_of(x: &Value) -> PyResult<(Value, Value)> {
    Ok(match x {
        Value::Float(f) => {
            if !f.is_finite() {
                return Err(value_error("cannot convert non-finite float to fraction"));
            }
            let (p, q) = crate::pyfloat::float_as_integer_ratio(*f);
            (crate::ops::int_from_big(p), crate::ops::int_from_big(q))
        }
        Value::Bool(b) => (Value::Int(*b as i64), Value::Int(1)),
        Value::Int(_) | Value::BigInt(_) => (x.clone(), Value::Int(1)),
        other => {
            let f = to_f64(other)?;
            return frac_of(&Value::Float(f));
        }
    })
}

fn frac_add(a: &(Value, Value), b: &(Value, Value)) -> PyResult<(Value, Value)> {
    if let (Value::Int(1), Value::Int(1)) = (&a.1, &b.1) {
        return Ok((add(&a.0, &b.0)?, Value::Int(1)));
    }
    norm(add(&mul(&a.0, &b.1)?, &mul(&b.0, &a.1)?)?, mul(&a.1, &b.1)?)
}

fn exact_sum(xs: &[Value]) -> PyResult<(Value, Value)> {
    let mut acc = (Value::Int(0), Value::Int(1));
    for x in xs {
        acc = frac_add(&acc, &frac_of(x)?)?;
    }
    Ok(acc)
}

/// statistics._convert: an int result stays int when the fraction is integral and all inputs
/// are ints; otherwise the correctly rounded float.
fn convert(p: &Value, q: &Value, ints: bool) -> PyResult<Value> {
    if ints && matches!(q, Value::Int(1)) {
        return Ok(p.clone());
    }
    crate::ops::truediv(p, q)
}

/// mean following CPython: exact rational sum, then convert to the input type.
fn mean_of(xs: &[Value]) -> PyResult<Value> {
    if xs.is_empty() {
        return Err(err("StatisticsError", "mean requires at least one data point"));
    }
    let (p, q) = exact_sum(xs)?;
    let (p, q) = norm(p, mul(&q, &Value::Int(xs.len() as i64))?)?;
    convert(&p, &q, all_ints(xs))
}

fn exact_fsum(xs: &[Value]) -> PyResult<f64> {
    let m = crate::stdlib_math::module()?;
    let f = get_attr(&m, "fsum")?;
    let r = call(&f, vec![list(xs.to_vec())])?;
    to_f64(&r)
}

/// Correctly rounded sqrt(n/m) (statistics._float_sqrt_of_frac).
fn float_sqrt_of_frac(n: &Value, m: &Value) -> PyResult<f64> {
    fn bits(v: &Value) -> i64 {
        match v {
            Value::Int(i) => 64 - (i.unsigned_abs()).leading_zeros() as i64,
            Value::BigInt(b) => b.bit_length() as i64,
            _ => 0,
        }
    }
    fn isqrt(v: &Value) -> PyResult<Value> {
        let m = crate::stdlib_math::module()?;
        call(&get_attr(&m, "isqrt")?, vec![v.clone()])
    }
    fn rto(n: &Value, m: &Value) -> PyResult<Value> {
        let a = isqrt(&floordiv(n, m)?)?;
        let exact = crate::ops::eq(&mul(&mul(&a, &a)?, m)?, n)?;
        crate::ops::bitor(&a, &Value::Int(if exact { 0 } else { 1 }))
    }
    if matches!(n, Value::Int(0)) {
        return Ok(0.0);
    }
    let q = (bits(n) - bits(m) - 109).div_euclid(2);
    let r = if q >= 0 {
        let num = crate::ops::lshift(&rto(n, &crate::ops::lshift(m, &Value::Int(2 * q))?)?, &Value::Int(q))?;
        crate::ops::truediv(&num, &Value::Int(1))?
    } else {
        let num = rto(&crate::ops::lshift(n, &Value::Int(-2 * q))?, m)?;
        let den = crate::ops::lshift(&Value::Int(1), &Value::Int(-q))?;
        crate::ops::truediv(&num, &den)?
    };
    to_f64(&r)
}

fn statistics_module() -> PyResult<Value> {
    let stat_err = {
        let base = Value::Class(crate::classes::builtin_class("ValueError"));
        crate::classes::make_class("StatisticsError", "StatisticsError", "statistics", vec![base], vec![])?
    };
    let se1 = stat_err.clone();
    let se2 = stat_err.clone();
    let se3 = stat_err.clone();
    let se4 = stat_err.clone();
    let raise_se = |cls: &Value, msg: &str| -> PyErr {
        match call(cls, vec![Value::from(msg)]) {
            Ok(e) => crate::exceptions::raise(e),
            Err(e) => e,
        }
    };
    let items: Vec<(&str, Value)> = vec![
        ("StatisticsError", stat_err.clone()),
        (
            "mean",
            plain_fn("mean", move |pos, _kw| {
                let xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
                if xs.is_empty() {
                    return Err(raise_se(&se1, "mean requires at least one data point"));
                }
                mean_of(&xs)
            }),
        ),
        (
            "fmean",
            plain_fn("fmean", |pos, _kw| {
                let xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
                let fs: Vec<Value> = xs.iter().map(|x| to_f64(x).map(Value::Float)).collect::<PyResult<_>>()?;
                let total = exact_fsum(&fs)?;
                Ok(Value::Float(total / xs.len().max(1) as f64))
            }),
        ),
        (
            "median",
            plain_fn("median", move |pos, _kw| {
                let mut xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
                if xs.is_empty() {
                    return Err(raise_se(&se2, "no median for empty data"));
                }
                crate::methods_list::sort_values(&mut xs, None, false)?;
                let n = xs.len();
                if n % 2 == 1 {
                    return Ok(xs[n / 2].clone());
                }
                let s = crate::ops::add(&xs[n / 2 - 1], &xs[n / 2])?;
                crate::ops::truediv(&s, &Value::Int(2))
            }),
        ),
        (
            "median_low",
            plain_fn("median_low", |pos, _kw| {
                let mut xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
                crate::methods_list::sort_values(&mut xs, None, false)?;
                let n = xs.len();
                if n == 0 {
                    return Err(value_error("no median for empty data"));
                }
                Ok(if n % 2 == 1 { xs[n / 2].clone() } else { xs[n / 2 - 1].clone() })
            }),
        ),
        (
            "median_high",
            plain_fn("median_high", |pos, _kw| {
                let mut xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
                crate::methods_list::sort_values(&mut xs, None, false)?;
                let n = xs.len();
                if n == 0 {
                    return Err(value_error("no median for empty data"));
                }
                Ok(xs[n / 2].clone())
            }),
        ),
        (
            "mode",
            plain_fn("mode", move |pos, _kw| {
                let xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
                if xs.is_empty() {
                    return Err(raise_se(&se3, "no mode for empty data"));
                }
                let mut counts = Dict::new();
                for x in xs.iter() {
                    let c = counts.get(x)?.unwrap_or(Value::Int(0));
                    counts.insert(x.clone(), crate::ops::add(&c, &Value::Int(1))?)?;
                }
                let mut best: Option<(Value, i64)> = None;
                for (k, v) in counts.items() {
                    let n = as_index(&v)?;
                    if best.as_ref().map(|b| n > b.1).unwrap_or(true) {
                        best = Some((k, n));
                    }
                }
                Ok(best.unwrap().0)
            }),
        ),
        (
            "multimode",
            plain_fn("multimode", |pos, _kw| {
                let xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
                let mut counts = Dict::new();
                for x in xs.iter() {
                    let c = counts.get(x)?.unwrap_or(Value::Int(0));
                    counts.insert(x.clone(), crate::ops::add(&c, &Value::Int(1))?)?;
                }
                let mut maxn = 0;
                for (_, v) in counts.items() {
                    maxn = maxn.max(as_index(&v)?);
                }
                let mut out = Vec::new();
                for (k, v) in counts.items() {
                    if as_index(&v)? == maxn {
                        out.push(k);
                    }
                }
                Ok(list(out))
            }),
        ),
        (
            "pvariance",
            plain_fn("pvariance", |pos, _kw| variance(pos, true)),
        ),
        (
            "variance",
            plain_fn("variance", move |pos, _kw| {
                let xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
                if xs.len() < 2 {
                    return Err(raise_se(&se4, "variance requires at least two data points"));
                }
                variance(pos, false)
            }),
        ),
        (
            "pstdev",
            plain_fn("pstdev", |pos, _kw| stdev(pos, true)),
        ),
        (
            "stdev",
            plain_fn("stdev", |pos, _kw| stdev(pos, false)),
        ),
    ];
    Ok(new_module("statistics", items))
}

/// Exact variance as a fraction (numerator, denominator).
fn variance_frac(xs: &[Value], population: bool) -> PyResult<(Value, Value)> {
    let n = xs.len() as i64;
    let fr: Vec<(Value, Value)> = xs.iter().map(frac_of).collect::<PyResult<_>>()?;
    let (sp, sq) = exact_sum(xs)?;
    let (mp, mq) = norm(sp, mul(&sq, &Value::Int(n))?)?;
    let mut ss = (Value::Int(0), Value::Int(1));
    for (p, q) in fr.iter() {
        let dp = sub(&mul(p, &mq)?, &mul(&mp, q)?)?;
        let dq = mul(q, &mq)?;
        let d2 = (mul(&dp, &dp)?, mul(&dq, &dq)?);
        ss = frac_add(&ss, &d2)?;
    }
    let div = if population { n } else { n - 1 };
    norm(ss.0, mul(&ss.1, &Value::Int(div))?)
}

fn variance(pos: Vec<Value>, population: bool) -> PyResult<Value> {
    let xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
    let n = xs.len() as i64;
    if n < 1 || (!population && n < 2) {
        return Err(value_error(if population {
            "pvariance requires at least one data point"
        } else {
            "variance requires at least two data points"
        }));
    }
    let (p, q) = variance_frac(&xs, population)?;
    convert(&p, &q, all_ints(&xs))
}

fn stdev(pos: Vec<Value>, population: bool) -> PyResult<Value> {
    let xs = numbers(pos.get(0).unwrap_or(&Value::None))?;
    let n = xs.len() as i64;
    if n < 1 || (!population && n < 2) {
        return Err(value_error(if population {
            "pstdev requires at least one data point"
        } else {
            "stdev requires at least two data points"
        }));
    }
    let (p, q) = variance_frac(&xs, population)?;
    Ok(Value::Float(float_sqrt_of_frac(&p, &q)?))
}

pub fn statistics_mod() -> PyResult<Value> {
    statistics_module()
}

// ---------------------------------------------------------------------------------------------
// textwrap
// ---------------------------------------------------------------------------------------------

fn wrap_words(text: &str, width: usize, initial: &str, subsequent: &str, break_long: bool) -> Vec<String> {
    // expand tabs, collapse whitespace into single spaces between chunks (TextWrapper defaults)
    let text = crate::methods_str::expandtabs(text, 8);
    let words: Vec<String> = crate::methods_str::split_whitespace(&text, -1);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_len = 0usize;
    let mut indent = initial.to_string();
    let mut i = 0;
    let mut words = words;
    while i < words.len() {
        let w = words[i].clone();
        let wl = crate::methods_str::char_len(&w);
        let ilen = crate::methods_str::char_len(&indent);
        let avail = width.saturating_sub(ilen).max(1);
        let need = if cur.is_empty() { wl } else { cur_len + 1 + wl };
        if need <= avail {
            if !cur.is_empty() {
                cur.push(' ');
                cur_len += 1;
            }
            cur.push_str(&w);
            cur_len += wl;
            i += 1;
        } else if cur.is_empty() {
            // word longer than the line
            if break_long {
                let head: String = w.chars().take(avail).collect();
                let tail: String = w.chars().skip(avail).collect();
                lines.push(format!("{}{}", indent, head));
                indent = subsequent.to_string();
                words[i] = tail;
                if words[i].is_empty() {
                    i += 1;
                }
            } else {
                lines.push(format!("{}{}", indent, w));
                indent = subsequent.to_string();
                i += 1;
            }
        } else {
            lines.push(format!("{}{}", indent, cur));
            indent = subsequent.to_string();
            cur.clear();
            cur_len = 0;
        }
    }
    if !cur.is_empty() {
        lines.push(format!("{}{}", indent, cur));
    }
    lines
}

fn textwrap_module() -> PyResult<Value> {
    fn opts(pos: Vec<Value>, kw: Vec<(String, Value)>, fname: &str) -> PyResult<(String, usize, String, String, bool)> {
        let mut text = String::new();
        let mut width = 70usize;
        let mut initial = String::new();
        let mut subsequent = String::new();
        let mut break_long = true;
        let mut it = pos.into_iter();
        if let Some(t) = it.next() {
            text = str_of(&t)?;
        }
        if let Some(w) = it.next() {
            width = as_index(&w)?.max(0) as usize;
        }
        for (k, v) in kw {
            match k.as_str() {
                "width" => width = as_index(&v)?.max(0) as usize,
                "initial_indent" => initial = str_of(&v)?,
                "subsequent_indent" => subsequent = str_of(&v)?,
                "break_long_words" => break_long = truthy(&v)?,
                "text" => text = str_of(&v)?,
                _ => {
                    let _ = fname;
                }
            }
        }
        Ok((text, width, initial, subsequent, break_long))
    }
    let items: Vec<(&str, Value)> = vec![
        (
            "wrap",
            plain_fn("wrap", |pos, kw| {
                let (t, w, i, s, b) = opts(pos, kw, "wrap")?;
                Ok(list(wrap_words(&t, w, &i, &s, b).into_iter().map(Value::from).collect()))
            }),
        ),
        (
            "fill",
            plain_fn("fill", |pos, kw| {
                let (t, w, i, s, b) = opts(pos, kw, "fill")?;
                Ok(Value::from(wrap_words(&t, w, &i, &s, b).join("\n")))
            }),
        ),
        (
            "shorten",
            plain_fn("shorten", |pos, kw| {
                let mut placeholder = " [...]".to_string();
                let mut kw2 = Vec::new();
                for (k, v) in kw {
                    if k == "placeholder" {
                        placeholder = str_of(&v)?;
                    } else {
                        kw2.push((k, v));
                    }
                }
                let (t, w, _, _, _) = opts(pos, kw2, "shorten")?;
                let words = crate::methods_str::split_whitespace(&t, -1);
                let joined = words.join(" ");
                if crate::methods_str::char_len(&joined) <= w {
                    return Ok(Value::from(joined));
                }
                let mut out = String::new();
                for wd in words.iter() {
                    let cand = if out.is_empty() { wd.clone() } else { format!("{} {}", out, wd) };
                    if crate::methods_str::char_len(&cand) + crate::methods_str::char_len(&placeholder) > w {
                        break;
                    }
                    out = cand;
                }
                let ph = if out.is_empty() { placeholder.trim_start().to_string() } else { placeholder };
                Ok(Value::from(format!("{}{}", out, ph)))
            }),
        ),
        (
            "dedent",
            plain_fn("dedent", |pos, _kw| {
                let t = str_of(pos.get(0).unwrap_or(&Value::from("")))?;
                let lines: Vec<&str> = t.split('\n').collect();
                let mut margin: Option<String> = None;
                for l in lines.iter() {
                    if l.trim().is_empty() {
                        continue;
                    }
                    let ind: String = l.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
                    margin = Some(match margin {
                        None => ind,
                        Some(m) => {
                            let common: String = m.chars().zip(ind.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a).collect();
                            common
                        }
                    });
                }
                let m = margin.unwrap_or_default();
                let out: Vec<String> = lines
                    .iter()
                    .map(|l| {
                        if l.trim().is_empty() {
                            String::new()
                        } else {
                            l.strip_prefix(m.as_str()).unwrap_or(l).to_string()
                        }
                    })
                    .collect();
                Ok(Value::from(out.join("\n")))
            }),
        ),
        (
            "indent",
            plain_fn("indent", |pos, _kw| {
                let t = str_of(pos.get(0).unwrap_or(&Value::from("")))?;
                let prefix = str_of(pos.get(1).unwrap_or(&Value::from("")))?;
                let lines = crate::methods_str::splitlines(&t, true);
                let out: String = lines
                    .iter()
                    .map(|l| if l.trim().is_empty() { l.clone() } else { format!("{}{}", prefix, l) })
                    .collect();
                Ok(Value::from(out))
            }),
        ),
    ];
    Ok(new_module("textwrap", items))
}

pub fn textwrap_mod() -> PyResult<Value> {
    textwrap_module()
}

// ---------------------------------------------------------------------------------------------
// contextlib
// ---------------------------------------------------------------------------------------------

thread_local! {
    static CTX_CLASSES: RefCell<Vec<(&'static str, Rc<Class>)>> = RefCell::new(Vec::new());
}

fn ctx_class(name: &'static str, build: fn() -> Rc<Class>) -> Rc<Class> {
    if let Some(c) = CTX_CLASSES.with(|cs| cs.borrow().iter().find(|(n, _)| *n == name).map(|(_, c)| c.clone())) {
        return c;
    }
    let c = build();
    CTX_CLASSES.with(|cs| cs.borrow_mut().push((name, c.clone())));
    c
}

fn inst_attr(v: &Value, name: &str) -> Value {
    if let Value::Instance(i) = v {
        if let Some(x) = i.attrs.borrow().get_str(name) {
            return x;
        }
    }
    Value::None
}

fn gcm_class() -> Rc<Class> {
    ctx_class("_GeneratorContextManager", || {
        use crate::stdlib::native_func;
        let enter = native_func("_GeneratorContextManager.__enter__", "contextlib", |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let gen = inst_attr(&me, "gen");
            match next_of(&gen)? {
                Some(v) => Ok(v),
                None => Err(err("RuntimeError", "generator didn't yield")),
            }
        });
        let exit = native_func("_GeneratorContextManager.__exit__", "contextlib", |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let gen = inst_attr(&me, "gen");
            let typ = pos.get(1).cloned().unwrap_or(Value::None);
            let val = pos.get(2).cloned().unwrap_or(Value::None);
            if matches!(typ, Value::None) {
                return match next_of(&gen)? {
                    Some(_) => Err(err("RuntimeError", "generator didn't stop")),
                    None => Ok(Value::Bool(false)),
                };
            }
            let exc = if matches!(val, Value::None) { call(&typ, vec![])? } else { val.clone() };
            let e = crate::exceptions::raise(exc.clone());
            match gen_throw(&gen, e) {
                Ok(Some(_)) => Err(err("RuntimeError", "generator didn't stop after throw()")),
                Ok(None) => Ok(Value::Bool(true)),
                Err(e2) => {
                    if crate::ops::is_(&e2.exc, &exc) {
                        Ok(Value::Bool(false))
                    } else {
                        Err(e2)
                    }
                }
            }
        });
        crate::stdlib::new_native_class(
            "_GeneratorContextManager",
            "contextlib",
            vec![],
            vec![("__enter__", enter), ("__exit__", exit)],
        )
    })
}

fn suppress_class() -> Rc<Class> {
    ctx_class("suppress", || {
        use crate::stdlib::native_func;
        let init = native_func("suppress.__init__", "contextlib", |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            crate::object::setattr(&me, "_exceptions", tuple(pos[1..].to_vec()))?;
            Ok(Value::None)
        });
        let enter = native_func("suppress.__enter__", "contextlib", |_pos, _kw| Ok(Value::None));
        let exit = native_func("suppress.__exit__", "contextlib", |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            let typ = pos.get(1).cloned().unwrap_or(Value::None);
            if matches!(typ, Value::None) {
                return Ok(Value::Bool(false));
            }
            let excs = inst_attr(&me, "_exceptions");
            let r = crate::builtins::call_builtin("issubclass", vec![typ, excs], vec![])?;
            Ok(Value::Bool(truthy(&r)?))
        });
        crate::stdlib::new_native_class(
            "suppress",
            "contextlib",
            vec![],
            vec![("__init__", init), ("__enter__", enter), ("__exit__", exit)],
        )
    })
}

fn simple_cm_class(name: &'static str) -> Rc<Class> {
    fn build_nullcontext() -> Rc<Class> {
        use crate::stdlib::native_func;
        let init = native_func("nullcontext.__init__", "contextlib", |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            crate::object::setattr(&me, "enter_result", pos.get(1).cloned().unwrap_or(Value::None))?;
            Ok(Value::None)
        });
        let enter = native_func("nullcontext.__enter__", "contextlib", |pos, _kw| {
            Ok(inst_attr(pos.get(0).unwrap_or(&Value::None), "enter_result"))
        });
        let exit = native_func("nullcontext.__exit__", "contextlib", |_pos, _kw| Ok(Value::None));
        crate::stdlib::new_native_class("nullcontext", "contextlib", vec![], vec![("__init__", init), ("__enter__", enter), ("__exit__", exit)])
    }
    fn build_closing() -> Rc<Class> {
        use crate::stdlib::native_func;
        let init = native_func("closing.__init__", "contextlib", |pos, _kw| {
            let me = pos.get(0).cloned().unwrap_or(Value::None);
            crate::object::setattr(&me, "thing", pos.get(1).cloned().unwrap_or(Value::None))?;
            Ok(Value::None)
        });
        let enter = native_func("closing.__enter__", "contextlib", |pos, _kw| {
            Ok(inst_attr(pos.get(0).unwrap_or(&Value::None), "thing"))
        });
        let exit = native_func("closing.__exit__", "contextlib", |pos, _kw| {
            let t = inst_attr(pos.get(0).unwrap_or(&Value::None), "thing");
            call_method(&t, "close", vec![])?;
            Ok(Value::None)
        });
        crate::stdlib::new_native_class("closing", "contextlib", vec![], vec![("__init__", init), ("__enter__", enter), ("__exit__", exit)])
    }
    match name {
        "nullcontext" => ctx_class("nullcontext", build_nullcontext),
        _ => ctx_class("closing", build_closing),
    }
}

pub fn contextlib_mod() -> PyResult<Value> {
    let contextmanager = plain_fn("contextmanager", |pos, _kw| {
        let f = pos.into_iter().next().unwrap_or(Value::None);
        let name = get_attr(&f, "__name__").unwrap_or(Value::from("helper"));
        let f2 = f.clone();
        let helper = crate::stdlib::native_func(&str_of(&name)?, "contextlib", move |pos, kw| {
            let gen = crate::object::call(&f2, pos, kw)?;
            let cm = Value::Instance(Rc::new(Instance {
                class: gcm_class(),
                attrs: RefCell::new(Dict::new()),
                base_value: RefCell::new(None),
            }));
            if let Value::Instance(i) = &cm {
                i.attrs.borrow_mut().set_str("gen", gen);
            }
            Ok(cm)
        });
        if let Value::Func(hf) = &helper {
            hf.attrs.borrow_mut().set_str("__wrapped__", f.clone());
        }
        Ok(helper)
    });
    Ok(new_module(
        "contextlib",
        vec![
            ("contextmanager", contextmanager),
            ("suppress", Value::Class(suppress_class())),
            ("nullcontext", Value::Class(simple_cm_class("nullcontext"))),
            ("closing", Value::Class(simple_cm_class("closing"))),
        ],
    ))
}
