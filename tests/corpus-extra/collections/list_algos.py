# List manipulations: slicing, copying, in-place ops, stacks, sorting stability.
import copy
import bisect
import heapq

nums = [5, 3, 8, 1, 9, 2, 7]
print(nums[::2], nums[1::3], nums[-3:], nums[:-3], nums[::-2])
a = nums[:]
a.sort()
print(a, nums, sorted(nums, reverse=True), nums.index(9), 9 in nums)
b = nums.copy()
b[1:3] = [30, 40, 50]
del b[::3]
print(b, len(b))
b.insert(0, -1)
b.extend(range(3))
print(b, b.pop(), b.pop(0), b.count(0), b)
b.remove(40)
b.reverse()
print(b)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
alias = [[0] * 3] * 3
alias[1][1] = 5
print(grid, alias)
orig = [[1, 2], [3, 4]]
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig[0].append(99)
print(shallow, deep)
srt = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(srt, x)
print(srt, bisect.bisect_left(srt, 5), bisect.bisect_right(srt, 5), bisect.bisect(srt, 100))
h = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    heapq.heappush(h, x)
print([heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [3, 1, 4, 1, 5]), heapq.nsmallest(2, [3, 1, 4]))
h2 = [(3, "c"), (1, "a"), (2, "b")]
heapq.heapify(h2)
print(heapq.heappop(h2), h2[0], heapq.heappushpop(h2, (0, "z")))
pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 3)]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), max(words, key=len))
first, *middle, last = range(6)
print(first, middle, last)
(x, y), z = (1, 2), 3
print(x, y, z, [*range(3), *"ab"], (*range(2),))
stack = []
for tok in "3 4 + 2 *".split():
    if tok.isdigit():
        stack.append(int(tok))
    else:
        r, l = stack.pop(), stack.pop()
        stack.append(l + r if tok == "+" else l * r)
print(stack, [1, 2] + [3], [0] * 4, [1, 2] < [1, 3], [[1]] == [[1]], list(reversed(range(4))))
print(sum([[1], [2, 3]], []), any([]), all([]), list(filter(None, [0, 1, "", "a", None])))
print([i for i in range(20) if i % 3 == 0 if i % 2 == 0], [(i, j) for i in range(3) for j in range(i)])
