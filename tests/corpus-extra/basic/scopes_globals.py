# global/nonlocal, default argument evaluation, name shadowing, del, recursion limits.
counter = 0
history = []

def bump(n=1):
    global counter
    counter += n
    history.append(counter)
    return counter

def make_acc():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add

def default_trap(item, bucket=[]):
    bucket.append(item)
    return bucket

def safe_default(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

for _ in range(3):
    bump()
bump(10)
print(counter, history)
acc = make_acc()
print(acc(5), acc(10), acc(-3))
print(default_trap(1), default_trap(2), safe_default(1), safe_default(2))
x = "global x"
def shadow():
    x = "local x"
    def inner():
        return x
    return inner()
print(shadow(), x)
def reader():
    return x.upper()
print(reader())
y = 10
del y
try:
    print(y)
except NameError as e:
    print("NameError:", e)
def unbound():
    try:
        print(z)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    z = 1
    return z
unbound()
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10)), hanoi(3))
i = 0
while i < 3:
    i += 1
print(i, [i for i in range(5)][-1], i)
fns = {}
for name in ("sq", "cube"):
    p = 2 if name == "sq" else 3
    fns[name] = lambda v, p=p: v ** p
print(fns["sq"](4), fns["cube"](2))
print(type(print).__name__, type(len), callable(bump), bump.__name__, abs.__name__)
a = b = [1]
a += [2]
print(a, b, a is b)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2, t is t2)
