//! printf-style `str % args` formatting (flags mapped onto the format-spec engine).
use crate::classes::*;
use crate::exceptions::*;
use crate::fmtspec::{self, Spec};
use crate::value::*;

fn fmt_err(e: String) -> PyErr {
    let cls = crate::fmtspec::error_class(&e);
    exc(cls, e)
}

/// Numeric value for %d/%i/%u/%x/%o (int(x) semantics for floats).
fn int_arg(v: &Value, conv: char) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if conv == 'x' || conv == 'X' || conv == 'o' {
                return Err(type_error(format!("%{} format: an integer is required, not float", conv)));
            }
            if f.is_nan() {
                return Err(exc("ValueError", "cannot convert float NaN to integer".to_string()));
            }
            if f.is_infinite() {
                return Err(exc("OverflowError", "cannot convert float infinity to integer".to_string()));
            }
            Ok(crate::ops::int_from_big(crate::bigint::BigInt::from_f64(f.trunc())))
        }
        Value::Instance(i) => {
            for m in ["__index__", "__int__"] {
                if lookup_class_attr(&i.class, m).is_some() {
                    return crate::object::call_method(v, m, vec![], vec![]);
                }
            }
            Err(type_error(format!("%{} format: a real number is required, not {}", conv, type_name(v))))
        }
        _ => {
            if conv == 'x' || conv == 'X' || conv == 'o' {
                Err(type_error(format!("%{} format: an integer is required, not {}", conv, type_name(v))))
            } else {
                Err(type_error(format!("%{} format: a real number is required, not {}", conv, type_name(v))))
            }
        }
    }
}

fn float_arg(v: &Value, conv: char) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => crate::ops::big_to_f64(b),
        Value::Instance(i) if lookup_class_attr(&i.class, "__float__").is_some() => {
            match crate::object::call_method(v, "__float__", vec![], vec![])? {
                Value::Float(f) => Ok(f),
                _ => Err(type_error("__float__ returned non-float".to_string())),
            }
        }
        _ => Err(type_error(format!("must be real number, not {}", type_name(v)))).map_err(|e| {
            let _ = conv;
            e
        }),
    }
}

/// `fmt % args`
pub fn percent_format(fmt: &str, args: &Value) -> PyResult<Value> {
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        Value::Instance(i) if lookup_class_attr(&i.class, "__getitem__").is_some() && !matches!(&*i.base_value.borrow(), Some(Value::Tuple(_))) => {
            (vec![args.clone()], Some(args.clone()))
        }
        _ => (vec![args.clone()], None),
    };
    let single = !matches!(args, Value::Tuple(_));
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut argi = 0usize;
    let mut used_mapping = false;
    let mut i = 0usize;
    let next_arg = |argi: &mut usize| -> PyResult<Value> {
        if *argi < items.len() {
            *argi += 1;
            Ok(items[*argi - 1].clone())
        } else {
            Err(type_error("not enough arguments for format string".to_string()))
        }
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(exc("ValueError", "incomplete format".to_string()));
        }
        // mapping key
        let mut keyed: Option<Value> = None;
        if chars[i] == '(' {
            let m = match &mapping {
                Some(m) => m.clone(),
                None => return Err(type_error("format requires a mapping".to_string())),
            };
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(exc("ValueError", "incomplete format key".to_string()));
            }
            let key: String = chars[start..i - 1].iter().collect();
            keyed = Some(crate::object::getitem(&m, &Value::from(key))?);
            used_mapping = true;
        }
        let mut spec = Spec::default();
        let mut left = false;
        // flags
        while i < chars.len() {
            match chars[i] {
                '-' => left = true,
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign != Some('+') {
                        spec.sign = Some(' ')
                    }
                }
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        // width
        if i < chars.len() && chars[i] == '*' {
            let w = next_arg(&mut argi)?;
            match w {
                Value::Int(n) => {
                    if n < 0 {
                        left = true;
                    }
                    spec.width = n.unsigned_abs() as usize;
                }
                _ => return Err(type_error("* wants int".to_string())),
            }
            i += 1;
        } else {
            let mut w = 0usize;
            while i < chars.len() && chars[i].is_ascii_digit() {
                w = w * 10 + chars[i].to_digit(10).unwrap() as usize;
                i += 1;
            }
            spec.width = w;
        }
        // precision
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = next_arg(&mut argi)?;
                match p {
                    Value::Int(n) => spec.precision = Some(n.max(0) as usize),
                    _ => return Err(type_error("* wants int".to_string())),
                }
                i += 1;
            } else {
                let mut p = 0usize;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p = p * 10 + chars[i].to_digit(10).unwrap() as usize;
                    i += 1;
                }
                spec.precision = Some(p);
            }
        }
        // length modifiers (ignored)
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(exc("ValueError", "incomplete format".to_string()));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = match keyed.take() {
            Some(v) => v,
            None => next_arg(&mut argi)?,
        };
        if left {
            spec.align = Some('<');
            spec.zero = false;
        } else {
            spec.align = Some('>');
        }
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => crate::repr::to_str(&arg)?,
                    'r' => crate::repr::to_repr(&arg)?,
                    _ => crate::repr::ascii_of(&arg)?,
                };
                let s = match spec.precision {
                    Some(p) => s.chars().take(p).collect::<String>(),
                    None => s,
                };
                pad(&s, &spec, left)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let v = int_arg(&arg, conv)?;
                let ty = match conv {
                    'd' | 'i' | 'u' => 'd',
                    c => c,
                };
                let mut sp = spec.clone();
                sp.ty = Some(ty);
                let prec = sp.precision.take();
                if spec.zero && !left {
                    sp.align = None;
                }
                let mut body = match &v {
                    Value::Int(n) => fmtspec::format_i64(*n, &Spec { width: 0, align: None, zero: false, ..sp.clone() }).map_err(fmt_err)?,
                    Value::BigInt(b) => fmtspec::format_int(b, &Spec { width: 0, align: None, zero: false, ..sp.clone() }).map_err(fmt_err)?,
                    _ => String::new(),
                };
                if let Some(p) = prec {
                    // precision = minimum number of digits
                    let (sign, rest) = split_sign_prefix(&body, conv, spec.alt);
                    if rest.len() < p {
                        body = format!("{}{}{}", sign, "0".repeat(p - rest.len()), rest);
                    }
                }
                if conv == 'o' && spec.alt {
                    // %#o gives 0o prefix in Python 3 (same as format)
                }
                pad_num(&body, &spec, left, conv)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = float_arg(&arg, conv)?;
                let mut sp = spec.clone();
                sp.ty = Some(conv);
                if sp.precision.is_none() {
                    sp.precision = Some(6);
                }
                if spec.zero && !left {
                    sp.align = None;
                }
                fmtspec::format_float(f, &sp).map_err(fmt_err)?
            }
            'c' => {
                let s = match &arg {
                    Value::Bool(b) => char::from(*b as u8).to_string(),
                    Value::Int(n) => match std::char::from_u32(*n as u32) {
                        Some(ch) if *n >= 0 => ch.to_string(),
                        _ => return Err(exc("OverflowError", "%c arg not in range(0x110000)".to_string())),
                    },
                    Value::Str(s) if s.chars().count() == 1 => s.to_string(),
                    _ => return Err(type_error("%c requires int or char".to_string())),
                };
                pad(&s, &spec, left)
            }
            other => {
                return Err(exc(
                    "ValueError",
                    format!("unsupported format character '{}' (0x{:x}) at index {}", other, other as u32, i - 1),
                ))
            }
        };
        out.push_str(&piece);
    }
    if argi < items.len() && !used_mapping && !(single && mapping.is_some()) {
        return Err(type_error("not all arguments converted during string formatting".to_string()));
    }
    Ok(Value::from(out))
}

fn split_sign_prefix(body: &str, conv: char, alt: bool) -> (String, String) {
    let mut sign = String::new();
    let mut rest = body;
    if rest.starts_with('-') || rest.starts_with('+') || rest.starts_with(' ') {
        sign.push_str(&rest[..1]);
        rest = &rest[1..];
    }
    if alt && (conv == 'x' || conv == 'X' || conv == 'o') && rest.len() >= 2 {
        sign.push_str(&rest[..2]);
        rest = &rest[2..];
    }
    (sign, rest.to_string())
}

fn pad(s: &str, spec: &Spec, left: bool) -> String {
    let n = s.chars().count();
    if n >= spec.width {
        return s.to_string();
    }
    let fill = " ".repeat(spec.width - n);
    if left {
        format!("{}{}", s, fill)
    } else {
        format!("{}{}", fill, s)
    }
}

fn pad_num(body: &str, spec: &Spec, left: bool, conv: char) -> String {
    let n = body.chars().count();
    if n >= spec.width {
        return body.to_string();
    }
    if left {
        return format!("{}{}", body, " ".repeat(spec.width - n));
    }
    if spec.zero {
        let (sign, rest) = split_sign_prefix(body, conv, spec.alt);
        return format!("{}{}{}", sign, "0".repeat(spec.width - n), rest);
    }
    format!("{}{}", " ".repeat(spec.width - n), body)
}
