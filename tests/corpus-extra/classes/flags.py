from enum import Flag, IntFlag, auto
class P(Flag):
    R=4; W=2; X=1
class C(Flag):
    RED=auto(); GREEN=auto(); BLUE=auto(); WHITE=RED|GREEN|BLUE
print(repr(P.X|P.R), str(P.X|P.R), (P.X|P.R).name, repr(P(0)), str(P(0)), P(0).name, bool(P(0)))
print(list(C), C.WHITE, repr(C.WHITE), list(C.WHITE), len(C.WHITE), C.RED in C.WHITE, ~C.RED, C(3), P(7), [m.value for m in C])
print(P.R & P.W, P.R ^ P.R, ~P.R, (P.R|P.W) & P.W, P.R|P.W == P(6), hash(P.R)==hash(P.R))
class I(IntFlag):
    A=1; B=2
print(I.A|I.B, repr(I.A|I.B), I.A|4, repr(I.A|4), I.A + 1, I.A == 1, str(I.A), f'{I.B}', I(3), list(I), ~I.A)
print(P.R.value, (P.R|P.X).value, isinstance(P.R|P.X, P), P.__members__.keys(), len(P), (P.R | P.W) is (P.W | P.R))
perm = P.R
perm |= P.W
print(perm, P.W in perm, P.X in perm, [p.name for p in P if p in perm])
