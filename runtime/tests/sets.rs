mod common;
use common::*;

fn ints(v: &[i64]) -> Vec<Value> { v.iter().map(|x| i(*x)).collect() }
fn cm(o: &Value, n: &str, a: Vec<Value>) -> PyResult<Value> {
    // set methods live in R2's methods.rs; emulate the few used here through ops
    match (o, n) {
        (Value::Set(st), "add") => { st.borrow_mut().insert(a[0].clone())?; Ok(Value::None) }
        (Value::Set(st), "discard") => { st.borrow_mut().remove(&a[0])?; Ok(Value::None) }
        (Value::Set(st), "pop") => Ok(st.borrow_mut().pop().unwrap()),
        _ => call_method(o, n, a, vec![]),
    }
}

#[test]
fn set_order() {
    let out = run(|| {
        pr(vec![new_set_const(ints(&[5, 3, 17, 1, 33, 9]))?])?;
        let st = new_set(vec![])?;
        for x in [i(100), i(3), i(64), i(8), i(16), i(24), i(7), i(1000), i(-1), i(-2), pow(&i(2), &i(61))?, pow(&i(2), &i(64))?, i(31), i(39)] {
            cm(&st, "add", vec![x])?;
        }
        pr(vec![st.clone()])?;
        cm(&st, "discard", vec![i(64)])?; cm(&st, "discard", vec![i(3)])?; cm(&st, "add", vec![i(72)])?; cm(&st, "add", vec![i(3)])?;
        pr(vec![st.clone()])?;
        pr(vec![b("set", vec![b("range", vec![i(50), i(0), i(-3)])?])?])?;
        let comp = new_set(vec![])?;
        for x in 0..20 { cm(&comp, "add", vec![mul(&i(x), &i(8))?])?; }
        pr(vec![comp])?;
        pr(vec![b("set", vec![l(vec![f(1.5), f(2.0), f(0.25), f(-3.75), f(1e10)])])?])?;
        pr(vec![new_set(vec![t(vec![i(1), i(2)]), t(vec![i(2), i(1)]), t(vec![i(0), i(0)]), t(vec![i(3), i(3)])])?])?;
        let a = new_set_const(ints(&[1, 2, 3, 9, 17, 25]))?;
        let bs = new_set_const(ints(&[3, 4, 17, 33, 41]))?;
        pr(vec![bitor(&a, &bs)?, bitand(&a, &bs)?, sub(&a, &bs)?, sub(&bs, &a)?, bitxor(&a, &bs)?, bitxor(&bs, &a)?])?;
        let fz = |v: Vec<Value>| b("frozenset", vec![l(v)]);
        pr(vec![fz(ints(&[40, 8, 16]))?, Value::Bool(eq(&new_set(vec![fz(ints(&[1]))?, fz(ints(&[2, 3]))?])?, &new_set(vec![fz(ints(&[3, 2]))?, fz(ints(&[1]))?])?)?)])?;
        pr(vec![b("hash", vec![t(ints(&[1, 2]))])?, b("hash", vec![t(vec![])])?, b("hash", vec![fz(ints(&[1, 2, 3]))?])?, b("hash", vec![pow(&i(2), &i(64))?])?,
            b("hash", vec![i(-1)])?, b("hash", vec![f(1.5)])?, b("hash", vec![f(-2.5e-10)])?, b("hash", vec![Value::Bool(true)])?])?;
        let c = new_set_const(ints(&[10, 20, 30, 40, 50, 60]))?;
        let p1 = cm(&c, "pop", vec![])?; let p2 = cm(&c, "pop", vec![])?;
        pr(vec![p1, p2, c])?;
        let d = new_dict(vec![])?;
        for k in [5, 1, 9] { setitem(&d, &i(k), mul(&i(k), &i(k))?)?; }
        pr(vec![b("set", vec![d])?, new_dict(vec![(i(1), s("a")), (Value::Bool(true), s("b")), (f(1.0), s("c"))])?])?;
        let big = b("set", vec![b("range", vec![i(0), i(200), i(7)])?])?;
        let big = isub(&big, &b("set", vec![b("range", vec![i(0), i(100), i(2)])?])?)?;
        pr(vec![big])?;
        let bb = |x: bool| Value::Bool(x);
        pr(vec![bb(eq(&new_set(vec![s("a"), s("b")])?, &new_set(vec![s("b"), s("a")])?)?), bb(le(&new_set(ints(&[1, 2]))?, &new_set_const(ints(&[1, 2, 3]))?)?),
            bb(lt(&new_set(ints(&[1, 2]))?, &new_set(ints(&[1, 2]))?)?), bb(gt(&new_set(ints(&[1]))?, &b("set", vec![])?)?)])?;
        pr(vec![b("len", vec![new_set(vec![s("x"), s("y")])?])?])?;
        Ok(())
    });
    check(&out, include_str!("expected/sets_t3.out"));
}

#[test]
fn str_hash_seed0() {
    let out = run(|| {
        pr(vec![b("hash", vec![s("a")])?, b("hash", vec![s("hello world")])?, b("hash", vec![s("é")])?, b("hash", vec![s("\u{20ac}")])?,
            b("hash", vec![s("😀x")])?, b("hash", vec![Value::Bytes(Rc::new(b"abc".to_vec()))])?, b("hash", vec![s("")])?])?;
        pr(vec![new_set_const(vec![s("apple"), s("banana"), s("cherry"), s("date"), s("elder"), s("fig")])?])?;
        Ok(())
    });
    // CPython under PYTHONHASHSEED=0
    check(&out, "4644417185603328019 -5642461784034726774 6047309291227476195 -5529981157763016009 -8926728262118538918 -4594863902769663758 0\n{'banana', 'fig', 'cherry', 'apple', 'elder', 'date'}\n");
}
