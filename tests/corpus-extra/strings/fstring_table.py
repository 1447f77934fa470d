# Exercises f-string format specs: nested fields, conversions, self-documenting expressions, numbers and dates.
planets = [("Mercury", 0.387, 3.30e23, 0), ("Venus", 0.723, 4.87e24, 0), ("Earth", 1.0, 5.97e24, 1),
           ("Mars", 1.524, 6.42e23, 2), ("Jupiter", 5.203, 1.898e27, 95)]
print(f"{'Planet':<10}{'AU':>8}{'Mass(kg)':>12}{'Moons':>7}")
for name, au, mass, moons in planets:
    print(f"{name:<10}{au:>8.3f}{mass:>12.2e}{moons:>7d}")
total_moons = sum(p[3] for p in planets)
print(f"{total_moons=}", f"{len(planets) = }", f"{planets[0][0]=!s}", f"{3.5=:>8}")
for w in (4, 8, 12):
    print(f"|{'x':>{w}}|{'y':^{w}}|{w:0{w}d}|")
val = 1234.56789
for spec in [".0f", ".1f", "10.2f", "<12,.3f", "+e", ".3g", "015.4f", "^15.2%", "_>12.1f"]:
    print(f"{spec:>9} -> [{val:{spec}}]")
n = -255
print(f"{n:x} {n:#x} {n:b} {-n:#010b} {n:+} {n:=+8} {n:8} {abs(n):o}")
print(f"{'abc'!r:>8} {'abc'!s:<6}| {'tab':{'*'}^9} {str(12):0>5}")
items = {"a": 1, "b": [1, 2]}
print(f"{items} {items['b']} {items['b'][-1]} {len(items):02}")
print(f"{(lambda x: x * 2)(21)} {'yes' if n < 0 else 'no'} {[i * i for i in range(4)]} {', '.join(map(str, range(3)))}")
print(f"{1e100:.3e} {1e-100} {12.0} {12.5:.0f} {13.5:.0f} {-1.5:.0f} {0.125:.2f} {0.375:.2f}")
print(f"{True:d} {True!r} {None!r:>6} {False:>6}")
print(f"{10**20:,} {-10**12:_} {2**64:x} {123456789:e}")
x, y = 3, 4
print(f"{x}/{y}={x / y:.4f} {x}//{y}={x // y} {x}**{y}={x ** y} {x % y=}")
name = "World"
print(f"Hello, {name}!", f"{name[::-1]}", f"{name.upper():*<10}", f"{name!r:^11}")
print(f"{'multi'}" f"{'part'}" "plain" f"{1 + 1}")
pct = [0.0, 0.001, 0.5, 0.999, 1.0, 1.2345]
print(" ".join(f"{p:.1%}" for p in pct))
print(" ".join(f"{p:6.2f}" for p in pct))
def bar(v, width=20):
    full = int(v * width)
    return f"[{'#' * full}{'.' * (width - full)}] {v:>5.0%}"
for v in [0, 0.33, 0.5, 0.875, 1]:
    print(bar(v))
print(f"{float('nan')} {float('inf'):+} {-float('inf'):.2f} {0.1 + 0.2} {1/7:.15f} {2/3:.17g}")
