//! Differential tests of bigint.rs / pyfloat.rs / fmtspec.rs against CPython 3.11.
//! `hand_cases` needs nothing; `cpython_diff` runs tests/numerics_cases.py with python3 (skipped
//! when python3 is missing). Env: NUMERICS_SEED, NUMERICS_SCALE (case-count multiplier).
use pyrt::bigint::{i64_hash_py, BigInt};
use pyrt::fmtspec::*;
use pyrt::pyfloat::*;

fn dec(s: &str) -> String {
    if let Some(h) = s.strip_prefix("h:") {
        let bytes: Vec<u8> = (0..h.len() / 2)
            .map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        s.to_string()
    }
}

fn fl(s: &str) -> f64 {
    if s == "nan" {
        return f64::NAN;
    }
    f64::from_bits(u64::from_str_radix(s.strip_prefix("f:").unwrap(), 16).unwrap())
}

fn fb(x: f64) -> String {
    if x.is_nan() {
        "nan".to_string()
    } else {
        format!("f:{:016x}", x.to_bits())
    }
}

fn big(s: &str) -> BigInt {
    BigInt::parse(s, 10).unwrap()
}

fn fmt_res(r: Result<String, String>) -> String {
    match r {
        Ok(s) => s,
        Err(m) => format!("ERR:{}:{}", error_class(&m), m),
    }
}

/// Evaluate one case; returns the produced answer in the generator's encoding (decoded).
pub fn run_case(op: &str, a: &[&str]) -> String {
    match op {
        "repr" => float_repr(fl(a[0])),
        "fixed" => format_fixed(fl(a[0]), a[1].parse().unwrap()),
        "exp" => format_exp(fl(a[0]), a[1].parse().unwrap(), a[2] == "1"),
        "gen" => format_general(fl(a[0]), a[1].parse().unwrap(), a[2] == "1", a[3] == "1"),
        "rspec" => format_repr_spec(fl(a[0]), if a[1] == "-" { None } else { Some(a[1].parse().unwrap()) }),
        "round" => match round_float_checked(fl(a[0]), a[1].parse().unwrap()) {
            Some(v) => fb(v),
            None => "ERR:OverflowError:rounded value too large to represent".to_string(),
        },
        "rhe" => fb(round_half_even(fl(a[0])) + 0.0),
        "fdiv" => fb(float_floordiv(fl(a[0]), fl(a[1]))),
        "fmod" => fb(float_mod(fl(a[0]), fl(a[1]))),
        "fhash" => float_hash(fl(a[0])).to_string(),
        "ratio" => {
            let (n, d) = float_as_integer_ratio(fl(a[0]));
            format!("{}/{}", n, d)
        }
        "isint" => (if float_is_integer(fl(a[0])) { "True" } else { "False" }).to_string(),
        "parse" => match parse_float(&dec(a[0])) {
            Some(v) => fb(v),
            None => "NONE".to_string(),
        },
        "add" => big(a[0]).add(&big(a[1])).to_string(),
        "sub" => big(a[0]).sub(&big(a[1])).to_string(),
        "mul" => big(a[0]).mul(&big(a[1])).to_string(),
        "divmod" => {
            let (q, r) = big(a[0]).divmod_floor(&big(a[1]));
            format!("{} {}", q, r)
        }
        "truediv" => match big(a[0]).true_div(&big(a[1])) {
            Ok(v) => fb(v),
            Err(m) => format!("ERR:OverflowError:{}", m),
        },
        "cmp" => (big(a[0]).cmp(&big(a[1])) as i32).to_string(),
        "and" => big(a[0]).bitand(&big(a[1])).to_string(),
        "or" => big(a[0]).bitor(&big(a[1])).to_string(),
        "xor" => big(a[0]).bitxor(&big(a[1])).to_string(),
        "gcd" => big(a[0]).gcd(&big(a[1])).to_string(),
        "shl" => big(a[0]).shl(a[1].parse().unwrap()).to_string(),
        "shr" => big(a[0]).shr(a[1].parse().unwrap()).to_string(),
        "not" => big(a[0]).not().to_string(),
        "neg" => big(a[0]).neg().to_string(),
        "bitlen" => big(a[0]).bit_length().to_string(),
        "tof64" => {
            let f = big(a[0]).to_f64();
            if f.is_infinite() {
                "ERR:OverflowError:int too large to convert to float".to_string()
            } else {
                fb(f)
            }
        }
        "hash" => {
            let b = big(a[0]);
            let h = b.hash_py();
            if let Some(v) = b.to_i64() {
                assert_eq!(h, i64_hash_py(v), "i64_hash_py({})", v);
            }
            h.to_string()
        }
        "toi64" => match big(a[0]).to_i64() {
            Some(v) => {
                assert_eq!(BigInt::from_i64(v), big(a[0]));
                v.to_string()
            }
            None => "NONE".to_string(),
        },
        "isqrt" => big(a[0]).isqrt().to_string(),
        "str" => big(a[0]).to_str_radix(a[1].parse().unwrap()),
        "iparse" => {
            let r: u32 = a[1].parse().unwrap();
            match BigInt::parse(&dec(a[0]), r) {
                Some(v) => v.to_str_radix(r),
                None => "NONE".to_string(),
            }
        }
        "fromf64" => {
            let x = fl(a[0]);
            if x.is_finite() {
                BigInt::from_f64(x).to_string()
            } else if x.is_nan() {
                "ERR:ValueError:cannot convert float NaN to integer".to_string()
            } else {
                "ERR:OverflowError:cannot convert float infinity to integer".to_string()
            }
        }
        "cmpf" => match big(a[0]).cmp_f64(fl(a[1])) {
            Some(o) => (o as i32).to_string(),
            None => "0".to_string(),
        },
        "pow" => big(a[0]).pow(a[1].parse().unwrap()).to_string(),
        "modpow" => big(a[0]).modpow(&big(a[1]), &big(a[2])).to_string(),
        "fact" => {
            let n: u64 = a[0].parse().unwrap();
            let mut r = BigInt::one();
            for i in 2..=n {
                r = r.mul(&BigInt::from_u64(i));
            }
            r.to_string()
        }
        "fmtf" => {
            let spec = dec(a[1]);
            let r1 = format_float_spec(fl(a[0]), &spec, "float");
            let r2 = parse_spec(&spec).and_then(|sp| format_float(fl(a[0]), &sp));
            assert_eq!(r1, r2, "format_float_spec vs parse_spec+format_float for {:?}", spec);
            fmt_res(r1)
        }
        "fmti" => {
            let v = big(a[0]);
            let spec = dec(a[1]);
            let r1 = format_int_spec(&v, &spec, "int");
            if let Some(i) = v.to_i64() {
                let r2 = format_i64_spec(i, &spec, "int");
                assert_eq!(r1, r2, "format_i64 vs format_int for {} {:?}", i, spec);
                let r3 = parse_spec(&spec).and_then(|sp| format_i64(i, &sp));
                assert_eq!(r1, r3, "parse_spec+format_i64 for {} {:?}", i, spec);
            }
            fmt_res(r1)
        }
        "fmts" => {
            let spec = dec(a[1]);
            let r1 = format_str_spec(&dec(a[0]), &spec, "str");
            let r2 = parse_spec(&spec).and_then(|sp| format_str(&dec(a[0]), &sp));
            assert_eq!(r1, r2, "format_str_spec vs parse_spec+format_str for {:?}", spec);
            fmt_res(r1)
        }
        _ => panic!("unknown op {}", op),
    }
}

/// Runs every line; returns the failures (line, got, expected).
pub fn run_all(text: &str) -> (usize, Vec<String>) {
    let mut fails = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split('\t').collect();
        let (op, rest) = (parts[0], &parts[1..]);
        let (args, expected) = rest.split_at(rest.len() - 1);
        let expected = dec(expected[0]);
        let got = run_case(op, args);
        count += 1;
        if got != expected {
            let short = |s: &str| -> String {
                if s.len() > 300 {
                    format!("{}...", &s[..300])
                } else {
                    s.to_string()
                }
            };
            let dargs: Vec<String> = args.iter().map(|x| {
                if x.starts_with("f:") { format!("{:?}", fl(x)) } else { short(&dec(x)) }
            }).collect();
            fails.push(format!("{} {:?}\n   got      {:?}\n   expected {:?}", op, dargs, short(&got), short(&expected)));
        }
    }
    (count, fails)
}

#[test]
fn hand_cases() {
    let f = |s: &str| parse_spec(s).unwrap();
    assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(float_repr(1e16), "1e+16");
    assert_eq!(float_repr(1e15), "1000000000000000.0");
    assert_eq!(float_repr(1.5e-5), "1.5e-05");
    assert_eq!(float_repr(-0.0), "-0.0");
    assert_eq!(float_repr(f64::NAN), "nan");
    assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
    assert_eq!(format_fixed(2.675, 2), "2.67");
    assert_eq!(format_fixed(0.5, 0), "0");
    assert_eq!(format_fixed(1.5, 0), "2");
    assert_eq!(format_fixed(-0.5, 0), "-0");
    assert_eq!(format_exp(3.14159265, 6, false), "3.141593e+00");
    assert_eq!(format_general(1e-5, 6, false, false), "1e-05");
    assert_eq!(format_repr_spec(1.0, Some(3)), "1.0");
    assert_eq!(format_repr_spec(1234.5, Some(2)), "1.2e+03");
    assert_eq!(round_float(2.675, 2), 2.67);
    assert_eq!(round_float(0.125, 2), 0.12);
    assert_eq!(round_float(1234.5678, -2), 1200.0);
    assert_eq!(round_half_even(2.5), 2.0);
    assert_eq!(round_half_even(-0.5), -0.0);
    assert_eq!(parse_float(" 1_000.5 "), Some(1000.5));
    assert_eq!(parse_float("1__0"), None);
    assert_eq!(float_floordiv(-7.0, 2.0), -4.0);
    assert_eq!(float_mod(-7.0, 2.0), 1.0);
    assert_eq!(float_hash(1.5), 1152921504606846977);
    assert_eq!(float_hash(2.0), 2);
    assert_eq!(i64_hash_py(-1), -2);
    assert_eq!(format_i64(42, &f("05d")).unwrap(), "00042");
    assert_eq!(format_i64(42, &f("#x")).unwrap(), "0x2a");
    assert_eq!(format_i64(1234, &f("08,")).unwrap(), "0,001,234");
    assert_eq!(format_float(1234567.891, &f(",.2f")).unwrap(), "1,234,567.89");
    assert_eq!(format_float(0.256, &f(".1%")).unwrap(), "25.6%");
    assert_eq!(format_str("abc", &f(".2")).unwrap(), "ab");
    assert_eq!(format_str("x", &f("^5")).unwrap(), "  x  ");
    assert_eq!(format_float(1.0, &f("d")).unwrap_err(), "Unknown format code 'd' for object of type 'float'");
    assert_eq!(parse_spec(".").unwrap_err(), "Format specifier missing precision");
    assert_eq!(format_str("a", &f(",")).unwrap_err(), "Cannot specify ',' with 's'.");
    assert_eq!(format_int_spec(&BigInt::from_i64(1), "abc", "int").unwrap_err(),
               "Invalid format specifier 'abc' for object of type 'int'");
    assert_eq!(format_float(1.0, &f("abc")).unwrap_err(),
               "Invalid format specifier 'abc' for object of type 'float'");
    assert_eq!(format_i64_typed(1, &f("s"), "bool").unwrap_err(),
               "Unknown format code 's' for object of type 'bool'");
    assert_eq!(error_class(&format_i64(-1, &f("c")).unwrap_err()), "OverflowError");
    let fact = (2..=25).fold(BigInt::one(), |acc, i| acc.mul(&BigInt::from_i64(i)));
    assert_eq!(fact.to_string(), "15511210043330985984000000");
    let a = big("123456789012345678901234567890");
    let b = big("987654321098765432109876543210");
    assert_eq!(a.mul(&b).to_string(), "121932631137021795226185032733622923332237463801111263526900");
    let (q, r) = b.neg().divmod_floor(&a);
    assert_eq!((q.to_string(), r.to_string()), ("-9".to_string(), "123456780012345678001234567800".to_string()));
    assert_eq!(BigInt::from_i64(2).pow(100).to_string(), "1267650600228229401496703205376");
}

#[test]
fn cpython_diff() {
    let seed = std::env::var("NUMERICS_SEED").unwrap_or_else(|_| "12345".to_string());
    let scale = std::env::var("NUMERICS_SCALE").unwrap_or_else(|_| "1".to_string());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/numerics_cases.py");
    let out = match std::process::Command::new("python3").arg(script).arg(&seed).arg(&scale).output() {
        Ok(o) if o.status.success() => o,
        _ => {
            eprintln!("python3 not available: skipping cpython_diff");
            return;
        }
    };
    let text = String::from_utf8(out.stdout).unwrap();
    let (count, fails) = run_all(&text);
    for f in fails.iter().take(40) {
        eprintln!("{}", f);
    }
    assert!(fails.is_empty(), "{} of {} cases differ from CPython", fails.len(), count);
}
