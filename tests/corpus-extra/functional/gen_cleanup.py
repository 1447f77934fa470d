def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

for x in gen():
    print("got", x)
    break
print("after loop")
g = gen()
print(next(g))
g.close()
print("closed")
def counter():
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print("counter stopped at", n)
def use():
    c = counter()
    for v in c:
        if v == 3:
            return v
print("use", use())
h = gen()
print(list(h))
