# Many formatting flavors: f-strings, format(), %, str methods on numbers, alignment tables.
items = [("Widget", 4, 3.5), ("Gizmo", 12, 10.0), ("Thingamajig", 1, 199.999)]
width = max(len(n) for n, _, _ in items)
print(f"{'Item':<{width}} | {'Qty':>4} | {'Price':>9}")
print("-" * (width + 19))
for name, qty, price in items:
    print(f"{name:<{width}} | {qty:>4d} | {price:>9.2f}")
print(f"{'':=^{width + 19}}")
n = 1234567.891
print(f"{n:,}", f"{n:_.2f}", f"{n:e}", f"{n:.3g}", f"{n:015.3f}", f"{-n:+,.0f}", f"{n:>20,.2f}|")
print(f"{42:b} {42:o} {42:x} {42:X} {42:#b} {42:#o} {42:#X} {42:c} {42:08.3f} {42:+d} {42: d}")
print(f"{0.25:%} {0.25:.0%} {1/3:.5f} {2/3:.1e} {1e-10:g} {123456789:g} {1.0:g} {0.0001:g}")
print(f"{'abc':*^9} {'abc':>6} {'abc':<6}| {'abcdef':.3} {'x'!r} {'y'!s} {3.0!r}")
print(f"{True} {None} {[1, 'a']} {(1,)} {{literal}} {{{1 + 1}}}")
val = 3.14159
prec = 3
print(f"{val:.{prec}f} {val:{10}.{2}f} {val=} {val * 2=:.2f} {prec = }")
print(format(255, "x"), format(255, "#010b"), format(3.5, "08.2f"), format("hi", "^6"), format(1e6, ",.1f"))
print("{:>8}|{:<8}|{:^8}|".format(1, 2.5, "c"), "{0:.2f} {0:.0f} {0:e}".format(2.675))
print("{a[0]} {b[k]} {c.real}".format(a=[9], b={"k": "v"}, c=5), "{!r:>8}".format("q"))
print("%d %i %5d %-5d| %05d %+d %x %X %o %e %E %g %G %%" % (7, 8, 9, 10, 11, 12, 255, 255, 8, 1.5, 1.5, 0.00001, 1e20))
print("%s %r %a %c %.3s %5.1f %-8.3e|" % ("s", "r", "é", 65, "abcdef", 2.25, 12345.6789))
print("%(x)s-%(y)05.1f" % {"x": "k", "y": 2.5}, "%*d|%-*d|" % (5, 1, 4, 2))
print(str(0.1), repr(0.1), str(1e-7), str(1e16), str(123.0), str(-0.0), str(float("inf")), round(2.675, 2))
print(f"{12345678901234567890:,}", f"{-5:05d}", f"{5:<05d}", f"{-0.0:.1f}", f"{1e300 * 1e10}")
print(f"{1.5:.0f} {2.5:.0f} {0.125:.2f} {0.375:.2f} {1e22:.0f} {float(2**53):.1f}")
print("|".join(f"{i:^5}" for i in range(3)), "|".join(f"{c:>3}" for c in "abc"))
print(f"{'nested ' + f'{1 + 2}'}", f"{'x' if val > 3 else 'y'}", f"{[f'{i:02}' for i in range(3)]}")
print("{:,d}".format(-1234567), "{:_x}".format(0xdeadbeef), "{:=+10.2f}".format(-3.5), "{:0=10d}".format(-42))
