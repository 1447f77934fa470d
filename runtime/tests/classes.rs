mod common;
use common::*;

fn g(m: &Value, n: &str) -> PyResult<Value> { load_global(m, n) }
fn ga(o: &Value, n: &str) -> PyResult<Value> { getattr(o, n) }
fn cm(o: &Value, n: &str, a: Vec<Value>) -> PyResult<Value> { call_method(o, n, a, vec![]) }
fn c(f: &Value, a: Vec<Value>) -> PyResult<Value> { call(f, a, vec![]) }
fn catch(r: PyResult<Value>, cls: &str) -> PyResult<Option<Value>> {
    match r {
        Ok(_) => Ok(None),
        Err(e) => {
            if err_matches(&e, &builtin_value(cls).unwrap())? { Ok(Some(err_value(&e))) } else { Err(e) }
        }
    }
}

#[test]
fn classes_and_exceptions() {
    let out = run(|| {
        let m = pyrt::modules::new_module("__main__");
        let m1 = m.clone();
        let m2 = m.clone();
        let m3 = m.clone();
        let m4 = m.clone();
        let m5 = m.clone();
        let m_orig = m.clone();
        let vec_cls = make_class("Vec", "Vec", "__main__", vec![], vec![
            ("count".to_string(), i(0)),
            method("Vec", "__init__", vec![p("self"), p("x"), pd("y", i(0))], move |a| {
                setattr(&a[0], "x", a[1].clone())?;
                setattr(&a[0], "y", a[2].clone())?;
                let v = g(&m1, "Vec")?;
                let n = iadd(&ga(&v, "count")?, &i(1))?;
                setattr(&v, "count", n)?;
                Ok(none())
            }),
            method("Vec", "__repr__", vec![p("self")], |a| {
                Ok(Value::from(format!("Vec({}, {})", format_value(&ga(&a[0], "x")?, "")?, format_value(&ga(&a[0], "y")?, "")?)))
            }),
            method("Vec", "__add__", vec![p("self"), p("o")], move |a| {
                let v = g(&m2, "Vec")?;
                if isinstance(&a[1], &v)? {
                    return c(&v, vec![add(&ga(&a[0], "x")?, &ga(&a[1], "x")?)?, add(&ga(&a[0], "y")?, &ga(&a[1], "y")?)?]);
                }
                Ok(Value::NotImplemented)
            }),
            method("Vec", "__radd__", vec![p("self"), p("o")], move |a| {
                let v = g(&m3, "Vec")?;
                c(&v, vec![add(&ga(&a[0], "x")?, &a[1])?, add(&ga(&a[0], "y")?, &a[1])?])
            }),
            method("Vec", "__eq__", vec![p("self"), p("o")], move |a| {
                let v = g(&m4, "Vec")?;
                let r = isinstance(&a[1], &v)? && eq(&ga(&a[0], "x")?, &ga(&a[1], "x")?)? && eq(&ga(&a[0], "y")?, &ga(&a[1], "y")?)?;
                Ok(Value::Bool(r))
            }),
            method("Vec", "__lt__", vec![p("self"), p("o")], |a| {
                Ok(Value::Bool(lt(&t(vec![ga(&a[0], "x")?, ga(&a[0], "y")?]), &t(vec![ga(&a[1], "x")?, ga(&a[1], "y")?]))?))
            }),
            method("Vec", "__len__", vec![p("self")], |_a| Ok(i(2))),
            ("norm2".to_string(), b("property", vec![func("norm2", vec![p("self")], |a| {
                let x = ga(&a[0], "x")?; let y = ga(&a[0], "y")?;
                add(&mul(&x, &x)?, &mul(&y, &y)?)
            })])?),
            ("zero".to_string(), b("classmethod", vec![make_function("zero", "Vec.zero", vec![p("cls")], Rc::new(|a| c(&a[0], vec![i(0)])))])?),
            ("helper".to_string(), b("staticmethod", vec![func("helper", vec![p("a")], |a| mul(&a[0], &i(2)))])?),
        ])?;
        store_global(&m, "Vec", vec_cls.clone());
        let vc = vec_cls.clone();
        let vec3 = make_class("Vec3", "Vec3", "__main__", vec![vec_cls.clone()], vec![
            method("Vec3", "__init__", vec![p("self"), p("x"), p("y"), p("z")], move |a| {
                let _ = &vc;
                let sup = super_(&g(&m5, "Vec3")?, &a[0])?;
                cm(&sup, "__init__", vec![a[1].clone(), a[2].clone()])?;
                setattr(&a[0], "z", a[3].clone())?;
                Ok(none())
            }),
            method("Vec3", "__repr__", vec![p("self")], |a| {
                let mut r = add(&s("Vec3("), &b("str", vec![ga(&a[0], "x")?])?)?;
                r = add(&r, &s(", "))?; r = add(&r, &b("str", vec![ga(&a[0], "y")?])?)?;
                r = add(&r, &s(", "))?; r = add(&r, &b("str", vec![ga(&a[0], "z")?])?)?;
                add(&r, &s(")"))
            }),
        ])?;
        let m = m_orig;
        store_global(&m, "Vec", vec_cls.clone());
        store_global(&m, "Vec3", vec3.clone());
        let a = c(&vec_cls, vec![i(1), i(2)])?;
        let bv = c(&vec_cls, vec![i(3)])?;
        pr(vec![a.clone(), bv.clone(), add(&a, &bv)?, add(&i(10), &a)?, l(vec![a.clone(), bv.clone()]), b("str", vec![a.clone()])?, ga(&vec_cls, "count")?])?;
        let bb = |x: bool| Value::Bool(x);
        pr(vec![bb(eq(&a, &c(&vec_cls, vec![i(1), i(2)])?)?), bb(ne(&a, &c(&vec_cls, vec![i(1), i(2)])?)?), bb(eq(&a, &i(5))?),
            bb(lt(&a, &bv)?), bb(gt(&bv, &a)?), b("len", vec![a.clone()])?, ga(&a, "norm2")?, cm(&vec_cls, "zero", vec![])?,
            cm(&vec_cls, "helper", vec![i(21)])?, cm(&a, "helper", vec![i(1)])?])?;
        let v3 = c(&vec3, vec![i(1), i(2), i(3)])?;
        pr(vec![v3.clone(), bb(isinstance(&v3, &vec_cls)?), ga(&b("type", vec![v3.clone()])?, "__name__")?,
            bb(is_(&b("type", vec![v3.clone()])?, &vec3)), add(&v3, &a)?, ga(&vec3, "zero")?])?;
        if let Some(e) = catch(b("hash", vec![a.clone()]), "TypeError")? { pr(vec![s("TypeError:"), e])?; }
        let plain = make_class("Plain", "Plain", "__main__", vec![], vec![])?;
        let pi = c(&plain, vec![])?;
        setattr(&pi, "attr", i(5))?;
        pr(vec![ga(&pi, "attr")?, b("hasattr", vec![pi.clone(), s("attr")])?, b("hasattr", vec![pi.clone(), s("nope")])?,
            b("getattr", vec![pi.clone(), s("nope"), s("dflt")])?, ga(&b("type", vec![pi.clone()])?, "__name__")?, ga(&plain, "__name__")?, ga(&plain, "__qualname__")?])?;
        if let Some(e) = catch(ga(&pi, "missing"), "AttributeError")? { pr(vec![s("AttributeError:"), e])?; }
        if let Some(e) = catch(c(&vec_cls, vec![]), "TypeError")? { pr(vec![s("TypeError:"), e])?; }
        if let Some(e) = catch(c(&vec_cls, vec![i(1), i(2), i(3)]), "TypeError")? { pr(vec![s("TypeError:"), e])?; }
        if let Some(e) = catch(add(&a, &i(1)), "TypeError")? { pr(vec![s("TypeError:"), e])?; }
        // property with setter
        let getter = func("c", vec![p("self")], |a| ga(&a[0], "_c"));
        let prop = b("property", vec![getter])?;
        let setter = func("c", vec![p("self"), p("v")], |a| {
            if lt(&a[1], &i(-273))? { return Err(raise(c(&builtin_value("ValueError").unwrap(), vec![s("too cold")])?)); }
            setattr(&a[0], "_c", a[1].clone())?; Ok(none())
        });
        let prop = cm(&prop, "setter", vec![setter])?;
        let temp = make_class("Temp", "Temp", "__main__", vec![], vec![
            method("Temp", "__init__", vec![p("self")], |a| { setattr(&a[0], "_c", i(0))?; Ok(none()) }),
            ("c".to_string(), prop),
        ])?;
        let tt = c(&temp, vec![])?;
        setattr(&tt, "c", i(25))?;
        pr(vec![ga(&tt, "c")?])?;
        if let Some(e) = catch(setattr(&tt, "c", i(-300)).map(|_| none()), "ValueError")? {
            pr(vec![b("repr", vec![e.clone()])?, b("str", vec![e.clone()])?, ga(&e, "args")?])?;
        }
        // custom exceptions
        let exc_cls = builtin_value("Exception").unwrap();
        let myerr_holder: Rc<std::cell::RefCell<Option<Value>>> = Rc::new(std::cell::RefCell::new(None));
        let h2 = myerr_holder.clone();
        let myerr = make_class("MyErr", "MyErr", "__main__", vec![exc_cls.clone()], vec![
            method("MyErr", "__init__", vec![p("self"), p("code"), p("msg")], move |a| {
                let cls = h2.borrow().clone().unwrap();
                cm(&super_(&cls, &a[0])?, "__init__", vec![a[2].clone()])?;
                setattr(&a[0], "code", a[1].clone())?; Ok(none())
            }),
        ])?;
        *myerr_holder.borrow_mut() = Some(myerr.clone());
        let other = make_class("Other", "Other", "__main__", vec![myerr.clone()], vec![])?;
        let r: PyResult<Value> = Err(raise(c(&other, vec![i(42), s("boom")])?));
        if let Err(e) = r {
            if err_matches(&e, &myerr)? {
                let ev = err_value(&e);
                pr(vec![ga(&b("type", vec![ev.clone()])?, "__name__")?, ev.clone(), ga(&ev, "code")?, ga(&ev, "args")?, b("repr", vec![ev.clone()])?,
                    b("isinstance", vec![ev.clone(), exc_cls.clone()])?])?;
            }
        }
        if let Some(e) = catch(getitem(&new_dict(vec![])?, &s("k")), "KeyError")? { pr(vec![s("KeyError"), e.clone(), b("repr", vec![e.clone()])?, ga(&e, "args")?])?; }
        if let Some(e) = catch(getitem(&l(vec![]), &i(1)), "LookupError")? { pr(vec![ga(&b("type", vec![e.clone()])?, "__name__")?, e])?; }
        match truediv(&i(1), &i(0)) {
            Err(e) if err_matches(&e, &t(vec![builtin_value("ValueError").unwrap(), builtin_value("ZeroDivisionError").unwrap()]))? => pr(vec![err_value(&e)])?,
            _ => {}
        }
        let ve = c(&builtin_value("ValueError").unwrap(), vec![])?;
        pr(vec![b("repr", vec![ve.clone()])?, bb(eq(&b("str", vec![ve])?, &s(""))?), b("repr", vec![c(&builtin_value("ValueError").unwrap(), vec![i(1), s("a")])?])?,
            b("str", vec![c(&builtin_value("ValueError").unwrap(), vec![i(1), s("a")])?])?])?;
        let e2 = make_class("E2", "E2", "__main__", vec![exc_cls.clone()], vec![])?;
        pr(vec![b("repr", vec![c(&e2, vec![s("x")])?])?, b("str", vec![c(&e2, vec![])?])?])?;
        // iterator protocol
        let counter = make_class("Counter", "Counter", "__main__", vec![], vec![
            method("Counter", "__init__", vec![p("self"), p("n")], |a| { setattr(&a[0], "i", i(0))?; setattr(&a[0], "n", a[1].clone())?; Ok(none()) }),
            method("Counter", "__iter__", vec![p("self")], |a| Ok(a[0].clone())),
            method("Counter", "__next__", vec![p("self")], |a| {
                if ge(&ga(&a[0], "i")?, &ga(&a[0], "n")?)? { return Err(raise(builtin_value("StopIteration").unwrap())); }
                setattr(&a[0], "i", iadd(&ga(&a[0], "i")?, &i(1))?)?;
                ga(&a[0], "i")
            }),
        ])?;
        let comp = { let it = iter(&c(&counter, vec![i(2)])?)?; let mut v = vec![]; while let Some(x) = next(&it)? { v.push(x); } l(v) };
        pr(vec![b("list", vec![c(&counter, vec![i(3)])?])?, bb(contains(&c(&counter, vec![i(5)])?, &i(2))?), comp])?;
        let seq = make_class("Seq", "Seq", "__main__", vec![], vec![
            method("Seq", "__getitem__", vec![p("self"), p("i")], |a| {
                if ge(&a[1], &i(3))? { return Err(raise(builtin_value("IndexError").unwrap())); }
                mul(&a[1], &i(10))
            }),
            method("Seq", "__contains__", vec![p("self"), p("x")], |a| Ok(Value::Bool(eq(&a[1], &s("magic"))?))),
        ])?;
        pr(vec![b("list", vec![c(&seq, vec![])?])?, bb(contains(&c(&seq, vec![])?, &s("magic"))?), bb(contains(&c(&seq, vec![])?, &i(10))?), getitem(&c(&seq, vec![])?, &i(1))?])?;
        // MRO + super chains
        let holder: Rc<std::cell::RefCell<Vec<Value>>> = Rc::new(std::cell::RefCell::new(vec![]));
        let base = make_class("Base", "Base", "__main__", vec![], vec![
            method("Base", "hello", vec![p("self")], |_a| Ok(s("Base.hello"))),
            method("Base", "__str__", vec![p("self")], |a| add(&s("str-of-"), &ga(&b("type", vec![a[0].clone()])?, "__name__")?)),
        ])?;
        let mk = |name: &'static str, bases: Vec<Value>, idx: usize, h: Rc<std::cell::RefCell<Vec<Value>>>| {
            make_class(name, name, "__main__", bases, vec![method(name, "hello", vec![p("self")], move |a| {
                let cls = h.borrow()[idx].clone();
                add(&s(&format!("{}>", name)), &cm(&super_(&cls, &a[0])?, "hello", vec![])?)
            })])
        };
        let mid = mk("Mid", vec![base.clone()], 0, holder.clone())?;
        let mid2 = mk("Mid2", vec![base.clone()], 1, holder.clone())?;
        let leaf = mk("Leaf", vec![mid.clone(), mid2.clone()], 2, holder.clone())?;
        holder.borrow_mut().extend(vec![mid, mid2, leaf.clone()]);
        let names: Vec<Value> = unpack_iterable(&ga(&leaf, "__mro__")?)?.iter().map(|k| ga(k, "__name__").unwrap()).collect();
        let lf = c(&leaf, vec![])?;
        pr(vec![cm(&lf, "hello", vec![])?, l(names), b("str", vec![lf.clone()])?, lf.clone()])?;
        Ok(())
    });
    check(&out, include_str!("expected/classes_t2.out"));
}
