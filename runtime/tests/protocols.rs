mod common;
use common::*;

fn ga(o: &Value, n: &str) -> PyResult<Value> { getattr(o, n) }
fn cm(o: &Value, n: &str, a: Vec<Value>) -> PyResult<Value> { call_method(o, n, a, vec![]) }
fn c(f: &Value, a: Vec<Value>) -> PyResult<Value> { call(f, a, vec![]) }
fn bv(n: &str) -> Value { builtin_value(n).unwrap() }
fn cls(name: &str, bases: Vec<Value>, attrs: Vec<(String, Value)>) -> PyResult<Value> { make_class(name, name, "__main__", bases, attrs) }
fn show_err(r: PyResult<Value>) -> PyResult<()> {
    match r {
        Ok(_) => pr(vec![s("no error")]),
        Err(e) => {
            let ev = err_value(&e);
            pr(vec![add(&ga(&b("type", vec![ev.clone()])?, "__name__")?, &s(":"))?, ev])
        }
    }
}
fn show_msg(r: PyResult<Value>) -> PyResult<()> {
    match r {
        Ok(_) => pr(vec![s("no error")]),
        Err(e) => pr(vec![err_value(&e)]),
    }
}
fn kw(v: Vec<(&str, Value)>) -> Vec<(String, Value)> { v.into_iter().map(|(k, v)| (k.to_string(), v)).collect() }

#[test]
fn protocols() {
    let out = run(|| {
        let bb = |x: bool| Value::Bool(x);
        // builtin subclasses
        let mylist = cls("MyList", vec![bv("list")], vec![method("MyList", "total", vec![p("self")], |a| b("sum", vec![a[0].clone()]))])?;
        let ml = c(&mylist, vec![l(vec![i(3), i(1), i(2)])])?;
        cm(&ml, "append", vec![i(10)])?;
        pr(vec![ml.clone(), b("len", vec![ml.clone()])?, cm(&ml, "total", vec![])?, getitem(&ml, &i(0))?, getitem(&ml, &new_slice(i(1), i(3), none()))?,
            b("isinstance", vec![ml.clone(), bv("list")])?, ga(&b("type", vec![ml.clone()])?, "__name__")?, bb(contains(&ml, &i(3))?),
            b("list", vec![ml.clone()])?, add(&ml, &l(vec![i(1)]))?])?;
        let dd_cls = cls("DD", vec![bv("dict")], vec![method("DD", "__missing__", vec![p("self"), p("k")], |a| mul(&a[1], &i(2)))])?;
        let dd = call(&dd_cls, vec![], kw(vec![("a", i(1))]))?;
        pr(vec![getitem(&dd, &s("a"))?, getitem(&dd, &i(21))?, dd.clone(), b("len", vec![dd.clone()])?, bb(contains(&dd, &s("a"))?)])?;
        let money = cls("Money", vec![bv("int")], vec![method("Money", "__repr__", vec![p("self")], |a| {
            Ok(Value::from(format!("${}", format_value(&b("int", vec![a[0].clone()])?, "")?)))
        })])?;
        let m = c(&money, vec![i(5)])?;
        pr(vec![m.clone(), add(&m, &i(1))?, mul(&m, &i(2))?, b("repr", vec![m.clone()])?, b("str", vec![m.clone()])?, bb(eq(&m, &i(5))?),
            bb(eq(&b("hash", vec![m.clone()])?, &b("hash", vec![i(5)])?)?)])?;
        let dyn_cls = cls("Dyn", vec![], vec![
            method("Dyn", "__init__", vec![p("self")], |a| { setattr(&a[0], "real", i(1))?; Ok(none()) }),
            method("Dyn", "__getattr__", vec![p("self"), p("name")], |a| add(&s("dyn:"), &a[1])),
        ])?;
        pr(vec![ga(&c(&dyn_cls, vec![])?, "foo")?, ga(&c(&dyn_cls, vec![])?, "real")?])?;
        let guard = cls("Guard", vec![], vec![method("Guard", "__setattr__", vec![p("self"), p("name"), p("value")], |a| {
            cm(&bv("object"), "__setattr__", vec![a[0].clone(), a[1].clone(), mul(&a[2], &i(2))?])
        })])?;
        let g = c(&guard, vec![])?;
        setattr(&g, "x", i(5))?;
        pr(vec![ga(&g, "x")?])?;
        let adder = cls("Adder", vec![], vec![
            method("Adder", "__init__", vec![p("self"), p("n")], |a| { setattr(&a[0], "n", a[1].clone())?; Ok(none()) }),
            method("Adder", "__call__", vec![p("self"), p("x")], |a| add(&a[1], &ga(&a[0], "n")?)),
            method("Adder", "__bool__", vec![p("self")], |a| Ok(Value::Bool(ne(&ga(&a[0], "n")?, &i(0))?))),
        ])?;
        let add5 = c(&adder, vec![i(5)])?;
        pr(vec![c(&add5, vec![i(10)])?, b("callable", vec![add5.clone()])?, b("bool", vec![c(&adder, vec![i(0)])?])?, b("bool", vec![add5.clone()])?,
            b("callable", vec![i(5)])?, b("callable", vec![bv("len")])?, b("callable", vec![adder.clone()])?])?;
        let pcls = cls("P", vec![], vec![
            method("P", "__init__", vec![p("self"), p("x")], |a| { setattr(&a[0], "x", a[1].clone())?; Ok(none()) }),
            method("P", "__hash__", vec![p("self")], |a| b("hash", vec![ga(&a[0], "x")?])),
            method("P", "__eq__", vec![p("self"), p("o")], |a| Ok(Value::Bool(eq(&ga(&a[0], "x")?, &ga(&a[1], "x")?)?))),
            method("P", "__repr__", vec![p("self")], |a| Ok(Value::from(format!("P({})", to_repr(&ga(&a[0], "x")?)?)))),
        ])?;
        pr(vec![new_set(vec![c(&pcls, vec![i(1)])?, c(&pcls, vec![i(2)])?, c(&pcls, vec![i(1)])?])?,
            getitem(&new_dict(vec![(c(&pcls, vec![s("a")])?, i(1))])?, &c(&pcls, vec![s("a")])?)?])?;
        pr(vec![c(&ga(&bv("str"), "upper")?, vec![s("abc")])?, b("list", vec![b("map", vec![ga(&bv("str"), "lower")?, l(vec![s("A"), s("B")])])?])?,
            ga(&bv("int"), "__name__")?, ga(&bv("str"), "__name__")?, c(&ga(&bv("dict"), "fromkeys")?, vec![l(vec![i(1), i(2)]), i(0)])?])?;
        let app = ga(&l(vec![]), "append")?;
        pr(vec![b("repr", vec![bv("len")])?, b("repr", vec![bv("print")])?, ga(&b("type", vec![bv("len")])?, "__name__")?, ga(&app, "__name__")?])?;
        // argument binding
        let f = func("f", vec![p("a"), pd("b", i(2)), pk("args", ParamKind::VarArgs), pk("c", ParamKind::KwOnly),
            Param { name: "d", default: Some(i(4)), kind: ParamKind::KwOnly }, pk("kw", ParamKind::VarKw)], |a| Ok(t(a)));
        pr(vec![call(&f, vec![i(1)], kw(vec![("c", i(3))]))?, call(&f, vec![i(1), i(2), i(3), i(4)], kw(vec![("c", i(5)), ("e", i(6))]))?, ga(&f, "__name__")?])?;
        show_msg(call(&f, vec![], vec![]))?;
        show_msg(call(&f, vec![i(1)], vec![]))?;
        show_msg(call(&f, vec![i(1)], kw(vec![("c", i(1)), ("a", i(2))])))?;
        show_msg(call(&f, vec![], kw(vec![("c", i(1))])))?;
        let g2 = func("g2", vec![p("x"), p("y")], |_a| Ok(none()));
        show_msg(call(&g2, vec![i(1)], vec![]))?;
        show_msg(call(&g2, vec![i(1), i(2), i(3)], vec![]))?;
        show_msg(call(&g2, vec![i(1)], kw(vec![("y", i(2)), ("x", i(3))])))?;
        show_msg(call(&g2, vec![i(1), i(2)], kw(vec![("z", i(3))])))?;
        show_msg(call(&g2, vec![], vec![]))?;
        let (a1, bstar, c1) = unpack_star(&l(vec![i(1), i(2), i(3), i(4), i(5)]), 1, 1)?;
        pr(vec![a1[0].clone(), bstar, c1[0].clone()])?;
        show_err(iter(&i(5)))?;
        let lam = make_function("<lambda>", "<lambda>.<locals>.<lambda>", vec![p("p"), p("q")], Rc::new(|_a| Ok(i(0))));
        show_err(call(&lam, unpack_iterable(&l(vec![i(1)]))?, vec![]))?;
        show_err(b("int", vec![s("abc")]))?;
        show_err(b("float", vec![s("1.2.3")]))?;
        show_err(getitem(&new_dict(vec![])?, &s("missing")))?;
        show_err(ga(&none(), "attr"))?;
        show_err(ga(&s("abc"), "nope"))?;
        show_err(c(&i(5), vec![]))?;
        show_err(lt(&s("a"), &i(3)).map(Value::Bool))?;
        show_err(mul(&l(vec![i(1)]), &s("a")))?;
        show_err(neg(&s("a")))?;
        show_err(b("len", vec![i(5)]))?;
        show_err(add(&i(1), &none()))?;
        show_err(add(&s("x"), &i(5)))?;
        show_err(b("divmod", vec![i(1), i(0)]))?;
        show_err(modulo(&i(1), &i(0)))?;
        show_err(b("int", vec![none()]))?;
        show_msg(unpack_exact(&t(vec![i(1), i(2), i(3)]), 2).map(|_| none()))?;
        show_msg(unpack_exact(&l(vec![i(1), i(2)]), 3).map(|_| none()))?;
        show_msg(unpack_exact(&i(5), 2).map(|_| none()))?;
        let st = s("héllo wörld");
        pr(vec![getitem(&st, &i(1))?, getitem(&st, &i(-1))?, getitem(&st, &new_slice(i(1), i(4), none()))?, getitem(&st, &new_slice(none(), none(), i(-1)))?,
            getitem(&st, &new_slice(none(), none(), i(2)))?, b("len", vec![st.clone()])?, bb(contains(&st, &s("ö"))?)])?;
        let lst = b("list", vec![b("range", vec![i(10)])?])?;
        setitem(&lst, &new_slice(i(2), i(5), none()), l(vec![s("a"), s("b")]))?;
        delitem(&lst, &new_slice(none(), none(), i(3)))?;
        pr(vec![lst.clone(), getitem(&lst, &new_slice(none(), none(), i(-2)))?, getitem(&lst, &new_slice(i(100), none(), none()))?, getitem(&lst, &new_slice(i(-100), i(2), none()))?])?;
        setitem(&lst, &new_slice(i(1), i(3), none()), l(vec![]))?;
        pr(vec![lst])?;
        let r = b("range", vec![i(10), i(0), i(-3)])?;
        pr(vec![getitem(&r, &i(1))?, getitem(&r, &i(-1))?, getitem(&r, &new_slice(i(1), i(3), none()))?, b("len", vec![r.clone()])?, b("list", vec![r.clone()])?,
            bb(contains(&r, &i(4))?), bb(contains(&r, &i(7))?), getitem(&r, &new_slice(none(), none(), i(2)))?])?;
        pr(vec![i(if truthy(&Value::NotImplemented)? { 1 } else { 0 }), Value::Ellipsis, ga(&b("type", vec![Value::NotImplemented])?, "__name__")?])?;
        Ok(())
    });
    let want: String = include_str!("expected/protocols_t4.out").lines()
        .filter(|l| !l.contains("Warning") && !l.starts_with("  "))
        .map(|l| format!("{}\n", l)).collect();
    assert!(want.lines().count() > 40);
    check(&out, &want);
}
