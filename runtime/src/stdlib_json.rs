//! The `json` module (helper R2): dumps/loads (and dump/load on objects with write()/read()),
//! byte-for-byte CPython output (separators, indent, sort_keys, ensure_ascii, default).
use std::rc::Rc;

use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::new_module;
use crate::value::*;

struct Enc {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ensure_ascii: bool,
    skipkeys: bool,
    allow_nan: bool,
    default: Option<Value>,
}

fn encode_str(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ascii && (c as u32) > 0x7e => {
                let u = c as u32;
                if u >= 0x10000 {
                    let v = u - 0x10000;
                    let hi = 0xd800 + (v >> 10);
                    let lo = 0xdc00 + (v & 0x3ff);
                    out.push_str(&format!("\\u{:04x}\\u{:04x}", hi, lo));
                } else {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn float_str(f: f64, allow_nan: bool) -> PyResult<String> {
    if f.is_nan() || f.is_infinite() {
        if !allow_nan {
            return Err(value_error(&format!(
                "Out of range float values are not JSON compliant: {}",
                crate::repr::float_repr(f)
            )));
        }
        return Ok(if f.is_nan() {
            "NaN".to_string()
        } else if f > 0.0 {
            "Infinity".to_string()
        } else {
            "-Infinity".to_string()
        });
    }
    Ok(crate::repr::float_repr(f))
}

impl Enc {
    fn newline(&self, level: usize, out: &mut String) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..level {
                out.push_str(ind);
            }
        }
    }

    fn key_str(&self, k: &Value) -> PyResult<Option<String>> {
        Ok(Some(match k {
            Value::Str(s) => s.to_string(),
            Value::Bool(true) => "true".to_string(),
            Value::Bool(false) => "false".to_string(),
            Value::None => "null".to_string(),
            Value::Int(_) | Value::BigInt(_) => str_of(k)?,
            Value::Float(f) => float_str(*f, self.allow_nan)?,
            _ => {
                if self.skipkeys {
                    return Ok(None);
                }
                return Err(type_error(&format!(
                    "keys must be str, int, float, bool or None, not {}",
                    type_name(k)
                )));
            }
        }))
    }

    fn enc(&self, v: &Value, level: usize, out: &mut String, depth: usize) -> PyResult<()> {
        if depth > 900 {
            return Err(err("RecursionError", "maximum recursion depth exceeded while encoding a JSON object"));
        }
        match v {
            Value::None => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Int(i) => out.push_str(&i.to_string()),
            Value::BigInt(_) => out.push_str(&str_of(v)?),
            Value::Float(f) => out.push_str(&float_str(*f, self.allow_nan)?),
            Value::Str(s) => encode_str(s, self.ensure_ascii, out),
            Value::List(_) | Value::Tuple(_) => {
                let items = to_vec(v)?;
                if items.is_empty() {
                    out.push_str("[]");
                    return Ok(());
                }
                out.push('[');
                self.newline(level + 1, out);
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(&self.item_sep);
                        self.newline(level + 1, out);
                    }
                    self.enc(it, level + 1, out, depth + 1)?;
                }
                self.newline(level, out);
                out.push(']');
            }
            Value::Dict(d) => {
                let mut items = d.borrow().items();
                if items.is_empty() {
                    out.push_str("{}");
                    return Ok(());
                }
                if self.sort_keys {
                    let mut keys: Vec<Value> = items.iter().map(|(k, _)| k.clone()).collect();
                    crate::methods_list::sort_values(&mut keys, None, false)?;
                    let mut sorted = Vec::with_capacity(items.len());
                    for k in keys {
                        if let Some(p) = items.iter().position(|(x, _)| crate::ops::is_(x, &k) || py_eq(x, &k).unwrap_or(false)) {
                            sorted.push(items.remove(p));
                        }
                    }
                    items = sorted;
                }
                out.push('{');
                self.newline(level + 1, out);
                let mut first = true;
                for (k, x) in items.iter() {
                    let ks = match self.key_str(k)? {
                        Some(s) => s,
                        None => continue,
                    };
                    if !first {
                        out.push_str(&self.item_sep);
                        self.newline(level + 1, out);
                    }
                    first = false;
                    encode_str(&ks, self.ensure_ascii, out);
                    out.push_str(&self.key_sep);
                    self.enc(x, level + 1, out, depth + 1)?;
                }
                self.newline(level, out);
                out.push('}');
            }
            Value::Instance(i) => {
                // dict / list subclasses (Counter, OrderedDict, namedtuple...) encode as their payload
                let p = i.base_value.borrow().clone();
                if let Some(p) = p {
                    if matches!(p, Value::Dict(_) | Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Int(_) | Value::Float(_)) {
                        return self.enc(&p, level, out, depth + 1);
                    }
                }
                self.enc_default(v, level, out, depth)?;
            }
            _ => self.enc_default(v, level, out, depth)?,
        }
        Ok(())
    }

    fn enc_default(&self, v: &Value, level: usize, out: &mut String, depth: usize) -> PyResult<()> {
        match &self.default {
            Some(f) => {
                let r = call(f, vec![v.clone()])?;
                self.enc(&r, level, out, depth + 1)
            }
            None => Err(type_error(&format!(
                "Object of type {} is not JSON serializable",
                type_name(v)
            ))),
        }
    }
}

fn make_enc(kw: &[(String, Value)]) -> PyResult<Enc> {
    let mut e = Enc {
        indent: None,
        item_sep: ", ".to_string(),
        key_sep: ": ".to_string(),
        sort_keys: false,
        ensure_ascii: true,
        skipkeys: false,
        allow_nan: true,
        default: None,
    };
    let mut seps: Option<Value> = None;
    for (k, v) in kw {
        match k.as_str() {
            "indent" => {
                e.indent = match v {
                    Value::None => None,
                    Value::Str(s) => Some(s.to_string()),
                    other => Some(" ".repeat(as_index(other)?.max(0) as usize)),
                }
            }
            "separators" => seps = Some(v.clone()),
            "sort_keys" => e.sort_keys = truthy(v)?,
            "ensure_ascii" => e.ensure_ascii = truthy(v)?,
            "skipkeys" => e.skipkeys = truthy(v)?,
            "allow_nan" => e.allow_nan = truthy(v)?,
            "default" => {
                if !matches!(v, Value::None) {
                    e.default = Some(v.clone())
                }
            }
            "cls" | "check_circular" => {}
            _ => {
                return Err(type_error(&format!(
                    "dumps() got an unexpected keyword argument '{}'",
                    k
                )))
            }
        }
    }
    if e.indent.is_some() {
        e.item_sep = ",".to_string();
    }
    if let Some(s) = seps {
        if !matches!(s, Value::None) {
            let parts = to_vec(&s)?;
            if parts.len() == 2 {
                e.item_sep = str_of(&parts[0])?;
                e.key_sep = str_of(&parts[1])?;
            }
        }
    }
    Ok(e)
}

pub fn dumps_value(v: &Value, kw: &[(String, Value)]) -> PyResult<String> {
    let e = make_enc(kw)?;
    let mut out = String::new();
    e.enc(v, 0, &mut out, 0)?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// decoding
// ---------------------------------------------------------------------------------------------

struct Dec<'a> {
    s: &'a [char],
    pos: usize,
    src: &'a str,
}

fn decode_error(msg: &str, src: &str, pos: usize) -> PyErr {
    // line / column like json.JSONDecodeError
    let chars: Vec<char> = src.chars().collect();
    let upto = &chars[..pos.min(chars.len())];
    let line = upto.iter().filter(|c| **c == '\n').count() + 1;
    let col = match upto.iter().rposition(|c| *c == '\n') {
        Some(p) => pos - p,
        None => pos + 1,
    };
    let text = format!("{}: line {} column {} (char {})", msg, line, col, pos);
    match json_error_class() {
        Ok(cls) => match call(&cls, vec![Value::from(text.clone())]) {
            Ok(e) => crate::exceptions::raise(e),
            Err(e) => e,
        },
        Err(_) => value_error(&text),
    }
}

thread_local! {
    static JSON_ERR: std::cell::RefCell<Option<Value>> = std::cell::RefCell::new(None);
}

fn json_error_class() -> PyResult<Value> {
    if let Some(c) = JSON_ERR.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let base = Value::Class(crate::classes::builtin_class("ValueError"));
    let c = crate::classes::make_class("JSONDecodeError", "JSONDecodeError", "json.decoder", vec![base], vec![])?;
    JSON_ERR.with(|x| *x.borrow_mut() = Some(c.clone()));
    Ok(c)
}

impl<'a> Dec<'a> {
    fn ws(&mut self) {
        while self.pos < self.s.len() && matches!(self.s[self.pos], ' ' | '\t' | '\n' | '\r') {
            self.pos += 1;
        }
    }

    fn err(&self, msg: &str) -> PyErr {
        decode_error(msg, self.src, self.pos)
    }

    fn value(&mut self, depth: usize) -> PyResult<Value> {
        if depth > 900 {
            return Err(err("RecursionError", "maximum recursion depth exceeded while decoding a JSON document"));
        }
        self.ws();
        if self.pos >= self.s.len() {
            return Err(self.err("Expecting value"));
        }
        let c = self.s[self.pos];
        match c {
            '{' => {
                self.pos += 1;
                let mut d = Dict::new();
                self.ws();
                if self.pos < self.s.len() && self.s[self.pos] == '}' {
                    self.pos += 1;
                    return Ok(dict_value(d));
                }
                loop {
                    self.ws();
                    if self.pos >= self.s.len() || self.s[self.pos] != '"' {
                        return Err(self.err("Expecting property name enclosed in double quotes"));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.pos >= self.s.len() || self.s[self.pos] != ':' {
                        return Err(self.err("Expecting ':' delimiter"));
                    }
                    self.pos += 1;
                    let v = self.value(depth + 1)?;
                    d.insert(Value::from(k), v)?;
                    self.ws();
                    if self.pos < self.s.len() && self.s[self.pos] == ',' {
                        self.pos += 1;
                        continue;
                    }
                    if self.pos < self.s.len() && self.s[self.pos] == '}' {
                        self.pos += 1;
                        return Ok(dict_value(d));
                    }
                    return Err(self.err("Expecting ',' delimiter"));
                }
            }
            '[' => {
                self.pos += 1;
                let mut items = Vec::new();
                self.ws();
                if self.pos < self.s.len() && self.s[self.pos] == ']' {
                    self.pos += 1;
                    return Ok(list(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.pos < self.s.len() && self.s[self.pos] == ',' {
                        self.pos += 1;
                        continue;
                    }
                    if self.pos < self.s.len() && self.s[self.pos] == ']' {
                        self.pos += 1;
                        return Ok(list(items));
                    }
                    return Err(self.err("Expecting ',' delimiter"));
                }
            }
            '"' => Ok(Value::from(self.string()?)),
            't' if self.lit("true") => Ok(Value::Bool(true)),
            'f' if self.lit("false") => Ok(Value::Bool(false)),
            'n' if self.lit("null") => Ok(Value::None),
            'N' if self.lit("NaN") => Ok(Value::Float(f64::NAN)),
            'I' if self.lit("Infinity") => Ok(Value::Float(f64::INFINITY)),
            '-' if self.s[self.pos..].starts_with(&['-', 'I']) && {
                let save = self.pos;
                self.pos += 1;
                let ok = self.lit("Infinity");
                if !ok {
                    self.pos = save;
                }
                ok
            } =>
            {
                Ok(Value::Float(f64::NEG_INFINITY))
            }
            '-' | '0'..='9' => self.number(),
            _ => Err(self.err("Expecting value")),
        }
    }

    fn lit(&mut self, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        if self.s[self.pos..].starts_with(&w) {
            self.pos += w.len();
            true
        } else {
            false
        }
    }

    fn number(&mut self) -> PyResult<Value> {
        let start = self.pos;
        if self.s[self.pos] == '-' {
            self.pos += 1;
        }
        if self.pos >= self.s.len() || !self.s[self.pos].is_ascii_digit() {
            self.pos = start;
            return Err(self.err("Expecting value"));
        }
        if self.s[self.pos] == '0' {
            self.pos += 1;
        } else {
            while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
                self.pos += 1;
            }
        }
        let mut is_float = false;
        if self.pos + 1 < self.s.len() && self.s[self.pos] == '.' && self.s[self.pos + 1].is_ascii_digit() {
            is_float = true;
            self.pos += 1;
            while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
                self.pos += 1;
            }
        }
        if self.pos < self.s.len() && (self.s[self.pos] == 'e' || self.s[self.pos] == 'E') {
            let save = self.pos;
            self.pos += 1;
            if self.pos < self.s.len() && (self.s[self.pos] == '+' || self.s[self.pos] == '-') {
                self.pos += 1;
            }
            if self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
                is_float = true;
                while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
                    self.pos += 1;
                }
            } else {
                self.pos = save;
            }
        }
        let text: String = self.s[start..self.pos].iter().collect();
        if is_float {
            match crate::pyfloat::parse_float(&text) {
                Some(f) => Ok(Value::Float(f)),
                None => Err(self.err("Expecting value")),
            }
        } else {
            Ok(crate::builtins::parse_int(&text, 10).unwrap_or(Value::Int(0)))
        }
    }

    fn string(&mut self) -> PyResult<String> {
        let begin = self.pos;
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            if self.pos >= self.s.len() {
                return Err(decode_error("Unterminated string starting at", self.src, begin));
            }
            let c = self.s[self.pos];
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                '\\' => {
                    self.pos += 1;
                    if self.pos >= self.s.len() {
                        return Err(decode_error("Unterminated string starting at", self.src, begin));
                    }
                    let e = self.s[self.pos];
                    self.pos += 1;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hex = |d: &Dec, at: usize| -> Option<u32> {
                                if at + 4 > d.s.len() {
                                    return None;
                                }
                                let h: String = d.s[at..at + 4].iter().collect();
                                u32::from_str_radix(&h, 16).ok()
                            };
                            let u = match hex(self, self.pos) {
                                Some(u) => u,
                                None => {
                                    self.pos -= 1;
                                    return Err(self.err("Invalid \\uXXXX escape"));
                                }
                            };
                            self.pos += 4;
                            let mut code = u;
                            if (0xd800..0xdc00).contains(&u)
                                && self.pos + 1 < self.s.len()
                                && self.s[self.pos] == '\\'
                                && self.s[self.pos + 1] == 'u'
                            {
                                if let Some(lo) = hex(self, self.pos + 2) {
                                    if (0xdc00..0xe000).contains(&lo) {
                                        code = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                                        self.pos += 6;
                                    }
                                }
                            }
                            out.push(std::char::from_u32(code).unwrap_or('\u{fffd}'));
                        }
                        _ => {
                            self.pos -= 2;
                            return Err(self.err("Invalid \\escape"));
                        }
                    }
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.err("Invalid control character at"));
                }
                c => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
    }
}

pub fn loads_str(src: &str) -> PyResult<Value> {
    let chars: Vec<char> = src.chars().collect();
    let mut d = Dec { s: &chars, pos: 0, src };
    let v = d.value(0)?;
    d.ws();
    if d.pos < chars.len() {
        return Err(d.err("Extra data"));
    }
    Ok(v)
}

pub fn module() -> PyResult<Value> {
    Ok(new_module(
        "json",
        vec![
            (
                "dumps",
                plain_fn("dumps", |pos, kw| {
                    if pos.len() != 1 {
                        return Err(type_error(&format!(
                            "dumps() takes 1 positional argument but {} were given",
                            pos.len()
                        )));
                    }
                    Ok(Value::from(dumps_value(&pos[0], &kw)?))
                }),
            ),
            (
                "loads",
                plain_fn("loads", |pos, _kw| {
                    let s = match pos.get(0) {
                        Some(Value::Str(s)) => s.to_string(),
                        Some(Value::Bytes(b)) => String::from_utf8_lossy(b).into_owned(),
                        Some(o) => {
                            return Err(type_error(&format!(
                                "the JSON object must be str, bytes or bytearray, not {}",
                                type_name(o)
                            )))
                        }
                        None => return Err(type_error("loads() missing 1 required positional argument: 's'")),
                    };
                    loads_str(&s)
                }),
            ),
            (
                "dump",
                plain_fn("dump", |pos, kw| {
                    if pos.len() != 2 {
                        return Err(type_error("dump() missing 1 required positional argument: 'fp'"));
                    }
                    let s = dumps_value(&pos[0], &kw)?;
                    call_method(&pos[1], "write", vec![Value::from(s)])?;
                    Ok(Value::None)
                }),
            ),
            (
                "load",
                plain_fn("load", |pos, _kw| {
                    let fp = pos.get(0).cloned().unwrap_or(Value::None);
                    let s = call_method(&fp, "read", vec![])?;
                    loads_str(&str_of(&s)?)
                }),
            ),
            ("JSONDecodeError", json_error_class()?),
        ],
    ))
}

#[allow(dead_code)]
fn _unused(_: Rc<()>) {}
