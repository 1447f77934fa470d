# Graph algorithms: BFS shortest path, DFS topological sort, Dijkstra, union-find, cycle detection.
from collections import deque, defaultdict
import heapq

edges = [("A", "B", 4), ("A", "C", 2), ("B", "C", 5), ("B", "D", 10), ("C", "E", 3), ("E", "D", 4), ("D", "F", 11)]
graph = defaultdict(list)
for u, v, w in edges:
    graph[u].append((v, w))
    graph[v].append((u, w))

def bfs_path(start, goal):
    prev = {start: None}
    q = deque([start])
    while q:
        node = q.popleft()
        if node == goal:
            break
        for nxt, _ in sorted(graph[node]):
            if nxt not in prev:
                prev[nxt] = node
                q.append(nxt)
    path = []
    node = goal
    while node is not None:
        path.append(node)
        node = prev[node]
    return path[::-1]

def dijkstra(src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dict(sorted(dist.items()))

def topo_sort(deps):
    visited, order = set(), []
    def visit(n, stack=()):
        if n in stack:
            raise ValueError(f"cycle at {n}")
        if n in visited:
            return
        for m in deps.get(n, []):
            visit(m, stack + (n,))
        visited.add(n)
        order.append(n)
    for n in sorted(deps):
        visit(n)
    return order

class DSU:
    def __init__(self, n):
        self.parent = list(range(n))
        self.rank = [0] * n
    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x
    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True

print(bfs_path("A", "F"), bfs_path("C", "D"))
print(dijkstra("A"))
print(topo_sort({"app": ["lib", "util"], "lib": ["core"], "util": ["core"], "core": []}))
try:
    topo_sort({"a": ["b"], "b": ["a"]})
except ValueError as e:
    print("error:", e)
names = sorted({u for u, _, _ in edges} | {v for _, v, _ in edges})
idx = {n: i for i, n in enumerate(names)}
dsu = DSU(len(names))
mst = []
for u, v, w in sorted(edges, key=lambda e: e[2]):
    if dsu.union(idx[u], idx[v]):
        mst.append((u, v, w))
print(mst, sum(w for *_, w in mst))
grid = ["S.#.....", "..#.##.#", "....#..E", "##......"]
R, C = len(grid), len(grid[0])
start = next((r, c) for r in range(R) for c in range(C) if grid[r][c] == "S")
dist = {start: 0}
q = deque([start])
while q:
    r, c = q.popleft()
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < R and 0 <= nc < C and grid[nr][nc] != "#" and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            q.append((nr, nc))
end = [(r, c) for r in range(R) for c in range(C) if grid[r][c] == "E"][0]
print("maze distance", dist[end], len(dist))
