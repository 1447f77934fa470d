//! `Set`: a faithful model of CPython 3.11's set table (Objects/setobject.c) so that iteration
//! order (and so `print({...})`) matches CPython for deterministic hashes (ints, floats, tuples,
//! and str under PYTHONHASHSEED=0).
use crate::value::*;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

fn set_eq(a: &Value, b: &Value) -> PyResult<bool> {
    crate::dict::keys_equal(a, b)
}

impl Default for Set {
    fn default() -> Self {
        Set::new()
    }
}

impl Clone for Set {
    fn clone(&self) -> Self {
        self.copy()
    }
}

impl Set {
    pub fn new() -> Set {
        Set { table: vec![SetSlot::Empty; MINSIZE], fill: 0, used: 0, finger: 0 }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    #[inline]
    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    pub fn clear(&mut self) {
        *self = Set::new();
    }

    /// Build by adding elements one at a time (`set(iterable)`, `{a, b}` with non-constant items).
    pub fn from_values(items: Vec<Value>) -> PyResult<Set> {
        let mut s = Set::new();
        for v in items {
            s.insert(v)?;
        }
        Ok(s)
    }

    /// Build a set display made only of constants with >= 3 items: CPython compiles it to a
    /// frozenset constant (built from the items, then rebuilt from its own iteration order by
    /// the compiler's constant merging) that SET_UPDATE merges into an empty set; the table
    /// layout can differ from one-by-one insertion.
    pub fn from_const(items: Vec<Value>) -> PyResult<Set> {
        if items.len() < 3 {
            return Set::from_values(items);
        }
        let first = Set::from_values(items)?;
        let fz = Set::from_values(first.items())?;
        let mut s = Set::new();
        s.merge(&fz)?;
        Ok(s)
    }

    /// Table-order snapshot of the elements (CPython iteration order).
    pub fn items(&self) -> Vec<Value> {
        let mut out = Vec::with_capacity(self.used);
        for slot in &self.table {
            if let SetSlot::Full(_, v) = slot {
                out.push(v.clone());
            }
        }
        out
    }

    /// (hash, value) in table order.
    pub fn entries(&self) -> Vec<(i64, Value)> {
        let mut out = Vec::with_capacity(self.used);
        for slot in &self.table {
            if let SetSlot::Full(h, v) = slot {
                out.push((*h, v.clone()));
            }
        }
        out
    }

    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter().filter_map(|s| if let SetSlot::Full(_, v) = s { Some(v) } else { None })
    }

    fn insert_clean(table: &mut Vec<SetSlot>, hash: i64, v: Value) {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if let SetSlot::Empty = table[i] {
                table[i] = SetSlot::Full(hash, v);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if let SetSlot::Empty = table[i + j] {
                        table[i + j] = SetSlot::Full(hash, v);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![SetSlot::Empty; newsize]);
        self.fill = self.used;
        for slot in old {
            if let SetSlot::Full(h, v) = slot {
                Set::insert_clean(&mut self.table, h, v);
            }
        }
    }

    /// Find the slot index holding an element equal to `v`.
    pub fn find_hashed(&self, v: &Value, hash: i64) -> PyResult<Option<usize>> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.table[i + j] {
                    SetSlot::Empty => return Ok(None),
                    SetSlot::Full(h, k) => {
                        if *h == hash && set_eq(k, v)? {
                            return Ok(Some(i + j));
                        }
                    }
                    SetSlot::Dummy => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Add; returns true when the element was not present.
    pub fn insert_hashed(&mut self, hash: i64, v: Value) -> PyResult<bool> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let found_unused;
        'outer: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                match &self.table[i + j] {
                    SetSlot::Empty => {
                        found_unused = i + j;
                        break 'outer;
                    }
                    SetSlot::Full(h, k) => {
                        if *h == hash && set_eq(k, &v)? {
                            return Ok(false);
                        }
                    }
                    SetSlot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(i + j);
                        }
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        if let Some(fs) = freeslot {
            self.used += 1;
            self.table[fs] = SetSlot::Full(hash, v);
            return Ok(true);
        }
        self.fill += 1;
        self.used += 1;
        self.table[found_unused] = SetSlot::Full(hash, v);
        if self.fill * 5 < mask * 3 {
            return Ok(true);
        }
        let u = self.used;
        self.resize(if u > 50000 { u * 2 } else { u * 4 });
        Ok(true)
    }

    pub fn insert(&mut self, v: Value) -> PyResult<bool> {
        let h = crate::hash::py_hash(&v)?;
        self.insert_hashed(h, v)
    }

    pub fn contains(&self, v: &Value) -> PyResult<bool> {
        let h = crate::hash::py_hash(v)?;
        Ok(self.find_hashed(v, h)?.is_some())
    }

    pub fn contains_hashed(&self, v: &Value, h: i64) -> PyResult<bool> {
        Ok(self.find_hashed(v, h)?.is_some())
    }

    /// Discard; returns true when the element was present.
    pub fn remove_hashed(&mut self, v: &Value, h: i64) -> PyResult<bool> {
        match self.find_hashed(v, h)? {
            Some(ix) => {
                self.table[ix] = SetSlot::Dummy;
                self.used -= 1;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    pub fn remove(&mut self, v: &Value) -> PyResult<bool> {
        let h = crate::hash::py_hash(v)?;
        self.remove_hashed(v, h)
    }

    /// `set.pop()` (None when empty; caller raises KeyError('pop from an empty set')).
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        loop {
            if let SetSlot::Full(_, _) = self.table[i] {
                break;
            }
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let old = std::mem::replace(&mut self.table[i], SetSlot::Dummy);
        self.used -= 1;
        self.finger = i + 1;
        match old {
            SetSlot::Full(_, v) => Some(v),
            _ => None,
        }
    }

    /// CPython set_merge: add all elements of another set (used by copy/union/update).
    pub fn merge(&mut self, other: &Set) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            let n = (self.used + other.used) * 2;
            self.resize(n);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for slot in &other.table {
                if let SetSlot::Full(h, v) = slot {
                    Set::insert_clean(&mut self.table, *h, v.clone());
                }
            }
            return Ok(());
        }
        for slot in &other.table {
            if let SetSlot::Full(h, v) = slot {
                self.insert_hashed(*h, v.clone())?;
            }
        }
        Ok(())
    }

    /// Copy preserving CPython's layout rules (set(s), s.copy(), frozenset(s)).
    pub fn copy(&self) -> Set {
        let mut s = Set::new();
        // merge into an empty set never compares elements, so it cannot fail
        let _ = s.merge(self);
        s
    }

    /// `s.update(iterable)` for an already materialized list of values (non-set iterable).
    pub fn update_values(&mut self, items: Vec<Value>) -> PyResult<()> {
        for v in items {
            self.insert(v)?;
        }
        Ok(())
    }

    /// Update from dict keys (CPython pre-resizes for dicts).
    pub fn update_dict_keys(&mut self, keys: Vec<Value>) -> PyResult<()> {
        let n = keys.len();
        if (self.fill + n) * 5 >= self.mask() * 3 {
            let m = (self.used + n) * 2;
            self.resize(m);
        }
        self.update_values(keys)
    }

    /// `a | b`
    pub fn union(&self, other: &Set) -> PyResult<Set> {
        let mut r = self.copy();
        r.merge(other)?;
        Ok(r)
    }

    /// `a & b` (CPython iterates the smaller set)
    pub fn intersection(&self, other: &Set) -> PyResult<Set> {
        let (small, big) = if other.used > self.used { (self, other) } else { (other, self) };
        let mut r = Set::new();
        for (h, v) in small.entries() {
            if big.contains_hashed(&v, h)? {
                r.insert_hashed(h, v)?;
            }
        }
        Ok(r)
    }

    /// `a.intersection(iterable)` for a non-set iterable.
    pub fn intersection_values(&self, items: Vec<Value>) -> PyResult<Set> {
        let mut r = Set::new();
        for v in items {
            let h = crate::hash::py_hash(&v)?;
            if self.contains_hashed(&v, h)? {
                r.insert_hashed(h, v)?;
            }
        }
        Ok(r)
    }

    /// `a - b`
    pub fn difference(&self, other: &Set) -> PyResult<Set> {
        if (self.used >> 2) > other.used {
            let mut r = self.copy();
            for (h, v) in other.entries() {
                r.remove_hashed(&v, h)?;
            }
            return Ok(r);
        }
        let mut r = Set::new();
        for (h, v) in self.entries() {
            if !other.contains_hashed(&v, h)? {
                r.insert_hashed(h, v)?;
            }
        }
        Ok(r)
    }

    /// `a.difference(iterable)` for a non-set iterable: copy then discard.
    pub fn difference_values(&self, items: Vec<Value>) -> PyResult<Set> {
        let mut r = self.copy();
        for v in items {
            r.remove(&v)?;
        }
        Ok(r)
    }

    /// In-place symmetric difference with another set (CPython order of operations).
    pub fn symmetric_difference_update(&mut self, other: &Set) -> PyResult<()> {
        for (h, v) in other.entries() {
            if !self.remove_hashed(&v, h)? {
                self.insert_hashed(h, v)?;
            }
        }
        Ok(())
    }

    /// `a ^ b`: copy of b, then symmetric-difference-update with a.
    pub fn symmetric_difference(&self, other: &Set) -> PyResult<Set> {
        let mut r = other.copy();
        r.symmetric_difference_update(self)?;
        Ok(r)
    }

    pub fn is_subset(&self, other: &Set) -> PyResult<bool> {
        if self.used > other.used {
            return Ok(false);
        }
        for (h, v) in self.entries() {
            if !other.contains_hashed(&v, h)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub fn set_equals(&self, other: &Set) -> PyResult<bool> {
        Ok(self.used == other.used && self.is_subset(other)?)
    }

    /// CPython frozenset hash.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747u64) ^ (h << 16)).wrapping_mul(3644798167u64)
        }
        let mut hash: u64 = 0;
        for slot in &self.table {
            if let SetSlot::Full(h, _) = slot {
                hash ^= shuffle(*h as u64);
            }
        }
        hash ^= ((self.used as u64) + 1).wrapping_mul(1927868237u64);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069u64).wrapping_add(907133923u64);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}
