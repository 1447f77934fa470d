//! The `re` module (helper R2): a backtracking regular-expression engine with Python syntax
//! (classes, escapes, groups incl. named/non-capturing, alternation, greedy/lazy/possessive
//! quantifiers, backreferences, look-around, inline flags) and the module API (compile, search,
//! match, fullmatch, findall, finditer, sub, subn, split, escape, Match and Pattern objects).
//! Positions are code-point indices, like CPython's str.
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::methods::plain_fn;
use crate::methods_util::*;
use crate::stdlib::{native_func, new_instance_with, new_module, new_native_class, payload};
use crate::value::*;

const I: u32 = 2;
const L: u32 = 4;
const M: u32 = 8;
const S: u32 = 16;
const U: u32 = 32;
const X: u32 = 64;
const A: u32 = 256;

#[derive(Clone, Debug)]
enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Clone, Debug)]
struct ClassSet {
    neg: bool,
    items: Vec<ClassItem>,
}

#[derive(Clone, Debug)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class(ClassSet),
    Start,
    End,
    StrStart,
    StrEnd,
    WordB(bool),
    Group(Box<Node>, Option<usize>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat { node: Box<Node>, min: usize, max: Option<usize>, greedy: bool, possessive: bool },
    Backref(usize),
    Look { node: Box<Node>, ahead: bool, neg: bool, width: usize },
    Atomic(Box<Node>),
}

pub struct Regex {
    node: Node,
    flags: u32,
    ngroups: usize,
    names: Vec<(String, usize)>,
    pattern: Value,
}

fn re_error(msg: &str, pos: Option<usize>) -> PyErr {
    let text = match pos {
        Some(p) => format!("{} at position {}", msg, p),
        None => msg.to_string(),
    };
    match error_class() {
        Ok(cls) => match call(&cls, vec![Value::from(text.clone())]) {
            Ok(e) => crate::exceptions::raise(e),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

thread_local! {
    static ERR_CLS: RefCell<Option<Value>> = RefCell::new(None);
    static CLASSES: RefCell<Vec<(&'static str, Rc<Class>)>> = RefCell::new(Vec::new());
    static REGEXES: RefCell<Vec<Rc<Regex>>> = RefCell::new(Vec::new());
    static CACHE: RefCell<HashMap<(String, u32), usize>> = RefCell::new(HashMap::new());
}

fn error_class() -> PyResult<Value> {
    if let Some(c) = ERR_CLS.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let base = Value::Class(crate::classes::builtin_class("Exception"));
    let c = crate::classes::make_class("error", "error", "re", vec![base], vec![])?;
    ERR_CLS.with(|x| *x.borrow_mut() = Some(c.clone()));
    Ok(c)
}

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

struct Parser<'a> {
    p: &'a [char],
    i: usize,
    flags: u32,
    ngroups: usize,
    names: Vec<(String, usize)>,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn skip_verbose(&mut self) {
        if self.flags & X == 0 {
            return;
        }
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => self.i += 1,
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => break,
            }
        }
    }

    fn parse_alt(&mut self) -> PyResult<Node> {
        let mut alts = vec![self.parse_concat()?];
        while self.peek() == Some('|') {
            self.i += 1;
            alts.push(self.parse_concat()?);
        }
        Ok(if alts.len() == 1 { alts.pop().unwrap() } else { Node::Alt(alts) })
    }

    fn parse_concat(&mut self) -> PyResult<Node> {
        let mut items = Vec::new();
        loop {
            self.skip_verbose();
            match self.peek() {
                None | Some('|') | Some(')') => break,
                _ => {}
            }
            let start = self.i;
            let atom = self.parse_atom()?;
            let atom = self.parse_quant(atom, start)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap(),
            _ => Node::Concat(items),
        })
    }

    fn parse_quant(&mut self, atom: Node, start: usize) -> PyResult<Node> {
        let mut atom = atom;
        loop {
            self.skip_verbose();
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.i += 1;
                    (0, None)
                }
                Some('+') => {
                    self.i += 1;
                    (1, None)
                }
                Some('?') => {
                    self.i += 1;
                    (0, Some(1))
                }
                Some('{') => match self.parse_braces() {
                    Some(mm) => mm,
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if let Some(mx) = max {
                if mx < min {
                    return Err(re_error("min repeat greater than max repeat", Some(start)));
                }
            }
            match &atom {
                Node::Start | Node::End | Node::StrStart | Node::StrEnd | Node::WordB(_) | Node::Empty => {
                    return Err(re_error("nothing to repeat", Some(start)));
                }
                Node::Repeat { .. } => {
                    return Err(re_error("multiple repeat", Some(self.i - 1)));
                }
                _ => {}
            }
            let mut greedy = true;
            let mut possessive = false;
            if self.peek() == Some('?') {
                self.i += 1;
                greedy = false;
            } else if self.peek() == Some('+') {
                self.i += 1;
                possessive = true;
            }
            atom = Node::Repeat { node: Box::new(atom), min, max, greedy, possessive };
            // a second quantifier is an error ("multiple repeat"), checked on the next loop
        }
    }

    fn parse_braces(&mut self) -> Option<(usize, Option<usize>)> {
        let save = self.i;
        self.i += 1;
        let mut a = String::new();
        while let Some(c) = self.peek() {
            if c.is_ascii_digit() {
                a.push(c);
                self.i += 1;
            } else {
                break;
            }
        }
        let mut b: Option<String> = None;
        if self.peek() == Some(',') {
            self.i += 1;
            let mut bb = String::new();
            while let Some(c) = self.peek() {
                if c.is_ascii_digit() {
                    bb.push(c);
                    self.i += 1;
                } else {
                    break;
                }
            }
            b = Some(bb);
        }
        if self.peek() != Some('}') || (a.is_empty() && b.is_none()) {
            self.i = save;
            return None;
        }
        self.i += 1;
        let min = if a.is_empty() { 0 } else { a.parse().unwrap_or(0) };
        let max = match b {
            None => Some(min),
            Some(bb) if bb.is_empty() => None,
            Some(bb) => Some(bb.parse().unwrap_or(usize::MAX)),
        };
        Some((min, max))
    }

    fn parse_atom(&mut self) -> PyResult<Node> {
        let c = self.peek().unwrap();
        match c {
            '(' => self.parse_group(),
            '[' => {
                self.i += 1;
                Ok(Node::Class(self.parse_class()?))
            }
            '.' => {
                self.i += 1;
                Ok(Node::Any)
            }
            '^' => {
                self.i += 1;
                Ok(Node::Start)
            }
            '$' => {
                self.i += 1;
                Ok(Node::End)
            }
            '\\' => self.parse_escape(),
            '*' | '+' | '?' => Err(re_error("nothing to repeat", Some(self.i))),
            '{' => {
                let save = self.i;
                if self.parse_braces().is_some() {
                    return Err(re_error("nothing to repeat", Some(save)));
                }
                self.i = save + 1;
                Ok(Node::Char('{'))
            }
            _ => {
                self.i += 1;
                Ok(Node::Char(c))
            }
        }
    }

    fn parse_group(&mut self) -> PyResult<Node> {
        let open = self.i;
        self.i += 1;
        let mut capture = true;
        let mut name: Option<String> = None;
        let mut look: Option<(bool, bool)> = None; // (ahead, neg)
        let mut atomic = false;
        if self.peek() == Some('?') {
            self.i += 1;
            match self.peek() {
                Some(':') => {
                    self.i += 1;
                    capture = false;
                }
                Some('P') => {
                    self.i += 1;
                    match self.peek() {
                        Some('<') => {
                            self.i += 1;
                            let mut n = String::new();
                            while let Some(c) = self.peek() {
                                self.i += 1;
                                if c == '>' {
                                    break;
                                }
                                n.push(c);
                            }
                            if n.is_empty() || !crate::methods_str::py_isidentifier(&n) {
                                return Err(re_error(&format!("bad character in group name '{}'", n), Some(open + 4)));
                            }
                            name = Some(n);
                        }
                        Some('=') => {
                            self.i += 1;
                            let mut n = String::new();
                            while let Some(c) = self.peek() {
                                self.i += 1;
                                if c == ')' {
                                    break;
                                }
                                n.push(c);
                            }
                            return match self.names.iter().find(|(k, _)| *k == n) {
                                Some((_, g)) => Ok(Node::Backref(*g)),
                                None => Err(re_error(&format!("unknown group name '{}'", n), Some(open))),
                            };
                        }
                        _ => return Err(re_error("unknown extension ?P", Some(open + 1))),
                    }
                }
                Some('=') => {
                    self.i += 1;
                    capture = false;
                    look = Some((true, false));
                }
                Some('!') => {
                    self.i += 1;
                    capture = false;
                    look = Some((true, true));
                }
                Some('<') => {
                    self.i += 1;
                    match self.peek() {
                        Some('=') => {
                            self.i += 1;
                            look = Some((false, false));
                        }
                        Some('!') => {
                            self.i += 1;
                            look = Some((false, true));
                        }
                        _ => return Err(re_error("unknown extension ?<", Some(open + 1))),
                    }
                    capture = false;
                }
                Some('>') => {
                    self.i += 1;
                    capture = false;
                    atomic = true;
                }
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            break;
                        }
                    }
                    return Ok(Node::Empty);
                }
                Some(c) if "aiLmsux-".contains(c) => {
                    // inline flags: (?imsx) or scoped (?i:...)
                    let mut on = 0u32;
                    let mut off = 0u32;
                    let mut neg = false;
                    while let Some(c) = self.peek() {
                        let f = match c {
                            'i' => I,
                            'm' => M,
                            's' => S,
                            'x' => X,
                            'a' => A,
                            'u' => U,
                            'L' => L,
                            '-' => {
                                neg = true;
                                self.i += 1;
                                continue;
                            }
                            _ => break,
                        };
                        if neg {
                            off |= f;
                        } else {
                            on |= f;
                        }
                        self.i += 1;
                    }
                    match self.peek() {
                        Some(')') => {
                            self.i += 1;
                            self.flags |= on;
                            self.flags &= !off;
                            return Ok(Node::Empty);
                        }
                        Some(':') => {
                            self.i += 1;
                            let saved = self.flags;
                            self.flags = (self.flags | on) & !off;
                            let inner = self.parse_alt()?;
                            self.flags = saved;
                            if self.peek() != Some(')') {
                                return Err(re_error("missing ), unterminated subpattern", Some(open)));
                            }
                            self.i += 1;
                            // scoped flags are approximated by the global flags
                            return Ok(Node::Group(Box::new(inner), None));
                        }
                        _ => return Err(re_error("unknown flag", Some(self.i))),
                    }
                }
                _ => return Err(re_error("unknown extension", Some(open + 1))),
            }
        }
        let gi = if capture {
            self.ngroups += 1;
            let g = self.ngroups;
            if let Some(n) = name {
                if self.names.iter().any(|(k, _)| *k == n) {
                    return Err(re_error(&format!("redefinition of group name '{}' as group {}; was group {}", n, g, self.names.iter().find(|(k, _)| *k == n).unwrap().1), Some(open + 4)));
                }
                self.names.push((n, g));
            }
            Some(g)
        } else {
            None
        };
        let inner = self.parse_alt()?;
        if self.peek() != Some(')') {
            return Err(re_error("missing ), unterminated subpattern", Some(open)));
        }
        self.i += 1;
        if let Some((ahead, neg)) = look {
            let width = if ahead {
                0
            } else {
                match fixed_width(&inner) {
                    Some(w) => w,
                    None => return Err(re_error("look-behind requires fixed-width pattern", None)),
                }
            };
            return Ok(Node::Look { node: Box::new(inner), ahead, neg, width });
        }
        if atomic {
            return Ok(Node::Atomic(Box::new(inner)));
        }
        Ok(Node::Group(Box::new(inner), gi))
    }

    fn class_escape(&mut self) -> PyResult<ClassItem> {
        // after backslash inside [...]
        let c = match self.peek() {
            Some(c) => c,
            None => return Err(re_error("bad escape (end of pattern)", Some(self.i - 1))),
        };
        self.i += 1;
        Ok(match c {
            'd' => ClassItem::Digit(false),
            'D' => ClassItem::Digit(true),
            'w' => ClassItem::Word(false),
            'W' => ClassItem::Word(true),
            's' => ClassItem::Space(false),
            'S' => ClassItem::Space(true),
            _ => {
                self.i -= 1;
                let ch = self.simple_escape_char(true)?;
                ClassItem::Range(ch, ch)
            }
        })
    }

    /// escapes that denote one character (\n, \x41, \., ...); `self.i` at the char after '\'
    fn simple_escape_char(&mut self, in_class: bool) -> PyResult<char> {
        let c = self.peek().unwrap();
        self.i += 1;
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\u{c}',
            'v' => '\u{b}',
            'a' => '\u{7}',
            'b' if in_class => '\u{8}',
            '0' => {
                let mut v = 0u32;
                let mut k = 0;
                while k < 2 {
                    match self.peek() {
                        Some(d) if ('0'..='7').contains(&d) => {
                            v = v * 8 + d.to_digit(8).unwrap();
                            self.i += 1;
                            k += 1;
                        }
                        _ => break,
                    }
                }
                std::char::from_u32(v).unwrap_or('\0')
            }
            'x' | 'u' | 'U' => {
                let n = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut h = String::new();
                for _ in 0..n {
                    match self.peek() {
                        Some(d) if d.is_ascii_hexdigit() => {
                            h.push(d);
                            self.i += 1;
                        }
                        _ => return Err(re_error(&format!("incomplete escape \\{}{}", c, h), Some(self.i - 2 - h.len()))),
                    }
                }
                std::char::from_u32(u32::from_str_radix(&h, 16).unwrap_or(0)).unwrap_or('\u{fffd}')
            }
            c if c.is_ascii_alphanumeric() => {
                return Err(re_error(&format!("bad escape \\{}", c), Some(self.i - 2)));
            }
            c => c,
        })
    }

    fn parse_class(&mut self) -> PyResult<ClassSet> {
        let start = self.i - 1;
        let mut set = ClassSet { neg: false, items: Vec::new() };
        if self.peek() == Some('^') {
            self.i += 1;
            set.neg = true;
        }
        let mut first = true;
        loop {
            let c = match self.peek() {
                Some(c) => c,
                None => return Err(re_error("unterminated character set", Some(start))),
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            let item = if c == '\\' {
                self.i += 1;
                self.class_escape()?
            } else {
                self.i += 1;
                ClassItem::Range(c, c)
            };
            // range?
            if let ClassItem::Range(lo, _) = item {
                if self.peek() == Some('-') && self.p.get(self.i + 1).map(|c| *c != ']').unwrap_or(false) {
                    self.i += 1;
                    let hc = self.peek().unwrap();
                    let hi = if hc == '\\' {
                        self.i += 1;
                        match self.class_escape()? {
                            ClassItem::Range(h, _) => h,
                            _ => return Err(re_error("bad character range", Some(self.i - 3))),
                        }
                    } else {
                        self.i += 1;
                        hc
                    };
                    if hi < lo {
                        return Err(re_error(&format!("bad character range {}-{}", lo, hi), Some(self.i - 3)));
                    }
                    set.items.push(ClassItem::Range(lo, hi));
                    continue;
                }
            }
            set.items.push(item);
        }
        Ok(set)
    }

    fn parse_escape(&mut self) -> PyResult<Node> {
        let at = self.i;
        self.i += 1;
        let c = match self.peek() {
            Some(c) => c,
            None => return Err(re_error("bad escape (end of pattern)", Some(at))),
        };
        let cls = |item: ClassItem| Node::Class(ClassSet { neg: false, items: vec![item] });
        match c {
            'd' => {
                self.i += 1;
                Ok(cls(ClassItem::Digit(false)))
            }
            'D' => {
                self.i += 1;
                Ok(cls(ClassItem::Digit(true)))
            }
            'w' => {
                self.i += 1;
                Ok(cls(ClassItem::Word(false)))
            }
            'W' => {
                self.i += 1;
                Ok(cls(ClassItem::Word(true)))
            }
            's' => {
                self.i += 1;
                Ok(cls(ClassItem::Space(false)))
            }
            'S' => {
                self.i += 1;
                Ok(cls(ClassItem::Space(true)))
            }
            'b' => {
                self.i += 1;
                Ok(Node::WordB(true))
            }
            'B' => {
                self.i += 1;
                Ok(Node::WordB(false))
            }
            'A' => {
                self.i += 1;
                Ok(Node::StrStart)
            }
            'Z' => {
                self.i += 1;
                Ok(Node::StrEnd)
            }
            '1'..='9' => {
                let mut n = String::new();
                while let Some(d) = self.peek() {
                    if d.is_ascii_digit() && n.len() < 2 {
                        n.push(d);
                        self.i += 1;
                    } else {
                        break;
                    }
                }
                let g: usize = n.parse().unwrap_or(0);
                if g > self.ngroups {
                    return Err(re_error(&format!("invalid group reference {}", g), Some(at + 1)));
                }
                Ok(Node::Backref(g))
            }
            _ => Ok(Node::Char(self.simple_escape_char(false)?)),
        }
    }
}

fn fixed_width(n: &Node) -> Option<usize> {
    match n {
        Node::Empty | Node::Start | Node::End | Node::StrStart | Node::StrEnd | Node::WordB(_) | Node::Look { .. } => Some(0),
        Node::Char(_) | Node::Any | Node::Class(_) => Some(1),
        Node::Group(g, _) | Node::Atomic(g) => fixed_width(g),
        Node::Concat(v) => {
            let mut t = 0;
            for x in v {
                t += fixed_width(x)?;
            }
            Some(t)
        }
        Node::Alt(v) => {
            let w = fixed_width(&v[0])?;
            for x in v.iter().skip(1) {
                if fixed_width(x)? != w {
                    return None;
                }
            }
            Some(w)
        }
        Node::Repeat { node, min, max, .. } => {
            if Some(*min) == *max {
                Some(fixed_width(node)? * min)
            } else {
                None
            }
        }
        Node::Backref(_) => None,
    }
}

fn compile_regex(pat: &str, flags: u32, pattern_value: Value) -> PyResult<Regex> {
    let chars: Vec<char> = pat.chars().collect();
    let mut p = Parser { p: &chars, i: 0, flags, ngroups: 0, names: Vec::new() };
    let node = p.parse_alt()?;
    if p.i < chars.len() {
        if chars[p.i] == ')' {
            return Err(re_error("unbalanced parenthesis", Some(p.i)));
        }
        return Err(re_error("unexpected end of pattern", Some(p.i)));
    }
    Ok(Regex { node, flags: p.flags, ngroups: p.ngroups, names: p.names, pattern: pattern_value })
}

// ---------------------------------------------------------------------------------------------
// Matcher
// ---------------------------------------------------------------------------------------------

type Caps = Vec<Option<(usize, usize)>>;

struct Ctx<'a> {
    t: &'a [char],
    end: usize,
    flags: u32,
    steps: u64,
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || c == '_'
    }
}

fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

impl<'a> Ctx<'a> {
    fn class_has(&self, set: &ClassSet, c: char) -> bool {
        let ascii = self.flags & A != 0;
        let icase = self.flags & I != 0;
        let test = |c: char| -> bool {
            set.items.iter().any(|it| match it {
                ClassItem::Range(lo, hi) => *lo <= c && c <= *hi,
                ClassItem::Digit(neg) => {
                    let d = if ascii { c.is_ascii_digit() } else { crate::methods_str::is_decimal_char(c) };
                    d != *neg
                }
                ClassItem::Word(neg) => is_word(c, ascii) != *neg,
                ClassItem::Space(neg) => {
                    let s = if ascii { matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') } else { crate::methods_str::is_py_space(c) };
                    s != *neg
                }
            })
        };
        let mut r = test(c);
        if !r && icase {
            let lc = fold(c);
            let uc = c.to_uppercase().next().unwrap_or(c);
            r = test(lc) || test(uc);
        }
        r != set.neg
    }

    /// single-character matcher test at i (Char/Any/Class)
    fn one(&self, n: &Node, i: usize) -> bool {
        if i >= self.end {
            return false;
        }
        let c = self.t[i];
        match n {
            Node::Char(x) => {
                if self.flags & I != 0 {
                    fold(*x) == fold(c)
                } else {
                    *x == c
                }
            }
            Node::Any => self.flags & S != 0 || c != '\n',
            Node::Class(set) => self.class_has(set, c),
            _ => false,
        }
    }

    fn m(&mut self, n: &Node, i: usize, caps: &mut Caps, k: &mut dyn FnMut(&mut Ctx, usize, &mut Caps) -> bool) -> bool {
        self.steps += 1;
        match n {
            Node::Empty => k(self, i, caps),
            Node::Char(_) | Node::Any | Node::Class(_) => {
                if self.one(n, i) {
                    k(self, i + 1, caps)
                } else {
                    false
                }
            }
            Node::Start => {
                if i == 0 || (self.flags & M != 0 && self.t[i - 1] == '\n') {
                    k(self, i, caps)
                } else {
                    false
                }
            }
            Node::End => {
                let ok = i == self.t.len()
                    || (i + 1 == self.t.len() && self.t[i] == '\n')
                    || (self.flags & M != 0 && i < self.t.len() && self.t[i] == '\n');
                if ok {
                    k(self, i, caps)
                } else {
                    false
                }
            }
            Node::StrStart => {
                if i == 0 {
                    k(self, i, caps)
                } else {
                    false
                }
            }
            Node::StrEnd => {
                if i == self.t.len() {
                    k(self, i, caps)
                } else {
                    false
                }
            }
            Node::WordB(want) => {
                let ascii = self.flags & A != 0;
                let before = i > 0 && is_word(self.t[i - 1], ascii);
                let after = i < self.t.len() && is_word(self.t[i], ascii);
                if (before != after) == *want {
                    k(self, i, caps)
                } else {
                    false
                }
            }
            Node::Group(inner, None) => self.m(inner, i, caps, k),
            Node::Group(inner, Some(g)) => {
                let g = *g;
                let start = i;
                self.m(inner, i, caps, &mut |cx: &mut Ctx, j: usize, caps: &mut Caps| {
                    let saved = caps[g];
                    caps[g] = Some((start, j));
                    if k(cx, j, caps) {
                        return true;
                    }
                    caps[g] = saved;
                    false
                })
            }
            Node::Concat(items) => self.seq(items, 0, i, caps, k),
            Node::Alt(alts) => {
                for a in alts {
                    if self.m(a, i, caps, k) {
                        return true;
                    }
                }
                false
            }
            Node::Repeat { node, min, max, greedy, possessive } => {
                let simple = matches!(**node, Node::Char(_) | Node::Any | Node::Class(_));
                if simple {
                    let maxc = max.unwrap_or(usize::MAX);
                    let mut j = i;
                    let mut cnt = 0;
                    while cnt < maxc && self.one(node, j) {
                        j += 1;
                        cnt += 1;
                    }
                    if cnt < *min {
                        return false;
                    }
                    if *possessive {
                        return k(self, j, caps);
                    }
                    if *greedy {
                        let mut e = j;
                        loop {
                            if k(self, e, caps) {
                                return true;
                            }
                            if e == i + *min {
                                return false;
                            }
                            e -= 1;
                        }
                    } else {
                        for e in (i + *min)..=j {
                            if k(self, e, caps) {
                                return true;
                            }
                        }
                        false
                    }
                } else if *possessive {
                    // match greedily without backtracking into the repetition
                    let mut pos = i;
                    let mut cnt = 0;
                    loop {
                        if max.map(|m| cnt >= m).unwrap_or(false) {
                            break;
                        }
                        let mut got: Option<usize> = None;
                        let mut c2 = caps.clone();
                        if self.m(node, pos, &mut c2, &mut |_, j, _| {
                            got = Some(j);
                            true
                        }) {
                            let j = got.unwrap();
                            if j == pos {
                                break;
                            }
                            *caps = c2;
                            pos = j;
                            cnt += 1;
                        } else {
                            break;
                        }
                    }
                    if cnt < *min {
                        return false;
                    }
                    k(self, pos, caps)
                } else {
                    self.rep(node, *min, *max, *greedy, 0, i, usize::MAX, caps, k)
                }
            }
            Node::Backref(g) => {
                let (s, e) = match caps.get(*g).copied().flatten() {
                    Some(x) => x,
                    None => return false,
                };
                let len = e - s;
                if i + len > self.end {
                    return false;
                }
                for d in 0..len {
                    let a = self.t[s + d];
                    let b = self.t[i + d];
                    let eq = if self.flags & I != 0 { fold(a) == fold(b) } else { a == b };
                    if !eq {
                        return false;
                    }
                }
                k(self, i + len, caps)
            }
            Node::Look { node, ahead, neg, width } => {
                let start = if *ahead {
                    i
                } else {
                    if i < *width {
                        return if *neg { k(self, i, caps) } else { false };
                    }
                    i - *width
                };
                let mut c2 = caps.clone();
                let target = i;
                let ahead = *ahead;
                let matched = self.m(node, start, &mut c2, &mut |_, j, _| ahead || j == target);
                if matched != *neg {
                    if matched && !*neg {
                        *caps = c2;
                    }
                    k(self, i, caps)
                } else {
                    false
                }
            }
            Node::Atomic(inner) => {
                let mut got: Option<usize> = None;
                let mut c2 = caps.clone();
                if self.m(inner, i, &mut c2, &mut |_, j, _| {
                    got = Some(j);
                    true
                }) {
                    let saved = caps.clone();
                    *caps = c2;
                    if k(self, got.unwrap(), caps) {
                        return true;
                    }
                    *caps = saved;
                }
                false
            }
        }
    }

    fn seq(&mut self, items: &[Node], idx: usize, i: usize, caps: &mut Caps, k: &mut dyn FnMut(&mut Ctx, usize, &mut Caps) -> bool) -> bool {
        if idx == items.len() {
            return k(self, i, caps);
        }
        // fast path: consecutive literal chars
        if let Node::Char(_) = items[idx] {
            if self.one(&items[idx], i) {
                return self.seq(items, idx + 1, i + 1, caps, k);
            }
            return false;
        }
        self.m(&items[idx], i, caps, &mut |cx: &mut Ctx, j: usize, caps: &mut Caps| cx.seq(items, idx + 1, j, caps, k))
    }

    #[allow(clippy::too_many_arguments)]
    fn rep(
        &mut self,
        node: &Node,
        min: usize,
        max: Option<usize>,
        greedy: bool,
        count: usize,
        i: usize,
        last: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Ctx, usize, &mut Caps) -> bool,
    ) -> bool {
        let can_more = max.map(|m| count < m).unwrap_or(true);
        if greedy {
            if can_more && !(count >= min && i == last) {
                if self.m(node, i, caps, &mut |cx: &mut Ctx, j: usize, caps: &mut Caps| {
                    if j == i && count >= min {
                        return false;
                    }
                    cx.rep(node, min, max, greedy, count + 1, j, i, caps, k)
                }) {
                    return true;
                }
            }
            if count >= min {
                return k(self, i, caps);
            }
            false
        } else {
            if count >= min && k(self, i, caps) {
                return true;
            }
            if can_more {
                return self.m(node, i, caps, &mut |cx: &mut Ctx, j: usize, caps: &mut Caps| {
                    if j == i && count >= min {
                        return false;
                    }
                    cx.rep(node, min, max, greedy, count + 1, j, i, caps, k)
                });
            }
            false
        }
    }
}

/// Try to match at exactly `start`; returns the captures (group 0 = whole match).
fn match_at(re: &Regex, t: &[char], start: usize, end: usize, full: bool, must_advance: bool) -> Option<Caps> {
    let mut ctx = Ctx { t: &t[..end.min(t.len())], end: end.min(t.len()), flags: re.flags, steps: 0 };
    let mut caps: Caps = vec![None; re.ngroups + 1];
    let mut result: Option<Caps> = None;
    let tlen = ctx.t.len();
    let ok = ctx.m(&re.node, start, &mut caps, &mut |_cx: &mut Ctx, j: usize, caps: &mut Caps| {
        if full && j != tlen {
            return false;
        }
        if must_advance && j == start {
            return false;
        }
        let mut c = caps.clone();
        c[0] = Some((start, j));
        result = Some(c);
        true
    });
    if ok {
        result
    } else {
        None
    }
}

fn search(re: &Regex, t: &[char], pos: usize, end: usize, must_advance_at: Option<usize>) -> Option<Caps> {
    let end = end.min(t.len());
    let mut s = pos;
    // quick reject on a literal first char
    let first_lit = match &re.node {
        Node::Char(c) if re.flags & I == 0 => Some(*c),
        Node::Concat(v) => match v.first() {
            Some(Node::Char(c)) if re.flags & I == 0 => Some(*c),
            _ => None,
        },
        _ => None,
    };
    while s <= end {
        if let Some(c) = first_lit {
            while s < end && t[s] != c {
                s += 1;
            }
            if s >= end {
                return None;
            }
        }
        let ma = must_advance_at == Some(s);
        if let Some(c) = match_at(re, t, s, end, false, ma) {
            return Some(c);
        }
        if let Node::Start = re.node {
            if re.flags & M == 0 {
                return None;
            }
        }
        s += 1;
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Python objects
// ---------------------------------------------------------------------------------------------

fn cached_class(name: &'static str, build: fn() -> Rc<Class>) -> Rc<Class> {
    if let Some(c) = CLASSES.with(|cs| cs.borrow().iter().find(|(n, _)| *n == name).map(|(_, c)| c.clone())) {
        return c;
    }
    let c = build();
    CLASSES.with(|cs| cs.borrow_mut().push((name, c.clone())));
    c
}

fn get_regex(v: &Value) -> PyResult<Rc<Regex>> {
    match payload(v) {
        Some(Value::Int(id)) => Ok(REGEXES.with(|r| r.borrow()[id as usize].clone())),
        _ => Err(type_error("expected a compiled pattern")),
    }
}

fn flags_of(v: Option<&Value>) -> PyResult<u32> {
    match v {
        None | Some(Value::None) => Ok(0),
        Some(x) => Ok(as_index(x)? as u32),
    }
}

/// re.compile with a cache of compiled patterns.
fn compile_value(pattern: &Value, flags: u32) -> PyResult<Value> {
    if let Value::Instance(i) = pattern {
        if crate::classes::class_is(&i.class, &pattern_class()) {
            if flags != 0 {
                return Err(value_error("cannot process flags argument with a compiled pattern"));
            }
            return Ok(pattern.clone());
        }
    }
    let pat = match pattern {
        Value::Str(s) => s.to_string(),
        other => {
            return Err(type_error(&format!(
                "first argument must be string or compiled pattern, not {}",
                type_name(other)
            )))
        }
    };
    let key = (pat.clone(), flags);
    let id = match CACHE.with(|c| c.borrow().get(&key).copied()) {
        Some(id) => id,
        None => {
            let re = compile_regex(&pat, flags, pattern.clone())?;
            let id = REGEXES.with(|r| {
                let mut r = r.borrow_mut();
                r.push(Rc::new(re));
                r.len() - 1
            });
            CACHE.with(|c| c.borrow_mut().insert(key, id));
            id
        }
    };
    Ok(new_instance_with(&pattern_class(), Value::Int(id as i64)))
}

fn text_of(v: &Value) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(&format!("expected string or bytes-like object, got '{}'", type_name(other)))),
    }
}

/// A Match object: payload = (spans tuple, string, pattern, pos, endpos)
fn make_match(pattern: &Value, s: &Rc<str>, caps: &Caps, pos: usize, endpos: usize) -> Value {
    let mut spans = Vec::with_capacity(caps.len() * 2);
    for c in caps {
        match c {
            Some((a, b)) => {
                spans.push(Value::Int(*a as i64));
                spans.push(Value::Int(*b as i64));
            }
            None => {
                spans.push(Value::Int(-1));
                spans.push(Value::Int(-1));
            }
        }
    }
    new_instance_with(
        &match_class(),
        tuple(vec![tuple(spans), Value::Str(s.clone()), pattern.clone(), Value::Int(pos as i64), Value::Int(endpos as i64)]),
    )
}

struct MatchData {
    spans: Vec<Option<(usize, usize)>>,
    s: Rc<str>,
    pattern: Value,
    pos: i64,
    endpos: i64,
}

fn match_data(v: &Value) -> PyResult<MatchData> {
    match payload(v) {
        Some(Value::Tuple(t)) if t.len() == 5 => {
            let spans_v = match &t[0] {
                Value::Tuple(x) => x.clone(),
                _ => Rc::new(vec![]),
            };
            let mut spans = Vec::new();
            for pair in spans_v.chunks(2) {
                match (&pair[0], &pair[1]) {
                    (Value::Int(a), Value::Int(b)) if *a >= 0 => spans.push(Some((*a as usize, *b as usize))),
                    _ => spans.push(None),
                }
            }
            let s = match &t[1] {
                Value::Str(s) => s.clone(),
                _ => Rc::from(""),
            };
            let pos = if let Value::Int(p) = t[3] { p } else { 0 };
            let endpos = if let Value::Int(p) = t[4] { p } else { 0 };
            Ok(MatchData { spans, s, pattern: t[2].clone(), pos, endpos })
        }
        _ => Err(type_error("expected a match object")),
    }
}

fn substr(s: &str, a: usize, b: usize) -> Value {
    if s.is_ascii() {
        return Value::from(&s[a..b]);
    }
    let ba = crate::methods_str::byte_of_char(s, a);
    let bb = crate::methods_str::byte_of_char(s, b);
    Value::from(&s[ba..bb])
}

fn group_index(md: &MatchData, g: &Value) -> PyResult<usize> {
    match g {
        Value::Int(i) if *i >= 0 && (*i as usize) < md.spans.len() => Ok(*i as usize),
        Value::Bool(b) => Ok(*b as usize),
        Value::Str(name) => {
            let re = get_regex(&md.pattern)?;
            match re.names.iter().find(|(n, _)| **n == **name) {
                Some((_, i)) => Ok(*i),
                None => Err(index_error("no such group")),
            }
        }
        _ => Err(index_error("no such group")),
    }
}

fn group_value(md: &MatchData, i: usize, default: &Value) -> Value {
    match md.spans.get(i).copied().flatten() {
        Some((a, b)) => substr(&md.s, a, b),
        None => default.clone(),
    }
}

fn expand_template(md: &MatchData, template: &str) -> PyResult<String> {
    let re = get_regex(&md.pattern)?;
    let chars: Vec<char> = template.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(re_error("bad escape (end of pattern)", Some(i - 1)));
        }
        let e = chars[i];
        match e {
            'g' => {
                if i + 1 >= chars.len() || chars[i + 1] != '<' {
                    return Err(re_error("missing <", Some(i + 1)));
                }
                let mut j = i + 2;
                let mut name = String::new();
                while j < chars.len() && chars[j] != '>' {
                    name.push(chars[j]);
                    j += 1;
                }
                if j >= chars.len() {
                    return Err(re_error("missing >, unterminated name", Some(i + 2)));
                }
                let idx = if name.chars().all(|c| c.is_ascii_digit()) && !name.is_empty() {
                    let n: usize = name.parse().unwrap_or(usize::MAX);
                    if n > re.ngroups {
                        return Err(re_error(&format!("invalid group reference {}", n), Some(i + 2)));
                    }
                    n
                } else {
                    match re.names.iter().find(|(n, _)| *n == name) {
                        Some((_, g)) => *g,
                        None => return Err(index_error(&format!("unknown group name '{}'", name))),
                    }
                };
                if let Value::Str(s) = group_value(md, idx, &Value::from("")) {
                    out.push_str(&s);
                }
                i = j + 1;
            }
            '0'..='9' => {
                let mut n = String::new();
                let mut j = i;
                while j < chars.len() && chars[j].is_ascii_digit() && n.len() < 2 {
                    n.push(chars[j]);
                    j += 1;
                }
                if e == '0' {
                    // octal escape
                    let v = u32::from_str_radix(&n, 8).unwrap_or(0);
                    out.push(std::char::from_u32(v).unwrap_or('\0'));
                } else {
                    let g: usize = n.parse().unwrap_or(0);
                    if g > re.ngroups {
                        return Err(re_error(&format!("invalid group reference {}", g), Some(i)));
                    }
                    if let Value::Str(s) = group_value(md, g, &Value::from("")) {
                        out.push_str(&s);
                    }
                }
                i = j;
            }
            'n' => {
                out.push('\n');
                i += 1;
            }
            't' => {
                out.push('\t');
                i += 1;
            }
            'r' => {
                out.push('\r');
                i += 1;
            }
            'f' => {
                out.push('\u{c}');
                i += 1;
            }
            'v' => {
                out.push('\u{b}');
                i += 1;
            }
            'a' => {
                out.push('\u{7}');
                i += 1;
            }
            'b' => {
                out.push('\u{8}');
                i += 1;
            }
            '\\' => {
                out.push('\\');
                i += 1;
            }
            c if c.is_ascii_alphabetic() => {
                return Err(re_error(&format!("bad escape \\{}", c), Some(i - 1)));
            }
            c => {
                out.push('\\');
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

fn m<F>(cls: &str, name: &str, f: F) -> Value
where
    F: Fn(Vec<Value>, Vec<(String, Value)>) -> PyResult<Value> + 'static,
{
    native_func(&format!("{}.{}", cls, name), "re", f)
}

fn match_class() -> Rc<Class> {
    cached_class("Match", build_match_class)
}

fn build_match_class() -> Rc<Class> {
    const C: &str = "Match";
    let attrs: Vec<(&str, Value)> = vec![
        (
            "group",
            m(C, "group", |pos, _kw| {
                let md = match_data(&pos[0])?;
                if pos.len() <= 1 {
                    return Ok(group_value(&md, 0, &Value::None));
                }
                if pos.len() == 2 {
                    let g = group_index(&md, &pos[1])?;
                    return Ok(group_value(&md, g, &Value::None));
                }
                let mut out = Vec::new();
                for g in pos[1..].iter() {
                    let gi = group_index(&md, g)?;
                    out.push(group_value(&md, gi, &Value::None));
                }
                Ok(tuple(out))
            }),
        ),
        (
            "__getitem__",
            m(C, "__getitem__", |pos, _kw| {
                let md = match_data(&pos[0])?;
                let g = group_index(&md, pos.get(1).unwrap_or(&Value::Int(0)))?;
                Ok(group_value(&md, g, &Value::None))
            }),
        ),
        (
            "groups",
            m(C, "groups", |pos, kw| {
                let md = match_data(&pos[0])?;
                let a = bind_args("groups", pos[1..].to_vec(), kw, &["default"], 0)?;
                let d = a[0].clone().unwrap_or(Value::None);
                Ok(tuple((1..md.spans.len()).map(|i| group_value(&md, i, &d)).collect()))
            }),
        ),
        (
            "groupdict",
            m(C, "groupdict", |pos, kw| {
                let md = match_data(&pos[0])?;
                let a = bind_args("groupdict", pos[1..].to_vec(), kw, &["default"], 0)?;
                let dflt = a[0].clone().unwrap_or(Value::None);
                let re = get_regex(&md.pattern)?;
                let mut d = Dict::new();
                for (n, g) in re.names.iter() {
                    d.set_str(n, group_value(&md, *g, &dflt));
                }
                Ok(dict_value(d))
            }),
        ),
        (
            "start",
            m(C, "start", |pos, _kw| {
                let md = match_data(&pos[0])?;
                let g = group_index(&md, pos.get(1).unwrap_or(&Value::Int(0)))?;
                Ok(Value::Int(md.spans[g].map(|x| x.0 as i64).unwrap_or(-1)))
            }),
        ),
        (
            "end",
            m(C, "end", |pos, _kw| {
                let md = match_data(&pos[0])?;
                let g = group_index(&md, pos.get(1).unwrap_or(&Value::Int(0)))?;
                Ok(Value::Int(md.spans[g].map(|x| x.1 as i64).unwrap_or(-1)))
            }),
        ),
        (
            "span",
            m(C, "span", |pos, _kw| {
                let md = match_data(&pos[0])?;
                let g = group_index(&md, pos.get(1).unwrap_or(&Value::Int(0)))?;
                let (a, b) = md.spans[g].map(|x| (x.0 as i64, x.1 as i64)).unwrap_or((-1, -1));
                Ok(tuple(vec![Value::Int(a), Value::Int(b)]))
            }),
        ),
        (
            "expand",
            m(C, "expand", |pos, _kw| {
                let md = match_data(&pos[0])?;
                let t = text_of(pos.get(1).unwrap_or(&Value::from("")))?;
                Ok(Value::from(expand_template(&md, &t)?))
            }),
        ),
        (
            "__repr__",
            m(C, "__repr__", |pos, _kw| {
                let md = match_data(&pos[0])?;
                let (a, b) = md.spans[0].unwrap_or((0, 0));
                Ok(Value::from(format!(
                    "<re.Match object; span=({}, {}), match={}>",
                    a,
                    b,
                    repr(&substr(&md.s, a, b))?
                )))
            }),
        ),
        (
            "__bool__",
            m(C, "__bool__", |_pos, _kw| Ok(Value::Bool(true))),
        ),
        ("string", prop(C, "string", |md| Ok(Value::Str(md.s.clone())))),
        ("re", prop(C, "re", |md| Ok(md.pattern.clone()))),
        ("pos", prop(C, "pos", |md| Ok(Value::Int(md.pos)))),
        ("endpos", prop(C, "endpos", |md| Ok(Value::Int(md.endpos)))),
        (
            "lastindex",
            prop(C, "lastindex", |md| {
                // the last group that closed (highest end, then outermost)
                let mut best: Option<(usize, usize)> = None; // (end, idx)
                for (i, sp) in md.spans.iter().enumerate().skip(1) {
                    if let Some((_, e)) = sp {
                        match best {
                            Some((be, _)) if *e < be => {}
                            Some((be, bi)) if *e == be => {
                                let _ = bi;
                            }
                            _ => best = Some((*e, i)),
                        }
                    }
                }
                Ok(best.map(|b| Value::Int(b.1 as i64)).unwrap_or(Value::None))
            }),
        ),
        (
            "lastgroup",
            prop(C, "lastgroup", |md| {
                let re = get_regex(&md.pattern)?;
                let mut best: Option<(usize, usize)> = None;
                for (i, sp) in md.spans.iter().enumerate().skip(1) {
                    if let Some((_, e)) = sp {
                        if best.map(|b| *e > b.0).unwrap_or(true) {
                            best = Some((*e, i));
                        }
                    }
                }
                if let Some((_, i)) = best {
                    if let Some((n, _)) = re.names.iter().find(|(_, g)| *g == i) {
                        return Ok(Value::from(n.as_str()));
                    }
                }
                Ok(Value::None)
            }),
        ),
    ];
    new_native_class("Match", "re", vec![], attrs)
}

fn prop(cls: &str, name: &str, f: fn(&MatchData) -> PyResult<Value>) -> Value {
    Value::Property(Rc::new((
        m(cls, name, move |pos, _kw| {
            let md = match_data(&pos[0])?;
            f(&md)
        }),
        Value::None,
        Value::None,
    )))
}

fn pattern_class() -> Rc<Class> {
    cached_class("Pattern", build_pattern_class)
}

fn pos_args(t: &[char], pos: Option<&Value>, endpos: Option<&Value>) -> PyResult<(usize, usize)> {
    let n = t.len() as i64;
    let clamp = |v: i64| -> usize {
        if v < 0 {
            0
        } else if v > n {
            n as usize
        } else {
            v as usize
        }
    };
    let p = match pos {
        Some(v) if !matches!(v, Value::None) => clamp(as_index(v)?),
        _ => 0,
    };
    let e = match endpos {
        Some(v) if !matches!(v, Value::None) => clamp(as_index(v)?),
        _ => n as usize,
    };
    Ok((p, e))
}

/// All non-overlapping matches (Python 3.7+ empty-match rules).
fn all_matches(re: &Regex, t: &[char], pos: usize, end: usize, limit: usize) -> Vec<Caps> {
    let mut out = Vec::new();
    let mut i = pos;
    let mut must_advance = false;
    while i <= end && (limit == 0 || out.len() < limit) {
        let ma = if must_advance { Some(i) } else { None };
        match search(re, t, i, end, ma) {
            Some(c) => {
                let (s, e) = c[0].unwrap();
                must_advance = e == s;
                i = e;
                out.push(c);
            }
            None => break,
        }
    }
    out
}

fn do_search(pat: &Value, s: &Value, pos: Option<&Value>, endpos: Option<&Value>, mode: u8) -> PyResult<Value> {
    let re = get_regex(pat)?;
    let st = text_of(s)?;
    let t: Vec<char> = st.chars().collect();
    let (p, e) = pos_args(&t, pos, endpos)?;
    let caps = match mode {
        0 => search(&re, &t, p, e, None),
        1 => match_at(&re, &t, p, e, false, false),
        _ => match_at(&re, &t, p, e, true, false),
    };
    Ok(match caps {
        Some(c) => make_match(pat, &st, &c, p, e),
        None => Value::None,
    })
}

fn findall(pat: &Value, s: &Value, pos: Option<&Value>, endpos: Option<&Value>) -> PyResult<Value> {
    let re = get_regex(pat)?;
    let st = text_of(s)?;
    let t: Vec<char> = st.chars().collect();
    let (p, e) = pos_args(&t, pos, endpos)?;
    let ms = all_matches(&re, &t, p, e, 0);
    let sub = |a: Option<(usize, usize)>| -> Value {
        match a {
            Some((x, y)) => Value::from(t[x..y].iter().collect::<String>()),
            None => Value::from(""),
        }
    };
    let out: Vec<Value> = ms
        .iter()
        .map(|c| match re.ngroups {
            0 => sub(c[0]),
            1 => sub(c[1]),
            _ => tuple((1..=re.ngroups).map(|g| sub(c[g])).collect()),
        })
        .collect();
    Ok(list(out))
}

fn finditer(pat: &Value, s: &Value, pos: Option<&Value>, endpos: Option<&Value>) -> PyResult<Value> {
    let re = get_regex(pat)?;
    let st = text_of(s)?;
    let t: Vec<char> = st.chars().collect();
    let (p, e) = pos_args(&t, pos, endpos)?;
    let ms = all_matches(&re, &t, p, e, 0);
    let items: Vec<Value> = ms.iter().map(|c| make_match(pat, &st, c, p, e)).collect();
    Ok(Value::Iter(Rc::new(RefCell::new(PyIter::Items(items.into_iter())))))
}

fn subn(pat: &Value, repl: &Value, s: &Value, count: i64) -> PyResult<(String, i64)> {
    let re = get_regex(pat)?;
    let st = text_of(s)?;
    let t: Vec<char> = st.chars().collect();
    let ms = all_matches(&re, &t, 0, t.len(), count.max(0) as usize);
    let mut out = String::with_capacity(st.len());
    let mut last = 0usize;
    let literal = match repl {
        Value::Str(r) if !r.contains('\\') => Some(r.clone()),
        _ => None,
    };
    for c in ms.iter() {
        let (a, b) = c[0].unwrap();
        out.extend(t[last..a].iter());
        match (&literal, repl) {
            (Some(r), _) => out.push_str(r),
            (None, Value::Str(r)) => {
                let md = match_data(&make_match(pat, &st, c, 0, t.len()))?;
                out.push_str(&expand_template(&md, r)?);
            }
            (None, f) => {
                let mv = make_match(pat, &st, c, 0, t.len());
                let r = call(f, vec![mv])?;
                match r {
                    Value::Str(x) => out.push_str(&x),
                    other => {
                        return Err(type_error(&format!(
                            "expected str instance, {} found",
                            type_name(&other)
                        )))
                    }
                }
            }
        }
        last = b;
    }
    out.extend(t[last..].iter());
    Ok((out, ms.len() as i64))
}

fn split(pat: &Value, s: &Value, maxsplit: i64) -> PyResult<Value> {
    let re = get_regex(pat)?;
    let st = text_of(s)?;
    let t: Vec<char> = st.chars().collect();
    let ms = all_matches(&re, &t, 0, t.len(), maxsplit.max(0) as usize);
    let mut out = Vec::new();
    let mut last = 0usize;
    for c in ms.iter() {
        let (a, b) = c[0].unwrap();
        out.push(Value::from(t[last..a].iter().collect::<String>()));
        for g in 1..=re.ngroups {
            out.push(match c[g] {
                Some((x, y)) => Value::from(t[x..y].iter().collect::<String>()),
                None => Value::None,
            });
        }
        last = b;
    }
    out.push(Value::from(t[last..].iter().collect::<String>()));
    Ok(list(out))
}

fn build_pattern_class() -> Rc<Class> {
    const C: &str = "Pattern";
    let attrs: Vec<(&str, Value)> = vec![
        ("search", m(C, "search", |pos, kw| pat_call(pos, kw, "search"))),
        ("match", m(C, "match", |pos, kw| pat_call(pos, kw, "match"))),
        ("fullmatch", m(C, "fullmatch", |pos, kw| pat_call(pos, kw, "fullmatch"))),
        ("findall", m(C, "findall", |pos, kw| pat_call(pos, kw, "findall"))),
        ("finditer", m(C, "finditer", |pos, kw| pat_call(pos, kw, "finditer"))),
        (
            "sub",
            m(C, "sub", |pos, kw| {
                let a = bind_args("sub", pos[1..].to_vec(), kw, &["repl", "string", "count"], 2)?;
                let count = match &a[2] {
                    Some(v) => as_index(v)?,
                    None => 0,
                };
                Ok(Value::from(subn(&pos[0], a[0].as_ref().unwrap(), a[1].as_ref().unwrap(), count)?.0))
            }),
        ),
        (
            "subn",
            m(C, "subn", |pos, kw| {
                let a = bind_args("subn", pos[1..].to_vec(), kw, &["repl", "string", "count"], 2)?;
                let count = match &a[2] {
                    Some(v) => as_index(v)?,
                    None => 0,
                };
                let (s, n) = subn(&pos[0], a[0].as_ref().unwrap(), a[1].as_ref().unwrap(), count)?;
                Ok(tuple(vec![Value::from(s), Value::Int(n)]))
            }),
        ),
        (
            "split",
            m(C, "split", |pos, kw| {
                let a = bind_args("split", pos[1..].to_vec(), kw, &["string", "maxsplit"], 1)?;
                let ms = match &a[1] {
                    Some(v) => as_index(v)?,
                    None => 0,
                };
                split(&pos[0], a[0].as_ref().unwrap(), ms)
            }),
        ),
        (
            "__repr__",
            m(C, "__repr__", |pos, _kw| {
                let re = get_regex(&pos[0])?;
                let mut flags = Vec::new();
                for (f, n) in [(I, "re.IGNORECASE"), (L, "re.LOCALE"), (M, "re.MULTILINE"), (S, "re.DOTALL"), (X, "re.VERBOSE"), (A, "re.ASCII")] {
                    if re.flags & f != 0 {
                        flags.push(n);
                    }
                }
                let p = repr(&re.pattern)?;
                if flags.is_empty() {
                    Ok(Value::from(format!("re.compile({})", p)))
                } else {
                    Ok(Value::from(format!("re.compile({}, {})", p, flags.join("|"))))
                }
            }),
        ),
        (
            "pattern",
            Value::Property(Rc::new((m(C, "pattern", |pos, _kw| Ok(get_regex(&pos[0])?.pattern.clone())), Value::None, Value::None))),
        ),
        (
            "flags",
            Value::Property(Rc::new((m(C, "flags", |pos, _kw| Ok(Value::Int((get_regex(&pos[0])?.flags | U) as i64))), Value::None, Value::None))),
        ),
        (
            "groups",
            Value::Property(Rc::new((m(C, "groups", |pos, _kw| Ok(Value::Int(get_regex(&pos[0])?.ngroups as i64))), Value::None, Value::None))),
        ),
        (
            "groupindex",
            Value::Property(Rc::new((
                m(C, "groupindex", |pos, _kw| {
                    let re = get_regex(&pos[0])?;
                    let mut d = Dict::new();
                    for (n, g) in re.names.iter() {
                        d.set_str(n, Value::Int(*g as i64));
                    }
                    Ok(dict_value(d))
                }),
                Value::None,
                Value::None,
            ))),
        ),
    ];
    new_native_class("Pattern", "re", vec![], attrs)
}

fn pat_call(pos: Vec<Value>, kw: Vec<(String, Value)>, what: &str) -> PyResult<Value> {
    let a = bind_args(what, pos[1..].to_vec(), kw, &["string", "pos", "endpos"], 1)?;
    let s = a[0].as_ref().unwrap();
    match what {
        "search" => do_search(&pos[0], s, a[1].as_ref(), a[2].as_ref(), 0),
        "match" => do_search(&pos[0], s, a[1].as_ref(), a[2].as_ref(), 1),
        "fullmatch" => do_search(&pos[0], s, a[1].as_ref(), a[2].as_ref(), 2),
        "findall" => findall(&pos[0], s, a[1].as_ref(), a[2].as_ref()),
        _ => finditer(&pos[0], s, a[1].as_ref(), a[2].as_ref()),
    }
}

fn escape_py(s: &str) -> String {
    const SPECIAL: &str = "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c";
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if SPECIAL.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn module() -> PyResult<Value> {
    let mk = |name: &'static str| -> Value {
        plain_fn(name, move |pos, kw| {
            let a = bind_args(name, pos, kw, &["pattern", "string", "flags"], 2)?;
            let p = compile_value(a[0].as_ref().unwrap(), flags_of(a[2].as_ref())?)?;
            let s = a[1].as_ref().unwrap();
            match name {
                "search" => do_search(&p, s, None, None, 0),
                "match" => do_search(&p, s, None, None, 1),
                "fullmatch" => do_search(&p, s, None, None, 2),
                "findall" => findall(&p, s, None, None),
                _ => finditer(&p, s, None, None),
            }
        })
    };
    let mut items: Vec<(&str, Value)> = vec![
        (
            "compile",
            plain_fn("compile", |pos, kw| {
                let a = bind_args("compile", pos, kw, &["pattern", "flags"], 1)?;
                compile_value(a[0].as_ref().unwrap(), flags_of(a[1].as_ref())?)
            }),
        ),
        ("search", mk("search")),
        ("match", mk("match")),
        ("fullmatch", mk("fullmatch")),
        ("findall", mk("findall")),
        ("finditer", mk("finditer")),
        (
            "sub",
            plain_fn("sub", |pos, kw| {
                let a = bind_args("sub", pos, kw, &["pattern", "repl", "string", "count", "flags"], 3)?;
                let p = compile_value(a[0].as_ref().unwrap(), flags_of(a[4].as_ref())?)?;
                let count = match &a[3] {
                    Some(v) => as_index(v)?,
                    None => 0,
                };
                Ok(Value::from(subn(&p, a[1].as_ref().unwrap(), a[2].as_ref().unwrap(), count)?.0))
            }),
        ),
        (
            "subn",
            plain_fn("subn", |pos, kw| {
                let a = bind_args("subn", pos, kw, &["pattern", "repl", "string", "count", "flags"], 3)?;
                let p = compile_value(a[0].as_ref().unwrap(), flags_of(a[4].as_ref())?)?;
                let count = match &a[3] {
                    Some(v) => as_index(v)?,
                    None => 0,
                };
                let (s, n) = subn(&p, a[1].as_ref().unwrap(), a[2].as_ref().unwrap(), count)?;
                Ok(tuple(vec![Value::from(s), Value::Int(n)]))
            }),
        ),
        (
            "split",
            plain_fn("split", |pos, kw| {
                let a = bind_args("split", pos, kw, &["pattern", "string", "maxsplit", "flags"], 2)?;
                let p = compile_value(a[0].as_ref().unwrap(), flags_of(a[3].as_ref())?)?;
                let ms = match &a[2] {
                    Some(v) => as_index(v)?,
                    None => 0,
                };
                split(&p, a[1].as_ref().unwrap(), ms)
            }),
        ),
        (
            "escape",
            plain_fn("escape", |pos, _kw| {
                let s = text_of(pos.get(0).unwrap_or(&Value::from("")))?;
                Ok(Value::from(escape_py(&s)))
            }),
        ),
        ("purge", plain_fn("purge", |_pos, _kw| Ok(Value::None))),
        ("error", error_class()?),
        ("Pattern", Value::Class(pattern_class())),
        ("Match", Value::Class(match_class())),
    ];
    for (n, v) in [
        ("I", I), ("IGNORECASE", I), ("L", L), ("LOCALE", L), ("M", M), ("MULTILINE", M), ("S", S), ("DOTALL", S),
        ("U", U), ("UNICODE", U), ("X", X), ("VERBOSE", X), ("A", A), ("ASCII", A),
    ] {
        items.push((n, Value::Int(v as i64)));
    }
    Ok(new_module("re", items))
}
