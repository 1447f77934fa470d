# Classic sorting algorithms, binary search, and permutations generation.
import random

def bubble(a):
    a = a[:]
    n = len(a)
    swaps = 0
    for i in range(n):
        done = True
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swaps += 1
                done = False
        if done:
            break
    return a, swaps

def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out

def quick(a):
    if len(a) < 2:
        return a
    pivot, *rest = a
    return quick([x for x in rest if x < pivot]) + [pivot] + quick([x for x in rest if x >= pivot])

def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a

def counting_sort(a):
    if not a:
        return []
    lo, hi = min(a), max(a)
    counts = [0] * (hi - lo + 1)
    for x in a:
        counts[x - lo] += 1
    return [i + lo for i, c in enumerate(counts) for _ in range(c)]

def binary_search(a, target):
    lo, hi = 0, len(a) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid, steps
        elif a[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

def perms(s):
    if len(s) <= 1:
        return [s]
    return [s[i] + p for i in range(len(s)) for p in perms(s[:i] + s[i + 1:])]

random.seed(42)
data = [random.randint(-50, 50) for _ in range(15)]
print(data)
print(bubble(data))
print(merge_sort(data) == sorted(data), quick(data) == insertion(data) == counting_sort(data))
s = sorted(data)
print([binary_search(s, t) for t in (s[0], s[7], 1000)])
print(perms("abc"), len(perms("abcde")))
random.shuffle(data)
print(data[:5], random.choice("xyz"), random.random() < 1, random.sample(range(100), 3), round(random.uniform(1, 2), 4))
words = ["pear", "Fig", "apple", "date", "banana", "Cherry"]
print(sorted(words, key=lambda w: w.lower()), sorted(words, key=lambda w: (len(w), w.lower())))
recs = [{"n": "a", "s": 3}, {"n": "b", "s": 1}, {"n": "c", "s": 3}]
recs.sort(key=lambda r: r["s"], reverse=True)
print([r["n"] for r in recs])
