//! Python `hash()`: CPython 3.11 algorithms for int, float, tuple, frozenset, and str/bytes
//! (SipHash-1-3 with the all-zero key, i.e. what CPython does under PYTHONHASHSEED=0).
use crate::value::*;

const MODULUS: u64 = (1u64 << 61) - 1;

/// hash(int) for an i64.
#[inline]
pub fn int_hash(v: i64) -> i64 {
    if v >= 0 && (v as u64) < MODULUS {
        return v;
    }
    let neg = v < 0;
    let m = (v as i128).unsigned_abs() as u128 % (MODULUS as u128);
    let mut h = m as i64;
    if neg {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

fn rotl(x: u64, b: u32) -> u64 {
    x.rotate_left(b)
}

/// SipHash-1-3 (CPython's `siphash13`) with key (0, 0).
pub fn siphash13(data: &[u8]) -> u64 {
    let k0: u64 = 0;
    let k1: u64 = 0;
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    let len = data.len();
    let b0: u64 = (len as u64) << 56;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v1 = rotl(v1, 13);
            v1 ^= v0;
            v0 = rotl(v0, 32);
            v2 = v2.wrapping_add(v3);
            v3 = rotl(v3, 16);
            v3 ^= v2;
            v0 = v0.wrapping_add(v3);
            v3 = rotl(v3, 21);
            v3 ^= v0;
            v2 = v2.wrapping_add(v1);
            v1 = rotl(v1, 17);
            v1 ^= v2;
            v2 = rotl(v2, 32);
        };
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mi = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        v3 ^= mi;
        round!();
        v0 ^= mi;
    }
    let rem = chunks.remainder();
    let mut t: u64 = 0;
    for (i, b) in rem.iter().enumerate() {
        t |= (*b as u64) << (8 * i);
    }
    let b = b0 | t;
    v3 ^= b;
    round!();
    v0 ^= b;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

fn bytes_hash(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let h = siphash13(data) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// hash(str): CPython hashes the PEP 393 representation (1, 2 or 4 bytes per code point).
pub fn str_hash(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let maxc = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 2);
    if maxc < 256 {
        for c in s.chars() {
            buf.push(c as u32 as u8);
        }
    } else if maxc < 65536 {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    bytes_hash(&buf)
}

/// _Py_HashPointer-like hash for identity-hashed objects.
pub fn pointer_hash(p: usize) -> i64 {
    let y = p as u64;
    let h = ((y >> 4) | (y << 60)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn tuple_hash(items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for it in items {
        let lane = py_hash(it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539u64));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

pub fn float_hash(f: f64) -> i64 {
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return int_hash(f as i64);
    }
    crate::pyfloat::float_hash(f)
}

/// Python `hash(v)`; TypeError "unhashable type: 'list'" for mutable containers.
pub fn py_hash(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(int_hash(*i)),
        Value::Bool(b) => Ok(*b as i64),
        Value::Str(s) => Ok(str_hash(s)),
        Value::Float(f) => Ok(float_hash(*f)),
        Value::BigInt(b) => Ok(b.hash_py()),
        Value::None => Ok(pointer_hash(0x9a3b40)),
        Value::Tuple(t) => tuple_hash(t),
        Value::FrozenSet(s) => Ok(s.frozen_hash()),
        Value::Bytes(b) => Ok(bytes_hash(b)),
        Value::Range(r) => {
            let len = crate::object::range_len(r);
            let items = if len == 0 {
                vec![Value::Int(0), Value::None, Value::None]
            } else if len == 1 {
                vec![Value::Int(1), Value::Int(r.start), Value::None]
            } else {
                vec![Value::Int(len as i64), Value::Int(r.start), Value::Int(r.step)]
            };
            tuple_hash(&items)
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => Err(crate::exceptions::exc(
            "TypeError",
            format!("unhashable type: '{}'", crate::classes::type_name(v)),
        )),
        Value::Instance(_) => crate::classes::instance_hash(v),
        _ => Ok(pointer_hash(crate::object::id_of(v) as usize)),
    }
}
