def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i in range(n + 1) if is_p[i]]
ps = sieve(300000)
print(len(ps), ps[-3:])
grid = [[(r * 31 + c * 17) % 10 for c in range(200)] for r in range(200)]
total = 0
for r in range(1, 199):
    for c in range(1, 199):
        total += grid[r - 1][c] + grid[r + 1][c] - grid[r][c - 1] * grid[r][c + 1]
print(total)
words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor " * 2000).split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
s = []
for i in range(50000):
    s.append(str(i % 97))
text = ",".join(s)
print(len(text), text[:20], text.count("9"))
memo = {}
def fibm(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fibm(n - 1) + fibm(n - 2)
    memo[n] = r
    return r
print(fibm(300) % 1000000007)
seen = set()
for i in range(100000):
    seen.add((i * 7919) % 10007)
print(len(seen))
