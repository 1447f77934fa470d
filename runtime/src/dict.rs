//! `Dict`: insertion-ordered hash table keyed by Python values (dict semantics).
//! Lookups compare with Python `==` (identity / fast paths first). Internal hashes equal Python's
//! `hash()` except for `str` keys, which use a cheaper hash (dict order never depends on hashes).
use crate::value::*;

const EMPTY: usize = usize::MAX;
/// Dicts with fewer entry slots than this have no index (linear scan over `hashes`).
const SMALL: usize = 8;
const DELETED: usize = usize::MAX - 1;

/// Cheap hash for str keys inside dicts (FNV-1a 64).
#[inline]
pub fn str_dict_hash(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h as i64
}

thread_local! {
    static KEY_CACHE: std::cell::RefCell<Vec<Option<(i64, std::rc::Rc<str>)>>> = std::cell::RefCell::new(vec![None; 256]);
}

/// Shared `Rc<str>` for attribute names (avoids one allocation per instance attribute).
pub fn interned_key(key: &str, h: i64) -> std::rc::Rc<str> {
    if key.len() > 32 {
        return std::rc::Rc::from(key);
    }
    KEY_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let slot = (h as u64 as usize) & 255;
        if let Some((hh, k)) = &c[slot] {
            if *hh == h && &**k == key {
                return k.clone();
            }
        }
        let k: std::rc::Rc<str> = std::rc::Rc::from(key);
        c[slot] = Some((h, k.clone()));
        k
    })
}

/// Hash used inside dicts (equal to Python's hash for everything but str).
#[inline]
pub fn dict_hash(v: &Value) -> PyResult<i64> {
    match v {
        Value::Str(s) => Ok(str_dict_hash(s)),
        Value::Int(i) => Ok(crate::hash::int_hash(*i)),
        _ => crate::hash::py_hash(v),
    }
}

/// Python `==` for keys, with fast paths that avoid calling into ops for common cases.
#[inline]
pub fn keys_equal(a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(x == y),
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Str(_), Value::Int(_)) | (Value::Int(_), Value::Str(_)) => Ok(false),
        _ => {
            if crate::ops::is_(a, b) {
                return Ok(true);
            }
            crate::ops::eq(a, b)
        }
    }
}

impl Default for Dict {
    fn default() -> Self {
        Dict::new()
    }
}

impl Clone for Dict {
    fn clone(&self) -> Self {
        let mut d = Dict::new();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((k, v)) = e {
                d.push_new(self.hashes[i], k.clone(), v.clone());
            }
        }
        d.default_factory = self.default_factory.clone();
        d
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict { entries: Vec::new(), hashes: Vec::new(), index: Vec::new(), len: 0, default_factory: None }
    }

    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::new();
        d.entries.reserve(n);
        d.hashes.reserve(n);
        d
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.hashes.clear();
        self.index.clear();
        self.len = 0;
    }

    fn rebuild(&mut self, min_entries: usize) {
        // compact entries
        if self.entries.len() != self.len {
            let mut ne = Vec::with_capacity(self.len.max(min_entries));
            let mut nh = Vec::with_capacity(self.len.max(min_entries));
            for (i, e) in self.entries.drain(..).enumerate() {
                if e.is_some() {
                    ne.push(e);
                    nh.push(self.hashes[i]);
                }
            }
            self.entries = ne;
            self.hashes = nh;
        }
        let mut size = 8usize;
        while size * 2 < min_entries.max(self.len) * 3 + 3 {
            size *= 2;
        }
        self.index.clear();
        self.index.resize(size, EMPTY);
        let mask = size - 1;
        for (ei, h) in self.hashes.iter().enumerate() {
            let mut perturb = *h as u64;
            let mut i = (*h as u64 as usize) & mask;
            loop {
                if self.index[i] == EMPTY {
                    self.index[i] = ei;
                    break;
                }
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    /// Index in `entries` of the key, if present.
    pub fn find_hashed(&self, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        if self.len == 0 {
            return Ok(None);
        }
        if self.index.is_empty() {
            // small dict without index (not used currently)
            for (i, e) in self.entries.iter().enumerate() {
                if let Some((k, _)) = e {
                    if self.hashes[i] == hash && keys_equal(k, key)? {
                        return Ok(Some(i));
                    }
                }
            }
            return Ok(None);
        }
        let mask = self.index.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.index[i];
            if ix == EMPTY {
                return Ok(None);
            }
            if ix != DELETED && self.hashes[ix] == hash {
                if let Some((k, _)) = &self.entries[ix] {
                    if keys_equal(k, key)? {
                        return Ok(Some(ix));
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Fast lookup of a str key (attribute dicts); never calls Python code.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        if self.len == 0 {
            return None;
        }
        let hash = str_dict_hash(key);
        if self.index.is_empty() {
            for (i, h) in self.hashes.iter().enumerate() {
                if *h == hash {
                    if let Some((Value::Str(k), v)) = &self.entries[i] {
                        if &**k == key {
                            return Some(v.clone());
                        }
                    }
                }
            }
            return None;
        }
        let mask = self.index.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.index[i];
            if ix == EMPTY {
                return None;
            }
            if ix != DELETED && self.hashes[ix] == hash {
                if let Some((Value::Str(k), v)) = &self.entries[ix] {
                    if &**k == key {
                        return Some(v.clone());
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn contains_str(&self, key: &str) -> bool {
        self.get_str(key).is_some()
    }

    #[inline]
    pub fn set_str(&mut self, key: &str, v: Value) {
        self.set_str_replace(key, v);
    }

    /// set_str returning the previous value (the caller can drop it after releasing the dict).
    pub fn set_str_replace(&mut self, key: &str, v: Value) -> Option<Value> {
        let h = str_dict_hash(key);
        // replace in place without allocating a key when present
        if self.len > 0 && self.index.is_empty() {
            for (i, hh) in self.hashes.iter().enumerate() {
                if *hh == h {
                    if let Some((Value::Str(k), slot)) = &mut self.entries[i] {
                        if &**k == key {
                            return Some(std::mem::replace(slot, v));
                        }
                    }
                }
            }
        } else if self.len > 0 {
            let mask = self.index.len() - 1;
            let mut perturb = h as u64;
            let mut i = (h as u64 as usize) & mask;
            loop {
                let ix = self.index[i];
                if ix == EMPTY {
                    break;
                }
                if ix != DELETED && self.hashes[ix] == h {
                    if let Some((Value::Str(k), slot)) = &mut self.entries[ix] {
                        if &**k == key {
                            return Some(std::mem::replace(slot, v));
                        }
                    }
                }
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
        // absent (checked above): append without a second probe
        let k = Value::Str(interned_key(key, h));
        self.push_new(h, k, v);
        None
    }

    pub fn remove_str(&mut self, key: &str) -> Option<Value> {
        let k = Value::Str(std::rc::Rc::from(key));
        self.remove(&k).unwrap_or(None)
    }

    fn push_new(&mut self, hash: i64, key: Value, v: Value) {
        if self.index.is_empty() {
            if self.entries.len() >= SMALL && self.len + 2 < SMALL {
                // compact tombstones, stay in small mode
                let mut k = 0;
                for j in 0..self.entries.len() {
                    if self.entries[j].is_some() {
                        self.entries.swap(k, j);
                        self.hashes[k] = self.hashes[j];
                        k += 1;
                    }
                }
                self.entries.truncate(k);
                self.hashes.truncate(k);
            }
            if self.entries.len() < SMALL {
                self.entries.push(Some((key, v)));
                self.hashes.push(hash);
                self.len += 1;
                return;
            }
            self.rebuild((self.len + 1) * 2);
        } else if (self.entries.len() + 1) * 3 >= self.index.len() * 2 {
            self.rebuild((self.len + 1) * 2);
        }
        let ei = self.entries.len();
        self.entries.push(Some((key, v)));
        self.hashes.push(hash);
        self.len += 1;
        let mask = self.index.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.index[i];
            if ix == EMPTY || ix == DELETED {
                self.index[i] = ei;
                return;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn insert_hashed(&mut self, hash: i64, key: Value, v: Value) -> PyResult<()> {
        if let Some(ix) = self.find_hashed(&key, hash)? {
            if let Some(e) = &mut self.entries[ix] {
                e.1 = v;
            }
            return Ok(());
        }
        self.push_new(hash, key, v);
        Ok(())
    }

    pub fn insert(&mut self, key: Value, v: Value) -> PyResult<()> {
        let h = dict_hash(&key)?;
        self.insert_hashed(h, key, v)
    }

    pub fn get(&self, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = key {
            return Ok(self.get_str(s));
        }
        let h = dict_hash(key)?;
        match self.find_hashed(key, h)? {
            Some(ix) => Ok(self.entries[ix].as_ref().map(|e| e.1.clone())),
            None => Ok(None),
        }
    }

    pub fn contains(&self, key: &Value) -> PyResult<bool> {
        let h = dict_hash(key)?;
        Ok(self.find_hashed(key, h)?.is_some())
    }

    fn remove_at(&mut self, ix: usize) -> Option<(Value, Value)> {
        let e = self.entries[ix].take();
        if e.is_some() {
            self.len -= 1;
            // mark index slot deleted
            let hash = self.hashes[ix];
            let mask = self.index.len().wrapping_sub(1);
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while !self.index.is_empty() {
                if self.index[i] == ix {
                    self.index[i] = DELETED;
                    break;
                }
                if self.index[i] == EMPTY {
                    break;
                }
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
            if self.len == 0 {
                self.clear();
            } else {
                // drop trailing tombstones so popitem/pop stay O(1) amortized
                while let Some(None) = self.entries.last() {
                    self.entries.pop();
                    self.hashes.pop();
                }
            }
        }
        e
    }

    /// Remove and return (key, value).
    pub fn remove_item(&mut self, key: &Value) -> PyResult<Option<(Value, Value)>> {
        let h = dict_hash(key)?;
        match self.find_hashed(key, h)? {
            Some(ix) => Ok(self.remove_at(ix)),
            None => Ok(None),
        }
    }

    pub fn remove(&mut self, key: &Value) -> PyResult<Option<Value>> {
        Ok(self.remove_item(key)?.map(|e| e.1))
    }

    /// `dict.popitem()`: last inserted entry.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let mut ix = self.entries.len();
        while ix > 0 {
            ix -= 1;
            if self.entries[ix].is_some() {
                return self.remove_at(ix);
            }
        }
        None
    }

    /// Iterate live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().filter_map(|e| e.as_ref().map(|(k, v)| (k, v)))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// Entry at insertion position `n` among live entries (used by iterators).
    pub fn nth_entry(&self, n: usize) -> Option<(Value, Value)> {
        self.iter().nth(n).map(|(k, v)| (k.clone(), v.clone()))
    }
}
