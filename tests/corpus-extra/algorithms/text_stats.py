# Word frequency, text justification, roman numerals, number to words, matrix spiral.
from collections import Counter
import re

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity."""

words = re.findall(r"[a-z]+", TEXT.lower())
freq = Counter(words)
for w, c in freq.most_common(5):
    print(f"{w:<8}{'#' * c} {c}")
print(len(words), len(freq), sorted(w for w in freq if freq[w] == 1))
print(re.sub(r"\s+", " ", TEXT)[:40], re.split(r",\s*", "a, b,c ,d"), re.match(r"(\w+) (\w+)", "hello big world").groups())
m = re.search(r"(?P<year>\d{4})-(?P<mon>\d\d)", "date: 2023-07-15")
print(m.group(0), m.group("year"), m["mon"], m.start(), m.span(), bool(re.fullmatch(r"\d+", "123")))

def justify(words, width):
    lines, cur = [], []
    for w in words:
        if sum(map(len, cur)) + len(cur) + len(w) > width:
            lines.append(cur)
            cur = []
        cur.append(w)
    lines.append(cur)
    out = []
    for ln in lines[:-1]:
        gaps = len(ln) - 1 or 1
        spaces = width - sum(map(len, ln))
        s = ""
        for i, w in enumerate(ln):
            s += w
            if i < gaps:
                s += " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
        out.append(s)
    out.append(" ".join(lines[-1]).ljust(width))
    return out

for line in justify("This is an example of text justification done by hand.".split(), 16):
    print(f"|{line}|")

def to_roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out

def from_roman(s):
    m = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        total += -m[a] if b != " " and m[a] < m[b] else m[a]
    return total

print([to_roman(n) for n in (4, 9, 14, 1994, 2024, 3999)], from_roman("MCMXCIV"))
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
def words_of(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return ONES[n // 100] + " hundred" + (" and " + words_of(n % 100) if n % 100 else "")
    return words_of(n // 1000) + " thousand" + (" " + words_of(n % 1000) if n % 1000 else "")
print([words_of(n) for n in (7, 42, 100, 315, 9999)])
def spiral(m):
    out = []
    while m:
        out += m.pop(0)
        m = [list(r) for r in zip(*m)][::-1]
    return out
print(spiral([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))
