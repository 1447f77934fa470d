import statistics as s, random, copy, textwrap
print(s.mean([1,2,3]), s.mean([1,2]), s.variance([1,3,5]), s.pvariance([1,2,3]), s.stdev([1,2,3,4]), s.mean([0.1,0.2,0.7]), s.median([1,3]), s.mode('aab'), s.pstdev([2,4,4,4,5,5,7,9]))
print(s.median([5, 1, 3]), s.median_low([1, 2, 3, 4]), s.median_high([1, 2, 3, 4]), s.multimode("aabbc"), s.fmean([1, 2, 4]), s.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
random.seed(42); print(random.random(), random.randint(1,10), random.choice('abc'), random.randrange(0,100,7), random.sample(range(100), 5), random.uniform(1,2))
l=list(range(10)); random.shuffle(l); print(l, random.choices('abc', k=4), random.choices('abc', weights=[1,5,1], k=3), random.gauss(0,1), random.getrandbits(70))
random.seed('hello'); print(random.random()); random.seed(2**80+5); print(random.random())
random.seed(7); print([random.randint(1, 6) for _ in range(10)], random.sample(["a", "b", "c", "d"], 2), random.randrange(10, 0, -3))
try: random.randrange(5,5)
except Exception as e: print(e)
a = [[1, 2], {"k": [3]}]
b = copy.copy(a); c = copy.deepcopy(a)
b[0].append(9); c[1]["k"].append(4)
print(a, b, c, b[0] is a[0], c[0] is a[0])
class P:
    def __init__(self, xs): self.xs = xs
p = P([1]); q = copy.deepcopy(p); q.xs.append(2); r = copy.copy(p); r.xs.append(3)
print(p.xs, q.xs, r.xs is p.xs)
t = "The quick brown fox jumps over the lazy dog and keeps running far away"
print(textwrap.wrap(t, 20))
print(textwrap.fill(t, width=30))
print(textwrap.dedent("""\
    hello
      world
    """))
print(textwrap.indent("a\nb\n", "> "), textwrap.shorten("Hello  world, this is long", width=15))
