mod common;
use common::*;

#[test]
fn reprs_and_numbers() {
    let out = run(|| {
        pr(vec![i(1), f(2.5), s("a"), s("it's"), l(vec![i(1), s("x"), t(vec![i(1)]), t(vec![])]),
            new_dict(vec![(s("a"), i(1)), (i(2), l(vec![none(), Value::Bool(true)]))])?,
            b("set", vec![])?, new_set(vec![i(3), i(1), i(2)])?, b("frozenset", vec![new_set(vec![i(1), i(2)])?])?,
            b("range", vec![i(0), i(5)])?, b("range", vec![i(1), i(10), i(2)])?])?;
        let p30 = pow(&i(10), &i(30))?;
        pr(vec![p30.clone(), neg(&p30)?, floordiv(&i(-7), &i(2))?, modulo(&i(-7), &i(2))?, floordiv(&f(7.5), &i(2))?,
            modulo(&f(-7.5), &i(2))?, truediv(&i(1), &i(3))?, pow(&i(2), &i(-1))?, add(&Value::Bool(true), &Value::Bool(true))?,
            pow(&i(2), &i(63))?, sub(&neg(&pow(&i(2), &i(63))?)?, &i(1))?, floordiv(&pow(&i(2), &i(63))?, &i(3))?])?;
        pr(vec![b("repr", vec![s("a\n\t\\\x01é\u{200b}\x7f")])?, b("repr", vec![s("\"")])?, b("repr", vec![s("'\"")])?,
            b("repr", vec![Value::Bytes(Rc::new(b"ab\x00'c".to_vec()))])?])?;
        pr(vec![b("str", vec![f(1e16)])?, f(1e-5), add(&f(0.1), &f(0.2))?, b("float", vec![s("inf")])?, f(-0.0), f(3.0), f(1e22), f(123456789012345678.0)])?;
        let x = l(vec![i(1)]);
        call_method(&x, "append", vec![x.clone()], vec![]).or_else(|_| { if let Value::List(v) = &x { v.borrow_mut().push(x.clone()); } Ok::<Value, PyErr>(Value::None) })?;
        pr(vec![x])?;
        let d = new_dict(vec![])?;
        setitem(&d, &s("self"), d.clone())?;
        pr(vec![d])?;
        let bb = |v: bool| Value::Bool(v);
        pr(vec![bb(eq(&i(1), &f(1.0))?), bb(eq(&pow(&i(2), &i(64))?, &pow(&f(2.0), &i(64))?)?),
            bb(eq(&add(&pow(&i(2), &i(53))?, &i(1))?, &add(&pow(&f(2.0), &i(53))?, &i(1))?)?),
            bb(gt(&pow(&i(10), &i(400))?, &f(1e308))?), bb(lt(&neg(&pow(&i(10), &i(400))?)?, &f(f64::NEG_INFINITY))?),
            bb(lt(&i(1), &f(1.5))?), bb(lt(&t(vec![i(1), i(2)]), &t(vec![i(1), i(3)]))?),
            bb(lt(&l(vec![i(1), i(2)]), &l(vec![i(1), i(2), i(0)]))?), bb(lt(&s("abc"), &s("abd"))?)])?;
        let p100 = pow(&i(2), &i(100))?;
        pr(vec![floordiv(&i(7), &i(-2))?, modulo(&i(7), &i(-2))?, floordiv(&i(-7), &i(-2))?, modulo(&p100, &i(7))?,
            floordiv(&neg(&p100)?, &i(7))?, floordiv(&p100, &i(-7))?, b("divmod", vec![i(-7), i(2)])?, b("divmod", vec![f(7.5), i(-2)])?])?;
        pr(vec![bitand(&i(5), &i(3))?, bitor(&i(5), &i(3))?, bitxor(&i(5), &i(3))?, invert(&i(5))?, lshift(&i(1), &i(70))?,
            rshift(&neg(&lshift(&i(1), &i(70))?)?, &i(3))?, bitand(&bb(true), &bb(false))?, bitor(&bb(true), &bb(false))?, bitxor(&bb(true), &bb(true))?])?;
        pr(vec![mul(&i(3), &s("ab"))?, mul(&l(vec![i(0)]), &i(3))?, mul(&t(vec![i(1), i(2)]), &i(2))?, mul(&s("x"), &i(-1))?,
            add(&s("a"), &s("b"))?, add(&l(vec![i(1)]), &l(vec![i(2)]))?, add(&t(vec![i(1)]), &t(vec![i(2), i(3)]))?])?;
        pr(vec![b("round", vec![f(2.5)])?, b("round", vec![f(3.5)])?, b("round", vec![f(-0.5)])?, b("round", vec![f(2.675), i(2)])?,
            b("round", vec![i(1234), i(-2)])?, b("round", vec![i(1250), i(-2)])?, b("round", vec![i(1350), i(-2)])?])?;
        pr(vec![b("int", vec![s("  -42 ")])?, b("int", vec![s("0x1f"), i(16)])?, b("int", vec![s("1_000")])?, b("int", vec![s("z"), i(36)])?,
            b("int", vec![f(3.99)])?, b("int", vec![f(-3.99)])?, b("int", vec![bb(true)])?, b("float", vec![s("1e3")])?,
            b("float", vec![s(" -inf ")])?, b("int", vec![s("101"), i(2)])?, b("int", vec![s("0o17"), i(0)])?])?;
        pr(vec![b("hex", vec![i(255)])?, b("oct", vec![i(8)])?, b("bin", vec![i(5)])?, b("hex", vec![i(-255)])?, b("bin", vec![pow(&i(2), &i(70))?])?])?;
        pr(vec![b("abs", vec![i(-5)])?, b("abs", vec![f(-2.5)])?, b("abs", vec![i(i64::MIN)])?, b("pow", vec![i(2), i(10)])?,
            b("pow", vec![i(2), i(10), i(1000)])?, b("pow", vec![i(3), i(-1), i(7)])?, b("pow", vec![i(-2), i(3), i(5)])?,
            b("pow", vec![i(2), i(3), i(-5)])?, b("pow", vec![f(2.0), f(0.5)])?])?;
        pr(vec![b("chr", vec![i(65)])?, b("ord", vec![s("é")])?, b("chr", vec![i(0x1F600)])?])?;
        pr(vec![b("bool", vec![l(vec![])])?, b("bool", vec![l(vec![i(0)])])?, b("bool", vec![s("")])?, b("bool", vec![f(0.0)])?,
            b("bool", vec![none()])?, b("bool", vec![b("range", vec![i(0)])?])?])?;
        pr(vec![modulo(&s("%d %s %r %5.2f %-5d| %05d %x %X %o %e %g %%"), &t(vec![i(42), s("hi"), s("hi"), f(3.14159), i(7), i(-42), i(255), i(255), i(8), f(12345.678), f(0.0001)]))?])?;
        pr(vec![modulo(&s("%(a)s and %(b)05.1f"), &new_dict(vec![(s("a"), s("A")), (s("b"), f(2.25))])?)?,
            modulo(&s("%s"), &l(vec![i(1), i(2)]))?, modulo(&s("%s"), &t(vec![i(1)]))?, modulo(&s("%c%c"), &t(vec![i(72), s("i")]))?,
            modulo(&s("%+d % d"), &t(vec![i(5), i(5)]))?, modulo(&s("%.3s|%10s|%-10s|"), &t(vec![s("abcdef"), s("r"), s("l")]))?,
            modulo(&s("%#x %#o"), &t(vec![i(255), i(8)]))?])?;
        pr(vec![b("format", vec![f(3.14159), s(".2f")])?, b("format", vec![i(42), s("08b")])?, b("format", vec![s("x"), s(">5")])?,
            b("format", vec![i(1234567), s(",")])?, b("format", vec![bb(true)])?, b("format", vec![none()])?])?;
        pr(vec![b("tuple", vec![l(vec![i(1), i(2)])])?, b("list", vec![s("abc")])?, b("list", vec![b("range", vec![i(3)])?])?,
            b("dict", vec![l(vec![t(vec![i(1), i(2)]), t(vec![i(3), i(4)])])])?, bk("dict", vec![], vec![("a", i(1)), ("b", i(2))])?,
            b("set", vec![l(vec![i(3), i(3), i(1)])])?, b("frozenset", vec![])?])?;
        let tn = |v: Value| -> PyResult<Value> { getattr(&b("type", vec![v])?, "__name__") };
        pr(vec![tn(i(1))?, tn(bb(true))?, tn(none())?, tn(l(vec![]))?, b("type", vec![f(1.0)])?,
            bb(eq(&b("type", vec![s("a")])?, &builtin_value("str").unwrap())?),
            b("isinstance", vec![bb(true), builtin_value("int").unwrap()])?,
            b("isinstance", vec![i(1), t(vec![builtin_value("str").unwrap(), builtin_value("float").unwrap()])])?,
            b("issubclass", vec![builtin_value("bool").unwrap(), builtin_value("int").unwrap()])?])?;
        pr(vec![builtin_value("ZeroDivisionError").unwrap(), builtin_value("int").unwrap(), b("type", vec![builtin_value("int").unwrap()])?])?;
        Ok(())
    });
    check(&out, include_str!("expected/core_t1.out"));
}

#[test]
fn recursion_limit() {
    // run on a big native stack: debug builds use large frames
    let h = std::thread::Builder::new().stack_size(256 << 20).spawn(|| {
        run(|| {
            let m = pyrt::modules::new_module("__main__");
            let m1 = m.clone();
            let down = func("down", vec![p("n")], move |a| {
                let f = load_global(&m1, "down")?;
                call(&f, vec![add(&a[0], &i(1))?], vec![])
            });
            store_global(&m, "down", down.clone());
            match call(&down, vec![i(0)], vec![]) {
                Err(e) if e.is("RecursionError") => pr(vec![s("caught"), err_value(&e)])?,
                _ => pr(vec![s("no error")])?,
            }
            // depth accounting is restored after the error
            let m2 = m.clone();
            let depth = func("depth", vec![p("n")], move |a| {
                if le(&a[0], &i(0))? { return Ok(i(0)); }
                let f = load_global(&m2, "depth")?;
                add(&call(&f, vec![sub(&a[0], &i(1))?], vec![])?, &i(1))
            });
            store_global(&m, "depth", depth.clone());
            pr(vec![call(&depth, vec![i(998)], vec![])?])?;
            match call(&depth, vec![i(999)], vec![]) {
                Err(e) if e.is("RecursionError") => pr(vec![s("999 too deep")])?,
                _ => pr(vec![s("999 ok")])?,
            }
            Ok(())
        })
    }).unwrap();
    let out = h.join().unwrap();
    // CPython 3.11: module frame + 999 nested calls fit; the 1000th raises
    check(&out, "caught maximum recursion depth exceeded\n998\n999 too deep\n");
}

#[test]
fn format_values() {
    let out = run(|| {
        let fv = |v: Value, sp: &str| -> PyResult<Value> { Ok(Value::from(format_value(&v, sp)?)) };
        pr(vec![fv(Value::Bool(true), ">5")?, fv(Value::Bool(true), "")?, fv(Value::Bool(true), "d")?, fv(Value::Bool(true), "^7")?,
            fv(none(), "")?, fv(i(3), "c")?, fv(f(2.5), "")?, fv(f(1e20), "g")?, fv(pow(&i(10), &i(20))?, ".2e")?])?;
        match format_value(&none(), ">6") {
            Err(e) => pr(vec![err_value(&e)])?,
            Ok(_) => {}
        }
        Ok(())
    });
    check(&out, "    1 True 1    1    None \x03 2.5 1e+20 1.00e+20\nunsupported format string passed to NoneType.__format__\n");
}
