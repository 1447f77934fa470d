//! The `pprint` module: pprint / pformat / pp with CPython's PrettyPrinter layout for dicts, lists,
//! tuples, sets and long strings (width, indent, sort_dicts; compact=False).
use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::new_module;
use crate::value::*;

struct Printer {
    width: usize,
    indent: usize,
    sort_dicts: bool,
}

fn clen(s: &str) -> usize {
    s.chars().count()
}

fn sorted_items(d: &Value, sort: bool) -> PyResult<Vec<(Value, Value)>> {
    let items: Vec<(Value, Value)> = match d {
        Value::Dict(d) => d.borrow().items(),
        _ => vec![],
    };
    if !sort {
        return Ok(items);
    }
    let mut keys: Vec<Value> = items.iter().map(|(k, _)| k.clone()).collect();
    if crate::methods_list::sort_values(&mut keys, None, false).is_err() {
        return Ok(items);
    }
    let mut out = Vec::with_capacity(items.len());
    let mut used = vec![false; items.len()];
    for k in keys {
        for (i, (k2, v)) in items.iter().enumerate() {
            if !used[i] && crate::ops::is_(k2, &k) {
                used[i] = true;
                out.push((k2.clone(), v.clone()));
                break;
            }
        }
    }
    Ok(out)
}

impl Printer {
    /// pprint's safe_repr: like repr() but with dict keys sorted (recursively through dict/list/tuple).
    fn repr(&self, v: &Value) -> PyResult<String> {
        match v {
            Value::Dict(_) => {
                let items = sorted_items(v, self.sort_dicts)?;
                let mut parts = Vec::new();
                for (k, x) in items {
                    parts.push(format!("{}: {}", self.repr(&k)?, self.repr(&x)?));
                }
                Ok(format!("{{{}}}", parts.join(", ")))
            }
            Value::List(l) => {
                let items = l.borrow().clone();
                let parts: PyResult<Vec<String>> = items.iter().map(|x| self.repr(x)).collect();
                Ok(format!("[{}]", parts?.join(", ")))
            }
            Value::Tuple(t) => {
                let parts: PyResult<Vec<String>> = t.iter().map(|x| self.repr(x)).collect();
                let parts = parts?;
                if parts.len() == 1 {
                    Ok(format!("({},)", parts[0]))
                } else {
                    Ok(format!("({})", parts.join(", ")))
                }
            }
            _ => crate::repr::to_repr(v),
        }
    }

    fn format(&self, v: &Value, out: &mut String, indent: usize, allowance: usize, level: usize) -> PyResult<()> {
        let rep = self.repr(v)?;
        let max_width = self.width as i64 - indent as i64 - allowance as i64;
        if clen(&rep) as i64 > max_width {
            match v {
                Value::Dict(d) if !d.borrow().is_empty() => {
                    out.push('{');
                    if self.indent > 1 {
                        out.push_str(&" ".repeat(self.indent - 1));
                    }
                    let items = sorted_items(v, self.sort_dicts)?;
                    self.dict_items(&items, out, indent, allowance + 1, level + 1)?;
                    out.push('}');
                    return Ok(());
                }
                Value::List(l) if !l.borrow().is_empty() => {
                    let items = l.borrow().clone();
                    out.push('[');
                    self.items(&items, out, indent, allowance + 1, level + 1)?;
                    out.push(']');
                    return Ok(());
                }
                Value::Tuple(t) if !t.is_empty() => {
                    out.push('(');
                    let end = if t.len() == 1 { ",)" } else { ")" };
                    self.items(&t.to_vec(), out, indent, allowance + end.len(), level + 1)?;
                    out.push_str(end);
                    return Ok(());
                }
                Value::Set(_) | Value::FrozenSet(_) if py_len(v)? > 0 => {
                    let (open, end, extra) = if matches!(v, Value::Set(_)) { ("{", "}", 0) } else { ("frozenset({", "})", 10) };
                    out.push_str(open);
                    let mut items = to_vec(v)?;
                    let _ = crate::methods_list::sort_values(&mut items, None, false);
                    self.items(&items, out, indent + extra, allowance + end.len(), level + 1)?;
                    out.push_str(end);
                    return Ok(());
                }
                Value::Str(s) if !s.is_empty() => {
                    self.string(s, out, indent, allowance, level + 1);
                    return Ok(());
                }
                _ => {}
            }
        }
        out.push_str(&rep);
        Ok(())
    }

    fn dict_items(&self, items: &[(Value, Value)], out: &mut String, indent: usize, allowance: usize, level: usize) -> PyResult<()> {
        let indent = indent + self.indent;
        let delimnl = format!(",\n{}", " ".repeat(indent));
        let last_index = items.len().saturating_sub(1);
        for (i, (k, v)) in items.iter().enumerate() {
            let last = i == last_index;
            let rep = self.repr(k)?;
            out.push_str(&rep);
            out.push_str(": ");
            self.format(v, out, indent + clen(&rep) + 2, if last { allowance } else { 1 }, level)?;
            if !last {
                out.push_str(&delimnl);
            }
        }
        Ok(())
    }

    fn items(&self, items: &[Value], out: &mut String, indent: usize, allowance: usize, level: usize) -> PyResult<()> {
        let indent = indent + self.indent;
        if self.indent > 1 {
            out.push_str(&" ".repeat(self.indent - 1));
        }
        let delimnl = format!(",\n{}", " ".repeat(indent));
        for (i, x) in items.iter().enumerate() {
            let last = i + 1 == items.len();
            if i > 0 {
                out.push_str(&delimnl);
            }
            self.format(x, out, indent, if last { allowance } else { 1 }, level)?;
        }
        Ok(())
    }

    fn string(&self, s: &str, out: &mut String, indent: usize, allowance: usize, level: usize) {
        let mut chunks: Vec<String> = Vec::new();
        let lines: Vec<&str> = s.split_inclusive('\n').collect();
        let (mut indent, mut allowance) = (indent, allowance);
        if level == 1 {
            indent += 1;
            allowance += 1;
        }
        let max_width = self.width as i64 - indent as i64;
        let mut max_width1 = max_width;
        let mut rep = String::new();
        for (i, line) in lines.iter().enumerate() {
            rep = crate::repr::str_repr(line);
            if i == lines.len() - 1 {
                max_width1 -= allowance as i64;
            }
            if clen(&rep) as i64 <= max_width1 {
                chunks.push(rep.clone());
            } else {
                // re.findall(r'\S*\s*', line) without the final empty match
                let mut parts: Vec<String> = Vec::new();
                let cs: Vec<char> = line.chars().collect();
                let mut p = 0;
                while p < cs.len() {
                    let st = p;
                    while p < cs.len() && !cs[p].is_whitespace() {
                        p += 1;
                    }
                    while p < cs.len() && cs[p].is_whitespace() {
                        p += 1;
                    }
                    parts.push(cs[st..p].iter().collect());
                }
                let mut max_width2 = max_width;
                let mut current = String::new();
                for (j, part) in parts.iter().enumerate() {
                    let candidate = format!("{}{}", current, part);
                    if j == parts.len() - 1 && i == lines.len() - 1 {
                        max_width2 -= allowance as i64;
                    }
                    if clen(&crate::repr::str_repr(&candidate)) as i64 > max_width2 {
                        if !current.is_empty() {
                            chunks.push(crate::repr::str_repr(&current));
                        }
                        current = part.clone();
                    } else {
                        current = candidate;
                    }
                }
                if !current.is_empty() {
                    chunks.push(crate::repr::str_repr(&current));
                }
            }
        }
        if chunks.len() == 1 {
            out.push_str(&rep);
            return;
        }
        if level == 1 {
            out.push('(');
        }
        for (i, c) in chunks.iter().enumerate() {
            if i > 0 {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
            }
            out.push_str(c);
        }
        if level == 1 {
            out.push(')');
        }
    }
}

fn pformat_args(name: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<(Value, Printer, Option<Value>)> {
    let a = bind_args(name, pos, kw, &["object", "stream", "indent", "width", "depth", "compact", "sort_dicts", "underscore_numbers"], 1)?;
    let geti = |o: &Option<Value>, d: usize| -> PyResult<usize> {
        match o {
            Some(Value::Int(i)) if *i >= 0 => Ok(*i as usize),
            None | Some(Value::None) => Ok(d),
            Some(v) => Ok(as_index(v)?.max(0) as usize),
        }
    };
    let sort_default = name != "pp";
    let p = Printer {
        width: geti(&a[3], 80)?,
        indent: geti(&a[2], 1)?,
        sort_dicts: match &a[6] {
            Some(v) => truthy(v)?,
            None => sort_default,
        },
    };
    Ok((a[0].clone().unwrap(), p, a[1].clone()))
}

fn pformat_value(v: &Value, p: &Printer) -> PyResult<String> {
    let mut out = String::new();
    p.format(v, &mut out, 0, 0, 0)?;
    Ok(out)
}

fn pprint_impl(name: &str, pos: Vec<Value>, kw: Vec<(String, Value)>) -> PyResult<Value> {
    let (v, p, stream) = pformat_args(name, pos, kw)?;
    let text = pformat_value(&v, &p)?;
    let mut pkw = vec![];
    if let Some(s) = stream {
        pkw.push(("file".to_string(), s));
    }
    crate::builtins::call_builtin("print", vec![Value::from(text)], pkw)?;
    Ok(Value::None)
}

pub fn module() -> PyResult<Value> {
    Ok(new_module(
        "pprint",
        vec![
            ("pprint", plain_fn("pprint", |pos, kw| pprint_impl("pprint", pos, kw))),
            ("pp", plain_fn("pp", |pos, kw| pprint_impl("pp", pos, kw))),
            (
                "pformat",
                plain_fn("pformat", |pos, kw| {
                    let mut kw = kw;
                    kw.retain(|(k, _)| k != "stream");
                    let (v, p, _) = pformat_args("pformat", pos, kw)?;
                    Ok(Value::from(pformat_value(&v, &p)?))
                }),
            ),
        ],
    ))
}
